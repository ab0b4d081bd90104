"""python -m textmine_spark [--master local[2]] PIPELINE INPUT... OUTPUT_DIR

Reads the inputs (JSON-lines files, one article per line; any other file is one text article, its id
the file name without extension; directories are read recursively in sorted order, hidden files
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

from . import document_frequencies, run
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


def _with_source(path):
    def add(pair):
        line, index = pair
        try:
            article = json.loads(line)
        except ValueError:
            return line  # textmine reports it as a dead letter
        if isinstance(article, dict) and "source" not in article:
            article["source"] = {"format": "jsonl", "line": index + 1, "path": path}
            return json.dumps(article, ensure_ascii=False)
        return line
    return add


def _text_article(paths):
    """A JSON line for a text file, or a dead letter for one textmine could not read (as textmine
    reports it)."""
    def convert(pair):
        uri, data = pair
        path = paths.get(uri.replace("file://", "").replace("file:", ""), uri)
        name = os.path.basename(path)
        article_id = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
        bom = data[:3] == b"\xef\xbb\xbf"
        try:
            text = data[3 if bom else 0:].decode("utf-8")
        except UnicodeDecodeError as error:
            return DEAD_LETTER, {"error": f"invalid UTF-8 at byte {error.start + (3 if bom else 0)}", "id": article_id,
                                 "source": path, "stage": "input"}
        if not text.strip():
            return DEAD_LETTER, {"error": "empty article", "id": article_id, "source": path, "stage": "input"}
        return ARTICLE, {"id": article_id, "text": text, "source": {"format": "text", "path": path}}
    return convert


def read_inputs(sc, inputs, partitions):
    """(RDD of JSON lines for textmine, RDD of dead letters found while reading)."""
    files = [f for path in inputs for f in _expand(path)]
    line_files = [f for f in files if f.endswith(_LINE_EXTENSIONS)]
    text_files = [f for f in files if not f.endswith(_LINE_EXTENSIONS)]
    parts = [sc.textFile(f, partitions).zipWithIndex().filter(lambda pair: pair[0].strip()).map(_with_source(f))
             for f in line_files]
    early = sc.emptyRDD()
    if text_files:
        paths = {os.path.abspath(f): f for f in text_files if "://" not in f}
        read = sc.binaryFiles(",".join(os.path.abspath(f) if "://" not in f else f for f in text_files),
                              partitions).map(_text_article(paths))
        read = read.sortBy(lambda pair: pair[1]["source"]["path"] if pair[0] == ARTICLE else pair[1]["source"],
                           numPartitions=partitions)
        parts.insert(0, read.filter(lambda pair: pair[0] == ARTICLE)
                     .map(lambda pair: json.dumps(pair[1], ensure_ascii=False)))
        early = read.filter(lambda pair: pair[0] == DEAD_LETTER).map(
            lambda pair: json.dumps(pair[1], ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    lines = sc.union(parts) if parts else sc.emptyRDD()
    return lines, early


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
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("textmine")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism
    lines, early = read_inputs(sc, args.inputs, partitions)
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
