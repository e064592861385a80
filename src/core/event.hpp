// Something that happened, dated and sourced.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/value.hpp"

namespace hindsight::core {

enum class Reliability { Low, Medium, High };

struct Event {
  std::string id;  // a readable slug or the timeline's own id ("E13")
  Date date;
  std::optional<Date> end;  // for events that last several days
  std::string kind;         // dotted: "truce.extended", "summit.held"
  std::map<std::string, Value> attributes;
  std::string summary;
  std::vector<std::string> sources;
  Reliability reliability = Reliability::Medium;
  Date known_on;  // when it was reported; defaults to `date`
};

const char* to_string(Reliability r);
std::optional<Reliability> reliability_from_string(std::string_view s);

}  // namespace hindsight::core
