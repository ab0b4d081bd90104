"""python -m textmine_spark [--master local[2]] PIPELINE INPUT... OUTPUT_DIR

Reads the inputs (JSON-lines files, one article per line; any other file is one text article, its id
the file name without extension, decoded by textmine as `textmine run` does: byte-order marks, UTF-8,
Windows-1252, or --input-encoding; directories are read recursively in sorted order, hidden files
skipped; hdfs://, s3a://… paths are handed to Spark), runs the pipeline with one textmine process per
partition, and writes OUTPUT_DIR/articles and OUTPUT_DIR/dead-letters: as textmine's own JSON lines
(--format jsonl, the default; part files in input order) or as Parquet with the typed schema
(--format parquet). With --document-frequencies, the corpus' document frequencies are counted first
(OUTPUT_DIR/document-frequencies.tsv) and the keywords step uses them.
"""

import argparse
import json
import os
import sys
import tempfile

from functools import partial

from . import _ship, document_frequencies, process, run
from .process import ARTICLE, DEAD_LETTER

_LINE_EXTENSIONS = (".jsonl", ".ndjson")


def _expand(path):
    """The files a local input names, sorted; remote URIs as they are."""
    if "://" in path:
        return [path]
    if os.path.isdir(path):
        found = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(folder, f) for f in sorted(files) if not f.startswith(".")]
        return sorted(found)
    if os.path.exists(path):
        return [path]
    raise SystemExit(f"textmine_spark: no such file or directory: '{path}'")


def _is_article(value):
    """Whether a parsed JSON line is an article textmine reads: an object with an id (string or whole
    number) and a string text."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        return False
    article_id = value.get("id")
    return isinstance(article_id, str) or (isinstance(article_id, int) and not isinstance(article_id, bool))


def _with_source(path):
    """A JSON line with its source (the file and line, as `textmine run` records them), or, for a line
    that is not an article, (path, line number, line) for reject_partition."""
    def add(pair):
        line, index = pair
        try:
            article = json.loads(line)
        except ValueError:
            article = None
        if not _is_article(article):
            return path, index + 1, line
        if "source" not in article:
            article["source"] = {"format": "jsonl", "line": index + 1, "path": path}
            return json.dumps(article, ensure_ascii=False)
        return line
    return add


def _dead_letter_line(letter):
    return json.dumps(letter, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def read_inputs(sc, inputs, partitions, config, encoding=None):
    """(RDD of JSON lines for textmine, RDD of dead letters found while reading). Text files and the
    lines of JSON-lines files that are not articles go through textmine (``config``: a shipped
    bundle), so that they read and fail as in `textmine run`."""
    files = [f for path in inputs for f in _expand(path)]
    line_files = [f for f in files if f.endswith(_LINE_EXTENSIONS)]
    text_files = [f for f in files if not f.endswith(_LINE_EXTENSIONS)]
    read_lines = [sc.textFile(f, partitions).zipWithIndex().filter(lambda pair: pair[0].strip()).map(_with_source(f))
                  for f in line_files]
    parts = [read.filter(lambda row: isinstance(row, str)) for read in read_lines]
    early = [read.filter(lambda row: not isinstance(row, str)).mapPartitionsWithIndex(
                 partial(process.reject_partition, config)).map(_dead_letter_line) for read in read_lines]
    if text_files:
        paths = {os.path.abspath(f): f for f in text_files if "://" not in f}
        read = sc.binaryFiles(",".join(os.path.abspath(f) if "://" not in f else f for f in text_files), partitions) \
            .map(lambda pair: (paths.get(pair[0].replace("file://", "").replace("file:", ""), pair[0]), pair[1])) \
            .mapPartitionsWithIndex(partial(process.read_text_partition, config, encoding))
        read = read.sortBy(lambda pair: pair[1]["source"]["path"] if pair[0] == ARTICLE else pair[1]["source"],
                           numPartitions=partitions)
        parts.insert(0, read.filter(lambda pair: pair[0] == ARTICLE)
                     .map(lambda pair: json.dumps(pair[1], ensure_ascii=False)))
        early.insert(0, read.filter(lambda pair: pair[0] == DEAD_LETTER).map(lambda pair: _dead_letter_line(pair[1])))
    lines = sc.union(parts) if parts else sc.emptyRDD()
    return lines, sc.union(early) if early else sc.emptyRDD()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m textmine_spark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pipeline")
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("output", metavar="OUTPUT_DIR")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--partitions", type=int, default=None, help="input partitions (default: Spark's parallelism)")
    parser.add_argument("--textmine", help="the textmine binary (default: $TEXTMINE, else on the PATH)")
    parser.add_argument("--root", help="the folder shipped with the pipeline (default: the pipeline's folder)")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="STEP.OPTION=VALUE")
    parser.add_argument("--document-frequencies", action="store_true",
                        help="count the corpus' document frequencies first and give them to the keywords step")
    parser.add_argument("--keywords-step", default="keywords")
    parser.add_argument("--timings", action="store_true", help="keep stage timings in trace")
    parser.add_argument("--input-encoding", metavar="NAME",
                        help="read every text file in this encoding instead of detecting it (as textmine run)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("textmine")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism
    lines, early = read_inputs(sc, args.inputs, partitions, _ship(sc, args.textmine, args.pipeline, args.root),
                               args.input_encoding)
    lines = lines.repartition(partitions) if lines.getNumPartitions() < partitions else lines

    local = "://" not in args.output
    if local:
        os.makedirs(args.output, exist_ok=True)
    frequencies = None
    if args.document_frequencies:
        # Written on the driver: in OUTPUT_DIR when it is local, else in a temporary folder.
        folder = args.output if local else tempfile.mkdtemp(prefix="textmine-spark-")
        frequencies = os.path.join(folder, "document-frequencies.tsv")
        count = document_frequencies(lines, args.pipeline, frequencies, textmine=args.textmine, root=args.root,
                                     overrides=args.overrides)
        print(f"textmine_spark: {count} documents counted -> {frequencies}", file=sys.stderr)
    result = run(lines, args.pipeline, spark=spark, textmine=args.textmine, root=args.root,
                 overrides=args.overrides, timings=args.timings, document_frequencies=frequencies,
                 keywords_step=args.keywords_step)
    articles_dir = args.output.rstrip("/") + "/articles"
    dead_dir = args.output.rstrip("/") + "/dead-letters"
    if args.format == "jsonl":
        result.lines.filter(lambda pair: pair[0] == ARTICLE).map(lambda pair: pair[1]).saveAsTextFile(articles_dir)
        dead = result.lines.filter(lambda pair: pair[0] == DEAD_LETTER).map(lambda pair: pair[1])
        early.union(dead).saveAsTextFile(dead_dir)
    else:
        from .schema import DEAD_LETTER_SCHEMA, dead_letter_row
        result.articles.write.parquet(articles_dir)
        spark.createDataFrame(early.map(dead_letter_row), DEAD_LETTER_SCHEMA).union(result.dead_letters) \
            .write.parquet(dead_dir)
    articles = result.articles.count()
    failed = result.dead_letters.count() + early.count()
    print(f"textmine_spark: {articles + failed} articles: {articles} ok, {failed} failed -> {args.output}",
          file=sys.stderr)
    spark.stop()
    return 0 if failed == 0 else 2


if __name__ == "__main__":
    sys.exit(main())
