#pragma once
// The journal service: the one place where an episode is validated, triaged and stored.
// The GUI and the CLI both go through it, so a behaviour exists once.
#include <cstdint>
#include <optional>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/episode.hpp"
#include "core/export.hpp"
#include "core/insights.hpp"
#include "core/merge.hpp"
#include "core/peg.hpp"
#include "core/relief.hpp"
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
inline constexpr const char* kRegionEditedKey = "region_edited_at";  // when the region was last chosen (bundles)
inline constexpr const char* kRisksEditedKey = "risks_edited_at";    // when the risk profile last changed
inline constexpr const char* kLegacyEmergencyNumberKey = "emergency_number";  // before red flags v2
inline constexpr int kHistoryWindowDays = 14;
inline constexpr int64_t kHistoryRepeatSeconds = 7 * 86400;

// The person's preferences kept in the journal: one struct, so no call site spells a storage key.
// Empty strings mean "not chosen" (the app's default applies).
struct Settings {
    std::string theme;       // "light", "dark", "contrast"
    std::string fontScale;   // as stored, e.g. "1.15"
    std::string lastSide;    // the knee chosen last time, preselected on the Log screen
    std::string paper;       // "a4" or "letter" for the PDF
    std::optional<int64_t> disclaimerSeenAt;  // when the first-run statement was acknowledged
    std::string logDraft;    // the unsaved Log form kept while the app is in the background
    std::optional<int64_t> pegDismissedAt;  // the weekly check-in's "not now" (UTC), see pegDue
    int64_t reliefAskedUpTo = 0;  // the newest episode id the relief prompt asked about (or was dismissed for)
    bool operator==(const Settings&) const = default;
};

// Counts of names in a period (Trends): symptoms, contexts, knee sides, pain types and knee-map
// regions (where), most first.
struct NameCounts {
    std::vector<NameCount> symptoms, contexts, sides, painTypes, where;
};

// An emergency or urgent alert not yet acknowledged, with the episode that raised it (when readable).
struct PendingAlert {
    Alert alert;
    std::optional<Episode> episode;
};

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

    // [SECTION] reading (journal_queries.cpp): the screens and the CLI read through these.
    // Every episode of the range, newest first (deleted ones left out); or one page of them.
    Result<std::vector<Episode>> episodes(const DateRange& range);
    Result<std::vector<Episode>> episodes(const DateRange& range, int limit, int offset);
    Result<std::vector<Episode>> episodesWithNote(const DateRange& range, const std::string& text, int limit, int offset);
    Result<std::optional<Episode>> episode(int64_t id);
    Result<int64_t> countEpisodes(const DateRange& range);
    Result<std::vector<DaySummary>> daySummaries(const DateRange& range);
    Result<NameCounts> nameCounts(const DateRange& range);
    Result<std::vector<Alert>> alerts(const DateRange& range);
    Result<std::vector<PendingAlert>> pendingAlerts();  // emergency and urgent, newest first
    // Every character beyond ASCII in the notes and medication texts, sorted, each once (the
    // window adds just these to its fonts). Malformed UTF-8 counts as U+FFFD.
    Result<std::vector<char32_t>> typedCharacters();
    // Changes whenever anything committed changes (this process or another); cheap to call.
    uint64_t dataVersion();
    // Today's automatic backup, made once a day (the path made, or nullopt when it exists already).
    Result<std::optional<std::string>> dailyBackup(CivilDate today);

    // [SECTION] exchange (journal_queries.cpp): what an export reads; what an import would add.
    Result<ExportData> exportData(const DateRange& range);
    // Every episode of the range, oldest first, handed to `page` at most `pageSize` at a time, so
    // an export holds one page, never the whole journal (returns how many). Pages by keyset (each
    // page starts after the last row of the one before), so every page costs the same however far
    // into the journal it is. Refused when another program changed the journal during the reading
    // (the pages would not fit together).
    using EpisodePage = std::function<void(std::span<const Episode>)>;
    Result<std::size_t> forEachEpisode(const DateRange& range, int pageSize, const EpisodePage& page);
    // The same newest first (local day, local start time, then id, all descending: episodes()'s
    // order), by keyset too (the PDF's detail pages). Refused the same way.
    Result<std::size_t> forEachEpisodeNewestFirst(const DateRange& range, int pageSize, const EpisodePage& page);
    // Refused (ErrorCode::Busy) when the journal changed since dataVersion() was `version`: for a
    // reading made of several passes (the full PDF reads the journal twice).
    Result<void> unchangedSince(uint64_t version);
    Result<ImportPlan> planImport(std::string_view csv);
    // Adds what a plan found new, with its alerts, in one transaction (all or nothing).
    Result<void> commitImport(const ImportPlan& plan);
    // Fills an empty journal with `days` of realistic sample history up to now (triaged as if
    // logged day by day, past alerts acknowledged): the separate sample journal. Returns how many.
    Result<std::size_t> addSample(int days, uint64_t seed);

    // [SECTION] bundles (journal_bundle.cpp, rules in merge_rules.md)
    // Everything a bundle carries: every entry (tombstones too), kept versions, alerts, the
    // person's settings.
    Result<JournalSnapshot> snapshot();
    // The bundle's content (JSON, before sealing).
    Result<std::string> bundleContent();
    // What importing a bundle's content would do (merge plus triage of the merged entries),
    // without writing anything.
    Result<MergePlan> planBundle(std::string_view content);
    // Imports a bundle's content in one transaction (all or nothing); with `dryRun` nothing is
    // written. The counts either way.
    Result<MergeCounts> importBundle(std::string_view content, bool dryRun);

    // [SECTION] settings (journal_queries.cpp)
    Result<Settings> settings();
    // Stores the fields that differ from what is stored.
    Result<void> saveSettings(const Settings& s);
    // What helps and what hurts in the range (core/insights.hpp).
    Result<Insights> insights(const DateRange& range);

    // [SECTION] PEG check-in and medication relief (journal_peg.cpp)
    // Validates and stores a check-in (its recordedAtUtc is set to now); returns it with its id.
    Result<PegEntry> addPeg(PegEntry p);
    Result<std::vector<PegEntry>> pegEntries(const DateRange& range);  // oldest first
    // Whether the Log screen offers the weekly check-in now: once the journal has an entry at
    // least kPegOfferDays old (the questions are about the past week), core::pegDue with the
    // newest check-in and Settings::pegDismissedAt.
    Result<bool> pegDue();
    // "Not now" on the check-in: not offered again for kPegOfferDays.
    Result<void> dismissPeg();
    // Rates (or clears) how much an entry's medication helped. Invalid for an entry without
    // medication, NotFound for an unknown or deleted one.
    Result<void> setRelief(int64_t episodeId, std::optional<Relief> relief);
    // The entry the relief prompt asks about now (core::reliefToAsk), if any.
    Result<std::optional<Episode>> reliefToAsk();
    // The prompt was answered or dismissed for `episodeId`: never asked about it (or older) again.
    Result<void> reliefAsked(int64_t episodeId);

    int64_t now() const { return m_clock(); }

private:
    Result<SaveOutcome> save(Episode e, bool isNew, const std::vector<std::string>& extraRisks);
    struct Evaluation {
        TriageResult episode;
        TriageResult history;  // every H rule that fires (repeats not yet removed)
    };
    Result<Evaluation> evaluateBeforeSave(const Episode& e, bool isNew, const std::vector<std::string>& extraRisks);
    Result<TriageResult> withoutRepeats(TriageResult found);
    Result<PersonSettings> personSettings();
    Result<void> addMergeTriage(MergePlan& plan, const JournalSnapshot& local);

    JournalRepository& m_repo;
    Clock m_clock;
};

}  // namespace core
