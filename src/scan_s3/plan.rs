//! Before and while scanning S3: which buckets (explicit, or ListBuckets
//! filtered by globs), each bucket's region, client and owner, and the
//! listing of each prefix, which dispatches one task per object in scope.

use super::*;

/// A bucket to scan, resolved.
pub(super) struct Plan {
    pub(super) rt: BucketRt,
    pub(super) prefixes: Vec<String>,
    pub(super) error: Option<Failure>,
}

/// Find the buckets: explicit ones, then (with `all_buckets`) ListBuckets
/// filtered by the bucket globs; then each bucket's region, client and owner.
pub(super) async fn resolve(s3: &S3ScanOptions) -> Result<Vec<Plan>, S3Error> {
    let conf = aws::sdk_config(&s3.aws).await;
    let base = aws::s3_client(&conf, &s3.aws, None);
    // (name, prefixes, region from ListBuckets, owner from ListBuckets)
    let mut wanted: Vec<(
        String,
        Vec<String>,
        Option<String>,
        Option<serde_json::Value>,
    )> = group_targets(&s3.targets)
        .into_iter()
        .map(|(b, p)| (b, p, None, None))
        .collect();
    if s3.all_buckets {
        let (mut all, owner) =
            list::list_buckets(&base)
                .await
                .map_err(|f| S3Error::ListBuckets {
                    reason: f.reason,
                    detail: f.detail,
                })?;
        all.sort_by(|a, b| a.name.cmp(&b.name));
        for lb in all {
            if let Some(w) = wanted.iter_mut().find(|w| w.0 == lb.name) {
                w.2 = lb.region.clone();
                w.3 = owner.clone();
                continue;
            }
            if s3
                .bucket_include
                .as_ref()
                .is_some_and(|g| !g.is_match(&lb.name))
                || s3
                    .bucket_exclude
                    .as_ref()
                    .is_some_and(|g| g.is_match(&lb.name))
            {
                continue;
            }
            wanted.push((lb.name, vec![String::new()], lb.region, owner.clone()));
        }
    }
    // Regions, then owners: independent per bucket, so looked up
    // concurrently (a few hundred buckets must not cost minutes of
    // sequential calls before the first object is read).
    let limit = Arc::new(Semaphore::new(s3.concurrency.clamp(1, 32)));
    let stats: Vec<Arc<BucketStats>> = wanted
        .iter()
        .map(|_| Arc::new(BucketStats::default()))
        .collect();
    let mut regions: Vec<Option<Result<String, Failure>>> =
        wanted.iter().map(|w| w.2.clone().map(Ok)).collect();
    let mut set = tokio::task::JoinSet::new();
    for (i, w) in wanted.iter().enumerate() {
        if regions[i].is_some() {
            continue;
        }
        let (base, name, st, lim) = (base.clone(), w.0.clone(), stats[i].clone(), limit.clone());
        set.spawn(async move {
            let _p = lim.acquire_owned().await;
            (i, list::bucket_region(&base, &name, &st).await)
        });
    }
    while let Some(r) = set.join_next().await {
        let (i, region) = r.expect("region lookup task");
        regions[i] = Some(region);
    }
    let mut clients: HashMap<String, aws_sdk_s3::Client> = HashMap::new();
    let mut plans: Vec<Plan> = Vec::new();
    for (i, ((name, prefixes, _, owner), region)) in wanted.into_iter().zip(regions).enumerate() {
        let region = region.expect("every region looked up");
        let (region, client, error) = match region {
            Err(f) => (None, None, Some(f)),
            Ok(r) => {
                let c = clients
                    .entry(r.clone())
                    .or_insert_with(|| aws::s3_client(&conf, &s3.aws, Some(&r)))
                    .clone();
                (Some(r), Some(c), None)
            }
        };
        plans.push(Plan {
            rt: BucketRt {
                name,
                region,
                owner,
                client,
                stats: stats[i].clone(),
            },
            prefixes,
            error,
        });
    }
    let mut set = tokio::task::JoinSet::new();
    for (i, p) in plans.iter().enumerate() {
        let Some(client) = p.rt.client.clone() else {
            continue;
        };
        if p.rt.owner.is_some() {
            continue;
        }
        let (name, st, lim) = (p.rt.name.clone(), p.rt.stats.clone(), limit.clone());
        set.spawn(async move {
            let _p = lim.acquire_owned().await;
            (i, list::bucket_owner(&client, &name, &st).await)
        });
    }
    while let Some(r) = set.join_next().await {
        let (i, owner) = r.expect("owner lookup task");
        plans[i].rt.owner = owner;
    }
    Ok(plans)
}

/// List one prefix of one bucket, dispatching an object task per object in
/// scope. Waits for a task permit before each dispatch (backpressure).
pub(super) async fn list_prefix(
    sh: Arc<Shared>,
    b: usize,
    prefix: String,
    page_size: Option<i32>,
    tasks: Arc<Semaphore>,
    progress_queued: Arc<std::sync::atomic::AtomicU64>,
) {
    let bk = &sh.buckets[b];
    let Some(client) = bk.client.clone() else {
        return;
    };
    let res = list::list_objects(
        &client,
        &bk.name,
        &prefix,
        page_size,
        &bk.stats,
        &sh.cancel,
        |page: Vec<ListedObject>| {
            let sh = sh.clone();
            let tasks = tasks.clone();
            let queued = progress_queued.clone();
            async move {
                let mut out = 0u64;
                for o in page {
                    let bk = &sh.buckets[b];
                    let listed = crate::source::s3::criteria::Listed {
                        bucket: &bk.name,
                        key: &o.key,
                        size: o.size,
                        last_modified: o.last_modified,
                        storage_class: &o.storage_class,
                    };
                    if !sh.criteria.in_scope(&listed) {
                        out += 1;
                        continue;
                    }
                    let Ok(permit) = tasks.clone().acquire_owned().await else {
                        return;
                    };
                    if sh.cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    queued.fetch_add(1, Ordering::Relaxed);
                    tokio::spawn(fetch::object_task(sh.clone(), b, o, permit));
                }
                if out > 0 {
                    let _ = sh.msgs.send(Msg::OutOfScope { bucket: b, n: out }).await;
                }
            }
        },
    )
    .await;
    if let Err(failure) = res {
        let _ = sh.msgs.send(Msg::BucketError { bucket: b, failure }).await;
    }
}
