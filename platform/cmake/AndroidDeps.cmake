# Android: no distribution packages exist, so the libraries the desktop takes from Debian are
# fetched at build time with FetchContent from pinned URLs and checked against SHA-256 hashes.
# Nothing third-party is committed. The targets keep the desktop's names (PkgConfig::SDL2,
# PkgConfig::IMGUI, PkgConfig::SQLITE3, KneeLog::hpdf, ...) so every other CMakeLists.txt is the
# same on both. platform/android (Gradle) runs this with -DKNEELOG_ANDROID=ON.
#
# Each hash comment says where the value was published (or how it was computed). An empty hash
# stops configure and names the variable to set.
#
# Without network, each source can come from a local tree instead: FetchContent's own
# -DFETCHCONTENT_SOURCE_DIR_KNEELOG_<NAME>=DIR (SDL2, IMGUI, SQLITE, JSON, HPDF, SODIUM) skips the download
# and the hash. tests/android/cmake_check.sh configures this file that way with Debian's source
# packages, so a source file or include path named here that does not exist fails in ctest.
include(FetchContent)
set(KNEELOG_ANDROID ON CACHE BOOL "" FORCE)
set(KNEELOG_BUILD_TESTS OFF CACHE BOOL "" FORCE)  # the tests run on the desktop and under qemu

set(KNEELOG_SDL2_URL "https://github.com/libsdl-org/SDL/releases/download/release-2.26.5/SDL2-2.26.5.tar.gz"
    CACHE STRING "SDL2 2.26.5 source release")
# Debian repacks SDL2, so this is the value Homebrew's formula publishes for this URL (not computed
# here); a mismatch stops the download.
set(KNEELOG_SDL2_SHA256 "ad8fea3da1be64c83c45b1d363a6b4ba8fd60f5bde3b23ec73855709ec5eabf7" CACHE STRING "SHA-256 of SDL2-2.26.5.tar.gz")

set(KNEELOG_IMGUI_URL "https://github.com/ocornut/imgui/archive/refs/tags/v1.86.tar.gz" CACHE STRING "Dear ImGui v1.86")
# The value xmake-repo's imgui package and Conan Center's imgui recipe (conandata.yml) publish
# for this v1.86 archive (not computed here: Debian repacks it).
set(KNEELOG_IMGUI_SHA256 "6ba6ae8425a19bc52c5e067702c48b70e4403cd339cba02073a462730a63e825"
    CACHE STRING "SHA-256 of imgui v1.86.tar.gz")

# SQLite 3.41.1 amalgamation (autoconf tarball). Hash computed from the byte-identical copy that
# the npm package sqlite3@5.1.6 ships as deps/sqlite-autoconf-3410100.tar.gz; it matches the
# value published by Homebrew's and Termux's sqlite recipes for this URL.
set(KNEELOG_SQLITE_URL "https://www.sqlite.org/2023/sqlite-autoconf-3410100.tar.gz" CACHE STRING "SQLite 3.41.1")
set(KNEELOG_SQLITE_SHA256 "4dadfbeab9f8e16c695d4fbbc51c16b2f77fb97ff4c1c3d139919dfc038c9e33" CACHE STRING "")

# nlohmann/json 3.11.2 (the core's FHIR export). Hash computed from Debian's
# nlohmann-json3_3.11.2.orig.tar.gz, which is this GitHub archive byte for byte (the value
# matches the one published by Bazel and CMake users of this URL).
set(KNEELOG_JSON_URL "https://github.com/nlohmann/json/archive/refs/tags/v3.11.2.tar.gz" CACHE STRING "nlohmann/json 3.11.2")
set(KNEELOG_JSON_SHA256 "d69f9deb6a75e2580465c6c4c5111b89c4dc2fa94e3a85fcd2ffcd9a143d9273" CACHE STRING "")

# libharu (the PDF report). Debian ships 2.3.0 repacked (+dfsg): no upstream bytes to hash.
set(KNEELOG_HPDF_URL "https://github.com/libharu/libharu/archive/refs/tags/v2.4.4.tar.gz" CACHE STRING "libharu 2.4.4")
# The source tarball's value as Homebrew's libharu formula (its `url`/`sha256`, not a bottle's),
# Spack's libharu package and Chimera Linux's libharu template publish it (not computed here).
set(KNEELOG_HPDF_SHA256 "227ab0ae62979ad65c27a9bc36d85aa77794db3375a0a30af18acdf4d871aee6" CACHE STRING "SHA-256 of libharu v2.4.4.tar.gz")

# stb (stb_image decodes the knee map's PNGs, platform/images.cpp): the commit Debian bookworm
# packages (0.0~git20220909.8b5f1f3). The value Conan Center's stb recipe (conandata.yml, version
# cci.20220909) publishes for this URL (not computed here: Debian repacks stb).
set(KNEELOG_STB_URL "https://github.com/nothings/stb/archive/8b5f1f37b5b75829fc72d38e7b5d4bcbf8a26d55.zip"
    CACHE STRING "stb at 8b5f1f3 (2022-09-09)")
set(KNEELOG_STB_SHA256 "93a16ee3e866e719feec459f6f132cce932c5ec751eb38e3ec1975f911353d2e" CACHE STRING "SHA-256 of the stb archive")

# libsodium 1.0.18 (bundles and encrypted backups: Argon2id, XChaCha20-Poly1305; random ids), the
# release Debian bookworm ships. The release tarball's value as published by Bazel users of this
# URL and by dependency scripts that pin it (not computed here: Debian's orig tarball is a git
# export, not these bytes).
set(KNEELOG_SODIUM_URL "https://github.com/jedisct1/libsodium/releases/download/1.0.18-RELEASE/libsodium-1.0.18.tar.gz"
    CACHE STRING "libsodium 1.0.18")
set(KNEELOG_SODIUM_SHA256 "6f504490b342a4f8a4c4a02fc9b866cbef8622d5df4e5452b46be121e46636c1"
    CACHE STRING "SHA-256 of libsodium-1.0.18.tar.gz")

# kneelog_fetch(<name> <URL variable> <hash variable>): declares and populates a pinned source.
function(kneelog_fetch name urlVar hashVar)
  string(LENGTH "${${hashVar}}" length)
  if(NOT length EQUAL 64 OR NOT "${${hashVar}}" MATCHES "^[0-9a-fA-F]+$")
    message(FATAL_ERROR
      "${hashVar} is not set. KneeLog pins every download by SHA-256 and this one could not be "
      "verified when the pin was written. Download ${${urlVar}}, check it against the project's "
      "own release notes or signature, and pass -D${hashVar}=<sha256> (from Gradle: set the "
      "matching kneelog.*.sha256 property in platform/android/gradle.properties).")
  endif()
  FetchContent_Declare(${name} URL ${${urlVar}} URL_HASH SHA256=${${hashVar}} DOWNLOAD_EXTRACT_TIMESTAMP TRUE)
  FetchContent_GetProperties(${name})
  if(NOT ${name}_POPULATED)
    FetchContent_Populate(${name})
  endif()
  set(${name}_SOURCE_DIR ${${name}_SOURCE_DIR} PARENT_SCOPE)
  set(${name}_BINARY_DIR ${${name}_BINARY_DIR} PARENT_SCOPE)
endfunction()

# [SECTION] SDL2: its own CMake build, as the shared libSDL2.so that SDLActivity loads first.
kneelog_fetch(kneelog_sdl2 KNEELOG_SDL2_URL KNEELOG_SDL2_SHA256)
set(SDL_SHARED ON CACHE BOOL "" FORCE)
set(SDL_STATIC OFF CACHE BOOL "" FORCE)
set(SDL_TEST OFF CACHE BOOL "" FORCE)
# SYSTEM: SDL's headers reach our code as -isystem, so -Werror judges our code, not SDL's.
add_subdirectory(${kneelog_sdl2_SOURCE_DIR} ${kneelog_sdl2_BINARY_DIR} EXCLUDE_FROM_ALL SYSTEM)
add_library(PkgConfig::SDL2 ALIAS SDL2)
set(KNEELOG_SDL2_SOURCE_DIR ${kneelog_sdl2_SOURCE_DIR} CACHE INTERNAL "")  # its android-project/ has the Java side

# [SECTION] SQLite: the amalgamation, compiled as a static library.
kneelog_fetch(kneelog_sqlite KNEELOG_SQLITE_URL KNEELOG_SQLITE_SHA256)
add_library(kneelog_sqlite3 STATIC ${kneelog_sqlite_SOURCE_DIR}/sqlite3.c)
target_include_directories(kneelog_sqlite3 SYSTEM PUBLIC ${kneelog_sqlite_SOURCE_DIR})
# SQLITE_TEMP_STORE=3: temporary tables and indices (VACUUM, large sorts) always in memory. Android
# has no writable /tmp or /var/tmp and SQLite's search for a temp folder fails there with
# SQLITE_IOERR_GETTEMPPATH.
target_compile_definitions(kneelog_sqlite3 PRIVATE SQLITE_DQS=0 SQLITE_OMIT_LOAD_EXTENSION SQLITE_THREADSAFE=1
                                                   SQLITE_TEMP_STORE=3)
add_library(PkgConfig::SQLITE3 ALIAS kneelog_sqlite3)

# [SECTION] Dear ImGui: the core, the std::string helpers and the SDL platform backend from the
# fetched sources (the desktop uses Debian's libimgui.a, which has all three);
# platform/CMakeLists.txt compiles the SDL_Renderer backend from KNEELOG_IMGUI_BACKENDS exactly as
# on the desktop. Upstream keeps imgui_stdlib.{h,cpp} in misc/cpp (Debian installs the header
# beside imgui.h), so misc/cpp is an include path here: the screens include <imgui_stdlib.h>.
kneelog_fetch(kneelog_imgui KNEELOG_IMGUI_URL KNEELOG_IMGUI_SHA256)
set(imgui ${kneelog_imgui_SOURCE_DIR})
add_library(kneelog_imgui STATIC ${imgui}/imgui.cpp ${imgui}/imgui_draw.cpp ${imgui}/imgui_tables.cpp
            ${imgui}/imgui_widgets.cpp ${imgui}/misc/cpp/imgui_stdlib.cpp ${imgui}/backends/imgui_impl_sdl.cpp)
target_include_directories(kneelog_imgui SYSTEM PUBLIC ${imgui} ${imgui}/misc/cpp)
target_link_libraries(kneelog_imgui PRIVATE SDL2)
add_library(PkgConfig::IMGUI ALIAS kneelog_imgui)
set(KNEELOG_IMGUI_BACKENDS "${imgui}/backends" CACHE PATH "Dear ImGui backend sources" FORCE)

# [SECTION] nlohmann/json: header-only.
kneelog_fetch(kneelog_json KNEELOG_JSON_URL KNEELOG_JSON_SHA256)
add_library(kneelog_nlohmann_json INTERFACE)
target_include_directories(kneelog_nlohmann_json SYSTEM INTERFACE ${kneelog_json_SOURCE_DIR}/single_include)
add_library(nlohmann_json::nlohmann_json ALIAS kneelog_nlohmann_json)

# [SECTION] libharu: its C sources compiled directly (its own CMake build expects an install
# tree), with zlib from the NDK and without PNG (the report embeds fonts, not images).
kneelog_fetch(kneelog_hpdf KNEELOG_HPDF_URL KNEELOG_HPDF_SHA256)
file(GLOB kneelog_hpdf_sources ${kneelog_hpdf_SOURCE_DIR}/src/hpdf_*.c)
file(WRITE ${CMAKE_BINARY_DIR}/kneelog-hpdf/hpdf_config.h
  "#ifndef _INCLUDE_HPDF_CONFIG_H\n#define _INCLUDE_HPDF_CONFIG_H 1\n"
  "#define LIBHPDF_HAVE_LIBZ 1\n#define LIBHPDF_HAVE_ZLIB 1\n#define LIBHPDF_HAVE_NOPNGLIB 1\n#define HAVE_NOPNGLIB 1\n"
  "#define LIBHPDF_HAVE_STDLIB_H 1\n#define LIBHPDF_HAVE_STRING_H 1\n#define LIBHPDF_HAVE_STDINT_H 1\n"
  "#endif\n")
add_library(kneelog_hpdf STATIC ${kneelog_hpdf_sources})
target_include_directories(kneelog_hpdf SYSTEM PUBLIC ${kneelog_hpdf_SOURCE_DIR}/include ${CMAKE_BINARY_DIR}/kneelog-hpdf)
target_link_libraries(kneelog_hpdf PRIVATE z m)
add_library(KneeLog::hpdf ALIAS kneelog_hpdf)
add_library(kneelog_zlib INTERFACE)  # the NDK's zlib, for the PDF's packed pages (app/core/pdf/pdf_pack.cpp)
target_link_libraries(kneelog_zlib INTERFACE z)
add_library(KneeLog::zlib ALIAS kneelog_zlib)

# [SECTION] libsodium: its C sources compiled directly with the portable implementations (its own
# build is autotools). CONFIGURED=1 is what its configure script would say; version.h is made from
# its template here (a git export of the tree, as Debian's, has only the template).
kneelog_fetch(kneelog_sodium KNEELOG_SODIUM_URL KNEELOG_SODIUM_SHA256)
set(sodium ${kneelog_sodium_SOURCE_DIR}/src/libsodium)
file(GLOB_RECURSE kneelog_sodium_sources ${sodium}/*.c)
set(VERSION 1.0.18)
set(SODIUM_LIBRARY_VERSION_MAJOR 10)
set(SODIUM_LIBRARY_VERSION_MINOR 3)
set(SODIUM_LIBRARY_MINIMAL_DEF "")
configure_file(${sodium}/include/sodium/version.h.in ${CMAKE_BINARY_DIR}/kneelog-sodium/sodium/version.h @ONLY)
# version.h includes "export.h" from its own folder: a copy beside the configured one, so code that
# includes <sodium.h> finds it (the rest of sodium/ stays private to the library).
configure_file(${sodium}/include/sodium/export.h ${CMAKE_BINARY_DIR}/kneelog-sodium/sodium/export.h COPYONLY)
add_library(kneelog_sodium STATIC ${kneelog_sodium_sources})
target_include_directories(kneelog_sodium SYSTEM PUBLIC ${CMAKE_BINARY_DIR}/kneelog-sodium ${sodium}/include
                           PRIVATE ${sodium}/include/sodium)
target_compile_definitions(kneelog_sodium PUBLIC SODIUM_STATIC PRIVATE CONFIGURED=1 HAVE_PTHREAD=1)
add_library(PkgConfig::SODIUM ALIAS kneelog_sodium)

# [SECTION] fonts: the APK carries DejaVu Sans for the screens and the PDF report (app/build.gradle
# copies them from kneelog.fontsDir and passes the same folder here). A phone without them could
# not export a PDF, so their absence stops the build (Gradle's copy task stops too).
set(KNEELOG_FONTS_DIR "/usr/share/fonts/truetype/dejavu" CACHE PATH "Folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf")
foreach(font DejaVuSans.ttf DejaVuSans-Bold.ttf)
  if(NOT EXISTS "${KNEELOG_FONTS_DIR}/${font}")
    message(FATAL_ERROR "${KNEELOG_FONTS_DIR}/${font} not found: the APK needs the DejaVu fonts. Install them "
                        "(Debian/Ubuntu: fonts-dejavu-core) or point kneelog.fontsDir in "
                        "platform/android/gradle.properties (-DKNEELOG_FONTS_DIR here) at a folder that has both.")
  endif()
endforeach()

# [SECTION] stb: stb_image only (the knee map's PNGs), compiled once in its own C file. Android
# needs neither the window icon (the launcher has its own) nor PNG screenshots (a desktop tool),
# so platform/sdl_runner.cpp leaves stb_image_write out there.
kneelog_fetch(kneelog_stb KNEELOG_STB_URL KNEELOG_STB_SHA256)
add_library(kneelog_stb STATIC ${PROJECT_SOURCE_DIR}/platform/android/stb_image.c)
target_include_directories(kneelog_stb SYSTEM PUBLIC ${kneelog_stb_SOURCE_DIR})
add_library(PkgConfig::STB ALIAS kneelog_stb)
