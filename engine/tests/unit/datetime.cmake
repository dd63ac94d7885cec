# Differential test of datetime/interval arithmetic against Python's
# datetime: datetime_driver answers requests on stdin, the script generates
# them and checks the answers (see datetime_differential.py).
add_executable(datetime_driver ${CMAKE_CURRENT_LIST_DIR}/datetime_driver.c)
target_link_libraries(datetime_driver PRIVATE mimerlite)
add_test(NAME datetime_differential
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/datetime_differential.py
                 $<TARGET_FILE:datetime_driver>)
