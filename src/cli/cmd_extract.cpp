// hindsight extract, hindsight claims (and hindsight review, in review.cpp).
#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/extract.hpp"
#include "ingest/decode.hpp"
#include "ingest/reader.hpp"
#include "report/claim_json.hpp"
#include "store/article_store.hpp"
#include "store/claim_store.hpp"

namespace hindsight::cli {

namespace {

struct ExtractFlags {
  std::vector<std::string> articles;
  bool from_stdin = false, json = false;
  std::string published, outlet, title, url;
};

// `extract --stdin`: one article on stdin, its claims as JSON lines; no ledger.
int run_stdin(Context& ctx, const ExtractFlags& f, std::istream& in) {
  if (!f.json) {
    ctx.err << "hindsight: usage error: --stdin writes JSON lines: add --json\n";
    return kExitUsage;
  }
  ingest::ReadOptions options;
  if (!f.published.empty()) {
    auto d = core::parse_date(f.published);
    if (!d) {
      ctx.err << "hindsight: usage error: --published: " << d.error().message << "\n";
      return kExitUsage;
    }
    options.flags.published = *d;
    options.flags.published_basis = core::PublishedBasis::Given;
  }
  if (!f.outlet.empty()) options.flags.outlet = f.outlet;
  if (!f.title.empty()) options.flags.title = f.title;
  if (!f.url.empty()) options.flags.url = f.url;
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto decoded = ingest::decode(bytes, "<stdin>");
  if (!decoded) {
    ctx.err << "hindsight: error: " << decoded.error().to_string() << "\n";
    return kExitError;
  }
  auto article = ingest::build_article(decoded->text, 0, "<stdin>", false, {}, nullptr, options,
                                       decoded->notes);
  if (!article) {
    ctx.err << "hindsight: error: " << article.error().to_string() << "\n";
    return kExitError;
  }
  auto knowledge = load_knowledge(ctx);
  if (!knowledge) return kExitError;
  if (!article->published)
    ctx.err << fmt::format(
        "hindsight: note: no published date (use --published); claims are dated {}\n",
        core::format_date(ctx.today));
  auto x = knowledge->extractor->extract(*article, extract::ExtractOptions{ctx.today});
  for (const auto& note : x.notes) ctx.err << "hindsight: note: " << note << "\n";
  for (const auto& c : x.claims) ctx.out << report::claim_to_json(c).dump() << "\n";
  return kExitOk;
}

int run_extract(Context& ctx, const ExtractFlags& f) {
  if (f.from_stdin) return run_stdin(ctx, f, std::cin);
  auto knowledge = load_knowledge(ctx);
  if (!knowledge) return kExitError;
  store::Database db(ctx.db_path);
  std::vector<std::string> ids;
  for (const auto& a : f.articles) ids.push_back(a);
  auto tally = extract_articles(ctx, db, *knowledge, ids);
  if (f.json) {
    store::ClaimStore claims(db);
    store::ArticleStore articles(db);
    for (const auto& id : ids.empty() ? articles.ids() : ids) {
      store::ClaimFilter filter;
      filter.article = id;
      for (const auto& c : claims.list(filter)) ctx.out << report::claim_to_json(c).dump() << "\n";
    }
  }
  ctx.err << summary_line(tally) << "\n";
  return tally.failed ? kExitError : kExitOk;
}

struct ClaimsFlags {
  std::string status, speaker, topic, due_before, as_of;
  bool overdue = false, json = false;
};

std::string short_text(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  std::size_t cut = width;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

int run_claims(Context& ctx, const ClaimsFlags& f) {
  store::ClaimFilter filter;
  if (!f.status.empty()) {
    if (!store::valid_status(f.status)) {
      ctx.err << "hindsight: usage error: --status: unknown status '" << f.status
              << "' (candidate, accepted, rejected, edited, open, resolved, true, false, partial, "
                 "void, ambiguous)\n";
      return kExitUsage;
    }
    filter.status = f.status;
  }
  if (!f.speaker.empty()) filter.speaker = f.speaker;
  if (!f.topic.empty()) filter.topic = f.topic;
  if (!f.due_before.empty()) {
    auto d = core::parse_date(f.due_before);
    if (!d) {
      ctx.err << "hindsight: usage error: --due-before: " << d.error().message << "\n";
      return kExitUsage;
    }
    filter.due_before = *d;
  }
  core::Date as_of = ctx.today;
  if (!f.as_of.empty()) {
    auto d = core::parse_date(f.as_of);
    if (!d) {
      ctx.err << "hindsight: usage error: --as-of: " << d.error().message << "\n";
      return kExitUsage;
    }
    as_of = *d;
  }
  if (f.overdue) filter.overdue_as_of = as_of;
  store::Database db(ctx.db_path);
  store::ClaimStore store(db);
  auto claims = store.list(filter);
  for (const auto& c : claims) {
    if (f.json) {
      ctx.out << report::claim_to_json(c).dump() << "\n";
      continue;
    }
    ctx.out << fmt::format(
        "{}  {:<10} {:<9} {:>5}  {:<10}  {:<20}  {}\n", c.id.substr(0, 12), core::to_string(c.kind),
        core::to_string(c.review), c.probability ? fmt::format("{:.2f}", *c.probability) : "-",
        c.deadline.end ? core::format_date(*c.deadline.end) : "-",
        short_text(c.speaker ? c.speaker->name : "-", 20), short_text(c.text, 70));
  }
  if (!f.json) ctx.err << claims.size() << (claims.size() == 1 ? " claim\n" : " claims\n");
  return kExitOk;
}

}  // namespace

void add_extract_commands(CLI::App& app, Action& action) {
  auto ef = std::make_shared<ExtractFlags>();
  auto* ex = app.add_subcommand(
      "extract", "Find claims in imported articles (review candidates), or filter stdin");
  ex->add_option("articles", ef->articles, "Article ids (default: those not yet extracted)");
  ex->add_flag("--stdin", ef->from_stdin,
               "Read one article from stdin and write its claims; no ledger is used");
  ex->add_flag("--json", ef->json, "Write one claim JSON object per line to stdout");
  ex->add_option("--published", ef->published, "With --stdin: the article's date (YYYY-MM-DD)");
  ex->add_option("--outlet", ef->outlet, "With --stdin: the article's outlet");
  ex->add_option("--title", ef->title, "With --stdin: the article's title");
  ex->add_option("--url", ef->url, "With --stdin: the article's URL");
  ex->callback([&action, ef] { action = [ef](Context& ctx) { return run_extract(ctx, *ef); }; });

  auto cf = std::make_shared<ClaimsFlags>();
  auto* cl = app.add_subcommand("claims", "List the claims of the ledger");
  cl->add_option("--status", cf->status,
                 "candidate|accepted|rejected|edited (review) or open|resolved|true|false|"
                 "partial|void|ambiguous (verdict)");
  cl->add_option("--speaker", cf->speaker, "Only this speaker (exact name)");
  cl->add_option("--topic", cf->topic, "Only this topic, or PREFIX.* for a whole branch");
  cl->add_option("--due-before", cf->due_before, "Only deadlines ending before this date");
  cl->add_flag("--overdue", cf->overdue,
               "Only predictions whose deadline passed without a confirmed verdict");
  cl->add_option("--as-of", cf->as_of, "The date for --overdue (default: today)");
  cl->add_flag("--json", cf->json, "One claim JSON object per line");
  cl->callback([&action, cf] { action = [cf](Context& ctx) { return run_claims(ctx, *cf); }; });

  add_review_command(app, action);
}

}  // namespace hindsight::cli
