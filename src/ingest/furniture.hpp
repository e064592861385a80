// Page furniture: the lines a web page wraps around an article (photo captions, "see
// more", app-store and cookie lines, copyright lines, datelines, section tags) and
// the tests that recognise them. Each test looks at one cleaned line; the cleaner
// decides where in the article a test applies.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace hindsight::ingest {

// A photo caption: a short line that ends with a photo credit ("… encounter. AP/
// Xinhua", "… (Reuters)", "REUTERS/Jane Doe") or starts with one ("Photo: …"). Returns
// the caption without its credit (so that a copy of the caption printed without the
// credit can be recognised too), or nullopt when the line is not a caption.
std::optional<std::string> photo_caption(std::string_view line);

// True for the navigation and advertising lines of news sites: "see more", "Most
// read", "Advertisement", app-store lines ("Download on the App Store"), cookie
// lines, newsletter prompts. Only short lines qualify.
bool is_boilerplate(std::string_view line);

// True for a line that starts a site's footer ("see more", "Most read", "Related
// articles"): what follows it is other articles' headlines, not this one's text.
bool starts_footer(std::string_view line);

// The outlet named by a copyright line ("© Foreign Policy", "Copyright © 2025 Reuters.
// All rights reserved."), or nullopt when the line is not one.
std::optional<std::string> copyright_outlet(std::string_view line);

// The date of a dateline: a short line holding only a date, perhaps a time and a
// section name ("Economy 09:57 AM - 2025-07-27", "Published July 27, 2025"). Nullopt
// when the line is anything else or the date is impossible.
std::optional<core::Date> dateline_date(std::string_view line);

// The name of a byline ("By Jane Doe", "By Jane Doe and John Roe, Reuters"): a short
// line starting with "By " and a capitalised name. Nullopt for anything else.
std::optional<std::string> byline_author(std::string_view line);

// True when the first line of an article reads as its title: one line of at most
// 200 bytes and 2 to 30 words that does not end like a sentence (a question or an
// exclamation may end a title).
bool looks_like_title(std::string_view line);

// True when a line reads as body text: it ends like a sentence or has 12 words or
// more. Lines that do not, at the top or the bottom of an article, are furniture
// (section tags, the outlet's name, app prompts).
bool is_sentence_like(std::string_view line);

}  // namespace hindsight::ingest
