# cmake -DBINARY_DIR=... -DEXAMPLES_DIR=... -DWORK_DIR=... -DCMAKE_BUILD_TYPE=... -P THIS
# Installs the descent build in BINARY_DIR into WORK_DIR/prefix, then configures, builds and
# runs the example project EXAMPLES_DIR against it, as an outside project would: it sees
# descent only through find_package(descent CONFIG) in the prefix.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${out}")
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${status}): ${command}\n${err}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})
foreach(header descent/core/objective.hpp descent/driver/driver.hpp descent/suite/suite.hpp
               descent/objectives/registry.hpp descent/analysis/tables.hpp)
  if(NOT EXISTS ${prefix}/include/${header})
    message(FATAL_ERROR "the installed tree lacks include/${header}")
  endif()
endforeach()

find_program(ccache ccache)
set(launcher "")
if(ccache)
  set(launcher -DCMAKE_CXX_COMPILER_LAUNCHER=${ccache})
endif()
run(${CMAKE_COMMAND} -S ${EXAMPLES_DIR} -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE} ${launcher})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build -j 2)
run(${WORK_DIR}/build/run_examples)
run(${WORK_DIR}/build/run_user_suite ${WORK_DIR}/user_entries.h5)
if(NOT EXISTS ${WORK_DIR}/user_entries.h5)
  message(FATAL_ERROR "run_user_suite wrote no results file")
endif()
