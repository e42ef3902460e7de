// The journal store's writes: every one is a single BEGIN IMMEDIATE transaction that keeps the
// episode, its names, its alerts and the per-day summary consistent.
#include "db/journal_store.hpp"

#include <charconv>
#include <cstdio>
#include <map>
#include <set>

#include "core/crypto/random.hpp"
#include "db/migrations.hpp"
#include "db/store_internal.hpp"

namespace db {

namespace detail {

std::string formatLocal(const core::LocalDateTime& t) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.date.year, t.date.month, t.date.day, t.hour,
                  t.minute, t.second);
    return buf;
}

bool parseLocal(std::string_view s, core::LocalDateTime& t) {
    if (s.size() != 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
    auto num = [&](std::size_t pos, std::size_t len, int& out) {
        const auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
        return r.ec == std::errc{} && r.ptr == s.data() + pos + len;
    };
    return num(0, 4, t.date.year) && num(5, 2, t.date.month) && num(8, 2, t.date.day) && num(11, 2, t.hour) &&
           num(14, 2, t.minute) && num(17, 2, t.second);
}

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ',';
        out += id;
    }
    return out;
}

std::vector<std::string> splitIds(std::string_view text, char separator) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto cut = text.find(separator);
        out.emplace_back(text.substr(0, cut));
        if (cut == std::string_view::npos) break;
        text.remove_prefix(cut + 1);
    }
    return out;
}

// ?1..?11, ?13..?15: the episode's fields, shared by INSERT and UPDATE (?12 differs; ?16 is the
// uid, inserted only). An edit time of 0 (not given) is the time the episode was recorded.
void bindEpisodeFields(Statement& s, const core::Episode& e) {
    s.bind(1, detail::formatLocal(e.startedAt))
        .bind(2, e.startedAt.offsetMinutes)
        .bind(3, core::toUtcSeconds(e.startedAt))
        .bind(4, core::daysFromCivil(e.startedAt.date))
        .bind(5, e.recordedAtUtc)
        .bind(6, std::string_view(e.side))
        .bind(7, e.pain)
        .bind(8, std::string_view(e.painType))
        .bind(9, std::string_view(e.onset))
        .bind(10, std::string_view(e.note))
        .bind(11, std::string_view(e.medication))
        .bind(13, std::string_view(e.leg))
        .bind(14, e.temperatureTenths ? std::optional<int64_t>(*e.temperatureTenths) : std::nullopt)
        .bind(15, e.editedAtUtc != 0 ? e.editedAtUtc : e.recordedAtUtc);
}

}  // namespace detail

namespace {

using core::Episode;

constexpr const char* kInsertEpisode = R"sql(
INSERT INTO episodes (started_local, utc_offset_minutes, started_utc, local_day, recorded_utc, side, pain,
                      pain_type, onset, note, medication, deleted_utc, leg, temperature_tenths, edited_utc, uid,
                      relief)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17))sql";

constexpr const char* kUpdateEpisode = R"sql(
UPDATE episodes SET started_local = ?1, utc_offset_minutes = ?2, started_utc = ?3, local_day = ?4,
                    recorded_utc = ?5, side = ?6, pain = ?7, pain_type = ?8, onset = ?9, note = ?10,
                    medication = ?11, leg = ?13, temperature_tenths = ?14, edited_utc = ?15
WHERE id = ?12)sql";

constexpr const char* kInsertAlert = R"sql(
INSERT INTO alerts (episode_id, level, rule_ids, from_history, shown_utc, acknowledged_utc)
VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql";

// Adding a live episode can only raise a day's count, maximum, sum and swelling flag, so the
// summary is updated in place; edits and deletions recompute the day (refreshDaySummary).
constexpr const char* kBumpDay = R"sql(
INSERT INTO day_summary (local_day, episodes, max_pain, pain_sum, swelling) VALUES (?1, 1, ?2, ?2, ?3)
ON CONFLICT (local_day) DO UPDATE SET episodes = episodes + 1, max_pain = max(max_pain, excluded.max_pain),
    pain_sum = pain_sum + excluded.pain_sum, swelling = max(swelling, excluded.swelling))sql";

struct NameTable {
    const char* insert;
    const char* remove;
    std::vector<std::string> Episode::*field;
};

constexpr NameTable kNameTables[] = {
    {"INSERT OR IGNORE INTO episode_contexts (episode_id, name) VALUES (?1, ?2)",
     "DELETE FROM episode_contexts WHERE episode_id = ?1", &Episode::when},
    {"INSERT OR IGNORE INTO episode_symptoms (episode_id, name) VALUES (?1, ?2)",
     "DELETE FROM episode_symptoms WHERE episode_id = ?1", &Episode::symptoms},
    {"INSERT OR IGNORE INTO episode_care (episode_id, name) VALUES (?1, ?2)",
     "DELETE FROM episode_care WHERE episode_id = ?1", &Episode::care},
    {"INSERT OR IGNORE INTO episode_where (episode_id, name) VALUES (?1, ?2)",
     "DELETE FROM episode_where WHERE episode_id = ?1", &Episode::where},
};

core::Result<void> checkStorable(const Episode& e) {
    if (!core::isValidDate(e.startedAt.date) || e.startedAt.date.year > 9999)
        return core::makeError(core::ErrorCode::Invalid, "Could not save the episode (its date is not a valid day)");
    return {};
}


}  // namespace

JournalStore::JournalStore(Connection conn, std::string path, bool readOnly)
    : m_conn(std::move(conn)), m_path(std::move(path)), m_readOnly(readOnly) {}

JournalStore::~JournalStore() = default;

core::Result<void> JournalStore::committed(Transaction& tx) {
    auto r = tx.commit();
    if (r) ++m_ownCommits;
    return r;
}

uint64_t JournalStore::dataVersion() {
    if (auto stmt = m_conn.cached("PRAGMA data_version", "check the journal for changes")) {
        StatementScope scope(**stmt);
        if (auto row = scope->step(); row && *row) m_lastVersion = static_cast<uint64_t>(scope->columnInt64(0));
    }
    return m_ownCommits + m_lastVersion;
}

// [SECTION] Inserting

core::Result<void> JournalStore::insertNames(int64_t id, const Episode& e) {
    for (const NameTable& table : kNameTables) {
        auto stmt = m_conn.cached(table.insert, "save the episode");
        if (!stmt) return stmt.error();
        for (const std::string& name : e.*table.field)
            if (auto r = (*stmt)->reset().bind(1, id).bind(2, std::string_view(name)).run(); !r) return r;
    }
    return {};
}

core::Result<void> JournalStore::insertAlert(int64_t episodeId, const core::Alert& a) {
    auto stmt = m_conn.cached(kInsertAlert, "save the alert");
    if (!stmt) return stmt.error();
    return (*stmt)
        ->reset()
        .bind(1, episodeId)
        .bind(2, static_cast<int>(a.level))
        .bind(3, std::string_view(detail::joinIds(a.ruleIds)))
        .bind(4, a.fromHistory ? 1 : 0)
        .bind(5, a.shownAtUtc)
        .bind(6, a.acknowledgedAtUtc)
        .run();
}

core::Result<void> JournalStore::bumpDaySummary(const Episode& e) {
    if (e.deletedAtUtc) return {};
    auto stmt = m_conn.cached(kBumpDay, "update the daily summary");
    if (!stmt) return stmt.error();
    return (*stmt)
        ->reset()
        .bind(1, core::daysFromCivil(e.startedAt.date))
        .bind(2, e.pain)
        .bind(3, e.hasSymptom("swelling") ? 1 : 0)
        .run();
}

core::Result<int64_t> JournalStore::insertEpisode(const Episode& e, const std::vector<core::Alert>& alerts) {
    if (auto r = checkStorable(e); !r) return r.error();
    auto stmt = m_conn.cached(kInsertEpisode, "save the episode");
    if (!stmt) return stmt.error();
    detail::bindEpisodeFields((*stmt)->reset(), e);
    const std::string uid = e.uid.empty() ? core::crypto::newUuid() : e.uid;  // given by a merge, else new
    const auto relief = e.relief ? std::optional<int64_t>(*e.relief) : std::nullopt;
    if (auto r = (*stmt)->bind(12, e.deletedAtUtc).bind(16, std::string_view(uid)).bind(17, relief).run(); !r)
        return r.error();
    const int64_t id = m_conn.lastInsertRowid();
    if (auto r = insertNames(id, e); !r) return r.error();
    for (const core::Alert& a : alerts)
        if (auto r = insertAlert(id, a); !r) return r.error();
    if (auto r = bumpDaySummary(e); !r) return r.error();
    return id;
}

core::Result<int64_t> JournalStore::addEpisode(const Episode& e, const std::vector<core::Alert>& alerts) {
    auto tx = Transaction::begin(m_conn, "save the episode");
    if (!tx) return tx.error();
    auto id = insertEpisode(e, alerts);
    if (!id) return id.error();
    if (auto r = committed(*tx); !r) return r.error();
    return id;
}

core::Result<void> JournalStore::addEpisodes(const EpisodeBatch& batch, std::span<const core::PegEntry> checkins) {
    auto tx = Transaction::begin(m_conn, "import the episodes");
    if (!tx) return tx.error();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto id = insertEpisode(batch[i].first, batch[i].second);
        if (!id) {
            core::Error e = id.error();
            e.message = "Entry " + std::to_string(i + 1) + " of " + std::to_string(batch.size()) + ": " + e.message +
                        ". Nothing was imported.";
            return e;
        }
    }
    for (const core::PegEntry& p : checkins)
        if (auto id = insertPeg(p); !id) return id.error();
    return committed(*tx);
}

// [SECTION] Changing

core::Result<std::optional<std::pair<int64_t, bool>>> JournalStore::dayAndDeleted(int64_t id) {
    auto stmt = m_conn.cached("SELECT local_day, deleted_utc IS NOT NULL FROM episodes WHERE id = ?1",
                              "find the episode");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    auto row = scope->bind(1, id).step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::pair<int64_t, bool>>{};
    return std::optional<std::pair<int64_t, bool>>{{scope->columnInt64(0), scope->columnInt(1) != 0}};
}

core::Result<void> JournalStore::replaceNames(int64_t id, const Episode& e) {
    for (const NameTable& table : kNameTables) {
        auto drop = m_conn.cached(table.remove, "update the episode");
        if (!drop) return drop.error();
        if (auto r = (*drop)->reset().bind(1, id).run(); !r) return r;
    }
    return insertNames(id, e);
}

core::Result<void> JournalStore::replaceAlerts(int64_t episodeId, const std::vector<core::Alert>& alerts) {
    auto list = m_conn.cached("SELECT id, rule_ids FROM alerts WHERE episode_id = ?1 AND from_history = 0",
                              "update the episode's alerts");
    if (!list) return list.error();
    std::multimap<std::string, int64_t> previous;  // rule set -> alert id
    (*list)->reset().bind(1, episodeId);
    auto read = detail::eachRow(**list, [&](Statement& s) { previous.emplace(s.columnText(1), s.columnInt64(0)); });
    if (!read) return read;
    for (const core::Alert& a : alerts) {
        auto same = a.fromHistory ? previous.end() : previous.find(detail::joinIds(a.ruleIds));
        if (same != previous.end()) {
            previous.erase(same);  // unchanged: keep the row and its acknowledgement
            continue;
        }
        if (auto r = insertAlert(episodeId, a); !r) return r;
    }
    auto drop = m_conn.cached("DELETE FROM alerts WHERE id = ?1", "update the episode's alerts");
    if (!drop) return drop.error();
    for (const auto& [rules, id] : previous)
        if (auto r = (*drop)->reset().bind(1, id).run(); !r) return r;
    return {};
}

core::Result<void> JournalStore::updateEpisode(const Episode& e, const std::vector<core::Alert>& alerts) {
    if (auto r = checkStorable(e); !r) return r;
    auto tx = Transaction::begin(m_conn, "update the episode");
    if (!tx) return tx.error();
    auto before = dayAndDeleted(e.id);
    if (!before) return before.error();
    if (!*before) return core::makeError(core::ErrorCode::NotFound, "There is no episode " + std::to_string(e.id));
    auto stmt = m_conn.cached(kUpdateEpisode, "update the episode");
    if (!stmt) return stmt.error();
    detail::bindEpisodeFields((*stmt)->reset(), e);
    if (auto r = (*stmt)->bind(12, e.id).run(); !r) return r;
    if (auto r = replaceNames(e.id, e); !r) return r;
    if (auto r = replaceAlerts(e.id, alerts); !r) return r;
    const int64_t oldDay = (*before)->first;
    const int64_t newDay = core::daysFromCivil(e.startedAt.date);
    if (auto r = refreshDaySummary(m_conn, oldDay); !r) return r;
    if (newDay != oldDay)
        if (auto r = refreshDaySummary(m_conn, newDay); !r) return r;
    return committed(*tx);
}

core::Result<void> JournalStore::setDeleted(int64_t id, std::optional<int64_t> atUtc, const char* operation,
                                            std::optional<int64_t> editedAtUtc) {
    auto tx = Transaction::begin(m_conn, operation);
    if (!tx) return tx.error();
    auto before = dayAndDeleted(id);
    if (!before) return before.error();
    if (!*before) return core::makeError(core::ErrorCode::NotFound, "There is no episode " + std::to_string(id));
    if ((*before)->second == atUtc.has_value()) return {};  // already in that state
    auto stmt = m_conn.cached("UPDATE episodes SET deleted_utc = ?2, edited_utc = coalesce(?3, edited_utc) WHERE id = ?1",
                              operation);
    if (!stmt) return stmt.error();
    if (auto r = (*stmt)->reset().bind(1, id).bind(2, atUtc).bind(3, editedAtUtc).run(); !r) return r;
    if (auto r = refreshDaySummary(m_conn, (*before)->first); !r) return r;
    return committed(*tx);
}

core::Result<void> JournalStore::softDelete(int64_t id, int64_t atUtc) {
    return setDeleted(id, atUtc, "delete the episode");
}

core::Result<void> JournalStore::undelete(int64_t id, int64_t atUtc) {
    return setDeleted(id, std::nullopt, "restore the episode", atUtc);  // a restore counts as an edit (merge_rules.md)
}

core::Result<void> JournalStore::acknowledgeAlert(int64_t alertId, int64_t atUtc) {
    auto tx = Transaction::begin(m_conn, "acknowledge the alert");
    if (!tx) return tx.error();
    auto stmt = m_conn.cached("UPDATE alerts SET acknowledged_utc = ?2 WHERE id = ?1 AND acknowledged_utc IS NULL",
                              "acknowledge the alert");
    if (!stmt) return stmt.error();
    if (auto r = (*stmt)->reset().bind(1, alertId).bind(2, atUtc).run(); !r) return r;
    if (m_conn.changes() == 0) {
        auto found = m_conn.cached("SELECT 1 FROM alerts WHERE id = ?1", "acknowledge the alert");
        if (!found) return found.error();
        StatementScope scope(**found);
        auto row = scope->bind(1, alertId).step();
        if (!row) return row.error();
        if (!*row) return core::makeError(core::ErrorCode::NotFound, "There is no alert " + std::to_string(alertId));
        return {};  // acknowledged before: the first time is kept
    }
    return committed(*tx);
}

core::Result<void> JournalStore::setSetting(const std::string& key, const std::string& value) {
    return setSettings({{key, value}});
}

core::Result<void> JournalStore::setSettings(const std::vector<std::pair<std::string, std::string>>& values) {
    auto tx = Transaction::begin(m_conn, "save the setting");
    if (!tx) return tx.error();
    auto stmt = m_conn.cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        "save the setting");
    if (!stmt) return stmt.error();
    for (const auto& [key, value] : values)
        if (auto r = (*stmt)->reset().bind(1, std::string_view(key)).bind(2, std::string_view(value)).run(); !r)
            return r;  // the transaction rolls back: nothing of the batch is stored
    return committed(*tx);
}

}  // namespace db
