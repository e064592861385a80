// A scorecard's reads: three sequential scans joined in memory by claim id. SQLite's
// own ways to pick each claim's latest verdict (a correlated subquery, or a grouped
// subquery behind an automatic index) cost 2–4 µs per claim in B-tree searches; a
// scan of the resolutions in id order into a hash map costs a tenth of that.
#include "store/score_rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/failure.hpp"

namespace hindsight::store {

namespace {

// What the claims' scan needs from the other tables, per claim id.
// Zeroed memory for a hash table's slots, in 2 MiB pages where the kernel gives them
// (transparent huge pages on request): with 4 KiB pages every probe of a 128 MiB
// table at a million claims also missed the TLB, and the page walk, not the cache
// miss, was the cost (prefetching alone won 10 %; with huge pages it wins the rest).
template <class T>
class Slots {
 public:
  explicit Slots(std::size_t n) : m_size(n) {
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    std::size_t bytes = (n * sizeof(T) + kHuge - 1) / kHuge * kHuge;
    m_data = static_cast<T*>(std::aligned_alloc(kHuge, bytes));
    if (!m_data) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(m_data, bytes, MADV_HUGEPAGE);  // advice: failure only means small pages
#endif
    std::memset(static_cast<void*>(m_data), 0, bytes);
  }
  ~Slots() {
    std::free(m_data);
  }
  Slots(const Slots&) = delete;
  Slots& operator=(const Slots&) = delete;

  void swap(Slots& other) noexcept {
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
  }
  std::size_t size() const {
    return m_size;
  }
  T& operator[](std::size_t i) {
    return m_data[i];
  }
  const T& operator[](std::size_t i) const {
    return m_data[i];
  }

 private:
  T* m_data = nullptr;
  std::size_t m_size = 0;
};

// How many rows are read ahead of the hash-table work, for prefetch to pay off.
constexpr std::size_t kBatch = 16;

// Claim id → its verdict and list, open addressing with the id inside a 32-byte slot
// (ids up to 16 bytes; longer ones in an arena) and what is rare (a credit, a list) in
// a side array: one cache miss per lookup where std::unordered_map, with a node and a
// string per entry, took four or five — 40 % of the whole scorecard at 1 M — and half
// the memory of a 64-byte slot (zeroing fresh pages was 16 % of the time with those).
class ExtraMap {
 public:
  // What a slot keeps beside its id.
  struct Slot {
    std::uint32_t tag = 0;     // the hash's high half, never 0; 0: empty
    std::uint8_t size = 0;     // the id's length; 255: longer, in the arena at `at`
    std::int8_t outcome = -1;  // a core::Outcome; -1: none
    std::uint8_t pad[2] = {};
    char key[16] = {};
    std::uint32_t at = 0;
    std::uint32_t side = 0;  // index + 1 into the side array; 0: none
  };
  // The rare part of an entry.
  struct Side {
    std::optional<double> credit;
    std::uint32_t list_at = 0;
    std::uint32_t list_size = 0;
  };

  // Sized for about `expected` entries, so that it need not grow while read.
  explicit ExtraMap(std::size_t expected) : m_slots(capacity_for(expected)) {}

  // The hash find and get take: computed ahead, so that prefetch can bring the slot
  // in while the rows before it are handled.
  static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

  void prefetch(std::uint64_t h) const { __builtin_prefetch(&m_slots[h & mask()]); }

  // The slot of `id` (whose hash is h), or nullptr.
  Slot* find(std::string_view id, std::uint64_t h) {
    auto t = tag(h);
    for (auto i = h & mask();; i = (i + 1) & mask()) {
      auto& s = m_slots[i];
      if (s.tag == 0) return nullptr;
      if (s.tag == t && key(s) == id) return &s;
    }
  }

  // The slot of `id` (whose hash is h), added empty when missing.
  Slot& get(std::string_view id, std::uint64_t h) {
    if (auto* s = find(id, h)) return *s;
    if ((m_size + 1) * 2 > m_slots.size()) grow();
    auto i = h & mask();
    while (m_slots[i].tag != 0) i = (i + 1) & mask();
    auto& s = m_slots[i];
    s = Slot{};
    s.tag = tag(h);
    if (id.size() <= sizeof(s.key)) {
      s.size = static_cast<std::uint8_t>(id.size());
      id.copy(s.key, id.size());
    } else {
      s.size = kLong;
      s.at = static_cast<std::uint32_t>(m_arena.size());
      m_arena.append(id);
      m_arena.push_back('\0');
    }
    ++m_size;
    return s;
  }

  // The side part of `s`, added when missing.
  Side& side(Slot& s) {
    if (s.side == 0) {
      m_side.emplace_back();
      s.side = static_cast<std::uint32_t>(m_side.size());
    }
    return m_side[s.side - 1];
  }
  const Side* side(const Slot& s) const { return s.side == 0 ? nullptr : &m_side[s.side - 1]; }

 private:
  static constexpr std::uint8_t kLong = 255;

  static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1; }
  std::size_t mask() const { return m_slots.size() - 1; }
  static std::size_t capacity_for(std::size_t expected) {
    std::size_t n = 1u << 12;
    while (n < expected * 2) n *= 2;
    return n;
  }
  std::string_view key(const Slot& s) const {
    if (s.size != kLong) return {s.key, s.size};
    return {m_arena.data() + s.at};  // NUL-terminated: ids hold no NUL
  }
  void grow() {
    Slots<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    for (std::size_t k = 0; k < old.size(); ++k) {
      const auto& s = old[k];
      if (s.tag == 0) continue;
      auto i = hash(key(s)) & mask();
      while (m_slots[i].tag != 0) i = (i + 1) & mask();
      m_slots[i] = s;
    }
  }

  Slots<Slot> m_slots;
  std::vector<Side> m_side;
  std::string m_arena;
  std::size_t m_size = 0;
};

// A statement on the C API: SQLiteCpp's Column objects share ownership of the
// statement (an atomic count per column read), too dear at millions of reads.
class Raw {
 public:
  Raw(SQLite::Database& db, const char* sql) : m_db(db.getHandle()) {
    if (sqlite3_prepare_v2(m_db, sql, -1, &m_st, nullptr) != SQLITE_OK) fail();
  }
  ~Raw() { sqlite3_finalize(m_st); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  void bind(int i, const std::string& value) {
    if (sqlite3_bind_text(m_st, i, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
      fail();
  }

  // True while there is a row.
  bool step() {
    int rc = sqlite3_step(m_st);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }

  sqlite3_stmt* get() const { return m_st; }

 private:
  [[noreturn]] void fail() const {
    throw core::Failure(std::string("cannot read the claims: ") + sqlite3_errmsg(m_db));
  }

  sqlite3* m_db;
  sqlite3_stmt* m_st = nullptr;
};

// A text column. Its length by strlen, not sqlite3_column_bytes: each API call takes
// the connection's mutex, and the texts read here (ids, names, dates, outcomes)
// hold no NUL.
std::string_view text(sqlite3_stmt* st, int col) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
  if (!p) return {};
  return {p};
}

bool is_null(sqlite3_stmt* st, int col) {
  return sqlite3_column_type(st, col) == SQLITE_NULL;
}

std::optional<double> optional_real(sqlite3_stmt* st, int col) {
  if (is_null(st, col)) return std::nullopt;
  return sqlite3_column_double(st, col);
}

core::Date date(std::string_view s, const char* what) {
  auto d = core::parse_date(s);
  if (!d)
    throw core::Failure(std::string("corrupt ") + what + " in the ledger: " + d.error().message);
  return *d;
}

// The current verdict of every claim that has one as of `as_of`: rows come in id
// order, so the last one seen for a claim is its latest (LedgerIo::claims' rule).
void read_verdicts(SQLite::Database& db, const std::string& as_of, ExtraMap& extras) {
  Raw q(db,
        "SELECT claim_id, outcome, credit FROM resolutions "
        "WHERE state = 'confirmed' AND as_of <= ?1 ORDER BY id");
  q.bind(1, as_of);
  sqlite3_stmt* st = q.get();
  struct Pending {
    std::string id;
    std::uint64_t hash = 0;
    std::optional<core::Outcome> outcome;
    std::optional<double> credit;
  };
  std::array<Pending, kBatch> batch;
  for (bool more = true; more;) {
    std::size_t n = 0;
    while (n < kBatch && (more = q.step())) {
      auto& p = batch[n++];
      p.id.assign(text(st, 0));
      p.hash = ExtraMap::hash(p.id);
      extras.prefetch(p.hash);
      p.outcome = core::outcome_from_string(text(st, 1));
      p.credit = optional_real(st, 2);
    }
    // In id order still: a later verdict of the same claim overwrites an earlier one.
    for (std::size_t i = 0; i < n; ++i) {
      const auto& p = batch[i];
      auto& slot = extras.get(p.id, p.hash);
      slot.outcome = p.outcome ? static_cast<std::int8_t>(*p.outcome) : std::int8_t{-1};
      if (p.credit || slot.side != 0) extras.side(slot).credit = p.credit;
    }
  }
}

// Each claim's topics or appearance articles, as indexes into `names`, in `flat`.
void read_lists(SQLite::Database& db, ScoreList list, ExtraMap& extras,
                std::vector<std::string>& names, std::vector<std::uint32_t>& flat) {
  if (list == ScoreList::None) return;
  Raw q(db, list == ScoreList::Topics
                ? "SELECT claim_id, topic FROM claim_topics ORDER BY claim_id, topic"
                : "SELECT claim_id, article_id FROM appearances ORDER BY claim_id, article_id");
  sqlite3_stmt* st = q.get();
  std::map<std::string, std::uint32_t, std::less<>> interned;
  std::string current;
  ExtraMap::Side* extra = nullptr;
  while (q.step()) {
    auto id = text(st, 0);
    if (!extra || id != current) {
      current.assign(id);
      extra = &extras.side(extras.get(current, ExtraMap::hash(current)));
      extra->list_at = static_cast<std::uint32_t>(flat.size());
      extra->list_size = 0;
    }
    auto name = text(st, 1);
    auto it = interned.find(name);
    if (it == interned.end()) {
      it = interned.emplace(std::string(name), static_cast<std::uint32_t>(names.size())).first;
      names.emplace_back(name);
    }
    flat.push_back(it->second);
    ++extra->list_size;
  }
}

// A claim's row, copied out of SQLite so that the slot of its verdict can be
// prefetched while the rows before it are handled.
struct Pending {
  std::string id, article, speaker;
  bool has_speaker = false;
  core::SpeakerBasis basis = core::SpeakerBasis::Outlet;
  std::int64_t span_start = 0;
  core::Date stated_on;
  std::optional<double> probability;
  std::optional<core::Date> deadline_end;
  std::uint64_t hash = 0;
};

void read_claim(sqlite3_stmt* st, Pending& p, const ExtraMap& extras) {
  p.id.assign(text(st, 0));
  p.hash = ExtraMap::hash(p.id);
  extras.prefetch(p.hash);
  p.article.assign(text(st, 1));
  p.span_start = sqlite3_column_int64(st, 2);
  p.has_speaker = !is_null(st, 3);
  p.basis = core::SpeakerBasis::Outlet;
  if (p.has_speaker) {
    p.speaker.assign(text(st, 3));
    // LedgerIo's rule: a named speaker without a known basis speaks for the outlet.
    p.basis = core::speaker_basis_from_string(text(st, 4)).value_or(core::SpeakerBasis::Outlet);
  }
  p.stated_on = date(text(st, 5), "claim date");
  p.probability = optional_real(st, 6);
  p.deadline_end.reset();
  if (!is_null(st, 7)) p.deadline_end = date(text(st, 7), "deadline");
}

}  // namespace

ScoreRows::ScoreRows(Database& db) : m_db(db) {}

void ScoreRows::scan(const core::Date& as_of, ScoreList list,
                     const std::function<void(const ScoreRow&)>& each) {
  try {
    auto& db = m_db.sql();
    std::string day = core::format_date(as_of);
    // Entries are claims (a verdict or a list each): the largest rowid bounds them.
    ExtraMap extras(static_cast<std::size_t>(
        std::max<std::int64_t>(0, db.execAndGet("SELECT max(rowid) FROM claims").getInt64())));
    read_verdicts(db, day, extras);
    std::vector<std::string> names;
    std::vector<std::uint32_t> flat;
    read_lists(db, list, extras, names, flat);

    Raw q(db,
          "SELECT id, article_id, span_start, speaker_name, speaker_basis, stated_on, "
          "probability, deadline_end FROM claims "
          "WHERE kind = 'prediction' AND review <> 'rejected' AND stated_on <= ?1");
    q.bind(1, day);
    sqlite3_stmt* st = q.get();
    std::array<Pending, kBatch> batch;
    std::vector<std::string_view> row_list;
    ScoreRow row;
    for (bool more = true; more;) {
      std::size_t n = 0;
      while (n < kBatch && (more = q.step())) read_claim(st, batch[n++], extras);
      for (std::size_t i = 0; i < n; ++i) {
        const auto& p = batch[i];
        row.id = p.id;
        row.article = p.article;
        row.span_start = p.span_start;
        row.speaker.reset();
        if (p.has_speaker) row.speaker = p.speaker;
        row.basis = p.basis;
        row.stated_on = p.stated_on;
        row.probability = p.probability;
        row.deadline_end = p.deadline_end;
        row.outcome.reset();
        row.credit.reset();
        row_list.clear();
        if (const auto* slot = extras.find(p.id, p.hash)) {
          if (slot->outcome >= 0) row.outcome = static_cast<core::Outcome>(slot->outcome);
          if (const auto* extra = extras.side(*slot)) {
            row.credit = extra->credit;
            for (std::uint32_t k = 0; k < extra->list_size; ++k)
              row_list.push_back(names[flat[extra->list_at + k]]);
          }
        }
        row.list = row_list;
        each(row);
      }
    }
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read the claims: ") + e.what());
  }
}

std::map<std::string, OpenText> ScoreRows::open_texts(const std::vector<std::string>& ids) {
  try {
    std::map<std::string, OpenText> out;
    SQLite::Statement q(m_db.sql(), "SELECT text, deadline_phrase FROM claims WHERE id = ?1");
    for (const auto& id : ids) {
      q.reset();
      q.bind(1, id);
      if (q.executeStep())
        out[id] = OpenText{q.getColumn(0).getString(), q.getColumn(1).getString()};
    }
    return out;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read the claims: ") + e.what());
  }
}

}  // namespace hindsight::store
