// `hindsight export yaml`: the reviewed claims of the ledger as diffable YAML, one
// file per article (claims/ledger/<article id>.yaml) beside a marker file
// ledger.yaml that tells `hindsight import` the folder is a ledger. The format is
// described in docs/scores.md "The YAML ledger"; ingest/ledger_yaml.hpp reads it back.
#pragma once

#include <string>

#include "core/ledger.hpp"

namespace hindsight::report {

// The name of the marker file of a ledger folder.
inline constexpr const char* kLedgerMarker = "ledger.yaml";

// The text of the marker file: `format: 1` and a comment on what the folder is.
std::string ledger_marker_yaml();

// The file name of an article's ledger file: "<article id>.yaml".
std::string ledger_file_name(const core::LedgerArticle& article);

// One ledger file: the article's metadata, then its claims in the given order, each
// with every field of the claim, its reviews and its resolutions (oldest first).
// Deterministic: the same ledger always gives the same bytes. Trace and review
// changes (JSON in the database) are written as YAML structures, strings always
// quoted so that "10" stays a string and 10 a number on the way back.
std::string ledger_yaml(const core::LedgerArticle& article);

}  // namespace hindsight::report
