#!/usr/bin/env bash
# Unpacks Debian bookworm's source packages of the libraries the Android build fetches, for the
# two Android checks (tests/android/cmake_check.sh, tests/android/compile_check.sh):
#   imgui          Dear ImGui 1.86, the upstream tree (imgui.h at the top, backends/, misc/cpp/)
#   libsdl2        SDL 2.26.5, the upstream tree (include/, src/, CMakeLists.txt, android-project/)
#   libharu        libharu (include/, src/)
#   nlohmann-json3 nlohmann/json 3.11.2 (single_include/)
#   libstb         stb at 8b5f1f3 (stb_image.h at the top)
#   libsodium      libsodium 1.0.18 (src/libsodium/include/sodium/version.h.in, the C sources)
#   sqlite3        SQLite's source tree, from which the amalgamation (sqlite3.c, sqlite3.h: the
#                  layout of the autoconf tarball the Android build fetches) is generated
#
#   tests/android/debian_sources.sh <folder>     prints nothing but errors; the trees end up in
#                                                <folder>/imgui, <folder>/sdl2, <folder>/hpdf,
#                                                <folder>/json, <folder>/sqlite, <folder>/stb,
#                                                <folder>/sodium
#
# deb-src may not be configured on the machine: the sources are downloaded with a private apt
# configuration inside <folder>/apt (its own sources list, package lists and cache); the machine's
# apt set-up is left as it is. Signatures are checked with Debian's archive keyring as usual.
# The mirror is the one the machine uses for bookworm (KNEELOG_DEBIAN_MIRROR overrides it).
# Everything is kept: the second run does nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: $0 <folder>}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
# Complete, and made by a version of this script that fetched every package listed here (stb and
# libsodium were added later: a tree without them is redone).
[ -f "$out/.complete" ] && [ -e "$out/stb" ] && [ -e "$out/sodium" ] && exit 0

. "$root/platform/linux/apt.sh"
install_missing dpkg-dev tcl make gcc debian-archive-keyring  # dpkg-source; tclsh for SQLite's amalgamation

apt="$out/apt"
# The mirror the machine already uses for bookworm (its binary packages), else Debian's own.
mirror="${KNEELOG_DEBIAN_MIRROR:-$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' 2>/dev/null |
                                   awk '$2 == "bookworm" { print $1; exit }')}"
mirror="${mirror:-http://deb.debian.org/debian}"
rm -rf "$apt" "$out/src"
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d" "$out/src"
: >"$apt/status"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main" >"$apt/sources.list"
cat >"$apt/apt.conf" <<CONF
Dir::State::Lists "$apt/lists";
Dir::State::status "$apt/status";
Dir::Cache "$apt/cache";
Dir::Etc::sourcelist "$apt/sources.list";
Dir::Etc::sourceparts "$apt/sources.list.d";
APT::Sandbox::User "$(id -un)";
CONF
export APT_CONFIG="$apt/apt.conf"
apt-get update -q >"$apt/update.log" 2>&1 || { cat "$apt/update.log" >&2; exit 1; }
# Each package on its own: a mirror may lack a file (bookworm's libharu .debian.tar.xz is missing
# on some), and apt keeps the files it did verify. A package whose Debian part is missing is used
# as its upstream tarball alone (*.orig.tar.*, hash-checked by apt like every file).
for pkg in imgui libsdl2 libharu nlohmann-json3 sqlite3 libstb libsodium; do
  (cd "$out/src" && apt-get source -q --download-only "$pkg" >>"$apt/source.log" 2>&1) || true
  dsc="$(ls "$out/src/$pkg"_*.dsc 2>/dev/null | head -1)"
  if [ -n "$dsc" ] && ls "$out/src/$pkg"_*.debian.tar.* >/dev/null 2>&1; then
    (cd "$out/src" && dpkg-source -q -x "$dsc" >>"$apt/source.log" 2>&1) || { cat "$apt/source.log" >&2; exit 1; }
  elif orig="$(ls "$out/src/$pkg"_*.orig.tar.* 2>/dev/null | grep -v -- '-[a-z]*\.tar' | head -1)" && [ -n "$orig" ]; then
    mkdir -p "$out/src/$pkg-orig" && tar -xf "$orig" -C "$out/src/$pkg-orig" --strip-components=1
  else
    cat "$apt/source.log" >&2; echo "FAIL: the source package $pkg could not be downloaded" >&2; exit 1
  fi
done

one() {  # the unpacked tree of a source package
  local d
  d="$(find "$out/src" -mindepth 1 -maxdepth 1 -type d -name "$1-*" | head -1)"
  [ -n "$d" ] || { echo "FAIL: the source package $1 was not unpacked in $out/src" >&2; exit 1; }
  echo "src/${d##*/}"  # relative: the folder can be moved
}
ln -sfn "$(one imgui)" "$out/imgui"
ln -sfn "$(one libsdl2)" "$out/sdl2"
ln -sfn "$(one libharu)" "$out/hpdf"
ln -sfn "$(one nlohmann-json3)" "$out/json"
ln -sfn "$(one libstb)" "$out/stb"
ln -sfn "$(one libsodium)" "$out/sodium"

# SQLite: the amalgamation, generated from the source tree by its own makefile (a few seconds).
sqlite_tree="$out/$(one sqlite3)"
mkdir -p "$out/sqlite-build" "$out/sqlite"
(cd "$out/sqlite-build" && "$sqlite_tree/configure" --quiet >configure.log 2>&1 && make -s sqlite3.c >make.log 2>&1) \
  || { tail -30 "$out/sqlite-build"/*.log >&2; exit 1; }
cp "$out/sqlite-build/sqlite3.c" "$out/sqlite-build/sqlite3.h" "$out/sqlite-build/sqlite3ext.h" "$out/sqlite/"
touch "$out/.complete"
