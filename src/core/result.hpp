// Result<T>: the value of an operation that can fail because of what the user gave
// it (a malformed rule, a bad date, an unknown key). The error carries the message
// and, where there is one, the file:line:col it points at. Failures of the
// environment (I/O, a corrupt database) throw core::Failure instead (error.hpp).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace hindsight::core {

// Where in an input an error lies. line and column are 1-based; 0 means unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

// A user-caused error: a message and an optional location.
struct Error {
  std::string message;
  Location where;

  // "file:line:col: message", leaving out the parts that are unknown.
  std::string to_string() const;
};

// Holds either a T or an Error. Test with `if (r)` / `r.ok()`, read with `*r` or
// `r.value()`, and `r.error()` only when it failed.
template <class T>
class Result {
 public:
  Result(T value) : m_data(std::move(value)) {}
  Result(Error error) : m_data(std::move(error)) {}

  bool ok() const { return m_data.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(m_data);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(m_data);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(m_data));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(m_data);
  }

 private:
  std::variant<T, Error> m_data;
};

// A Result with no value: success or an Error.
using Status = Result<std::monostate>;

// The successful Status.
inline Status ok_status() {
  return Status(std::monostate{});
}

// Shorthand for building an Error with a location.
inline Error make_error(std::string message, std::string file = {}, int line = 0, int column = 0) {
  return Error{std::move(message), Location{std::move(file), line, column}};
}

}  // namespace hindsight::core
