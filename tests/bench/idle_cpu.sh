#!/usr/bin/env bash
# Prints figures (never a pass/fail on time): idle CPU of the real window under Xvfb, event-driven
# against the same binary forced to draw every frame, and start-to-first-frame time (median of 5).
# usage: tests/bench/idle_cpu.sh path/to/kneelog
set -euo pipefail
exe="${1:?path to kneelog}"
tmp="$(mktemp -d)"; xpid=""
trap '[ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$tmp"' EXIT
for n in $(seq 150 199); do [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }; done
Xvfb "$disp" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
sleep 1
db="$tmp/j.db"; "$exe" --db "$db" add --pain 2 >/dev/null
sqlite3 "$db" "INSERT INTO settings(key, value) VALUES('disclaimer_acknowledged', '0');"
tick=$(getconf CLK_TCK)

cpu_seconds() {  # pid -> utime+stime in seconds
  awk -v t="$tick" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$1/stat"
}

idle() {  # extra env -> CPU seconds used over 10 s of idle (after 2 s of start-up)
  env DISPLAY="$disp" "$@" "$exe" --db "$db" >/dev/null 2>&1 & local pid=$!
  sleep 2; local a; a=$(cpu_seconds "$pid"); sleep 10; local b; b=$(cpu_seconds "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b - a }'
}

first_frame() {
  env DISPLAY="$disp" KNEELOG_TIMING=1 "$exe" --db "$db" 2>"$tmp/t.log" >/dev/null & local pid=$!
  for _ in $(seq 100); do grep -q first_frame_s "$tmp/t.log" && break; sleep 0.05; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sed -n 's/.*first_frame_s=\([0-9.]*\).*/\1/p' "$tmp/t.log"
}

event=$(idle KNEELOG_EVENT_DRIVEN=1)
every=$(idle KNEELOG_DRAW_EVERY_FRAME=1)
echo "idle_cpu_s_over_10s event_driven=$event draw_every_frame=$every"
ff=$(for _ in 1 2 3 4 5; do first_frame; done | sort -n | sed -n 3p)
echo "start_to_first_frame_s median_of_5=$ff"
