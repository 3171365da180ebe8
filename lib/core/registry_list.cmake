# descent_registry_list(TARGET FOLDER): the registry of a library as a list of data,
# descent/FOLDER/registry.list. Each line that is not a `#` comment reads "HEADER EXPRESSION":
# a header below descent/FOLDER/ (without .hpp) and the C++ expression that gives its registry
# entry, or a std::vector of entries; the order of the lines is the order `descent list` shows.
# It writes descent/FOLDER/registered_entries.inc into the build tree, which the folder's
# registry.cpp includes: the headers, and the macro DESCENT_REGISTERED_ENTRIES(add) that calls
# add(EXPRESSION) for each line in order. A new method or objective is thus its own header
# plus one line in the list (docs/extending.md); editing the list reconfigures the build.
function(descent_registry_list target folder)
  set(list_file "${CMAKE_CURRENT_SOURCE_DIR}/descent/${folder}/registry.list")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${list_file}")
  file(STRINGS "${list_file}" lines ENCODING UTF-8 REGEX "^[^#]")
  set(includes "")
  set(calls "")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^([a-z0-9_/]+) (.+)$")
      message(FATAL_ERROR "${list_file}: '${line}' is not \"HEADER EXPRESSION\"")
    endif()
    if(NOT EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/descent/${folder}/${CMAKE_MATCH_1}.hpp")
      message(FATAL_ERROR "${list_file}: no header descent/${folder}/${CMAKE_MATCH_1}.hpp")
    endif()
    string(APPEND includes "#include \"descent/${folder}/${CMAKE_MATCH_1}.hpp\"\n")
    string(APPEND calls "  add(${CMAKE_MATCH_2}); \\\n")
  endforeach()
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/generated")
  file(CONFIGURE OUTPUT "${generated}/descent/${folder}/registered_entries.inc" @ONLY CONTENT
       "// Written by descent_registry_list() from descent/${folder}/registry.list.\n${includes}\n#define DESCENT_REGISTERED_ENTRIES(add) \\\n${calls}\n")
  target_include_directories(${target} PRIVATE "${generated}")
endfunction()
