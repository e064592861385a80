#include "ingest/sources.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ingest/manifest.hpp"
#include "ingest/reader.hpp"

namespace hindsight::ingest {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) {
  auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Loads each manifest once, however many files or folders refer to it.
class Manifests {
 public:
  explicit Manifests(std::vector<core::Error>& errors) : m_errors(errors) {}

  const Manifest* get(const fs::path& path) {
    auto key = fs::absolute(path).lexically_normal();
    auto it = m_loaded.find(key);
    if (it == m_loaded.end()) it = m_loaded.emplace(key, Manifest::load(path, m_errors)).first;
    return it->second ? &*it->second : nullptr;
  }

 private:
  std::vector<core::Error>& m_errors;
  std::map<fs::path, std::optional<Manifest>> m_loaded;
};

std::vector<fs::path> walk(const fs::path& folder, std::size_t& ignored,
                           std::vector<core::Error>& errors) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (is_hidden(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    if (is_article_file(it->path()))
      files.push_back(it->path());
    else
      ++ignored;
  }
  if (ec)
    errors.push_back(core::make_error("cannot read the folder: " + ec.message(), folder.string()));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

ImportPlan plan_import(const std::vector<fs::path>& paths,
                       const std::optional<fs::path>& manifest) {
  ImportPlan plan;
  Manifests manifests(plan.errors);
  const Manifest* named = manifest ? manifests.get(*manifest) : nullptr;
  std::set<fs::path> seen;
  auto add = [&](const fs::path& file, const Manifest* m) {
    if (!seen.insert(fs::absolute(file).lexically_normal()).second) return;
    SourceFile s{file, std::nullopt};
    if (named) m = named;
    if (m) {
      if (const auto* entry = m->find(file)) s.manifest = *entry;
    }
    plan.files.push_back(std::move(s));
  };
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (fs::is_directory(status)) {
      auto beside = manifest ? std::nullopt : Manifest::beside(path);
      const Manifest* m = beside ? manifests.get(*beside) : nullptr;
      for (const auto& file : walk(path, plan.ignored, plan.errors)) add(file, m);
    } else if (fs::exists(status)) {
      auto folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
      auto beside = manifest ? std::nullopt : Manifest::beside(folder);
      add(path, beside ? manifests.get(*beside) : nullptr);
    } else {
      plan.errors.push_back(core::make_error("no such file or folder", path.string()));
    }
  }
  return plan;
}

}  // namespace hindsight::ingest
