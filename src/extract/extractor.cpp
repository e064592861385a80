#include "extract/extractor.hpp"

#include <algorithm>

#include "extract/clauses.hpp"
#include "extract/extractor_internal.hpp"
#include "extract/factual.hpp"
#include "extract/matching.hpp"
#include "extract/names.hpp"
#include "extract/sentences.hpp"
#include "extract/speakers.hpp"
#include "util/text.hpp"

namespace hindsight::extract {

namespace {

using detail::span_of;

// One sentence, tokenized once.
struct Sentence {
  core::Span span;
  std::vector<Token> tokens;
  std::size_t paragraph = 0;
};

std::vector<Sentence> sentences_of(const core::Article& article, const Lexicon& lexicon) {
  std::vector<Sentence> out;
  const std::string& text = article.text;
  std::size_t paragraph = 0, scanned = 0;
  for (auto span : split_sentences(text, lexicon)) {
    for (; scanned < span.start; ++scanned)
      if (text[scanned] == '\n') ++paragraph;
    scanned = span.start;
    out.push_back(
        {span, tokenize(std::string_view(text).substr(span.start, span.size())), paragraph});
  }
  // The title, when the text starts with it, is a heading and not a statement.
  if (!out.empty() && !article.title.empty() &&
      util::fold_for_match(text.substr(out[0].span.start, out[0].span.size())) ==
          util::fold_for_match(article.title))
    out.erase(out.begin());
  return out;
}

// Every name in the article, so that later short mentions resolve.
NameIndex index_names(const std::vector<Sentence>& sentences, const Lexicon& lexicon) {
  NameIndex index(lexicon);
  for (const auto& s : sentences) {
    for (const auto& run : name_runs(s.tokens, lexicon)) {
      // The subject of a reporting verb, possibly with "from the Atlantic Council".
      bool subject = false;
      for (std::size_t k = run.last; k < s.tokens.size() && k < run.last + 6; ++k) {
        if (is_reporting_verb(s.tokens, k, lexicon)) {
          subject = true;
          break;
        }
        const auto& w = s.tokens[k].lower;
        if (k == run.last && w != "from" && w != "of" && w != "at" && w != ",") break;
      }
      index.add(run, s.span.start + s.tokens[run.first].start, subject);
    }
  }
  return index;
}

std::vector<std::string> topics_for(const Taxonomy& taxonomy, std::vector<Token> tokens,
                                    const std::optional<core::Speaker>& speaker, bool intention) {
  // An intention's actor is its speaker: "His tone …, expressing eagerness to visit".
  if (intention && speaker) {
    auto extra = tokenize(speaker->name);
    tokens.insert(tokens.end(), extra.begin(), extra.end());
  }
  return match_topics(taxonomy, tokens);
}

std::vector<Token> slice(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                         std::optional<TokenRange> skip = {}) {
  std::vector<Token> out;
  for (std::size_t i = first; i < last; ++i)
    if (!skip || i < skip->first || i >= skip->last) out.push_back(tokens[i]);
  return out;
}

// "…, the talks come after a series of key developments, including …": from a
// background phrase on, a clause recounts what led up to the prediction, and its
// subjects (export controls rolled back) are not what is predicted. Returns the
// index of the first token of the background, or clause.last.
std::size_t background_start(const std::vector<Token>& tokens, TokenRange clause) {
  for (std::size_t i = clause.first; i + 1 < clause.last; ++i) {
    const auto& w = tokens[i].lower;
    const auto& next = tokens[i + 1].lower;
    if ((w == "come" || w == "comes" || w == "came") && next == "after") return i;
    if (w == "in" && next == "the" && i + 3 < clause.last && tokens[i + 2].lower == "wake" &&
        tokens[i + 3].lower == "of")
      return i;
  }
  return clause.last;
}

// "Although U.S.-China tensions have dominated headlines this year, …": a leading
// subordinate clause sets the scene; its times are not the prediction's deadline.
std::optional<TokenRange> leading_subordinate(const std::vector<Token>& tokens, TokenRange clause) {
  static const char* kOpeners[] = {"although", "though", "while", "despite", "as",      "since",
                                   "because",  "after",  "amid",  "amidst",  "whereas", "even"};
  if (clause.first >= clause.last) return std::nullopt;
  bool opens = false;
  for (auto* w : kOpeners) opens = opens || tokens[clause.first].lower == w;
  if (!opens) return std::nullopt;
  for (std::size_t k = clause.first + 1; k < clause.last; ++k)
    if (tokens[k].text == ",") return TokenRange{clause.first, k};
  return std::nullopt;
}

}  // namespace

std::optional<core::Speaker> outlet_speaker(const core::Article& article) {
  if (!article.outlet.empty()) return core::Speaker{article.outlet, core::SpeakerBasis::Outlet, {}};
  if (!article.url.empty()) {
    auto s = article.url;
    if (auto p = s.find("://"); p != std::string::npos) s = s.substr(p + 3);
    s = s.substr(0, s.find('/'));
    if (s.starts_with("www.")) s = s.substr(4);
    if (!s.empty()) return core::Speaker{s, core::SpeakerBasis::Outlet, {}};
  }
  if (!article.source.empty()) {
    auto s = article.source;
    if (auto p = s.find_last_of('/'); p != std::string::npos) s = s.substr(p + 1);
    return core::Speaker{s, core::SpeakerBasis::Outlet, {}};
  }
  return std::nullopt;
}

namespace {

// A prediction without a time of its own, next to a sentence of the same paragraph
// that dates the event it is about ("The two leaders will also discuss … However, …
// at this week's summit …"), takes that event's time as its deadline (inferred).
void infer_event_deadline(core::Claim& c, const std::vector<Sentence>& sentences, std::size_t si,
                          const std::string& text) {
  for (std::size_t n : {si + 1, si - 1}) {
    if (n >= sentences.size() || sentences[n].paragraph != sentences[si].paragraph) continue;
    auto sentence =
        std::string_view(text).substr(sentences[n].span.start, sentences[n].span.size());
    if (auto e = detail::event_time(sentence, c.stated_on)) {
      c.deadline.start = e->start ? std::max(*e->start, c.stated_on) : c.stated_on;
      c.deadline.end = e->end;
      c.deadline.phrase = e->phrase;
      c.deadline.basis = core::DeadlineBasis::Inferred;
      return;
    }
  }
}

}  // namespace

Extractor::Extractor(const Lexicon& lexicon, const Taxonomy& taxonomy)
    : m_lexicon(lexicon), m_taxonomy(taxonomy), m_cues(lexicon) {}

Extraction Extractor::extract(const core::Article& article, const ExtractOptions& options) const {
  Extraction result;
  const std::string& text = article.text;
  auto sentences = sentences_of(article, m_lexicon);
  auto names = index_names(sentences, m_lexicon);
  core::Date stated_on = article.published.value_or(options.fallback_date);
  auto outlet = outlet_speaker(article);

  std::vector<core::Claim> claims;
  std::optional<core::Speaker> paragraph_quote;
  std::size_t paragraph = 0, previous_start = 0;
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const auto& s = sentences[si];
    const auto& tokens = s.tokens;
    if (s.paragraph != paragraph) paragraph_quote.reset();
    paragraph = s.paragraph;
    std::size_t window = si > 0 ? previous_start : s.span.start;
    previous_start = s.span.start;
    if (auto q = quote_speaker(tokens, m_lexicon, names, s.span.start, window)) paragraph_quote = q;
    if (tokens.empty() || tokens.back().text == "?") continue;

    auto clauses = split_clauses(tokens, m_cues);
    for (const auto& clause : clauses) {
      auto condition = find_condition(tokens, clause);
      std::vector<CueMatch> main;
      for (const auto& m : m_cues.find(tokens, clause.first, clause.last))
        if (!condition || m.last <= condition->first || m.first >= condition->last)
          main.push_back(m);
      auto span = span_of(tokens, clause, s.span.start);
      std::string clause_text = text.substr(span.start, span.size());
      // "there is a 70% chance that …" speaks of the future without a modal.
      bool prediction = (has_future_marker(main) || explicit_probability(clause_text)) &&
                        !m_cues.open_question(tokens, clause.first, clause.last);
      bool factual = !prediction && clauses.size() == 1 && main.empty() &&
                     is_factual(clause_text, slice(tokens, clause.first, clause.last));
      if (!prediction && !factual) continue;

      core::Claim c;
      c.kind = prediction ? core::ClaimKind::Prediction : core::ClaimKind::Factual;
      c.text = clause_text;
      c.article = article.id;
      c.span = span;
      c.appearances = detail::appearances_of(article, span);
      c.stated_on = stated_on;
      Confidence conf;
      if (prediction) conf = rate(tokens, main, clause_text);
      if (conf.basis == core::ProbabilityBasis::Explicit && !conf.token) {
        // The number's token, so that a quoted "70% chance" is the quote's speaker's.
        auto at = clause_text.find(conf.cue);
        std::size_t offset = span.start - s.span.start + (at == std::string::npos ? 0 : at);
        for (std::size_t k = clause.first; k < clause.last && !conf.token; ++k)
          if (tokens[k].start >= offset) conf.token = k;
      }

      SpeakerQuery q{&tokens,   clause.first, clause.last, conf.token,
                     conf.role, s.span.start, window,      paragraph_quote};
      if (factual) q.cue = clause.first;  // a factual claim's speaker is named before it
      c.speaker = find_speaker(q, m_lexicon, names);
      if (!c.speaker) c.speaker = outlet;
      bool intention = conf.role == CueRole::Intention;
      c.topics =
          topics_for(m_taxonomy,
                     slice(tokens, clause.first,
                           prediction ? background_start(tokens, clause) : clause.last, condition),
                     c.speaker, intention);
      if (prediction) {
        c.cue = conf.cue;
        c.probability = conf.probability;
        c.probability_basis = conf.basis;
        std::vector<std::pair<std::size_t, std::size_t>> skip;
        auto clause_bytes = [&](TokenRange r) {
          return std::pair{s.span.start + tokens[r.first].start - span.start,
                           s.span.start + tokens[r.last - 1].end - span.start};
        };
        if (condition) {
          c.condition =
              text.substr(s.span.start + tokens[condition->first].start,
                          tokens[condition->last - 1].end - tokens[condition->first].start);
          skip.push_back(clause_bytes(*condition));
        }
        if (auto lead = leading_subordinate(tokens, clause)) skip.push_back(clause_bytes(*lead));
        detail::fill_deadline(c, clause_text, span.start, skip, result.notes);
        if (c.deadline.basis == core::DeadlineBasis::Default)
          infer_event_deadline(c, sentences, si, text);
        TokenRange body{
            condition && condition->first == clause.first ? condition->last + 1 : clause.first,
            clause.last};
        for (auto part : find_parts(tokens, body, conf.token.value_or(body.first))) {
          auto part_span = span_of(tokens, part, s.span.start);
          core::ClaimPart p;
          p.text = text.substr(part_span.start, part_span.size());
          p.probability = c.probability;
          // A part with its own hedge ("potentially followed by …") is rated by it.
          for (const auto& m : m_cues.find(tokens, part.first, part.last))
            if (m.cue->role == CueRole::Adverb || m.cue->role == CueRole::Hedge ||
                m.cue->role == CueRole::Expectation)
              p.probability = m.negated && !m.cue->negative ? 1.0 - m.cue->point : m.cue->point;
          p.topics =
              topics_for(m_taxonomy, slice(tokens, part.first, part.last), c.speaker, intention);
          c.parts.push_back(std::move(p));
        }
      } else {
        c.deadline.basis = core::DeadlineBasis::None;
      }
      claims.push_back(std::move(c));
    }
  }
  result.claims = detail::merge_in_article(std::move(claims));
  for (auto& c : result.claims) {
    c.id = claim_id(article.id, c.kind, c.text);
    c.proposition = proposition_key(c);
  }
  return result;
}

}  // namespace hindsight::extract
