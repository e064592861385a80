// A manifest: one YAML file giving the metadata of many article files, as
// claims/articles.yaml does for claims/articles/:
//
//   articles:
//     - file: 000_927ad39ea968246f.txt
//       title: Is This the Start of a U.S.-China Friendship?
//       outlet: Foreign Policy
//       published: 2025-07-28
//       published_basis: inferred
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ingest/metadata.hpp"

namespace hindsight::ingest {

class Manifest {
 public:
  // Loads the manifest at `path`. Entry files are relative to the folder named like
  // the manifest without ".yaml" when that folder exists (claims/articles.yaml →
  // claims/articles/), else to the manifest's own folder. Every error of the file is
  // appended to `errors` (file:line:col): YAML syntax, unknown keys, impossible dates,
  // an entry without `file`, a file listed twice or not found. Nullopt when the file
  // cannot be read or parsed at all.
  static std::optional<Manifest> load(const std::filesystem::path& path,
                                      std::vector<core::Error>& errors);

  // The manifest that goes with the folder `folder` when importing it: `folder`.yaml
  // beside it, or nullopt when there is none.
  static std::optional<std::filesystem::path> beside(const std::filesystem::path& folder);

  // The metadata of `file`, or nullptr when the manifest does not list it.
  const Metadata* find(const std::filesystem::path& file) const;

  // The manifest file.
  const std::filesystem::path& path() const { return m_path; }

  // How many files it lists.
  std::size_t size() const { return m_entries.size(); }

 private:
  std::filesystem::path m_path;
  std::map<std::filesystem::path, Metadata> m_entries;  // by absolute, normal path
};

}  // namespace hindsight::ingest
