# `cpack -G DEB` in the build folder: one .deb with the tool, the libraries, the headers, the CMake
# package and the Python module, for Debian and the Debian-based systems of government offices
# (统信UOS, 麒麟). Its dependencies are the runtime libraries the binaries are linked against, as
# dpkg-shlibdeps finds them.
set(CPACK_PACKAGE_NAME fzcheck)
set(CPACK_PACKAGE_VENDOR "fzcheck developers")
set(CPACK_PACKAGE_CONTACT "fzcheck developers <fzcheck@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "compliance checker for annual rule-of-law government reports (法治政府建设年度报告)")
set(CPACK_PACKAGE_DESCRIPTION
    "fzcheck checks Chinese government bodies' annual reports on building rule-of-law government "
    "before they are submitted: required parts, causes, deadlines, title, signature, numbering, "
    "punctuation and names. Command-line tool, C++ and C libraries, CMake package.")
set(CPACK_PACKAGE_FILE_NAME "fzcheck_${PROJECT_VERSION}_${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
include(CPack)
