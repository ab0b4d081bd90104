"""Spark local[2] against one machine: the same articles, dead letters and keyword scores.

Needs pyspark, Java 17 and a built textmine (``$TEXTMINE``, else the repository's
``.build/debug/textmine``). Without them the tests are skipped, unless ``TEXTMINE_REQUIRE_SPARK=1``
(set by .ci/run), where they fail.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.dirname(HERE))
TEXTMINE = os.environ.get("TEXTMINE") or os.path.join(ROOT, ".build", "debug", "textmine")
PIPELINE = "pipelines/french-news.yaml"
REQUIRED = os.environ.get("TEXTMINE_REQUIRE_SPARK") == "1"


def _missing():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install ./integrations/spark)"
    if shutil.which("java") is None:
        return "java is not installed (apt-get install openjdk-17-jre-headless)"
    if not os.access(TEXTMINE, os.X_OK):
        return f"no textmine binary at {TEXTMINE} (swift build)"
    return None


MISSING = _missing()
if MISSING and REQUIRED:
    raise RuntimeError(f"TEXTMINE_REQUIRE_SPARK=1 but {MISSING}")


def make_corpus(folder, count=60):
    """A JSON-lines corpus of articles made of the seeds' paragraphs, reshuffled; an empty text
    file, a Windows-1252 and a UTF-16 one; a JSON-lines file with two lines that are not articles;
    returns the input paths (relative to the repository, like a user's)."""
    seeds = sorted(f for f in os.listdir(os.path.join(ROOT, "seeds")) if f.endswith(".txt"))
    paragraphs = []
    for name in seeds:
        with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
            paragraphs += [p for p in f.read().split("\n\n") if p.strip()]
    rng = random.Random(15)
    with open(os.path.join(folder, "generated.jsonl"), "w", encoding="utf-8") as out:
        for index in range(count):
            text = "\n\n".join(rng.sample(paragraphs, rng.randint(3, 9)))
            out.write(json.dumps({"id": f"gen-{index:04d}", "text": text, "title": f"Article {index}"},
                                 ensure_ascii=False) + "\n")
    os.makedirs(os.path.join(folder, "pages"))
    with open(os.path.join(folder, "pages", "empty.txt"), "w", encoding="utf-8") as out:
        out.write("  \n")
    with open(os.path.join(ROOT, "seeds", seeds[1]), encoding="utf-8") as f:
        seed = f.read()
    with open(os.path.join(folder, "pages", "latin.txt"), "wb") as out:
        out.write(seed.encode("cp1252"))
    with open(os.path.join(folder, "pages", "utf16.txt"), "wb") as out:
        out.write(b"\xff\xfe" + seed.encode("utf-16-le"))
    with open(os.path.join(folder, "broken.jsonl"), "w", encoding="utf-8") as out:
        out.write('{"id": "fine", "text": "Le ministre est arrivé à Paris mardi pour une visite de deux jours."}\n'
                  '{"id": "cut", "text": \n'
                  '\n'
                  '{"text": "Un article sans identifiant."}\n')
    return ["seeds", os.path.relpath(folder, ROOT)]


def textmine(*arguments):
    result = subprocess.run([TEXTMINE, *arguments], cwd=ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 2):
        raise AssertionError(f"textmine {' '.join(arguments)} failed: {result.stderr}")
    return result


def lines(path_or_dir):
    if os.path.isdir(path_or_dir):
        found = []
        for name in sorted(os.listdir(path_or_dir)):
            if name.startswith("part-"):
                found += lines(os.path.join(path_or_dir, name))
        return found
    with open(path_or_dir, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


@unittest.skipIf(MISSING is not None, MISSING or "")
class SparkAgainstOneMachine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="textmine-spark-test-", dir=ROOT + "/.build")
        corpus = os.path.join(cls.folder, "corpus")
        os.makedirs(corpus)
        cls.inputs = make_corpus(corpus)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_command_line_with_document_frequencies(self):
        """python -m textmine_spark --document-frequencies: the merged counts are one machine's, to the
        byte, and so is every article (keyword scores included) and every dead letter."""
        direct = os.path.join(self.folder, "direct")
        os.makedirs(direct)
        frequencies = os.path.join(direct, "df.tsv")
        textmine("frequencies", PIPELINE, *self.inputs, "-o", frequencies, "--quiet")
        textmine("run", PIPELINE, *self.inputs, "--no-timings", "--quiet", "--set",
                 f"keywords.document-frequencies={frequencies}", "-o", os.path.join(direct, "articles.jsonl"),
                 "--errors", os.path.join(direct, "errors.jsonl"))

        out = os.path.join(self.folder, "spark")
        env = dict(os.environ, TEXTMINE=TEXTMINE, PYTHONPATH=os.path.dirname(HERE))
        result = subprocess.run([sys.executable, "-m", "textmine_spark", "--master", "local[2]", "--partitions", "3",
                                 "--document-frequencies", PIPELINE, *self.inputs, out],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        errors = "\n".join(line for line in result.stderr.splitlines() if "Error" in line or "textmine" in line)
        self.assertEqual(result.returncode, 2, errors[-5000:])  # 2: the empty file and two lines failed
        self.assertIn("textmine_spark: 71 articles: 68 ok, 3 failed", result.stderr)

        with open(frequencies, encoding="utf-8") as f, open(os.path.join(out, "document-frequencies.tsv"), encoding="utf-8") as g:
            self.assertEqual(f.read(), g.read())
        direct_articles = lines(os.path.join(direct, "articles.jsonl"))
        self.assertEqual(len(direct_articles), 68)
        self.assertEqual(sorted(lines(os.path.join(out, "articles"))), sorted(direct_articles))
        # Text files in other encodings are read as textmine reads them, not failed.
        encodings = {json.loads(line)["id"]: json.loads(line)["source"].get("encoding")
                     for line in lines(os.path.join(out, "articles"))}
        self.assertEqual((encodings["latin"], encodings["utf16"]), ("windows-1252", "utf-16le"))
        # Dead letters name the file and line, as textmine run does (not standard input's -:LINE).
        dead_letters = sorted(lines(os.path.join(out, "dead-letters")))
        self.assertEqual(dead_letters, sorted(lines(os.path.join(direct, "errors.jsonl"))))
        self.assertEqual(sorted(json.loads(line)["id"] for line in dead_letters), ["broken:2", "broken:4", "empty"])
        self.assertTrue(any('"error":"empty article"' in line for line in dead_letters))

    def test_library_dataframes_and_a_crashing_partition(self):
        """textmine_spark.run on a DataFrame: typed articles and dead letters, none lost, equal to one
        machine's; a partition whose process is killed is retried by Spark."""
        from pyspark.sql import SparkSession

        import textmine_spark

        # A textmine that kills itself the first time it runs (one partition's first attempt).
        wrapper_dir = os.path.join(self.folder, "wrapper")
        os.makedirs(wrapper_dir)
        for resources in ("TextMine_TextMineStages.resources",):
            os.symlink(os.path.join(os.path.dirname(TEXTMINE), resources), os.path.join(wrapper_dir, resources))
        wrapper = os.path.join(wrapper_dir, "textmine")
        with open(wrapper, "w") as f:
            f.write(f"#!/bin/sh\nif mkdir '{wrapper_dir}/crashed' 2>/dev/null; then kill -9 $$; fi\n"
                    f"exec '{TEXTMINE}' \"$@\"\n")
        os.chmod(wrapper, 0o755)

        spark = SparkSession.builder.master("local[2,2]").appName("textmine-test").getOrCreate()
        try:
            generated = os.path.join(self.folder, "corpus", "generated.jsonl")
            rows = [json.loads(line) for line in lines(generated)]
            rows.append({"id": "empty", "text": "   "})
            frame = spark.createDataFrame([(r["id"], r["text"]) for r in rows], "id string, text string").repartition(3)
            result = textmine_spark.run(frame, os.path.join(ROOT, PIPELINE), textmine=wrapper)
            articles, dead = result

            self.assertEqual(articles.count() + dead.count(), len(rows))
            self.assertTrue(os.path.isdir(os.path.join(wrapper_dir, "crashed")))
            self.assertEqual([(d.id, d.stage, d.error) for d in dead.collect()], [("empty", "input", "empty article")])

            self.assertEqual(articles.schema, textmine_spark.ARTICLE_SCHEMA)
            first = articles.where("id = 'gen-0000'").collect()[0]
            entity = first.entities[0]
            self.assertEqual(first.text[entity.start:entity.end], entity.text)
            self.assertEqual(first.language, "fr")
            self.assertTrue(first.keywords and first.summary.text)

            # The same articles as one machine, apart from where they were read.
            jsonl = "\n".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) for r in rows[:-1])
            direct = subprocess.run([TEXTMINE, "run", PIPELINE, "-", "--input-format", "jsonl", "--no-timings", "--quiet"],
                                    cwd=ROOT, input=jsonl, capture_output=True, text=True, check=True).stdout
            def without_source(line):
                article = json.loads(line)
                article.pop("source", None)
                return json.dumps(article, sort_keys=True, ensure_ascii=False)
            mine = sorted(without_source(line) for kind, line in result.lines.collect() if kind == 0)
            self.assertEqual(mine, sorted(without_source(line) for line in direct.splitlines()))
        finally:
            spark.stop()


if __name__ == "__main__":
    unittest.main()
