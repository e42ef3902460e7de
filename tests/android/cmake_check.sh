#!/usr/bin/env bash
# The Android CMake check: configures the repository exactly as Gradle does (-DKNEELOG_ANDROID=ON,
# so platform/cmake/AndroidDeps.cmake and platform/android/CMakeLists.txt run, SDL's own CMake
# included), with the six pinned downloads replaced by Debian's source packages of the same
# libraries (tests/android/debian_sources.sh) through FetchContent's FETCHCONTENT_SOURCE_DIR_<NAME>.
# The host compiler stands in for the NDK's: this proves the layout, not the code (that is
# tests/android/compile_check.sh, which compiles with the flags written here).
#
# Fails when:
#   - configure or generate fails: a source file that AndroidDeps.cmake or a CMakeLists.txt names
#     does not exist (e.g. misc/cpp/imgui_stdlib.cpp), a pin is not a SHA-256, ...;
#   - an include folder or a source file in compile_commands.json does not exist (outside SDL's
#     own targets, which are SDL's business);
#   - a C++ source of app/, db/ or platform/ is not compiled by the Android build;
#   - SDL's headers reach project code as -I instead of -isystem (-Werror would judge SDL's code);
#   - SQLite is not built with SQLITE_TEMP_STORE=3;
#   - a pin in platform/android/gradle.properties differs from AndroidDeps.cmake's.
# (AndroidDeps.cmake itself stops when the DejaVu fonts the APK carries are missing.)
#
#   tests/android/cmake_check.sh [build folder]      (default: build/android-check; incremental)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/android-check}"
mkdir -p "$build"
build="$(cd "$build" && pwd)"
src="$build/src"
cfg="$build/configure"

. "$root/platform/linux/apt.sh"
install_missing cmake make gcc g++ fonts-dejavu-core
"$root/tests/android/debian_sources.sh" "$src"

args=(-DKNEELOG_ANDROID=ON -DCMAKE_BUILD_TYPE=Release -DFETCHCONTENT_FULLY_DISCONNECTED=ON
      -DFETCHCONTENT_SOURCE_DIR_KNEELOG_SDL2="$src/sdl2" -DFETCHCONTENT_SOURCE_DIR_KNEELOG_IMGUI="$src/imgui"
      -DFETCHCONTENT_SOURCE_DIR_KNEELOG_SQLITE="$src/sqlite" -DFETCHCONTENT_SOURCE_DIR_KNEELOG_JSON="$src/json"
      -DFETCHCONTENT_SOURCE_DIR_KNEELOG_HPDF="$src/hpdf" -DFETCHCONTENT_SOURCE_DIR_KNEELOG_STB="$src/stb"
      -DFETCHCONTENT_SOURCE_DIR_KNEELOG_SODIUM="$src/sodium"
      -DKNEELOG_FONTS_DIR=/usr/share/fonts/truetype/dejavu)
rm -f "$cfg/compile_commands.json" "$build/entries.tsv"
if ! cmake -S "$root" -B "$cfg" "${args[@]}" >"$build/configure.log" 2>&1; then
  grep -v '^-- ' "$build/configure.log" >&2 || true
  echo "FAIL: the Android configure (-DKNEELOG_ANDROID=ON) failed; the whole log is $build/configure.log" >&2
  exit 1
fi
db="$cfg/compile_commands.json"
[ -f "$db" ] || { echo "FAIL: no $db" >&2; exit 1; }

# file<TAB>command for every entry (CMake writes "command" then "file", one per line), JSON
# escapes undone: the command is then as a shell would read it.
entries="$build/entries.tsv"
awk -F'": "' '/^  "command": "/ { c = substr($0, index($0, $2)); sub(/",?$/, "", c)
                                  gsub(/\\\\/, "\001", c); gsub(/\\"/, "\"", c); gsub(/\001/, "\\", c) }
              /^  "file": "/    { f = $2; sub(/",?$/, "", f); print f "\t" c }' "$db" >"$entries"

failed=0
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
sdl_src="$(cd "$src/sdl2" && pwd -P)"
sdl_bin="$cfg/_deps/kneelog_sdl2-build"
checked=0
while IFS=$'\t' read -r file command; do
  real="$(readlink -f "$file" 2>/dev/null || echo "$file")"
  case "$real" in "$sdl_src"/* | "$sdl_bin"/*) continue ;; esac  # SDL's own sources: its CMake's business
  checked=$((checked + 1))
  [ -f "$file" ] || fail "source file $file does not exist"
  read -ra words <<<"$command"
  for ((i = 0; i < ${#words[@]}; i++)); do
    w="${words[i]}" dir=""
    case "$w" in
      -I) dir="${words[i + 1]}" ;;
      -I*) dir="${w#-I}" ;;
      -isystem | -idirafter | -iquote) dir="${words[i + 1]}" ;;
    esac
    [ -n "$dir" ] && [ ! -d "$dir" ] && fail "include folder $dir (for $file) does not exist"
  done
  case "$real" in
    "$root"/*)
      if [[ " $command " == *" -I$sdl_bin/include "* || " $command " == *" -I $sdl_bin/include "* ]]; then
        fail "SDL's headers reach $file with -I, not -isystem"
      fi ;;
  esac
done <"$entries"

# Every C++ source of app/, db/ and platform/ is part of the Android build.
cd "$root"
while read -r f; do
  grep -q "^$root/$f"$'\t' "$entries" || fail "$f is not compiled by the Android build (-DKNEELOG_ANDROID=ON)"
done < <(find app db platform -name '*.cpp' | sort)

grep -q $'sqlite3.c\t.*-DSQLITE_TEMP_STORE=3' "$entries" || fail "SQLite is not compiled with SQLITE_TEMP_STORE=3"

# The pins Gradle passes (gradle.properties) and the ones AndroidDeps.cmake carries agree.
for pair in sdl2:SDL2 imgui:IMGUI hpdf:HPDF sqlite:SQLITE json:JSON stb:STB sodium:SODIUM; do
  key="${pair%%:*}" var="${pair##*:}"
  cmake_pin="$(sed -n "s/^set(KNEELOG_${var}_SHA256 \"\([0-9a-f]*\)\".*/\1/p" platform/cmake/AndroidDeps.cmake)"
  [ -z "$cmake_pin" ] && cmake_pin="$(grep -A1 "^set(KNEELOG_${var}_SHA256\$" platform/cmake/AndroidDeps.cmake | sed -n 's/^ *"\([0-9a-f]*\)".*/\1/p')"
  gradle_pin="$(sed -n "s/^kneelog\.$key\.sha256=\(.*\)/\1/p" platform/android/gradle.properties | tr -d '[:space:]')"
  [[ "$cmake_pin" =~ ^[0-9a-f]{64}$ ]] || fail "KNEELOG_${var}_SHA256 in AndroidDeps.cmake is not a SHA-256"
  [ -z "$gradle_pin" ] || [ "$gradle_pin" = "$cmake_pin" ] \
    || fail "kneelog.$key.sha256 in gradle.properties ($gradle_pin) differs from AndroidDeps.cmake ($cmake_pin)"
done

echo "android cmake check: $checked compile entries checked (files and include folders exist)"
[ "$failed" -eq 0 ] || { echo "android cmake check: $failed problem(s)" >&2; exit 1; }
