"""Run TextMine pipelines on Apache Spark.

``run(data, pipeline)`` ships the ``textmine`` binary (with its built-in models) and the pipeline's
folder to the executors, runs one ``textmine run`` process per partition (JSON lines over standard
input and output) and returns two DataFrames: the articles (``ARTICLE_SCHEMA``) and the dead letters
(``DEAD_LETTER_SCHEMA``), one row per input row between them. A partition whose process crashes
fails its task, which Spark retries; none of its rows is dropped.

``document_frequencies(data, pipeline, path)`` counts the corpus' document frequencies in two passes
(one ``textmine frequencies`` per partition, then a merge of the counts) and writes the file the
``keywords`` stage reads through ``document-frequencies``; ``run(..., document_frequencies=path)``
ships it to the executors. The counts are whole numbers, so the file and every keyword score are
the same as on one machine over the whole corpus.

See docs/scaling.md.
"""

import json
import os
import shutil
import tempfile
import uuid
from functools import partial

from . import process
from .schema import ARTICLE_SCHEMA, DEAD_LETTER_SCHEMA, article_row, dead_letter_row

__all__ = ["run", "run_lines", "document_frequencies", "ARTICLE_SCHEMA", "DEAD_LETTER_SCHEMA", "Result"]

#: The first line of a document-frequencies file (the same as `textmine frequencies` writes).
FREQUENCIES_HEADER = "# textmine document frequencies: key, documents with the term, one way it is written\n"
_RESOURCES = ("TextMine_TextMineStages.resources", "TextMine_TextMineStages.bundle")


class Result:
    """What ``run`` returns: ``articles`` and ``dead_letters`` DataFrames, and ``lines``, the RDD of
    (kind, JSON line) pairs they are made from (kind 0: an article as textmine wrote it, 1: a dead
    letter), cached so that both DataFrames come from one pass."""

    def __init__(self, articles, dead_letters, lines):
        self.articles = articles
        self.dead_letters = dead_letters
        self.lines = lines

    def __iter__(self):
        return iter((self.articles, self.dead_letters))


def _find_textmine(textmine):
    path = textmine or os.environ.get("TEXTMINE") or shutil.which("textmine")
    if not path or not os.access(path, os.X_OK):
        raise FileNotFoundError("no textmine binary: pass textmine=PATH, set TEXTMINE, or put textmine on the PATH "
                                "(swift build -c release --static-swift-stdlib)")
    return os.path.realpath(path)


_shipped_package = set()


def _ship_package(sc):
    """Adds this package to the executors' Python path (once per SparkContext), so that it needs no
    installation on the cluster."""
    if id(sc) in _shipped_package:
        return
    package = os.path.dirname(os.path.abspath(__file__))
    archive = shutil.make_archive(os.path.join(tempfile.mkdtemp(prefix="textmine-spark-"), "textmine_spark"), "zip",
                                  root_dir=os.path.dirname(package), base_dir=os.path.basename(package))
    sc.addPyFile(archive)
    _shipped_package.add(id(sc))


def _ship(sc, textmine, pipeline, root):
    """Copies the binary, its resources and the pipeline's folder into one directory and adds it to
    the job's files (and this package to the executors' Python path); returns the config the
    executors need."""
    _ship_package(sc)
    pipeline = os.path.abspath(pipeline)
    root = os.path.abspath(root or os.path.dirname(pipeline))
    if os.path.commonpath([root, pipeline]) != root:
        raise ValueError(f"the pipeline {pipeline} is not inside the shipped folder {root}")
    name = f"textmine-{uuid.uuid4().hex[:12]}"
    staging = os.path.join(tempfile.mkdtemp(prefix="textmine-spark-"), name)
    os.makedirs(staging)
    binary = _find_textmine(textmine)
    shutil.copy2(binary, os.path.join(staging, "textmine"))
    for resources in _RESOURCES:
        source = os.path.join(os.path.dirname(binary), resources)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(staging, resources))
    shutil.copytree(root, os.path.join(staging, "pipeline"),
                    ignore=shutil.ignore_patterns(".*", "__pycache__"))
    sc.addFile(staging, recursive=True)
    return {"bundle": name, "pipeline": os.path.relpath(pipeline, root)}


def _json_lines(data):
    """An RDD of JSON lines from a DataFrame (its rows as JSON objects: `id`, `text`, any other column
    kept as metadata), an RDD of dicts, or an RDD of JSON strings."""
    if hasattr(data, "toJSON") and hasattr(data, "schema"):
        return data.toJSON()
    return data.map(lambda row: row if isinstance(row, str) else json.dumps(row, ensure_ascii=False))


def run_lines(lines, pipeline, *, textmine=None, root=None, overrides=(), jobs=1, timings=False,
              document_frequencies=None, keywords_step="keywords"):
    """Runs the pipeline over an RDD of JSON lines; returns the cached RDD of (kind, JSON line)."""
    sc = lines.context
    config = _ship(sc, textmine, pipeline, root)
    config.update(jobs=jobs, timings=timings, overrides=list(overrides), frequencies_step=keywords_step)
    if document_frequencies:
        name = f"textmine-frequencies-{uuid.uuid4().hex[:12]}.tsv"
        staging = os.path.join(tempfile.mkdtemp(prefix="textmine-spark-"), name)
        shutil.copy2(document_frequencies, staging)
        sc.addFile(staging)
        config["frequencies"] = name
    from pyspark import StorageLevel
    return lines.mapPartitionsWithIndex(partial(process.run_partition, config)).persist(StorageLevel.MEMORY_AND_DISK)


def run(data, pipeline, *, spark=None, textmine=None, root=None, overrides=(), jobs=1, timings=False,
        document_frequencies=None, keywords_step="keywords"):
    """Runs a TextMine pipeline over a DataFrame or RDD of articles, one textmine process per partition.

    - ``data``: a DataFrame with at least ``id`` and ``text`` columns (other columns are kept as
      metadata fields), or an RDD of dicts or JSON strings of the same shape.
    - ``pipeline``: the pipeline file; its folder (or ``root``) is shipped to the executors, so models
      and packs it names by relative path must lie inside it.
    - ``textmine``: the binary (default: ``$TEXTMINE``, else ``textmine`` on the PATH); the
      ``TextMine_TextMineStages.resources`` folder beside it is shipped too.
    - ``overrides``: ``STEP.OPTION=VALUE`` strings, as ``textmine run --set``.
    - ``jobs``: threads per textmine process (1: Spark's partitions are the parallelism).
    - ``timings``: keep each stage's time in ``trace`` (off, so reruns give the same rows).
    - ``document_frequencies``: a file from ``document_frequencies()`` or ``textmine frequencies``, given
      to the ``keywords_step`` step.

    Returns a ``Result`` (``articles, dead_letters = run(...)`` also works).
    """
    from pyspark.sql import SparkSession
    lines = run_lines(_json_lines(data), pipeline, textmine=textmine, root=root, overrides=overrides, jobs=jobs,
                      timings=timings, document_frequencies=document_frequencies, keywords_step=keywords_step)
    spark = spark or SparkSession.builder.getOrCreate()
    articles = spark.createDataFrame(
        lines.filter(lambda pair: pair[0] == process.ARTICLE).map(lambda pair: article_row(pair[1])), ARTICLE_SCHEMA)
    dead = spark.createDataFrame(
        lines.filter(lambda pair: pair[0] == process.DEAD_LETTER).map(lambda pair: dead_letter_row(pair[1])),
        DEAD_LETTER_SCHEMA)
    return Result(articles, dead, lines)


def document_frequencies(data, pipeline, path, *, textmine=None, root=None, overrides=(), jobs=1):
    """Counts document frequencies per partition (``textmine frequencies``), merges the counts, and
    writes them to ``path`` on the driver; returns the number of documents counted."""
    lines = _json_lines(data)
    config = _ship(lines.context, textmine, pipeline, root)
    config.update(jobs=jobs, overrides=list(overrides))
    merged = (lines.mapPartitionsWithIndex(partial(process.count_partition, config))
              .reduceByKey(lambda a, b: (a[0] + b[0], min(a[1], b[1])))
              .collect())
    documents = sum(count for key, (count, _) in merged if key == "documents")
    terms = sorted((key, value) for key, value in merged if key != "documents")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(FREQUENCIES_HEADER)
        out.write(f"documents\t{documents}\n")
        for key, (count, form) in terms:
            out.write(f"{key}\t{count}\t{form}\n")
    return documents
