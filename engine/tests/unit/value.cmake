# The type system's differential test: value_driver (numeric casts and
# arithmetic through typesys/cast/arith/format, one operation per stdin
# line) checked against Python's decimal and float by
# value_differential.py.  Not named test_*.c so that it is not a ctest
# case of its own.
add_executable(value_driver ${CMAKE_CURRENT_SOURCE_DIR}/unit/value_driver.c)
target_link_libraries(value_driver PRIVATE mimerlite)
add_test(NAME value_differential
         COMMAND ${Python3_EXECUTABLE}
                 ${CMAKE_CURRENT_SOURCE_DIR}/unit/value_differential.py
                 $<TARGET_FILE:value_driver> --count 60000)
