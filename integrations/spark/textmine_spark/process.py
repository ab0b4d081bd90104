"""One textmine process per partition: rows in as JSON lines on standard input, results out.

Runs on the executors. A partition either gives back one result per row (an article or a dead
letter) or fails as a whole: a crash, a kill or a missing result raises, so Spark retries the task
and nothing is silently lost.
"""

import itertools
import json
import os
import stat
import subprocess
import tempfile
import threading

ARTICLE, DEAD_LETTER = 0, 1


def _executable(path):
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        try:
            os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            pass
    return path


def _bundle(config):
    from pyspark import SparkFiles
    root = SparkFiles.get(config["bundle"])
    return _executable(os.path.join(root, "textmine")), os.path.join(root, "pipeline", config["pipeline"])


def _feed(process, rows, sent, failure):
    try:
        for row in rows:
            process.stdin.write(row.encode("utf-8") + b"\n")
            sent[0] += 1
        process.stdin.close()
    except Exception as error:  # a dead process: reported by the exit status below
        failure.append(error)
        try:
            process.stdin.close()
        except Exception:
            pass


def _start(arguments, workdir):
    errlog = open(os.path.join(workdir, "stderr"), "w+b")
    process = subprocess.Popen(arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errlog,
                               cwd=workdir)
    return process, errlog


def _check(process, errlog, index, what, all_failed=False):
    status = process.wait()
    # 2: the run completed, some articles failed (they are dead letters); 1 with every article a dead
    # letter: none could be read.
    if status not in (0, 2) and not (status == 1 and all_failed):
        errlog.seek(0)
        tail = errlog.read()[-2000:].decode("utf-8", "replace")
        raise RuntimeError(f"textmine {what} exited with status {status} on partition {index}: {tail}")


def _rows_if_any(rows):
    """The rows, or None for an empty partition (no process is started for it)."""
    rows = iter(rows)
    first = next(rows, None)
    return None if first is None else itertools.chain([first], rows)


def run_partition(config, index, rows):
    """Yields (ARTICLE, json line) and (DEAD_LETTER, json line) for the rows (JSON lines) of a partition."""
    rows = _rows_if_any(rows)
    if rows is None:
        return
    binary, pipeline = _bundle(config)
    from pyspark import SparkFiles
    with tempfile.TemporaryDirectory(prefix="textmine-spark-") as workdir:
        errors = os.path.join(workdir, "errors.jsonl")
        arguments = [binary, "run", pipeline, "-", "--input-format", "jsonl", "--quiet",
                     "--jobs", str(config["jobs"]), "--errors", errors]
        if not config["timings"]:
            arguments.append("--no-timings")
        for override in config["overrides"]:
            arguments += ["--set", override]
        if config.get("frequencies"):
            arguments += ["--set", f"{config['frequencies_step']}.document-frequencies={SparkFiles.get(config['frequencies'])}"]
        process, errlog = _start(arguments, workdir)
        sent, failure = [0], []
        feeder = threading.Thread(target=_feed, args=(process, rows, sent, failure), daemon=True)
        feeder.start()
        received = 0
        for line in process.stdout:
            received += 1
            yield ARTICLE, line.decode("utf-8").rstrip("\n")
        feeder.join()
        dead_letters = []
        if os.path.exists(errors):
            with open(errors, encoding="utf-8") as dead:
                dead_letters = [line.rstrip("\n") for line in dead]
        _check(process, errlog, index, "run", all_failed=received == 0 and len(dead_letters) == sent[0])
        for line in dead_letters:
            received += 1
            yield DEAD_LETTER, line
        if failure:
            raise RuntimeError(f"partition {index}: could not feed textmine: {failure[0]}")
        if received != sent[0]:
            raise RuntimeError(f"partition {index}: {sent[0]} articles in, {received} results out")


#: The pipeline that only reads: articles come out as textmine decoded them.
_READ_ONLY_PIPELINE = "name: read\nstages:\n  - use: pass\n"


def _read_only(workdir):
    path = os.path.join(workdir, "read.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(_READ_ONLY_PIPELINE)
    return path


def _failure_text(errlog, status, index, what):
    errlog.seek(0)
    tail = errlog.read()[-2000:].decode("utf-8", "replace")
    return f"textmine {what} exited with status {status} on partition {index}: {tail}"


def read_text_partition(config, encoding, index, files):
    """Yields (ARTICLE, article dict) and (DEAD_LETTER, dead letter dict) for (path, bytes) pairs of
    text files: textmine itself reads them (byte-order marks, UTF-8, Windows-1252, --input-encoding),
    so that the text, the id and every error are those of `textmine run` on the same files."""
    files = list(files)
    if not files:
        return
    binary, _ = _bundle(config)
    with tempfile.TemporaryDirectory(prefix="textmine-spark-") as workdir:
        # File k goes to in/k/NAME: the name (the article's id) is kept, and names cannot collide.
        for k, (path, data) in enumerate(files):
            folder = os.path.join(workdir, "in", str(k))
            os.makedirs(folder)
            with open(os.path.join(folder, os.path.basename(path)), "wb") as f:
                f.write(data)
        errors = os.path.join(workdir, "errors.jsonl")
        arguments = [binary, "run", _read_only(workdir), "in", "--input-format", "text", "--quiet", "--no-timings",
                     "--jobs", "1", "--fields", "id,source,text", "--errors", errors]
        if encoding:
            arguments += ["--input-encoding", encoding]
        process, errlog = _start(arguments, workdir)
        out = process.stdout.read().decode("utf-8").splitlines()
        status = process.wait()
        dead = []
        if os.path.exists(errors):
            with open(errors, encoding="utf-8") as f:
                dead = [json.loads(line) for line in f if line.strip()]
        if status not in (0, 2) and not (status == 1 and not out):
            raise RuntimeError(_failure_text(errlog, status, index, "read"))
        if len(out) + len(dead) != len(files):
            raise RuntimeError(f"partition {index}: {len(files)} text files in, {len(out) + len(dead)} results out")

        def original(written):  # in/k/NAME -> the path the user gave
            return files[int(written.split("/")[-2])][0]
        for line in out:
            article = json.loads(line)
            article["source"]["path"] = original(article["source"]["path"])
            yield ARTICLE, article
        for letter in dead:
            letter["source"] = original(letter["source"])
            yield DEAD_LETTER, letter


def reject_partition(config, index, rows):
    """Yields a dead letter dict for each (path, line number, line) of a JSON-lines file that is not
    an article (not JSON, not an object, no id or text): textmine's own error for it, with the id
    (`NAME:LINE`) and source (`PATH:LINE`) `textmine run` gives it on that file."""
    rows = list(rows)
    if not rows:
        return
    binary, _ = _bundle(config)
    with tempfile.TemporaryDirectory(prefix="textmine-spark-") as workdir:
        errors = os.path.join(workdir, "errors.jsonl")
        process, errlog = _start([binary, "run", _read_only(workdir), "-", "--input-format", "jsonl", "--quiet",
                                  "--jobs", "1", "--errors", errors], workdir)
        failure = []
        feeder = threading.Thread(target=_feed, args=(process, (line for _, _, line in rows), [0], failure),
                                  daemon=True)
        feeder.start()
        out = process.stdout.read()
        feeder.join()
        status = process.wait()
        dead = []
        if os.path.exists(errors):
            with open(errors, encoding="utf-8") as f:
                dead = [json.loads(line) for line in f if line.strip()]
        if status not in (1, 2) or out or failure or len(dead) != len(rows):
            raise RuntimeError(_failure_text(errlog, status, index, "read"))
    for letter in dead:
        # Its source is -:N, the line of standard input: row N.
        path, number, _ = rows[int(letter["source"].rsplit(":", 1)[1]) - 1]
        name = os.path.basename(path)
        letter["id"] = f"{name.rsplit('.', 1)[0] if '.' in name.lstrip('.') else name}:{number}"
        letter["source"] = f"{path}:{number}"
        yield letter


def count_partition(config, index, rows):
    """Yields (key, (count, form)) per term, and ("documents", (N, "")), for the rows of a partition."""
    rows = _rows_if_any(rows)
    if rows is None:
        return
    binary, pipeline = _bundle(config)
    with tempfile.TemporaryDirectory(prefix="textmine-spark-") as workdir:
        arguments = [binary, "frequencies", pipeline, "-", "--input-format", "jsonl", "--quiet",
                     "--jobs", str(config["jobs"])]
        for override in config["overrides"]:
            arguments += ["--set", override]
        process, errlog = _start(arguments, workdir)
        failure = []
        feeder = threading.Thread(target=_feed, args=(process, rows, [0], failure), daemon=True)
        feeder.start()
        lines = process.stdout.read().decode("utf-8").split("\n")
        feeder.join()
        _check(process, errlog, index, "frequencies")
        if failure:
            raise RuntimeError(f"partition {index}: could not feed textmine: {failure[0]}")
    for line in lines:
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t", 2)
        if fields[0] == "documents":
            yield "documents", (int(fields[1]), "")
        else:
            yield fields[0], (int(fields[1]), fields[2])
