# The CTest sarif-schema: writes SARIF logs with fzcheck_write_sarif (the sample reports, the 公文
# of the corpus, a file whose name needs percent-encoding, a file that does not exist, no file at
# all, and the sample reports compared with a baseline) and validates them against the SARIF 2.1.0 schema with validate.py. Fails on any
# invalid log.
#   cmake -DWRITER=... -DPYTHON=... -DSOURCE_DIR=... -DOUT_DIR=... -P sarif_schema.cmake
foreach(var WRITER PYTHON SOURCE_DIR OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "sarif_schema.cmake: -D${var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR}/input)

file(GLOB samples ${SOURCE_DIR}/examples/reports/*.txt)
file(GLOB gongwen ${SOURCE_DIR}/tests/corpus/gongwen/*.txt)
list(SORT samples)
list(SORT gongwen)
list(GET samples 0 first)
set(odd_name "${OUT_DIR}/input/样本 报告#1 (100%).txt")
file(COPY_FILE ${first} ${odd_name})

set(logs "")
function(write_log name)
  execute_process(COMMAND ${WRITER} ${ARGN} OUTPUT_FILE ${OUT_DIR}/${name}.sarif
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fzcheck_write_sarif failed (${rc}) for ${name}: ${err}")
  endif()
  list(APPEND logs ${OUT_DIR}/${name}.sarif)
  set(logs ${logs} PARENT_SCOPE)
endfunction()

write_log(samples ${samples})
write_log(gongwen ${gongwen})
write_log(odd-names ${odd_name} "${OUT_DIR}/no such dir/不存在.txt")
write_log(none)
write_log(baselined --baselined ${samples})

execute_process(COMMAND ${PYTHON} ${CMAKE_CURRENT_LIST_DIR}/validate.py
                        ${CMAKE_CURRENT_LIST_DIR}/sarif-schema-2.1.0.json ${logs}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "SARIF logs in ${OUT_DIR} do not validate against the SARIF 2.1.0 schema")
endif()
