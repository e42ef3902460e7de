#pragma once
// The PEG weekly check-in (Krebs et al. 2009, "Development and initial validation of the PEG, a
// three-item scale assessing pain intensity and interference", J Gen Intern Med 24:733-738;
// free to use): three questions about the past week, each 0-10, and the score is their mean.
// A change of 2 points or more (about 30%) is usually taken as meaningful.
//
// Offered once a week on the Log screen, once the journal has an entry a week old: when the last
// check-in or the last "not now" is 7 days old or more (pegDue). Never blocks logging.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"

namespace core {

inline constexpr int kPegOfferDays = 7;
inline constexpr double kPegMeaningfulChange = 2.0;

struct PegEntry {
    int64_t id = 0;            // 0 until stored
    LocalDateTime at;          // when it was answered (local wall time + offset)
    int64_t recordedAtUtc = 0;
    int pain = 0;              // average pain in the past week, 0-10
    int enjoyment = 0;         // interference with enjoyment of life, 0-10
    int activity = 0;          // interference with general activity, 0-10
    double score() const { return (pain + enjoyment + activity) / 3.0; }
    bool operator==(const PegEntry&) const = default;
};

// The three questions as the person reads them, with a stable id (FHIR linkId, CSV column, CLI
// flag) and the words of the two ends of the scale.
struct PegQuestion {
    std::string_view id;       // "pain", "enjoyment", "activity"
    std::string_view text;
    std::string_view low;      // what 0 means
    std::string_view high;     // what 10 means
    int PegEntry::*field;
};
std::span<const PegQuestion> pegQuestions();

// Every answer 0-10, a valid local time from 1970 on and not in the future (5 minutes'
// tolerance). The message names the question.
Result<void> validatePeg(const PegEntry& p, int64_t nowUtcSeconds);

// "4.3": the score as printed everywhere (one decimal).
std::string pegScoreText(double score);

// Whether to offer the check-in now: nothing answered or dismissed in the last kPegOfferDays.
bool pegDue(int64_t nowUtc, std::optional<int64_t> lastAnsweredUtc, std::optional<int64_t> dismissedUtc);

// The change from the first to the last check-in in words, with the 2-point threshold, e.g.
// "Down 2.3 points since 8 Nov — a change of 2 or more is usually meaningful." or "Up 0.7 points
// since 8 Nov — less than 2, so no clear change." Empty with fewer than two check-ins.
// `oldestFirst` as stored (oldest first).
std::string pegChangeWords(std::span<const PegEntry> oldestFirst);

}  // namespace core
