# descent_add_library(NAME SOURCES... [PRIVATE_HEADERS FOLDER...]): the static library
# descent_NAME of the current folder, known as descent::NAME. Its headers are the tree under
# descent/ (included as "descent/..."), installed with it except the FOLDERs below descent/ that
# are the program's own; the library links the warning flags (descent_build_flags) PRIVATE and
# joins the exported package (find_package(descent CONFIG)).
function(descent_add_library name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "PRIVATE_HEADERS")
  set(target descent_${name})
  add_library(${target} STATIC ${ARG_UNPARSED_ARGUMENTS})
  add_library(descent::${name} ALIAS ${target})
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_link_libraries(${target} PRIVATE descent_build_flags)
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name})
  install(TARGETS ${target} EXPORT descent-targets)
  set(excluded "")
  foreach(folder IN LISTS ARG_PRIVATE_HEADERS)
    list(APPEND excluded PATTERN ${folder} EXCLUDE)
  endforeach()
  install(DIRECTORY descent/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/descent
    FILES_MATCHING PATTERN "*.hpp" ${excluded})
endfunction()
