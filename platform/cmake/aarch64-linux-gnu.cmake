# Cross build for 64-bit ARM Linux with Debian's g++-aarch64-linux-gnu; the tests run through
# qemu-user-static (CMAKE_CROSSCOMPILING_EMULATOR). Meant for -DKNEELOG_CORE_ONLY=ON: the core
# and db libraries and their tests. tests/arm64/run_arm64_tests.sh uses it.
#
# SQLite and libsodium for the target: KNEELOG_ARM64_SYSROOT is a folder holding Debian's arm64
# libsqlite3-dev, libsqlite3-0, libsodium-dev and libsodium23 unpacked with `dpkg-deb -x` (the script downloads them with a
# private apt configuration, so the machine's own apt set-up is never changed). Header-only
# libraries (nlohmann-json, Catch2) are the host's, made visible inside that folder by the script.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

set(KNEELOG_ARM64_SYSROOT "" CACHE PATH "arm64 libsqlite3-dev + libsqlite3-0 unpacked with dpkg-deb -x")
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu ${KNEELOG_ARM64_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)  # never the host's /usr/include: it holds x86-64 headers

# pkg-config answers for the target only: sqlite3.pc and libsodium.pc from the unpacked arm64 packages.
if(KNEELOG_ARM64_SYSROOT)
  set(ENV{PKG_CONFIG_LIBDIR} "${KNEELOG_ARM64_SYSROOT}/usr/lib/aarch64-linux-gnu/pkgconfig")
  set(ENV{PKG_CONFIG_SYSROOT_DIR} "${KNEELOG_ARM64_SYSROOT}")
  set(ENV{PKG_CONFIG_PATH} "")
  set(ENV{PKG_CONFIG_ALLOW_SYSTEM_CFLAGS} 1)  # keep -I<sysroot>/usr/include
  set(ENV{PKG_CONFIG_ALLOW_SYSTEM_LIBS} 1)
endif()

find_program(KNEELOG_QEMU_AARCH64 qemu-aarch64-static)
if(KNEELOG_QEMU_AARCH64)
  # -L: the target's dynamic loader and libc from Debian's cross packages.
  set(CMAKE_CROSSCOMPILING_EMULATOR ${KNEELOG_QEMU_AARCH64} -L /usr/aarch64-linux-gnu)
endif()
