# Compares the layout of the public structs (printed by the layout program) with abi/layout.txt,
# and checks that the program covers every struct the header defines.
# Usage: cmake -DPROG=layout -DEXPECTED=abi/layout.txt -DHEADER=include/kzpenalty.h -P check_layout.cmake
execute_process(COMMAND "${PROG}" OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROG} failed")
endif()
file(STRINGS "${HEADER}" defs REGEX "^typedef struct kzp_[a-z_]+ {")
foreach(def IN LISTS defs)
  string(REGEX MATCH "kzp_[a-z_]+" name "${def}")
  if(NOT actual MATCHES "(^|\n)${name} size ")
    message(FATAL_ERROR "tests/abi/layout.c does not print ${name}: add it, and its members")
  endif()
endforeach()
file(READ "${EXPECTED}" expected)
string(REGEX REPLACE "#[^\n]*\n" "" expected "${expected}")
if(NOT actual STREQUAL expected)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/layout.actual" "${actual}")
  message(FATAL_ERROR "the public structs' layout differs from ${EXPECTED} (the actual one is in "
                      "${CMAKE_CURRENT_BINARY_DIR}/layout.actual). A layout change needs a new version node in "
                      "abi/kzpenalty.map (the policy at the top of include/kzpenalty.h); then update ${EXPECTED}.")
endif()
