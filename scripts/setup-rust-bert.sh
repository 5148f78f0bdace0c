#!/usr/bin/env bash
# Builds transcheck with the libtorch engine (`--engine rust-bert`).
#
#   scripts/setup-rust-bert.sh
#
# Creates a project-local virtual environment (.venv-torch/, or $TORCH_VENV),
# installs the PyPI torch 2.4.0 wheel into it if absent (rust-bert 0.23 needs
# exactly torch 2.4; the wheel and its CUDA runtime libraries take ~5 GB),
# then runs `cargo build --release --features rust-bert` against it. The
# binary records torch's lib/ folder as its rpath: keep the venv where it is.
# Extra arguments go to cargo, e.g. `scripts/setup-rust-bert.sh --locked`.
set -euo pipefail
cd "$(dirname "$0")/.."

TORCH_VERSION=2.4.0
VENV=${TORCH_VENV:-.venv-torch}

now() { date +%s; }
t0=$(now)
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV" >&2
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import torch, sys; sys.exit(torch.__version__.split('+')[0] != '$TORCH_VERSION')" 2>/dev/null; then
  wheels=$(mktemp -d)
  trap 'rm -rf "$wheels"' EXIT
  echo "== downloading torch==$TORCH_VERSION and its dependencies from PyPI (~2.5 GB)" >&2
  "$VENV/bin/python" -m pip download --quiet --disable-pip-version-check --no-cache-dir -d "$wheels" "torch==$TORCH_VERSION"
  t1=$(now); echo "== download: $((t1 - t0)) s" >&2
  echo "== installing into $VENV (~5 GB)" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --find-links "$wheels" "torch==$TORCH_VERSION"
  rm -rf "$wheels"
  t0=$(now); echo "== install: $((t0 - t1)) s" >&2
fi

export LIBTORCH_USE_PYTORCH=1
export PATH="$PWD/$VENV/bin:$PATH"
echo "== cargo build --release --features rust-bert" >&2
nice -n "${NICE:-0}" cargo build --release --features rust-bert "$@"
echo "== build: $(($(now) - t0)) s; run ${CARGO_TARGET_DIR:-target}/release/transcheck with --engine rust-bert" >&2
