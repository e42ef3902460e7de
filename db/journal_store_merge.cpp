// The journal store's part of bundles (issue 16): the whole journal for a snapshot, and a merge
// written in one transaction (all or nothing).
#include "db/journal_store.hpp"
#include "db/migrations.hpp"
#include "db/store_internal.hpp"

namespace db {

namespace {

constexpr const char* kOverwrite = R"sql(
UPDATE episodes SET started_local = ?1, utc_offset_minutes = ?2, started_utc = ?3, local_day = ?4,
                    recorded_utc = ?5, side = ?6, pain = ?7, pain_type = ?8, onset = ?9, note = ?10,
                    medication = ?11, leg = ?13, temperature_tenths = ?14, edited_utc = ?15, deleted_utc = ?16,
                    relief = ?17
WHERE id = ?12)sql";

}  // namespace

core::Result<std::vector<core::HistoryRecord>> JournalStore::episodeHistory() {
    auto stmt = m_conn.cached("SELECT episode_uid, edited_utc, content, kept_utc FROM episode_history ORDER BY id",
                              "read the entries' history");
    if (!stmt) return stmt.error();
    StatementScope scope(**stmt);
    std::vector<core::HistoryRecord> out;
    auto r = detail::eachRow(**stmt, [&](Statement& s) {
        out.push_back({s.columnText(0), s.columnInt64(1), s.columnText(2), s.columnInt64(3)});
    });
    if (!r) return r.error();
    return out;
}

// Every field (the knee map's where and the relief rating too), the edit time and the deletion of an existing episode (a merge's result).
core::Result<void> JournalStore::overwriteEpisode(const core::Episode& e) {
    auto before = dayAndDeleted(e.id);
    if (!before) return before.error();
    if (!*before) return core::makeError(core::ErrorCode::NotFound, "There is no episode " + std::to_string(e.id));
    auto stmt = m_conn.cached(kOverwrite, "merge the entries");
    if (!stmt) return stmt.error();
    detail::bindEpisodeFields((*stmt)->reset(), e);
    const auto relief = e.relief ? std::optional<int64_t>(*e.relief) : std::nullopt;
    if (auto r = (*stmt)->bind(12, e.id).bind(16, e.deletedAtUtc).bind(17, relief).run(); !r) return r;
    if (auto r = replaceNames(e.id, e); !r) return r;
    const int64_t oldDay = (*before)->first;
    const int64_t newDay = core::daysFromCivil(e.startedAt.date);
    if (auto r = refreshDaySummary(m_conn, oldDay); !r) return r;
    if (newDay != oldDay) return refreshDaySummary(m_conn, newDay);
    return {};
}

core::Result<void> JournalStore::writeMerge(const core::MergeWrite& w) {
    for (const auto& [e, alerts] : w.add)
        if (auto id = insertEpisode(e, alerts); !id) return id.error();
    for (const core::Episode& e : w.update)
        if (auto r = overwriteEpisode(e); !r) return r;
    for (const core::Alert& a : w.addAlerts)
        if (auto r = insertAlert(a.episodeId, a); !r) return r;
    auto ack = m_conn.cached("UPDATE alerts SET acknowledged_utc = ?2 WHERE id = ?1", "merge the alerts");
    if (!ack) return ack.error();
    for (const auto& [id, at] : w.acknowledge)
        if (auto r = (*ack)->reset().bind(1, id).bind(2, at).run(); !r) return r;
    auto keep = m_conn.cached(
        "INSERT OR IGNORE INTO episode_history (episode_uid, edited_utc, content, kept_utc) VALUES (?1, ?2, ?3, ?4)",
        "keep the replaced versions");
    if (!keep) return keep.error();
    for (const core::HistoryRecord& h : w.history)
        if (auto r = (*keep)->reset().bind(1, std::string_view(h.episodeUid)).bind(2, h.editedAtUtc)
                         .bind(3, std::string_view(h.content)).bind(4, h.keptAtUtc).run();
            !r)
            return r;
    auto set = m_conn.cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        "merge the settings");
    if (!set) return set.error();
    for (const auto& [key, value] : w.settings)
        if (auto r = (*set)->reset().bind(1, std::string_view(key)).bind(2, std::string_view(value)).run(); !r) return r;
    for (const core::PegEntry& p : w.addPeg)
        if (auto id = insertPeg(p); !id) return id.error();
    return {};
}

core::Result<void> JournalStore::applyMerge(const core::MergeWrite& write) {
    auto tx = Transaction::begin(m_conn, "merge the bundle");
    if (!tx) return tx.error();
    if (auto r = writeMerge(write); !r) {
        core::Error e = r.error();
        e.message += ". Nothing was imported.";
        return e;  // the transaction rolls back
    }
    return committed(*tx);
}

}  // namespace db
