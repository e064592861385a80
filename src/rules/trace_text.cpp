#include "rules/trace_text.hpp"

#include <fmt/format.h>

namespace hindsight::rules {

namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return "";
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

void event_line(std::string& out, const std::string& pad, const char* label, const json& e) {
  std::string when = str(e, "date");
  if (e.contains("end")) when += "…" + str(e, "end");
  out += fmt::format("{}{:<9}{} {}", pad, label, str(e, "id"), when);
  if (e.contains("reason")) out += "  " + str(e, "reason");
  if (e.contains("error")) out += " (" + str(e, "error") + ")";
  out += "\n";
  if (!str(e, "summary").empty()) out += pad + "         " + str(e, "summary") + "\n";
}

void run_text(std::string& out, const json& run, const std::string& pad) {
  out += fmt::format("{}{} — {}\n", pad, str(run, "rule"), str(run, "title"));
  const auto& deadline = run["deadline"];
  out +=
      fmt::format("{}  deadline {} ({}{})\n", pad, str(deadline, "end"), str(deadline, "basis"),
                  str(deadline, "phrase").empty() ? "" : ": \"" + str(deadline, "phrase") + "\"");
  if (deadline.contains("note")) out += pad + "  " + str(deadline, "note") + "\n";
  if (run.contains("window"))
    out += fmt::format("{}  window {} … {}\n", pad, str(run["window"], "start"),
                       str(run["window"], "end"));
  for (const auto& s : run.value("selections", json::array())) {
    out += fmt::format("{}  selection '{}': {} events{}, window {} … {}\n", pad, str(s, "name"),
                       str(s, "kind").empty() ? "(no kind)" : str(s, "kind"),
                       s.contains("where") ? " where " + str(s, "where") : "",
                       str(s["window"], "start"), str(s["window"], "end"));
    if (s["matched"].empty() && s["rejected"].empty()) out += pad + "    (no events)\n";
    for (const auto& e : s["matched"]) event_line(out, pad + "    ", "matched", e);
    for (const auto& e : s["rejected"]) event_line(out, pad + "    ", "rejected", e);
  }
  std::size_t i = 0;
  json fired = run.value("fired", json());
  for (const auto& c : run.value("clauses", json::array())) {
    bool is_fired = fired.is_number() && fired.get<std::size_t>() == i;
    out +=
        fmt::format("{}  {}. {:<9} when {}  → {}{}\n", pad, ++i, str(c, "outcome"), str(c, "when"),
                    c["held"].get<bool>() ? "holds" : "does not hold", is_fired ? "  (fired)" : "");
  }
  if (!fired.is_number()) out += pad + "  no clause holds: the claim stays open\n";
}

}  // namespace

std::string trace_to_text(const json& trace, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out;
  if (trace.contains("note")) out += pad + str(trace, "note") + "\n";
  if (trace.value("compound", false)) {
    const auto& deadline = trace["deadline"];
    out += fmt::format(
        "{}compound prediction: credit by the share of its parts that came true, "
        "deadline {}\n",
        pad, str(deadline, "end"));
    if (deadline.contains("note")) out += pad + str(deadline, "note") + "\n";
    for (const auto& part : trace["parts"]) {
      out += fmt::format("{}part {}: \"{}\" → {}{}\n", pad, str(part, "part"), str(part, "text"),
                         str(part, "outcome"),
                         part.contains("counted_as") ? " (" + str(part, "counted_as") + ")" : "");
      out += trace_to_text(part["trace"], indent + 4);
    }
    return out;
  }
  for (const auto& run : trace.value("runs", json::array())) run_text(out, run, pad);
  return out;
}

}  // namespace hindsight::rules
