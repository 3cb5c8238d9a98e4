//! AWS client configuration shared by S3 scanning and bucket exposure checks.
//!
//! In: the user's choices (`--profile`, `--region`, `--endpoint-url`,
//! retries, timeouts). Out: an `SdkConfig` from `aws-config`'s standard chain
//! (environment, shared config and profiles, SSO, web identity, container and
//! instance metadata) and S3 clients per region. With an endpoint URL
//! (MinIO, Ceph, SeaweedFS, moto) path-style addressing is forced.
//! Throttling (503 SlowDown) and transient errors are retried by the SDK's
//! standard retry strategy with backoff; operation and attempt timeouts make
//! a server that stops answering a failure, never a hang.

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use std::time::Duration;

/// How to reach AWS or an S3-compatible store.
#[derive(Debug, Clone)]
pub struct AwsOptions {
    /// Named profile.
    pub profile: Option<String>,
    /// Region (otherwise from the chain, then `us-east-1`).
    pub region: Option<String>,
    /// Endpoint URL of an S3-compatible store.
    pub endpoint_url: Option<String>,
    /// Attempts per request, the first included.
    pub max_attempts: u32,
    /// Timeout for one attempt.
    pub attempt_timeout: Duration,
    /// Timeout for a whole operation, retries included (not for body streaming).
    pub operation_timeout: Duration,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Read timeout: no byte for this long fails the request.
    pub read_timeout: Duration,
}

impl Default for AwsOptions {
    fn default() -> Self {
        AwsOptions {
            profile: None,
            region: None,
            endpoint_url: None,
            max_attempts: 5,
            attempt_timeout: Duration::from_secs(60),
            operation_timeout: Duration::from_secs(300),
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(30),
        }
    }
}

/// Load the shared SDK configuration.
pub async fn sdk_config(o: &AwsOptions) -> SdkConfig {
    let mut l = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(
            RetryConfig::standard()
                .with_max_attempts(o.max_attempts.max(1))
                .with_initial_backoff(Duration::from_millis(200)),
        )
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(o.connect_timeout)
                .read_timeout(o.read_timeout)
                .operation_attempt_timeout(o.attempt_timeout)
                .build(),
        );
    if let Some(p) = &o.profile {
        l = l.profile_name(p);
    }
    if let Some(e) = &o.endpoint_url {
        l = l.endpoint_url(e);
    }
    let conf = match &o.region {
        Some(r) => l.region(Region::new(r.clone())).load().await,
        None => l.load().await,
    };
    if conf.region().is_none() {
        // No region anywhere in the chain: S3 accepts us-east-1 for discovery.
        let mut b = conf.to_builder();
        b.set_region(Some(Region::new("us-east-1")));
        return b.build();
    }
    conf
}

/// An S3 client, optionally for another region (a bucket's own).
pub fn s3_client(conf: &SdkConfig, o: &AwsOptions, region: Option<&str>) -> aws_sdk_s3::Client {
    let mut b = aws_sdk_s3::config::Builder::from(conf);
    if o.endpoint_url.is_some() {
        b = b.force_path_style(true);
    }
    if let Some(r) = region {
        b = b.region(Region::new(r.to_string()));
    }
    aws_sdk_s3::Client::from_conf(b.build())
}
