#pragma once
// The storage the journal service needs. core declares it; db/ implements it with SQLite;
// tests may use an in-memory fake. Every write is one transaction.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/episode.hpp"
#include "core/peg.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "core/triage.hpp"

namespace core {

// Inclusive range of the person's local days; an empty bound is open.
struct DateRange {
    std::optional<CivilDate> from;
    std::optional<CivilDate> to;
};

struct Alert {
    int64_t id = 0;
    int64_t episodeId = 0;         // the episode whose save raised it
    Level level = Level::SelfCare;
    std::vector<std::string> ruleIds;
    bool fromHistory = false;      // raised by H rules rather than by the episode itself
    int64_t shownAtUtc = 0;
    std::optional<int64_t> acknowledgedAtUtc;
};

struct DaySummary {
    CivilDate day;
    int episodes = 0;
    int maxPain = 0;
    double meanPain = 0.0;
    bool swelling = false;
};

// Where a page of episodes ended, for keyset paging (episodesAfter): the last row's place in the
// oldest-first order, which is its local day and local start time, then its id.
struct EpisodeCursor {
    LocalDateTime startedAt;  // the offset plays no part in the order
    int64_t id = 0;
};

struct NameCount {
    std::string name;
    int count = 0;
};

// An earlier version of an entry that a merge replaced (issue 16), kept rather than thrown away.
struct HistoryRecord {
    std::string episodeUid;
    int64_t editedAtUtc = 0;   // when that version was made
    std::string content;       // its episodeContent() text (core/merge.hpp)
    int64_t keptAtUtc = 0;     // when a merge replaced it here (not part of its identity)
    bool sameVersion(const HistoryRecord& o) const {
        return episodeUid == o.episodeUid && editedAtUtc == o.editedAtUtc && content == o.content;
    }
};

// An alert as bundles carry it: attached to its entry by uid, not by a local id.
struct ExchangeAlert {
    std::string episodeUid;
    Alert alert;  // id and episodeId are local (0 in a bundle)
};

// What a merge stores, in one transaction (core/merge.hpp makes it).
struct MergeWrite {
    // New entries (uid, edit time and deletion as given) with their alerts.
    std::vector<std::pair<Episode, std::vector<Alert>>> add;
    // Existing entries (id = local id) whose every field, edit time and deletion are replaced.
    std::vector<Episode> update;
    // Alerts added to existing entries (episodeId = local id).
    std::vector<Alert> addAlerts;
    // Existing alerts whose acknowledgement time is set: alert id, time.
    std::vector<std::pair<int64_t, int64_t>> acknowledge;
    std::vector<HistoryRecord> history;  // kept versions to add (a version already kept is skipped)
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<PegEntry> addPeg;  // weekly check-ins new to this journal (their ids are ignored)
};

class JournalRepository {
public:
    virtual ~JournalRepository() = default;

    // Stores the episode and, when given, its alerts in one transaction; returns the new id.
    virtual Result<int64_t> addEpisode(const Episode& e, const std::vector<Alert>& alerts) = 0;
    // Stores many episodes with their alerts, and weekly check-ins, in one transaction: all or
    // nothing (import, sample).
    virtual Result<void> addEpisodes(const std::vector<std::pair<Episode, std::vector<Alert>>>& batch,
                                     std::span<const PegEntry> checkins) = 0;
    // Replaces an episode's fields and its episode alerts in one transaction.
    virtual Result<void> updateEpisode(const Episode& e, const std::vector<Alert>& alerts) = 0;
    virtual Result<void> softDelete(int64_t id, int64_t atUtc) = 0;
    // Restores a deleted episode; `atUtc` becomes its edit time (a restore beats an older deletion
    // from another device: merge_rules.md).
    virtual Result<void> undelete(int64_t id, int64_t atUtc) = 0;
    virtual Result<std::optional<Episode>> episode(int64_t id) = 0;
    // Not deleted, newest first, paged.
    virtual Result<std::vector<Episode>> episodes(const DateRange& range, int limit, int offset) = 0;
    virtual Result<int64_t> countEpisodes(const DateRange& range) = 0;
    // Not deleted, oldest first (local day, local start time, then id: exactly episodes() reversed),
    // the first `limit` that come after `after` (from the start when nullopt). Keyset paging: each
    // page costs the same however far into the journal it is (exports, issue 15).
    virtual Result<std::vector<Episode>> episodesAfter(const DateRange& range, const std::optional<EpisodeCursor>& after,
                                                       int limit) = 0;
    // Not deleted, newest first (exactly episodes()'s order), the first `limit` that come before
    // `before` (from the newest when nullopt): the same keyset paging the other way (the PDF's
    // detail pages, newest first, issue 15).
    virtual Result<std::vector<Episode>> episodesBefore(const DateRange& range, const std::optional<EpisodeCursor>& before,
                                                        int limit) = 0;
    // Episodes whose note contains `text` (ASCII letters case-insensitive), newest first, paged.
    virtual Result<std::vector<Episode>> episodesWithNote(const DateRange& range, const std::string& text, int limit,
                                                          int offset) = 0;
    // Every note and medication text (of any episode, deleted ones too) that holds a character
    // beyond ASCII: what the window's fonts must draw.
    virtual Result<std::vector<std::string>> textsBeyondAscii() = 0;
    // One row per local day that has episodes, oldest first.
    virtual Result<std::vector<DaySummary>> daySummaries(const DateRange& range) = 0;
    virtual Result<std::vector<NameCount>> symptomCounts(const DateRange& range) = 0;
    virtual Result<std::vector<NameCount>> contextCounts(const DateRange& range) = 0;
    // Episodes per side ("" when not given) and per pain type ("" when not given), most first.
    virtual Result<std::vector<NameCount>> sideCounts(const DateRange& range) = 0;
    virtual Result<std::vector<NameCount>> painTypeCounts(const DateRange& range) = 0;
    // Episodes per knee-map region (whereTerms() names; episodes with none are not counted), most first.
    virtual Result<std::vector<NameCount>> whereCounts(const DateRange& range) = 0;
    virtual Result<std::vector<Alert>> alerts(const DateRange& range) = 0;
    // Alerts at or above `minLevel` not yet acknowledged, newest first.
    virtual Result<std::vector<Alert>> pendingAlerts(Level minLevel) = 0;
    virtual Result<void> acknowledgeAlert(int64_t alertId, int64_t atUtc) = 0;
    // Sets (or clears, with nullopt) an episode's relief rating (0-3); the rating is part of the
    // entry's content, so its edit time becomes `atUtc` (merge_rules.md). NotFound when there is
    // no such episode.
    virtual Result<void> setRelief(int64_t episodeId, std::optional<int> relief, int64_t atUtc) = 0;
    // Stores one PEG check-in; returns its id.
    virtual Result<int64_t> addPeg(const PegEntry& p) = 0;
    // The PEG check-ins of the range (by their local day), oldest first (then by id).
    virtual Result<std::vector<PegEntry>> pegEntries(const DateRange& range) = 0;
    virtual Result<std::optional<std::string>> setting(const std::string& key) = 0;
    virtual Result<void> setSetting(const std::string& key, const std::string& value) = 0;
    // Several settings in one transaction: all or nothing. (This default is for fakes that do not
    // need it; the SQLite store overrides it.)
    virtual Result<void> setSettings(const std::vector<std::pair<std::string, std::string>>& values) {
        for (const auto& [key, value] : values)
            if (auto r = setSetting(key, value); !r) return r;
        return {};
    }
    // [SECTION] bundles (issue 16)
    // Every episode, deleted ones included, by id.
    virtual Result<std::vector<Episode>> allEpisodes() = 0;
    // Every alert, those of deleted episodes included, by id.
    virtual Result<std::vector<Alert>> allAlerts() = 0;
    virtual Result<std::vector<HistoryRecord>> episodeHistory() = 0;
    // Stores a merge in one transaction: all or nothing.
    virtual Result<void> applyMerge(const MergeWrite& write) = 0;
    // Changes whenever anything committed changes (this process or another); cheap to call.
    virtual uint64_t dataVersion() = 0;
    // The automatic backup of `today` (local day), made once a day before the day's first
    // change: the path made, or nullopt when it already exists or the storage keeps none.
    virtual Result<std::optional<std::string>> dailyBackup(CivilDate /*today*/) { return std::optional<std::string>{}; }
};

}  // namespace core
