#include "core/insights.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/relief.hpp"
#include "core/time.hpp"
#include "core/vocabulary.hpp"

namespace core {
namespace {

struct Stats {
    double mean = 0;
    double variance = 0;  // sample variance (n - 1)
};

Stats statsOf(std::span<const double> v) {
    Stats s;
    for (double x : v) s.mean += x;
    s.mean /= static_cast<double>(v.size());
    for (double x : v) s.variance += (x - s.mean) * (x - s.mean);
    s.variance /= static_cast<double>(v.size() - 1);
    return s;
}

std::vector<std::string> medicationsOf(const Episode& e) {
    const std::string name = medicationName(e.medication);
    return name.empty() ? std::vector<std::string>{} : std::vector<std::string>{name};
}

// The with/without split of `values` by `has`, as a finding; `ids(i)` names what is behind value i.
template <class Has, class Ids>
Finding split(std::string name, std::string label, const std::vector<double>& values, Has has, Ids ids) {
    std::vector<double> with, without;
    Finding f;
    for (std::size_t i = values.size(); i-- > 0;) {  // newest first, for the examples
        const bool in = has(i);
        (in ? with : without).push_back(values[i]);
        if (in && f.examples.size() < kExamples) f.examples.push_back(ids(i));
    }
    f.name = std::move(name);
    f.label = std::move(label);
    f.with = static_cast<int>(with.size());
    f.without = static_cast<int>(without.size());
    if (f.with >= kMinPerSide && f.without >= kMinPerSide) f.effect = welchInterval(with, without);
    return f;
}

void rank(std::vector<Finding>& findings) {
    // Clear findings first, then those with no clear difference, then those without enough entries;
    // within each, the larger effect first, then the more entries.
    const auto tier = [](const Finding& f) { return !f.effect ? 2 : f.effect->includesZero() ? 1 : 0; };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
        if (tier(a) != tier(b)) return tier(a) < tier(b);
        if (a.effect && std::abs(a.effect->estimate) != std::abs(b.effect->estimate))
            return std::abs(a.effect->estimate) > std::abs(b.effect->estimate);
        return a.with > b.with;
    });
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return std::string(buf) == "-0.0" ? "0.0" : buf;
}

std::string lowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string notEnough(const Finding& f) {
    return "Not enough entries yet for " + lowerFirst(f.label) + ": " + std::to_string(f.moreNeeded()) +
           " more needed.";
}

std::string intervalWords(const Interval& i, int n, const char* unit) {
    return " (95%: " + number(i.low) + " to " + number(i.high) + "; " + std::to_string(n) + " " + unit + ")";
}

}  // namespace

int Finding::moreNeeded() const { return std::max(0, kMinPerSide - std::min(with, without)); }

double tQuantile975(double df) {
    // Student's t, 0.975 quantile, for 1..30 degrees of freedom, then 40, 60, 120 and the normal.
    static constexpr std::array<double, 30> kSmall = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120,  2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    struct Point { double df, t; };
    static constexpr std::array<Point, 5> kLarge = {{{30, 2.042}, {40, 2.021}, {60, 2.000}, {120, 1.980}, {1e9, 1.960}}};
    if (df < 1) df = 1;
    if (df <= 30) {  // linear between whole degrees of freedom (Welch's df is fractional)
        const auto lo = static_cast<std::size_t>(std::floor(df));
        const double frac = df - static_cast<double>(lo);
        if (lo >= 30) return kSmall[29];
        return kSmall[lo - 1] + (kSmall[lo] - kSmall[lo - 1]) * frac;
    }
    for (std::size_t i = 1; i < kLarge.size(); ++i)
        if (df <= kLarge[i].df) {
            // linear in 1/df, the way t tables are interpolated
            const double a = 1 / kLarge[i - 1].df, b = 1 / kLarge[i].df, x = 1 / df;
            return kLarge[i - 1].t + (kLarge[i].t - kLarge[i - 1].t) * (a - x) / (a - b);
        }
    return 1.960;
}

std::optional<Interval> welchInterval(std::span<const double> a, std::span<const double> b) {
    if (a.size() < 2 || b.size() < 2) return std::nullopt;
    const Stats sa = statsOf(a), sb = statsOf(b);
    const double va = sa.variance / static_cast<double>(a.size());
    const double vb = sb.variance / static_cast<double>(b.size());
    const double se = std::sqrt(va + vb);
    Interval i;
    i.estimate = sa.mean - sb.mean;
    if (se == 0) {
        i.low = i.high = i.estimate;
        return i;
    }
    const double df = (va + vb) * (va + vb) /
                      (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
    const double half = tQuantile975(df) * se;
    i.low = i.estimate - half;
    i.high = i.estimate + half;
    return i;
}

Insights computeInsights(std::span<const Episode> episodes) {
    std::vector<const Episode*> list;
    for (const Episode& e : episodes)
        if (!e.deletedAtUtc) list.push_back(&e);
    std::stable_sort(list.begin(), list.end(), [](const Episode* a, const Episode* b) {
        return toUtcSeconds(a->startedAt) < toUtcSeconds(b->startedAt);
    });
    Insights out;

    // Pairs: an entry and the person's next entry within 24 hours (UTC, so DST changes pair right).
    std::vector<const Episode*> first, second;
    std::vector<double> change;
    for (std::size_t i = 0; i + 1 < list.size(); ++i) {
        const int64_t gap = toUtcSeconds(list[i + 1]->startedAt) - toUtcSeconds(list[i]->startedAt);
        if (gap <= 0 || gap > kPairWindowSeconds) continue;
        first.push_back(list[i]);
        second.push_back(list[i + 1]);
        change.push_back(list[i + 1]->pain - list[i]->pain);
    }
    const auto pairIds = [&](std::size_t i) {
        return Finding::Example{first[i]->id, first[i]->startedAt, first[i]->pain, second[i]->id, second[i]->pain};
    };
    out.pairs = static_cast<int>(change.size());
    for (const Term& t : careTerms()) {
        const std::string name(t.name);
        out.care.push_back(split(name, std::string(t.label), change,
                                 [&](std::size_t i) { return first[i]->hasCare(name); }, pairIds));
    }
    std::map<std::string, int> meds;
    for (const Episode* e : list)
        for (const auto& m : medicationsOf(*e)) ++meds[m];
    for (const auto& [name, count] : meds) {
        Finding f = split(name, name, change, [&](std::size_t i) { return medicationName(first[i]->medication) == name; },
                          pairIds);
        f.medication = true;
        out.care.push_back(std::move(f));
    }
    rank(out.care);

    std::vector<double> pain;
    for (const Episode* e : list) pain.push_back(e->pain);
    for (const Term& t : contextTerms()) {
        const std::string name(t.name);
        out.contexts.push_back(split(name, std::string(t.label), pain,
                                     [&](std::size_t i) { return list[i]->hasContext(name); },
                                     [&](std::size_t i) {
                                         return Finding::Example{list[i]->id, list[i]->startedAt, list[i]->pain, 0, {}};
                                     }));
    }
    rank(out.contexts);

    static constexpr std::array<const char*, 4> kParts = {"night", "morning", "afternoon", "evening"};
    static constexpr std::array<const char*, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::array<double, 4> partSum{};
    std::array<int, 4> partN{};
    std::array<double, 7> daySum{};
    std::array<int, 7> dayN{};
    for (const Episode* e : list) {
        const auto part = static_cast<std::size_t>(e->startedAt.hour / 6);  // 0-5, 6-11, 12-17, 18-23
        partSum[part] += e->pain;
        ++partN[part];
        const auto day = static_cast<std::size_t>(((daysFromCivil(e->startedAt.date) + 3) % 7 + 7) % 7);  // Monday = 0
        daySum[day] += e->pain;
        ++dayN[day];
    }
    for (std::size_t i = 0; i < kParts.size(); ++i)
        out.timeOfDay.push_back({kParts[i], partN[i], partN[i] ? std::optional<double>(partSum[i] / partN[i]) : std::nullopt});
    for (std::size_t i = 0; i < kDays.size(); ++i)
        out.weekday.push_back({kDays[i], dayN[i], dayN[i] ? std::optional<double>(daySum[i] / dayN[i]) : std::nullopt});
    out.relief = reliefByMedication(episodes);
    return out;
}

std::string careSentence(const Finding& f) {
    if (!f.effect) return notEnough(f);
    const Interval& i = *f.effect;
    const std::string after = "After " + lowerFirst(f.label) + ", ";
    if (i.includesZero())
        return after + "there was no clear difference in your pain by the next entry" + intervalWords(i, f.with, "times") + ".";
    const bool lower = i.estimate < 0;
    return after + "your pain by the next entry was on average " + number(std::abs(i.estimate)) +
           (lower ? " lower" : " higher") + " than without" +
           intervalWords(lower ? Interval{-i.estimate, -i.high, -i.low} : i, f.with, "times") +
           ". This shows a pattern, not proof.";
}

std::string contextSentence(const Finding& f) {
    if (!f.effect) return notEnough(f);
    const Interval& i = *f.effect;
    const std::string marked = "Entries marked \u201C" + f.label + "\u201D";
    if (i.includesZero())
        return marked + ": no clear difference in pain from your other entries" + intervalWords(i, f.with, "entries") + ".";
    const bool higher = i.estimate > 0;
    return marked + " had pain on average " + number(std::abs(i.estimate)) + (higher ? " higher" : " lower") +
           " than your other entries" +
           intervalWords(higher ? i : Interval{-i.estimate, -i.high, -i.low}, f.with, "entries") +
           ". This shows a pattern, not proof.";
}

}  // namespace core
