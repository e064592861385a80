// libFuzzer target: sentence splitting and claim extraction with the shipped
// lexicon and taxonomy. The input is read as an article (as `extract --stdin`
// does); its claims must have spans inside the text, on character boundaries,
// probabilities in [0, 1] and deadlines that do not end before they start.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "extract/extractor.hpp"
#include "extract/lexicon.hpp"
#include "extract/sentences.hpp"
#include "extract/topics.hpp"
#include "fuzz_common.hpp"
#include "ingest/reader.hpp"

using namespace hindsight;

namespace {

struct Loaded {
  extract::Lexicon lexicon;
  extract::Taxonomy taxonomy;
};

// Loaded once per process: the shipped files are not what is fuzzed here.
const Loaded& loaded() {
  static const std::unique_ptr<Loaded> instance = [] {
    auto lexicon = extract::load_lexicon(fuzz::rules_dir() + "/lexicon");
    auto taxonomy = extract::load_topics(fuzz::rules_dir() + "/topics.yaml");
    if (!lexicon || !taxonomy) {
      std::fprintf(stderr, "fuzz_extract: cannot load the shipped rules from %s\n",
                   fuzz::rules_dir().c_str());
      std::exit(1);
    }
    return std::make_unique<Loaded>(Loaded{std::move(*lexicon), std::move(*taxonomy)});
  }();
  return *instance;
}

void check_claim(const core::Claim& claim, const core::Article& article) {
  fuzz::require_span(claim.span, article.text, "claim span inside the text");
  fuzz::require(!claim.appearances.empty(), "a claim appears somewhere");
  for (const auto& a : claim.appearances) {
    fuzz::require_span(a.span, article.text, "appearance span inside the text");
    if (a.raw) fuzz::require_span(*a.raw, article.raw_text, "raw span inside the raw text");
  }
  if (claim.probability) {
    fuzz::require(*claim.probability >= 0.0 && *claim.probability <= 1.0, "probability in [0,1]");
  }
  for (const auto& part : claim.parts) {
    if (part.probability) {
      fuzz::require(*part.probability >= 0.0 && *part.probability <= 1.0, "part probability");
    }
  }
  if (claim.deadline.start && claim.deadline.end) {
    fuzz::require(*claim.deadline.start <= *claim.deadline.end, "deadline start <= end");
  }
  fuzz::require(util::is_valid_utf8(claim.text), "claim text is UTF-8");
  if (claim.speaker) fuzz::require(util::is_valid_utf8(claim.speaker->name), "speaker is UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Loaded& rules = loaded();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (util::is_valid_utf8(bytes)) {
    auto previous_end = std::size_t{0};
    for (const auto& s : extract::split_sentences(bytes, rules.lexicon)) {
      fuzz::require_span(s, bytes, "sentence span inside the text");
      fuzz::require(s.start >= previous_end, "sentences in order, not overlapping");
      previous_end = s.end;
    }
  }
  auto article = ingest::article_from_bytes(bytes, "<fuzz>");
  if (!article) return 0;
  extract::Extractor extractor(rules.lexicon, rules.taxonomy);
  extract::ExtractOptions options;
  options.fallback_date = core::Date{date::year{2025}, date::month{7}, date::day{29}};
  auto extraction = extractor.extract(*article, options);
  for (const auto& claim : extraction.claims) check_claim(claim, *article);
  return 0;
}
