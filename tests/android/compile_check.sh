#!/usr/bin/env bash
# The compile check that mirrors the NDK: every C++ source of app/, db/ and platform/ is compiled
# by clang 16 (the closest Debian has to the NDK r26's LLVM 17) as
#   clang++-16 --target=aarch64-linux-android24 -stdlib=libc++ -std=c++20 -fsyntax-only
# with the project's warnings as errors and, per file, the include folders and definitions that
# the Android CMake gives it (tests/android/cmake_check.sh configures it and writes
# compile_commands.json; this script runs it first when needed). So a header the Android build
# does not provide (e.g. <imgui_stdlib.h> without misc/cpp) and a standard library call that the
# NDK's libc++ lacks (floating-point std::from_chars: libc++ has it from LLVM 20 only) fail here.
#
# What each part is:
#   C++ library   Debian's libc++-16 headers (/usr/lib/llvm-16/include/c++/v1, arch-independent,
#                 with Debian's __config_site), used with the Android target: -nostdinc++ and
#                 -isystem on that folder, since clang has no Android sysroot to find them in.
#   C library     Debian's arm64 glibc headers (libc6-dev-arm64-cross, /usr/aarch64-linux-gnu/include)
#                 stand in for bionic's: -nostdlibinc drops the host's /usr/include. This is where
#                 the check is weakest: a bionic-only function, or one bionic adds after API 24
#                 (posix_spawn is API 28), is not told apart; the code guards those with __ANDROID__.
#   Dear ImGui    the upstream 1.86 tree from `apt-get source imgui` (imgui.h at the top,
#                 backends/, misc/cpp/), never Debian's flattened /usr/include/imgui.
#   SDL2          SDL 2.26.5's own include/ from `apt-get source libsdl2` (its SDL_config.h picks
#                 SDL_config_android.h for __ANDROID__, SDL_system.h declares the Android calls).
#                 It replaces the folders of SDL's build tree that compile_commands.json names
#                 (filled with the same headers when SDL is built; its SDL_config.h there was
#                 generated for the host).
#   SQLite, nlohmann/json, libharu   from Debian's source packages, as the CMake check uses them.
#   zlib          Debian's zlib.h and zconf.h (zlib1g-dev; the same on every architecture), linked
#                 into a folder of their own: the NDK's sysroot has zlib.h, the glibc stand-in not.
#   Stand-ins     tests/android/stubs: only jni.h (Android's JNI header comes with the NDK). See
#                 stubs/README.md.
#
#   tests/android/compile_check.sh [build folder]      (default: build/android-check)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/android-check}"
mkdir -p "$build"
build="$(cd "$build" && pwd)"
jobs="${KNEELOG_ANDROID_CHECK_JOBS:-2}"

. "$root/platform/linux/apt.sh"
install_missing clang-16 libc++-16-dev libc++abi-16-dev libc6-dev-arm64-cross zlib1g-dev

entries="$build/entries.tsv"
if [ ! -s "$entries" ] || [ ! -f "$build/configure/compile_commands.json" ]; then
  "$root/tests/android/cmake_check.sh" "$build" >/dev/null
fi
clangxx="${CLANGXX:-clang++-16}"
libcxx=/usr/lib/llvm-16/include/c++/v1
libc=/usr/aarch64-linux-gnu/include
sdl_bin="$build/configure/_deps/kneelog_sdl2-build"
sdl_include="$build/src/sdl2/include"
zlib="$build/zlib-include"
mkdir -p "$zlib"
ln -sf /usr/include/zlib.h /usr/include/zconf.h "$zlib/"
for d in "$libcxx" "$libc" "$sdl_include"; do [ -d "$d" ] || { echo "FAIL: $d is missing" >&2; exit 1; }; done

base=(--target=aarch64-linux-android24 -stdlib=libc++ -std=c++20 -fsyntax-only
      -Wall -Wextra -Wpedantic -Werror -Wno-unused-command-line-argument  # -stdlib is moot with -nostdinc++
      -nostdinc++ -nostdlibinc -isystem "$libcxx" -isystem "$libc" -isystem "$zlib" -isystem "$root/tests/android/stubs")

# Guards on the guard: the target must define __ANDROID__ at API 24 and use libc++, and this
# libc++ must lack floating-point from_chars (else the check could not catch it).
probe='#include <charconv>
#if !defined(__ANDROID__) || __ANDROID_API__ != 24 || !defined(_LIBCPP_VERSION) || _LIBCPP_VERSION >= 170000
#error "not aarch64-linux-android24 with libc++ 16"
#endif
int main() { int i = 0; const char* s = "12"; return std::from_chars(s, s + 2, i).ptr == s; }'
echo "$probe" | "$clangxx" "${base[@]}" -x c++ - || { echo "FAIL: the compiler set-up is not the NDK-like one" >&2; exit 1; }
if printf '#include <charconv>\nfloat f(const char* s) { float v = 0; std::from_chars(s, s + 1, v); return v; }\n' |
  "$clangxx" "${base[@]}" -x c++ - 2>/dev/null; then
  echo "FAIL: this libc++ has floating-point std::from_chars, so the check would not see its use" >&2
  exit 1
fi

# One command line per source: the Android build's -I/-isystem/-D/-include, SDL's build-tree
# folders replaced by its source include/.
mkdir -p "$build/compile"
rm -f "$build"/compile/*
cd "$root"
mapfile -t files < <(find app db platform -name '*.cpp' | sort)
: >"$build/compile/jobs"
for f in "${files[@]}"; do
  command="$(grep -m1 "^$root/$f"$'\t' "$entries" | cut -f2-)" || true
  if [ -z "$command" ]; then
    echo "FAIL  $f (not in the Android build's compile_commands.json)" >&2
    continue
  fi
  read -ra words <<<"$command"
  flags=()
  for ((i = 0; i < ${#words[@]}; i++)); do
    w="${words[i]}"
    case "$w" in
      -I | -isystem | -include) flags+=("$w" "${words[i + 1]}"); i=$((i + 1)) ;;
      -I*) flags+=("$w") ;;
      -D*) w="${w//\\\"/\"}"; flags+=("${w//\\/}") ;;  # -DKNEELOG_VERSION=\"0.1.0\" as the shell reads it
    esac
  done
  for ((i = 0; i < ${#flags[@]}; i++)); do
    case "${flags[i]}" in
      "$sdl_bin"/include-config-*) flags[i]="$sdl_include" ;;
      "$sdl_bin"/include) flags[i]="$sdl_include" ;;
      -I"$sdl_bin"/*) flags[i]="-I$sdl_include" ;;
    esac
  done
  printf '%s\0' "$f" "${flags[@]}" >"$build/compile/${f//\//_}.args"
  echo "$f" >>"$build/compile/jobs"
done

# Two files at a time (xargs); each job reads its flags back from the files written above.
printf '%s\0' "${base[@]}" >"$build/compile/base.args"
compile_one() {
  local f="$1" name="${1//\//_}" args=() base=()
  mapfile -d '' -t base <"$build/compile/base.args"
  mapfile -d '' -t args <"$build/compile/$name.args"
  if "$clangxx" "${base[@]}" "${args[@]:1}" "$f" >"$build/compile/$name.log" 2>&1; then
    echo "ok    $f"; echo ok >"$build/compile/$name.status"
  else
    echo "FAIL  $f"; cat "$build/compile/$name.log"; echo fail >"$build/compile/$name.status"
  fi
}
export -f compile_one
export clangxx build
xargs -P "$jobs" -I{} bash -c 'compile_one "$1"' _ {} <"$build/compile/jobs"

ok=0 failed=0
for f in "${files[@]}"; do
  if [ "$(cat "$build/compile/${f//\//_}.status" 2>/dev/null)" = ok ]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
done
rm -f "$build"/compile/*.status
echo "android compile check: $ok of ${#files[@]} files compile for aarch64-linux-android24 with libc++ 16"
[ "$failed" -eq 0 ]
