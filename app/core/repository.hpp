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

struct NameCount {
    std::string name;
    int count = 0;
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
    virtual Result<void> undelete(int64_t id) = 0;
    virtual Result<std::optional<Episode>> episode(int64_t id) = 0;
    // Not deleted, newest first, paged.
    virtual Result<std::vector<Episode>> episodes(const DateRange& range, int limit, int offset) = 0;
    virtual Result<int64_t> countEpisodes(const DateRange& range) = 0;
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
    // Sets (or clears, with nullopt) an episode's relief rating (0-3) and nothing else; NotFound
    // when there is no such episode.
    virtual Result<void> setRelief(int64_t episodeId, std::optional<int> relief) = 0;
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
    // Changes whenever anything committed changes (this process or another); cheap to call.
    virtual uint64_t dataVersion() = 0;
    // The automatic backup of `today` (local day), made once a day before the day's first
    // change: the path made, or nullopt when it already exists or the storage keeps none.
    virtual Result<std::optional<std::string>> dailyBackup(CivilDate /*today*/) { return std::optional<std::string>{}; }
};

}  // namespace core
