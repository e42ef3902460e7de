#!/usr/bin/env bash
# The Android compile check: every source file with __ANDROID__ code is compiled by clang for
# aarch64-linux-android24 (-fsyntax-only, the project's warnings as errors), so the Android-only
# paths cannot rot unseen on a machine without the NDK. clang defines __ANDROID__ and
# __ANDROID_API__ for that target by itself.
#
# What stands in for the NDK: the SDL2, JNI and Android declarations in tests/android/stubs
# (written for KneeLog, see stubs/README.md), Debian's arm64 libstdc++ and C library headers
# (g++-aarch64-linux-gnu) for the standard library, and the arch-independent Dear ImGui and
# nlohmann-json headers. It proves the Android code is well-formed against the APIs it calls; it
# cannot prove which bionic functions exist at API 24 (the real NDK build does that).
#   tests/android/compile_check.sh            (CLANGXX=clang++ by default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clangxx="${CLANGXX:-clang++}"
cross=/usr/aarch64-linux-gnu/include
gccver="$(ls "$cross/c++" 2>/dev/null | sort -V | tail -1)"
if [ -z "$gccver" ]; then
  echo "FAIL: no arm64 C++ headers in $cross/c++: install the Debian package g++-aarch64-linux-gnu" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/include"
ln -s /usr/include/nlohmann "$tmp/include/nlohmann"  # only nlohmann, never the host's /usr/include

flags=(--target=aarch64-linux-android24 -fsyntax-only -std=c++20 -Wall -Wextra -Wpedantic -Werror
       -nostdlibinc -nostdinc++
       -isystem "$cross/c++/$gccver" -isystem "$cross/c++/$gccver/aarch64-linux-gnu" -isystem "$cross"
       -isystem "$root/tests/android/stubs" -isystem /usr/include/imgui -isystem "$tmp/include"
       -I "$root" -I "$root/app")

# A guard on the guard: if the target did not define __ANDROID__, the check would quietly look
# at the desktop paths.
echo '#ifndef __ANDROID__
#error "__ANDROID__ is not defined for this target"
#endif' | "$clangxx" "${flags[@]}" -x c++ - || exit 1

cd "$root"
mapfile -t files < <(grep -rl --include='*.cpp' '__ANDROID__' app platform db | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "FAIL: no source file with __ANDROID__ code was found" >&2
  exit 1
fi
failed=0
for f in "${files[@]}"; do
  if "$clangxx" "${flags[@]}" "$f"; then echo "ok    $f"; else echo "FAIL  $f"; failed=$((failed + 1)); fi
done
# main.cpp as the Android build compiles it: SDL_main.h forced in renames main() to SDL_main.
if "$clangxx" "${flags[@]}" -include SDL_main.h app/main.cpp; then echo "ok    app/main.cpp (as SDL_main)"; else
  echo "FAIL  app/main.cpp (as SDL_main)"; failed=$((failed + 1)); fi
echo "android compile check: $(( ${#files[@]} + 1 - failed )) of $(( ${#files[@]} + 1 )) files compile"
[ "$failed" -eq 0 ]
