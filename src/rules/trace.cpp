// Serializing a trace by hand: a resolve run writes one per claim, a million of them,
// so the JSON text is appended straight into one reused buffer (no nlohmann nodes).
// Keys are written in sorted order, as nlohmann::json would, so that a trace reads
// the same whichever way it was written.
#include "rules/trace.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace hindsight::rules {

namespace {

// The length of the valid UTF-8 sequence that starts `s` (a non-ASCII lead byte),
// or 0: overlong forms, surrogates and code points above U+10FFFF are invalid, as
// nlohmann's strict decoder has them.
std::size_t utf8_sequence_length(std::string_view s) {
  auto at = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = at(0);
  std::size_t n = c >= 0xc2 && c <= 0xdf   ? 2
                  : c >= 0xe0 && c <= 0xef ? 3
                  : c >= 0xf0 && c <= 0xf4 ? 4
                                           : 0;
  if (n == 0 || s.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i)
    if ((at(i) & 0xc0) != 0x80) return 0;
  unsigned char c1 = at(1);
  if (c == 0xe0 && c1 < 0xa0) return 0;  // overlong
  if (c == 0xed && c1 > 0x9f) return 0;  // surrogate
  if (c == 0xf0 && c1 < 0x90) return 0;  // overlong
  if (c == 0xf4 && c1 > 0x8f) return 0;  // above U+10FFFF
  return n;
}

std::string format_duration(const Duration& d) {
  if (d.months % 12 == 0 && d.months > 0 && d.days == 0) return std::to_string(d.months / 12) + "y";
  std::string out;
  if (d.months) out += std::to_string(d.months) + "m";
  if (d.days || out.empty()) out += std::to_string(d.days) + "d";
  return out;
}

// A JSON object or array being written: commas between members.
class Json {
 public:
  explicit Json(std::string& out) : m_out(out) {}

  void open_object() { open('{'); }
  void open_array() { open('['); }
  void close_object() { close('}'); }
  void close_array() { close(']'); }

  // The key of the next member of an object: a plain ASCII name, written as it is.
  void key(std::string_view k) {
    comma();
    m_out += '"';
    m_out.append(k);
    m_out.append("\":", 2);
    m_after_key = true;
  }

  void string(std::string_view s) {
    comma();
    string_text(s);
  }
  void date(const core::Date& d) {
    comma();
    m_out += '"';
    append_date(d);
    m_out += '"';
  }
  // A string written in pieces: begin_text(), then text(), raw() (ASCII that needs
  // no escaping), raw_date() and raw_integer(), then end_text().
  void begin_text() {
    comma();
    m_out += '"';
  }
  void text(std::string_view s) { escaped(s); }
  void raw(std::string_view s) { m_out.append(s); }
  void raw_date(const core::Date& d) { append_date(d); }
  void raw_integer(long long n) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    m_out.append(buf, end);
  }
  void end_text() { m_out += '"'; }
  void boolean(bool b) {
    comma();
    m_out += b ? "true" : "false";
  }
  void null() {
    comma();
    m_out += "null";
  }
  void integer(long long n) {
    comma();
    raw_integer(n);
  }
  // As nlohmann writes a double: the shortest text that reads back the same, with
  // ".0" when it would look like an integer.
  void number(double x) {
    comma();
    auto start = m_out.size();
    fmt::format_to(std::back_inserter(m_out), "{}", x);
    if (m_out.find_first_of(".eEn", start) == std::string::npos) m_out += ".0";
  }
  void strings(const std::vector<std::string>& items) {
    open_array();
    for (const auto& s : items) string(s);
    close_array();
  }

 private:
  void open(char c) {
    comma();
    m_out += c;
    m_first = true;
  }
  void close(char c) {
    m_out += c;
    m_first = false;
  }
  void comma() {
    if (m_after_key) {
      m_after_key = false;
      m_first = false;
      return;
    }
    if (!m_first) m_out += ',';
    m_first = false;
  }
  void string_text(std::string_view s) {
    m_out += '"';
    escaped(s);
    m_out += '"';
  }
  void escaped(std::string_view s);
  // YYYY-MM-DD without a temporary string (core::format_date for other years).
  void append_date(const core::Date& d) {
    int y = static_cast<int>(d.year());
    if (y < 0 || y > 9999 || !d.ok()) {
      m_out.append(core::format_date(d));
      return;
    }
    auto m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
    char t[10] = {static_cast<char>('0' + y / 1000),
                  static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10),
                  static_cast<char>('0' + y % 10),
                  '-',
                  static_cast<char>('0' + m / 10),
                  static_cast<char>('0' + m % 10),
                  '-',
                  static_cast<char>('0' + day / 10),
                  static_cast<char>('0' + day % 10)};
    m_out.append(t, sizeof t);
  }

  std::string& m_out;
  bool m_first = true;
  bool m_after_key = false;
};

void Json::escaped(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t i = 0, plain = 0;  // s[plain, i) is copied as it is, in one append
  auto flush = [&] { m_out.append(s.data() + plain, i - plain); };
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::size_t n = utf8_sequence_length(s.substr(i));
      if (n > 0) {
        i += n;
        continue;
      }
      flush();
      m_out += "\xef\xbf\xbd";  // U+FFFD for a byte that starts no valid sequence
      plain = ++i;
      continue;
    }
    flush();
    plain = ++i;
    switch (c) {
      case '"':
        m_out += "\\\"";
        break;
      case '\\':
        m_out += "\\\\";
        break;
      case '\b':
        m_out += "\\b";
        break;
      case '\f':
        m_out += "\\f";
        break;
      case '\n':
        m_out += "\\n";
        break;
      case '\r':
        m_out += "\\r";
        break;
      case '\t':
        m_out += "\\t";
        break;
      default:
        m_out += "\\u00";
        m_out += kHex[c >> 4];
        m_out += kHex[c & 15];
    }
  }
  flush();
}

const char* code_word(Rejection r) {
  switch (r) {
    case Rejection::Unknown:
      return "unknown";
    case Rejection::Attribute:
      return "attribute";
    case Rejection::Before:
      return "before";
    case Rejection::After:
      return "after";
  }
  return "?";
}

// The members of an event brief that come before `key`, in sorted order.
void event_head(Json& j, const core::Event& e) {
  j.key("date");
  j.date(e.date);
}

void event_tail(Json& j, const core::Event& e, bool with_known) {
  j.key("id");
  j.string(e.id);
  if (with_known && e.known_on != e.date) {
    j.key("known_on");
    j.date(e.known_on);
  }
}

void matched_event(Json& j, const core::Event& e) {
  j.open_object();
  event_head(j, e);
  if (e.end) {
    j.key("end");
    j.date(*e.end);
  }
  event_tail(j, e, true);
  j.key("summary");
  j.string(e.summary);
  j.close_object();
}

void rejected_event(Json& j, const RejectedEvent& r, const SelectionTrace& s,
                    const core::Date& as_of) {
  const core::Event& e = *r.event;
  j.open_object();
  j.key("code");
  j.string(code_word(r.code));
  event_head(j, e);
  bool outside = r.code == Rejection::Before || r.code == Rejection::After;
  if (outside) {
    j.key("days");
    j.integer(r.days);
  }
  if (e.end) {
    j.key("end");
    j.date(*e.end);
  }
  if (r.code == Rejection::Attribute && !r.error.empty()) {
    j.key("error");
    j.string(r.error);
  }
  event_tail(j, e, true);
  j.key("reason");
  j.begin_text();
  switch (r.code) {
    case Rejection::Unknown:
      j.raw("not yet known on ");
      j.raw_date(as_of);
      j.raw(" (reported ");
      j.raw_date(e.known_on);
      j.raw(")");
      break;
    case Rejection::Attribute:
      j.raw("attribute test failed: ");
      j.text(source(*s.selection->where));
      break;
    case Rejection::Before:
    case Rejection::After:
      j.raw("outside the window: ");
      j.raw_integer(r.days);
      j.raw(r.code == Rejection::Before ? " days before " : " days after ");
      j.raw_date(r.code == Rejection::Before ? s.from : s.to);
      break;
  }
  j.end_text();
  j.key("summary");
  j.string(e.summary);
  j.close_object();
}

void window(Json& j, const core::Date& start, const core::Date& end) {
  j.key("window");
  j.open_object();
  j.key("end");
  j.date(end);
  j.key("start");
  j.date(start);
  j.close_object();
}

void selection(Json& j, const SelectionTrace& s, const RunTrace& run, const TraceLimits& limits) {
  j.open_object();
  j.key("kind");
  j.string(s.kind);
  j.key("matched");
  j.open_array();
  std::size_t shown = 0;
  for (std::size_t i = 0; i < s.matched.size(); ++i) {
    const auto& evidence = run.result.evidence;
    bool show = i < limits.matched ||
                std::find(evidence.begin(), evidence.end(), s.matched[i]->id) != evidence.end();
    if (!show) continue;
    matched_event(j, *s.matched[i]);
    ++shown;
  }
  j.close_array();
  if (shown < s.matched.size()) {
    j.key("matched_not_shown");
    j.integer(static_cast<long long>(s.matched.size() - shown));
  }
  j.key("name");
  j.string(s.selection->name);
  j.key("rejected");
  j.open_array();
  for (const auto& r : s.rejected) rejected_event(j, r, s, run.as_of);
  j.close_array();
  if (s.rejected_not_shown > 0) {
    j.key("rejected_not_shown");
    j.integer(static_cast<long long>(s.rejected_not_shown));
  }
  if (s.selection->where) {
    j.key("where");
    j.string(source(*s.selection->where));
  }
  window(j, s.from, s.to);
  j.close_object();
}

void outcome_word(Json& j, const TraceOutcome& r) {
  if (r.decided) {
    j.string(core::to_string(r.outcome));
  } else {
    j.null();
  }
}

void run_json(Json& j, const RunTrace& run, const TraceLimits& limits) {
  const Rule& rule = *run.rule;
  j.open_object();
  j.key("clauses");
  j.open_array();
  for (std::size_t i = 0; i < run.clauses_tested && i < rule.clauses.size(); ++i) {
    const auto& clause = rule.clauses[i];
    j.open_object();
    j.key("held");
    j.boolean(run.fired && *run.fired == i);
    j.key("outcome");
    j.string(core::to_string(clause.outcome));
    j.key("when");
    j.string(clause.when ? source(*clause.when) : std::string("(always)"));
    j.close_object();
  }
  j.close_array();
  if (run.result.credit) {
    j.key("credit");
    j.number(*run.result.credit);
  }
  j.key("deadline");
  j.open_object();
  j.key("basis");
  j.string(core::to_string(run.basis));
  j.key("end");
  j.date(run.deadline_end);
  if (run.defaulted) {
    j.key("note");
    j.string("no deadline in the text: the default horizon of " +
             format_duration(rule.default_horizon) + " from " + core::format_date(run.stated_on) +
             " applies");
  }
  j.key("phrase");
  j.string(run.phrase);
  j.close_object();
  j.key("evidence");
  j.strings(run.result.evidence);
  j.key("explanation");
  j.string(run.result.explanation);
  j.key("fired");
  if (run.fired) {
    j.integer(static_cast<long long>(*run.fired));
  } else {
    j.null();
  }
  j.key("outcome");
  outcome_word(j, run.result);
  j.key("rule");
  j.string(rule.by());
  j.key("selections");
  j.open_array();
  for (const auto& s : run.selections) selection(j, s, run, limits);
  j.close_array();
  j.key("title");
  j.string(rule.title);
  j.key("topic");
  j.string(run.topic);
  window(j, run.window_start, run.window_end);
  j.close_object();
}

void trace_body(Json& j, const Trace& t, const TraceLimits& limits);

void part_json(Json& j, const PartTrace& p, const TraceLimits& limits) {
  j.open_object();
  if (!p.counted_as.empty()) {
    j.key("counted_as");
    j.string(p.counted_as);
  }
  j.key("outcome");
  j.string(p.outcome);
  j.key("part");
  j.integer(static_cast<long long>(p.index));
  j.key("text");
  j.string(p.text);
  j.key("topics");
  j.strings(p.topics);
  j.key("trace");
  trace_body(j, p.trace, limits);
  j.close_object();
}

void compound_members(Json& j, const Trace& t, const TraceLimits& limits) {
  j.key("compound");
  j.boolean(true);
  if (t.result.credit) {
    j.key("credit");
    j.number(*t.result.credit);
  }
  j.key("deadline");
  j.open_object();
  j.key("defaulted");
  j.boolean(t.deadline_defaulted);
  j.key("end");
  j.date(t.deadline_end);
  if (t.deadline_defaulted) {
    j.key("note");
    j.string("no deadline in the text: the default horizon applies to the whole");
  }
  j.close_object();
  if (t.result.decided) {
    j.key("decided_by");
    j.string(t.decided_by);
    j.key("evidence");
    j.strings(t.result.evidence);
    j.key("explanation");
    j.string(t.result.explanation);
  }
  if (!t.note.empty()) {
    j.key("note");
    j.string(t.note);
  }
  j.key("outcome");
  outcome_word(j, t.result);
  j.key("parts");
  j.open_array();
  for (const auto& p : t.parts) part_json(j, p, limits);
  j.close_array();
}

void single_members(Json& j, const Trace& t, const TraceLimits& limits) {
  if (!t.no_rule) {
    if (t.result.credit) {
      j.key("credit");
      j.number(*t.result.credit);
    }
    if (!t.decided_by.empty()) {
      j.key("decided_by");
      j.string(t.decided_by);
    }
    j.key("evidence");
    j.strings(t.result.evidence);
    j.key("explanation");
    j.string(t.result.explanation);
  } else {
    j.key("note");
    j.string(t.note);
  }
  if (!t.no_rule) {
    j.key("outcome");
    outcome_word(j, t.result);
  }
  j.key("runs");
  j.open_array();
  for (const auto& run : t.runs) run_json(j, run, limits);
  j.close_array();
  if (t.no_rule) {
    j.key("topics");
    j.strings(t.topics);
  }
}

void trace_body(Json& j, const Trace& t, const TraceLimits& limits) {
  j.open_object();
  if (t.as_of) {
    j.key("as_of");
    j.date(*t.as_of);
  }
  if (!t.claim.empty() || t.as_of) {
    j.key("claim");
    j.string(t.claim);
  }
  if (t.compound) {
    compound_members(j, t, limits);
  } else {
    single_members(j, t, limits);
  }
  j.close_object();
}

}  // namespace

void append_trace_json(std::string& out, const Trace& trace, const TraceLimits& limits) {
  Json j(out);
  trace_body(j, trace, limits);
}

std::string trace_json_text(const Trace& trace, const TraceLimits& limits) {
  std::string out;
  out.reserve(2048);
  append_trace_json(out, trace, limits);
  return out;
}

nlohmann::json trace_json(const Trace& trace, const TraceLimits& limits) {
  return nlohmann::json::parse(trace_json_text(trace, limits));
}

}  // namespace hindsight::rules
