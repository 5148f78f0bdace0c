#!/usr/bin/env python3
"""Calibrates the quote rules on NTREX-128: how far a quote in a
professional translation (faithful) and a quotation swapped in from another
document (altered, as `news_facts.py` injects it, in its sentence) score
from the English source.

usage: calibrate_quotes.py NTREX_DIR [--langs fra,rus,arb,jpn] [--bin PATH] [--links PATH] [--seed 11]

Two scores per target quote: the cosine of the two quotes' embeddings
(`transcheck embed`) and the word-link score, the mean over the target
quote's words of each word's best cosine to a source word
(`cargo build --release --example word_links`). Quotes pair up in order
within a line, as the checker pairs them within a bead. Every quote of
every translated line counts as faithful; one swapped quote per line with
a quotation counts as altered. For each kind of quote the script prints the
cut-off under which 2% of faithful quotes fall and the share of altered
quotes under it:

  pair           cosine + link score (quotes paired, not both weak)
  weak pair      cosine + link score (both weak: titles, terms, one or two words)
  unpaired weak  link score (a weak target quote with no source quote to pair with)

Languages of the news benchmark (deu, zho-CN) are left out by default so
that it stays held out.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import news_facts  # noqa: E402  the injector's quotation model and loader

MARK = re.compile("[\"“”«»„‚‘「」『』‹›]")
L2 = {"deu": "de", "zho-CN": "zh", "fra": "fr", "rus": "ru", "arb": "ar", "jpn": "ja"}


def lines(folder, lang, rng):
    """(kind, source line, target line, swapped quotation or None)."""
    docs = news_facts.load(folder, lang)
    pool = [q for _, (_, tgt) in docs for t in tgt for q in [news_facts.quoted(t)] if q]
    for _, (src, tgt) in docs:
        for s, t in zip(src, tgt):
            if MARK.search(t):
                yield "faithful", s, t, None
            own = news_facts.quoted(t)
            if own:
                other = rng.choice([q for q in pool if q != own])
                yield "altered", s, t.replace(own, other, 1), other


def run_lines(command, text):
    return subprocess.run(command, input=text, capture_output=True, text=True, check=True).stdout.splitlines()


def embed(binary, texts):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write("\n".join(texts) + "\n")
        path = fh.name
    try:
        out = run_lines([binary, "embed", path], "")
    finally:
        os.unlink(path)
    return {r["text"]: r["embedding"] for r in map(json.loads, out)}


def scored(record, kind, swapped):
    """(category, score) of each target quote the record judges."""
    m, sq, tq = record["matrix"], record["source_quotes"], record["target_quotes"]
    picks = range(len(tq)) if kind == "faithful" else [k for k, q in enumerate(tq) if q["value"] == swapped.strip()][:1]
    for k in picks:
        words = tq[k]["words"]
        if not words or not m:
            continue
        link = sum(max(row[j] for row in m) for j in words) / len(words)
        if k < len(sq) and sq[k]["words"]:
            category = "weak pair" if sq[k]["weak"] and tq[k]["weak"] else "pair"
            yield category, (sq[k]["value"], tq[k]["value"], link)
        elif tq[k]["weak"]:
            yield "unpaired weak", (None, None, link)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ntrex")
    ap.add_argument("--langs", default="fra,rus,arb,jpn")
    ap.add_argument("--bin", default="target/release/transcheck")
    ap.add_argument("--links", default="target/release/examples/word_links")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    found = []
    for lang in args.langs.split(","):
        rows = list(lines(args.ntrex, lang, random.Random(args.seed)))
        pairs = "".join(json.dumps({"id": str(n), "source_text": s, "target_text": t, "source_lang": "en",
                                    "target_lang": L2[lang]}, ensure_ascii=False) + "\n" for n, (_, s, t, _) in enumerate(rows))
        records = [json.loads(r) for r in run_lines([args.links], pairs)]
        for (kind, _, _, swapped), record in zip(rows, records):
            found += [(lang, kind, category, value) for category, value in scored(record, kind, swapped)]
        kinds = [k for language, k, _, _ in found if language == lang]
        print(f"{lang}: {kinds.count('faithful')} faithful quotes, {kinds.count('altered')} altered")
    vectors = embed(args.bin, sorted({q for *_, (s, t, _) in found for q in (s, t) if q}))
    cosine = lambda s, t: sum(x * y for x, y in zip(vectors[s], vectors[t]))
    score = lambda v: v[2] if v[0] is None else cosine(v[0], v[1]) + v[2]
    for category in ("pair", "weak pair", "unpaired weak"):
        faithful = sorted(score(v) for _, k, c, v in found if c == category and k == "faithful")
        altered = [score(v) for _, k, c, v in found if c == category and k == "altered"]
        cut = faithful[int(0.02 * len(faithful))]
        caught = sum(a < cut for a in altered) / max(len(altered), 1)
        flagged = sum(f < cut for f in faithful) / len(faithful)
        print(f"{category}: cut-off {cut:.3f}: faithful n={len(faithful)} flagged {flagged:.3f}, altered n={len(altered)} caught {caught:.3f}")
    pairs = [(k, cosine(v[0], v[1])) for _, k, c, v in found if c == "pair"]
    for kind in ("faithful", "altered"):
        xs = [x for k, x in pairs if k == kind]
        print(f"pair, cosine alone under 0.797: {kind} {sum(x < 0.797 for x in xs) / len(xs):.3f}")


if __name__ == "__main__":
    main()
