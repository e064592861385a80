#include "ingest/mojibake.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace hindsight::ingest {

namespace {

// The byte a code page prints as a given character: the inverse of ICU's decoding of
// the bytes 0x80–0xFF. C1 controls stand for themselves (text read as Latin-1).
class ReverseCodepage {
 public:
  explicit ReverseCodepage(const char* codepage) {
    for (int b = 0x80; b <= 0xFF; ++b) {
      char c = static_cast<char>(b);
      icu::UnicodeString u(&c, 1, codepage);
      if (u.length() == 1 && u.char32At(0) != 0xFFFD) m_bytes.emplace(u.char32At(0), b);
    }
    for (UChar32 c = 0x80; c <= 0x9F; ++c) m_bytes.emplace(c, static_cast<int>(c));
  }

  std::optional<unsigned char> byte_of(UChar32 c) const {
    if (c < 0x80) return std::nullopt;  // ASCII is never part of a sequence
    auto it = m_bytes.find(c);
    if (it == m_bytes.end()) return std::nullopt;
    return static_cast<unsigned char>(it->second);
  }

 private:
  std::unordered_map<UChar32, int> m_bytes;
};

int continuation_count(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 1;
  if (lead >= 0xE0 && lead <= 0xEF) return 2;
  if (lead >= 0xF0 && lead <= 0xF4) return 3;
  return -1;
}

bool is_greek(UChar32 c) {
  return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

struct CodePoint {
  UChar32 c;
  std::size_t start;
  std::size_t end;
};

std::vector<CodePoint> code_points(std::string_view text) {
  std::vector<CodePoint> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back({c, static_cast<std::size_t>(start), static_cast<std::size_t>(i)});
  }
  return out;
}

// One pass over `text` with one code page; returns whether anything was repaired.
bool repair_pass(std::string& text, const ReverseCodepage& page, bool guard_greek,
                 MojibakeReport& report) {
  auto cps = code_points(text);
  std::string out;
  out.reserve(text.size());
  bool changed = false;
  for (std::size_t i = 0; i < cps.size();) {
    auto lead = page.byte_of(cps[i].c);
    int need = lead ? continuation_count(*lead) : -1;
    if (need < 0) {
      out.append(text, cps[i].start, cps[i].end - cps[i].start);
      ++i;
      continue;
    }
    std::string bytes(1, static_cast<char>(*lead));
    std::size_t j = i + 1;
    for (; j < cps.size() && j <= i + static_cast<std::size_t>(need); ++j) {
      auto b = page.byte_of(cps[j].c);
      if (!b || (*b & 0xC0) != 0x80) break;
      bytes.push_back(static_cast<char>(*b));
    }
    std::string seen = text.substr(cps[i].start, cps[j - 1].end - cps[i].start);
    bool complete = static_cast<int>(bytes.size()) == need + 1;
    bool valid = false;
    if (complete) {
      int32_t k = 0;
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(bytes.data()), k, static_cast<int32_t>(bytes.size()),
              c);
      // A repair that yields a control or unassigned character is no repair.
      valid = c >= 0xA0 && k == static_cast<int32_t>(bytes.size()) && u_charType(c) != U_UNASSIGNED;
    }
    bool guarded = false;
    if (guard_greek) {
      guarded = (i > 0 && is_greek(cps[i - 1].c)) || (j < cps.size() && is_greek(cps[j].c));
      for (std::size_t k = i + 1; k < j; ++k) guarded = guarded || is_greek(cps[k].c);
    }
    if (valid && !guarded) {
      ++report.repaired[{seen, bytes}];
      out += bytes;
      changed = true;
      i = j;
      continue;
    }
    // A lead and at least one continuation that do not make a character: perhaps
    // damaged mojibake, perhaps real text. Not certain, so say so and keep it.
    if (bytes.size() >= 2 && !guard_greek &&
        std::find(report.doubtful.begin(), report.doubtful.end(), seen) == report.doubtful.end())
      report.doubtful.push_back(seen);
    out.append(text, cps[i].start, cps[i].end - cps[i].start);
    ++i;
  }
  if (changed) text = std::move(out);
  return changed;
}

// C1 controls (from text read as Latin-1) are invisible: show them as \u0080.
std::string visible(const std::string& s) {
  std::string out;
  for (const auto& cp : code_points(s)) {
    if (cp.c >= 0x80 && cp.c <= 0x9F)
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp.c));
    else
      out.append(s, cp.start, cp.end - cp.start);
  }
  return out;
}

}  // namespace

std::vector<std::string> MojibakeReport::notes() const {
  std::vector<std::string> out;
  for (const auto& [pair, n] : repaired) {
    out.push_back(fmt::format("repaired mojibake \"{}\" to \"{}\" ({} {})", visible(pair.first),
                              pair.second, n, n == 1 ? "time" : "times"));
  }
  for (const auto& s : doubtful)
    out.push_back(
        fmt::format("possible mojibake \"{}\" left as it is (no certain repair)", visible(s)));
  return out;
}

std::string repair_mojibake(std::string_view text, MojibakeReport& report) {
  static const ReverseCodepage cp1252("windows-1252");
  static const ReverseCodepage cp1253("windows-1253");
  std::string out(text);
  // Every lead character either code page can produce is encoded with one of these
  // bytes (Â…ô are C3 xx; Greek Β…τ are CE xx or CF xx): most text has none of them.
  if (text.find_first_of("\xC3\xCE\xCF") == std::string_view::npos) return out;
  // Each pass undoes one layer of encoding; three layers is already far-fetched.
  for (int layer = 0; layer < 3; ++layer) {
    bool changed = repair_pass(out, cp1252, false, report);
    changed = repair_pass(out, cp1253, true, report) || changed;
    if (!changed) break;
  }
  return out;
}

}  // namespace hindsight::ingest
