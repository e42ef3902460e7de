#!/usr/bin/env bash
# Builds kneelog_<version>_<arch>.deb with CPack from the build folder given as $1, unpacks it with
# dpkg-deb -x into a temporary root (no install, no root needed) and runs the unpacked binary
# from there: --version, then a headless screenshot whose fonts and articles must come from the
# unpacked share/kneelog/assets (the binary finds them relative to itself, not the build tree).
set -euo pipefail
build="$(cd "$1" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack"; }
debs=("$tmp"/out/kneelog_*.deb)
[ -f "${debs[0]}" ] || { cat "$tmp/cpack.log"; fail "no kneelog_*.deb was made"; }
deb="${debs[0]}"
echo "package: $(basename "$deb")"

[ "$(dpkg-deb -f "$deb" Package)" = kneelog ] || fail "Package is not kneelog"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for lib in libsdl2 libsqlite3 libhpdf libstdc++6; do
  grep -q "$lib" <<<"$depends" || fail "Depends does not list $lib"
done
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
[ -n "$(dpkg-deb -f "$deb" Description)" ] || fail "no Description"

root="$tmp/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/kneelog usr/share/applications/kneelog.desktop usr/share/icons/hicolor/256x256/apps/kneelog.png \
         usr/share/icons/hicolor/48x48/apps/kneelog.png usr/share/kneelog/assets/icons/kneelog-256.png \
         usr/share/kneelog/assets/guidance/dvt.md usr/share/kneelog/assets/fonts/DejaVuSans.ttf; do
  [ -s "$root/$f" ] || fail "$f is missing from the package"
done
leaked="$(dpkg-deb -c "$deb" | grep -E 'CMakeFiles|Makefile|cmake_install|CMakeLists' || true)"
[ -z "$leaked" ] || fail "build files in the package: $leaked"
grep -q '^Exec=kneelog' "$root/usr/share/applications/kneelog.desktop" || fail "the desktop entry does not run kneelog"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/kneelog.desktop" || fail "desktop-file-validate"
fi

# Nothing from the build tree or the caller may leak in: the unpacked binary finds everything itself.
run() { env -u KNEELOG_ASSETS -u KNEELOG_DB -u LD_LIBRARY_PATH -u XDG_DATA_HOME HOME="$tmp/home" "$root/usr/bin/kneelog" "$@"; }
mkdir -p "$tmp/home"
version="$(run --version)"
echo "kneelog --version: $version"
grep -q "$(dpkg-deb -f "$deb" Version)" <<<"$version" || fail "--version does not match the package version"

run screenshot --screen log --out "$tmp/log.png" --db "$tmp/journal.db" || fail "screenshot from the unpacked package"
size=$(stat -c %s "$tmp/log.png")
echo "screenshot: $size bytes"
[ "$size" -gt 20000 ] || fail "the screenshot is blank or nearly so ($size bytes)"

# The same screen without the packaged assets must look different: proof that the fonts above
# came from <prefix>/share/kneelog/assets and not from some fallback.
KNEELOG_ASSETS="$tmp/nowhere" HOME="$tmp/home" "$root/usr/bin/kneelog" screenshot --screen log \
  --out "$tmp/bare.png" --db "$tmp/journal.db" || fail "screenshot without assets"
cmp -s "$tmp/log.png" "$tmp/bare.png" && fail "the packaged assets made no difference to the screenshot"
echo "deb test: ok"
