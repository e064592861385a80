// Parsing: PEGTL builds a parse tree (it takes care of backtracking), which the
// Builder turns into the flat, typed, name-resolved node array of an Expr.
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "rules/expr_build.hpp"
#include "rules/expr_check.hpp"
#include "rules/expr_grammar.hpp"

namespace hindsight::rules::detail {

namespace {

namespace pegtl = tao::pegtl;
namespace pt = tao::pegtl::parse_tree;
namespace g = grammar;

// Counts how deep `expression` recurses, so that "((((…" cannot exhaust the stack,
// and where the string being read began, for "unterminated string".
struct ParseState {
  int depth = 0;
  std::size_t string_start = 0;
};

template <class Rule>
const char* expected_text() {
  if constexpr (std::is_same_v<Rule, g::paren_close>) return "expected ')'";
  if constexpr (std::is_same_v<Rule, g::call_close>) return "expected ',' or ')'";
  if constexpr (std::is_same_v<Rule, g::cond_colon>) return "expected ':'";
  if constexpr (std::is_same_v<Rule, g::member_name>) return "expected a field name after '.'";
  if constexpr (std::is_same_v<Rule, g::end_of_expression>)
    return "expected an operator or the end of the expression";
  if constexpr (std::is_same_v<Rule, g::dq_body> || std::is_same_v<Rule, g::sq_body>)
    return "unterminated string";
  if constexpr (std::is_same_v<Rule, g::chained_comparison>)
    return "comparisons do not chain: write 'a < b && b < c'";
  return "expected an operand";
}

template <class Rule>
struct Control : pegtl::normal<Rule> {
  template <class Input, class... States>
  [[noreturn]] static void raise(const Input& in, States&&...) {
    throw pegtl::parse_error(expected_text<Rule>(), in);
  }
};

template <>
struct Control<g::expression> : pegtl::normal<g::expression> {
  template <class Input, class... States>
  static void start(const Input& in, ParseState& state, States&&...) {
    if (++state.depth > kMaxNesting)
      throw pegtl::parse_error(
          "expression nests deeper than " + std::to_string(kMaxNesting) + " levels", in);
  }
  template <class Input, class... States>
  static void success(const Input&, ParseState& state, States&&...) {
    --state.depth;
  }
  template <class Input, class... States>
  static void failure(const Input&, ParseState& state, States&&...) {
    --state.depth;
  }
  template <class Input, class... States>
  [[noreturn]] static void raise(const Input& in, States&&...) {
    throw pegtl::parse_error(expected_text<g::expression>(), in);
  }
};

template <>
struct Control<g::lit_string> : pegtl::normal<g::lit_string> {
  template <class Input, class... States>
  static void start(const Input& in, ParseState& state, States&&...) {
    state.string_start = in.byte();
  }
};

// parse_tree calls the control hooks of selected rules only, so `expression` (which
// the depth guard needs) and `lit_string` are selected; `expression` always has one
// child and folds away.
template <class Rule>
struct Selector
    : pt::selector<
          Rule,
          pt::store_content::on<g::lit_true, g::lit_false, g::lit_null, g::lit_date,
                                g::lit_duration, g::lit_number, g::lit_string, g::name,
                                g::func_name, g::member_name, g::op_not, g::op_neg, g::op_mul,
                                g::op_add, g::op_cmp, g::op_and, g::op_or, g::op_cond, g::call>,
          pt::fold_one::on<g::expression, g::ternary, g::or_expr, g::and_expr, g::cmp_expr,
                           g::add_expr, g::mul_expr, g::unary, g::postfix>> {};

// What was found where a parse failed, for "…, found 'x'".
std::string found_at(std::string_view source, std::size_t offset) {
  if (offset >= source.size()) return "the end of the expression";
  std::size_t end = offset;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  while (end < source.size() && word(source[end])) ++end;
  if (end == offset) {
    end = offset + 1;
    static constexpr std::string_view kPairs[] = {"==", "!=", "<=", ">=", "&&", "||"};
    for (std::string_view pair : kPairs)
      if (source.substr(offset, 2) == pair) end = offset + 2;
  }
  std::string token(source.substr(offset, end - offset));
  std::string out = "'" + token + "'";
  if (token == "=") out += " (compare with '==')";
  if (token == "&" || token == "and") out += " (use '&&')";
  if (token == "|" || token == "or") out += " (use '||')";
  if (token == "not") out += " (use '!')";
  return out;
}

}  // namespace

void build(Expr& expr, const Scope& scope) {
  pegtl::memory_input in(expr.source.data(), expr.source.size(), "expression");
  ParseState state;
  std::unique_ptr<pt::node> tree;
  try {
    tree = pt::parse<g::grammar, Selector, pegtl::nothing, Control>(in, state);
  } catch (const pegtl::parse_error& e) {
    auto offset = static_cast<std::uint32_t>(e.positions().front().byte);
    std::string message(e.message());
    if (message == "unterminated string") offset = static_cast<std::uint32_t>(state.string_start);
    if (message.rfind("expected", 0) == 0) message += ", found " + found_at(expr.source, offset);
    throw CompileError{offset, message};
  }
  expr.root = build_tree(expr, scope, *tree->children.front());
}

}  // namespace hindsight::rules::detail
