// Escaping for every output format. Text that came from an article (a claim, a
// speaker's name, a title) is untrusted: it may hold HTML, Markdown, a spreadsheet
// formula or terminal control codes, and must show as the text it is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::report {

// Text safe inside HTML element content and quoted attribute values (& < > " ').
// Here and in markdown_escape and csv_text, control characters and bidi overrides
// are written as visible escapes first (util::escape_controls).
std::string html_escape(std::string_view text);

// Text safe inside a Markdown paragraph or table cell: ASCII punctuation that
// CommonMark or GFM tables give a meaning (\ ` * _ [ ] < > | # ~ ! & +;
// parentheses need none once brackets are escaped)
// is backslash-escaped, and line breaks become spaces.
std::string markdown_escape(std::string_view text);

// One CSV cell (RFC 4180) holding text: quoted when it contains a comma, quote or
// line break, and, when it starts with = + - @ TAB or CR, prefixed with ' so that a
// spreadsheet shows it as text instead of running it as a formula (OWASP's advice).
std::string csv_text(std::string_view text);

// A number for a CSV cell: at most six decimals, trailing zeros dropped (finer than
// any figure here means, and it spares a spreadsheet 0.48999999999999994); empty for
// nullopt.
std::string csv_number(const std::optional<double>& x);

// One CSV row of ready cells (already csv_text'ed or numbers), ending with CRLF.
std::string csv_row(const std::vector<std::string>& cells);

// JSON text safe to paste inside an HTML <script> element (JSON-LD is embedded so):
// every '<' becomes \u003c, which a JSON reader reads as the same string, so text
// from an article cannot close the element with "</script>" or open a comment.
std::string json_for_script(std::string_view json);

// Text safe on a terminal: control characters (ESC, CR, …) and line breaks become
// spaces, so an article cannot move the cursor or recolour the screen.
std::string terminal_safe(std::string_view text);

// The number of code points of UTF-8 text: its width on a terminal for the scripts
// of our corpus (wide East Asian characters count as one).
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` code points, with "…" as the last one when cut.
std::string truncate(std::string_view text, std::size_t width);

// `text` padded with spaces on the right (or left, when `right_align`) to `width`.
std::string pad(std::string_view text, std::size_t width, bool right_align = false);

}  // namespace hindsight::report
