//! Only does anything with the `rust-bert` feature: records libtorch's
//! library folder as an rpath so the binary, tests and examples find
//! `libtorch*.so` at run time without `LD_LIBRARY_PATH`.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_RUST_BERT").is_none() {
        return;
    }
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    println!("cargo:rerun-if-env-changed=LIBTORCH_USE_PYTORCH");
    match libtorch_lib() {
        Some(dir) => println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.display()),
        None => println!(
            "cargo:warning=libtorch's lib folder not found (set LIBTORCH or LIBTORCH_USE_PYTORCH=1); \
             the binary will need LD_LIBRARY_PATH"
        ),
    }
}

/// `$LIBTORCH/lib`, else the `lib` folder of the `torch` package that
/// `python3` imports (the same lookup torch-sys does).
fn libtorch_lib() -> Option<PathBuf> {
    if let Some(root) = std::env::var_os("LIBTORCH") {
        return Some(PathBuf::from(root).join("lib"));
    }
    std::env::var_os("LIBTORCH_USE_PYTORCH")?;
    let out = Command::new("python3")
        .args(["-c", "import os, torch; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))"])
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    (out.status.success() && dir.is_dir()).then_some(dir)
}
