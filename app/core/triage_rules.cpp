// The red-flag rule table: every rule of /work/shared/reference/red-flags.md, as data.
// The conditions follow that specification word for word; the texts are KneeLog's own,
// written for the person (second person, calm, informing — never a diagnosis).
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/triage.hpp"

namespace core {
namespace {

// [SECTION] Episode conditions shared between rules

// The rules are written as "any of these was logged"; one helper keeps each rule to one line.
bool anySymptom(const Episode& e, std::initializer_list<std::string_view> names) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return e.hasSymptom(n); });
}

// U2: a lump that has changed. S1 needs it too, because a lump is only "soon" without these features.
bool cystBurstOrClot(const Episode& e) {
    if (!e.hasSymptom("lump")) return false;
    const bool changed = anySymptom(e, {"bruising", "redness", "warmth", "calf_swelling", "leg_swelling"});
    const bool suddenSwelling = e.onset == "sudden" && e.hasSymptom("swelling");
    return changed || suddenSwelling;
}

// U3: a sign of being ill together with a sign at the knee. S4 steps aside when it fires.
bool jointInfection(const Episode& e) {
    return anySymptom(e, {"fever", "unwell"}) && anySymptom(e, {"swelling", "warmth", "redness"});
}

// U7: both skin signs together. S4 steps aside when it fires.
bool redHotSkin(const Episode& e) { return e.hasSymptom("redness") && e.hasSymptom("warmth"); }

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

// [SECTION] Sources, by name

constexpr std::string_view kSeedArticle = "What Can Cause Pain Behind the Knee? (posterior knee pain article, reviewed 2020)";
constexpr std::string_view kNhsDvt = "NHS: Deep vein thrombosis (DVT)";
constexpr std::string_view kNhsWalesBakers = "NHS 111 Wales: Baker's cyst";
constexpr std::string_view kNhsEastLancsInjury = "NHS East Lancashire: Traumatic knee injury";
constexpr std::string_view kNhsKneePain = "NHS: Knee pain";
constexpr std::string_view kNhsSepticArthritis = "NHS: Septic arthritis";

// [SECTION] The table

std::vector<Rule> makeEpisodeRules() {
    return {
        {.id = "E1", .key = "clot_in_lung_signs", .level = Level::Emergency,
         .title = "Signs a clot may have reached the lungs",
         .condition = "Breathlessness, chest pain, coughing up blood, fainting or a racing heartbeat, "
                      "logged together with your leg pain.",
         .reason = "Leg pain together with trouble breathing or chest pain can mean that a blood clot "
                   "from the leg has travelled to the lungs. That needs help straight away, even if "
                   "the feeling eases.",
         .articles = {"dvt", "when_to_see_a_doctor"},
         .sources = {kNhsDvt, kNhsWalesBakers, "CDC: Blood clots — know the signs"},
         .onEpisode = [](const Episode& e) {
             return anySymptom(e, {"breathless", "chest_pain", "coughing_blood", "faint", "racing_heart"});
         },
         .onHistory = nullptr},
        {.id = "E2", .key = "blocked_artery_signs", .level = Level::Emergency,
         .title = "Signs the blood supply to the leg may be cut off",
         .condition = "Your foot or lower leg is cold, pale, blue or blotchy.",
         .reason = "A cold, pale or bluish foot with leg pain can mean that blood is not getting "
                   "through to the leg. Hours matter for the leg, so this is treated as an emergency.",
         .articles = {"blocked_artery"},
         .sources = {"Health New Zealand (info.health.nz): Acute limb ischaemia",
                     "NHS Devon: Acute limb ischaemia (referral guidance)"},
         .onEpisode = [](const Episode& e) { return e.hasSymptom("cold_foot"); },
         .onHistory = nullptr},
        {.id = "U1", .key = "possible_dvt", .level = Level::Urgent,
         .title = "Possible blood clot in the leg",
         .condition = "Pain or swelling in the calf or leg on one side (or no side given), with "
                      "swelling, warmth or redness.",
         .reason = "A clot in a deep vein of the leg often shows as pain and swelling in one leg, "
                   "sometimes with warm, red or darker skin, and it can begin behind the knee. A "
                   "doctor should check you today, usually with a scan, because a clot can move on "
                   "to the lungs.",
         .articles = {"dvt"},
         .sources = {kNhsDvt, kSeedArticle},
         .onEpisode = [](const Episode& e) {
             return e.side != "both" && anySymptom(e, {"calf_pain", "calf_swelling", "leg_swelling"}) &&
                    anySymptom(e, {"calf_swelling", "leg_swelling", "warmth", "redness"});
         },
         .onHistory = nullptr},
        {.id = "U2", .key = "cyst_burst_or_clot", .level = Level::Urgent,
         .title = "A lump behind the knee that has changed",
         .condition = "A lump behind the knee with bruising, redness, warmth or calf or leg swelling, "
                      "or a lump with swelling that came on suddenly.",
         .reason = "When a lump behind the knee suddenly changes — new swelling, bruising, warmth, or "
                   "red or darker skin — fluid may be leaking into the calf. From the outside that "
                   "looks the same as a blood clot, and only an examination or a scan can tell them "
                   "apart, so have it checked today.",
         .articles = {"bakers_cyst", "dvt"},
         .sources = {kNhsWalesBakers, "Mayo Clinic: Baker's cyst"},
         .onEpisode = cystBurstOrClot,
         .onHistory = nullptr},
        {.id = "U3", .key = "joint_infection", .level = Level::Urgent,
         .title = "Possible infection in or around the joint",
         .condition = "A fever or feeling unwell, together with swelling, warmth or redness.",
         .reason = "A swollen, warm or red knee while you have a temperature or feel generally unwell "
                   "can be a sign of infection. An infected joint can be harmed quickly, so a doctor "
                   "should see you today; if you feel very unwell, go to an emergency department.",
         .articles = {"infection"},
         .sources = {kNhsSepticArthritis, "Versus Arthritis: Septic arthritis", kSeedArticle},
         .onEpisode = jointInfection,
         .onHistory = nullptr},
        {.id = "U4", .key = "severe_or_cannot_bear_weight", .level = Level::Urgent,
         .title = "Severe pain, or the leg cannot take your weight",
         .condition = "Pain of 8 or more out of 10, or you cannot put weight on the leg, or the knee "
                      "has changed shape.",
         .reason = "Very strong pain, being unable to stand on the leg, or a knee that looks out of "
                   "shape should be seen by a doctor today, whatever the cause turns out to be.",
         .articles = {"injuries", "when_to_see_a_doctor"},
         .sources = {kNhsKneePain, kSeedArticle},
         .onEpisode = [](const Episode& e) {
             constexpr int kSeverePain = 8;
             return e.pain >= kSeverePain || anySymptom(e, {"cannot_bear_weight", "deformity"});
         },
         .onHistory = nullptr},
        {.id = "U5", .key = "locked_knee", .level = Level::Urgent,
         .title = "The knee is stuck and will not straighten",
         .condition = "The knee is locked now and you cannot straighten it.",
         .reason = "A knee that stays stuck may have something caught inside the joint, such as a "
                   "torn piece of cartilage. Do not force it; have it looked at today.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, "NHS Cornwall: Knee pain pathway (acutely locked knee)"},
         .onEpisode = [](const Episode& e) { return e.hasSymptom("cannot_straighten"); },
         .onHistory = nullptr},
        {.id = "U6", .key = "serious_injury", .level = Level::Urgent,
         .title = "Warning signs after an injury",
         .condition = "A recent injury with the knee giving way or numbness, or with swelling that "
                      "came on suddenly.",
         .reason = "After a knee injury, swelling that builds within hours, a knee that gives way, or "
                   "numbness or tingling below the knee can point to damage inside the knee or to a "
                   "nerve. These are worth having checked the same day.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury},
         .onEpisode = [](const Episode& e) {
             if (!e.hasSymptom("recent_injury")) return false;
             return anySymptom(e, {"giving_way", "numbness"}) ||
                    (e.onset == "sudden" && e.hasSymptom("swelling"));
         },
         .onHistory = nullptr},
        {.id = "U7", .key = "red_hot_skin", .level = Level::Urgent,
         .title = "Red, hot skin at the knee",
         .condition = "Redness and warmth together, with or without a fever.",
         .reason = "Skin that is both red and hot can be a sign of infection in the skin, in a fluid "
                   "sac or in the joint. At home this cannot be told apart from other causes such as "
                   "gout, so a doctor should see it today.",
         .articles = {"infection", "gout"},
         .sources = {"NHS: Cellulitis", "CDC: Cellulitis", kSeedArticle},
         .onEpisode = redHotSkin,
         .onHistory = nullptr},
        {.id = "S1", .key = "lump_behind_knee", .level = Level::Soon,
         .title = "A lump behind the knee",
         .condition = "A lump, without bruising, redness, warmth, calf or leg swelling, or sudden swelling.",
         .reason = "A lump behind the knee can have several causes, and only an examination can tell "
                   "which one it is. Ask a doctor to look at it in the coming days, and get help the "
                   "same day if it suddenly swells, bruises, or turns red or warm.",
         .articles = {"bakers_cyst", "tumours"},
         .sources = {kNhsWalesBakers, kSeedArticle},
         .onEpisode = [](const Episode& e) { return e.hasSymptom("lump") && !cystBurstOrClot(e); },
         .onHistory = nullptr},
        {.id = "S2", .key = "bone_warning_signs", .level = Level::Soon,
         .title = "Pain at night, weight loss or night sweats",
         .condition = "Pain at night, weight loss you cannot explain, or night sweats.",
         .reason = "Bone pain that is worse at night, losing weight without trying and drenching "
                   "night sweats are things a doctor will want to know about. Serious causes are "
                   "rare, but they are easier to treat when found early.",
         .articles = {"tumours"},
         .sources = {"NHS: Bone cancer — symptoms", kSeedArticle},
         .onEpisode = [](const Episode& e) {
             return e.hasContext("night") || anySymptom(e, {"weight_loss", "night_sweats"});
         },
         .onHistory = nullptr},
        {.id = "S3", .key = "inflammatory_both_knees", .level = Level::Soon,
         .title = "Both knees affected",
         .condition = "Both knees, with morning stiffness or swelling.",
         .reason = "Painful, swollen knees on both sides, especially with stiffness that lasts more "
                   "than half an hour in the morning, can come from inflammation of the joints. A "
                   "doctor can test for it, and early treatment protects the joints.",
         .articles = {"rheumatoid_arthritis"},
         .sources = {"Versus Arthritis: Rheumatoid arthritis", kSeedArticle},
         .onEpisode = [](const Episode& e) {
             return e.side == "both" && anySymptom(e, {"morning_stiffness", "swelling"});
         },
         .onHistory = nullptr},
        {.id = "S4", .key = "inflammation_signs", .level = Level::Soon,
         .title = "A sign of inflammation",
         .condition = "Redness, warmth, a fever or feeling unwell, without the combinations that "
                      "need help today.",
         .reason = "A warm or red knee, or a fever while your knee hurts, has several possible causes "
                   "— gout, an irritated fluid sac, a flare of arthritis or an early infection — and "
                   "they can look alike. Ask a doctor to check it in the coming days. If a second "
                   "sign joins, such as a fever with swelling or redness with heat, get help today.",
         .articles = {"gout", "infection"},
         .sources = {"NHS: Gout", kNhsSepticArthritis, kSeedArticle},
         .onEpisode = [](const Episode& e) {
             return anySymptom(e, {"redness", "warmth", "fever", "unwell"}) && !jointInfection(e) &&
                    !redHotSkin(e);
         },
         .onHistory = nullptr},
        {.id = "S5", .key = "mechanical_symptoms", .level = Level::Soon,
         .title = "The knee catches or gives way",
         .condition = "The knee locks and then frees again, or gives way.",
         .reason = "A knee that keeps catching or giving way may have a torn cartilage or an injured "
                   "ligament. A doctor or physiotherapist can examine it and suggest what helps.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, kSeedArticle},
         .onEpisode = [](const Episode& e) { return anySymptom(e, {"locking", "giving_way"}); },
         .onHistory = nullptr},
        {.id = "S6", .key = "both_legs_swollen", .level = Level::Soon,
         .title = "Both legs swollen",
         .condition = "Calf or leg swelling in both legs.",
         .reason = "Swelling in both legs is not the usual pattern of a clot, which tends to affect "
                   "one leg, but it can come from the heart, the kidneys or the veins. Have a doctor "
                   "check it, especially if it does not go down.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {"NHS: Oedema (swelling)"},
         .onEpisode = [](const Episode& e) {
             return e.side == "both" && anySymptom(e, {"calf_swelling", "leg_swelling"});
         },
         .onHistory = nullptr},
    };
}

std::vector<Rule> makeHistoryRules() {
    return {
        {.id = "H1", .key = "not_improving", .level = Level::Soon,
         .title = "Not getting better",
         .condition = "Pain on at least 10 of the last 14 days, and the last 7 days no better on "
                      "average than the 7 days before.",
         .reason = "You have had pain on most days for two weeks and it is not easing. When looking "
                   "after it yourself has not helped after a week or two, a doctor or "
                   "physiotherapist can look for the cause and suggest what to try next.",
         .articles = {"when_to_see_a_doctor", "self_care"},
         .sources = {"NHS Herefordshire and Worcestershire: Knee pain clinical pathway", kSeedArticle},
         .onEpisode = nullptr,
         .onHistory = notImproving},
        {.id = "H2", .key = "getting_worse", .level = Level::Soon,
         .title = "Pain getting worse",
         .condition = "Your worst pain each day averaged at least 2 points higher over the last 7 "
                      "days than over the 7 days before (with at least 3 days logged in each week).",
         .reason = "Your daily worst pain has risen by 2 points or more on the 0 to 10 scale compared "
                   "with the week before. A change that size is one people clearly feel, and pain "
                   "that keeps climbing is worth a review with a doctor.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {"Farrar et al. 2001, Pain: clinically important change in pain intensity",
                     "NHS Gloucestershire: Knee pain pathway"},
         .onEpisode = nullptr,
         .onHistory = gettingWorse},
        {.id = "H3", .key = "recurring_swelling", .level = Level::Soon,
         .title = "Swelling keeps coming back",
         .condition = "Swelling logged on at least 3 different days in the last 14.",
         .reason = "Swelling that returns on several days shows that something in or around the knee "
                   "stays irritated. A doctor can examine the knee and find out why.",
         .articles = {"bakers_cyst", "osteoarthritis"},
         .sources = {kNhsKneePain, kSeedArticle},
         .onEpisode = nullptr,
         .onHistory = recurringSwelling},
    };
}

// Episode rules first, then history rules: the order the specification lists them, which is
// also the order ruleIds and articles are reported in.
std::vector<Rule> makeRules() {
    std::vector<Rule> all = makeEpisodeRules();
    std::vector<Rule> history = makeHistoryRules();
    all.insert(all.end(), std::make_move_iterator(history.begin()), std::make_move_iterator(history.end()));
    return all;
}

}  // namespace

std::span<const Rule> rules() {
    // Built once on first use (thread-safe since C++11) and never changed afterwards.
    static const std::vector<Rule> kRules = makeRules();
    return kRules;
}

}  // namespace core
