#!/usr/bin/env python3
"""Folder benchmark: check N article pairs in one process and compare the wall
time with the summed per-pair embedding time (what the model work costs).

usage: folder_run.py NTREX_DIR [--pairs 50] [--lang deu] [--bin PATH]

Writes N English/translation document pairs from NTREX-128 into a temporary
folder pair (nothing is kept), runs `check --source-dir --target-dir
--format jsonl`, and prints wall time, summed embedding time and their
ratio, from the reports' `timing` fields. Run once with the default thread
pool and once with RAYON_NUM_THREADS=1 (serial: the ratio then shows the
per-pair overhead beyond model work).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from news_facts import load as documents  # noqa: E402


def run(binary, root, threads):
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    started = time.time()
    out = subprocess.run([binary, "check", "--source-dir", os.path.join(root, "en"), "--target-dir",
                          os.path.join(root, "xx"), "--format", "jsonl", "--fail-on", "never"],
                         capture_output=True, text=True, env=env)
    wall = time.time() - started
    if out.returncode != 0:
        sys.exit(f"exit {out.returncode}: {out.stderr[-600:]}")
    reports = [json.loads(l) for l in out.stdout.splitlines()]
    embed = sum(r["timing"]["embed_ms"] for r in reports) / 1e3
    return len(reports), wall, embed


def main(argv):
    opts = {"--pairs": "50", "--lang": "deu", "--bin": "target/release/transcheck"}
    for key in list(opts):
        if key in argv:
            opts[key] = argv[argv.index(key) + 1]
            del argv[argv.index(key):argv.index(key) + 2]
    if len(argv) != 1:
        sys.exit(__doc__)
    docs = documents(argv[0], opts["--lang"])[: int(opts["--pairs"])]
    with tempfile.TemporaryDirectory() as root:
        for side in ("en", "xx"):
            os.makedirs(os.path.join(root, side))
        for n, (_, (src, tgt)) in enumerate(docs):
            open(os.path.join(root, "en", f"{n:03}.txt"), "w", encoding="utf-8").write("\n".join(src) + "\n")
            open(os.path.join(root, "xx", f"{n:03}.txt"), "w", encoding="utf-8").write("\n".join(tgt) + "\n")
        for threads in (None, 1):
            pairs, wall, embed = run(opts["--bin"], root, threads)
            label = "default threads" if threads is None else "1 thread"
            print(f"{label}: pairs={pairs} wall={wall:.1f}s embed_sum={embed:.1f}s wall/embed_sum={wall / embed:.2f} "
                  "(process start and model load included in wall)")


if __name__ == "__main__":
    main(sys.argv[1:])
