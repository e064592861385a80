#include "ingest/manifest.hpp"

#include "ingest/metadata_yaml.hpp"
#include "util/file.hpp"

namespace hindsight::ingest {

namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& p) {
  return fs::absolute(p).lexically_normal();
}

fs::path base_folder(const fs::path& manifest) {
  auto beside = manifest.parent_path() / manifest.stem();
  std::error_code ec;
  if (fs::is_directory(beside, ec)) return beside;
  return manifest.parent_path();
}

}  // namespace

std::optional<fs::path> Manifest::beside(const fs::path& folder) {
  auto f = folder.has_filename() ? folder : folder.parent_path();
  auto candidate = f.parent_path() / (f.filename().string() + ".yaml");
  std::error_code ec;
  if (fs::is_regular_file(candidate, ec)) return candidate;
  return std::nullopt;
}

std::optional<Manifest> Manifest::load(const fs::path& path, std::vector<core::Error>& errors) {
  const std::string file = path.string();
  auto bytes = util::read_file(path);
  if (!bytes) {
    errors.push_back(core::make_error("cannot read the manifest", file));
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(*bytes);
  } catch (const YAML::ParserException& e) {
    errors.push_back(core::make_error(e.msg, file, e.mark.line + 1, e.mark.column + 1));
    return std::nullopt;
  }
  Manifest m;
  m.m_path = path;
  if (!root.IsMap() || !root["articles"] || !root["articles"].IsSequence()) {
    errors.push_back(core::make_error("a manifest is a map with a list 'articles'", file, 1, 1));
    return std::nullopt;
  }
  for (const auto& kv : root) {
    if (kv.first.Scalar() != "articles")
      errors.push_back(yaml_error(kv.first, file, 0,
                                  "unknown key '" + kv.first.Scalar() + "' (expected articles)"));
  }
  auto base = base_folder(path);
  for (const auto& entry : root["articles"]) {
    if (!entry.IsMap()) {
      errors.push_back(yaml_error(entry, file, 0, "an entry is a map with 'file' and metadata"));
      continue;
    }
    auto meta = metadata_from_yaml(entry, file, 0, {"file"}, errors);
    auto name = entry["file"];
    if (!name || !name.IsScalar() || name.Scalar().empty()) {
      errors.push_back(yaml_error(entry, file, 0, "the entry has no 'file'"));
      continue;
    }
    auto target = normal(base / name.Scalar());
    std::error_code ec;
    if (!fs::is_regular_file(target, ec)) {
      errors.push_back(
          yaml_error(name, file, 0, "no such file: " + (base / name.Scalar()).string()));
      continue;
    }
    if (!m.m_entries.emplace(target, meta).second)
      errors.push_back(yaml_error(name, file, 0, "'" + name.Scalar() + "' is listed twice"));
  }
  return m;
}

const Metadata* Manifest::find(const fs::path& file) const {
  auto it = m_entries.find(normal(file));
  return it == m_entries.end() ? nullptr : &it->second;
}

}  // namespace hindsight::ingest
