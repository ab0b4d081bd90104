#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer, then runs each for SECONDS (default
# 300), niced, one after the other. Corpora grow in Fuzz/corpus/TARGET (seeded from the repository's
# seeds, pipelines, examples, Fuzz/seeds/TARGET and the regression inputs); crash inputs land in
# Fuzz/crashes/TARGET; after each target plateau.py says how many edges the last tenth of its
# executions found (none: it has stopped finding coverage). Copy each crash input that a fix
# resolves to Tests/FuzzRegressions/TARGET/ so that `swift test` replays it. Exits with 1 when a target crashed, hung or ran out of memory
# (.ci/run uses it as a smoke run: `Fuzz/fuzz.sh 10`).
#   Fuzz/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml jsonl text html plugin-reply manifest pipeline)

# SwiftPM passes each --sanitize as its own -sanitize= flag and swiftc keeps only the last one, so
# Swift code would get AddressSanitizer but no coverage instrumentation (libFuzzer would mutate
# blind): the combined flag, given last, instruments it for both.
nice swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
binary=.build/release/textmine-fuzz

seed() {  # seed TARGET FILES…: copies files into the target's corpus once
  local target=$1; shift
  mkdir -p "corpus/$target"
  for file in "$@"; do [ -f "$file" ] && cp -n "$file" "corpus/$target/" || true; done
}
seed yaml ../pipelines/*.yaml ../Examples/*/*.yaml
seed manifest ../Examples/*/*.stage.yaml
seed text ../seeds/*.txt
seed pipeline ../seeds/*.txt
for target in jsonl plugin-reply manifest html; do seed "$target" seeds/"$target"/*; done
for target in "${targets[@]}"; do seed "$target" ../Tests/FuzzRegressions/"$target"/*; done

failed=()
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "crashes/$target"
  echo "== $target ($seconds s)"
  # 2 GB: no input of at most 64 KB may need more. Leak detection is off, in libFuzzer and at
  # exit: the stages' static tables and option declarations live for the whole process by design.
  if ! ASAN_OPTIONS=detect_leaks=0 TEXTMINE_FUZZ_TARGET=$target nice "$binary" "corpus/$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="crashes/$target/" -print_final_stats=1 > "crashes/$target.log" 2>&1; then
    failed+=("$target")
  fi
  grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" \
    "crashes/$target.log" || true
  if command -v python3 > /dev/null; then python3 plateau.py "crashes/$target.log" || true; fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} crashed (inputs in Fuzz/crashes/TARGET/, logs in Fuzz/crashes/TARGET.log)" >&2
  exit 1
fi
