#include "cli/import_claims.hpp"

#include <fmt/format.h>

#include <fstream>
#include <ostream>
#include <string>

#include "ingest/claim_json.hpp"
#include "store/claim_bulk.hpp"

namespace hindsight::cli {

namespace {

constexpr int kErrorsShown = 20;

struct Tally {
  std::size_t added = 0, existing = 0, committed = 0, errors = 0;
  bool writing = true;  // false after the first error: the rest is only checked
};

int column_of_article(const std::string& line) {
  auto pos = line.find("\"article\"");
  return pos == std::string::npos ? 1 : static_cast<int>(pos) + 1;
}

void report(Context& ctx, Tally& t, const core::Error& e) {
  if (t.errors++ < kErrorsShown) ctx.err << "hindsight: error: " << e.to_string() << "\n";
}

// Reads one file line by line (a claims file can be larger than memory wants).
void load_file(Context& ctx, store::ClaimBulkLoader& loader, const std::filesystem::path& path,
               std::size_t batch_size, Tally& t) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report(ctx, t, core::make_error("cannot read the file", file));
    t.writing = false;
    return;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto claim = ingest::parse_claim_json(line, file, number);
    if (!claim) {
      report(ctx, t, claim.error());
    } else if (!t.writing) {
      // Keep checking the rest, so that every error is reported at once.
      if (!loader.has_article(claim->article))
        report(ctx, t,
               core::make_error(fmt::format("claim {} names the article {}, which is not in "
                                            "the ledger (import the article first)",
                                            claim->id, claim->article),
                                file, number, column_of_article(line)));
      continue;
    } else {
      auto r = loader.add(*claim);
      if (r.status == store::BulkAdd::Status::MissingArticle) {
        report(ctx, t,
               core::make_error(fmt::format("claim {} names the article {}, which is not in "
                                            "the ledger (import the article first)",
                                            claim->id, r.missing_article),
                                file, number, column_of_article(line)));
      } else {
        ++(r.status == store::BulkAdd::Status::Added ? t.added : t.existing);
        if (batch_size > 0 && (t.added + t.existing) % batch_size == 0)
          t.committed = t.added + t.existing;
        continue;
      }
    }
    // The first error: what this transaction holds is not written.
    loader.rollback();
    t.writing = false;
  }
}

}  // namespace

int import_claim_files(Context& ctx, store::Database& db,
                       const std::vector<std::filesystem::path>& files, std::size_t batch_size) {
  store::ClaimBulkLoader loader(db, batch_size);
  Tally t;
  for (const auto& f : files) load_file(ctx, loader, f, batch_size, t);
  if (t.errors > static_cast<std::size_t>(kErrorsShown))
    ctx.err << fmt::format("hindsight: error: … and {} more errors\n", t.errors - kErrorsShown);
  if (t.errors > 0) {
    loader.rollback();
    if (t.committed == 0)
      ctx.err << "hindsight: no claims imported: fix the errors above\n";
    else
      ctx.err << fmt::format(
          "hindsight: imported the first {} claims in committed batches; nothing after them was "
          "written: fix the errors above and import again (claims already in the ledger are "
          "skipped)\n",
          t.committed);
    return kExitError;
  }
  loader.commit();
  ctx.err << fmt::format("imported {} claim{} ({} already in the ledger)\n", t.added,
                         t.added == 1 ? "" : "s", t.existing);
  return kExitOk;
}

}  // namespace hindsight::cli
