// The conditions of the red-flag rules (red flags version 2), one function each, so the table
// files read like the specification. Pure: no I/O, no clock.
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/triage_conditions.hpp"

namespace core::triage_detail {

// [SECTION] Episode conditions shared between rules

// The rules are written as "any of these was logged"; one helper keeps each rule to one line.
bool anySymptom(const Episode& e, std::initializer_list<std::string_view> names) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return e.hasSymptom(n); });
}
bool anyRisk(const TriageContext& c, std::initializer_list<std::string_view> names) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return c.hasRisk(n); });
}

// Terms of the specification ("Terms used below").
bool legSign(const Episode& e) { return anySymptom(e, {"calf_pain", "calf_swelling", "leg_swelling"}); }
bool jointSign(const Episode& e) { return anySymptom(e, {"swelling", "warmth", "redness"}); }
// One leg: left, right, or not given (unknown is the safe side). The knee side never decides.
bool oneLeg(const Episode& e) { return e.leg != "both"; }
bool sudden(const Episode& e) { return e.onset == "sudden"; }
bool recentClotRisk(const TriageContext& c) {
    return anyRisk(c, {"recent_surgery", "long_journey", "immobile", "pregnant_or_postpartum"});
}
bool standingClotRisk(const TriageContext& c) { return anyRisk(c, {"hormones", "cancer", "previous_clot"}); }
bool clotRisk(const TriageContext& c) { return recentClotRisk(c) || standingClotRisk(c); }
// A symptom logged now that was not logged on any of the 14 days before.
bool newSymptom(const Episode& e, const TriageContext& c, std::string_view name) {
    return e.hasSymptom(name) && c.isNew(name);
}


// E1: signs that a clot may have reached the lungs. U10 steps aside when it fires.
bool clotInLung(const Episode& e, const TriageContext& c) {
    if (anySymptom(e, {"breathless", "chest_pain", "coughing_blood"})) return true;
    if (e.hasSymptom("faint") &&
        (legSign(e) || e.hasSymptom("racing_heart") || c.hasRisk("blood_thinners") || clotRisk(c)))
        return true;
    return anySymptom(e, {"dizzy", "racing_heart"}) && legSign(e);
}

// E2: the blood supply to the leg may be cut off. U9 and S9 step aside when it fires.
bool blockedArtery(const Episode& e) {
    return anySymptom(e, {"cold_foot", "weak_foot"}) ||
           (e.hasSymptom("numbness") && sudden(e) && e.pain >= kVerySeverePain);
}

// U1: a clot in a deep vein of one leg. S7 steps aside when it fires.
bool possibleDvt(const Episode& e, const TriageContext& c) {
    if (!oneLeg(e)) return false;
    if (anySymptom(e, {"calf_swelling", "leg_swelling"})) return true;
    if (!e.hasSymptom("calf_pain")) return false;
    return anySymptom(e, {"warmth", "redness"}) || sudden(e) || recentClotRisk(c) ||
           (c.isNew("calf_pain") && standingClotRisk(c));
}

// U2: a lump that has changed. S1 steps aside when it fires.
bool cystBurstOrClot(const Episode& e) {
    if (!e.hasSymptom("lump")) return false;
    const bool changed = anySymptom(
        e, {"bruising", "redness", "warmth", "calf_pain", "calf_swelling", "leg_swelling", "rapid_swelling"});
    return changed || (sudden(e) && e.hasSymptom("swelling"));
}

// U3: an infected joint (or an infected artificial joint). S4 steps aside when it fires.
bool jointInfection(const Episode& e, const TriageContext& c) {
    if (e.hasFever() && (e.pain >= 1 || jointSign(e))) return true;
    if (e.hasSymptom("unwell") && jointSign(e)) return true;
    if (c.hasRisk("knee_replacement") &&
        (e.hasFever() || e.hasSymptom("redness") || newSymptom(e, c, "swelling") || newSymptom(e, c, "warmth")))
        return true;
    return c.hasRisk("low_immunity") && anySymptom(e, {"warmth", "redness"});
}

// U4's pain part: pain of 8 or more that is new or worse than usual. S8 reads it too.
// "Worse than usual": at least 2 above the mean daily maximum of the days logged before, in whole
// numbers (pain*n - sum >= 2n), so no rounding can flip a borderline case.
bool severePainNewOrWorse(const Episode& e, const TriageContext& c) {
    if (e.pain < kSeverePain) return false;
    constexpr std::size_t kUsualNeedsDays = 3;
    constexpr int64_t kMeaningfulChange = 2;
    if (sudden(e) || c.before.size() < kUsualNeedsDays) return true;
    int64_t sum = 0;
    for (const HistoryDay& d : c.before) sum += d.maxPain;
    const auto n = static_cast<int64_t>(c.before.size());
    return int64_t{e.pain} * n - sum >= kMeaningfulChange * n;
}

// U7: both skin signs together. S4 steps aside when it fires.
bool redHotSkin(const Episode& e) { return e.hasSymptom("redness") && e.hasSymptom("warmth"); }

// U8: a hot, swollen knee that is new (or came on suddenly). S4 steps aside when it fires.
bool hotSwollenKnee(const Episode& e, const TriageContext& c) {
    return e.hasSymptom("swelling") && e.hasSymptom("warmth") && (c.swellingWithWarmthIsNew() || sudden(e));
}

// U9: numbness that is new or sudden, when E2 does not fire. S9 steps aside when it fires.
bool newNumbness(const Episode& e, const TriageContext& c) {
    return e.hasSymptom("numbness") && (c.isNew("numbness") || sudden(e)) && !blockedArtery(e);
}

namespace {

// [SECTION] History conditions

// The history rules look back 14 local days: "this week" is today-6..today and
// "the week before" is today-13..today-7. A day that is absent from the span was not logged.
constexpr int kWindowDays = 14;
constexpr int kWeekDays = 7;

// The last 14 days, indexed by how many days ago (0 = today). Days outside the window, and
// days after `today`, are ignored; a day listed twice is merged (its worst pain, any swelling),
// so the callers' order and grouping never change the result.
struct Window {
    std::array<std::optional<int>, kWindowDays> maxPain{};
    std::array<bool, kWindowDays> swelling{};
    std::array<bool, kWindowDays> night{};
};

Window windowOf(std::span<const HistoryDay> days, CivilDate today) {
    Window w;
    const int64_t todayIndex = daysFromCivil(today);
    for (const HistoryDay& d : days) {
        const int64_t ago = todayIndex - daysFromCivil(d.day);
        if (ago < 0 || ago >= kWindowDays) continue;
        const auto i = static_cast<std::size_t>(ago);
        w.maxPain[i] = std::max(w.maxPain[i].value_or(d.maxPain), d.maxPain);
        w.swelling[i] = w.swelling[i] || d.swelling;
        w.night[i] = w.night[i] || std::find(d.contexts.begin(), d.contexts.end(), "night") != d.contexts.end();
    }
    return w;
}

// Logged days and the sum of their daily maximum pain over one week of the window.
struct Week {
    int64_t logged = 0;
    int64_t painSum = 0;
};

Week weekOf(const Window& w, int firstAgo) {
    Week week;
    for (int ago = firstAgo; ago < firstAgo + kWeekDays; ++ago) {
        if (const auto& pain = w.maxPain[static_cast<std::size_t>(ago)]) {
            ++week.logged;
            week.painSum += *pain;
        }
    }
    return week;
}

// Mean daily max of `recent` minus that of `before`, compared with `points`, in whole numbers:
// recent.sum/recent.n - before.sum/before.n >= points  <=>  recent.sum*before.n - before.sum*recent.n
// >= points*recent.n*before.n (both counts positive). No rounding can flip a borderline case.
bool meanRoseBy(const Week& recent, const Week& before, int64_t points) {
    if (recent.logged == 0 || before.logged == 0) return false;
    const int64_t lhs = recent.painSum * before.logged - before.painSum * recent.logged;
    return lhs >= points * recent.logged * before.logged;
}

}  // namespace

// H1, precisely: (a) at least 10 of the 14 days today-13..today are logged with a daily maximum
// pain above 0, and (b) the mean of the daily maximum pain over the logged days of today-6..today
// is not lower than the mean over the logged days of today-13..today-7 (days logged with pain 0
// count in the means). (a) guarantees at least 3 logged days in each week, so both means exist.
bool notImproving(std::span<const HistoryDay> days, CivilDate today) {
    constexpr int kPainfulDaysNeeded = 10;
    const Window w = windowOf(days, today);
    const auto painful = std::count_if(w.maxPain.begin(), w.maxPain.end(),
                                       [](const std::optional<int>& p) { return p && *p > 0; });
    if (painful < kPainfulDaysNeeded) return false;
    return meanRoseBy(weekOf(w, 0), weekOf(w, kWeekDays), 0);
}

// H2: the mean daily maximum of today-6..today is at least 2 points above that of
// today-13..today-7, and each of the two weeks has at least 3 logged days.
bool gettingWorse(std::span<const HistoryDay> days, CivilDate today) {
    constexpr int64_t kMinLoggedDays = 3;
    constexpr int64_t kMeaningfulChange = 2;  // the smallest change on 0-10 that matters to a person
    const Window w = windowOf(days, today);
    const Week recent = weekOf(w, 0);
    const Week before = weekOf(w, kWeekDays);
    if (recent.logged < kMinLoggedDays || before.logged < kMinLoggedDays) return false;
    return meanRoseBy(recent, before, kMeaningfulChange);
}

// H3: swelling on at least 3 different days of today-13..today; several episodes on one day count once.
bool recurringSwelling(std::span<const HistoryDay> days, CivilDate today) {
    constexpr int kSwollenDaysNeeded = 3;
    const Window w = windowOf(days, today);
    return std::count(w.swelling.begin(), w.swelling.end(), true) >= kSwollenDaysNeeded;
}

// H4: the context `night` on at least 3 different days of today-13..today.
bool recurringNightPain(std::span<const HistoryDay> days, CivilDate today) {
    constexpr int kNightsNeeded = 3;
    const Window w = windowOf(days, today);
    return std::count(w.night.begin(), w.night.end(), true) >= kNightsNeeded;
}
}  // namespace core::triage_detail
