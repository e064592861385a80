// The events timeline file (claims/events.yaml and `events import F`): a YAML list
// of dated, sourced events with typed attributes. See docs/rules.md "Events".
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "core/result.hpp"

namespace hindsight::ingest {

// What reading an events file gives: every event that was well-formed and every
// error of the file (all of them, not just the first), each with file:line:col and
// the event id. A caller that finds any error should import nothing.
struct EventsFile {
  std::vector<core::Event> events;
  std::vector<core::Error> errors;
};

// Parses the text of an events file named `file` (used in error locations). The
// document is `events: [...]` (optionally with `format: 1`). Each event has `id`,
// `date`, `kind` (required), `end`, `known_on` (defaults to `date`), `summary`,
// `attributes`, `reliability` (low|medium|high, default medium) and `sources`.
// Unknown keys, impossible dates, an `end` before `date` and duplicate ids are
// errors. Attribute values: unquoted scalars are typed by core::parse_plain_scalar
// ("10%" is a quantity, "2025-11-10" a date), quoted ones stay strings, lists are
// lists and `{value: 10, unit: "%"}` is a quantity.
EventsFile parse_events(std::string_view text, const std::string& file);

// Reads and parses the file at `path`. Throws core::Failure when it cannot be read.
EventsFile read_events_file(const std::filesystem::path& path);

// Parses one "key=value" attribute of `events add --attr`; the value is typed as an
// unquoted scalar, and "[a, b]" is a list.
core::Result<std::pair<std::string, core::Value>> parse_attribute_argument(std::string_view text);

// True when `name` is a valid event kind or attribute name: lowercase letters,
// digits, '_' and '-', in dot-separated parts.
bool is_valid_event_name(std::string_view name);

}  // namespace hindsight::ingest
