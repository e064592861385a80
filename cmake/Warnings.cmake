# High warnings everywhere (as ccache's cmake/StandardWarnings.cmake), errors by
# default so that what CI rejects is seen on the developer's machine first.
function(hindsight_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wnon-virtual-dtor)
  if(HINDSIGHT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(HINDSIGHT_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
