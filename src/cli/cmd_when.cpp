// `hindsight when PHRASE [--on DATE] [--json]` and `hindsight when --batch`: the
// time-expression normalizer of src/extract/timex*.cpp on the command line. The
// batch loop writes its JSON by hand into one reused buffer: it is benchmarked
// against chrono-node and must not allocate per line where it can avoid it.
#include <iostream>
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/when.hpp"
#include "util/text.hpp"

namespace hindsight::cli {

namespace {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : s) {
    const auto uc = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (uc < 0x20) {
      out += "\\u00";
      out.push_back(kHex[uc >> 4]);
      out.push_back(kHex[uc & 15]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void append_date(std::string& out, const std::optional<core::Date>& d) {
  if (!d) {
    out += "null";
    return;
  }
  // YYYY-MM-DD without going through a stream: this runs once per batch line.
  char buf[12];
  const int y = static_cast<int>(d->year());
  const auto m = static_cast<unsigned>(d->month());
  const auto day = static_cast<unsigned>(d->day());
  buf[0] = '"';
  buf[1] = static_cast<char>('0' + (y / 1000) % 10);
  buf[2] = static_cast<char>('0' + (y / 100) % 10);
  buf[3] = static_cast<char>('0' + (y / 10) % 10);
  buf[4] = static_cast<char>('0' + y % 10);
  buf[5] = '-';
  buf[6] = static_cast<char>('0' + m / 10);
  buf[7] = static_cast<char>('0' + m % 10);
  buf[8] = '-';
  buf[9] = static_cast<char>('0' + day / 10);
  buf[10] = static_cast<char>('0' + day % 10);
  buf[11] = '"';
  out.append(buf, sizeof buf);
}

void append_error(std::string& out, std::size_t line, std::string_view text,
                  const std::string& message) {
  out += "{\"line\":";
  out += std::to_string(line);
  out += ",\"phrase\":";
  // Invalid UTF-8 cannot go into JSON as it is.
  append_json_string(out, util::is_valid_utf8(text) ? text : std::string_view());
  out += ",\"error\":";
  append_json_string(out, message);
  out += "}\n";
}

// "2025-09-15 .. 2025-12-31  deadline, stated  (by the end of the year)"
void print_text(std::ostream& out, std::string_view phrase,
                const std::optional<extract::TimeExpression>& e) {
  if (!e) {
    out << "no time expression in \"" << phrase << "\"\n";
    return;
  }
  if (e->role == extract::TimeRole::Open) {
    out << "no interval: \"" << e->phrase << "\" speaks of the future without a date (open)\n";
    return;
  }
  out << core::format_date(*e->start) << " .. "
      << (e->end ? core::format_date(*e->end) : std::string("(open end)")) << "  "
      << extract::to_string(e->role) << ", " << core::to_string(e->basis) << "  (" << e->phrase
      << ")\n";
}

}  // namespace

void append_when_json(std::string& out, std::string_view phrase,
                      const std::optional<extract::TimeExpression>& e) {
  out += "{\"phrase\":";
  append_json_string(out, phrase);
  out += ",\"start\":";
  append_date(out, e ? e->start : std::nullopt);
  out += ",\"end\":";
  append_date(out, e ? e->end : std::nullopt);
  out += ",\"basis\":\"";
  out += e ? core::to_string(e->basis) : "none";
  out += "\",\"role\":";
  if (e) {
    out += '"';
    out += extract::to_string(e->role);
    out += '"';
  } else {
    out += "null";
  }
  out += ",\"match\":";
  if (e)
    append_json_string(out, e->phrase);
  else
    out += "null";
  out += '}';
}

std::size_t run_when_batch(std::istream& in, std::ostream& out, std::ostream& err,
                           std::optional<core::Date> default_anchor) {
  std::string line, buf;
  std::size_t number = 0, bad = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::size_t tab = line.rfind('\t');
    std::string_view phrase = line;
    std::optional<core::Date> anchor = default_anchor;
    std::string problem;
    if (!util::is_valid_utf8(line)) {
      problem = "the line is not valid UTF-8";
    } else if (tab != std::string::npos) {
      phrase = std::string_view(line).substr(0, tab);
      auto d = core::parse_date(std::string_view(line).substr(tab + 1));
      if (d)
        anchor = *d;
      else
        problem = d.error().message;
    } else if (!anchor) {
      problem = "expected 'phrase<TAB>YYYY-MM-DD'";
    }
    if (!problem.empty()) {
      ++bad;
      append_error(buf, number, line, "line " + std::to_string(number) + ": " + problem);
      err << "hindsight: <stdin>:" << number << ": " << problem << "\n";
    } else {
      append_when_json(buf, phrase, extract::normalize_time(phrase, *anchor));
      buf += '\n';
    }
    if (buf.size() > (1u << 16)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  out.flush();
  return bad;
}

void add_when_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand(
      "when",
      "Normalize a time expression against a date (the deadline conventions of docs/time.md)");
  struct Options {
    std::string phrase;
    std::string on;
    bool json = false;
    bool batch = false;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("phrase", opts->phrase, "The words, e.g. \"by the end of the year\"");
  cmd->add_option("--on", opts->on, "The date the words were said (YYYY-MM-DD; default today)");
  cmd->add_flag("--json", opts->json, "Print one JSON object");
  cmd->add_flag("--batch", opts->batch,
                "Read phrase<TAB>YYYY-MM-DD lines on stdin, write one JSON object per line");
  cmd->callback([opts, &action] {
    action = [opts](Context& ctx) {
      std::optional<core::Date> on;
      if (!opts->on.empty()) {
        auto d = core::parse_date(opts->on);
        if (!d) {
          ctx.err << "hindsight: usage error: --on: " << d.error().message << "\n";
          return kExitUsage;
        }
        on = *d;
      }
      if (opts->batch) {
        if (!opts->phrase.empty()) {
          ctx.err << "hindsight: usage error: 'when --batch' reads its phrases from stdin\n";
          return kExitUsage;
        }
        std::ios::sync_with_stdio(false);
        return run_when_batch(std::cin, ctx.out, ctx.err, on) == 0 ? kExitOk : kExitError;
      }
      if (opts->phrase.empty()) {
        ctx.err << "hindsight: usage error: 'when' needs a PHRASE (or --batch)\n";
        return kExitUsage;
      }
      const auto e = extract::normalize_time(opts->phrase, on.value_or(ctx.today));
      if (opts->json) {
        std::string buf;
        append_when_json(buf, opts->phrase, e);
        ctx.out << buf << "\n";
      } else {
        print_text(ctx.out, opts->phrase, e);
      }
      return kExitOk;
    };
  });
}

}  // namespace hindsight::cli
