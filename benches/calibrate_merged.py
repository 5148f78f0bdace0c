#!/usr/bin/env python3
"""Calibrate the merged-bead rules: a sentence dropped from the translation
(or one added to it) that the aligner joined to its neighbour's bead.

usage: calibrate_merged.py NTREX_DIR [--kind dropped|added] [--langs fra,rus,arb,jpn]
                           [--docs 40] [--seed 11] [--bin PATH]

For each language, each of the first DOCS documents gets one copy with one
line of at least 8 words dropped from the translation (`dropped`), or one
line of another document's translation inserted after a random line
(`added`). The untouched translations are aligned too. Every bead where the
changed side holds more sentences than the other (2-1 for dropped, 1-2 for
added) is scored like `src/compare/merged.rs`: the sentence whose removal
raises the cosine of the bead's summed embeddings most, that gain, and the
log ratio of the longer side's characters to what the document's own
character ratio predicts. Beads without a changed sentence (in the
untouched documents, and the other merged beads of the copies) show what
the cut-offs flag wrongly. Prints the values and how many changed and
untouched sentences each pair of cut-offs flags. Seeded and deterministic;
nothing is kept.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

from news_facts import load

GAINS = [-0.05, -0.04, -0.03, -0.02, -0.01, 0.0]
LOG_LENGTHS = [0.0, 0.05, 0.1, 0.15, 0.2]


def long_lines(lines):
    return [i for i, line in enumerate(lines) if len(line.split()) >= 8 or len(line) >= 24 and " " not in line]


def change(rng, kind, docs, d):
    """(source, target, index of the changed line on its side) for one copy."""
    src, tgt = list(docs[d][0]), list(docs[d][1])
    if kind == "dropped":
        lines = long_lines(src)
        if len(src) < 3 or not lines:
            return None
        i = rng.choice(lines)
        return src, tgt[:i] + tgt[i + 1:], i
    other = rng.choice([k for k in range(len(docs)) if k != d])
    lines = long_lines(docs[other][1])
    if not lines:
        return None
    at = rng.randrange(1, len(tgt) + 1)
    return src, tgt[:at] + [docs[other][1][rng.choice(lines)]] + tgt[at:], at


def align(binary, src, tgt):
    with tempfile.TemporaryDirectory() as tmp:
        paths = [os.path.join(tmp, n) for n in ("source.txt", "target.txt")]
        for path, lines in zip(paths, (src, tgt)):
            open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
        run = subprocess.run([binary, "align", "--presegmented", "--format", "json",
                              "--source-lang", "en", *paths], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"align exit {run.returncode}: {run.stderr[-500:]}")
        return json.loads(run.stdout)["alignment"]


def embed(binary, lines):
    """Embedding of each distinct line, in one run of the model."""
    lines = sorted(set(lines))
    run = subprocess.run([binary, "embed", "-"], input="\n".join(lines) + "\n", capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"embed exit {run.returncode}: {run.stderr[-500:]}")
    return dict(zip(lines, (json.loads(l)["embedding"] for l in run.stdout.splitlines() if l.strip())))


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)) or 1e-30)


def summed(vectors, rows, skip=None):
    total = [0.0] * len(vectors[0])
    for i in rows:
        if i != skip:
            total = [t + x for t, x in zip(total, vectors[i])]
    return total


def merged_beads(beads, kind, src, tgt, src_vectors, tgt_vectors):
    """(longer-side index of the best orphan, gain, log length ratio) per merged bead."""
    longer, shorter = ("source", "target") if kind == "dropped" else ("target", "source")
    lines = {"source": src, "target": tgt}
    vectors = {"source": src_vectors, "target": tgt_vectors}
    chars = {side: [len(l) for l in lines[side]] for side in lines}
    ratio = sum(chars[longer]) / max(1, sum(chars[shorter]))
    for bead in beads:
        many, few = bead[longer], bead[shorter]
        if len(many) < 2 or not few or len(many) <= len(few):
            continue
        other = summed(vectors[shorter], few)
        whole = cosine(summed(vectors[longer], many), other)
        best, gain = max(((i, cosine(summed(vectors[longer], many, i), other) - whole) for i in many), key=lambda p: p[1])
        expected = sum(chars[shorter][k] for k in few) * ratio
        written = sum(chars[longer][i] for i in many)
        yield best, gain, math.log(written / expected) if expected and written else 0.0


def main(argv):
    opts = {"--kind": "dropped", "--langs": "fra,rus,arb,jpn", "--docs": "40", "--seed": "11",
            "--bin": "target/release/transcheck"}
    if not argv or argv[0].startswith("--") or len(argv) % 2 == 0:
        sys.exit(__doc__)
    folder, args = argv[0], argv[1:]
    for key, value in zip(args[::2], args[1::2]):
        if key not in opts:
            sys.exit(__doc__)
        opts[key] = value
    if opts["--kind"] not in ("dropped", "added"):
        sys.exit(__doc__)
    kind, binary = opts["--kind"], opts["--bin"]
    changed, untouched = [], []
    for lang in opts["--langs"].split(","):
        docs = [pair for _, pair in load(folder, lang)][:int(opts["--docs"])]
        rng = random.Random(f"{opts['--seed']}-{lang}")
        vectors = embed(binary, [l for src, tgt in docs for l in src + tgt])
        for d, (src, tgt) in enumerate(docs):
            copy = change(rng, kind, docs, d)
            for (s, t, line), into in ((copy or (None, None, None)), changed), ((src, tgt, None), untouched):
                if s is None:
                    continue
                beads = align(binary, s, t)
                rows = list(merged_beads(beads, kind, s, t, [vectors[l] for l in s], [vectors[l] for l in t]))
                for best, gain, log_length in rows:
                    into.append((lang, best == line, gain, log_length))
        print(f"{lang}: {len(docs)} documents aligned", file=sys.stderr, flush=True)
    hits = [r for r in changed if r[1]]
    # Other merged beads of the changed copies hold no changed sentence either.
    untouched += [r for r in changed if not r[1]]
    print(f"{kind}: {len(hits)} changed sentences in merged beads, {len(untouched)} merged beads without one")
    for lang, hit, gain, log_length in sorted(hits + untouched, key=lambda r: -r[2]):
        print(f"  {lang} {'changed  ' if hit else 'untouched'} gain {gain:+.3f} log length {log_length:+.3f}")
    print("gain above \\ log length above: changed found / untouched flagged")
    for g in GAINS:
        cells = []
        for n in LOG_LENGTHS:
            found = sum(1 for r in hits if r[2] > g and r[3] > n)
            flagged = sum(1 for r in untouched if r[2] > g and r[3] > n)
            cells.append(f"{n:+.2f}: {found}/{flagged}")
        print(f"  {g:+.2f}  " + "  ".join(cells))


if __name__ == "__main__":
    main(sys.argv[1:])
