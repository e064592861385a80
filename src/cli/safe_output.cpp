#include "cli/safe_output.hpp"

#include "util/controls.hpp"

namespace hindsight::cli {

namespace {

bool is_continuation(unsigned char u) {
  return (u & 0xC0) == 0x80;
}

}  // namespace

SafeOutput::SafeOutput(std::ostream& stream) : m_stream(stream), m_target(stream.rdbuf()) {
  m_stream.rdbuf(this);
}

SafeOutput::~SafeOutput() {
  flush_pending();
  m_stream.rdbuf(m_target);
}

SafeOutput::int_type SafeOutput::overflow(int_type c) {
  if (!traits_type::eq_int_type(c, traits_type::eof())) put(traits_type::to_char_type(c));
  return traits_type::not_eof(c);
}

std::streamsize SafeOutput::xsputn(const char* s, std::streamsize n) {
  for (std::streamsize i = 0; i < n; ++i) put(s[i]);
  return n;
}

int SafeOutput::sync() {
  return m_target->pubsync();
}

void SafeOutput::emit(std::string_view bytes) {
  m_target->sputn(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void SafeOutput::flush_pending() {
  emit(util::escape_controls(m_pending));
  m_pending.clear();
}

void SafeOutput::put(char c) {
  auto u = static_cast<unsigned char>(c);
  if (!m_pending.empty()) {
    if (!is_continuation(u)) {
      flush_pending();  // not a sequence that needs escaping: as it was
    } else {
      m_pending += c;
      auto lead = static_cast<unsigned char>(m_pending[0]);
      std::size_t length = lead == 0xC2 ? 2 : 3;
      if (m_pending.size() == length) flush_pending();
      return;
    }
  }
  // 0xC2 starts C1 controls, 0xE2 the bidirectional controls: wait for the rest.
  if (u == 0xC2 || u == 0xE2) {
    m_pending += c;
    return;
  }
  if (util::is_hidden_control(u))
    emit(util::escape_controls(std::string_view(&c, 1)));
  else
    m_target->sputc(c);
}

}  // namespace hindsight::cli
