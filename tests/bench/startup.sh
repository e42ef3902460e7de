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

median_of() {  # label command... -> "label ms_median kb_median"
  local label="$1"; shift
  for _ in $(seq "$runs"); do once "$@"; done >"$tmp/$label.txt"
  local ms kb
  ms=$(cut -d' ' -f1 "$tmp/$label.txt" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  kb=$(cut -d' ' -f2 "$tmp/$label.txt" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "$label $ms $kb"
}

read -r _ bare_ms bare_kb < <(median_of bare "$bare")
read -r _ latin_ms latin_kb < <(median_of kneelog_latin "$exe" --db "$latin")
read -r _ cjk_ms cjk_kb < <(median_of kneelog_japanese "$exe" --db "$cjk")
echo "startup median of $runs: first_frame_presented_ms / peak_rss_MB"
awk -v bm="$bare_ms" -v bk="$bare_kb" -v lm="$latin_ms" -v lk="$latin_kb" -v cm="$cjk_ms" -v ck="$cjk_kb" 'BEGIN {
  printf "bare_imgui_sdl    %8.1f ms  %6.1f MB\n", bm, bk / 1024
  printf "kneelog_latin     %8.1f ms  %6.1f MB  ratio %.2fx  %+.1f MB\n", lm, lk / 1024, lm / bm, (lk - bk) / 1024
  printf "kneelog_japanese  %8.1f ms  %6.1f MB  ratio %.2fx  %+.1f MB\n", cm, ck / 1024, cm / bm, (ck - bk) / 1024
}'
