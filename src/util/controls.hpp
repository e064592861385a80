// Control characters that untrusted text must not smuggle into an output: C0
// controls (ESC starts terminal sequences), DEL, C1 controls (U+009B is a one-byte
// CSI on some terminals) and the bidirectional embedding, override and isolate
// controls (U+202E shows "exe.txt" as "txt.exe"). Every output format writes them
// as visible escapes in JSON's notation ("\u001b", "\u202e").
#pragma once

#include <string>
#include <string_view>

namespace hindsight::util {

// Whether the code point `cp` is one of the controls above. Tab, line feed and
// carriage return are not: every format has its own rule for line breaks.
bool is_hidden_control(char32_t cp);

// `text` with each such control written as "\uXXXX" (lower-case hex). Everything
// else, invalid UTF-8 included, is kept byte for byte. Inside a JSON string the
// escape reads back as the same character, so JSON keeps its meaning.
std::string escape_controls(std::string_view text);

}  // namespace hindsight::util
