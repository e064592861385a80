// hindsight events [--kind K] [--json], events import FILE [--replace], events add ….
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/resolve.hpp"
#include "ingest/events_file.hpp"
#include "store/event_store.hpp"

namespace hindsight::cli {

namespace {

namespace fs = std::filesystem;

struct AddFlags {
  std::string id, date, end, known_on, kind, summary, reliability = "medium";
  std::vector<std::string> attrs, sources;
};

// Builds the event of `events add`, or prints what is wrong and returns nullopt.
std::optional<core::Event> event_from_flags(Context& ctx, const AddFlags& f) {
  std::vector<std::string> problems;
  core::Event e;
  e.id = f.id;
  e.summary = f.summary;
  e.sources = f.sources;
  auto read_date = [&](const std::string& text, const char* flag) -> std::optional<core::Date> {
    auto d = core::parse_date(text);
    if (!d) problems.push_back(std::string(flag) + ": " + d.error().message);
    return d ? std::optional(*d) : std::nullopt;
  };
  if (auto d = read_date(f.date, "--date")) e.date = *d;
  e.known_on = e.date;
  if (!f.end.empty()) e.end = read_date(f.end, "--end");
  if (!f.known_on.empty())
    if (auto d = read_date(f.known_on, "--known-on")) e.known_on = *d;
  if (!ingest::is_valid_event_name(f.kind))
    problems.push_back("--kind: '" + f.kind +
                       "' must be lowercase words joined by dots (truce.extended)");
  e.kind = f.kind;
  auto reliability = core::reliability_from_string(f.reliability);
  if (!reliability)
    problems.push_back("--reliability: '" + f.reliability + "' is not one of low, medium, high");
  e.reliability = reliability.value_or(core::Reliability::Medium);
  for (const auto& a : f.attrs) {
    auto parsed = ingest::parse_attribute_argument(a);
    if (!parsed) {
      problems.push_back(parsed.error().message);
      continue;
    }
    e.attributes[parsed->first] = parsed->second;
  }
  if (e.end && *e.end < e.date) problems.push_back("--end is before --date");
  for (const auto& p : problems) ctx.err << "hindsight: usage error: " << p << "\n";
  if (!problems.empty()) return std::nullopt;
  return e;
}

int run_add(Context& ctx, const AddFlags& f) {
  auto event = event_from_flags(ctx, f);
  if (!event) return kExitUsage;
  store::Database db(ctx.db_path);
  store::EventStore events(db);
  auto result = events.import({*event});
  if (!result.conflicts.empty()) {
    ctx.err << "hindsight: error: " << result.conflicts.front()
            << "; give the event a new id (events are corrected with "
               "'events import FILE --replace')\n";
    return kExitError;
  }
  ctx.err << (result.added ? "added event " : "unchanged: event ") << event->id << "\n";
  return kExitOk;
}

int run_list(Context& ctx, const std::string& kind, bool as_json) {
  if (ctx.db_path != ":memory:" && !fs::exists(ctx.db_path)) {
    ctx.err << "hindsight: error: no ledger at " << ctx.db_path
            << " (import events first: hindsight events import FILE)\n";
    return kExitError;
  }
  store::Database db(ctx.db_path, false);
  store::EventStore events(db);
  auto all = events.list(kind.empty() ? std::nullopt : std::optional(kind));
  for (const auto& e : all) {
    if (as_json) {
      ctx.out << store::event_to_json(e).dump() << "\n";
      continue;
    }
    std::string attributes;
    for (const auto& [k, v] : e.attributes)
      attributes += (attributes.empty() ? "" : ", ") + k + ": " + core::to_string(v);
    ctx.out << fmt::format("{:<6} {}  {:<22} {}\n", e.id, core::format_date(e.date), e.kind,
                           e.summary);
    if (e.known_on != e.date)
      ctx.out << fmt::format("{:<6} known on {}\n", "", core::format_date(e.known_on));
    if (!attributes.empty()) ctx.out << fmt::format("{:<6} {{{}}}\n", "", attributes);
  }
  if (!as_json) ctx.err << all.size() << (all.size() == 1 ? " event\n" : " events\n");
  return kExitOk;
}

}  // namespace

int import_events(Context& ctx, store::Database& db, const fs::path& file, bool replace) {
  auto parsed = ingest::read_events_file(file);
  if (!parsed.errors.empty()) {
    for (const auto& e : parsed.errors) ctx.err << "hindsight: error: " << e.to_string() << "\n";
    ctx.err << "hindsight: nothing imported: fix the errors above\n";
    return kExitError;
  }
  store::EventStore events(db);
  auto result = events.import(parsed.events, replace);
  if (!result.conflicts.empty()) {
    for (const auto& c : result.conflicts)
      ctx.err << "hindsight: error: " << file.string() << ": " << c << "\n";
    ctx.err << "hindsight: nothing imported: an event id already in the ledger must keep its "
               "content (use --replace to correct the ledger's copy)\n";
    return kExitError;
  }
  ctx.err << fmt::format("imported {} event{} ({} unchanged, {} replaced)\n", result.added,
                         result.added == 1 ? "" : "s", result.unchanged, result.replaced);
  return kExitOk;
}

void add_events_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("events", "List, import and add events (what happened)");
  auto kind = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("--kind", *kind, "Only events of this kind (truce.extended)");
  cmd->add_flag("--json", *as_json, "One JSON object per event");
  cmd->require_subcommand(0, 1);

  auto* import = cmd->add_subcommand("import", "Import an events file (YAML); idempotent");
  auto file = std::make_shared<std::string>();
  auto replace = std::make_shared<bool>(false);
  import->add_option("FILE", *file, "The events file (claims/events.yaml)")->required();
  import->add_flag("--replace", *replace,
                   "Overwrite events whose id is in the ledger with different content");
  import->callback([&action, file, replace] {
    action = [file, replace](Context& ctx) {
      store::Database db(ctx.db_path);
  return import_events(ctx, db, *file, *replace);
};
}  // namespace hindsight::cli
);

auto* add = cmd->add_subcommand("add", "Add one event");
auto f = std::make_shared<AddFlags>();
add->add_option("--id", f->id, "A readable id (E41, busan-summit)")->required();
add->add_option("--date", f->date, "When it happened (YYYY-MM-DD)")->required();
add->add_option("--kind", f->kind, "Its kind (summit.held)")->required();
add->add_option("--end", f->end, "When it ended, for events of several days");
add->add_option("--known-on", f->known_on, "When it was reported (default: --date)");
add->add_option("--attr", f->attrs, "An attribute key=value (rate_to=10%, host=China)");
add->add_option("--source", f->sources, "A source URL");
add->add_option("--summary", f->summary, "One sentence");
add->add_option("--reliability", f->reliability, "low, medium or high");
add->callback([&action, f] { action = [f](Context& ctx) { return run_add(ctx, *f); }; });

cmd->callback([&action, cmd, kind, as_json] {
  if (!cmd->get_subcommands().empty()) return;  // import or add chose the action
  action = [kind, as_json](Context& ctx) { return run_list(ctx, *kind, *as_json); };
});
}

}  // namespace hindsight::cli
