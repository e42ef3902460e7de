#pragma once
// The journal service: the one place where an episode is validated, triaged and stored.
// The GUI and the CLI both go through it, so a behaviour exists once.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/episode.hpp"
#include "core/insights.hpp"
#include "core/profile.hpp"
#include "core/repository.hpp"
#include "core/triage.hpp"

namespace core {

struct SaveOutcome {
    int64_t id = 0;
    TriageResult episodeTriage;  // E/U/S rules on the saved episode
    TriageResult historyTriage;  // H rules newly raised by this save (repeats within a week are not re-raised)
    Level level = Level::SelfCare;
};

inline constexpr const char* kRegionKey = "region";
inline constexpr const char* kRisksKey = "risks";
inline constexpr const char* kLegacyEmergencyNumberKey = "emergency_number";  // before red flags v2
inline constexpr int kHistoryWindowDays = 14;
inline constexpr int64_t kHistoryRepeatSeconds = 7 * 86400;

// Builds the per-day view the history rules read from a list of episodes (deleted ones skipped),
// oldest day first.
std::vector<HistoryDay> historyDays(std::span<const Episode> episodes);

// What the episode rules read besides the episode: `risks` and the logged days among the 14 local
// days before the episode's own day, taken from `episodes` (the episode itself excluded by id).
TriageContext contextFor(const Episode& e, std::span<const Episode> episodes, std::vector<std::string> risks);

class Journal {
public:
    using Clock = std::function<int64_t()>;
    explicit Journal(JournalRepository& repo, Clock clock = nowUtc);

    // Validates, triages, and stores the episode with its alerts in one transaction.
    // `extraRisks` count for this episode's evaluation only (kneelog add --risk).
    Result<SaveOutcome> add(Episode e, const std::vector<std::string>& extraRisks = {});
    // What saving `e` now would find (episode rules with the profile and the days before, and the
    // history rules as they would be after the save), without writing anything.
    Result<TriageResult> evaluate(Episode e, const std::vector<std::string>& extraRisks = {});
    // Same for an existing episode (e.id must be set).
    Result<SaveOutcome> edit(Episode e);
    Result<void> remove(int64_t id);
    Result<void> undelete(int64_t id);
    Result<void> acknowledge(int64_t alertId);

    // The region code ("" until chosen: the advice then names 112) and the risk profile.
    Result<Profile> profile();
    std::string region();  // "" when not chosen or unreadable (the advice then names 112)
    Result<void> setRegion(const std::string& code);
    Result<void> setRisk(const std::string& risk, bool on);  // on again = "still true" (renews its date)

    // Every episode of the range, newest first (deleted ones left out).
    Result<std::vector<Episode>> episodes(const DateRange& range);
    // What helps and what hurts in the range (core/insights.hpp).
    Result<Insights> insights(const DateRange& range);

    JournalRepository& repository() { return m_repo; }
    int64_t now() const { return m_clock(); }

private:
    Result<SaveOutcome> save(Episode e, bool isNew, const std::vector<std::string>& extraRisks);
    struct Evaluation {
        TriageResult episode;
        TriageResult history;  // every H rule that fires (repeats not yet removed)
    };
    Result<Evaluation> evaluateBeforeSave(const Episode& e, bool isNew, const std::vector<std::string>& extraRisks);
    Result<TriageResult> withoutRepeats(TriageResult found);

    JournalRepository& m_repo;
    Clock m_clock;
};

}  // namespace core
