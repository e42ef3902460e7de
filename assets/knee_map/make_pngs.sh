#!/usr/bin/env bash
# The knee map's pictures, made from their source (issue 18):
#   back_of_knee_left.svg          the drawing, written by hand (the left leg seen from behind)
#   back_of_knee_right.svg         written here: the left drawing mirrored (inner and outer swap sides)
#   back_of_knee_{left,right}.png, @2x.png, @3x.png   200x300, 400x600, 600x900 pixels
# rendered with rsvg-convert (Debian: librsvg2-bin).
#
#   assets/knee_map/make_pngs.sh            writes them beside this script (commit the result)
#   assets/knee_map/make_pngs.sh --check    renders into a temporary folder and fails when a
#                                           committed file differs (a ctest entry runs this)
#
# Why committed and not made at build time: the Android build (Gradle, on any machine) and the
# .deb take the PNGs as they are, so neither needs librsvg; this check keeps them in step with the SVG.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
check=0
[ "${1:-}" = "--check" ] && check=1
command -v rsvg-convert >/dev/null || { echo "FAIL: rsvg-convert is missing (Debian: apt-get install librsvg2-bin)" >&2; exit 1; }
out="$here"
if [ "$check" = 1 ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

# The right leg: the same drawing inside a mirror transform.
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<!-- KneeLog knee map, the RIGHT leg seen from behind: written by make_pngs.sh from'
  echo '     back_of_knee_left.svg (mirrored, so the inner side is on the left). Do not edit. -->'
  echo '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="300" viewBox="0 0 200 300">'
  echo '  <g transform="matrix(-1 0 0 1 200 0)">'
  sed -e '1,/<svg /d' -e '/<\/svg>/d' "$here/back_of_knee_left.svg"
  echo '  </g>'
  echo '</svg>'
} >"$out/back_of_knee_right.svg"

for leg in left right; do
  svg="$here/back_of_knee_$leg.svg"
  [ "$leg" = right ] && svg="$out/back_of_knee_right.svg"
  for density in 1 2 3; do
    suffix=""
    [ "$density" = 1 ] || suffix="@${density}x"
    rsvg-convert -w $((200 * density)) -h $((300 * density)) "$svg" -o "$out/back_of_knee_$leg$suffix.png"
  done
done

if [ "$check" = 1 ]; then
  status=0
  for f in "$out"/*; do
    name="${f##*/}"
    if ! cmp -s "$f" "$here/$name"; then
      echo "FAIL: assets/knee_map/$name is not what make_pngs.sh makes from the SVG; run assets/knee_map/make_pngs.sh and commit" >&2
      status=1
    fi
  done
  [ "$status" = 0 ] && echo "knee map pictures are up to date"
  exit "$status"
fi
