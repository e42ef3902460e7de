#pragma once
// Merging another device's journal (a bundle's content) into this one: pure code, no storage.
// The rules, in plain words, are in merge_rules.md beside this file; merge() implements them.
// The journal service (Journal::planBundle / commitBundle) reads the snapshot, adds triage, and
// writes the result through the repository in one transaction.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/episode.hpp"
#include "core/repository.hpp"

namespace core {

// The settings that belong to the person and travel between their devices (not the theme).
struct PersonSettings {
    std::string region;             // "" when not chosen
    int64_t regionEditedAtUtc = 0;  // 0: never changed since bundles exist
    std::string risks;              // encodeRisks() text
    int64_t risksEditedAtUtc = 0;
    bool operator==(const PersonSettings&) const = default;
};

// Everything a bundle carries, and what a journal holds for the merge.
struct JournalSnapshot {
    std::vector<Episode> episodes;  // tombstones (deletedAtUtc set) included; ids are local
    std::vector<HistoryRecord> history;
    std::vector<ExchangeAlert> alerts;
    PersonSettings person;
    std::vector<PegEntry> checkins;  // the weekly check-ins (ids are local)
};

struct MergeCounts {
    std::size_t added = 0;      // entries new to this journal (not tombstones)
    std::size_t updated = 0;    // entries whose content changed, or that came back from deletion
    std::size_t deleted = 0;    // entries of this journal deleted by the other's tombstone
    std::size_t unchanged = 0;  // entries of the bundle that change nothing visible here
    std::size_t checkinsAdded = 0;  // weekly check-ins new to this journal
    bool operator==(const MergeCounts&) const = default;
};

struct MergePlan {
    MergeWrite write;     // what to store (triage alerts are added by the journal service)
    MergeCounts counts;
    // The entries added or updated and live after the merge (uids): triage reads these again.
    std::vector<std::string> retriage;
    bool empty() const;
};

// The canonical text of an entry's content (every field the person logged, not its local id,
// uid, edit time or deletion): equal content gives equal text, on any device.
std::string episodeContent(const Episode& e);
// The entry that `content` describes (for showing a kept version); nullopt when unreadable.
std::optional<Episode> episodeFromContent(const std::string& content);

// Merges `remote` into `local`. `nowUtc` is when replaced versions are kept. The result is a
// function of the two snapshots only: merging the same remote again gives an empty plan.
MergePlan merge(const JournalSnapshot& local, const JournalSnapshot& remote, int64_t nowUtc);

// The same weekly check-in on every device: when it was answered (local time and offset), when it
// was recorded and the three answers; the local id does not count.
bool sameCheckin(const PegEntry& a, const PegEntry& b);

// The person's settings after a merge: each part (region, risks) from the side that changed it
// later; at equal times the greater text, so both devices agree.
PersonSettings mergePerson(const PersonSettings& local, const PersonSettings& remote);

}  // namespace core
