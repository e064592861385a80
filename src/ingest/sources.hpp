// Which files an import reads: the paths named on the command line, folders walked
// recursively in sorted order, each file with its manifest entry.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "ingest/metadata.hpp"

namespace hindsight::ingest {

// One file to read, and its manifest entry when a manifest lists it.
struct SourceFile {
  std::filesystem::path path;
  std::optional<Metadata> manifest;
};

// What plan_import found.
struct ImportPlan {
  std::vector<SourceFile> files;
  std::vector<core::Error> errors;  // missing paths, manifest errors: import nothing then
  std::size_t ignored = 0;          // files in the folders that are not articles
};

// Expands `paths`. A file is read whatever its extension (as text unless it is .md
// or .jsonl); a folder contributes its .txt, .md, .markdown and .jsonl files,
// recursively, sorted, skipping hidden ones. Metadata comes from `manifest` when
// one is named, else from the manifest beside each folder (or beside the folder of
// a named file): X.yaml for the folder X. A file named twice is read once.
ImportPlan plan_import(const std::vector<std::filesystem::path>& paths,
                       const std::optional<std::filesystem::path>& manifest);

}  // namespace hindsight::ingest
