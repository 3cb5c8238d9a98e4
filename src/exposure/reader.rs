//! Reading bucket settings through the S3, S3 Control and STS APIs.
//!
//! In: AWS options (profile, region, endpoint URL) and bucket names. Out:
//! [`BucketSettings`] per bucket and [`AccountSettings`] once per run. Every
//! call's failure is kept as a [`ReadError`]; the documented "not
//! configured" error codes become `Ok(None)`.
//!
//! Requests for a bucket go to a client for the bucket's own region
//! (GetBucketLocation first); a bucket's ten reads run concurrently and at
//! most `concurrency` buckets are read at a time. With an endpoint URL
//! (moto, MinIO), S3 Control requests would go to `{account}.{host}`, which
//! does not resolve on a local endpoint; an interceptor puts them back on
//! the configured host before signing.

use super::settings::*;
use crate::aws::{s3_client, sdk_config, AwsOptions};
use aws_config::SdkConfig;
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_s3::primitives::DateTimeFormat;
use std::collections::HashMap;
use std::sync::Mutex;

/// An error and its sources, Display only (the SDK's Debug dump is too long to show).
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        let t = s.to_string();
        if !parts.contains(&t) {
            parts.push(t);
        }
        cur = s.source();
    }
    parts.join(": ")
}

/// moto answers GetBucketVersioning with a root element of the wrong
/// name (`GetBucketVersioningResponse`), which the SDK refuses to parse. For
/// a 200 answer the SDK could not parse, read `Status` and `MfaDelete` from
/// the body directly; absent elements mean "never configured".
fn versioning_from_raw<E>(
    r: &Result<impl Sized, SdkError<E, aws_sdk_s3::config::http::HttpResponse>>,
) -> Option<Versioning> {
    let Err(e) = r else { return None };
    let raw = e.raw_response()?;
    if raw.status().as_u16() != 200 {
        return None;
    }
    let body = String::from_utf8_lossy(raw.body().bytes()?).to_string();
    if !body.contains("VersioningResponse") && !body.contains("VersioningConfiguration") {
        return None;
    }
    let elem = |name: &str| {
        let open = format!("<{name}>");
        let start = body.find(&open)? + open.len();
        let end = body[start..].find('<')? + start;
        Some(body[start..end].trim().to_string())
    };
    Some(Versioning {
        status: elem("Status"),
        mfa_delete: elem("MfaDelete"),
    })
}

/// Turn an SDK error into a [`ReadError`]; `absent` codes mean "not configured".
fn classify<T, E>(
    api: &str,
    r: Result<T, SdkError<E, aws_sdk_s3::config::http::HttpResponse>>,
    absent: &[&str],
) -> Read<Option<T>>
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            let code = e.code().map(str::to_string);
            if code.as_deref().is_some_and(|c| absent.contains(&c)) {
                return Ok(None);
            }
            let status = e.raw_response().map(|r| r.status().as_u16());
            let message = match (e.message(), status) {
                (Some(m), _) => m.to_string(),
                // 403 with an empty body (moto's policy denial) has no code.
                (None, Some(403)) => "HTTP 403 Forbidden (no error body)".into(),
                (None, Some(s)) => format!("HTTP {s}: {}", chain(&e)),
                (None, None) => chain(&e),
            };
            let code = code.or_else(|| (status == Some(403)).then(|| "AccessDenied".to_string()));
            Err(ReadError {
                api: api.to_string(),
                code,
                message,
            })
        }
    }
}

/// Strips the `{account}.` host prefix S3 Control adds, for local endpoints.
#[derive(Debug)]
struct StripAccountHost {
    host: String,
}

impl aws_sdk_s3control::config::Intercept for StripAccountHost {
    fn name(&self) -> &'static str {
        "StripAccountHost"
    }

    fn modify_before_signing(
        &self,
        context: &mut aws_sdk_s3control::config::interceptors::BeforeTransmitInterceptorContextMut<
            '_,
        >,
        _rc: &aws_sdk_s3control::config::RuntimeComponents,
        _cfg: &mut aws_sdk_s3control::config::ConfigBag,
    ) -> Result<(), aws_sdk_s3control::error::BoxError> {
        let uri = context.request().uri().to_string();
        if let Some((scheme, rest)) = uri.split_once("://") {
            if let Some((_, tail)) = rest.split_once('.') {
                if tail.starts_with(&self.host) && !rest.starts_with(&self.host) {
                    context
                        .request_mut()
                        .set_uri(format!("{scheme}://{tail}"))?;
                }
            }
        }
        Ok(())
    }
}

/// The host (and port) of an endpoint URL.
fn endpoint_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|x| x.1).unwrap_or(url);
    let host = rest.split('/').next()?;
    (!host.is_empty()).then(|| host.to_string())
}

/// An S3 Control client from the shared configuration; with an endpoint
/// URL, requests stay on the endpoint's host (no `{account}.` prefix).
pub fn s3control_client(conf: &SdkConfig, opts: &AwsOptions) -> aws_sdk_s3control::Client {
    let mut b = aws_sdk_s3control::config::Builder::from(conf);
    if let Some(host) = opts.endpoint_url.as_deref().and_then(endpoint_host) {
        b = b.interceptor(StripAccountHost { host });
    }
    aws_sdk_s3control::Client::from_conf(b.build())
}

/// Reads settings; one per run, shared by the tasks reading buckets.
pub struct SettingsReader {
    conf: SdkConfig,
    opts: AwsOptions,
    clients: Mutex<HashMap<String, aws_sdk_s3::Client>>,
    in_flight: std::sync::Arc<tokio::sync::Semaphore>,
}

fn dt(d: &aws_sdk_s3::primitives::DateTime) -> Option<String> {
    d.fmt(DateTimeFormat::DateTime).ok()
}

impl SettingsReader {
    /// Load the SDK configuration (standard credential chain).
    pub async fn new(opts: &AwsOptions, max_in_flight: usize) -> Self {
        SettingsReader {
            conf: sdk_config(opts).await,
            opts: opts.clone(),
            clients: Mutex::new(HashMap::new()),
            in_flight: std::sync::Arc::new(tokio::sync::Semaphore::new(max_in_flight.max(1))),
        }
    }

    /// Run one request under the in-flight limit.
    async fn limited<F: std::future::Future>(&self, f: F) -> F::Output {
        let _permit = self.in_flight.acquire().await;
        f.await
    }

    fn s3(&self, region: Option<&str>) -> aws_sdk_s3::Client {
        let key = region.unwrap_or("").to_string();
        let mut m = self.clients.lock().unwrap_or_else(|p| p.into_inner());
        m.entry(key)
            .or_insert_with(|| s3_client(&self.conf, &self.opts, region))
            .clone()
    }

    fn s3control(&self) -> aws_sdk_s3control::Client {
        s3control_client(&self.conf, &self.opts)
    }

    /// The caller's account id (STS GetCallerIdentity).
    pub async fn caller_account(&self) -> Read<String> {
        let sts = aws_sdk_sts::Client::new(&self.conf);
        let r = classify(
            "GetCallerIdentity",
            sts.get_caller_identity().send().await,
            &[],
        )?;
        r.and_then(|o| o.account().map(str::to_string))
            .ok_or_else(|| ReadError::new("GetCallerIdentity", "no account in the answer"))
    }

    /// Account-level Block Public Access (S3 Control GetPublicAccessBlock).
    pub async fn account_block_public_access(
        &self,
        account_id: &str,
    ) -> Read<Option<BlockPublicAccess>> {
        let c = self.s3control();
        let r = c
            .get_public_access_block()
            .account_id(account_id)
            .send()
            .await;
        let r = classify(
            "GetPublicAccessBlock (account)",
            r,
            &["NoSuchPublicAccessBlockConfiguration"],
        )?;
        Ok(r.and_then(|o| {
            o.public_access_block_configuration()
                .map(|p| BlockPublicAccess {
                    block_public_acls: p.block_public_acls().unwrap_or(false),
                    ignore_public_acls: p.ignore_public_acls().unwrap_or(false),
                    block_public_policy: p.block_public_policy().unwrap_or(false),
                    restrict_public_buckets: p.restrict_public_buckets().unwrap_or(false),
                })
        }))
    }

    /// Account id and account-level settings; `account_id` overrides STS.
    pub async fn account(&self, account_id: Option<&str>) -> AccountSettings {
        let account_id = match account_id {
            Some(a) => Ok(a.to_string()),
            None => self.caller_account().await,
        };
        let block_public_access = match &account_id {
            Ok(a) => self.account_block_public_access(a).await,
            Err(e) => Err(ReadError::new(
                "GetPublicAccessBlock (account)",
                format!("account id unknown ({e}); pass --account-id"),
            )),
        };
        AccountSettings {
            account_id,
            block_public_access,
        }
    }

    /// Every bucket (ListBuckets, all pages) with its creation time.
    pub async fn list_buckets(&self) -> Result<Vec<(String, Option<String>)>, SettingsError> {
        let c = self.s3(None);
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let r = c
                .list_buckets()
                .set_continuation_token(token.clone())
                .send()
                .await;
            let page = classify("ListBuckets", r, &[])
                .map_err(SettingsError::ListBuckets)?
                .expect("no absent codes");
            for b in page.buckets() {
                if let Some(n) = b.name() {
                    out.push((n.to_string(), b.creation_date().and_then(dt)));
                }
            }
            match page.continuation_token() {
                Some(t) if !t.is_empty() && Some(t) != token.as_deref() => {
                    token = Some(t.to_string())
                }
                _ => break,
            }
        }
        out.sort();
        Ok(out)
    }

    /// Read all settings of one bucket (calls run concurrently).
    pub async fn bucket(
        &self,
        name: &str,
        created_at: Option<String>,
        account: &AccountSettings,
    ) -> BucketSettings {
        let loc = self
            .s3(None)
            .get_bucket_location()
            .bucket(name)
            .send()
            .await;
        let region = classify("GetBucketLocation", loc, &[]).map(|o| {
            let lc = o
                .and_then(|o| o.location_constraint().map(|l| l.as_str().to_string()))
                .unwrap_or_default();
            match lc.as_str() {
                "" => "us-east-1".to_string(),
                "EU" => "eu-west-1".to_string(),
                r => r.to_string(),
            }
        });
        let c = self.s3(region.as_deref().ok());
        let (bpa, acl, own, pol, st, enc, ver, rep, log, lock) = tokio::join!(
            self.limited(c.get_public_access_block().bucket(name).send()),
            self.limited(c.get_bucket_acl().bucket(name).send()),
            self.limited(c.get_bucket_ownership_controls().bucket(name).send()),
            self.limited(c.get_bucket_policy().bucket(name).send()),
            self.limited(c.get_bucket_policy_status().bucket(name).send()),
            self.limited(c.get_bucket_encryption().bucket(name).send()),
            self.limited(c.get_bucket_versioning().bucket(name).send()),
            self.limited(c.get_bucket_replication().bucket(name).send()),
            self.limited(c.get_bucket_logging().bucket(name).send()),
            self.limited(c.get_object_lock_configuration().bucket(name).send()),
        );
        BucketSettings {
            name: name.to_string(),
            created_at,
            region,
            account: account.clone(),
            block_public_access: classify(
                "GetPublicAccessBlock",
                bpa,
                &["NoSuchPublicAccessBlockConfiguration"],
            )
            .map(|o| {
                o.and_then(|o| {
                    o.public_access_block_configuration()
                        .map(|p| BlockPublicAccess {
                            block_public_acls: p.block_public_acls().unwrap_or(false),
                            ignore_public_acls: p.ignore_public_acls().unwrap_or(false),
                            block_public_policy: p.block_public_policy().unwrap_or(false),
                            restrict_public_buckets: p.restrict_public_buckets().unwrap_or(false),
                        })
                })
            }),
            acl: classify("GetBucketAcl", acl, &[]).map(|o| o.map(acl_of).unwrap_or_default()),
            ownership: classify(
                "GetBucketOwnershipControls",
                own,
                &["OwnershipControlsNotFoundError"],
            )
            .map(|o| {
                o.and_then(|o| {
                    o.ownership_controls()
                        .and_then(|c| c.rules().first())
                        .map(|r| r.object_ownership().as_str().to_string())
                })
            }),
            policy: classify("GetBucketPolicy", pol, &["NoSuchBucketPolicy"])
                .map(|o| o.and_then(|o| o.policy().map(str::to_string))),
            policy_status: classify("GetBucketPolicyStatus", st, &["NoSuchBucketPolicy"])
                .map(|o| o.and_then(|o| o.policy_status().and_then(|p| p.is_public()))),
            encryption: classify(
                "GetBucketEncryption",
                enc,
                &["ServerSideEncryptionConfigurationNotFoundError"],
            )
            .map(|o| {
                o.and_then(|o| {
                    let rule = o.server_side_encryption_configuration()?.rules().first()?;
                    let d = rule.apply_server_side_encryption_by_default()?;
                    Some(DefaultEncryption {
                        algorithm: d.sse_algorithm().as_str().to_string(),
                        kms_master_key_id: d.kms_master_key_id().map(str::to_string),
                        bucket_key_enabled: rule.bucket_key_enabled().unwrap_or(false),
                    })
                })
            }),
            versioning: match versioning_from_raw(&ver) {
                Some(v) => Ok(v),
                None => classify("GetBucketVersioning", ver, &[]).map(|o| {
                    o.map(|o| Versioning {
                        status: o.status().map(|s| s.as_str().to_string()),
                        mfa_delete: o.mfa_delete().map(|s| s.as_str().to_string()),
                    })
                    .unwrap_or_default()
                }),
            },
            replication: classify(
                "GetBucketReplication",
                rep,
                &["ReplicationConfigurationNotFoundError"],
            )
            .map(|o| {
                o.and_then(|o| {
                    let rc = o.replication_configuration()?;
                    Some(Replication {
                        role: rc.role().to_string(),
                        rules: rc
                            .rules()
                            .iter()
                            .map(|r| ReplicationRule {
                                id: r.id().map(str::to_string),
                                status: r.status().as_str().to_string(),
                                destination_bucket: r
                                    .destination()
                                    .map(|d| d.bucket().to_string())
                                    .unwrap_or_default(),
                                destination_account: r
                                    .destination()
                                    .and_then(|d| d.account())
                                    .map(str::to_string),
                            })
                            .collect(),
                    })
                })
            }),
            logging: classify("GetBucketLogging", log, &[]).map(|o| {
                o.and_then(|o| {
                    o.logging_enabled().map(|l| Logging {
                        target_bucket: l.target_bucket().to_string(),
                        target_prefix: l.target_prefix().to_string(),
                    })
                })
            }),
            object_lock: classify(
                "GetObjectLockConfiguration",
                lock,
                &["ObjectLockConfigurationNotFoundError"],
            )
            .map(|o| {
                o.and_then(|o| {
                    let c = o.object_lock_configuration()?;
                    let ret = c.rule().and_then(|r| r.default_retention());
                    Some(ObjectLock {
                        enabled: c
                            .object_lock_enabled()
                            .is_some_and(|e| e.as_str() == "Enabled"),
                        mode: ret.and_then(|r| r.mode()).map(|m| m.as_str().to_string()),
                        days: ret.and_then(|r| r.days()),
                        years: ret.and_then(|r| r.years()),
                    })
                })
            }),
        }
    }
}

fn acl_of(o: aws_sdk_s3::operation::get_bucket_acl::GetBucketAclOutput) -> Acl {
    use aws_sdk_s3::types::Type;
    let grants = o
        .grants()
        .iter()
        .filter_map(|g| {
            let ge = g.grantee()?;
            let grantee = match ge.r#type() {
                Type::Group => match ge.uri().unwrap_or("") {
                    "http://acs.amazonaws.com/groups/global/AllUsers" => Grantee::AllUsers,
                    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" => {
                        Grantee::AuthenticatedUsers
                    }
                    "http://acs.amazonaws.com/groups/s3/LogDelivery" => Grantee::LogDelivery,
                    u => Grantee::Group { uri: u.to_string() },
                },
                Type::AmazonCustomerByEmail => Grantee::Email {
                    address: ge.email_address().unwrap_or("").to_string(),
                },
                _ => Grantee::CanonicalUser {
                    id: ge.id().unwrap_or("").to_string(),
                    display_name: ge.display_name().map(str::to_string),
                },
            };
            Some(AclGrant {
                grantee,
                permission: g
                    .permission()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_default(),
            })
        })
        .collect();
    Acl {
        owner_id: o.owner().and_then(|x| x.id()).map(str::to_string),
        owner_display_name: o.owner().and_then(|x| x.display_name()).map(str::to_string),
        grants,
    }
}

impl SettingsReader {
    /// Read many buckets, at most `concurrency` at a time; results in input order.
    pub async fn buckets(
        self: &std::sync::Arc<Self>,
        targets: Vec<(String, Option<String>)>,
        account: &AccountSettings,
        concurrency: usize,
    ) -> Vec<BucketSettings> {
        let sem = std::sync::Arc::new(tokio::sync::Semaphore::new(concurrency.max(1)));
        let mut set = tokio::task::JoinSet::new();
        for (i, (name, created)) in targets.into_iter().enumerate() {
            let me = self.clone();
            let acct = account.clone();
            let sem = sem.clone();
            set.spawn(async move {
                let _permit = sem.acquire_owned().await;
                (i, me.bucket(&name, created, &acct).await)
            });
        }
        let mut out = Vec::new();
        while let Some(r) = set.join_next().await {
            if let Ok(x) = r {
                out.push(x);
            }
        }
        out.sort_by_key(|(i, _)| *i);
        out.into_iter().map(|(_, b)| b).collect()
    }
}
