#pragma once
// What helps and what hurts: honest patterns in the person's own entries. Pure statistics over
// episodes (no storage, no UI); the words never claim a cause.
//
// - Care and medication: for each entry, the change in pain to the person's next entry within
//   24 hours (a "pair"). For an action, the mean change of pairs whose first entry has it minus the
//   mean change of pairs without it, with a 95% Welch t-interval (unequal variances,
//   Welch-Satterthwaite degrees of freedom).
// - When it hurts: for each context, the mean pain of entries with it minus entries without, with
//   the same interval.
// - Time of day and weekday: mean pain by part of the day and by weekday, with counts.
// - Medication relief: for each medication name, how the person rated the relief (core/relief.hpp),
//   its distribution, and the mean once there are kMinPerSide ratings.
// Fewer than kMinPerSide pairs (or entries) on either side: no number, and how many more are needed.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/episode.hpp"
#include "core/relief.hpp"
#include "core/time.hpp"

namespace core {

inline constexpr int kMinPerSide = 8;
inline constexpr int64_t kPairWindowSeconds = 24 * 3600;

struct Interval {
    double estimate = 0;
    double low = 0;
    double high = 0;
    bool includesZero() const { return low <= 0 && high >= 0; }
};

struct Finding {
    std::string name;       // CLI name: "ice", "stairs", or a medication's first word ("ibuprofen")
    std::string label;      // what the person reads: "Ice", "On stairs", "ibuprofen"
    bool medication = false;
    int with = 0;           // pairs (care) or entries (contexts) with it
    int without = 0;        // ... and without it
    std::optional<Interval> effect;  // none when either side has fewer than kMinPerSide
    // What is behind it, newest first (at most kExamples): for care, the pairs (an entry with it
    // and the next one); for contexts, the entries with it.
    struct Example {
        int64_t id = 0;
        LocalDateTime at;
        int pain = 0;
        int64_t nextId = 0;           // care only
        std::optional<int> nextPain;  // care only
    };
    std::vector<Example> examples;
    int moreNeeded() const;          // entries still needed on the smaller side (0 when enough)
};

inline constexpr std::size_t kExamples = 12;

struct GroupMean {
    std::string name;  // "night", "morning", "afternoon", "evening" / "mon" ... "sun"
    int n = 0;
    std::optional<double> mean;  // none when n == 0
};

struct Insights {
    std::vector<Finding> care;       // care actions, then medication names; ranked by |effect|, then by count
    std::vector<Finding> contexts;   // ranked the same way
    std::vector<GroupMean> timeOfDay;
    std::vector<GroupMean> weekday;
    int pairs = 0;                   // pairs of entries within 24 hours
    std::vector<ReliefSummary> relief;  // the person's own relief ratings, per medication name
};

// `episodes` in any order; deleted ones are skipped.
Insights computeInsights(std::span<const Episode> episodes);

// The two-sided 95% quantile of Student's t with `df` degrees of freedom (df >= 1, fractional allowed).
double tQuantile975(double df);
// Welch's interval for mean(a) - mean(b); none when either has fewer than 2 values.
std::optional<Interval> welchInterval(std::span<const double> a, std::span<const double> b);

// One sentence per finding, in plain words that never claim a cause, e.g. "After ice, your pain by
// the next entry was on average 1.8 lower than without (95%: 1.1 to 2.5; 40 times). This shows a
// pattern, not proof." An interval that includes 0 reads "no clear difference".
std::string careSentence(const Finding& f);
std::string contextSentence(const Finding& f);

}  // namespace core
