// The journal store's reads, each computed in SQL. Deleted episodes (and their alerts) are left
// out everywhere except episode(id).
#include <algorithm>

#include "db/journal_store.hpp"
#include "db/store_internal.hpp"

namespace db {

namespace {

using core::Episode;

// The multi-value names travel in one row, joined by the unit separator (never in a name).
constexpr char kSeparator = '\x1f';

constexpr const char* kEpisodeColumns = R"sql(
SELECT e.id, e.started_local, e.utc_offset_minutes, e.recorded_utc, e.side, e.pain, e.pain_type, e.onset,
       e.note, e.medication, e.deleted_utc,
       (SELECT group_concat(name, char(31)) FROM episode_contexts WHERE episode_id = e.id),
       (SELECT group_concat(name, char(31)) FROM episode_symptoms WHERE episode_id = e.id),
       (SELECT group_concat(name, char(31)) FROM episode_care WHERE episode_id = e.id),
       e.leg, e.temperature_tenths, e.relief,
       (SELECT group_concat(name, char(31)) FROM episode_where WHERE episode_id = e.id),
       e.uid, e.edited_utc
FROM episodes e )sql";

// instr() rather than LIKE: the person's text needs no escaping of % and _.
const std::string kEpisodesWithNote = std::string(kEpisodeColumns) +
                                      "WHERE e.deleted_utc IS NULL AND e.local_day BETWEEN ?1 AND ?2 "
                                      "AND instr(lower(e.note), lower(?5)) > 0 "
                                      "ORDER BY e.local_day DESC, e.started_local DESC, e.id DESC LIMIT ?3 OFFSET ?4";

const std::string kEpisodeById = std::string(kEpisodeColumns) + "WHERE e.id = ?1";
const std::string kAllEpisodes = std::string(kEpisodeColumns) + "WHERE e.local_day BETWEEN ?1 AND ?2 ORDER BY e.id LIMIT ?3 OFFSET ?4";
const std::string kEpisodePage = std::string(kEpisodeColumns) +
                                 "WHERE e.deleted_utc IS NULL AND e.local_day BETWEEN ?1 AND ?2 "
                                 "ORDER BY e.local_day DESC, e.started_local DESC, e.id DESC LIMIT ?3 OFFSET ?4";

// Keyset paging, oldest first: exactly kEpisodePage's order reversed, served by the index
// episodes_by_day (local_day, started_local, id). The page after a cursor drops the range's lower
// bound (the cursor is inside the range), so SQLite seeks to the cursor rather than to the range's
// start: with both, it seeks by ?1 and walks every index entry before the cursor on every page.
const std::string kEpisodesFirst = std::string(kEpisodeColumns) +
                                   "WHERE e.deleted_utc IS NULL AND e.local_day BETWEEN ?1 AND ?2 "
                                   "ORDER BY e.local_day, e.started_local, e.id LIMIT ?3";
const std::string kEpisodesAfter = std::string(kEpisodeColumns) +
                                   "WHERE e.deleted_utc IS NULL AND e.local_day <= ?2 "
                                   "AND (e.local_day, e.started_local, e.id) > (?3, ?4, ?5) "
                                   "ORDER BY e.local_day, e.started_local, e.id LIMIT ?6";
// The same newest first (the PDF's detail pages): the first page is kEpisodePage's first; the
// page before a cursor drops the range's upper bound, so SQLite seeks to the cursor and walks the
// index backwards from there rather than from the range's end.
const std::string kEpisodesLast = std::string(kEpisodeColumns) +
                                  "WHERE e.deleted_utc IS NULL AND e.local_day BETWEEN ?1 AND ?2 "
                                  "ORDER BY e.local_day DESC, e.started_local DESC, e.id DESC LIMIT ?3";
const std::string kEpisodesBefore = std::string(kEpisodeColumns) +
                                    "WHERE e.deleted_utc IS NULL AND e.local_day >= ?1 "
                                    "AND (e.local_day, e.started_local, e.id) < (?3, ?4, ?5) "
                                    "ORDER BY e.local_day DESC, e.started_local DESC, e.id DESC LIMIT ?6";

std::vector<std::string> names(const Statement& s, int column) {
    std::vector<std::string> out = detail::splitIds(s.columnText(column), kSeparator);
    std::sort(out.begin(), out.end());
    return out;
}

core::Result<Episode> readEpisode(const Statement& s) {
    Episode e;
    e.id = s.columnInt64(0);
    if (!detail::parseLocal(s.columnText(1), e.startedAt))
        return core::makeError(core::ErrorCode::Corrupt, "Could not read episode " + std::to_string(e.id) +
                                                             " (its start time is damaged)");
    e.startedAt.offsetMinutes = s.columnInt(2);
    e.recordedAtUtc = s.columnInt64(3);
    e.side = s.columnText(4);
    e.pain = s.columnInt(5);
    e.painType = s.columnText(6);
    e.onset = s.columnText(7);
    e.note = s.columnText(8);
    e.medication = s.columnText(9);
    e.deletedAtUtc = s.columnOptionalInt64(10);
    e.when = names(s, 11);
    e.symptoms = names(s, 12);
    e.care = names(s, 13);
    e.leg = s.columnText(14);
    if (auto t = s.columnOptionalInt64(15)) e.temperatureTenths = static_cast<int>(*t);
    if (auto r = s.columnOptionalInt64(16)) e.relief = static_cast<int>(*r);
    e.where = names(s, 17);
    e.uid = s.columnText(18);
    e.editedAtUtc = s.columnInt64(19);
    return e;
}

core::Alert readAlert(const Statement& s) {
    core::Alert a;
    a.id = s.columnInt64(0);
    a.episodeId = s.columnInt64(1);
    a.level = static_cast<core::Level>(std::clamp(s.columnInt(2), 1, 4));
    a.ruleIds = detail::splitIds(s.columnText(3));
    a.fromHistory = s.columnInt(4) != 0;
    a.shownAtUtc = s.columnInt64(5);
    a.acknowledgedAtUtc = s.columnOptionalInt64(6);
    return a;
}

constexpr const char* kAlertColumns = R"sql(
SELECT a.id, a.episode_id, a.level, a.rule_ids, a.from_history, a.shown_utc, a.acknowledged_utc
FROM alerts a JOIN episodes e ON e.id = a.episode_id WHERE e.deleted_utc IS NULL )sql";

const std::string kAllAlerts = R"sql(
SELECT a.id, a.episode_id, a.level, a.rule_ids, a.from_history, a.shown_utc, a.acknowledged_utc
FROM alerts a ORDER BY a.id)sql";

const std::string kAlertsInRange =
    std::string(kAlertColumns) + "AND e.local_day BETWEEN ?1 AND ?2 ORDER BY a.shown_utc DESC, a.id DESC";
const std::string kPendingAlerts = std::string(kAlertColumns) +
                                   "AND a.acknowledged_utc IS NULL AND a.level >= ?1 "
                                   "ORDER BY a.shown_utc DESC, a.id DESC";

constexpr const char* kSideCounts = R"sql(
SELECT side, COUNT(*) FROM episodes WHERE deleted_utc IS NULL AND local_day BETWEEN ?1 AND ?2
GROUP BY side ORDER BY COUNT(*) DESC, side)sql";

constexpr const char* kPainTypeCounts = R"sql(
SELECT pain_type, COUNT(*) FROM episodes WHERE deleted_utc IS NULL AND local_day BETWEEN ?1 AND ?2
GROUP BY pain_type ORDER BY COUNT(*) DESC, pain_type)sql";

constexpr const char* kSymptomCounts = R"sql(
SELECT n.name, COUNT(*) FROM episodes e JOIN episode_symptoms n ON n.episode_id = e.id
WHERE e.deleted_utc IS NULL AND e.local_day BETWEEN ?1 AND ?2
GROUP BY n.name ORDER BY COUNT(*) DESC, n.name)sql";

constexpr const char* kContextCounts = R"sql(
SELECT n.name, COUNT(*) FROM episodes e JOIN episode_contexts n ON n.episode_id = e.id
WHERE e.deleted_utc IS NULL AND e.local_day BETWEEN ?1 AND ?2
GROUP BY n.name ORDER BY COUNT(*) DESC, n.name)sql";

constexpr const char* kWhereCounts = R"sql(
SELECT n.name, COUNT(*) FROM episodes e JOIN episode_where n ON n.episode_id = e.id
WHERE e.deleted_utc IS NULL AND e.local_day BETWEEN ?1 AND ?2
GROUP BY n.name ORDER BY COUNT(*) DESC, n.name)sql";

}  // namespace

core::Result<std::optional<Episode>> JournalStore::episode(int64_t id) {
    auto stmt = m_conn.cached(kEpisodeById, "read the episode");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    auto row = scope->bind(1, id).step();
    if (!row) return row.error();
    if (!*row) return std::optional<Episode>{};
    auto e = readEpisode(**stmt);
    if (!e) return e.error();
    return std::optional<Episode>{std::move(*e)};
}

core::Result<std::vector<Episode>> JournalStore::episodes(const core::DateRange& range, int limit, int offset) {
    return episodeRows(kEpisodePage, range, nullptr, limit, offset);
}

core::Result<std::vector<Episode>> JournalStore::episodesWithNote(const core::DateRange& range, const std::string& text,
                                                                 int limit, int offset) {
    return episodeRows(kEpisodesWithNote, range, &text, limit, offset);
}

core::Result<std::vector<Episode>> JournalStore::episodesAfter(const core::DateRange& range,
                                                              const std::optional<core::EpisodeCursor>& after,
                                                              int limit) {
    const auto [from, to] = detail::dayBounds(range);
    const int64_t afterDay = after ? core::daysFromCivil(after->startedAt.date) : from;
    const bool first = !after || afterDay < from;  // a cursor before the range starts it from the top
    auto stmt = m_conn.cached(first ? kEpisodesFirst : kEpisodesAfter, "read the episodes");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    const int cap = limit < 0 ? -1 : limit;
    if (first) scope->bind(1, from).bind(2, to).bind(3, cap);
    else
        scope->bind(2, to).bind(3, afterDay).bind(4, std::string_view(detail::formatLocal(after->startedAt)))
            .bind(5, after->id).bind(6, cap);
    return collectEpisodes(**stmt);
}

core::Result<std::vector<Episode>> JournalStore::episodesBefore(const core::DateRange& range,
                                                               const std::optional<core::EpisodeCursor>& before,
                                                               int limit) {
    const auto [from, to] = detail::dayBounds(range);
    const int64_t beforeDay = before ? core::daysFromCivil(before->startedAt.date) : to;
    const bool first = !before || beforeDay > to;  // a cursor after the range starts it from the newest
    auto stmt = m_conn.cached(first ? kEpisodesLast : kEpisodesBefore, "read the episodes");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    const int cap = limit < 0 ? -1 : limit;
    if (first) scope->bind(1, from).bind(2, to).bind(3, cap);
    else
        scope->bind(1, from).bind(3, beforeDay).bind(4, std::string_view(detail::formatLocal(before->startedAt)))
            .bind(5, before->id).bind(6, cap);
    return collectEpisodes(**stmt);
}

core::Result<std::vector<Episode>> JournalStore::episodeRows(const std::string& sql, const core::DateRange& range,
                                                            const std::string* note, int limit, int offset) {
    auto stmt = m_conn.cached(sql, "read the episodes");
    if (!stmt) return stmt.error();
    const auto [from, to] = detail::dayBounds(range);
    StatementScope scope(**stmt);
    scope->bind(1, from).bind(2, to).bind(3, limit < 0 ? -1 : limit).bind(4, std::max(offset, 0));
    if (note) scope->bind(5, std::string_view(*note));
    return collectEpisodes(**stmt);
}

// Every row of a bound kEpisodeColumns statement; the first damaged row's error, if any.
core::Result<std::vector<Episode>> JournalStore::collectEpisodes(Statement& stmt) {
    std::vector<Episode> out;
    std::optional<core::Error> bad;
    auto r = detail::eachRow(stmt, [&](Statement& s) {
        auto e = readEpisode(s);
        if (e) out.push_back(std::move(*e));
        else if (!bad) bad = e.error();
    });
    if (!r) return r.error();
    if (bad) return *bad;
    return out;
}

core::Result<int64_t> JournalStore::countEpisodes(const core::DateRange& range) {
    auto stmt = m_conn.cached(
        "SELECT COUNT(*) FROM episodes WHERE deleted_utc IS NULL AND local_day BETWEEN ?1 AND ?2",
        "count the episodes");
    if (!stmt) return stmt.error();
    const auto [from, to] = detail::dayBounds(range);
    StatementScope scope(**stmt);
    auto row = scope->bind(1, from).bind(2, to).step();
    if (!row) return row.error();
    return *row ? scope->columnInt64(0) : 0;
}

core::Result<std::vector<core::DaySummary>> JournalStore::summaryRows(int64_t from, int64_t to) {
    auto stmt = m_conn.cached(
        "SELECT local_day, episodes, max_pain, pain_sum, swelling FROM day_summary "
        "WHERE local_day BETWEEN ?1 AND ?2 ORDER BY local_day",
        "read the daily summary");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    scope->bind(1, from).bind(2, to);
    std::vector<core::DaySummary> out;
    auto r = detail::eachRow(**stmt, [&](Statement& s) {
        core::DaySummary d;
        d.day = core::civilFromDays(s.columnInt64(0));
        d.episodes = s.columnInt(1);
        d.maxPain = s.columnInt(2);
        d.meanPain = d.episodes > 0 ? static_cast<double>(s.columnInt64(3)) / d.episodes : 0.0;
        d.swelling = s.columnInt(4) != 0;
        out.push_back(d);
    });
    if (!r) return r.error();
    return out;
}

// length() counts characters and a blob's length bytes: they differ when a character is beyond ASCII.
core::Result<std::vector<std::string>> JournalStore::textsBeyondAscii() {
    auto stmt = m_conn.cached("SELECT note FROM episodes WHERE length(CAST(note AS BLOB)) <> length(note) "
                              "UNION ALL SELECT medication FROM episodes "
                              "WHERE length(CAST(medication AS BLOB)) <> length(medication)",
                              "read the notes");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    std::vector<std::string> out;
    auto r = detail::eachRow(**stmt, [&](Statement& s) { out.push_back(s.columnText(0)); });
    if (!r) return r.error();
    return out;
}

core::Result<std::vector<core::DaySummary>> JournalStore::daySummaries(const core::DateRange& range) {
    const auto [from, to] = detail::dayBounds(range);
    return summaryRows(from, to);
}

core::Result<std::vector<core::HistoryDay>> JournalStore::historyDays(core::CivilDate from, core::CivilDate to) {
    auto rows = summaryRows(core::daysFromCivil(from), core::daysFromCivil(to));
    if (!rows) return rows.error();
    std::vector<core::HistoryDay> out;
    out.reserve(rows->size());
    for (const core::DaySummary& d : *rows) out.push_back({d.day, d.episodes, d.maxPain, d.meanPain, d.swelling});
    return out;
}

core::Result<std::vector<core::NameCount>> JournalStore::nameCounts(const char* sql, const core::DateRange& range) {
    auto stmt = m_conn.cached(sql, "count the symptoms");
    if (!stmt) return stmt.error();
    const auto [from, to] = detail::dayBounds(range);
    StatementScope scope(**stmt);
    scope->bind(1, from).bind(2, to);
    std::vector<core::NameCount> out;
    auto r = detail::eachRow(**stmt, [&](Statement& s) { out.push_back({s.columnText(0), s.columnInt(1)}); });
    if (!r) return r.error();
    return out;
}

core::Result<std::vector<core::NameCount>> JournalStore::symptomCounts(const core::DateRange& range) {
    return nameCounts(kSymptomCounts, range);
}

core::Result<std::vector<core::NameCount>> JournalStore::contextCounts(const core::DateRange& range) {
    return nameCounts(kContextCounts, range);
}

core::Result<std::vector<core::NameCount>> JournalStore::sideCounts(const core::DateRange& range) {
    return nameCounts(kSideCounts, range);
}

core::Result<std::vector<core::NameCount>> JournalStore::painTypeCounts(const core::DateRange& range) {
    return nameCounts(kPainTypeCounts, range);
}

core::Result<std::vector<core::NameCount>> JournalStore::whereCounts(const core::DateRange& range) {
    return nameCounts(kWhereCounts, range);
}

core::Result<std::vector<core::Alert>> JournalStore::alertRows(const std::string& sql,
                                                              std::initializer_list<int64_t> params) {
    auto stmt = m_conn.cached(sql, "read the alerts");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    int index = 0;
    for (int64_t p : params) scope->bind(++index, p);
    std::vector<core::Alert> out;
    auto r = detail::eachRow(**stmt, [&](Statement& s) { out.push_back(readAlert(s)); });
    if (!r) return r.error();
    return out;
}

core::Result<std::vector<core::Alert>> JournalStore::alerts(const core::DateRange& range) {
    const auto [from, to] = detail::dayBounds(range);
    return alertRows(kAlertsInRange, {from, to});
}

core::Result<std::vector<core::Alert>> JournalStore::pendingAlerts(core::Level minLevel) {
    return alertRows(kPendingAlerts, {static_cast<int64_t>(minLevel)});
}

core::Result<std::vector<Episode>> JournalStore::allEpisodes() {
    return episodeRows(kAllEpisodes, core::DateRange{}, nullptr, -1, 0);
}

core::Result<std::vector<core::Alert>> JournalStore::allAlerts() { return alertRows(kAllAlerts, {}); }

core::Result<std::optional<std::string>> JournalStore::setting(const std::string& key) {
    auto stmt = m_conn.cached("SELECT value FROM settings WHERE key = ?1", "read the setting");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    auto row = scope->bind(1, std::string_view(key)).step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>{};
    return std::optional<std::string>{scope->columnText(0)};
}

}  // namespace db
