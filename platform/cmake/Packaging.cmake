# Desktop integration and the Debian package: `cmake --install` lays out the usual FHS tree
# (bin/, share/applications, share/icons/hicolor, share/kneelog/assets) and `cpack` turns the
# same tree into kneelog_<version>_<arch>.deb. The binary and the assets install themselves
# (app/ and assets/); this file adds the desktop entry, the icons and the package metadata.
if(KNEELOG_CORE_ONLY OR KNEELOG_ANDROID OR ANDROID)
  return()
endif()

install(FILES ${PROJECT_SOURCE_DIR}/platform/linux/kneelog.desktop DESTINATION share/applications)
foreach(size 48 256)
  install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/kneelog-${size}.png
          DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME kneelog.png)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kneelog)
set(CPACK_PACKAGE_VENDOR "KneeLog")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "private, offline journal for pain behind the knee")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES OFF)  # keep symbols: crash reports from a health app must be readable
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME kneelog)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "KneeLog maintainers <maintainers@kneelog.invalid>" CACHE STRING
    "Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "private, offline journal for pain behind the knee
 KneeLog logs each episode of posterior knee pain in seconds, shows how the
 pain evolves, offers guidance that matches what was logged, warns at once
 when a symptom is a red flag, and exports a clean history (CSV, FHIR, PDF)
 for a doctor. No network code, no accounts, no telemetry: the journal is a
 SQLite file in the user's data folder, readable by the user alone.
 .
 KneeLog informs and escalates; it never diagnoses.")
# Depends is computed by dpkg-shlibdeps from the libraries the binary really links (SDL2,
# SQLite, libharu, libstdc++, ...), so it cannot drift from the build. The DejaVu fonts are
# carried in share/kneelog/assets/fonts (assets/CMakeLists.txt), so no font package is needed.
find_program(KNEELOG_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(KNEELOG_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsdl2-2.0-0, libsqlite3-0, libhpdf-2.3.0, libstdc++6, libc6")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xdg-utils")  # "Open folder" after an export
# Chinese, Japanese and Korean notes in the window and the PDF (app/ui/fonts.md, pdf_report.hpp);
# without them such characters show as a mark and the exports still keep them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-zenhei, fonts-unfonts-core")
include(CPack)
