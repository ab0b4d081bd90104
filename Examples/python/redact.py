"""An out-of-process TextMine stage in Python: removes e-mail addresses and URLs.

Each removal keeps its reason (`redact: email`), and the count goes to the `redact` layer.
"""

import re

from textmine_stage import serve

PATTERNS = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "url": re.compile(r"https?://\S+"),
}


def setup(options):
    kinds = options.get("kinds", ["email"])
    unknown = [kind for kind in kinds if kind not in PATTERNS]
    if unknown:
        raise ValueError(f"option 'kinds': unknown kind '{unknown[0]}' (known: {', '.join(PATTERNS)})")
    return [(kind, PATTERNS[kind]) for kind in kinds]


def process(article, patterns):
    text = article["text"]
    found = sorted(
        (match.start(), match.end(), kind)
        for kind, pattern in patterns
        for match in pattern.finditer(text)
    )
    edits, end = [], 0
    for start, stop, kind in found:
        if start >= end:  # edits must not overlap
            edits.append({"span": {"start": start, "end": stop}, "replacement": "", "reason": f"redact: {kind}"})
            end = stop
    return {"edits": edits, "layers": {"redact": {"count": len(edits)}}}


serve(process, setup)
