// Decoding of string and duration literals (private to the expression language).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "rules/expr.hpp"

namespace hindsight::rules::detail {

// The text of a quoted string literal (quotes included) with its escapes decoded.
// `offset` is the literal's offset in the expression; throws CompileError at a bad
// escape.
std::string unescape(std::string_view quoted, std::uint32_t offset);

// The value of a duration literal such as "3d" or "1y2m"; throws CompileError when
// a count is out of range.
Duration parse_duration(std::string_view text, std::uint32_t offset);

}  // namespace hindsight::rules::detail
