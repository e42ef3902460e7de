#pragma once
// The journal service: the one place where an episode is validated, triaged and stored.
// The GUI and the CLI both go through it, so a behaviour exists once.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/episode.hpp"
#include "core/repository.hpp"
#include "core/triage.hpp"

namespace core {

struct SaveOutcome {
    int64_t id = 0;
    TriageResult episodeTriage;  // E/U/S rules on the saved episode
    TriageResult historyTriage;  // H rules newly raised by this save (repeats within a week are not re-raised)
    Level level = Level::SelfCare;
};

inline constexpr const char* kEmergencyNumberKey = "emergency_number";
inline constexpr const char* kDefaultEmergencyNumber = "112";
inline constexpr int kHistoryWindowDays = 14;
inline constexpr int64_t kHistoryRepeatSeconds = 7 * 86400;

// Builds the per-day view the history rules read from a list of episodes (deleted ones skipped).
std::vector<HistoryDay> historyDays(std::span<const Episode> episodes);

class Journal {
public:
    using Clock = std::function<int64_t()>;
    explicit Journal(JournalRepository& repo, Clock clock = nowUtc);

    // Validates, triages, and stores the episode with its alerts in one transaction.
    Result<SaveOutcome> add(Episode e);
    // Same for an existing episode (e.id must be set).
    Result<SaveOutcome> edit(Episode e);
    Result<void> remove(int64_t id);
    Result<void> undelete(int64_t id);
    Result<void> acknowledge(int64_t alertId);

    // "112" unless the person chose their region's number in Settings.
    std::string emergencyNumber();
    Result<void> setEmergencyNumber(const std::string& number);

    JournalRepository& repository() { return m_repo; }
    int64_t now() const { return m_clock(); }

private:
    Result<SaveOutcome> save(Episode e, bool isNew);
    Result<TriageResult> newHistoryFindings(const Episode& e, bool isNew);

    JournalRepository& m_repo;
    Clock m_clock;
};

}  // namespace core
