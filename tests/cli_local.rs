//! End-to-end tests of `piiscan scan` on local directories, run as a user
//! would: the built binary, real files in a temp directory, exit codes and
//! every output format checked.

use std::path::Path;
use std::process::{Command, Output};

const SECRET: &str = "k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";

fn piiscan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_piiscan"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run piiscan")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn sample_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::create_dir_all(p.join("config")).unwrap();
    std::fs::write(
        p.join("config/.env"),
        format!("# deploy\nAWS_SECRET_ACCESS_KEY={SECRET}\n"),
    )
    .unwrap();
    std::fs::write(p.join("notes.txt"), "nothing to see here\njust notes\n").unwrap();
    std::fs::write(
        p.join("staff.txt"),
        "employee record EMP-123456 updated\nid EMP-999999 without keyword\n",
    )
    .unwrap();
    std::fs::write(p.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    d
}

fn custom_ids(dir: &Path) -> String {
    let f = dir.join("ids.json");
    std::fs::write(&f, r#"[{"name":"EmployeeId","regex":"EMP-[0-9]{6}","keywords":["employee"],"maximumMatchDistance":20}]"#).unwrap();
    f.display().to_string()
}

#[test]
fn text_summary_masks_and_exit_code() {
    let d = sample_dir();
    let o = piiscan(&["scan", d.path().to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "findings => exit 1\n{out}");
    assert!(out.contains("AWS_CREDENTIALS"), "{out}");
    assert!(out.contains("config/.env"), "{out}");
    assert!(!out.contains(SECRET), "secret printed in the clear:\n{out}");
    assert!(out.contains("k3Hq****"), "masked sample shown:\n{out}");
    assert!(
        out.contains("UNSUPPORTED_FILE_TYPE"),
        "skipped png reported:\n{out}"
    );
    assert!(out.contains("sensitivity score"), "{out}");
}

#[test]
fn reveal_shows_the_value() {
    let d = sample_dir();
    let o = piiscan(&["scan", d.path().to_str().unwrap(), "--reveal"]);
    assert!(stdout(&o).contains(SECRET));
}

#[test]
fn json_has_findings_results_and_summaries() {
    let d = sample_dir();
    let o = piiscan(&["scan", d.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["type"], "SensitiveData:S3Object/Credentials");
    assert_eq!(f["severity"]["description"], "High");
    let det = &f["classificationDetails"]["result"]["sensitiveData"][0]["detections"][0];
    assert_eq!(det["type"], "AWS_CREDENTIALS");
    assert_eq!(det["count"], 1);
    let lr = &det["occurrences"]["lineRanges"][0];
    assert_eq!(lr["start"], 2);
    assert_eq!(lr["startColumn"], 23);
    assert_eq!(det["occurrences"]["offsetRanges"][0]["start"], 31);
    assert_eq!(f["resourcesAffected"]["s3Object"]["key"], "config/.env");
    // every object in scope has a result
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let outcome = |k: &str| {
        results
            .iter()
            .find(|r| r["key"] == k)
            .map(|r| r["outcome"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(outcome("config/.env"), "SENSITIVE");
    assert_eq!(outcome("notes.txt"), "CLEAN");
    assert_eq!(outcome("logo.png"), "SKIPPED");
    let s = &v["summaries"][0];
    assert_eq!(s["objectsInScope"], 4);
    assert_eq!(s["objectsWithFindings"], 1);
    assert_eq!(s["objectsSkipped"]["UNSUPPORTED_FILE_TYPE"], 1);
    assert!(!String::from_utf8_lossy(&o.stdout).contains(SECRET));
}

#[test]
fn jsonl_results_file_and_deterministic_output() {
    let d = sample_dir();
    let res = d.path().join("out/results.jsonl");
    std::fs::create_dir_all(res.parent().unwrap()).unwrap();
    let a = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--format",
        "jsonl",
        "--exclude",
        "out/**",
        "--results",
        res.to_str().unwrap(),
    ]);
    let lines: Vec<serde_json::Value> = stdout(&a)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let results = std::fs::read_to_string(&res).unwrap();
    assert_eq!(results.lines().count(), 4, "{results}");
    let keys: Vec<String> = results
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["key"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "results sorted by key");
    let b = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--format",
        "jsonl",
        "--exclude",
        "out/**",
    ]);
    let strip = |s: String| {
        s.lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                for k in ["createdAt", "updatedAt", "id"] {
                    v[k] = serde_json::Value::Null;
                }
                v["classificationDetails"]["jobId"] = serde_json::Value::Null;
                v["classificationDetails"]["detailedResultsLocation"] = serde_json::Value::Null;
                v.to_string()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip(stdout(&a)),
        strip(stdout(&b)),
        "same data, same output"
    );
}

#[test]
fn clean_directory_exits_zero() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "hello\n").unwrap();
    let o = piiscan(&["scan", d.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("No sensitive data found"));
}

#[test]
fn custom_identifiers_keywords_and_allow_list() {
    let d = sample_dir();
    let ids = custom_ids(d.path());
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--custom-identifiers",
        &ids,
        "--format",
        "json",
        "--exclude",
        "ids.json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let staff = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resourcesAffected"]["s3Object"]["key"] == "staff.txt")
        .expect("staff finding");
    assert_eq!(staff["type"], "SensitiveData:S3Object/CustomIdentifier");
    assert_eq!(staff["severity"]["description"], "Medium");
    let cdi = &staff["classificationDetails"]["result"]["customDataIdentifiers"];
    assert_eq!(
        cdi["totalCount"], 1,
        "only the value near the keyword counts: {cdi}"
    );
    // allow list suppresses it
    let allow = d.path().join("allow.txt");
    std::fs::write(&allow, "# test values\nre:EMP-12345[0-9]\n").unwrap();
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--custom-identifiers",
        &ids,
        "--allow-list",
        allow.to_str().unwrap(),
        "--format",
        "json",
        "--exclude",
        "ids.json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["resourcesAffected"]["s3Object"]["key"] != "staff.txt"));
}

#[test]
fn bad_custom_identifier_file_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("ids.toml");
    std::fs::write(&f, "[[identifier]]\nname = \"Broken\"\nregex = \"EMP-(\"\n").unwrap();
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--custom-identifiers",
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ids.toml:2:") && err.contains("bad regex"),
        "{err}"
    );
}

#[test]
fn baseline_suppresses_known_findings_only() {
    let d = sample_dir();
    let base = tempfile::NamedTempFile::new().unwrap();
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--write-baseline",
        base.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let text = std::fs::read_to_string(base.path()).unwrap();
    assert!(!text.contains(SECRET), "baseline holds no values");
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--baseline",
        base.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("suppressed by the baseline"));
    // a new occurrence of the same type is reported again
    std::fs::write(d.path().join("config/.env"), format!("AWS_SECRET_ACCESS_KEY={SECRET}\naws_secret_access_key = Wq7Zt2Kp9mXv4RbN8cYh3LsJ6dFg1TaE5uVn0QoB\n")).unwrap();
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--baseline",
        base.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn size_limit_globs_and_symlinks() {
    let d = sample_dir();
    std::fs::write(d.path().join("big.log"), "x".repeat(5000)).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.path().join("config/.env"), d.path().join("link.env")).unwrap();
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--max-file-size",
        "1KiB",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = v["results"].as_array().unwrap();
    let big = results.iter().find(|r| r["key"] == "big.log").unwrap();
    assert_eq!(big["reason"], "FILE_EXCEEDS_SIZE_LIMIT");
    assert!(
        results.iter().all(|r| r["key"] != "link.env"),
        "symlinks are not followed by default"
    );
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--include",
        "*.txt",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let keys: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, vec!["notes.txt", "staff.txt"]);
    assert_eq!(o.status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn unreadable_entries_are_errors_and_the_scan_goes_on() {
    let d = sample_dir();
    // a symlink loop cannot be read when links are followed
    std::os::unix::fs::symlink(d.path().join("loop"), d.path().join("loop")).unwrap();
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--follow-symlinks",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "errors => exit 2: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = v["results"].as_array().unwrap();
    assert!(
        results.iter().any(|r| r["outcome"] == "FAILED"),
        "{results:?}"
    );
    assert!(
        results.iter().any(|r| r["outcome"] == "SENSITIVE"),
        "the rest was scanned"
    );
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--follow-symlinks",
        "--ignore-errors",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = piiscan(&[
        "scan",
        d.path().to_str().unwrap(),
        "--follow-symlinks",
        "--exit-zero",
    ]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn sarif_output() {
    let d = sample_dir();
    let o = piiscan(&["scan", d.path().to_str().unwrap(), "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "AWS_CREDENTIALS");
    assert_eq!(
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
}

#[test]
fn detectors_commands() {
    let o = piiscan(&["detectors", "list"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("AWS_CREDENTIALS"));
    let o = piiscan(&["detectors", "list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 1);
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("t.txt");
    std::fs::write(&f, format!("aws_secret_access_key = {SECRET}\nsecret key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")).unwrap();
    let o = piiscan(&["detectors", "test", f.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        out.contains("AWS_CREDENTIALS")
            && (out.contains("KnownTestValue") || out.contains("FailedValidation")),
        "{out}"
    );
    assert!(!out.contains(SECRET));
    let o = piiscan(&["detectors", "check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn help_has_examples_and_usage_errors_exit_3() {
    let o = piiscan(&["scan", "--help"]);
    assert!(stdout(&o).contains("Examples:"));
    assert!(stdout(&o).contains("Exit codes"));
    let o = piiscan(&["scan", "--no-such-flag", "."]);
    assert_eq!(o.status.code(), Some(3));
    let o = piiscan(&["scan", "/no/such/path"]);
    assert_eq!(o.status.code(), Some(3));
}

/// A tree of 120 objects of several kinds: findings, clean files, skipped
/// binaries, archives with an unsupported member, a malformed zip.
fn many_dir() -> tempfile::TempDir {
    use std::io::Write;
    let d = tempfile::tempdir().unwrap();
    for i in 0..120 {
        let dir = d.path().join(["", "a", "a/b", "c"][i % 4]);
        std::fs::create_dir_all(&dir).unwrap();
        match i % 6 {
            0 => std::fs::write(
                dir.join(format!("f{i:03}.env")),
                format!("AWS_SECRET_ACCESS_KEY={SECRET}\n"),
            ),
            1 => std::fs::write(
                dir.join(format!("f{i:03}.bin")),
                [0u8, 1, 2, 255, 254, i as u8].repeat(50),
            ),
            2 => std::fs::write(
                dir.join(format!("f{i:03}.csv")),
                "name,email\nAda,ada@example.com\n",
            ),
            3 => {
                let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
                let o = zip::write::SimpleFileOptions::default();
                w.start_file("in/k.txt", o).unwrap();
                writeln!(w, "aws_secret_access_key = {SECRET}").unwrap();
                w.start_file("x.bin", o).unwrap();
                w.write_all(&[0u8, 159, 146, 150].repeat(40)).unwrap();
                std::fs::write(
                    dir.join(format!("z{i:03}.zip")),
                    w.finish().unwrap().into_inner(),
                )
            }
            4 if i == 4 => std::fs::write(dir.join("bad.zip"), b"PK\x03\x04 truncated"),
            _ => std::fs::write(dir.join(format!("n{i:03}.txt")), format!("note {i}\n")),
        }
        .unwrap();
    }
    d
}

#[test]
fn tiny_sort_buffer_gives_byte_identical_output() {
    // results go through the external sort: with 7 records per run the
    // 120 results are merged from 17 runs on disk and the buffer, and every
    // output must be the same bytes as with the default (one buffer)
    let d = many_dir();
    let dir = d.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = |format: &str, n: Option<&str>| {
        let res = out.path().join("r.jsonl");
        let mut c = Command::new(env!("CARGO_BIN_EXE_piiscan"));
        c.args([
            "scan",
            dir,
            "--no-progress",
            "--format",
            format,
            "--results",
        ])
        .arg(&res)
        .env("NO_COLOR", "1")
        .env("PIISCAN_NOW", "2024-05-06T07:08:09Z")
        .env_remove("PIISCAN_SORT_RECORDS");
        if let Some(n) = n {
            c.env("PIISCAN_SORT_RECORDS", n);
        }
        let o = c.output().expect("run piiscan");
        (o.status.code(), o.stdout, std::fs::read(&res).unwrap())
    };
    for format in ["text", "json", "jsonl", "sarif"] {
        let (c1, o1, r1) = run(format, None);
        let (c7, o7, r7) = run(format, Some("7"));
        assert_eq!(
            c1,
            Some(2),
            "a malformed zip fails: {}",
            String::from_utf8_lossy(&o1)
        );
        assert_eq!(c1, c7, "{format}");
        assert!(
            o1 == o7,
            "{format}: outputs differ\n{}\n---\n{}",
            String::from_utf8_lossy(&o1),
            String::from_utf8_lossy(&o7)
        );
        assert!(r1 == r7, "{format}: --results differ");
        assert_eq!(r1.iter().filter(|b| **b == b'\n').count(), 120);
    }
    // sorted by key, whatever order the workers finished in
    let (_, _, r) = run("jsonl", Some("7"));
    let keys: Vec<String> = String::from_utf8(r)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["key"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn large_local_zip_is_read_in_place_without_a_spill_file() {
    use std::io::Write;
    // above --max-in-memory: read by positioned reads, not copied to a
    // temporary file (TMPDIR does not exist, so a spill would fail)
    let d = tempfile::tempdir().unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("filler.txt", o).unwrap();
    for i in 0..20_000 {
        writeln!(w, "row {i}: nothing here").unwrap();
    }
    w.start_file("keys/k.txt", o).unwrap();
    writeln!(w, "aws_secret_access_key = {SECRET}").unwrap();
    let z = d.path().join("big.zip");
    std::fs::write(&z, w.finish().unwrap().into_inner()).unwrap();
    assert!(std::fs::metadata(&z).unwrap().len() > 256 << 10);
    let o = Command::new(env!("CARGO_BIN_EXE_piiscan"))
        .args([
            "scan",
            z.to_str().unwrap(),
            "--no-progress",
            "--format",
            "jsonl",
        ])
        .args(["--max-in-memory", "64KiB"])
        .env("TMPDIR", "/nonexistent/piiscan-no-spill")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout(&o).contains("big.zip!keys/k.txt"), "{}", stdout(&o));
}
