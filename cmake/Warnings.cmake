# High warnings everywhere (as ccache's cmake/StandardWarnings.cmake), errors by
# default so that what CI rejects is seen on the developer's machine first.
function(hindsight_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wnon-virtual-dtor)
  # GCC 12 at -O3 (Release) reports false -Wrestrict / -Wstringop-overflow on
  # std::string inlines (GCC bugs 105651, 106199): keep them from failing the
  # Release build that tools/bench makes.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict -Wno-stringop-overflow)
  endif()
  if(HINDSIGHT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(HINDSIGHT_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
