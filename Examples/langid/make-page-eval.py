#!/usr/bin/env python3
"""Writes an evaluation file for `textmine eval language` from web pages with their main text: the
`gold_text` of `{lang, gold_text}` JSON lines (such as the flairNLP/fundus and mozilla/readability
test pages, MIT and Apache-2.0), cut into paragraphs of at least 30 letters, up to 300 per language
in a stable pseudo-random order, one `{"lang", "source", "text"}` line each. Pages labelled `und`
are left out; `no` is written `nb`.

    python3 make-page-eval.py pages.jsonl > page-paragraphs.jsonl
"""
import hashlib
import json
import re
import sys
from collections import defaultdict

LETTER = re.compile(r"[^\W\d_]")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-page-eval.py PAGES.jsonl")
    paragraphs = defaultdict(dict)
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            language = {"no": "nb"}.get(page.get("lang"), page.get("lang"))
            if language in (None, "und"):
                continue
            for paragraph in re.split(r"\n+", page.get("gold_text") or ""):
                paragraph = paragraph.strip()
                if len(LETTER.findall(paragraph)) >= 30 and len(paragraph) <= 2000:
                    key = hashlib.sha1(paragraph.encode()).hexdigest()
                    paragraphs[language].setdefault(key, (page.get("source"), paragraph))
    for language in sorted(paragraphs):
        for key in sorted(paragraphs[language])[:300]:
            source, text = paragraphs[language][key]
            sys.stdout.write(json.dumps({"lang": language, "source": source, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
