"""The typed schemas of textmine_spark's DataFrames, and the conversion of textmine's JSON lines.

Offsets are Unicode scalar offsets into ``text`` (Python ``text[start:end]``), as in textmine's own
output; a removal's ``start``/``end`` and a metadata field's ``source`` point into ``original``.
"""

import json

from pyspark.sql.types import (
    ArrayType, DoubleType, IntegerType, LongType, MapType, StringType, StructField, StructType,
)


def _span_fields():
    return [StructField("start", LongType()), StructField("end", LongType())]


SPAN = StructType(_span_fields())

#: One article, as ``textmine run`` writes it (``tokens``, ``alignment`` and ``layers`` are kept as
#: JSON text when present).
ARTICLE_SCHEMA = StructType([
    StructField("id", StringType(), nullable=False),
    StructField("source", StructType([
        StructField("path", StringType()), StructField("format", StringType()), StructField("line", LongType()),
        StructField("encoding", StringType()),
    ])),
    StructField("language", StringType()),
    StructField("metadata", MapType(StringType(), StructType([
        StructField("value", StringType()),  # the field's JSON value, as JSON text ("\"2022-01\"", "[\"A\", \"B\"]")
        StructField("stage", StringType()),
        StructField("rule", StringType()),
        StructField("source", SPAN),  # where in `original` it was read
    ]))),
    StructField("text", StringType(), nullable=False),
    StructField("summary", StructType([
        StructField("method", StringType()),
        StructField("text", StringType()),
        StructField("selected", ArrayType(IntegerType())),
        StructField("scores", ArrayType(StructType(_span_fields() + [
            StructField("score", DoubleType()), StructField("rank", IntegerType()), StructField("ineligible", StringType()),
        ]))),
    ])),
    StructField("keywords", ArrayType(StructType([
        StructField("phrase", StringType()), StructField("score", DoubleType()), StructField("spans", ArrayType(SPAN)),
    ]))),
    StructField("entities", ArrayType(StructType([
        StructField("text", StringType()), StructField("label", StringType()),
        StructField("start", LongType()), StructField("end", LongType()),
        StructField("canonical", StringType()), StructField("confidence", DoubleType()), StructField("stage", StringType()),
    ]))),
    StructField("removals", ArrayType(StructType([
        StructField("text", StringType()),
        StructField("start", LongType()), StructField("end", LongType()),  # in `original`
        StructField("stage", StringType()), StructField("reason", StringType()),
    ]))),
    StructField("original", StringType()),
    StructField("sentences", ArrayType(SPAN)),
    StructField("blocks", ArrayType(StructType(_span_fields() + [
        StructField("role", StringType()), StructField("score", DoubleType()),
    ]))),
    StructField("trace", ArrayType(StructType([
        StructField("stage", StringType()), StructField("seconds", DoubleType()),
        StructField("warnings", ArrayType(StringType())),
    ]))),
    StructField("tokens", StringType()),
    StructField("alignment", StringType()),
    StructField("layers", StringType()),
])

#: One failed article: the same fields as textmine's `--errors` lines.
DEAD_LETTER_SCHEMA = StructType([
    StructField("id", StringType(), nullable=False),
    StructField("source", StringType()),
    StructField("stage", StringType()),
    StructField("error", StringType()),
])


def _span(value):
    return None if value is None else (value.get("start"), value.get("end"))


def _float(value):
    return None if value is None else float(value)


def _json_text(value):
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def article_row(line):
    """A tuple in ARTICLE_SCHEMA's order from one of textmine's JSON lines."""
    a = json.loads(line)
    source = a.get("source")
    summary = a.get("summary")
    return (
        a["id"],
        None if source is None else (source.get("path"), source.get("format"), source.get("line"), source.get("encoding")),
        a.get("language"),
        None if "metadata" not in a else {
            name: (_json_text(field.get("value")), field.get("stage"), field.get("rule"), _span(field.get("source")))
            for name, field in a["metadata"].items()
        },
        a["text"],
        None if summary is None else (
            summary.get("method"), summary.get("text"), summary.get("selected"),
            [(s["span"]["start"], s["span"]["end"], _float(s.get("score")), s.get("rank"), s.get("ineligible"))
             for s in summary.get("scores", [])],
        ),
        None if "keywords" not in a else [
            (k["phrase"], _float(k.get("score")), [_span(s) for s in k.get("spans", [])]) for k in a["keywords"]
        ],
        None if "entities" not in a else [
            (e.get("text"), e.get("label"), e["span"]["start"], e["span"]["end"], e.get("canonical"),
             _float(e.get("confidence")), e.get("stage"))
            for e in a["entities"]
        ],
        None if "removals" not in a else [
            (r.get("text"), r["original"]["start"], r["original"]["end"], r.get("stage"), r.get("reason"))
            for r in a["removals"]
        ],
        a.get("original"),
        None if "sentences" not in a else [_span(s["span"]) for s in a["sentences"]],
        None if "blocks" not in a else [
            (b["span"]["start"], b["span"]["end"], b.get("role"), _float(b.get("score"))) for b in a["blocks"]
        ],
        None if "trace" not in a else [
            (t.get("stage"), _float(t.get("seconds")), t.get("warnings")) for t in a["trace"]
        ],
        _json_text(a.get("tokens")),
        _json_text(a.get("alignment")),
        _json_text(a.get("layers")),
    )


def dead_letter_row(line):
    """A tuple in DEAD_LETTER_SCHEMA's order from one of textmine's `--errors` lines."""
    d = json.loads(line)
    return (d["id"], d.get("source"), d.get("stage"), d.get("error"))
