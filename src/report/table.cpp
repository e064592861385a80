#include "report/table.hpp"

#include <algorithm>

#include "report/escape.hpp"

namespace hindsight::report {

Table::Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}

void Table::add(std::vector<std::string> row) {
  row.resize(m_columns.size());
  m_rows.push_back(std::move(row));
}

std::string Table::text() const {
  std::vector<std::size_t> widths;
  for (const auto& c : m_columns) widths.push_back(display_width(c.header));
  std::vector<std::vector<std::string>> safe;
  for (const auto& row : m_rows) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < row.size(); ++i) {
      cells.push_back(terminal_safe(row[i]));
      widths[i] = std::max(widths[i], display_width(cells.back()));
    }
    safe.push_back(std::move(cells));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      bool last = i + 1 == cells.size();
      // The last column is not padded on the right: no trailing blanks.
      out += last && !m_columns[i].right ? cells[i] : pad(cells[i], widths[i], m_columns[i].right);
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> headers, rules;
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    headers.push_back(m_columns[i].header);
    rules.push_back(std::string(widths[i], '-'));
  }
  std::string out = line(headers) + line(rules);
  for (const auto& cells : safe) out += line(cells);
  return out;
}

std::string Table::markdown() const {
  std::string out = "|";
  for (const auto& c : m_columns) out += " " + markdown_escape(c.header) + " |";
  out += "\n|";
  for (const auto& c : m_columns) out += c.right ? " --: |" : " --- |";
  out += "\n";
  for (const auto& row : m_rows) {
    out += "|";
    for (const auto& cell : row) out += " " + markdown_escape(cell) + " |";
    out += "\n";
  }
  return out;
}

}  // namespace hindsight::report
