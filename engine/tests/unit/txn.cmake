# The transaction crash test (txn_crash.c): a writer process is SIGKILLed
# at random moments and a fresh process checks that exactly the reported
# commits survived and that sequence values never repeat.  Not named
# test_*.c because it is a multi-process driver with its own summary line.
add_executable(txn_crash ${CMAKE_CURRENT_SOURCE_DIR}/unit/txn_crash.c
                         ${CMAKE_CURRENT_SOURCE_DIR}/unit/testutil.c)
target_include_directories(txn_crash PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/unit)
target_link_libraries(txn_crash PRIVATE mimerlite)
add_test(NAME txn_crash COMMAND txn_crash 15)
set_tests_properties(txn_crash PROPERTIES
  ENVIRONMENT "MIMERLITE_TEST_TMP=${CMAKE_CURRENT_BINARY_DIR}/tmp"
  TIMEOUT 180)
