#!/usr/bin/env bash
# Prints figures (never a pass/fail on time): launch to the first frame presented, and the peak
# resident memory (VmHWM) at that moment, of KneeLog's real window against a bare Dear ImGui +
# SDL_Renderer program (kneelog_bench_bare_imgui, built beside the benchmarks), both measured the
# same way: under one Xvfb with SDL's software renderer, each told its launch time
# (KNEELOG_LAUNCH_NS) and reporting through platform::reportFirstFrame(). Median of RUNS each,
# then the ratio of the times and the difference of the memory (the issue's targets: <= 1.25x
# and <= +8 MB). KneeLog opens a journal with Latin text only, and one with Japanese notes (the
# CJK font is then read and its glyphs baked).
# usage: tests/bench/startup.sh path/to/kneelog [runs=9]
set -euo pipefail
exe="${1:?path to kneelog}"
runs="${2:-9}"
bare="$(dirname "$exe")/tests/bench/kneelog_bench_bare_imgui"
[ -x "$bare" ] || { echo "build kneelog_bench_bare_imgui first ($bare)" >&2; exit 2; }
tmp="$(mktemp -d)"; xpid=""
trap '[ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$tmp"' EXIT
for n in $(seq 150 199); do [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }; done
Xvfb "$disp" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
sleep 1

latin="$tmp/latin.db"; cjk="$tmp/cjk.db"
"$exe" --db "$latin" add --pain 2 --note "after the walk" >/dev/null
"$exe" --db "$cjk" add --pain 4 --note "膝の裏が痛い" >/dev/null
"$exe" --db "$cjk" add --pain 3 --note "階段を下りるときに痛む 😣" >/dev/null
for db in "$latin" "$cjk"; do  # the first-run statement is taken as read
  sqlite3 "$db" "INSERT INTO settings(key, value) VALUES('disclaimer_acknowledged', '0');"
done

once() {  # command... -> "ms kb" of one launch
  local log="$tmp/run.log"
  : >"$log"
  env DISPLAY="$disp" SDL_RENDER_DRIVER=software KNEELOG_LAUNCH_NS="$(date +%s%N)" "$@" 2>"$log" >/dev/null &
  local pid=$!
  for _ in $(seq 400); do grep -q first_frame_presented_ms "$log" && break; sleep 0.025; done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  sed -n 's/.*first_frame_presented_ms=\([0-9.]*\) peak_rss_kb=\([0-9]*\).*/\1 \2/p' "$log"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# The three programs take turns (bare, Latin, Japanese, bare, ...), so a slower stretch of a shared
# machine falls on all of them alike; each ratio is also taken launch by launch (KneeLog's launch
# over the bare launch just before it) and its median printed beside the ratio of the medians.
for _ in $(seq "$runs"); do
  once "$bare" >>"$tmp/bare.txt"
  once "$exe" --db "$latin" >>"$tmp/latin.txt"
  once "$exe" --db "$cjk" >>"$tmp/cjk.txt"
done
col() { cut -d' ' -f"$2" "$tmp/$1.txt" | median; }
pairwise() { paste -d' ' "$tmp/bare.txt" "$tmp/$1.txt" | awk '{ printf "%.4f\n", $3 / $1 }' | median; }
bare_ms=$(col bare 1); bare_kb=$(col bare 2)
latin_ms=$(col latin 1); latin_kb=$(col latin 2); latin_pair=$(pairwise latin)
cjk_ms=$(col cjk 1); cjk_kb=$(col cjk 2); cjk_pair=$(pairwise cjk)
echo "startup median of $runs: first_frame_presented_ms / peak_rss_MB"
awk -v bm="$bare_ms" -v bk="$bare_kb" -v lm="$latin_ms" -v lk="$latin_kb" -v cm="$cjk_ms" -v ck="$cjk_kb" \
    -v lp="$latin_pair" -v cp="$cjk_pair" 'BEGIN {
  printf "bare_imgui_sdl    %8.1f ms  %6.1f MB\n", bm, bk / 1024
  printf "kneelog_latin     %8.1f ms  %6.1f MB  ratio %.2fx (launch by launch %.2fx)  %+.1f MB\n", lm, lk / 1024, lm / bm, lp, (lk - bk) / 1024
  printf "kneelog_japanese  %8.1f ms  %6.1f MB  ratio %.2fx (launch by launch %.2fx)  %+.1f MB\n", cm, ck / 1024, cm / bm, cp, (ck - bk) / 1024
}'
