#include "ingest/markdown.hpp"

#include "util/text.hpp"

namespace hindsight::ingest {

std::string markdown_to_text(std::string_view line, bool& is_heading) {
  is_heading = false;
  auto s = util::trim(line);
  if (s.size() >= 3 && s.find_first_not_of(s[0]) == std::string_view::npos &&
      (s[0] == '-' || s[0] == '*' || s[0] == '_'))
    return std::string();
  if (!s.empty() && s[0] == '#') {
    auto hashes = s.find_first_not_of('#');
    if (hashes != std::string_view::npos && hashes <= 6 && s[hashes] == ' ') {
      is_heading = true;
      s = util::trim(s.substr(hashes));
    }
  }
  while (!s.empty() && s[0] == '>') s = util::trim(s.substr(1));
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "**") == 0 || s.compare(i, 2, "__") == 0) {
      i += 2;
      continue;
    }
    bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (s[i] == '[' || image) {
      // [text](url) keeps its text; ![alt](url) goes entirely.
      auto open = image ? i + 1 : i;
      auto close = s.find(']', open);
      if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
        auto paren = s.find(')', close);
        if (paren != std::string_view::npos) {
          if (!image) out.append(s.substr(open + 1, close - open - 1));
          i = paren + 1;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return std::string(util::trim(out));
}

}  // namespace hindsight::ingest
