#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "ingest/decode.hpp"

using namespace hindsight;

TEST_SUITE("ingest.decode") {
  TEST_CASE("UTF-8 is kept as it is and a byte order mark is removed") {
    auto d = ingest::decode("\xEF\xBB\xBFPrices rose 5\xE2\x80\xAF%.", "a.txt");
    REQUIRE(d.ok());
    CHECK(d->text == "Prices rose 5\xE2\x80\xAF%.");
    CHECK(d->notes.empty());
  }

  TEST_CASE("an empty or blank file is an error naming the file") {
    for (const char* bytes : {"", "  \n\n\t \r\n"}) {
      auto d = ingest::decode(bytes, "empty.txt");
      REQUIRE_FALSE(d.ok());
      CHECK(d.error().to_string() == "empty.txt: the file is empty");
    }
  }

  TEST_CASE("a file with a NUL byte is binary") {
    std::string bytes("PK\x03\x04\0\0rest", 10);
    auto d = ingest::decode(bytes, "a.zip.txt");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().to_string() == "a.zip.txt: a binary file, not text (a NUL byte at offset 4)");
  }

  TEST_CASE("a file of mostly control bytes is binary") {
    std::string bytes = "ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f";
    auto d = ingest::decode(bytes, "x.txt");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().to_string() ==
          "x.txt: a binary file, not text (10 of 12 bytes are control bytes)");
  }

  TEST_CASE("Windows-1252 text is converted with a note") {
    auto d = ingest::decode("Beijing\x92s \x93great rebalancing\x94 costs \xA3" "5bn", "w.txt");
    REQUIRE(d.ok());
    CHECK(d->text == "Beijing’s “great rebalancing” costs £5bn");
    CHECK(d->notes == std::vector<std::string>{"decoded from Windows-1252: the file is not UTF-8"});
  }

  TEST_CASE("invalid UTF-8 mixed with valid UTF-8 is an error with its line and byte offset") {
    auto d = ingest::decode("First line ’ok’\nthen caf\xE9 bad", "m.txt");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().to_string() == "m.txt:2:9: invalid UTF-8 (byte 0xE9 at offset 28)");
  }

  TEST_CASE("bytes Windows-1252 leaves undefined are not taken for it") {
    auto d = ingest::decode("odd \x81 byte", "u.txt");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().to_string() == "u.txt:1:5: invalid UTF-8 (byte 0x81 at offset 4)");
  }

  TEST_CASE("UTF-16 with a byte order mark is converted") {
    std::string bytes("\xFF\xFEH\0i\0!\0", 8);
    auto d = ingest::decode(bytes, "w16.txt");
    REQUIRE(d.ok());
    CHECK(d->text == "Hi!");
    CHECK(d->notes == std::vector<std::string>{"decoded from UTF-16LE"});
  }

  TEST_CASE("a file over the size limit is refused before it is read") {
    auto path = std::filesystem::temp_directory_path() / "hindsight-a-big.txt";
    {
      std::ofstream out(path);
      out << std::string(2000, 'x');
    }
    auto r = ingest::read_bytes(path, 1000);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().to_string() ==
          path.string() +
              ": the file is too large (2000 bytes; the limit is 1000 bytes, see --max-file-size)");
    CHECK(ingest::read_bytes(path, 2000).ok());
    std::filesystem::remove(path);
  }

  TEST_CASE("a missing file is an error naming it") {
    auto r = ingest::read_bytes("/nonexistent/a.txt", 1000);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().to_string() ==
          "/nonexistent/a.txt: cannot read the file: No such file or directory");
  }
}
