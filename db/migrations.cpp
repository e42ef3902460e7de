#include "db/migrations.hpp"

#include <iterator>
#include <string>
#include <vector>

#include "core/crypto/random.hpp"

namespace db {

namespace {

// v1: the base schema. A local day is stored with each episode at write time (days since
// 1970-01-01 of its local date), so "per day" means the person's day and needs no date maths.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE episodes (
    id                 INTEGER PRIMARY KEY,
    started_local      TEXT    NOT NULL CHECK (started_local GLOB
                           '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
    utc_offset_minutes INTEGER NOT NULL CHECK (utc_offset_minutes BETWEEN -1080 AND 1080),
    started_utc        INTEGER NOT NULL,
    local_day          INTEGER NOT NULL,
    recorded_utc       INTEGER NOT NULL,
    side               TEXT    NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right', 'both')),
    pain               INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    pain_type          TEXT    NOT NULL DEFAULT '',
    onset              TEXT    NOT NULL DEFAULT '',
    note               TEXT    NOT NULL DEFAULT '',
    medication         TEXT    NOT NULL DEFAULT '',
    deleted_utc        INTEGER
);
CREATE INDEX episodes_by_day ON episodes (local_day, started_local, id) WHERE deleted_utc IS NULL;

CREATE TABLE episode_symptoms (
    episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    PRIMARY KEY (episode_id, name)
) WITHOUT ROWID;
CREATE TABLE episode_contexts (
    episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    PRIMARY KEY (episode_id, name)
) WITHOUT ROWID;
CREATE TABLE episode_care (
    episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    PRIMARY KEY (episode_id, name)
) WITHOUT ROWID;

CREATE TABLE alerts (
    id               INTEGER PRIMARY KEY,
    episode_id       INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    level            INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    rule_ids         TEXT    NOT NULL,
    from_history     INTEGER NOT NULL DEFAULT 0 CHECK (from_history IN (0, 1)),
    shown_utc        INTEGER NOT NULL,
    acknowledged_utc INTEGER
);
CREATE INDEX alerts_by_episode ON alerts (episode_id);
CREATE INDEX alerts_pending ON alerts (level, shown_utc) WHERE acknowledged_utc IS NULL;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// v2: one row per local day with episodes, so the 10-year daily series reads ~3650 rows
// instead of aggregating every episode. The store keeps it exact on every write.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE day_summary (
    local_day INTEGER PRIMARY KEY,
    episodes  INTEGER NOT NULL CHECK (episodes > 0),
    max_pain  INTEGER NOT NULL,
    pain_sum  INTEGER NOT NULL,
    swelling  INTEGER NOT NULL CHECK (swelling IN (0, 1))
);
INSERT INTO day_summary (local_day, episodes, max_pain, pain_sum, swelling)
SELECT e.local_day, COUNT(*), MAX(e.pain), SUM(e.pain),
       MAX(EXISTS (SELECT 1 FROM episode_symptoms s WHERE s.episode_id = e.id AND s.name = 'swelling'))
FROM episodes e WHERE e.deleted_utc IS NULL GROUP BY e.local_day;
)sql";

// v3 (red flags version 2): the leg the calf or leg signs are in, separate from the knee side,
// and an optional body temperature in tenths of a degree Celsius. Existing entries get no leg
// and no temperature, which is what they recorded.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE episodes ADD COLUMN leg TEXT NOT NULL DEFAULT '' CHECK (leg IN ('', 'left', 'right', 'both'));
ALTER TABLE episodes ADD COLUMN temperature_tenths INTEGER
    CHECK (temperature_tenths IS NULL OR temperature_tenths BETWEEN 340 AND 430);
)sql";

// v4 (issue 18, the knee map): where behind the knee each episode hurt, several names per episode
// (core::whereTerms()). Existing entries get none, which is what they recorded.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE episode_where (
    episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    PRIMARY KEY (episode_id, name)
) WITHOUT ROWID;
)sql";

// v5 (issue 17): the PEG weekly check-in (three answers 0-10; the score is computed, never
// stored), and how much an episode's medication helped (0 none, 1 a little, 2 a lot,
// 3 complete; NULL = not rated). Existing entries get no rating, which is what they recorded.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE peg_checkins (
    id                 INTEGER PRIMARY KEY,
    answered_local     TEXT    NOT NULL CHECK (answered_local GLOB
                           '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
    utc_offset_minutes INTEGER NOT NULL CHECK (utc_offset_minutes BETWEEN -1080 AND 1080),
    answered_utc       INTEGER NOT NULL,
    local_day          INTEGER NOT NULL,
    recorded_utc       INTEGER NOT NULL,
    pain               INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    enjoyment          INTEGER NOT NULL CHECK (enjoyment BETWEEN 0 AND 10),
    activity           INTEGER NOT NULL CHECK (activity BETWEEN 0 AND 10)
);
CREATE INDEX peg_by_day ON peg_checkins (local_day, answered_utc, id);
ALTER TABLE episodes ADD COLUMN relief INTEGER CHECK (relief IS NULL OR relief BETWEEN 0 AND 3);
)sql";

// v6 (issue 16, bundles between devices): each entry's identity across devices (a random UUID v4,
// given to every existing entry here) and when its content was last changed (existing entries:
// when they were recorded); the versions of an entry a merge replaced, kept as its history.
// Nothing else of an existing entry changes.
constexpr const char* kSchemaV6 = R"sql(
ALTER TABLE episodes ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE episodes ADD COLUMN edited_utc INTEGER NOT NULL DEFAULT 0;
UPDATE episodes SET edited_utc = recorded_utc;
CREATE TABLE episode_history (
    id          INTEGER PRIMARY KEY,
    episode_uid TEXT    NOT NULL,
    edited_utc  INTEGER NOT NULL,
    content     TEXT    NOT NULL,
    kept_utc    INTEGER NOT NULL,
    UNIQUE (episode_uid, edited_utc, content)
);
)sql";

core::Result<void> toV1(Connection& conn) {
    if (auto r = conn.exec(kSchemaV1, "create the journal tables"); !r) return r;
    return conn.exec("PRAGMA application_id = " + std::to_string(kApplicationId), "mark the journal as KneeLog's");
}

core::Result<void> toV2(Connection& conn) { return conn.exec(kSchemaV2, "add the daily summary to the journal"); }
core::Result<void> toV3(Connection& conn) { return conn.exec(kSchemaV3, "add the leg and temperature to the journal"); }
core::Result<void> toV4(Connection& conn) { return conn.exec(kSchemaV4, "add where behind the knee to the journal"); }
core::Result<void> toV5(Connection& conn) {
    return conn.exec(kSchemaV5, "add the weekly check-in and medication relief to the journal");
}

core::Result<void> toV6(Connection& conn) {
    if (auto r = conn.exec(kSchemaV6, "give the journal's entries their ids"); !r) return r;
    auto ids = Statement::prepare(conn, "SELECT id FROM episodes ORDER BY id", "give the journal's entries their ids");
    if (!ids) return ids.error();
    std::vector<int64_t> rows;
    for (;;) {
        auto row = ids->step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back(ids->columnInt64(0));
    }
    auto set = Statement::prepare(conn, "UPDATE episodes SET uid = ?2 WHERE id = ?1", "give the journal's entries their ids");
    if (!set) return set.error();
    for (int64_t id : rows) {
        const std::string uid = core::crypto::newUuid();
        if (auto r = set->reset().bind(1, id).bind(2, std::string_view(uid)).run(); !r) return r;
    }
    return conn.exec("CREATE UNIQUE INDEX episodes_by_uid ON episodes (uid)", "give the journal's entries their ids");
}

using Step = core::Result<void> (*)(Connection&);
// kSteps[n] upgrades version n to n + 1. Never edit a released step: add a new one.
constexpr Step kSteps[] = {toV1, toV2, toV3, toV4, toV5, toV6};
static_assert(std::size(kSteps) == kSchemaVersion);

core::Error tooNew(int version) {
    return core::makeError(core::ErrorCode::TooNew,
                           "This journal was written by a newer KneeLog (format " + std::to_string(version) +
                               ", this version reads up to " + std::to_string(kSchemaVersion) +
                               "). Update KneeLog to open it; the file was not changed.");
}

// One step in one transaction. The version is read again under the write lock, since another
// KneeLog process may have upgraded the file in the meantime.
core::Result<bool> runOneStep(Connection& conn, int target) {
    auto tx = Transaction::begin(conn, "upgrade the journal");
    if (!tx) return tx.error();
    auto version = schemaVersion(conn);
    if (!version) return version.error();
    if (*version > kSchemaVersion) return tooNew(*version);
    if (*version >= target) return false;
    if (auto r = kSteps[*version](conn); !r) return r.error();
    const std::string bump = "PRAGMA user_version = " + std::to_string(*version + 1);
    if (auto r = conn.exec(bump, "upgrade the journal"); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return true;
}

}  // namespace

core::Result<int> schemaVersion(Connection& conn) {
    auto v = conn.queryInt("PRAGMA user_version", "read the journal's format version");
    if (!v) return v.error();
    return static_cast<int>(*v);
}

core::Result<void> migrateTo(Connection& conn, int target) {
    if (target < 0 || target > kSchemaVersion)
        return core::makeError(core::ErrorCode::Internal, "Could not upgrade the journal (unknown format version)");
    auto version = schemaVersion(conn);
    if (!version) return version.error();
    if (*version > kSchemaVersion) return tooNew(*version);
    while (*version < target) {
        auto stepped = runOneStep(conn, target);
        if (!stepped) return stepped.error();
        if (!*stepped) break;
        version = schemaVersion(conn);
        if (!version) return version.error();
    }
    return {};
}

core::Result<void> migrate(Connection& conn) { return migrateTo(conn, kSchemaVersion); }

core::Result<void> refreshDaySummary(Connection& conn, int64_t localDay) {
    auto drop = conn.cached("DELETE FROM day_summary WHERE local_day = ?1", "update the daily summary");
    if (!drop) return drop.error();
    if (auto r = (*drop)->reset().bind(1, localDay).run(); !r) return r;
    auto fill = conn.cached(R"sql(
INSERT INTO day_summary (local_day, episodes, max_pain, pain_sum, swelling)
SELECT e.local_day, COUNT(*), MAX(e.pain), SUM(e.pain),
       MAX(EXISTS (SELECT 1 FROM episode_symptoms s WHERE s.episode_id = e.id AND s.name = 'swelling'))
FROM episodes e WHERE e.deleted_utc IS NULL AND e.local_day = ?1 GROUP BY e.local_day)sql",
                            "update the daily summary");
    if (!fill) return fill.error();
    return (*fill)->reset().bind(1, localDay).run();
}

}  // namespace db
