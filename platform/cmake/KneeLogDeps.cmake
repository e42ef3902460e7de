# Finds every dependency from Debian packages and fails at configure time naming the package.
# Android has no distribution packages: AndroidDeps fetches pinned sources instead.
if(KNEELOG_ANDROID OR ANDROID)
  include(AndroidDeps)
  return()
endif()
find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
  message(FATAL_ERROR "pkg-config is missing: install the Debian package 'pkg-config'")
endif()

function(kneelog_require_pkg target module package)
  pkg_check_modules(${target} QUIET IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${target}_FOUND)
    message(FATAL_ERROR "${module} not found: install the Debian package '${package}' (platform/linux/dev.sh does it)")
  endif()
endfunction()

kneelog_require_pkg(SQLITE3 sqlite3 libsqlite3-dev)
# The bundles' and encrypted backups' cryptography (Argon2id, XChaCha20-Poly1305) and random ids.
kneelog_require_pkg(SODIUM libsodium libsodium-dev)

# Header-only; the core's FHIR export uses it, so core-only builds need it too.
find_package(nlohmann_json 3 QUIET)
if(NOT nlohmann_json_FOUND)
  message(FATAL_ERROR "nlohmann_json not found: install the Debian package 'nlohmann-json3-dev'")
endif()

if(NOT KNEELOG_CORE_ONLY)
  kneelog_require_pkg(SDL2 sdl2 libsdl2-dev)
  kneelog_require_pkg(STB stb libstb-dev)
  kneelog_require_pkg(IMGUI imgui libimgui-dev)

  set(KNEELOG_IMGUI_BACKENDS "/usr/share/doc/libimgui-dev/examples/backends" CACHE PATH "Dear ImGui backend sources")
  if(NOT EXISTS "${KNEELOG_IMGUI_BACKENDS}/imgui_impl_sdlrenderer.cpp")
    message(FATAL_ERROR "imgui_impl_sdlrenderer.cpp not found in ${KNEELOG_IMGUI_BACKENDS}: install the Debian package 'libimgui-dev'")
  endif()

  find_path(HPDF_INCLUDE_DIR hpdf.h)
  find_library(HPDF_LIBRARY hpdf)
  if(NOT HPDF_INCLUDE_DIR OR NOT HPDF_LIBRARY)
    message(FATAL_ERROR "libharu (hpdf.h, libhpdf) not found: install the Debian package 'libhpdf-dev' (platform/linux/dev.sh does it)")
  endif()
  # zlib: the PDF keeps finished pages deflated until it is saved (app/core/pdf/pdf_pack.cpp).
  kneelog_require_pkg(ZLIB zlib zlib1g-dev)
  add_library(KneeLog::zlib ALIAS PkgConfig::ZLIB)
  add_library(KneeLog::hpdf UNKNOWN IMPORTED GLOBAL)
  set_target_properties(KneeLog::hpdf PROPERTIES IMPORTED_LOCATION "${HPDF_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${HPDF_INCLUDE_DIR}")

  find_file(KNEELOG_DEJAVU_SANS DejaVuSans.ttf PATHS /usr/share/fonts/truetype/dejavu NO_DEFAULT_PATH)
  if(NOT KNEELOG_DEJAVU_SANS)
    message(WARNING "DejaVuSans.ttf not found (Debian package 'fonts-dejavu-core'): the app falls back to ImGui's built-in font")
  endif()
endif()

if(KNEELOG_BUILD_TESTS)
  find_package(Catch2 2 QUIET)
  if(NOT Catch2_FOUND)
    message(FATAL_ERROR "Catch2 v2 not found: install the Debian package 'catch2'")
  endif()
endif()
