// A plain table of text cells, rendered aligned for the terminal or as a GFM
// Markdown table. Cells are escaped for the target here, so callers pass raw text.
#pragma once

#include <string>
#include <vector>

namespace hindsight::report {

// A column: its header and whether its cells are right-aligned (numbers).
struct Column {
  std::string header;
  bool right = false;
};

class Table {
 public:
  // A table with these columns; rows with fewer cells are padded with empty ones.
  explicit Table(std::vector<Column> columns);

  // Appends a row of raw cell texts.
  void add(std::vector<std::string> row);

  // Aligned columns separated by two spaces, a header line and a rule of dashes;
  // control characters in cells become spaces (terminal_safe).
  std::string text() const;

  // A GFM table; every cell markdown_escape'd, right-aligned columns marked "--:".
  std::string markdown() const;

 private:
  std::vector<Column> m_columns;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace hindsight::report
