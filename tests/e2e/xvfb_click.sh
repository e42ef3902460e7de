#!/usr/bin/env bash
# End-to-end: the real binary in a real X window (Xvfb), clicked with real X input (xdotool).
# Proves the SDL path that the headless tests bypass: window, events, renderer, save, SIGTERM.
#
# Nothing here depends on the time of day, the date or the time zone:
# - targets are found by name: the app writes where each named item is to $KNEELOG_TEST_ITEMS
#   (a test hook, see app/gui.cpp), so the "after midnight" hint, which moves the pain scale
#   down, cannot make a click miss;
# - with a second argument (an ISO-8601 instant, e.g. 2026-11-30T00:05:00Z) the whole run uses
#   that clock (KNEELOG_TEST_NOW, a test hook, see app/main.cpp) in UTC; ctest runs it once at
#   the real time and once just after midnight.
set -euo pipefail
exe="$1"
if [ -n "${2:-}" ]; then export KNEELOG_TEST_NOW="$2" TZ=UTC; fi
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "Xvfb and xdotool are required"; exit 1; }
tmp="$(mktemp -d)"
xpid=""; apid=""
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null || true
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# A free display number.
for n in $(seq 90 140); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }; done
Xvfb "$disp" -screen 0 1280x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xpid=$!
for _ in $(seq 300); do DISPLAY="$disp" xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$tmp/journal.db"
"$exe" --db "$db" add --pain 2 >/dev/null 2>&1          # a journal with one entry (no first-run welcome)
sqlite3 "$db" "INSERT INTO settings(key, value) VALUES('disclaimer_acknowledged', '0');"

# Leak checking is off for this one process: the real window loads the system's GL driver and
# D-Bus through SDL, whose allocations (in libraries unloaded at exit) LeakSanitizer cannot
# attribute or suppress. Our own code's leaks are checked by every headless test.
items="$tmp/items.txt"
DISPLAY="$disp" SDL_VIDEODRIVER=x11 KNEELOG_TEST_ITEMS="$items" ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
  "$exe" --db "$db" >"$tmp/app.log" 2>&1 &
apid=$!
wid="$(DISPLAY="$disp" timeout 60 xdotool search --sync --onlyvisible --name '^KneeLog$' | head -n1)"
[ -n "$wid" ] || { echo "the window did not appear"; cat "$tmp/app.log"; exit 1; }

# The centre of a named item, in window coordinates, once the app has drawn it.
centre() {  # waits (up to a minute, however slow the machine) for the app to draw the item
  for _ in $(seq 600); do
    if [ -f "$items" ]; then
      line="$(grep -m1 "^$1 " "$items" || true)"
      if [ -n "$line" ]; then
        set -- $line
        echo "$(( ($2 + $4) / 2 )) $(( ($3 + $5) / 2 ))"
        return 0
      fi
    fi
    sleep 0.1
  done
  echo "the item '$1' was never drawn" >&2; cat "$items" >&2 || true; return 1
}
click() {  # item name
  local xy; xy="$(centre "$1")"
  DISPLAY="$disp" xdotool mousemove --window "$wid" ${xy% *} ${xy#* } sleep 0.15 click 1 sleep 0.25
}
if [ -n "${KNEELOG_TEST_NOW:-}" ] && [ "${KNEELOG_TEST_NOW:11:2}" -lt 5 ]; then
  # Waits for it like any other item: the hint that moves the pain scale is really on screen.
  centre "yesterday-evening" >/dev/null || { echo "expected the after-midnight hint at $KNEELOG_TEST_NOW"; exit 1; }
fi
click "pain:7"
click "save"

# The entry added above has pain 2; wait (however slow the machine) for the window's save.
count=0
for _ in $(seq 600); do
  count="$("$exe" --db "$db" list --json 2>/dev/null | grep -c '"pain": 7' || true)"
  [ "$count" = "0" ] || break
  sleep 0.1
done
[ "$count" = "1" ] || { echo "expected one episode with pain 7 after clicking, found $count"; "$exe" --db "$db" list; exit 1; }
if [ -n "${KNEELOG_TEST_NOW:-}" ]; then
  day="${KNEELOG_TEST_NOW:0:10}"
  "$exe" --db "$db" list --json | grep -q "\"day\": \"$day\"" || { echo "the entry is not on $day"; exit 1; }
fi

# SIGTERM shuts the window down cleanly; the journal stays sound.
kill -TERM "$apid"
rc=0; wait "$apid" || rc=$?
apid=""
[ "$rc" = "0" ] || { echo "kneelog exited with $rc on SIGTERM"; cat "$tmp/app.log"; exit 1; }
"$exe" --db "$db" check >/dev/null
echo "ok: clicked pain 7 and Save by name in a real X window${KNEELOG_TEST_NOW:+ at $KNEELOG_TEST_NOW}; SIGTERM exit 0; journal check ok"
