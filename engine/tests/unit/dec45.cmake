# dec45's differential test: dec45_driver (the C side, one operation per
# stdin line) checked against Python's decimal by dec45_differential.py.
# The driver is deliberately not named test_*.c so it is not a ctest case
# of its own.
add_executable(dec45_driver ${CMAKE_CURRENT_SOURCE_DIR}/unit/dec45_driver.c)
target_link_libraries(dec45_driver PRIVATE mimerlite)
add_test(NAME dec45_differential
         COMMAND ${Python3_EXECUTABLE}
                 ${CMAKE_CURRENT_SOURCE_DIR}/unit/dec45_differential.py
                 $<TARGET_FILE:dec45_driver> --count 100000)
