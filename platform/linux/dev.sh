#!/usr/bin/env bash
# KneeLog's two commands on Debian bookworm:
#   platform/linux/dev.sh run    install what is missing, build (Release), open your journal
#   platform/linux/dev.sh test   install what is missing, build, run the whole suite (normal + ASan/UBSan)
# Both are idempotent: the second time nothing is reinstalled and the build is incremental.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${KNEELOG_BUILD_DIR:-$root/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

# Runtime and build dependencies (build-only tools for the test suite come after).
packages=(cmake g++ make pkg-config libsdl2-dev libimgui-dev libstb-dev libsqlite3-dev nlohmann-json3-dev
          libhpdf-dev zlib1g-dev libcli11-dev libsodium-dev fonts-dejavu-core fonts-wqy-zenhei fonts-unfonts-core
          librsvg2-bin)  # rsvg-convert: assets/knee_map/make_pngs.sh (the knee map's PNGs from its SVG)
test_packages=(catch2 xvfb xauth xdotool poppler-utils sqlite3 clang libclang-rt-14-dev
               dpkg-dev g++-aarch64-linux-gnu qemu-user-static  # .deb test; arm64 and Android checks
               clang-16 libc++-16-dev libc++abi-16-dev libc6-dev-arm64-cross tcl  # tests/android
               nodejs)  # tests/fhir: the FHIR R4 schema check (npm below)

. "$root/platform/linux/apt.sh"

configure_and_build() {  # dir, extra cmake args...
  local dir="$1"; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@"
  fi
  cmake --build "$dir" -j "$jobs"
}

case "${1:-}" in
  run)
    shift
    install_missing "${packages[@]}"
    configure_and_build "$build/release" -DKNEELOG_BUILD_TESTS=OFF
    exec "$build/release/kneelog" "$@"
    ;;
  test)
    install_missing "${packages[@]}" "${test_packages[@]}"
    # Debian's npm, unless a node that brings its own npm is installed (the two conflict).
    command -v npm >/dev/null || install_missing npm
    # Sanitizer build first: any AddressSanitizer or UBSan report fails the run.
    configure_and_build "$build/asan" -DKNEELOG_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    echo "== ctest (AddressSanitizer + UndefinedBehaviorSanitizer) =="
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir "$build/asan" --output-on-failure -j "$jobs" --timeout 600
    configure_and_build "$build/release-tests"
    echo "== ctest (Release) =="
    ctest --test-dir "$build/release-tests" --output-on-failure -j "$jobs" --timeout 600
    ;;
  *)
    echo "usage: $0 run [kneelog arguments] | test" >&2
    exit 2
    ;;
esac
