#include "extract/yaml_reader.hpp"

#include <cstdlib>

namespace hindsight::extract::yaml {

core::Result<YAML::Node> parse(std::string_view text, const std::string& file) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return core::make_error(e.msg, file, e.mark.line + 1, e.mark.column + 1);
  }
}

core::Error error_at(const YAML::Node& node, const std::string& file, const std::string& message) {
  auto mark = node.Mark();
  if (mark.line < 0) return core::make_error(message, file);
  return core::make_error(message, file, mark.line + 1, mark.column + 1);
}

core::Status check_keys(const YAML::Node& map, const std::string& file, std::string_view what,
                        std::initializer_list<std::string_view> known) {
  if (!map.IsMap()) return error_at(map, file, std::string(what) + " must be a mapping");
  for (const auto& kv : map) {
    auto key = kv.first.as<std::string>();
    bool found = false;
    for (auto k : known) found = found || key == k;
    if (found) continue;
    std::string list;
    for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    return error_at(kv.first, file,
                    "unknown key '" + key + "' in " + std::string(what) + " (known: " + list + ")");
  }
  return core::ok_status();
}

core::Result<std::vector<std::string>> string_list(const YAML::Node& node, const std::string& file,
                                                   std::string_view key) {
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (node.IsScalar()) return std::vector<std::string>{node.as<std::string>()};
  if (!node.IsSequence())
    return error_at(node, file, "'" + std::string(key) + "' must be a list of strings");
  for (const auto& item : node) {
    if (!item.IsScalar())
      return error_at(item, file, "'" + std::string(key) + "' must be a list of strings");
    out.push_back(item.as<std::string>());
  }
  return out;
}

core::Result<std::string> string_value(const YAML::Node& node, const std::string& file,
                                       std::string_view key) {
  if (!node.IsScalar()) return error_at(node, file, "'" + std::string(key) + "' must be a string");
  return node.as<std::string>();
}

core::Result<double> number_value(const YAML::Node& node, const std::string& file,
                                  std::string_view key) {
  if (!node.IsScalar()) return error_at(node, file, "'" + std::string(key) + "' must be a number");
  auto text = node.as<std::string>();
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size())
    return error_at(node, file, "'" + std::string(key) + "' must be a number, not '" + text + "'");
  return value;
}

core::Status check_format(const YAML::Node& root, const std::string& file) {
  if (!root.IsMap()) return error_at(root, file, "expected a mapping with 'format: 1'");
  auto format = root["format"];
  if (!format) return core::make_error("missing 'format: 1'", file, 1, 1);
  if (!format.IsScalar() || format.as<std::string>() != "1")
    return error_at(
        format, file,
        "unsupported format '" + format.as<std::string>("?") + "' (this hindsight reads format 1)");
  return core::ok_status();
}

}  // namespace hindsight::extract::yaml
