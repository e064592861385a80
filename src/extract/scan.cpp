#include "extract/scan.hpp"

namespace hindsight::extract::scan {

namespace {

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

bool word(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  char c = s[i];
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (space(s, i)) ++i;
  return i;
}

bool literal_at(std::string_view s, std::size_t i, std::string_view lit, bool icase) {
  if (i > s.size() || s.size() - i < lit.size()) return false;
  for (std::size_t k = 0; k < lit.size(); ++k) {
    char a = s[i + k], b = lit[k];
    if (icase ? fold(a) != fold(b) : a != b) return false;
  }
  return true;
}

}  // namespace hindsight::extract::scan
