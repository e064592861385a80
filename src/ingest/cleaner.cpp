#include "ingest/cleaner.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "ingest/furniture.hpp"
#include "ingest/markdown.hpp"
#include "ingest/mojibake.hpp"
#include "ingest/normalize.hpp"
#include "util/text.hpp"

namespace hindsight::ingest {

namespace {

// A line or a paragraph: its normalized text and where it stood in the raw text.
struct Block {
  std::string text;
  core::Span raw;
  bool heading = false;
  bool dropped = false;
};

// Quotes a paragraph in a note, cut to a readable length on a character boundary.
std::string quote(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return fmt::format("\"{}\"", text);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("\"{}…\"", text.substr(0, cut));
}

std::vector<Block> read_lines(std::string_view raw, bool markdown, Cleaned& out) {
  MojibakeReport mojibake;
  NormalizeCounts counts;
  std::vector<Block> lines;
  std::size_t pos = 0;
  while (pos <= raw.size()) {
    auto nl = raw.find('\n', pos);
    if (nl == std::string_view::npos) nl = raw.size();
    auto line = raw.substr(pos, nl - pos);
    auto content = util::trim(line);
    std::size_t start =
        content.empty() ? pos : static_cast<std::size_t>(content.data() - raw.data());
    Block b;
    b.raw = {start, start + content.size()};
    std::string text = repair_mojibake(content, mojibake);
    if (markdown) text = markdown_to_text(text, b.heading);
    b.text = normalize_line(text, counts);
    lines.push_back(std::move(b));
    pos = nl + 1;
  }
  for (auto& note : mojibake.notes()) out.notes.push_back(std::move(note));
  if (counts.invisible > 0)
    out.notes.push_back(
        fmt::format("removed {} invisible characters (zero-width, soft hyphen)", counts.invisible));
  if (counts.composed > 0)
    out.notes.push_back(fmt::format("composed {} lines to Unicode NFC", counts.composed));
  return lines;
}

bool is_list_item(std::string_view s) {
  if (s.starts_with("- ") || s.starts_with("* ") || s.starts_with("• ")) return true;
  auto dot = s.find_first_not_of("0123456789");
  return dot > 0 && dot != std::string_view::npos && dot + 1 < s.size() &&
         (s[dot] == '.' || s[dot] == ')') && s[dot + 1] == ' ';
}

// Hard-wrapped text (lines of at most ~120 bytes, paragraphs separated by blank
// lines) has its lines joined into paragraphs; otherwise every line is a paragraph,
// as in text copied from a web page.
bool is_hard_wrapped(const std::vector<Block>& lines) {
  std::size_t longest = 0;
  int nonempty = 0;
  bool blank_between = false;
  bool continued = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty()) {
      blank_between = blank_between || nonempty > 0;
      continue;
    }
    ++nonempty;
    longest = std::max(longest, lines[i].text.size());
    if (i > 0 && !lines[i - 1].text.empty() && lines[i - 1].text.size() >= 40) continued = true;
  }
  return nonempty >= 3 && blank_between && continued && longest <= 120;
}

std::vector<Block> paragraphs(std::vector<Block> lines) {
  bool wrapped = is_hard_wrapped(lines);
  std::vector<Block> out;
  bool open = false;  // whether the next line may continue out.back()
  for (auto& line : lines) {
    if (line.text.empty()) {
      open = false;
      continue;
    }
    bool join = wrapped && open && !out.back().heading && out.back().text.size() >= 40 &&
                !line.heading && !is_list_item(line.text);
    if (join) {
      out.back().text += ' ' + line.text;
      out.back().raw.end = line.raw.end;
    } else {
      out.push_back(std::move(line));
    }
    open = true;
  }
  return out;
}

void find_title(std::vector<Block>& paras, const CleanOptions& options, Cleaned& out) {
  if (paras.size() < 2) return;
  auto& first = paras.front();
  bool given = options.known_title &&
               util::fold_for_match(first.text) == util::fold_for_match(*options.known_title);
  bool furniture = photo_caption(first.text) || dateline_date(first.text) ||
                   copyright_outlet(first.text) || is_boilerplate(first.text);
  if (given || first.heading || (!furniture && looks_like_title(first.text))) {
    out.title = first.text;
    first.dropped = true;
    out.notes.push_back("the first line is the title: " + quote(first.text));
  }
}

void drop_furniture(std::vector<Block>& paras, Cleaned& out) {
  std::set<std::string> captions;
  for (auto& p : paras) {
    if (p.dropped) continue;
    if (auto caption = photo_caption(p.text)) {
      p.dropped = true;
      out.notes.push_back("dropped a photo caption: " + quote(p.text));
      if (!caption->empty()) captions.insert(*caption);
    } else if (auto outlet = copyright_outlet(p.text)) {
      p.dropped = true;
      if (!out.outlet) out.outlet = *outlet;
      out.notes.push_back("dropped a copyright line naming the outlet: " + quote(p.text));
    } else if (is_boilerplate(p.text)) {
      p.dropped = true;
      out.notes.push_back("dropped a site line: " + quote(p.text));
    }
  }
  // Sites often print the caption twice: under the photo with its credit and again
  // as the image's text without it.
  for (auto& p : paras) {
    if (!p.dropped && captions.count(p.text)) {
      p.dropped = true;
      out.notes.push_back("dropped a copy of a photo caption: " + quote(p.text));
    }
  }
}

// Short lines that do not read as sentences, before the first and after the last
// line that does, are the page's header and footer (section tags, the outlet's
// name, app prompts); a dateline among them gives the published date.
void drop_header_and_footer(std::vector<Block>& paras, Cleaned& out) {
  auto body = [](const Block& p) { return !p.dropped && is_sentence_like(p.text); };
  std::size_t first = 0;
  while (first < paras.size() && !body(paras[first])) ++first;
  if (first == paras.size()) return;  // no sentence at all: keep everything
  std::size_t last = paras.size() - 1;
  while (!body(paras[last])) --last;
  // A footer marker ("see more") followed only by short lines ends the article too.
  for (std::size_t i = first + 1; i <= last; ++i) {
    if (paras[i].dropped || !starts_footer(paras[i].text)) continue;
    bool short_after = true;
    for (std::size_t j = i + 1; j < paras.size(); ++j)
      short_after = short_after && (paras[j].dropped || paras[j].text.size() <= 150);
    if (short_after) {
      while (last >= i) --last;
      break;
    }
  }
  for (std::size_t i = 0; i < paras.size(); ++i) {
    auto& p = paras[i];
    if (p.dropped || (i >= first && i <= last)) continue;
    p.dropped = true;
    auto date = i < first ? dateline_date(p.text) : std::nullopt;
    auto author = i < first ? byline_author(p.text) : std::nullopt;
    if (author && !out.author) {
      out.author = *author;
      out.notes.push_back("the byline " + quote(p.text) + " gives the author");
    } else if (date && !out.published) {
      out.published = *date;
      out.notes.push_back(fmt::format("the dateline {} gives the published date {}", quote(p.text),
                                      core::format_date(*date)));
    } else {
      out.notes.push_back(
          fmt::format("dropped {} furniture: {}", i < first ? "header" : "footer", quote(p.text)));
    }
  }
}

void assemble(const std::vector<Block>& paras, Cleaned& out) {
  std::map<std::string, std::size_t> first_of;  // paragraph text → index in `kept`
  std::vector<core::Span> kept;
  std::vector<std::vector<core::Span>> raws;
  for (const auto& p : paras) {
    if (p.dropped) continue;
    auto [it, fresh] = first_of.emplace(p.text, kept.size());
    if (!fresh) {
      raws[it->second].push_back(p.raw);
      continue;
    }
    if (!out.text.empty()) out.text += "\n\n";
    kept.push_back({out.text.size(), out.text.size() + p.text.size()});
    raws.push_back({p.raw});
    out.text += p.text;
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (raws[i].size() < 2) continue;
    out.repeats.push_back({kept[i], raws[i]});
    out.notes.push_back(
        fmt::format("kept once a paragraph printed {} times: {}", raws[i].size(),
                    quote(std::string_view(out.text).substr(kept[i].start, kept[i].size()))));
  }
}

}  // namespace

Cleaned clean(std::string_view raw, const CleanOptions& options) {
  Cleaned out;
  auto paras = paragraphs(read_lines(raw, options.markdown, out));
  find_title(paras, options, out);
  drop_furniture(paras, out);
  drop_header_and_footer(paras, out);
  assemble(paras, out);
  return out;
}

}  // namespace hindsight::ingest
