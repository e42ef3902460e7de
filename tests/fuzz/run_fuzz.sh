#!/usr/bin/env bash
# Builds the CSV reader's libFuzzer target with clang (AddressSanitizer + UBSan) straight from the
# core sources it needs, then fuzzes it for a bounded time. Any crash, sanitizer report or
# round-trip mismatch fails the run (and leaves the input in OUT_DIR as crash-*).
#   tests/fuzz/run_fuzz.sh [OUT_DIR] [SECONDS]      (defaults: build/fuzz, 20)
# Needs Debian's clang and libclang-rt-14-dev (platform/linux/dev.sh installs both).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/build/fuzz}"
seconds="${2:-20}"
cxx="${CLANGXX:-$(command -v clang++ || command -v clang++-14 || true)}"
[ -n "$cxx" ] || { echo "run_fuzz.sh: clang++ not found (install the Debian package 'clang')" >&2; exit 1; }

sources=("$here/fuzz_csv.cpp")
for f in csv.cpp csv_write.cpp csv_peg.cpp peg.cpp relief.cpp words.cpp episode.cpp time.cpp vocabulary.cpp triage.cpp triage_rules.cpp triage_rules_soon.cpp triage_conditions.cpp profile.cpp; do sources+=("$root/app/core/$f"); done
headers=("$root"/app/core/*.hpp)
binary="$out/fuzz_csv"
mkdir -p "$out/corpus"

# Rebuild only when a source or header is newer than the binary.
stale=0
[ -x "$binary" ] || stale=1
for f in "${sources[@]}" "${headers[@]}"; do [ "$f" -nt "$binary" ] && stale=1; done
if [ "$stale" = 1 ]; then
  echo "building $binary with $cxx"
  "$cxx" -std=c++20 -O1 -g -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=all -fno-omit-frame-pointer -I"$root/app" "${sources[@]}" -o "$binary.tmp"
  mv "$binary.tmp" "$binary"
fi

# Seeds: a good file, and the kinds of damage the importer must report.
header='started_at,side,pain,type,onset,when,symptoms,care,medication,note,recorded_at'
seed() { printf '%b' "$2" > "$out/corpus/seed-$1"; }
seed good "$header\r\n2026-11-20T18:30:05-05:00,left,6,throbbing,sudden,night;stairs,calf_pain;swelling,ice;medication,\"ibuprofen 400 mg, twice\",\"Apr\xc3\xa8s \"\"\xc3\xa7a\"\"\r\nligne\",2026-11-20T23:40:05Z\r\n"
seed lf "\xef\xbb\xbf$header\n2026-01-02T00:00Z,both,0,,,,,,,,\n\n"
seed quote "$header\r\n2026-11-20T10:00:00+01:00,left,3,,,,,,,\"never closed\r\n"
seed columns "$header\r\n2026-11-20T10:00:00+01:00,left,3,,,\r\n"
seed names "$header\r\n2026-11-20 10:00,up,11,sore,soon,x,limp,dance,,,\r\n"

dict="$out/csv.dict"
{
  for t in started_at side pain type onset when symptoms care medication note recorded_at left right both \
           sharp dull sudden gradual night stairs swelling calf_pain fever ice , ";" T Z +01:00 -05:30 \
           2026-11-20T10:00:00+01:00 1970-01-01T00:00:00Z; do
    printf '"%s"\n' "$t"
  done
  printf '"\\""\n"\\"\\""\n"\\x0d\\x0a"\n"\\xef\\xbb\\xbf"\n'  # a quote, a doubled quote, CRLF, a BOM
} > "$dict"

echo "fuzzing the CSV reader for ${seconds}s"
cd "$out"
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict="$dict" -print_final_stats=1 "$out/corpus"
