#!/usr/bin/env python3
"""News benchmark for fact checks: inject known errors into professional
translations and measure what `transcheck check` finds, beside pofilter.

usage: news_facts.py NTREX_DIR [--lang deu] [--docs 40] [--seed 7] [--bin PATH] [--no-pofilter]

NTREX_DIR is the NTREX-128 folder (English source + line-aligned references,
document ids in DOCUMENT_IDS.tsv). For each document one copy of the
translation gets exactly one injected error of each kind:

  number    a number that also occurs in the English line is changed
  name      a capitalised word that also occurs in the English line is misspelled
  quote     the words of a quotation are replaced by another quotation's
  sentence  a line of at least 8 words is dropped

The untouched translations measure false findings: error-severity findings
per 100 target sentences. The generator is seeded and deterministic; nothing
it writes is kept. pofilter (translate-toolkit) runs its `numbers` check over
the same pairs as PO units.
"""
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

RULES = {"number": "number-", "name": "name-", "quote": "quote-", "sentence": "sentence-missing"}
# A quotation is text between an opening mark and *its* closing mark. (Any
# mark on either side would also take the text between two quotations,
# `”作为热带风暴“` in Chinese, for a quotation.)
QUOTE_PAIRS = [('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"), ("»", "«"), ("「", "」"), ("『", "』")]
QUOTE = re.compile("|".join(f"{o}([^\"“”«»„「」『』]{{6,}}){c}" for o, c in QUOTE_PAIRS))
DIGITS = re.compile(r"\d+")
NAME = re.compile(r"(?<=\s)([A-ZÄÖÜÉÈÀ][a-zäöüéèàßç]{4,})")


def load(folder, lang):
    ids = [l.strip() for l in open(os.path.join(folder, "DOCUMENT_IDS.tsv"), encoding="utf-8")]
    src = open(os.path.join(folder, "newstest2019-src.eng.txt"), encoding="utf-8").read().splitlines()
    tgt = open(os.path.join(folder, f"newstest2019-ref.{lang}.txt"), encoding="utf-8").read().splitlines()
    docs = collections.OrderedDict()
    for doc, s, t in zip(ids, src, tgt):
        docs.setdefault(doc, ([], []))
        docs[doc][0].append(s)
        docs[doc][1].append(t)
    return list(docs.items())


def change_number(rng, src, tgt):
    lines = [i for i, t in enumerate(tgt) if set(DIGITS.findall(t)) & set(DIGITS.findall(src[i]))]
    if not lines:
        return None
    i = rng.choice(lines)
    number = rng.choice(sorted(set(DIGITS.findall(tgt[i])) & set(DIGITS.findall(src[i]))))
    last = int(number[-1])
    changed = number[:-1] + str((last + rng.choice([1, 2, 3])) % 10)
    out = list(tgt)
    out[i] = re.sub(rf"(?<!\d){number}(?!\d)", changed, tgt[i], count=1)
    return out, i


def misspell(rng, word):
    inner = list(word)
    j = rng.randrange(1, len(inner) - 2)
    inner[j], inner[j + 1] = inner[j + 1], inner[j]
    vowels = [k for k, c in enumerate(inner) if c in "aeiou" and k > 0]
    if vowels:
        k = rng.choice(vowels)
        inner[k] = rng.choice([v for v in "aeiou" if v != inner[k]])
    return "".join(inner)


def latin_word(word):
    """`word` not inside a longer Latin-script word. (Not `\\b`: Japanese and
    Chinese letters are word characters too, so `Blemmingsは` has no `\\b`
    after the name and the change would silently not happen.)"""
    return rf"(?<![A-Za-zÀ-ÿ]){re.escape(word)}(?![A-Za-zÀ-ÿ])"


def change_name(rng, src, tgt):
    lines = [(i, w) for i, t in enumerate(tgt) for w in set(NAME.findall(t)) if re.search(latin_word(w), src[i])]
    if not lines:
        return None
    i, word = rng.choice(sorted(lines))
    out = list(tgt)
    out[i] = re.sub(latin_word(word), misspell(rng, word), tgt[i], count=1)
    return out, i


def quoted(text):
    """The words of the first quotation in `text`, or None."""
    found = QUOTE.search(text)
    return next(g for g in found.groups() if g) if found else None


def change_quote(rng, src, tgt, pool):
    lines = [i for i, t in enumerate(tgt) if QUOTE.search(t)]
    if not lines or not pool:
        return None
    i = rng.choice(lines)
    own = quoted(tgt[i])
    other = rng.choice([q for q in pool if q != own] or [own])
    out = list(tgt)
    out[i] = tgt[i].replace(own, other, 1)
    return out, i


def drop_sentence(rng, src, tgt):
    lines = [i for i, t in enumerate(tgt) if len(t.split()) >= 8 or len(t) >= 40]
    if len(tgt) < 3 or not lines:
        return None
    i = rng.choice(lines)
    return tgt[:i] + tgt[i + 1:], i


def build(docs, rng):
    pool = [q for _, (_, tgt) in docs for t in tgt for q in [quoted(t)] if q]
    cases = []
    for doc, (src, tgt) in docs:
        cases.append(("clean", doc, src, tgt, None))
        for kind, make in (("number", change_number), ("name", change_name),
                           ("quote", lambda r, s, t: change_quote(r, s, t, pool)), ("sentence", drop_sentence)):
            made = make(rng, src, tgt)
            if made:
                cases.append((kind, doc, src, made[0], made[1]))
    return cases


def run_check(binary, cases, lang):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "pairs.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for n, (kind, doc, src, tgt, _) in enumerate(cases):
                fh.write(json.dumps({"id": str(n), "source_text": "\n".join(src), "target_text": "\n".join(tgt),
                                     "source_lang": "en", "target_lang": lang}, ensure_ascii=False) + "\n")
        run = subprocess.run([binary, "check", "--pairs", path, "--format", "jsonl", "--presegmented",
                              "--mode", "translation"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"transcheck exit {run.returncode}: {run.stderr[-800:]}")
    return {int(r["id"]): r for r in map(json.loads, run.stdout.splitlines())}


def found(report, kind, line):
    """Did the report flag the injected error (at its line) with the right rule family?"""
    for f in report.get("findings", []):
        if not f["rule"].startswith(RULES[kind]) or f["severity"] not in ("error", "warning"):
            continue
        side = f["source"] if kind == "sentence" else (f["target"] or f["source"])
        if side and side["sentence"] == line:
            return True
    return False


def pofilter(cases):
    """pofilter --test=numbers over the pairs as PO units: per case, flagged lines."""
    if not shutil.which("pofilter"):
        return None
    flagged = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, (kind, _, src, tgt, line) in enumerate(cases):
            if kind not in ("clean", "number"):
                continue
            po = os.path.join(tmp, f"{n}.po")
            with open(po, "w", encoding="utf-8") as fh:
                fh.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
                for i, (s, t) in enumerate(zip(src, tgt)):
                    fh.write(f'#: line:{i}\nmsgid {json.dumps(s, ensure_ascii=False)}\nmsgstr {json.dumps(t, ensure_ascii=False)}\n\n')
            out = os.path.join(tmp, f"{n}.out.po")
            subprocess.run(["pofilter", "--test=numbers", "--nonotes", po, out], capture_output=True)
            text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
            flagged[n] = {int(m) for m in re.findall(r"#: line:(\d+)", text)}
    return flagged


def main(argv):
    opts = {"--lang": "deu", "--docs": "40", "--seed": "7", "--bin": "target/release/transcheck"}
    args = [a for a in argv]
    for key in list(opts):
        if key in args:
            opts[key] = args[args.index(key) + 1]
            del args[args.index(key):args.index(key) + 2]
    use_pofilter = "--no-pofilter" not in args
    args = [a for a in args if a != "--no-pofilter"]
    if len(args) != 1:
        sys.exit(__doc__)
    lang2 = {"deu": "de", "fra": "fr", "rus": "ru", "zho-CN": "zh", "arb": "ar", "jpn": "ja"}[opts["--lang"]]
    rng = random.Random(int(opts["--seed"]))
    docs = load(args[0], opts["--lang"])[: int(opts["--docs"])]
    cases = build(docs, rng)
    reports = run_check(opts["--bin"], cases, lang2)
    po = pofilter(cases) if use_pofilter else None
    hits, totals = collections.Counter(), collections.Counter()
    po_hits = 0
    clean_errors = clean_sentences = po_clean = 0
    clean_warnings = collections.Counter()
    for n, (kind, _, src, tgt, line) in enumerate(cases):
        if kind == "clean":
            clean_sentences += len(tgt)
            clean_errors += sum(f["severity"] == "error" for f in reports[n].get("findings", []))
            clean_warnings.update(f["rule"] for f in reports[n].get("findings", []) if f["severity"] == "warning")
            po_clean += len(po[n]) if po is not None else 0
            continue
        totals[kind] += 1
        hits[kind] += found(reports[n], kind, line)
        if kind == "number" and po is not None:
            po_hits += line in po[n]
    print(f"lang={lang2} docs={len(docs)} seed={opts['--seed']} clean_sentences={clean_sentences}")
    for kind in RULES:
        if totals[kind]:
            print(f"  {kind:<9} recall={hits[kind] / totals[kind]:.3f} (n={totals[kind]})")
    print(f"  false errors per 100 sentences (untouched) = {100 * clean_errors / max(clean_sentences, 1):.2f}")
    per100 = lambda n: f"{100 * n / max(clean_sentences, 1):.2f}"
    rules = ", ".join(f"{rule} {per100(n)}" for rule, n in clean_warnings.most_common())
    print(f"  warnings per 100 sentences (untouched) = {per100(sum(clean_warnings.values()))} ({rules})")
    if po is not None:
        print(f"  pofilter numbers: recall={po_hits / max(totals['number'], 1):.3f} "
              f"flags per 100 sentences (untouched) = {100 * po_clean / max(clean_sentences, 1):.2f}")
    else:
        print("  pofilter: not installed (pip install translate-toolkit) or --no-pofilter")


if __name__ == "__main__":
    main(sys.argv[1:])
