#include "cli/extract.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "extract/matching.hpp"
#include "store/article_store.hpp"
#include "store/claim_store.hpp"

namespace hindsight::cli {

std::unique_ptr<Knowledge> load_knowledge(Context& ctx) {
  auto k = std::make_unique<Knowledge>();
  auto lexicon = extract::load_lexicon(ctx.root / "rules/lexicon");
  if (!lexicon) {
    ctx.err << "hindsight: error: " << lexicon.error().to_string() << "\n";
    return nullptr;
  }
  auto taxonomy = extract::load_topics(ctx.root / "rules/topics.yaml");
  if (!taxonomy) {
    ctx.err << "hindsight: error: " << taxonomy.error().to_string() << "\n";
    return nullptr;
  }
  k->lexicon = std::move(*lexicon);
  k->taxonomy = std::move(*taxonomy);
  k->extractor = std::make_unique<extract::Extractor>(k->lexicon, k->taxonomy);
  return k;
}

namespace {

// Gives `claim` the id of a claim of another article that is the same statement.
bool match_other_articles(store::ClaimStore& claims, core::Claim& claim) {
  if (claim.proposition.empty()) return false;
  for (const auto& other : claims.match_candidates(claim, extract::kSameStatementDays)) {
    bool elsewhere = false;
    for (const auto& a : other.appearances) elsewhere = elsewhere || a.article != claim.article;
    if (elsewhere && extract::same_statement(other, claim)) {
      claim.id = other.id;
      return true;
    }
  }
  return false;
}

}  // namespace

ExtractTally extract_articles(Context& ctx, store::Database& db, const Knowledge& knowledge,
                              const std::vector<std::string>& ids) {
  // Articles are extracted (no ledger needed) a batch at a time, then the batch is
  // matched and saved in one write transaction: a commit per article cost more than
  // the SQL it committed, and the write lock is held only while writing.
  constexpr std::size_t kArticlesPerCommit = 256;
  struct Extracted {
    std::string id;
    std::vector<core::Claim> claims;
  };
  ExtractTally tally;
  store::ArticleStore articles(db);
  store::ClaimStore claims(db);
  auto todo = ids.empty() ? articles.ids_not_extracted() : ids;
  for (std::size_t first = 0; first < todo.size(); first += kArticlesPerCommit) {
    std::vector<Extracted> batch;
    for (std::size_t i = first; i < std::min(todo.size(), first + kArticlesPerCommit); ++i) {
      const auto& id = todo[i];
      auto article = articles.get(id);
      if (!article) {
        ctx.err << "hindsight: error: no article " << id << " in the ledger\n";
        tally.failed = true;
        continue;
      }
      if (!article->published)
        ctx.err << fmt::format(
            "hindsight: note: article {} has no published date; its claims are dated {}\n", id,
            core::format_date(ctx.today));
      auto x = knowledge.extractor->extract(*article, extract::ExtractOptions{ctx.today});
      for (const auto& note : x.notes)
        ctx.err << "hindsight: note: article " << id << ": " << note << "\n";
      batch.push_back({id, std::move(x.claims)});
    }
    claims.begin_batch();
    for (auto& e : batch) {
      for (auto& c : e.claims)
        if (match_other_articles(claims, c)) ++tally.merged;
      tally.new_claims += claims.save_extraction(e.id, e.claims, ctx.now);
      tally.claims += static_cast<int>(e.claims.size());
      ++tally.articles;
    }
    claims.commit_batch();
  }
  return tally;
}

std::string summary_line(const ExtractTally& t) {
  return fmt::format(
      "extracted {} claim{} from {} article{} ({} new, {} merged with other articles)", t.claims,
      t.claims == 1 ? "" : "s", t.articles, t.articles == 1 ? "" : "s", t.new_claims, t.merged);
}

}  // namespace hindsight::cli
