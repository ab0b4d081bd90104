"""A stage that misbehaves on purpose, for the fault tests: the article's text says how."""

import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "Examples", "python"))
import textmine_stage  # noqa: E402

# Speak another protocol version when asked, to test the host's refusal.
textmine_stage.PROTOCOL = int(os.environ.get("FAULTY_PROTOCOL", textmine_stage.PROTOCOL))


def process(article, options):
    text = article["text"]
    if "CRASH" in text:
        sys.stderr.write("faulty: crashing on purpose\n")
        sys.stderr.flush()
        os._exit(3)
    if "HANG" in text:
        time.sleep(3600)
    if "GARBAGE" in text:
        sys.stdout.write("this is not json\n")
        sys.stdout.flush()
        return None
    if "FAIL" in text:
        raise ValueError("cannot handle this article")
    if "BADSPAN" in text:
        return {"entities": [{"span": {"start": 0, "end": len(text) + 5}, "label": "X"}]}
    if "INVERTED" in text:
        return {"entities": [{"span": {"start": 5, "end": 2}, "label": "X"}]}
    if "NEGATIVE" in text:
        return {"sentences": [{"span": {"start": -1, "end": 2}}]}
    if "ONE ENTITY" in text:
        return {"entities": [{"span": {"start": 0, "end": 3}, "label": "ORG"}]}
    return {"layers": {"faulty": {"length": len(text), "pid": os.getpid()}}}


textmine_stage.serve(process)
