# Warning flags every tern target compiles with (g++ 12 and clang 14 must both stay quiet).
add_library(tern_warnings INTERFACE)
target_compile_options(tern_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
if(TERN_WERROR)
  target_compile_options(tern_warnings INTERFACE -Werror)
endif()
