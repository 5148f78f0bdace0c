#!/usr/bin/env python3
"""Auto mode on passages of gold translations: does it keep translation mode?

A held-out gold set may hold shorter documents than ours, and the mode
decision (translation or rewrite) reads the links of one document: fewer
links, more noise. This cuts every document of the gold sets into passages
of N gold beads (several sizes and offsets; a passage ends where both sides
end together), aligns each in auto mode with `examples/align_dev.rs` on
cached embeddings, and prints how many passages were taken for rewrites
(all are translations) and the pooled strict F1 per set, beside translation
mode forced.

usage: passages.py ALIGN_DIR CACHE [--bin BIN] [--set KEY=VALUE ...]

ALIGN_DIR holds the gold sets (mac-dev/, textberg-dev/, parice/). CACHE is
a scratch folder: each set's per-line embeddings are made there once with
`BIN embed`, then sliced into passages. Build the harness first
(`cargo build --release --examples`; it is looked for beside BIN). `--set`
passes aligner settings to the harness (`skip=0.5`, `lexical_weight=0`),
to compare costs on the same passages. Nothing here is committed.
"""
import argparse
import json
import os
import struct
import subprocess

SETS = ["mac-dev", "textberg-dev", "parice"]
CUTS = [(15, 0), (20, 0), (20, 11), (25, 7), (30, 0), (35, 0), (35, 11), (40, 20),
        (45, 5), (50, 0), (60, 10), (70, 0), (70, 23), (80, 0), (100, 0), (100, 40)]


def beads(path):
    out = []
    for line in open(path, encoding="utf-8"):
        left, _, right = line.strip().partition(":")
        side = lambda s: [int(x) for x in s.strip("[] ").replace(",", " ").split()]
        if left:
            out.append((side(left), side(right)))
    return out


def embed_lines(transcheck, path, prefix):
    """Per-line vectors and token counts of a presegmented file, made once."""
    if not os.path.exists(prefix + ".f32"):
        # Trailing blanks trimmed as the CLI trims them (the tokenizer would
        # count one more token for each).
        lines = "".join(line.rstrip() + "\n" for line in open(path, encoding="utf-8"))
        run = subprocess.run([transcheck, "embed", "-"], input=lines, capture_output=True, text=True, check=True)
        rows = [json.loads(line) for line in run.stdout.splitlines()]
        with open(prefix + ".f32", "wb") as fh:
            for row in rows:
                fh.write(struct.pack(f"<{len(row['embedding'])}f", *row["embedding"]))
        with open(prefix + ".tok", "w") as fh:
            fh.write("".join(f"{len(row['tokens'])}\n" for row in rows))
    data = open(prefix + ".f32", "rb").read()
    width = len(data) // 4 // sum(1 for _ in open(prefix + ".tok"))
    vectors = [data[k * width * 4:(k + 1) * width * 4] for k in range(len(data) // (width * 4))]
    return vectors, open(prefix + ".tok").read().split()


def cut(align_dir, cache, transcheck, size, offset):
    """Writes the passages of every set for one cut; returns its folder."""
    root = os.path.join(cache, f"passages-{size}-{offset}")
    for name in SETS:
        source_dir, out, out_cache = os.path.join(align_dir, name), os.path.join(root, name), os.path.join(root, "cache", name)
        os.makedirs(out, exist_ok=True)
        os.makedirs(out_cache, exist_ok=True)
        for doc in sorted(f[:-5] for f in os.listdir(source_dir) if f.endswith(".gold")):
            lines, vectors, tokens = {}, {}, {}
            for side in ("src", "tgt"):
                path = os.path.join(source_dir, f"{doc}.{side}")
                lines[side] = open(path, encoding="utf-8").read().split("\n")[:-1]
                os.makedirs(os.path.join(cache, "lines", name), exist_ok=True)
                vectors[side], tokens[side] = embed_lines(transcheck, path, os.path.join(cache, "lines", name, f"{doc}.{side}"))
            gold = sorted((b for b in beads(os.path.join(source_dir, f"{doc}.gold")) if b[0] or b[1]),
                          key=lambda b: (min(b[0]) if b[0] else -1, min(b[1]) if b[1] else -1))
            for n, start in enumerate(range(offset, len(gold), size)):
                part = gold[start:start + size]
                sources = sorted(i for b in part for i in b[0])
                targets = sorted(j for b in part for j in b[1])
                if not sources or not targets or sources != list(range(sources[0], sources[-1] + 1)) \
                        or targets != list(range(targets[0], targets[-1] + 1)):
                    continue
                first = {"src": sources[0], "tgt": targets[0]}
                span = {"src": (sources[0], sources[-1] + 1), "tgt": (targets[0], targets[-1] + 1)}
                passage = f"{doc}_{n:03d}"
                for side in ("src", "tgt"):
                    a, b = span[side]
                    open(os.path.join(out, f"{passage}.{side}"), "w", encoding="utf-8").write("".join(l + "\n" for l in lines[side][a:b]))
                    open(os.path.join(out_cache, f"{passage}.{side}.f32"), "wb").write(b"".join(vectors[side][a:b]))
                    open(os.path.join(out_cache, f"{passage}.{side}.tok"), "w").write("".join(t + "\n" for t in tokens[side][a:b]))
                with open(os.path.join(out, f"{passage}.gold"), "w") as fh:
                    for s, t in part:
                        fh.write(f"[{', '.join(str(i - first['src']) for i in s)}]:[{', '.join(str(j - first['tgt']) for j in t)}]\n")
    return root


def align_dev(binary, set_dir, cache, mode, settings):
    run = subprocess.run([binary, set_dir, cache, f"mode={mode}", "verbose=1"] + settings,
                         capture_output=True, text=True, check=True)
    f1 = float(run.stdout.split("strict_f1=")[1].split()[0])
    modes = [line.rsplit(": ", 1)[1] for line in run.stderr.splitlines() if ": " in line]
    return f1, len(modes), modes.count("Rewrite")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("align_dir")
    parser.add_argument("cache")
    parser.add_argument("--bin", default="target/release/transcheck")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    align_dev_bin = os.path.join(os.path.dirname(args.bin), "examples", "align_dev")
    totals = {name: [0, 0, 0.0, 0.0, 0] for name in SETS}  # passages, rewrites, auto F1, translation F1, cuts
    for size, offset in CUTS:
        root = cut(args.align_dir, args.cache, args.bin, size, offset)
        row = []
        for name in SETS:
            set_dir, cache = os.path.join(root, name), os.path.join(root, "cache")
            if not any(f.endswith(".gold") for f in os.listdir(set_dir)):
                continue
            auto, passages, rewrites = align_dev(align_dev_bin, set_dir, cache, "auto", args.set)
            forced, _, _ = align_dev(align_dev_bin, set_dir, cache, "translation", args.set)
            t = totals[name]
            t[0] += passages
            t[1] += rewrites
            t[2] += auto
            t[3] += forced
            t[4] += 1
            row.append(f"{name} {rewrites}/{passages} auto {auto:.3f} translation {forced:.3f}")
        print(f"{size:>3} beads from {offset:>2}: " + " | ".join(row), flush=True)
    for name, (passages, rewrites, auto, forced, cuts) in totals.items():
        print(f"{name}: rewrite mode taken for {rewrites} of {passages} passages; mean strict F1 auto {auto / cuts:.3f}, "
              f"translation {forced / cuts:.3f}")
    print(f"all: rewrite mode taken for {sum(t[1] for t in totals.values())} of {sum(t[0] for t in totals.values())} passages")


if __name__ == "__main__":
    main()
