#include "rules/expr_build.hpp"

#include <algorithm>
#include <charconv>

#include "rules/expr_check.hpp"
#include "rules/expr_functions.hpp"
#include "rules/expr_grammar.hpp"
#include "rules/expr_literals.hpp"
#include "util/suggest.hpp"

namespace hindsight::rules::detail {

namespace {

namespace g = grammar;
using PNode = tao::pegtl::parse_tree::node;

[[noreturn]] void fail(std::uint32_t offset, std::string message) {
  throw CompileError{offset, std::move(message)};
}

// A node with its operator and offsets; the builder fills in the rest.
Node make_node(Op op, std::uint32_t offset, std::uint32_t op_offset, Type type = Type::Any) {
  Node node;
  node.op = op;
  node.type = type;
  node.offset = offset;
  node.op_offset = op_offset;
  return node;
}

std::uint32_t offset_of(const PNode& n) {
  return static_cast<std::uint32_t>(n.m_begin.byte);
}

std::optional<EventField> event_field(std::string_view name) {
  static constexpr std::pair<std::string_view, EventField> kFields[] = {
      {"date", EventField::Date},
      {"end", EventField::End},
      {"known_on", EventField::KnownOn},
      {"kind", EventField::Kind},
      {"id", EventField::Id},
      {"summary", EventField::Summary},
      {"reliability", EventField::Reliability}};
  for (const auto& [text, field] : kFields)
    if (text == name) return field;
  return std::nullopt;
}

Op binary_op(std::string_view symbol) {
  static constexpr std::pair<std::string_view, Op> kOps[] = {
      {"||", Op::Or}, {"&&", Op::And}, {"==", Op::Eq}, {"!=", Op::Ne},
      {"<", Op::Lt},  {"<=", Op::Le},  {">", Op::Gt},  {">=", Op::Ge},
      {"+", Op::Add}, {"-", Op::Sub},  {"*", Op::Mul}, {"/", Op::Div}};
  for (const auto& [text, op] : kOps)
    if (text == symbol) return op;
  return Op::Add;  // unreachable: the grammar admits only the symbols above
}

class Builder {
 public:
  Builder(Expr& expr, const Scope& scope) : m_expr(expr), m_scope(scope) {}

  std::uint32_t build(const PNode& n, bool want_selection = false);

 private:
  std::uint32_t add(Node node, std::initializer_list<std::uint32_t> kids) {
    return add(std::move(node), std::vector<std::uint32_t>(kids));
  }
  std::uint32_t add(Node node, const std::vector<std::uint32_t>& kids);
  std::uint32_t literal(const PNode& n);
  std::uint32_t name(std::string_view text, std::uint32_t offset, bool want_selection);
  [[noreturn]] void unknown_name(std::string_view text, std::uint32_t offset, bool want_selection);
  std::uint32_t member(std::uint32_t base, std::string_view field, std::uint32_t dot,
                       std::uint32_t start);
  std::uint32_t call(const PNode& n);
  std::uint32_t unary(const PNode& n);
  std::uint32_t chain(const PNode& n);
  std::uint32_t postfix(const PNode& n);

  Expr& m_expr;
  const Scope& m_scope;
};

std::uint32_t Builder::add(Node node, const std::vector<std::uint32_t>& kids) {
  node.first = static_cast<std::uint32_t>(m_expr.kids.size());
  node.count = static_cast<std::uint32_t>(kids.size());
  node.cost = 1 + (node.op == Op::Call ? function_info(node.func).extra_cost : 0);
  int depth = 0;
  for (std::uint32_t k : kids) {
    m_expr.kids.push_back(k);
    node.cost += m_expr.nodes[k].cost;
    depth = std::max(depth, m_expr.nodes[k].depth);
  }
  node.depth = depth + 1;
  // Depth is a property of the whole expression, so the error points at its start.
  if (node.depth > kMaxDepth)
    fail(0, "expression nests deeper than " + std::to_string(kMaxDepth) + " levels");
  type_node(m_expr, node);
  m_expr.nodes.push_back(std::move(node));
  return static_cast<std::uint32_t>(m_expr.nodes.size() - 1);
}

std::uint32_t Builder::build(const PNode& n, bool want_selection) {
  if (n.is_type<g::name>()) return name(n.string_view(), offset_of(n), want_selection);
  if (n.is_type<g::call>()) return call(n);
  if (n.is_type<g::unary>()) return unary(n);
  if (n.is_type<g::postfix>()) return postfix(n);
  if (n.is_type<g::ternary>()) {
    Node node = make_node(Op::Cond, offset_of(n), offset_of(*n.children[1]));
    std::uint32_t c = build(*n.children[0]);
    std::uint32_t a = build(*n.children[2]);
    std::uint32_t b = build(*n.children[3]);
    return add(std::move(node), {c, a, b});
  }
  if (n.is_type<g::or_expr>() || n.is_type<g::and_expr>() || n.is_type<g::cmp_expr>() ||
      n.is_type<g::add_expr>() || n.is_type<g::mul_expr>())
    return chain(n);
  return literal(n);
}

std::uint32_t Builder::literal(const PNode& n) {
  Node node = make_node(Op::Literal, offset_of(n), offset_of(n));
  std::string_view text = n.string_view();
  if (n.is_type<g::lit_true>() || n.is_type<g::lit_false>()) {
    node.type = Type::Bool;
    node.literal = Value{n.is_type<g::lit_true>()};
  } else if (n.is_type<g::lit_null>()) {
    node.type = Type::Null;
  } else if (n.is_type<g::lit_string>()) {
    node.type = Type::String;
    node.text = unescape(text, node.offset);
  } else if (n.is_type<g::lit_date>()) {
    core::Result<core::Date> date = core::parse_date(text);
    if (!date) fail(node.offset, date.error().message);
    node.type = Type::Date;
    node.literal = Value{*date};
  } else if (n.is_type<g::lit_duration>()) {
    node.type = Type::Duration;
    node.literal = Value{parse_duration(text, node.offset)};
  } else {  // lit_number
    double number = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc()) fail(node.offset, "number '" + std::string(text) + "' is out of range");
    node.type = Type::Number;
    node.literal = Value{number};
  }
  return add(std::move(node), {});
}

std::uint32_t Builder::name(std::string_view text, std::uint32_t offset, bool want_selection) {
  if (auto slot = m_scope.field_slot(text)) {
    Node node = make_node(Op::Field, offset, offset, m_scope.fields()[*slot].type);
    node.slot = *slot;
    return add(std::move(node), {});
  }
  if (auto slot = m_scope.selection_slot(text)) {
    Node node = make_node(Op::Selection, offset, offset, Type::Selection);
    node.slot = *slot;
    return add(std::move(node), {});
  }
  std::size_t dot = text.find('.');
  std::string_view head = text.substr(0, dot);
  std::uint32_t base = 0;
  if (head == "event" && m_scope.event_allowed()) {
    base = add(make_node(Op::CurrentEvent, offset, offset, Type::Event), {});
  } else if (auto slot = m_scope.field_slot(head);
             slot && m_scope.fields()[*slot].type == Type::Event) {
    Node node = make_node(Op::Field, offset, offset, Type::Event);
    node.slot = *slot;
    base = add(std::move(node), {});
  } else if (m_scope.selection_slot(head)) {
    std::string s(head);
    std::string field(text.substr(dot + 1));
    fail(offset, "'" + s + "' is a selection, not an event: write first(" + s + ")." + field +
                     " or last(" + s + ")." + field);
  } else if (head == "event") {
    fail(offset, "'event' names the event being tested, only in a selection's attribute test");
  } else {
    unknown_name(text, offset, want_selection);
  }
  // The rest of a dotted name after an event: its fields, one after another.
  while (dot != std::string_view::npos) {
    std::size_t next = text.find('.', dot + 1);
    std::string_view field =
        text.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
    base = member(base, field, offset + static_cast<std::uint32_t>(dot), offset);
    dot = next;
  }
  return base;
}

void Builder::unknown_name(std::string_view text, std::uint32_t offset, bool want_selection) {
  std::vector<std::string> fields;
  for (const Scope::Field& f : m_scope.fields()) fields.push_back(f.name);
  const std::vector<std::string>& selections = m_scope.selections();
  if (text.find('.') != std::string_view::npos)
    fail(offset, "unknown field '" + std::string(text) + "'" + util::did_you_mean(text, fields));
  if (want_selection)
    fail(offset,
         "unknown selection '" + std::string(text) + "'" + util::did_you_mean(text, selections));
  std::vector<std::string> all = fields;
  all.insert(all.end(), selections.begin(), selections.end());
  if (m_scope.event_allowed()) all.emplace_back("event");
  fail(offset, "unknown name '" + std::string(text) + "'" + util::did_you_mean(text, all));
}

std::uint32_t Builder::member(std::uint32_t base, std::string_view field, std::uint32_t dot,
                              std::uint32_t start) {
  Node node = make_node(Op::Attribute, start, dot);
  node.text = std::string(field);
  if (auto builtin = event_field(field)) {
    node.op = Op::EventField;
    node.event_field = *builtin;
  }
  return add(std::move(node), {base});
}

std::uint32_t Builder::call(const PNode& n) {
  const PNode& fname = *n.children.front();
  std::string_view text = fname.string_view();
  const FunctionInfo* f = find_function(text);
  if (!f)
    fail(offset_of(fname), "unknown function '" + std::string(text) + "'" +
                               util::did_you_mean(text, function_names()));
  auto found = static_cast<int>(n.children.size() - 1);
  if (found < f->min_args || (f->max_args >= 0 && found > f->max_args)) {
    std::string takes =
        f->max_args < 0 ? "at least " + std::to_string(f->min_args) : std::to_string(f->min_args);
    const char* noun = f->min_args == 1 && f->max_args == 1 ? " argument" : " arguments";
    fail(offset_of(n),
         std::string(f->name) + "() takes " + takes + noun + ", found " + std::to_string(found));
  }
  std::vector<std::uint32_t> args;
  for (std::size_t i = 1; i < n.children.size(); ++i)
    args.push_back(build(*n.children[i], f->takes_selection));
  Node node = make_node(Op::Call, offset_of(n), offset_of(n));
  node.func = f->func;
  return add(std::move(node), args);
}

std::uint32_t Builder::unary(const PNode& n) {
  std::uint32_t result = build(*n.children.back());
  for (std::size_t i = n.children.size() - 1; i-- > 0;) {
    const PNode& op = *n.children[i];
    Op kind = op.is_type<g::op_not>() ? Op::Not : Op::Neg;
    Node node = make_node(kind, offset_of(op), offset_of(op));
    result = add(std::move(node), {result});
  }
  return result;
}

std::uint32_t Builder::chain(const PNode& n) {
  std::uint32_t result = build(*n.children[0]);
  for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
    const PNode& op = *n.children[i];
    Node node = make_node(binary_op(op.string_view()), offset_of(n), offset_of(op));
    std::uint32_t rhs = build(*n.children[i + 1]);
    result = add(std::move(node), {result, rhs});
  }
  return result;
}

std::uint32_t Builder::postfix(const PNode& n) {
  std::uint32_t result = build(*n.children[0]);
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const PNode& field = *n.children[i];
    result = member(result, field.string_view(), offset_of(field) - 1, offset_of(n));
  }
  return result;
}

}  // namespace

std::uint32_t build_tree(Expr& expr, const Scope& scope, const PNode& root) {
  return Builder(expr, scope).build(root);
}

}  // namespace hindsight::rules::detail
