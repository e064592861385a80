// libFuzzer target: the article cleaner. Any bytes go through article_from_bytes
// (decode, mojibake repair, NFC, furniture, repeated paragraphs, metadata from the
// text) and, when they are valid UTF-8, through ingest::clean directly with and
// without Markdown. Checks what every later stage relies on: the text is valid
// UTF-8, the id is the hash of the text, and every span lies inside its text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"
#include "ingest/cleaner.hpp"
#include "ingest/reader.hpp"
#include "util/hash.hpp"

using namespace hindsight;

namespace {

void check_cleaned(const ingest::Cleaned& cleaned, std::string_view raw) {
  fuzz::require(util::is_valid_utf8(cleaned.text), "cleaned text is valid UTF-8");
  for (const auto& r : cleaned.repeats) {
    fuzz::require_span(r.kept, cleaned.text, "repeat kept span inside the text");
    for (const auto& s : r.raw) fuzz::require_span(s, raw, "repeat raw span inside the input");
  }
  if (cleaned.title) fuzz::require(util::is_valid_utf8(*cleaned.title), "title is UTF-8");
  if (cleaned.outlet) fuzz::require(util::is_valid_utf8(*cleaned.outlet), "outlet is UTF-8");
  if (cleaned.author) fuzz::require(util::is_valid_utf8(*cleaned.author), "author is UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto article = ingest::article_from_bytes(bytes, "<fuzz>");
  if (article) {
    fuzz::require(util::is_valid_utf8(article->text), "article text is valid UTF-8");
    fuzz::require(!article->text.empty(), "an article has text");
    fuzz::require(article->id == util::hex_hash(article->text), "id is the hash of the text");
    for (const auto& r : article->repeats) {
      fuzz::require_span(r.kept, article->text, "repeat kept span inside the text");
      for (const auto& s : r.raw) {
        fuzz::require_span(s, article->raw_text, "repeat raw span inside the raw text");
      }
    }
  } else {
    fuzz::require(!article.error().message.empty(), "an error has a message");
  }
  if (util::is_valid_utf8(bytes)) {
    check_cleaned(ingest::clean(bytes), bytes);
    ingest::CleanOptions markdown;
    markdown.markdown = true;
    check_cleaned(ingest::clean(bytes, markdown), bytes);
  }
  return 0;
}
