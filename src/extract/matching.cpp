#include "extract/matching.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "extract/tokens.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

namespace hindsight::extract {

namespace {

// util::fold_for_match, with ASCII text (most claims) folded without ICU: lowercase,
// runs of White_Space as one space and none at the ends, '`' as an apostrophe ('-'
// is already the dash everything folds to).
std::string fold(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return util::fold_for_match(text);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = !out.empty();
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '`') c = '\'';
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::set<std::string> content_words(const std::string& text) {
  static const char* kStop[] = {
      "the", "and",  "for", "that", "with",  "this",  "these", "those", "from", "into",  "are",
      "was", "were", "has", "have", "had",   "its",   "their", "his",   "her",  "which", "who",
      "but", "also", "not", "will", "would", "could", "may",   "might", "been"};
  std::set<std::string> out;
  for (const auto& t : tokenize(text)) {
    if (!t.word || t.lower.size() < 3) continue;
    bool stop = false;
    for (auto* s : kStop) stop = stop || t.lower == s;
    if (!stop) out.insert(t.lower);
  }
  return out;
}

bool same_speaker(const core::Claim& a, const core::Claim& b) {
  if (!a.speaker || !b.speaker) return !a.speaker && !b.speaker;
  return a.speaker->name == b.speaker->name;
}

bool near_duplicate(const std::set<std::string>& x, const std::set<std::string>& y) {
  auto& small = x.size() <= y.size() ? x : y;
  auto& large = x.size() <= y.size() ? y : x;
  if (small.size() < 5) return false;
  std::size_t shared = 0;
  for (const auto& w : small) shared += large.count(w);
  return static_cast<double>(shared) >= 0.8 * static_cast<double>(small.size());
}

}  // namespace

std::string claim_id(const std::string& article_id, core::ClaimKind kind, const std::string& text) {
  return util::hex_hash("claim\n" + article_id + "\n" + core::to_string(kind) + "\n" + fold(text));
}

std::string proposition_key(const core::Claim& claim) {
  if (claim.topics.empty()) return {};
  auto topics = claim.topics;
  std::sort(topics.begin(), topics.end());
  std::string key;
  for (const auto& t : topics) key += (key.empty() ? "" : "+") + t;
  bool dated = claim.deadline.end && (claim.deadline.basis == core::DeadlineBasis::Stated ||
                                      claim.deadline.basis == core::DeadlineBasis::Inferred);
  return key + "@" + (dated ? core::format_date(*claim.deadline.end) : std::string("open"));
}

bool same_in_article(const core::Claim& a, const core::Claim& b) {
  if (a.kind != b.kind || !same_speaker(a, b)) return false;
  if (fold(a.text) == fold(b.text)) return true;
  return near_duplicate(content_words(a.text), content_words(b.text));
}

TextKey text_key(const std::string& text) {
  return {fold(text), std::nullopt};
}

bool same_in_article(const core::Claim& a, const TextKey& ka, const core::Claim& b,
                     const TextKey& kb) {
  if (a.kind != b.kind || !same_speaker(a, b)) return false;
  if (ka.folded == kb.folded) return true;
  if (!ka.words) ka.words = content_words(a.text);
  if (!kb.words) kb.words = content_words(b.text);
  return near_duplicate(*ka.words, *kb.words);
}

bool same_statement(const core::Claim& a, const core::Claim& b) {
  if (a.kind != b.kind || !a.speaker || !b.speaker || a.speaker->name != b.speaker->name)
    return false;
  if (a.speaker->basis == core::SpeakerBasis::Outlet) return false;
  if (std::labs(core::days_between(a.stated_on, b.stated_on)) > kSameStatementDays) return false;
  if (!a.proposition.empty() && a.proposition == b.proposition) return true;
  return fold(a.text) == fold(b.text);
}

void add_appearances(core::Claim& into, const core::Claim& claim) {
  for (const auto& ap : claim.appearances) {
    bool seen = false;
    for (const auto& have : into.appearances)
      seen = seen || (have.article == ap.article && have.span == ap.span && have.raw == ap.raw);
    if (!seen) into.appearances.push_back(ap);
  }
}

std::vector<core::Claim> merge_across_articles(std::vector<core::Claim> claims) {
  std::vector<core::Claim> out;
  for (auto& c : claims) {
    bool merged = false;
    for (auto& have : out) {
      if (have.article != c.article && same_statement(have, c)) {
        add_appearances(have, c);
        merged = true;
        break;
      }
    }
    if (!merged) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace hindsight::extract
