// Extracting claims from the ledger's articles: shared by `hindsight extract` and the
// extract stage of `hindsight demo`.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "extract/extractor.hpp"
#include "store/database.hpp"

namespace hindsight::cli {

// The loaded lexicon, taxonomy and the extractor over them.
struct Knowledge {
  extract::Lexicon lexicon;
  extract::Taxonomy taxonomy;
  std::unique_ptr<extract::Extractor> extractor;
};

// Loads rules/lexicon/ and rules/topics.yaml under ctx.root. A malformed file is
// printed as "hindsight: error: FILE:LINE:COL: message" and gives nullopt.
std::unique_ptr<Knowledge> load_knowledge(Context& ctx);

// What an extraction did.
struct ExtractTally {
  int articles = 0;
  int claims = 0;      // claims found (after merging within each article)
  int new_claims = 0;  // inserted new into the ledger
  int merged = 0;      // found to be the same statement as a claim of another article
  bool failed = false;
};

// Extracts `ids` (every article not yet extracted when empty) into the ledger as
// review candidates, one transaction per batch of articles (each article marked
// extracted with its claims), matching each claim against the claims of other
// articles. Notes go to ctx.err.
ExtractTally extract_articles(Context& ctx, store::Database& db, const Knowledge& knowledge,
                              const std::vector<std::string>& ids);

// "extracted 44 claims from 5 articles (42 new, 2 merged with other articles)".
std::string summary_line(const ExtractTally& tally);

// Registers `hindsight review` (in review.cpp).
void add_review_command(CLI::App& app, Action& action);

}  // namespace hindsight::cli
