#!/usr/bin/env bash
# Builds a libFuzzer target with clang (AddressSanitizer + UBSan) straight from the core sources it
# needs, then fuzzes it for a bounded time. Any crash, sanitizer report or round-trip mismatch
# fails the run (and leaves the input in OUT_DIR as crash-*). Targets: csv (the CSV reader) and
# bundle (the bundle file and content reader, fuzz_bundle.cpp; links libsodium).
#   tests/fuzz/run_fuzz.sh [OUT_DIR] [SECONDS] [TARGET]      (defaults: build/fuzz, 20, csv)
# Needs Debian's clang and libclang-rt-14-dev (platform/linux/dev.sh installs both).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/build/fuzz}"
seconds="${2:-20}"
target="${3:-csv}"
cxx="${CLANGXX:-$(command -v clang++ || command -v clang++-14 || true)}"
[ -n "$cxx" ] || { echo "run_fuzz.sh: clang++ not found (install the Debian package 'clang')" >&2; exit 1; }

core=(episode.cpp time.cpp vocabulary.cpp triage.cpp triage_rules.cpp triage_rules_soon.cpp triage_conditions.cpp profile.cpp
      words.cpp peg.cpp relief.cpp)
libs=()
case "$target" in
  csv) core+=(csv.cpp csv_write.cpp csv_peg.cpp) ;;
  bundle) core+=(bundle.cpp merge.cpp crypto/random.cpp crypto/sealed.cpp); libs+=(-lsodium) ;;
  *) echo "run_fuzz.sh: unknown target $target (csv or bundle)" >&2; exit 2 ;;
esac
sources=("$here/fuzz_$target.cpp")
for f in "${core[@]}"; do sources+=("$root/app/core/$f"); done
headers=("$root"/app/core/*.hpp "$root"/app/core/crypto/*.hpp)
out="$out/$target"
binary="$out/fuzz_$target"
mkdir -p "$out/corpus"

# Rebuild only when a source or header is newer than the binary.
stale=0
[ -x "$binary" ] || stale=1
for f in "${sources[@]}" "${headers[@]}"; do [ "$f" -nt "$binary" ] && stale=1; done
if [ "$stale" = 1 ]; then
  echo "building $binary with $cxx"
  "$cxx" -std=c++20 -O1 -g -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=all -fno-omit-frame-pointer -I"$root/app" "${sources[@]}" "${libs[@]}" -o "$binary.tmp"
  mv "$binary.tmp" "$binary"
fi

if [ "$target" = bundle ]; then
  # Seeds: a plain envelope around a small bundle, the bundle's content alone, and a sealed header.
  uid=5d4c3b2a-1f0e-4d9c-8b7a-695847362514
  content='{"kneelog_bundle":1,"made":0,"entries":[{"uid":"'$uid'","edited":5,"deleted":null,"started":[2026,11,20,9,0,0,60],"recorded":1,"side":"left","leg":"","temperature":null,"pain":4,"pain_type":"","onset":"","when":["stairs"],"symptoms":["swelling"],"care":[],"where":["centre"],"medication":"ibuprofen 400 mg","relief":2,"note":"x"}],"history":[{"entry":"'$uid'","edited":1,"content":"{}","kept":2}],"alerts":[{"entry":"'$uid'","level":3,"rules":["U1"],"from_history":false,"shown":1,"acknowledged":null}],"checkins":[{"answered":[2026,11,21,20,0,0,60],"recorded":3,"pain":5,"enjoyment":4,"activity":6}],"person":{"region":"uk","region_edited":1,"risks":"","risks_edited":0}}'
  printf '%s' "$content" > "$out/corpus/seed-content"
  printf 'KNLGOPEN\x01\x01' > "$out/corpus/seed-plain-head"
  printf 'KNLGSEAL\x01\x01\x02\x01\0\0\0\0\0\0\0\0\x20\0\0\0\0\0\0' > "$out/corpus/seed-sealed-head"
  echo "fuzzing the bundle reader for ${seconds}s"
  cd "$out"
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
  UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 "$out/corpus"
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
