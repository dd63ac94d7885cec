# SQL script tests: every engine/tests/sql/*.test file is one ctest case
# run by sqltest_runner (format described at the top of sqltest_runner.c).
add_executable(sqltest_runner ${CMAKE_CURRENT_SOURCE_DIR}/unit/sqltest_runner.c)
target_link_libraries(sqltest_runner PRIVATE mimerlite)
file(GLOB sql_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/sql/*.test)
foreach(t IN LISTS sql_tests)
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME sql_${name} COMMAND sqltest_runner ${t})
  set_tests_properties(sql_${name} PROPERTIES
    ENVIRONMENT "MIMERLITE_TEST_TMP=${CMAKE_CURRENT_BINARY_DIR}/tmp")
endforeach()
