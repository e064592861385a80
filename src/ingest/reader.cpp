#include "ingest/reader.hpp"

#include "ingest/cleaner.hpp"
#include "ingest/jsonl.hpp"
#include "ingest/metadata_yaml.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

namespace hindsight::ingest {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& path) {
  return util::to_lower(path.extension().string());
}

// The end of the line that starts at `pos` (past its '\n'), or npos.
std::size_t next_line(std::string_view text, std::size_t pos) {
  auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? nl : nl + 1;
}

bool is_fence(std::string_view line, bool closing) {
  line = util::trim(line);
  return line == "---" || (closing && line == "...");
}

// Splits "---\nYAML\n---\nbody" into its metadata and the offset of the body.
// Text without front matter has empty metadata and offset 0.
core::Result<std::size_t> read_front_matter(std::string_view text, const std::string& file,
                                            Metadata& meta) {
  auto first_end = next_line(text, 0);
  if (first_end == std::string_view::npos || !is_fence(text.substr(0, first_end), false)) return 0;
  std::size_t pos = first_end;
  while (pos != std::string_view::npos && pos < text.size()) {
    auto end = next_line(text, pos);
    auto line =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (is_fence(line, true)) {
      YAML::Node root;
      try {
        root = YAML::Load(std::string(text.substr(first_end, pos - first_end)));
      } catch (const YAML::ParserException& e) {
        return core::make_error(e.msg, file, e.mark.line + 2, e.mark.column + 1);
      }
      if (root.IsNull()) return end == std::string_view::npos ? text.size() : end;
      if (!root.IsMap())
        return core::make_error("the front matter is not a map of keys", file, 2, 1);
      std::vector<core::Error> errors;
      meta = metadata_from_yaml(root, file, 1, {}, errors);
      if (!errors.empty()) return errors.front();
      return end == std::string_view::npos ? text.size() : end;
    }
    pos = end;
  }
  return core::make_error("the front matter has no closing '---'", file, 1, 1);
}

}  // namespace

FileKind file_kind(const fs::path& path) {
  auto ext = lower_extension(path);
  if (ext == ".md" || ext == ".markdown") return FileKind::Markdown;
  if (ext == ".jsonl") return FileKind::JsonLines;
  return FileKind::Text;
}

bool is_article_file(const fs::path& path) {
  auto ext = lower_extension(path);
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".jsonl";
}

core::Result<core::Article> build_article(std::string raw, std::size_t body_offset,
                                          const std::string& source, bool markdown,
                                          const Metadata& own, const Metadata* manifest,
                                          const ReadOptions& options,
                                          std::vector<std::string> notes) {
  Metadata meta = options.flags;
  fill_missing(meta, own);
  if (manifest) fill_missing(meta, *manifest);
  CleanOptions clean_options{markdown, meta.title};
  auto cleaned = clean(std::string_view(raw).substr(body_offset), clean_options);
  if (cleaned.text.empty())
    return core::make_error("no article text is left once page furniture is removed", source);
  Metadata stated;
  stated.title = cleaned.title;
  stated.outlet = cleaned.outlet;
  stated.author = cleaned.author;
  stated.published = cleaned.published;
  stated.published_basis = core::PublishedBasis::Stated;
  fill_missing(meta, stated);

  core::Article a;
  apply(meta, a);
  a.source = source;
  a.id = util::hex_hash(cleaned.text);
  a.text = std::move(cleaned.text);
  a.repeats = std::move(cleaned.repeats);
  for (auto& r : a.repeats) {
    for (auto& s : r.raw) {
      s.start += body_offset;
      s.end += body_offset;
    }
  }
  a.raw_text = std::move(raw);
  a.cleaning_notes = std::move(notes);
  for (auto& n : cleaned.notes) a.cleaning_notes.push_back(std::move(n));
  return a;
}

core::Result<core::Article> article_from_bytes(std::string_view bytes, const std::string& source,
                                               const ReadOptions& options) {
  if (bytes.size() > options.max_file_bytes) {
    return core::make_error("the text is too large (" + std::to_string(bytes.size()) +
                                " bytes; the limit is " + std::to_string(options.max_file_bytes) +
                                " bytes)",
                            source);
  }
  auto decoded = decode(bytes, source);
  if (!decoded) return decoded.error();
  return build_article(std::move(decoded->text), 0, source, false, {}, nullptr, options,
                       std::move(decoded->notes));
}

std::vector<core::Result<core::Article>> read_articles(const fs::path& path,
                                                       const Metadata* manifest,
                                                       const ReadOptions& options) {
  const std::string file = path.string();
  auto bytes = read_bytes(path, options.max_file_bytes);
  if (!bytes) return {bytes.error()};
  auto decoded = decode(*bytes, file);
  if (!decoded) return {decoded.error()};
  auto kind = file_kind(path);
  if (kind == FileKind::JsonLines) return read_json_lines(decoded->text, file, manifest, options);
  Metadata own;
  std::size_t body = 0;
  if (kind == FileKind::Markdown) {
    auto offset = read_front_matter(decoded->text, file, own);
    if (!offset) return {offset.error()};
    body = *offset;
  }
  return {build_article(std::move(decoded->text), body, file, kind == FileKind::Markdown, own,
                        manifest, options, std::move(decoded->notes))};
}

}  // namespace hindsight::ingest
