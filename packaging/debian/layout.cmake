# Run by CPack (CPACK_PRE_BUILD_SCRIPTS, cmake/cpack.cmake) on the staging tree of the Debian
# packages, before they are built: what Debian policy asks of every binary package.
#   - usr/share/doc/PACKAGE/copyright (packaging/debian/copyright) and changelog.Debian.gz;
#   - man pages and the upstream changelog compressed with gzip -9n (no name, no time stamp);
#   - no second copy of the licence in the docs: the copyright file names it, and Debian has its
#     text in /usr/share/common-licenses/Apache-2.0.
find_program(GZIP gzip REQUIRED)

function(kzp_gzip file)
  execute_process(COMMAND "${GZIP}" -9nf "${file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "layout.cmake: gzip failed on ${file}")
  endif()
endfunction()

# one Debian changelog entry: the release of these sources
string(TIMESTAMP when "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(changelog "kzpenalty (${CPACK_PACKAGE_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}) unstable; urgency=medium

  * Packaged with CPack from the kzpenalty ${CPACK_PACKAGE_VERSION} sources. The changes
    of the release are in /usr/share/doc/kzpenalty/changelog.gz.

 -- ${CPACK_PACKAGE_CONTACT}  ${when}
")

set(done "")
foreach(entry IN LISTS CPACK_KZP_DEB_PACKAGES)
  string(REPLACE "=" ";" pair "${entry}")
  list(GET pair 0 dir)
  list(GET pair 1 package)
  set(root "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/${dir}")
  if(NOT IS_DIRECTORY "${root}")
    message(FATAL_ERROR "layout.cmake: no staging directory ${root} for ${package}")
  endif()
  set(doc "${root}/usr/share/doc/${package}")
  file(MAKE_DIRECTORY "${doc}")
  file(COPY_FILE "${CPACK_KZP_SOURCE_DIR}/packaging/debian/copyright" "${doc}/copyright")
  file(WRITE "${doc}/changelog.Debian" "${changelog}")
  kzp_gzip("${doc}/changelog.Debian")
  file(REMOVE "${doc}/LICENSE")
  if(EXISTS "${doc}/CHANGELOG.md")
    file(RENAME "${doc}/CHANGELOG.md" "${doc}/changelog")
    kzp_gzip("${doc}/changelog")
  endif()
  file(GLOB_RECURSE pages "${root}/usr/share/man/*.[1-9]")
  foreach(page IN LISTS pages)
    kzp_gzip("${page}")
  endforeach()
  list(APPEND done "${package}")
endforeach()
message(STATUS "layout.cmake: copyright, changelog.Debian.gz and compressed pages in ${done}")
