// Whole-file reading and atomic writing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hindsight::util {

// The bytes of a file, or nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Writes `bytes` to a temporary file beside `path` and renames it into place, so a
// reader never sees half a file. Throws core-independent std::runtime_error on failure.
void write_file_atomic(const std::filesystem::path& path, const std::string& bytes);

}  // namespace hindsight::util
