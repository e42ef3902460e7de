// The red-flag rule table (red flags version 2), as data; app/core/triage_rules.md documents it.
// The conditions follow the specification exactly; the texts are KneeLog's own,
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

constexpr int kSeverePain = 8;
constexpr int kVerySeverePain = 7;  // E2, E3, S8: "7 or more"

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

// [SECTION] Sources, by name

constexpr std::string_view kSeedArticle = "What Can Cause Pain Behind the Knee? (posterior knee pain article, reviewed 2020)";
constexpr std::string_view kNhsDvt = "NHS: Deep vein thrombosis (DVT)";
constexpr std::string_view kNhsWalesBakers = "NHS 111 Wales: Baker's cyst";
constexpr std::string_view kNhsEastLancsInjury = "NHS East Lancashire: Traumatic knee injury";
constexpr std::string_view kNhsKneePain = "NHS: Knee pain";
constexpr std::string_view kNhsSepticArthritis = "NHS: Septic arthritis";
constexpr std::string_view kVersusSeptic = "Versus Arthritis: Septic arthritis";
constexpr std::string_view kNhsCellulitis = "NHS: Cellulitis";
constexpr std::string_view kCdcClots = "CDC: Blood clots";
constexpr std::string_view kAsthmaLungPe = "Asthma + Lung UK: Pulmonary embolism";
constexpr std::string_view kRcemIschaemia = "RCEM Learning: Acute limb ischaemia";
constexpr std::string_view kHnzIschaemia = "Health New Zealand (info.health.nz): Acute limb ischaemia";
constexpr std::string_view kNhsAnticoagulants = "NHS: Anticoagulants — side effects";
constexpr std::string_view kNhsGlosKnee = "NHS Gloucestershire: Knee pain pathway";
constexpr std::string_view kNhsBoneCancer = "NHS: Bone cancer — symptoms";

// [SECTION] The table (red flags version 2; app/core/triage_rules.md is the same table in words)

std::vector<Rule> makeEmergencyRules() {
    return {
        {.id = "E1", .key = "clot_in_lung_signs", .level = Level::Emergency,
         .title = "Signs a clot may have reached the lungs",
         .condition = "Breathlessness, chest pain or coughing up blood; or fainting together with a calf or leg "
                      "sign, a racing heart, blood thinners or a clot risk; or dizziness or a racing heart "
                      "together with a calf or leg sign.",
         .reason = "Trouble breathing, chest pain or coughing up blood — or feeling faint, dizzy or a racing "
                   "heart while a calf or leg is painful or swollen — can mean that a blood clot has "
                   "travelled to the lungs. That needs help straight away, even if the feeling eases.",
         .articles = {"dvt", "when_to_see_a_doctor"},
         .sources = {kNhsDvt, kNhsWalesBakers, kCdcClots, kAsthmaLungPe, "NHS 111 Wales: Fainting"},
         .onEpisode = clotInLung, .onHistory = nullptr},
        {.id = "E2", .key = "blocked_artery_signs", .level = Level::Emergency,
         .title = "Signs the blood supply to the leg may be cut off",
         .condition = "A cold or pale foot; a foot you cannot lift or toes you cannot move; or numbness that "
                      "came on suddenly with pain of 7 or more.",
         .reason = "A cold, pale or bluish foot, a foot that has gone weak, or sudden numbness with strong "
                   "pain can mean that blood is not getting through to the leg. Hours matter for the leg, so "
                   "this is treated as an emergency. Do not try to check a pulse yourself; let the "
                   "ambulance crew do that.",
         .articles = {"blocked_artery"},
         .sources = {kHnzIschaemia, kRcemIschaemia},
         .onEpisode = [](const Episode& e, const TriageContext&) { return blockedArtery(e); },
         .onHistory = nullptr},
        {.id = "E3", .key = "compartment_signs", .level = Level::Emergency,
         .title = "Signs of pressure building in the calf after an injury",
         .condition = "A recent injury with pain of 7 or more and calf swelling or numbness.",
         .reason = "After an injury, severe pain with a tight, swollen calf or pins and needles can mean that "
                   "pressure is building up inside the muscles of the leg. That can harm the muscles and "
                   "nerves within hours, so it needs emergency care.",
         .articles = {"injuries"},
         .sources = {"NHS: Compartment syndrome"},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.hasSymptom("recent_injury") && e.pain >= kVerySeverePain &&
                    anySymptom(e, {"calf_swelling", "numbness"});
         },
         .onHistory = nullptr},
    };
}

std::vector<Rule> makeUrgentRules() {
    return {
        {.id = "U1", .key = "possible_dvt", .level = Level::Urgent,
         .title = "Possible blood clot in the leg",
         .condition = "In one leg (or the leg not given): calf or leg swelling; or calf pain with warmth, "
                      "redness, a sudden start or a recent clot risk — or, when the calf pain is new, a "
                      "long-standing clot risk.",
         .reason = "A clot in a deep vein often shows as pain or swelling in one leg, sometimes with warm, "
                   "red or darker skin, and it can start behind the knee. A doctor should check you today, "
                   "usually with a scan, because a clot can move on to the lungs. Do not massage the calf.",
         .articles = {"dvt"},
         .sources = {kNhsDvt, "NICE NG158: Venous thromboembolic diseases", kSeedArticle},
         .onEpisode = possibleDvt, .onHistory = nullptr},
        {.id = "U2", .key = "cyst_burst_or_clot", .level = Level::Urgent,
         .title = "A lump behind the knee that has changed",
         .condition = "A lump with bruising, redness, warmth, calf pain, calf or leg swelling, or swelling "
                      "within hours; or a lump with swelling that came on suddenly.",
         .reason = "When a lump behind the knee suddenly changes, fluid may be leaking into the calf. From "
                   "the outside that looks the same as a blood clot, and only an examination or a scan can "
                   "tell them apart, so have it checked today.",
         .articles = {"bakers_cyst", "dvt"},
         .sources = {kNhsWalesBakers, "Mayo Clinic: Baker's cyst"},
         .onEpisode = [](const Episode& e, const TriageContext&) { return cystBurstOrClot(e); },
         .onHistory = nullptr},
        {.id = "U3", .key = "joint_infection", .level = Level::Urgent,
         .title = "Possible infection in or around the joint",
         .condition = "A fever (ticked, or 38.0 °C or more) with pain or with swelling, warmth or redness; "
                      "feeling unwell with swelling, warmth or redness; with a knee replacement, a fever, "
                      "redness, or swelling or warmth that is new; with lower immunity, warmth or redness.",
         .reason = "A painful knee with a temperature, or a swollen, warm or red knee while you feel unwell, "
                   "can be a sign of infection. An infected joint can be harmed quickly, so a doctor should "
                   "see you today; if you feel very unwell, go to an emergency department. An artificial "
                   "knee, diabetes or medicines that lower immunity make this more likely.",
         .articles = {"infection"},
         .sources = {kNhsSepticArthritis, kVersusSeptic, kNhsCellulitis,
                     "British Society for Rheumatology: The hot swollen joint", kSeedArticle},
         .onEpisode = jointInfection, .onHistory = nullptr},
        {.id = "U4", .key = "severe_or_cannot_bear_weight", .level = Level::Urgent,
         .title = "Severe pain, or the leg cannot take your weight",
         .condition = "You cannot put weight on the leg, or the knee has changed shape; or pain of 8 or more "
                      "that is new or worse than usual (sudden, fewer than 3 days logged in the two weeks "
                      "before, or at least 2 points above your usual worst pain of those days).",
         .reason = "Being unable to stand on the leg, a knee that looks out of shape, or very strong pain "
                   "that is new or clearly worse than your usual should be seen by a doctor today, whatever "
                   "the cause turns out to be.",
         .articles = {"injuries", "when_to_see_a_doctor"},
         .sources = {kNhsKneePain, kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return anySymptom(e, {"cannot_bear_weight", "deformity"}) || severePainNewOrWorse(e, c);
         },
         .onHistory = nullptr},
        {.id = "U5", .key = "locked_knee", .level = Level::Urgent,
         .title = "The knee is stuck and will not straighten",
         .condition = "The knee is locked now and you cannot straighten it.",
         .reason = "A knee that stays stuck may have something caught inside the joint, such as a torn piece "
                   "of cartilage. Do not force it; have it looked at today.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, "NHS Cornwall: Knee pain pathway (acutely locked knee)"},
         .onEpisode = [](const Episode& e, const TriageContext&) { return e.hasSymptom("cannot_straighten"); },
         .onHistory = nullptr},
        {.id = "U6", .key = "serious_injury", .level = Level::Urgent,
         .title = "Warning signs after an injury",
         .condition = "A recent injury with giving way, numbness or swelling within hours; or with blood "
                      "thinners and swelling or bruising; or with swelling that came on suddenly.",
         .reason = "After a knee injury, swelling that builds within hours, a knee that gives way, or "
                   "numbness below the knee can point to damage inside the knee or to a nerve. On blood "
                   "thinners, a swollen or bruised knee after a knock can be bleeding into the joint. These "
                   "are worth having checked the same day.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, kNhsAnticoagulants},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             if (!e.hasSymptom("recent_injury")) return false;
             return anySymptom(e, {"giving_way", "numbness", "rapid_swelling"}) ||
                    (c.hasRisk("blood_thinners") && anySymptom(e, {"swelling", "bruising", "rapid_swelling"})) ||
                    (sudden(e) && e.hasSymptom("swelling"));
         },
         .onHistory = nullptr},
        {.id = "U7", .key = "red_hot_skin", .level = Level::Urgent,
         .title = "Red, hot skin at the knee",
         .condition = "Redness and warmth together.",
         .reason = "Skin that is both red and hot can be a sign of infection in the skin, in a fluid sac or "
                   "in the joint. At home this cannot be told apart from other causes such as gout, so a "
                   "doctor should see it today.",
         .articles = {"infection", "gout"},
         .sources = {kNhsCellulitis, kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) { return redHotSkin(e); },
         .onHistory = nullptr},
        {.id = "U8", .key = "hot_swollen_knee", .level = Level::Urgent,
         .title = "A hot, swollen knee",
         .condition = "Swelling and warmth together, new in the last two weeks or with a sudden start.",
         .reason = "A joint that has become hot and swollen is treated as infected until a doctor has "
                   "checked it, because an infection can harm the joint quickly. Get it seen today.",
         .articles = {"infection"},
         .sources = {kNhsSepticArthritis, "Patient.info: Hot swollen joints"},
         .onEpisode = hotSwollenKnee, .onHistory = nullptr},
        {.id = "U9", .key = "new_numbness", .level = Level::Urgent,
         .title = "New numbness or tingling",
         .condition = "Numbness or pins and needles that is new in the last two weeks or came on suddenly "
                      "(and is not an emergency sign).",
         .reason = "New numbness or tingling below the knee can come from a nerve that is pressed or from "
                   "the blood supply. A doctor should check it today.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {"NHS Gloucestershire: Knee pain pathway (neurovascular compromise)", kRcemIschaemia},
         .onEpisode = newNumbness, .onHistory = nullptr},
        {.id = "U10", .key = "dizzy_faint_or_racing_heart", .level = Level::Urgent,
         .title = "Dizziness, fainting or a racing heart",
         .condition = "Dizzy or light-headed, fainted or nearly fainted, or a racing heart (without the signs "
                      "that make it an emergency).",
         .reason = "Feeling faint or dizzy, or a heart that races, deserves a check the same day. If it comes "
                   "with a painful or swollen calf or leg, or with breathlessness or chest pain, call the "
                   "emergency number instead.",
         .articles = {"when_to_see_a_doctor", "dvt"},
         .sources = {kCdcClots, kAsthmaLungPe},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return anySymptom(e, {"dizzy", "racing_heart", "faint"}) && !clotInLung(e, c);
         },
         .onHistory = nullptr},
        {.id = "U11", .key = "rapid_swelling", .level = Level::Urgent,
         .title = "The knee swelled up within hours",
         .condition = "The knee swelled up within a few hours.",
         .reason = "A knee that fills up within hours can be bleeding into the joint, an infection or a cyst "
                   "that has burst. It should be checked today.",
         .articles = {"injuries", "bakers_cyst"},
         .sources = {kNhsKneePain, kNhsWalesBakers},
         .onEpisode = [](const Episode& e, const TriageContext&) { return e.hasSymptom("rapid_swelling"); },
         .onHistory = nullptr},
        {.id = "U12", .key = "bleeding_on_blood_thinners", .level = Level::Urgent,
         .title = "Swelling while on blood thinners",
         .condition = "On blood thinners, swelling of the knee that came on suddenly or is new in the last "
                      "two weeks.",
         .reason = "Blood thinners can let blood leak into the joint even without a knock. A knee that swells "
                   "while you take them should be checked today. Keep taking your medicine unless a doctor "
                   "tells you otherwise.",
         .articles = {"injuries"},
         .sources = {kNhsAnticoagulants},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return c.hasRisk("blood_thinners") && e.hasSymptom("swelling") && (sudden(e) || c.isNew("swelling"));
         },
         .onHistory = nullptr},
    };
}

std::vector<Rule> makeSoonRules() {
    return {
        {.id = "S1", .key = "lump_behind_knee", .level = Level::Soon,
         .title = "A lump behind the knee",
         .condition = "A lump, without the changes that need help today.",
         .reason = "A lump behind the knee has several possible causes, and only an examination can tell "
                   "which. Ask a doctor to look at it in the coming days; mention it if it pulses, and do not "
                   "press or massage it. Get help the same day if it suddenly swells, bruises, or turns red "
                   "or warm.",
         .articles = {"bakers_cyst", "tumours"},
         .sources = {kNhsWalesBakers, "NHS: Baker's cyst", "Mayo Clinic: Popliteal artery aneurysm", kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.hasSymptom("lump") && !cystBurstOrClot(e);
         },
         .onHistory = nullptr},
        {.id = "S2", .key = "bone_warning_signs", .level = Level::Soon,
         .title = "Weight loss, night sweats, or pain at night and at rest",
         .condition = "Weight loss you cannot explain, night sweats, or pain at night together with pain at "
                      "rest or all the time.",
         .reason = "Pain at night that is also there at rest, losing weight without trying, and drenching "
                   "night sweats are things a doctor will want to know about. Serious causes are rare, but "
                   "they are easier to treat when found early.",
         .articles = {"osteoarthritis", "tumours"},
         .sources = {kNhsBoneCancer, "NHS Gloucestershire: Knee pain pathway (continuous and night pain)"},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return anySymptom(e, {"weight_loss", "night_sweats"}) ||
                    (e.hasContext("night") && (e.hasContext("rest") || e.hasContext("constant")));
         },
         .onHistory = nullptr},
        {.id = "S3", .key = "inflammatory_both_knees", .level = Level::Soon,
         .title = "Both knees affected",
         .condition = "Both knees, with morning stiffness or swelling.",
         .reason = "Painful, swollen knees on both sides, especially with stiffness that lasts more than half "
                   "an hour in the morning, can come from inflammation of the joints. A doctor can test for "
                   "it, and early treatment protects the joints.",
         .articles = {"rheumatoid_arthritis"},
         .sources = {"Versus Arthritis: Rheumatoid arthritis", kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.side == "both" && anySymptom(e, {"morning_stiffness", "swelling"});
         },
         .onHistory = nullptr},
        {.id = "S4", .key = "inflammation_signs", .level = Level::Soon,
         .title = "A sign of inflammation",
         .condition = "Redness, warmth, a fever or feeling unwell, without the combinations that need help today.",
         .reason = "A warm or red knee has several possible causes — gout, an irritated fluid sac, a flare of "
                   "arthritis or an early infection — and they can look alike. Ask a doctor to check it in "
                   "the coming days. If a fever, swelling or a second sign joins, get help today.",
         .articles = {"gout", "infection"},
         .sources = {"NHS: Gout", kNhsSepticArthritis},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return (anySymptom(e, {"redness", "warmth", "unwell"}) || e.hasFever()) && !jointInfection(e, c) &&
                    !redHotSkin(e) && !hotSwollenKnee(e, c);
         },
         .onHistory = nullptr},
        {.id = "S5", .key = "mechanical_symptoms", .level = Level::Soon,
         .title = "The knee catches or gives way",
         .condition = "The knee locks and then frees again, or gives way.",
         .reason = "A knee that keeps catching or giving way may have a torn cartilage or an injured ligament. "
                   "A doctor or physiotherapist can examine it and suggest what helps.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) { return anySymptom(e, {"locking", "giving_way"}); },
         .onHistory = nullptr},
        {.id = "S6", .key = "both_legs_swollen", .level = Level::Soon,
         .title = "Both legs swollen",
         .condition = "Calf or leg swelling in both legs.",
         .reason = "Swelling in both legs can come from the heart, the kidneys or the veins, and a doctor "
                   "should check it, especially if it does not go down. A clot is still possible; get help "
                   "today if one calf becomes more painful, warm or red, and call the emergency number if "
                   "you get breathless.",
         .articles = {"when_to_see_a_doctor", "dvt"},
         .sources = {"NHS: Oedema (swelling)", kNhsDvt},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.leg == "both" && anySymptom(e, {"calf_swelling", "leg_swelling"});
         },
         .onHistory = nullptr},
        {.id = "S7", .key = "calf_pain_check", .level = Level::Soon,
         .title = "Calf pain",
         .condition = "Calf pain, without the signs that need help today.",
         .reason = "Calf pain is usually a strained muscle, but a doctor should rule out a clot if it does not "
                   "settle in a few days. Get help today if the calf swells, turns red or feels warm, and "
                   "call the emergency number if you get breathless. Do not massage a painful calf.",
         .articles = {"dvt"},
         .sources = {kNhsDvt},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return e.hasSymptom("calf_pain") && !possibleDvt(e, c);
         },
         .onHistory = nullptr},
        {.id = "S8", .key = "severe_pain_check", .level = Level::Soon,
         .title = "Strong pain",
         .condition = "Pain of 8 or more at your usual level, or pain of 7 or more that came on suddenly.",
         .reason = "Strong pain, even when it is your usual level, deserves a talk with a doctor about better "
                   "pain control in the coming days.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {kNhsKneePain},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             if (severePainNewOrWorse(e, c)) return false;
             return e.pain >= kSeverePain || (e.pain >= kVerySeverePain && sudden(e));
         },
         .onHistory = nullptr},
        {.id = "S9", .key = "ongoing_numbness", .level = Level::Soon,
         .title = "Numbness that keeps coming back",
         .condition = "Numbness or tingling that you have logged before.",
         .reason = "Numbness that keeps coming back should be assessed by a doctor, who can check the nerves "
                   "and the blood supply of the leg.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {kNhsGlosKnee},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return e.hasSymptom("numbness") && !blockedArtery(e) && !newNumbness(e, c);
         },
         .onHistory = nullptr},
        {.id = "S10", .key = "bleeding_risk_check", .level = Level::Soon,
         .title = "A knock or bruising while on blood thinners",
         .condition = "On blood thinners, a recent injury or bruising (and nothing that needs help today).",
         .reason = "Blood thinners make bleeding easier, so a knock or new bruising deserves a check in the "
                   "coming days. Get help today if the knee swells.",
         .articles = {"injuries"},
         .sources = {kNhsAnticoagulants},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return c.hasRisk("blood_thinners") && anySymptom(e, {"recent_injury", "bruising"});
         },
         .onHistory = nullptr,
         .onlyBelowUrgent = true},
    };
}

std::vector<Rule> makeEpisodeRules() {
    std::vector<Rule> all = makeEmergencyRules();
    for (auto* part : {makeUrgentRules, makeSoonRules}) {
        std::vector<Rule> more = part();
        all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return all;
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
        {.id = "H4", .key = "night_pain_recurring", .level = Level::Soon,
         .title = "Pain at night keeps coming back",
         .condition = "Pain at night on at least 3 different days in the last 14.",
         .reason = "Night pain is common with worn knees, but when it keeps coming back a doctor should take "
                   "a look and can help with sleep and pain control.",
         .articles = {"osteoarthritis", "when_to_see_a_doctor", "tumours"},
         .sources = {kNhsBoneCancer, kNhsGlosKnee},
         .onEpisode = nullptr,
         .onHistory = recurringNightPain},
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
