//! Embeds every `detectors/*.toml` file into the binary, in sorted order, so the
//! catalog ships inside `piiscan` and a change to any detector file rebuilds it.
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=detectors");
    // read at run time: a build script compiled for one checkout may run for another
    let dir =
        Path::new(&env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join("detectors");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("detectors/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// Embedded detector files: (file name, contents), sorted by name.\npub static EMBEDDED: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            name,
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_detectors.rs"),
        out,
    )
    .unwrap();
}
