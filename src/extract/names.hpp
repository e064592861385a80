// Names of people and bodies in an article: capitalized runs split into a role
// ("U.S. Treasury Secretary") and a name ("Scott Bessent"), an index that resolves
// short mentions across the article ("Bessent" → "Scott Bessent", with the role kept),
// and the last named person before a point (for "he", "his").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract {

// A capitalized run of tokens [first, last) with its role and name parts.
struct NameRun {
  std::size_t first = 0;
  std::size_t last = 0;
  std::string role;           // title words without demonyms ("Treasury Secretary"), or empty
  std::string name;           // the name part ("Scott Bessent", "CNN", "Atlantic Council")
  bool organization = false;  // holds an organization word or is all capitals ("CNN")
};

// The capitalized runs of `tokens`. Particles ("von", "der", "de", "bin") may stand
// inside a name; a sentence's first word only starts a run when it is not a common
// function word; possessive "'s" ends a run.
std::vector<NameRun> name_runs(const std::vector<Token>& tokens, const Lexicon& lexicon);

// A resolved speaker name.
struct ResolvedName {
  std::string name;
  std::string role;
  bool person = false;
};

// Full names and roles collected from one article, to resolve short mentions.
class NameIndex {
 public:
  explicit NameIndex(const Lexicon& lexicon) : m_lexicon(&lexicon) {}

  // Adds the runs of one sentence at byte `offset` (in the article). A run is a person
  // when it has a title, is a known person, or `subject_of_report` says it is the
  // subject of a reporting verb.
  void add(const NameRun& run, std::size_t offset, bool subject_of_report);

  // Resolves a mention: a full name seen in the article that contains it as its last
  // (or first) word, else a known person with that alias, else the mention itself.
  ResolvedName resolve(const std::string& mention, const std::string& role = {}) const;

  // The last person mentioned before byte `offset` and at or after `not_before`, for
  // resolving "he" or "his"; nullopt when none is in the window.
  std::optional<ResolvedName> last_person(std::size_t offset, std::size_t not_before) const;

  // True when the name is a person (titled, known, or reported as a speaker).
  bool is_person(const std::string& name) const;

 private:
  struct Entry {
    std::string name;
    std::string role;
    bool person = false;
  };
  struct Mention {
    std::size_t offset;
    std::string name;
  };
  const Entry* find_full(const std::string& name) const;

  const Lexicon* m_lexicon;
  std::vector<Entry> m_full;      // names of two or more words, first seen first
  std::vector<Mention> m_people;  // person mentions in text order
};

}  // namespace hindsight::extract
