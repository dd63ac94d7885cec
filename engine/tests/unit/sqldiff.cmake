# Differential query test against SQLite (Debian libsqlite3-dev through
# pkg-config): random queries run on both engines, results compared.
# Not named test_*.c because it links SQLite besides the engine.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
add_executable(sql_differential ${CMAKE_CURRENT_SOURCE_DIR}/unit/sql_differential.c)
target_link_libraries(sql_differential PRIVATE mimerlite PkgConfig::SQLITE3)
add_test(NAME sql_differential COMMAND sql_differential)
set_tests_properties(sql_differential PROPERTIES
  ENVIRONMENT "MIMERLITE_TEST_TMP=${CMAKE_CURRENT_BINARY_DIR}/tmp")
# The same with a 4 kB operator memory budget: sorts, groupings and hash
# joins spill or run block by block on almost every query.
add_test(NAME sql_differential_small_memory COMMAND sql_differential 4242 1000)
set_tests_properties(sql_differential_small_memory PROPERTIES
  ENVIRONMENT "MIMERLITE_TEST_TMP=${CMAKE_CURRENT_BINARY_DIR}/tmp;MIMERLITE_SORT_MEMORY=4096")
