#!/usr/bin/env python3
"""Reordering benchmark for the aligner, built from NTREX-128.

For every NTREX document (English source + one translation, line-aligned)
it rewrites the translation: paragraph-sized blocks move, ~10% of its
sentences are dropped, ~10% are inserted from another document. Seeded and
deterministic; the generated set is written to OUT, never committed.
Gold beads are 1-1 for kept sentences, [i]:[] for dropped ones and []:[k]
for inserted ones.

usage: reorder_align.py NTREX_DIR OUT [--lang deu] [--seed 7] [--run BIN]
  --run BIN   also align OUT with `BIN align` in translation and rewrite
              mode (via eval_align.py next to score_align.py) and print both
  --tools DIR where eval_align.py lives (default ../shared/tools)
  --cache DIR also slice cached per-line embeddings of the NTREX files
              (DIR/ntrex128/<file>.f32 and .tok) into DIR/<set>/ for
              development harnesses that read cached embeddings
"""
import argparse
import json
import os
import random
import subprocess
import sys

ISO = {"deu": "de", "fra": "fr", "rus": "ru", "arb": "ar", "jpn": "ja", "zho-CN": "zh"}


def documents(ntrex, lang):
    ids = [l.rstrip("\n") for l in open(os.path.join(ntrex, "DOCUMENT_IDS.tsv"), encoding="utf-8")]
    source = [l.rstrip("\n") for l in open(os.path.join(ntrex, "newstest2019-src.eng.txt"), encoding="utf-8")]
    target = [l.rstrip("\n") for l in open(os.path.join(ntrex, f"newstest2019-ref.{lang}.txt"), encoding="utf-8")]
    docs, start = [], 0
    for n in range(1, len(ids) + 1):
        if n == len(ids) or ids[n] != ids[start]:
            docs.append((ids[start], list(range(start, n))))
            start = n
    return docs, source, target


def rewrite(lines, other_lines, rng):
    """Returns target as [(kind, line)] with kind = source index or None (inserted)."""
    kept = [(i, line) for i, line in enumerate(lines) if rng.random() >= 0.10]
    blocks, at = [], 0
    while at < len(kept):
        size = rng.randint(2, 5)
        blocks.append(kept[at:at + size])
        at += size
    for _ in range(max(1, len(blocks) // 3)):
        if len(blocks) < 2:
            break
        block = blocks.pop(rng.randrange(len(blocks)))
        blocks.insert(rng.randrange(len(blocks) + 1), block)
    target = [item for block in blocks for item in block]
    for _ in range(max(1, round(0.10 * len(lines)))):
        target.insert(rng.randrange(len(target) + 1), (None, rng.choice(other_lines)))
    return target


def build(ntrex, out, lang, seed):
    docs, source, target = documents(ntrex, lang)
    os.makedirs(out, exist_ok=True)
    json.dump({"source_lang": "en", "target_lang": ISO.get(lang, lang),
               "origin": f"NTREX-128 eng-{lang}, reordered by reorder_align.py seed {seed}"},
              open(os.path.join(out, "set.json"), "w"), indent=1)
    rows = {}
    for n, (doc, rows_of_doc) in enumerate(docs):
        if len(rows_of_doc) < 4:
            continue
        rng = random.Random(seed * 1000 + n)
        other = docs[(n + 1 + rng.randrange(len(docs) - 1)) % len(docs)][1]
        lines = [(row, target[row]) for row in rows_of_doc]
        new = rewrite(lines, [(row, target[row]) for row in other], rng)
        name = f"{n:03d}"
        write(out, name + ".src", [source[row] for row in rows_of_doc])
        write(out, name + ".tgt", [line for _, (_, line) in new])
        gold = {i: [] for i in range(len(rows_of_doc))}
        for k, (i, _) in enumerate(new):
            if i is not None:
                gold[i].append(k)
        beads = [f"[{i}]:[{', '.join(map(str, ks))}]" for i, ks in gold.items()]
        beads += [f"[]:[{k}]" for k, (i, _) in enumerate(new) if i is None]
        write(out, name + ".gold", beads)
        rows[name] = (rows_of_doc, [row for _, (row, _) in new])
    return rows


def write(out, name, lines):
    with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))


def slice_cache(cache, out, rows, lang):
    import array
    dim = 384
    for side, name in (("src", "newstest2019-src.eng.txt"), ("tgt", f"newstest2019-ref.{lang}.txt")):
        vectors = array.array("f")
        with open(os.path.join(cache, "ntrex128", name + ".f32"), "rb") as fh:
            vectors.frombytes(fh.read())
        tokens = open(os.path.join(cache, "ntrex128", name + ".tok")).read().split()
        folder = os.path.join(cache, os.path.basename(out.rstrip("/")))
        os.makedirs(folder, exist_ok=True)
        for doc, (source_rows, target_rows) in rows.items():
            picked = source_rows if side == "src" else target_rows
            part = array.array("f")
            for row in picked:
                part.extend(vectors[row * dim:(row + 1) * dim])
            with open(os.path.join(folder, f"{doc}.{side}.f32"), "wb") as fh:
                part.tofile(fh)
            write(folder, f"{doc}.{side}.tok", [tokens[row] for row in picked])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ntrex")
    parser.add_argument("out")
    parser.add_argument("--lang", default="deu")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--run")
    parser.add_argument("--tools", default=os.path.join("..", "shared", "tools"))
    parser.add_argument("--cache")
    args = parser.parse_args()
    rows = build(args.ntrex, args.out, args.lang, args.seed)
    if args.cache:
        slice_cache(args.cache, args.out, rows, args.lang)
    print(f"built {len(rows)} documents in {args.out}", file=sys.stderr)
    if args.run:
        for mode in ("rewrite", "translation"):
            result = subprocess.run([sys.executable, os.path.join(args.tools, "eval_align.py"), args.out,
                                     "--bin", args.run, "--", "--mode", mode],
                                    capture_output=True, text=True)
            print(f"mode={mode} {result.stdout.strip() or result.stderr.strip()}")


if __name__ == "__main__":
    main()
