# Builds and runs the consumer projects of tests/consumer/ against fzcheck, and compares what they
# print with the written-down findings of a sample report (tests/golden/findings/).
#   -DMODE=installed   configure + build installed/ with CMAKE_PREFIX_PATH=PREFIX; run its C++ and C
#                      programs and check.py (PYTHON, ctypes) against PREFIX's libfzcheck.so
#   -DMODE=subproject  configure + build subproject/ (add_subdirectory of SOURCE_DIR); run it
#   -DMODE=deb         cpack -G DEB in BUILD_DIR, unpack the .deb with dpkg -x, run its tool and
#                      check.py from there
# Other variables: SOURCE_DIR, WORK_DIR (scratch), PREFIX, PYTHON, BUILD_DIR.
cmake_minimum_required(VERSION 3.25)
set(sample ${SOURCE_DIR}/examples/reports/000_564c8ac60a8ddf78.txt)
# Each golden line is line:column:rule:severity, then a space and the excerpt.
file(READ ${SOURCE_DIR}/tests/golden/findings/000_564c8ac60a8ddf78.expected expected)
string(REGEX REPLACE " [^\n]*\n" "\n" expected "${expected}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

function(expect_findings what)
  if(NOT out STREQUAL expected)
    message(FATAL_ERROR "${what} printed:\n${out}\nnot the golden findings:\n${expected}")
  endif()
  message(STATUS "${what}: the golden findings")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(generator -G Ninja)

if(MODE STREQUAL "installed")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer/installed -B ${WORK_DIR} ${generator}
      -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_BUILD_TYPE=Release)
  run(${CMAKE_COMMAND} --build ${WORK_DIR})
  run(${WORK_DIR}/check_cpp ${sample})
  expect_findings("C++ program, static library")
  run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${PREFIX}/lib ${WORK_DIR}/check_c ${sample})
  expect_findings("C program, shared library")
  run(${CMAKE_COMMAND} -E env FZCHECK_LIBRARY=${PREFIX}/lib/libfzcheck.so
      PYTHONPATH=${PREFIX}/share/fzcheck/python
      ${PYTHON} ${SOURCE_DIR}/tests/consumer/installed/check.py ${sample})
  expect_findings("Python script, ctypes")
  # The shared library exports the API and hides its dependencies.
  execute_process(COMMAND nm -D --defined-only ${PREFIX}/lib/libfzcheck.so
                  OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    foreach(hidden IN ITEMS YAML pugi re2 zip_open)
      if(symbols MATCHES "[ \n][A-Za-z] [^\n]*${hidden}")
        message(FATAL_ERROR "libfzcheck.so exports ${hidden} symbols")
      endif()
    endforeach()
    if(NOT symbols MATCHES "fzcheck_check_file" OR NOT symbols MATCHES "RuleSet")
      message(FATAL_ERROR "libfzcheck.so does not export the C and C++ API")
    endif()
  endif()
elseif(MODE STREQUAL "subproject")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer/subproject -B ${WORK_DIR} ${generator}
      -DFZCHECK_SOURCE_DIR=${SOURCE_DIR})
  file(READ ${WORK_DIR}/fzcheck/cmake_install.cmake install_script)
  if(install_script MATCHES "file\\(INSTALL")
    message(FATAL_ERROR "fzcheck as a subproject added install rules")
  endif()
  run(${CMAKE_COMMAND} --build ${WORK_DIR} --target check_cpp)
  run(${WORK_DIR}/check_cpp ${sample})
  expect_findings("C++ program, add_subdirectory")
elseif(MODE STREQUAL "deb")
  run(cpack -G DEB -B ${WORK_DIR}/out --config ${BUILD_DIR}/CPackConfig.cmake)
  file(GLOB debs ${WORK_DIR}/out/*.deb)
  list(LENGTH debs count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "cpack wrote ${count} .deb files: ${debs}")
  endif()
  run(dpkg-deb --field ${debs} Package Version Depends)
  message(STATUS "${out}")
  if(NOT out MATCHES "Depends:[^\n]*libicu" OR out MATCHES "Depends:[^\n]*-dev")
    message(FATAL_ERROR "the .deb should depend on runtime libraries only:\n${out}")
  endif()
  run(dpkg -x ${debs} ${WORK_DIR}/root)
  set(root ${WORK_DIR}/root/usr)
  run(${root}/bin/fzcheck --version)
  if(NOT out MATCHES "^fzcheck [0-9]+\\.[0-9]+\\.[0-9]+")
    message(FATAL_ERROR "fzcheck --version printed: ${out}")
  endif()
  execute_process(COMMAND ${root}/bin/fzcheck check --format line ${sample}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(NOT rc EQUAL 1 OR NOT out MATCHES "part-first-responsible:error")
    message(FATAL_ERROR "the installed fzcheck check gave ${rc}:\n${out}")
  endif()
  foreach(file IN ITEMS include/fzcheck/fzcheck.hpp include/fzcheck/fzcheck.h lib/libfzcheck.a
                        lib/cmake/fzcheck/fzcheckConfig.cmake share/fzcheck/python/fzcheck.py)
    if(NOT EXISTS ${root}/${file})
      message(FATAL_ERROR "the .deb has no ${file}")
    endif()
  endforeach()
  run(${CMAKE_COMMAND} -E env FZCHECK_LIBRARY=${root}/lib/libfzcheck.so
      PYTHONPATH=${root}/share/fzcheck/python
      ${PYTHON} ${SOURCE_DIR}/tests/consumer/installed/check.py ${sample})
  expect_findings("Python script, the .deb's library")
else()
  message(FATAL_ERROR "MODE must be installed, subproject or deb")
endif()
