# Fails when a doctest case name holds a semicolon: CTest splits such a name in two, and the case
# is then silently not run by ctest (doctest_discover_tests passes the name as a list).
# Usage: cmake -DSOURCE_DIR=<project> -P CheckTestNames.cmake
file(GLOB_RECURSE files ${SOURCE_DIR}/tests/*_test.cpp)
set(problems "")
foreach(file IN LISTS files)
  file(READ ${file} content)
  string(REGEX MATCH "TEST_CASE\\([ \t\r\n]*\"[^\"\n]*;[^\"\n]*\"" found "${content}")
  if(found)
    string(REPLACE ";" "<semicolon>" found "${found}")
    string(APPEND problems "  ${file}: ${found}\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "test case names with a semicolon (ctest would not run them):\n${problems}")
endif()
