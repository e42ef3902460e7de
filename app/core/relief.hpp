#pragma once
// How much a medication helped, rated later by the person on one entry: none / a little / a lot /
// complete (stored 0-3 with the episode).
//
// Why this scale: it is the verbal pain-relief scale of analgesic studies in plain words
// ("none, a little, a lot, complete"), answered in one tap without having to remember the pain
// before; a 0-10 relief number asks the person to compute a difference, and the episode already
// has a 0-10 pain rating. Four steps are enough for "did it help?", and they average sensibly
// (0 = none ... 3 = complete) for the per-medication summary in the insights.
//
// The prompt: the next time the app opens 1 to 4 hours after an entry with medication was logged,
// and that entry has no rating yet and was not asked about before, "Did the ibuprofen help?".
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/episode.hpp"
#include "core/vocabulary.hpp"

namespace core {

enum class Relief { None = 0, Little = 1, Lot = 2, Complete = 3 };
inline constexpr int kReliefLevels = 4;
inline constexpr int64_t kReliefPromptFromSeconds = 1 * 3600;
inline constexpr int64_t kReliefPromptToSeconds = 4 * 3600;

// none, little, lot, complete (CLI and JSON names) with "None", "A little", "A lot", "Complete".
std::span<const Term> reliefTerms();
std::optional<Relief> reliefFromName(std::string_view name);
std::string_view reliefName(Relief r);
std::string_view reliefLabel(Relief r);

// An entry that can be rated: medication text, or the care action "medication".
bool hasMedication(const Episode& e);
// The name a medication is grouped by: its first word, lower case ("Ibuprofen 400 mg" -> "ibuprofen").
std::string medicationName(const std::string& text);

// Among `newestFirst`, the entry to ask about at `nowUtc`: with medication, no rating, logged
// (recorded) 1 to 4 hours ago, and newer than `askedUpToId` (the newest entry already asked about).
std::optional<Episode> reliefToAsk(std::span<const Episode> newestFirst, int64_t nowUtc, int64_t askedUpToId);

// For one medication name: how often each rating was given, and the mean (0-3) once there are
// kMinPerSide ratings.
struct ReliefSummary {
    std::string name;
    int n = 0;
    std::array<int, kReliefLevels> counts{};
    std::optional<double> mean;
};
// One summary per medication name with at least one rating, most ratings first.
std::vector<ReliefSummary> reliefByMedication(std::span<const Episode> episodes);
// "How much ibuprofen helped, as you rated it: on average “a lot” (2.1 of 3, where 0 is none and 3
// complete; 12 ratings: 1 none, 2 a little, 4 a lot, 5 complete)." or, below kMinPerSide ratings,
// "... not enough ratings yet (...; 5 more needed)."
std::string reliefSentence(const ReliefSummary& s);

}  // namespace core
