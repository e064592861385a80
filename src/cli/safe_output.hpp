// Guarding what hindsight prints: text from articles, events and notes is untrusted
// and may hold terminal control sequences (ESC [2J clears the screen, ESC ] sets the
// window title) or bidirectional overrides (U+202E shows "exe.txt" as "txt.exe").
// Every byte written to stdout and stderr goes through a SafeOutput, which prints
// such characters as visible escapes ("\u001b", "\u202e"). The escape is JSON's own
// notation, so a JSON line keeps its meaning; tab, line feed and carriage return
// pass (CSV rows end in CRLF).
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace hindsight::cli {

// While it lives, `stream` writes through it: control characters are escaped as
// util::escape_controls() does, even when a UTF-8 sequence is split across writes. The
// stream's own buffer is restored when it is destroyed.
class SafeOutput : public std::streambuf {
 public:
  explicit SafeOutput(std::ostream& stream);
  ~SafeOutput() override;
  SafeOutput(const SafeOutput&) = delete;
  SafeOutput& operator=(const SafeOutput&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void put(char c);
  void emit(std::string_view bytes);
  void flush_pending();

  std::ostream& m_stream;
  std::streambuf* m_target;
  std::string m_pending;  // the start of a UTF-8 sequence that may need escaping
};

}  // namespace hindsight::cli
