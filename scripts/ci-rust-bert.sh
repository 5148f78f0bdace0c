#!/usr/bin/env bash
# CI job for the libtorch engine: installs torch 2.4.0 into .venv-torch/ if
# absent, builds with `--features rust-bert`, fetches the model and runs the
# whole test suite with the feature on (tests/rust_bert.rs included: token
# and embedding parity with the reference, identical findings on both
# engines). Prints the time of each step. Extra arguments go to cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${TORCH_VENV:-.venv-torch}
step() { local name=$1; shift; local t0=$SECONDS; "$@"; echo "== $name: $((SECONDS - t0)) s" >&2; }

start=$SECONDS
step "torch venv + build (download, install, build above)" scripts/setup-rust-bert.sh --locked "$@"
export LIBTORCH_USE_PYTORCH=1
export PATH="$PWD/$VENV/bin:$PATH"
bin=${CARGO_TARGET_DIR:-target}/release/transcheck
fetch() { "$bin" --offline model info >/dev/null 2>&1 || "$bin" model fetch; }
step "model (fetch if missing)" fetch
step "tests" cargo test --release --locked --features rust-bert "$@"
echo "== rust-bert CI total: $((SECONDS - start)) s" >&2
