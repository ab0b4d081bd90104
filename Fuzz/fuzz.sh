#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer, then runs each for SECONDS (default
# 300) of CPU, niced. Corpora grow in Fuzz/corpus/TARGET (seeded from the repository's seeds,
# pipelines and examples); crash inputs land in Fuzz/crashes/TARGET. Copy each crash input that a
# fix resolves to Tests/FuzzRegressions/TARGET/ so that `swift test` replays it.
#   Fuzz/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml jsonl text html plugin-reply manifest pipeline)

nice swift build -c release --sanitize=fuzzer --sanitize=address
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

for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "crashes/$target"
  echo "== $target ($seconds s)"
  TEXTMINE_FUZZ_TARGET=$target nice "$binary" "corpus/$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
    -artifact_prefix="crashes/$target/" -print_final_stats=1 2>&1 | tail -n 25 || true
done
