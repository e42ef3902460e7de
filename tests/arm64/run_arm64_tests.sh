#!/usr/bin/env bash
# The arm64 proof: cross-builds the core and db libraries and their Catch2 tests with Debian's
# g++-aarch64-linux-gnu (platform/cmake/aarch64-linux-gnu.cmake, -DKNEELOG_CORE_ONLY=ON) and runs
# every test case under qemu-user-static through ctest.
#
#   tests/arm64/run_arm64_tests.sh [build folder]      (default: build/arm64)
#
# Installs what is missing with apt-get (through sudo when not root). SQLite for the target comes
# from Debian's arm64 packages (libsqlite3-dev, libsqlite3-0), downloaded with a private apt
# configuration kept in the build folder and unpacked with dpkg-deb -x: the machine's apt set-up
# (dpkg --add-architecture, sources) is left as it was. The second run is incremental.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/arm64}"
mkdir -p "$build"
build="$(cd "$build" && pwd)"
jobs="${KNEELOG_ARM64_JOBS:-$(nproc 2>/dev/null || echo 2)}"
packages=(cmake make pkg-config g++-aarch64-linux-gnu qemu-user-static catch2 nlohmann-json3-dev)

. "$root/platform/linux/apt.sh"

# The target's libraries and the header-only packages, laid out as one folder for the toolchain.
make_sysroot() {
  local sysroot="$1" apt="$build/apt"
  # Complete, and holding every package listed below (libsodium came with bundles, issue 16).
  [ -f "$sysroot/.complete" ] && [ -f "$sysroot/usr/include/sodium.h" ] && return 0
  rm -rf "$sysroot" "$apt"
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs"
  : >"$apt/status"
  cat >"$apt/apt.conf" <<EOF
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
Dir::State::Lists "$apt/lists";
Dir::State::status "$apt/status";
Dir::Cache "$apt/cache";
APT::Sandbox::User "$(id -un)";
EOF
  echo "Downloading Debian's arm64 SQLite and libsodium packages (private apt configuration in $apt)"
  APT_CONFIG="$apt/apt.conf" apt-get update -q >"$apt/update.log" 2>&1 || { cat "$apt/update.log"; exit 1; }
  (cd "$apt/debs" && APT_CONFIG="$apt/apt.conf" apt-get download -q libsqlite3-dev:arm64 libsqlite3-0:arm64 \
                                                        libsodium-dev:arm64 libsodium23:arm64)
  for deb in "$apt"/debs/*.deb; do dpkg-deb -x "$deb" "$sysroot"; done
  # Header-only libraries are the same for every target; their CMake files are copied (not
  # linked) so that they resolve their include folder inside this sysroot, not the host's /usr.
  mkdir -p "$sysroot/usr/include" "$sysroot/usr/lib/cmake" "$sysroot/usr/share/cmake"
  ln -sfn /usr/include/nlohmann "$sysroot/usr/include/nlohmann"
  ln -sfn /usr/include/catch2 "$sysroot/usr/include/catch2"
  cp -r /usr/share/cmake/nlohmann_json "$sysroot/usr/share/cmake/"
  cp -r /usr/lib/cmake/Catch2 "$sysroot/usr/lib/cmake/"
  rm -f "$sysroot"/usr/lib/cmake/Catch2/Catch2Targets-*.cmake  # Catch2WithMain: x86-64, and unused
  touch "$sysroot/.complete"
}

install_missing "${packages[@]}"
make_sysroot "$build/sysroot"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DKNEELOG_CORE_ONLY=ON \
    -DCMAKE_TOOLCHAIN_FILE="$root/platform/cmake/aarch64-linux-gnu.cmake" -DKNEELOG_ARM64_SYSROOT="$build/sysroot"
fi
cmake --build "$build" -j "$jobs"
readelf -h "$build/tests/db/kneelog_db_tests" | grep -q AArch64 \
  || { echo "FAIL: kneelog_db_tests is not an arm64 binary" >&2; exit 1; }
echo "== ctest (arm64 under $(qemu-aarch64-static --version | head -1)) =="
# Only the cross-built tests. Left out: the host-side fuzzing entry of tests/CMakeLists.txt (not
# arm64), and the SIGKILL-writers fault test, which kills each writer 5-45 ms after fork: under
# emulation a writer has not committed its first entry by then, so the test's "the writers did
# write" sanity check cannot hold (it runs natively in the desktop builds).
ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 300 -E '^fuzz: |Writers killed with SIGKILL'
