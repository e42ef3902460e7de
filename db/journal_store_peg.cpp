// The journal store's PEG weekly check-ins and medication relief ratings (schema v5).
#include "db/journal_store.hpp"
#include "db/store_internal.hpp"

namespace db {

core::Result<void> JournalStore::setRelief(int64_t episodeId, std::optional<int> relief, int64_t atUtc) {
    auto tx = Transaction::begin(m_conn, "save the relief rating");
    if (!tx) return tx.error();
    // The rating is part of the entry's content: it counts as an edit (issue 16, merge_rules.md).
    auto stmt = m_conn.cached("UPDATE episodes SET relief = ?2, edited_utc = ?3 WHERE id = ?1", "save the relief rating");
    if (!stmt) return stmt.error();
    const auto value = relief ? std::optional<int64_t>(*relief) : std::nullopt;
    if (auto r = (*stmt)->reset().bind(1, episodeId).bind(2, value).bind(3, atUtc).run(); !r) return r;
    if (m_conn.changes() == 0)
        return core::makeError(core::ErrorCode::NotFound, "There is no episode " + std::to_string(episodeId));
    return committed(*tx);
}

// One check-in, inside the caller's transaction (addPeg, a merge).
core::Result<int64_t> JournalStore::insertPeg(const core::PegEntry& p) {
    if (!core::isValidDate(p.at.date) || p.at.date.year > 9999)
        return core::makeError(core::ErrorCode::Invalid, "Could not save the check-in (its date is not a valid day)");
    auto stmt = m_conn.cached(R"sql(
INSERT INTO peg_checkins (answered_local, utc_offset_minutes, answered_utc, local_day, recorded_utc, pain, enjoyment,
                          activity)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql",
                              "save the check-in");
    if (!stmt) return stmt.error();
    auto r = (*stmt)
                 ->reset()
                 .bind(1, detail::formatLocal(p.at))
                 .bind(2, p.at.offsetMinutes)
                 .bind(3, core::toUtcSeconds(p.at))
                 .bind(4, core::daysFromCivil(p.at.date))
                 .bind(5, p.recordedAtUtc)
                 .bind(6, p.pain)
                 .bind(7, p.enjoyment)
                 .bind(8, p.activity)
                 .run();
    if (!r) return r.error();
    return m_conn.lastInsertRowid();
}

core::Result<int64_t> JournalStore::addPeg(const core::PegEntry& p) {
    auto tx = Transaction::begin(m_conn, "save the check-in");
    if (!tx) return tx.error();
    auto id = insertPeg(p);
    if (!id) return id.error();
    if (auto c = committed(*tx); !c) return c.error();
    return id;
}

core::Result<std::vector<core::PegEntry>> JournalStore::pegEntries(const core::DateRange& range) {
    auto stmt = m_conn.cached(R"sql(
SELECT id, answered_local, utc_offset_minutes, recorded_utc, pain, enjoyment, activity FROM peg_checkins
WHERE local_day BETWEEN ?1 AND ?2 ORDER BY answered_utc, id)sql",
                              "read the check-ins");
    if (!stmt) return stmt.error();
    const auto [from, to] = detail::dayBounds(range);
    StatementScope scope(**stmt);
    scope->bind(1, from).bind(2, to);
    std::vector<core::PegEntry> out;
    bool damaged = false;
    auto r = detail::eachRow(**stmt, [&](Statement& s) {
        core::PegEntry p;
        p.id = s.columnInt64(0);
        damaged = damaged || !detail::parseLocal(s.columnText(1), p.at);
        p.at.offsetMinutes = s.columnInt(2);
        p.recordedAtUtc = s.columnInt64(3);
        p.pain = s.columnInt(4);
        p.enjoyment = s.columnInt(5);
        p.activity = s.columnInt(6);
        out.push_back(p);
    });
    if (!r) return r.error();
    if (damaged) return core::makeError(core::ErrorCode::Corrupt, "Could not read a check-in (its time is damaged)");
    return out;
}

}  // namespace db
