#!/usr/bin/env python3
"""Builds the demo's bundled sample: app/src/main/resources/org/raqib/app/demo/articles.jsonl.

Reads ../shared in place (SaudiNewsNet, the two seed articles) and writes a small JSONL file in the `raqib import --format jsonl` / `raqib match` format: seed paragraphs as
storyline items, SaudiNewsNet articles that name storyline places (Libya, Niger, Chad, Sudan...) or contain the
misleading word مالي ("financial"), and a few unrelated ones. Deterministic: rerun it and the file is the same.

Usage: python3 ops/demo/make-sample.py [SHARED_DIR]
"""
import hashlib
import json
import pathlib
import sys
import zipfile

root = pathlib.Path(__file__).resolve().parents[2]
shared = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared")
out = root / "app/src/main/resources/org/raqib/app/demo/articles.jsonl"

PLACES = ["ليبيا", "الليبي", "النيجر", "تشاد", "بنغازي", "طرابلس", "حفتر", "السودان", "الساحل", "باماكو", "نيامي"]
TRAPS = ["دعم مالي", "عجز مالي", "السوق المالية", "وزير المالية"]
PER_DAY_PLACES, PER_DAY_TRAPS, PER_DAY_OTHER = 10, 2, 2
MAX_CHARS = 2500

items = []
for seed in sorted((shared / "seeds").glob("*.txt")):
    text = seed.read_text(encoding="utf-8")
    # One seed separates paragraphs by blank lines, the other by single line breaks.
    separator = "\n\n" if text.count("\n\n") > 3 else "\n"
    paragraphs = [p.strip() for p in text.split(separator) if len(p.strip()) > 120]
    title = next(l.strip() for l in seed.read_text(encoding="utf-8").splitlines() if len(l.strip()) > 30)
    for i, p in enumerate(paragraphs[:6]):
        items.append({"id": f"seed-{seed.stem.split('-')[0]}-{i + 1}", "source": "seed-" + seed.stem.split("-")[0],
                      "url": f"https://example.org/seed/{seed.stem}#{i}",
                      "title": title if i == 0 else title + " (" + str(i + 1) + ")", "body": p,
                      "publishedAt": "2024-08-18T07:56:00+03:00"})


def pick(articles, words, n, taken):
    chosen = []
    for a in articles:
        if len(chosen) == n:
            break
        text = a["title"] + " " + a["content"]
        key = a["url"]
        if key not in taken and any(w in text for w in words):
            chosen.append(a)
            taken.add(key)
    return chosen


for z in sorted((shared / "corpus/saudinewsnet").glob("*.zip")):
    with zipfile.ZipFile(z) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]).decode("utf-8"))
    articles.sort(key=lambda a: hashlib.sha1(a["url"].encode()).hexdigest())
    taken = set()
    chosen = pick(articles, PLACES, PER_DAY_PLACES, taken) + pick(articles, TRAPS, PER_DAY_TRAPS, taken)
    chosen += [a for a in articles if a["url"] not in taken][:PER_DAY_OTHER]
    for a in chosen:
        # Same id and time as CorpusReader gives the archive's copy: snn- + SHA-256(url), date_extracted as UTC.
        items.append({"id": "snn-" + hashlib.sha256(a["url"].encode("utf-8")).hexdigest()[:16],
                      "source": a["source"], "url": a["url"], "title": a["title"].strip(),
                      "body": a["content"].strip()[:MAX_CHARS],
                      "publishedAt": a["date_extracted"].replace(" ", "T") + "Z"})

with out.open("w", encoding="utf-8") as f:
    for item in items:
        f.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
print(f"{len(items)} items, {out.stat().st_size // 1024} KiB -> {out.relative_to(root)}")
