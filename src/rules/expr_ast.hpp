// The compiled form of an expression (private to the expression language): a flat
// array of nodes whose children are index ranges, so that evaluation walks plain
// arrays and every name has been resolved to a slot, an event field or an
// attribute key before the first evaluation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rules/expr.hpp"

namespace hindsight::rules::detail {

// What a node does. Literals and names are leaves; the rest take children.
enum class Op : std::uint8_t {
  Literal,       // a null, boolean, number, string, date or duration constant
  Field,         // a Scope field, by slot
  Selection,     // a Scope selection, by slot
  CurrentEvent,  // `event` inside a selection's attribute test
  EventField,    // a built-in field of the event child: date, end, known_on, …
  Attribute,     // an attribute of the event child, by name
  Not,
  Neg,
  And,
  Or,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Add,
  Sub,
  Mul,
  Div,
  Cond,  // c ? a : b
  Call,
};

// The built-in fields of an event; any other name is an attribute.
enum class EventField : std::uint8_t { Date, End, KnownOn, Kind, Id, Summary, Reliability };

// The built-in functions.
enum class Func : std::uint8_t { Exists, Count, First, Last, Min, Max, Clamp, Days, Abs, Contains };

// One node. `offset` is the byte offset of the node's first character in the
// source and `op_offset` that of its operator (for errors that blame it).
struct Node {
  Op op = Op::Literal;
  Type type = Type::Any;
  std::uint32_t offset = 0;
  std::uint32_t op_offset = 0;
  std::uint32_t first = 0;  // children: kids[first, first + count)
  std::uint32_t count = 0;
  std::size_t slot = 0;  // Field, Selection
  EventField event_field = EventField::Date;
  Func func = Func::Exists;
  std::string text;  // string literal, attribute name, or the name as written
  Value literal;     // Literal; a string literal is read from `text` instead
  int cost = 0;      // of the subtree
  int depth = 0;     // of the subtree
};

// A compile error inside the expression, before it gets its file location.
struct CompileError {
  std::uint32_t offset = 0;
  std::string message;
};

// A run-time error (a wrongly typed attribute, a division by zero), likewise.
struct RuntimeError {
  std::uint32_t offset = 0;
  std::string message;
};

}  // namespace hindsight::rules::detail

namespace hindsight::rules {

// See expr.hpp. Built by compile(), then immutable.
class Expr {
 public:
  std::string source;
  core::Location where;
  std::vector<detail::Node> nodes;
  std::vector<std::uint32_t> kids;
  std::uint32_t root = 0;
  Type type = Type::Any;      // the static type of the root
  Type expected = Type::Any;  // what the caller asked for; checked again at run time
  int total_cost = 0;

  // The file location of a byte offset in `source`.
  core::Location locate(std::uint32_t offset) const;

  // The index of node n's i-th child.
  std::uint32_t kid(const detail::Node& n, std::uint32_t i) const { return kids[n.first + i]; }
};

}  // namespace hindsight::rules
