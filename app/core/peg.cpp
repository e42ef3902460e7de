#include "core/peg.hpp"

#include <cmath>
#include <cstdio>

#include "core/episode.hpp"
#include "core/words.hpp"

namespace core {

namespace {

// Krebs et al. 2009, the wording of the published PEG (the time frame "in the past week").
constexpr std::array<PegQuestion, 3> kQuestions = {{
    {"pain", "What number best describes your pain on average in the past week?", "no pain",
     "pain as bad as you can imagine", &PegEntry::pain},
    {"enjoyment", "What number best describes how, during the past week, pain has interfered with your enjoyment of life?",
     "does not interfere", "completely interferes", &PegEntry::enjoyment},
    {"activity", "What number best describes how, during the past week, pain has interfered with your general activity?",
     "does not interfere", "completely interferes", &PegEntry::activity},
}};

}  // namespace

std::span<const PegQuestion> pegQuestions() { return kQuestions; }

Result<void> validatePeg(const PegEntry& p, int64_t now) {
    for (const PegQuestion& q : kQuestions) {
        const int v = p.*q.field;
        if (v < 0 || v > 10)
            return makeError(ErrorCode::Invalid, std::string(q.id) + ": " + std::to_string(v) +
                                                     " is outside the 0-10 scale. Nothing was saved.");
    }
    if (!isValidDate(p.at.date) || p.at.date.year < 1970 || p.at.date.year > 9999)
        return makeError(ErrorCode::Invalid, "at: not a calendar day from 1970 on. Nothing was saved.");
    if (toUtcSeconds(p.at) > now + kFutureToleranceSeconds)
        return makeError(ErrorCode::Invalid, "at: the check-in is in the future. Nothing was saved.");
    return {};
}

std::string pegScoreText(double score) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", score);
    return buf;
}

bool pegDue(int64_t nowUtc, std::optional<int64_t> lastAnsweredUtc, std::optional<int64_t> dismissedUtc) {
    const int64_t wait = int64_t{kPegOfferDays} * 86400;
    for (const auto& t : {lastAnsweredUtc, dismissedUtc})
        if (t && nowUtc - *t < wait) return false;
    return true;
}

std::string pegChangeWords(std::span<const PegEntry> oldestFirst) {
    if (oldestFirst.size() < 2) return {};
    const PegEntry& first = oldestFirst.front();
    const double change = oldestFirst.back().score() - first.score();
    const double size = std::round(std::abs(change) * 10) / 10;  // as printed
    const std::string since = " since " + std::to_string(first.at.date.day) + " " + monthShort(first.at.date.month);
    if (size == 0) return "No change" + since + ".";
    const std::string head = std::string(change < 0 ? "Down " : "Up ") + pegScoreText(size) +
                             (size == 1.0 ? " point" : " points") + since;
    if (size >= kPegMeaningfulChange)
        return head + " \u2014 a change of 2 or more is usually meaningful.";
    return head + " \u2014 less than 2, so no clear change yet.";
}

}  // namespace core
