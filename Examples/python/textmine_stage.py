"""Write TextMine out-of-process stages in Python (protocol version 1, docs/plugin-protocol.md).

Copy this file next to your stage and call `serve`:

    from textmine_stage import serve

    def process(article, options):
        return {"layers": {"length": len(article["text"])}}

    serve(process)

`article` holds `id`, `language` (may be missing), `text` and the fields you asked for with
`receives`. Offsets are code-point offsets into `text`, as Python's `text[start:end]`. Return a
result: `edits` (spans of the text you received), then `metadata`, `entities`, `sentences`, ... (spans
of the text after your edits), or None for no change. Raise an exception to fail one article.
"""

import json
import sys

PROTOCOL = 1


def _send(message):
    sys.stdout.buffer.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def serve(process, setup=None, receives=()):
    """Speaks the protocol on standard input and output until the host closes standard input.

    setup(options) -> state: checks the options once (raise to refuse them); its result is passed
    to process. Without setup, process gets the options.
    process(article, state) -> dict or None: handles one article.
    receives: article fields to receive besides id, language and text ("metadata", "sentences"...).
    """
    stdin = sys.stdin.buffer
    hello = json.loads(stdin.readline())
    options = hello.get("options", {})
    try:
        state = setup(options) if setup else options
    except Exception as error:  # refused options end the handshake with a message
        _send({"type": "error", "message": str(error)})
        return
    _send({"type": "ready", "protocol": PROTOCOL, "receives": list(receives)})
    for line in stdin:
        request = json.loads(line)
        seq = request["seq"]
        try:
            result = process(request["article"], state) or {}
        except Exception as error:
            _send({"type": "error", "seq": seq, "message": f"{type(error).__name__}: {error}"})
            continue
        result["type"] = "result"
        result["seq"] = seq
        _send(result)
