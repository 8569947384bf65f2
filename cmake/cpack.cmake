# Debian packages with CPack's DEB generator, one per group of install components:
#   libkzpenalty0     Runtime        the shared library (Depends from dpkg-shlibdeps: libc6, libjansson4, libnettle8)
#   libkzpenalty-dev  Development    header, static library, .so link, kzpenalty.pc, CMake package
#                                    (Depends: libkzpenalty0 of the same version, libjansson-dev, nettle-dev)
#   kzpenalty         Command and Documentation (Depends: libkzpenalty0 of the same version, and
#                                    what dpkg-shlibdeps finds: libc6, libjansson4, libcsv3, the last
#                                    for batch's CSV, which only the command links)
# scripts/package deb configures build-deb/ for it (prefix /usr, Debian's hardening flags, no
# RPATH) and runs cpack there; packaging/debian/layout.cmake adds what Debian policy asks of each
# package before it is built. Included by CMakeLists.txt when kzpenalty is the top-level project.
set(KZP_DEB_MAINTAINER "kzpenalty maintainers <maintainers@kzpenalty.invalid>" CACHE STRING
    "Maintainer field of the Debian packages: set a real address before publishing them")

set(CPACK_PACKAGE_NAME kzpenalty)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the kzpenalty authors")
set(CPACK_PACKAGE_CONTACT "${KZP_DEB_MAINTAINER}")
# the packages' synopses come from their descriptions (below), not from one shared summary
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PRE_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/packaging/debian/layout.cmake")
set(CPACK_KZP_SOURCE_DIR "${PROJECT_SOURCE_DIR}") # for layout.cmake

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL Runtime Development Command Documentation)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# the command links libkzpenalty.so.0 from this build, which no installed package provides yet
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${PROJECT_BINARY_DIR}")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "libkzpenalty${PROJECT_VERSION_MAJOR}")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
# libc's ldconfig trigger, as Debian policy asks (CPack 3.25 also writes postinst and postrm
# scripts that call ldconfig, and has no switch to leave them out: lintian warns of those)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/debian/triggers")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libkzpenalty-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS "libjansson-dev, nettle-dev")
set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME kzpenalty)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
# a group's package does not take its components' DEPENDS: say it (dpkg-shlibdeps adds the rest)
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS
    "libkzpenalty${PROJECT_VERSION_MAJOR} (= ${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})")
# layout.cmake: which staging directory becomes which package
set(CPACK_KZP_DEB_PACKAGES "Runtime=libkzpenalty${PROJECT_VERSION_MAJOR}" "Development=libkzpenalty-dev" "tools=kzpenalty")

# Each package's description: the first line is its summary (Debian policy).
set(_kzp_about "kzpenalty turns the sanctions of Kazakhstan's Criminal Code into exact, dated,
cited numbers: the sanction range of an article on an offence date, fines in
tiyn at the monthly calculation index (MCI) of the offence day, checks of
proposed sentences and conversions between punishments, with the legal
source of every value. The legal dataset is embedded in the library.")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "sanctions of Kazakhstan's Criminal Code as exact numbers (library)
${_kzp_about}
.
This package holds the shared library.")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION "sanctions of Kazakhstan's Criminal Code as exact numbers (development)
${_kzp_about}
.
This package holds the header, the static library, the pkg-config file and
the CMake package (find_package(kzpenalty)).")
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "sanctions of Kazakhstan's Criminal Code as exact numbers (command)
${_kzp_about}
.
This package holds the kzpenalty command (English, Russian or Kazakh, as
text or JSON, and JSON Lines in batch) and the documentation.")

include(CPack)
cpack_add_component_group(tools)
cpack_add_component(Runtime)
cpack_add_component(Development DEPENDS Runtime)
cpack_add_component(Command DEPENDS Runtime GROUP tools)
cpack_add_component(Documentation GROUP tools)
