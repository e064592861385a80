// The PEGTL grammar of the expression language (private to it; only expr_parse.cpp
// includes it). Precedence, loosest first: ?:, ||, &&, comparisons (which do not
// chain), + -, * /, prefix ! and -, then postfix .field on calls and parentheses.
#pragma once

#include <tao/pegtl.hpp>

namespace hindsight::rules::grammar {

using namespace tao::pegtl;

struct expression;

struct ws : star<space> {};
struct ident_other : sor<alnum, one<'_'>> {};
struct ident : seq<sor<alpha, one<'_'>>, star<ident_other>> {};

struct lit_true : keyword<'t', 'r', 'u', 'e'> {};
struct lit_false : keyword<'f', 'a', 'l', 's', 'e'> {};
struct lit_null : keyword<'n', 'u', 'l', 'l'> {};
struct lit_date
    : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<ident_other>> {};
struct lit_duration : seq<plus<plus<digit>, one<'d', 'w', 'm', 'y'>>, not_at<ident_other>> {};
struct lit_number : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};
struct escaped : seq<one<'\\'>, any> {};
struct dq_body : until<one<'"'>, sor<escaped, any>> {};
struct sq_body : until<one<'\''>, sor<escaped, any>> {};
struct lit_string : sor<if_must<one<'"'>, dq_body>, if_must<one<'\''>, sq_body>> {};

struct name : seq<ident, star<one<'.'>, ident>> {};
struct func_name : ident {};
struct call_close : one<')'> {};
struct args : opt<expression, ws, star<one<','>, ws, must<expression>, ws>> {};
struct call : seq<func_name, ws, if_must<one<'('>, ws, args, ws, call_close>> {};
struct paren_close : one<')'> {};
struct paren : if_must<one<'('>, ws, expression, ws, paren_close> {};

struct primary : sor<paren, lit_date, lit_duration, lit_number, lit_string, lit_true, lit_false,
                     lit_null, call, name> {};
struct member_name : ident {};
struct member : seq<one<'.'>, must<member_name>> {};
struct postfix : seq<primary, star<member>> {};

struct op_not : seq<one<'!'>, not_at<one<'='>>> {};
struct op_neg : one<'-'> {};
struct operand : sor<postfix> {};  // named for "expected an operand"
struct unary : seq<star<sor<op_not, op_neg>, ws>, operand> {};

struct op_mul : one<'*', '/'> {};
struct mul_expr : seq<unary, star<ws, op_mul, ws, must<unary>>> {};
struct op_add : one<'+', '-'> {};
struct add_expr : seq<mul_expr, star<ws, op_add, ws, must<mul_expr>>> {};
struct op_cmp : sor<string<'=', '='>, string<'!', '='>, string<'<', '='>, string<'>', '='>,
                    one<'<'>, one<'>'>> {};
struct chained_comparison : success {};
struct cmp_expr : seq<add_expr, opt<ws, op_cmp, ws, must<add_expr>>,
                      opt<ws, at<op_cmp>, raise<chained_comparison>>> {};
struct op_and : string<'&', '&'> {};
struct and_expr : seq<cmp_expr, star<ws, op_and, ws, must<cmp_expr>>> {};
struct op_or : string<'|', '|'> {};
struct or_expr : seq<and_expr, star<ws, op_or, ws, must<and_expr>>> {};
struct op_cond : one<'?'> {};
struct cond_colon : one<':'> {};
struct ternary
    : seq<or_expr,
          opt<ws, op_cond, ws, must<expression>, ws, must<cond_colon>, ws, must<expression>>> {};
struct expression : seq<ternary> {};

struct end_of_expression : eof {};
struct grammar : seq<ws, must<expression>, ws, must<end_of_expression>> {};

}  // namespace hindsight::rules::grammar
