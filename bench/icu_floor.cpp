// The floor for the extraction benchmark: read the same JSONL articles and split
// their text into sentences with ICU's BreakIterator alone — no cleaning, no
// claims, no ledger. hindsight's import + extract is measured against this.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: icu_floor ARTICLES.jsonl\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return 1;
  std::string line;
  long sentences = 0, bytes = 0, articles = 0;
  while (std::getline(in, line)) {
    auto text = nlohmann::json::parse(line).at("text").get<std::string>();
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(ut, status);
    for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) ++sentences;
    utext_close(ut);
    bytes += static_cast<long>(text.size());
    ++articles;
  }
  std::cout << articles << " articles, " << bytes << " bytes, " << sentences << " sentences\n";
  return U_FAILURE(status) ? 1 : 0;
}
