#!/usr/bin/env bash
# Prints figures (never a pass/fail on time): the median frame CPU time of the History and
# Trends screens over 300 headless frames on a 10-year demo journal and on an empty one, and
# the ratio of the two for each screen (the issue asks for < 2 ms and <= 1.5x).
# usage: tests/bench/frame_times.sh path/to/kneelog [days=3650] [frames=300]
set -euo pipefail
exe="${1:?path to kneelog}"
days="${2:-3650}"
frames="${3:-300}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$exe" --db "$tmp/empty.db" list >/dev/null
"$exe" demo --days "$days" --db "$tmp/demo.db" >/dev/null

median() {  # db screen -> median frame ms, as printed by `kneelog screenshot --frames`
  "$exe" screenshot --db "$1" --screen "$2" --out "$tmp/$2.png" --frames "$frames" |
    sed -n 's/^frame_ms median=\([0-9.]*\).*/\1/p'
}

for screen in history trends; do
  full=$(median "$tmp/demo.db" "$screen")
  empty=$(median "$tmp/empty.db" "$screen")
  echo "frame_ms_median screen=$screen demo_${days}_days=$full empty=$empty"
  awk -v a="$full" -v b="$empty" -v s="$screen" 'BEGIN { printf "ratio screen=%s demo/empty=%.2f\n", s, a / b }'
done

# The screens' own frame code, without the software rasterizer (needs the UI test binary).
ui_tests="$(dirname "$exe")/tests/ui/kneelog_ui_tests"
if [ -x "$ui_tests" ]; then
  "$ui_tests" "[.bench]" | grep '^ui_frame_ms_median' || true
fi
