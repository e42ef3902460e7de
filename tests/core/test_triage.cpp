// Red-flag triage: every rule of red-flags.md, its positive cases and the near misses that must
// not fire. The cases are tables, so the coverage check at the end can read them in any process
// (ctest runs each TEST_CASE on its own) and fails when a rule is added without tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/episode.hpp"
#include "core/journal.hpp"
#include "core/profile.hpp"
#include "core/time.hpp"
#include "core/triage.hpp"

using core::Level;

namespace {

// [SECTION] Building episodes and histories

// A readable way to say what was logged: ep({"lump", "bruising"}).leg("left").onset("sudden"),
// with the person's risks and the days before when a rule reads them.
struct Ep {
    core::Episode e;
    core::TriageContext context;
    Ep& side(std::string s) { e.side = std::move(s); return *this; }
    Ep& leg(std::string s) { e.leg = std::move(s); return *this; }
    Ep& pain(int p) { e.pain = p; return *this; }
    Ep& onset(std::string o) { e.onset = std::move(o); return *this; }
    Ep& temperature(int tenths) { e.temperatureTenths = tenths; return *this; }
    Ep& where(std::initializer_list<const char*> regions) {
        e.where.assign(regions.begin(), regions.end());
        return *this;
    }
    Ep& when(std::initializer_list<const char*> contexts) {
        e.when.assign(contexts.begin(), contexts.end());
        return *this;
    }
    Ep& risks(std::initializer_list<const char*> names) {
        context.risks.assign(names.begin(), names.end());
        return *this;
    }
    // One logged day before the episode's day, with its worst pain and what was logged.
    Ep& before(int maxPain, std::initializer_list<const char*> symptoms = {}, bool swellingWithWarmth = false) {
        core::HistoryDay d;
        d.day = core::addDays(core::CivilDate{2026, 3, 14}, -static_cast<int>(context.before.size()) - 1);
        d.episodes = 1;
        d.maxPain = maxPain;
        d.meanPain = maxPain;
        d.symptoms.assign(symptoms.begin(), symptoms.end());
        d.swelling = std::find(d.symptoms.begin(), d.symptoms.end(), "swelling") != d.symptoms.end();
        d.swellingWithWarmth = swellingWithWarmth;
        context.before.push_back(std::move(d));
        return *this;
    }
};

Ep ep(std::initializer_list<const char*> symptoms = {}) {
    Ep b;
    b.e.symptoms.assign(symptoms.begin(), symptoms.end());
    return b;
}

// One row of a table. `fires` is the exact list of rule ids expected, in table order;
// `nearMissOf` names the rules this case is designed to come close to without firing.
struct EpisodeCase {
    std::string what;
    core::Episode episode;
    core::TriageContext context;
    Level level;
    std::vector<std::string> fires;
    std::vector<std::string> nearMissOf;
};

EpisodeCase row(std::string what, Ep logged, Level level, std::vector<std::string> fires,
                std::vector<std::string> nearMissOf = {}) {
    core::normalize(logged.e);
    return {std::move(what), std::move(logged.e), std::move(logged.context), level, std::move(fires),
            std::move(nearMissOf)};
}

const core::CivilDate kToday{2026, 3, 14};

core::HistoryDay day(int daysAgo, int maxPain, bool swelling = false, int episodes = 1) {
    core::HistoryDay d;
    d.day = core::addDays(kToday, -daysAgo);
    d.episodes = episodes;
    d.maxPain = maxPain;
    d.meanPain = maxPain;
    d.swelling = swelling;
    return d;
}

core::HistoryDay nightDay(int daysAgo) {
    core::HistoryDay d = day(daysAgo, 4);
    d.contexts = {"night"};
    return d;
}

// The same pain on each of the given days ago.
std::vector<core::HistoryDay> painOn(std::initializer_list<int> daysAgo, int pain) {
    std::vector<core::HistoryDay> days;
    for (int ago : daysAgo) days.push_back(day(ago, pain));
    return days;
}

std::vector<core::HistoryDay> join(std::vector<core::HistoryDay> a, const std::vector<core::HistoryDay>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

struct HistoryCase {
    std::string what;
    std::vector<core::HistoryDay> days;
    std::vector<std::string> fires;
    std::vector<std::string> nearMissOf;
};

// [SECTION] The tables (red flags version 2)

const std::vector<EpisodeCase>& emergencyCases() {
    static const std::vector<EpisodeCase> kCases = {
        // E1 clot_in_lung_signs
        row("breathless", ep({"breathless"}), Level::Emergency, {"E1"}),
        row("chest pain", ep({"chest_pain"}), Level::Emergency, {"E1"}),
        row("coughing blood", ep({"coughing_blood"}), Level::Emergency, {"E1"}),
        row("fainted with calf pain", ep({"faint", "calf_pain"}), Level::Emergency, {"E1", "S7"}, {"U10"}),
        row("fainted with a racing heart", ep({"faint", "racing_heart"}), Level::Emergency, {"E1"}, {"U10"}),
        row("fainted on blood thinners", ep({"faint"}).risks({"blood_thinners"}), Level::Emergency, {"E1"}),
        row("fainted after an operation", ep({"faint"}).risks({"recent_surgery"}), Level::Emergency, {"E1"}),
        row("fainted on the pill", ep({"faint"}).risks({"hormones"}), Level::Emergency, {"E1"}),
        row("dizzy with a swollen leg", ep({"dizzy", "leg_swelling"}), Level::Emergency, {"E1", "U1"}, {"U10"}),
        row("racing heart with calf pain", ep({"racing_heart", "calf_pain"}), Level::Emergency, {"E1", "S7"}),
        row("dizzy alone is U10, not an emergency", ep({"dizzy"}), Level::Urgent, {"U10"}, {"E1"}),
        row("fainted alone is U10", ep({"faint"}), Level::Urgent, {"U10"}, {"E1"}),
        row("dizzy with a swollen knee (not a leg sign)", ep({"dizzy", "swelling"}), Level::Urgent, {"U10"}, {"E1"}),
        row("dizzy on blood thinners (only fainting counts the risk)", ep({"dizzy"}).risks({"blood_thinners"}),
            Level::Urgent, {"U10"}, {"E1"}),
        // E2 blocked_artery_signs
        row("cold foot", ep({"cold_foot"}), Level::Emergency, {"E2"}),
        row("weak foot", ep({"weak_foot"}), Level::Emergency, {"E2"}),
        row("sudden numbness with pain 7", ep({"numbness"}).onset("sudden").pain(7), Level::Emergency, {"E2", "S8"},
            {"U9", "S9"}),
        row("sudden numbness with pain 6", ep({"numbness"}).onset("sudden").pain(6), Level::Urgent, {"U9"}, {"E2"}),
        row("gradual numbness with pain 9", ep({"numbness"}).onset("gradual").pain(9), Level::Urgent, {"U4", "U9"},
            {"E2"}),
        // E3 compartment_signs
        row("injury, pain 7, swollen calf", ep({"recent_injury", "calf_swelling"}).pain(7), Level::Emergency,
            {"E3", "U1"}),
        row("injury, pain 8, numbness", ep({"recent_injury", "numbness"}).pain(8), Level::Emergency,
            {"E3", "U4", "U6", "U9"}),
        row("injury, pain 6, swollen calf", ep({"recent_injury", "calf_swelling"}).pain(6), Level::Urgent, {"U1"},
            {"E3"}),
        row("pain 9 and a swollen calf without an injury", ep({"calf_swelling"}).pain(9), Level::Urgent,
            {"U1", "U4"}, {"E3"}),
    };
    return kCases;
}

const std::vector<EpisodeCase>& urgentCases() {
    static const std::vector<EpisodeCase> kCases = {
        // U1 possible_dvt: the leg decides, never the knee side
        row("calf swelling in the left leg", ep({"calf_swelling"}).leg("left"), Level::Urgent, {"U1"}),
        row("leg swelling, leg not given", ep({"leg_swelling"}), Level::Urgent, {"U1"}),
        row("two painful knees and one hot swollen calf", ep({"calf_swelling", "warmth"}).side("both").pain(5),
            Level::Urgent, {"U1", "S4"}, {"S6"}),
        row("both knees, calf swelling in the right leg", ep({"calf_swelling"}).side("both").leg("right"),
            Level::Urgent, {"U1"}, {"S6"}),
        row("calf swelling in both legs is S6", ep({"calf_swelling"}).leg("both"), Level::Soon, {"S6"}, {"U1"}),
        row("calf pain and warmth", ep({"calf_pain", "warmth"}).leg("right"), Level::Urgent, {"U1", "S4"}, {"S7"}),
        row("calf pain that came on suddenly", ep({"calf_pain"}).onset("sudden"), Level::Urgent, {"U1"}, {"S7"}),
        row("calf pain after a long flight", ep({"calf_pain"}).risks({"long_journey"}), Level::Urgent, {"U1"}, {"S7"}),
        row("new calf pain on the pill", ep({"calf_pain"}).risks({"hormones"}), Level::Urgent, {"U1"}),
        row("calf pain on the pill, logged before", ep({"calf_pain"}).risks({"hormones"}).before(3, {"calf_pain"}),
            Level::Soon, {"S7"}, {"U1"}),
        row("calf pain after an operation, logged before",
            ep({"calf_pain"}).risks({"recent_surgery"}).before(3, {"calf_pain"}), Level::Urgent, {"U1"}),
        row("calf pain in both legs after an operation", ep({"calf_pain"}).leg("both").risks({"recent_surgery"}),
            Level::Soon, {"S7"}, {"U1"}),
        row("calf pain with a swollen knee", ep({"calf_pain", "swelling"}).leg("left"), Level::Soon, {"S7"}, {"U1"}),
        // U2 cyst_burst_or_clot
        row("lump and bruising", ep({"lump", "bruising"}), Level::Urgent, {"U2"}, {"S1"}),
        row("lump and redness", ep({"lump", "redness"}), Level::Urgent, {"U2", "S4"}, {"S1"}),
        row("lump and calf pain", ep({"lump", "calf_pain"}), Level::Urgent, {"U2", "S7"}, {"S1"}),
        row("lump that swelled within hours", ep({"lump", "rapid_swelling"}), Level::Urgent, {"U2", "U11"}),
        row("lump with sudden swelling", ep({"lump", "swelling"}).onset("sudden"), Level::Urgent, {"U2"}),
        row("lump with gradual swelling", ep({"lump", "swelling"}).onset("gradual"), Level::Soon, {"S1"}, {"U2"}),
        // U3 joint_infection
        row("fever with pain", ep({"fever"}).pain(3), Level::Urgent, {"U3"}, {"S4"}),
        row("38.0 °C with pain", ep().temperature(380).pain(2), Level::Urgent, {"U3"}, {"S4"}),
        row("37.9 °C with pain", ep().temperature(379).pain(2), Level::SelfCare, {}, {"U3", "S4"}),
        row("a reading under 38 never cancels a ticked fever", ep({"fever"}).temperature(375).pain(1),
            Level::Urgent, {"U3"}),
        row("fever and swelling, no pain", ep({"fever", "swelling"}), Level::Urgent, {"U3"}, {"S4"}),
        row("fever without pain or a joint sign", ep({"fever"}), Level::Soon, {"S4"}, {"U3"}),
        row("unwell and warm", ep({"unwell", "warmth"}), Level::Urgent, {"U3"}, {"S4"}),
        row("knee replacement and redness", ep({"redness"}).risks({"knee_replacement"}), Level::Urgent, {"U3"}),
        row("knee replacement, new swelling", ep({"swelling"}).risks({"knee_replacement"}), Level::Urgent, {"U3"}),
        row("knee replacement, swelling logged before",
            ep({"swelling"}).risks({"knee_replacement"}).before(2, {"swelling"}), Level::SelfCare, {}, {"U3"}),
        row("lower immunity and warmth", ep({"warmth"}).risks({"low_immunity"}), Level::Urgent, {"U3"}, {"S4"}),
        row("lower immunity and swelling", ep({"swelling"}).risks({"low_immunity"}), Level::SelfCare, {}, {"U3"}),
        // U4 severe_or_cannot_bear_weight, against S8 (usual severe pain)
        row("cannot bear weight", ep({"cannot_bear_weight"}).pain(3), Level::Urgent, {"U4"}),
        row("deformity", ep({"deformity"}), Level::Urgent, {"U4"}),
        row("pain 8 with no days before", ep().pain(8), Level::Urgent, {"U4"}, {"S8"}),
        row("pain 8 with only 2 days before", ep().pain(8).before(8).before(8), Level::Urgent, {"U4"}, {"S8"}),
        row("pain 8 at the usual level", ep().pain(8).before(8).before(8).before(7), Level::Soon, {"S8"}, {"U4"}),
        row("pain 8 at the usual level, sudden", ep().pain(8).onset("sudden").before(8).before(8).before(8),
            Level::Urgent, {"U4"}, {"S8"}),
        row("pain 9, usual worst 7", ep().pain(9).before(7).before(7).before(7), Level::Urgent, {"U4"}),
        row("pain 9, usual worst 7.33", ep().pain(9).before(7).before(7).before(8), Level::Soon, {"S8"}, {"U4"}),
        row("pain 7 is not U4", ep().pain(7), Level::SelfCare, {}, {"U4", "S8"}),
        // U5 locked_knee
        row("cannot straighten", ep({"cannot_straighten"}), Level::Urgent, {"U5"}, {"S5"}),
        // U6 serious_injury
        row("injury and giving way", ep({"recent_injury", "giving_way"}), Level::Urgent, {"U6", "S5"}),
        row("injury and new numbness", ep({"recent_injury", "numbness"}), Level::Urgent, {"U6", "U9"}),
        row("injury and swelling within hours", ep({"recent_injury", "rapid_swelling"}), Level::Urgent, {"U6", "U11"}),
        row("injury, swelling, blood thinners", ep({"recent_injury", "swelling"}).risks({"blood_thinners"}),
            Level::Urgent, {"U6", "U12"}),
        row("injury, bruising, blood thinners", ep({"recent_injury", "bruising"}).risks({"blood_thinners"}),
            Level::Urgent, {"U6"}, {"S10"}),
        row("injury with sudden swelling", ep({"recent_injury", "swelling"}).onset("sudden"), Level::Urgent, {"U6"}),
        row("recent injury alone", ep({"recent_injury"}), Level::SelfCare, {}, {"U6"}),
        row("injury with gradual swelling", ep({"recent_injury", "swelling"}).onset("gradual"), Level::SelfCare, {},
            {"U6"}),
        // U7 red_hot_skin
        row("redness and warmth", ep({"redness", "warmth"}), Level::Urgent, {"U7"}, {"S4"}),
        row("redness alone is S4", ep({"redness"}), Level::Soon, {"S4"}, {"U7"}),
        // U8 hot_swollen_knee
        row("new hot swollen knee", ep({"swelling", "warmth"}), Level::Urgent, {"U8"}, {"S4"}),
        row("hot swollen knee as before", ep({"swelling", "warmth"}).before(3, {"swelling", "warmth"}, true),
            Level::Soon, {"S4"}, {"U8"}),
        row("hot swollen knee as before, but sudden",
            ep({"swelling", "warmth"}).onset("sudden").before(3, {"swelling", "warmth"}, true), Level::Urgent, {"U8"}),
        row("swelling and warmth before, never together", ep({"swelling", "warmth"}).before(3, {"swelling"}).before(3, {"warmth"}),
            Level::Urgent, {"U8"}),
        // U9 new_numbness
        row("new numbness", ep({"numbness"}), Level::Urgent, {"U9"}, {"S9"}),
        row("numbness as before, but sudden", ep({"numbness"}).onset("sudden").pain(3).before(2, {"numbness"}),
            Level::Urgent, {"U9"}, {"S9"}),
        // U10 dizzy_faint_or_racing_heart
        row("racing heart", ep({"racing_heart"}), Level::Urgent, {"U10"}, {"E1"}),
        row("dizzy and breathless", ep({"dizzy", "breathless"}), Level::Emergency, {"E1"}, {"U10"}),
        // U11 rapid_swelling
        row("swelled up within hours", ep({"rapid_swelling"}), Level::Urgent, {"U11"}),
        row("ordinary swelling", ep({"swelling"}), Level::SelfCare, {}, {"U11", "U12"}),
        // U12 bleeding_on_blood_thinners
        row("new swelling on blood thinners", ep({"swelling"}).risks({"blood_thinners"}), Level::Urgent, {"U12"}),
        row("sudden swelling on blood thinners, as before",
            ep({"swelling"}).onset("sudden").risks({"blood_thinners"}).before(2, {"swelling"}), Level::Urgent, {"U12"}),
        row("swelling on blood thinners, as before", ep({"swelling"}).risks({"blood_thinners"}).before(2, {"swelling"}),
            Level::SelfCare, {}, {"U12"}),
        row("sudden swelling without blood thinners", ep({"swelling"}).onset("sudden"), Level::SelfCare, {}, {"U12"}),
    };
    return kCases;
}

const std::vector<EpisodeCase>& soonCases() {
    static const std::vector<EpisodeCase> kCases = {
        // S1 lump_behind_knee: see also the U2 rows
        row("lump with stiffness", ep({"lump", "stiffness"}), Level::Soon, {"S1"}),
        // S2 bone_warning_signs
        row("night and rest pain", ep().when({"night", "rest"}), Level::Soon, {"S2"}),
        row("night pain all the time", ep().when({"constant", "night"}), Level::Soon, {"S2"}),
        row("weight loss", ep({"weight_loss"}), Level::Soon, {"S2"}),
        row("night sweats", ep({"night_sweats"}), Level::Soon, {"S2"}),
        row("night pain alone fires nothing", ep().when({"night"}), Level::SelfCare, {}, {"S2"}),
        row("pain at rest only", ep().when({"rest", "after_sitting"}), Level::SelfCare, {}, {"S2"}),
        // S3 inflammatory_both_knees
        row("both knees with morning stiffness", ep({"morning_stiffness"}).side("both"), Level::Soon, {"S3"}),
        row("both knees swollen", ep({"swelling"}).side("both"), Level::Soon, {"S3"}),
        row("morning stiffness on one side", ep({"morning_stiffness"}).side("left"), Level::SelfCare, {}, {"S3"}),
        // S4 inflammation_signs
        row("unwell alone", ep({"unwell"}), Level::Soon, {"S4"}),
        // S5 mechanical_symptoms
        row("locking is S5", ep({"locking"}), Level::Soon, {"S5"}, {"U5"}),
        row("giving way", ep({"giving_way"}), Level::Soon, {"S5"}, {"U6"}),
        row("popping fires nothing", ep({"popping"}), Level::SelfCare, {}, {"S5"}),
        // S6 both_legs_swollen
        row("leg swelling in both legs", ep({"leg_swelling"}).leg("both"), Level::Soon, {"S6"}, {"U1"}),
        row("both knees, leg swelling in the left leg", ep({"leg_swelling"}).side("both").leg("left"), Level::Urgent,
            {"U1"}, {"S6"}),
        // S7 calf_pain_check
        row("calf pain alone", ep({"calf_pain"}), Level::Soon, {"S7"}, {"U1"}),
        // S8 severe_pain_check
        row("pain 7 that came on suddenly", ep().pain(7).onset("sudden"), Level::Soon, {"S8"}, {"U4"}),
        row("pain 7, gradual", ep().pain(7).onset("gradual"), Level::SelfCare, {}, {"S8"}),
        // S9 ongoing_numbness
        row("numbness as before", ep({"numbness"}).before(2, {"numbness"}), Level::Soon, {"S9"}, {"U9"}),
        // S10 bleeding_risk_check
        row("bruising on blood thinners", ep({"bruising"}).risks({"blood_thinners"}), Level::Soon, {"S10"}),
        row("a knock on blood thinners", ep({"recent_injury"}).risks({"blood_thinners"}), Level::Soon, {"S10"}),
        row("bruising without blood thinners", ep({"bruising"}), Level::SelfCare, {}, {"S10"}),
        row("bruising on blood thinners with an urgent sign",
            ep({"bruising", "cannot_bear_weight"}).risks({"blood_thinners"}), Level::Urgent, {"U4"}, {"S10"}),
    };
    return kCases;
}

// Several rules at once: the highest level wins and every matching rule is listed.
const std::vector<EpisodeCase>& precedenceCases() {
    static const std::vector<EpisodeCase> kCases = {
        row("breathless with a one-sided swollen calf and a lump",
            ep({"breathless", "calf_swelling", "lump"}).leg("right"), Level::Emergency, {"E1", "U1", "U2"}),
        row("cold foot, severe pain, locking, night pain",
            ep({"cold_foot", "locking"}).pain(9).when({"night", "walking"}), Level::Emergency, {"E2", "U4", "S5"}),
        row("fever, swelling, redness and warmth", ep({"fever", "swelling", "redness", "warmth"}), Level::Urgent,
            {"U3", "U7", "U8"}),
        row("both knees swollen and stiff with both legs swollen",
            ep({"swelling", "morning_stiffness", "calf_swelling"}).side("both").leg("both"), Level::Soon, {"S3", "S6"}),
        row("an ordinary day", ep({"stiffness", "popping"}).pain(3).when({"stairs", "bending"}), Level::SelfCare, {}),
    };
    return kCases;
}

// Flat pain 4 on days 0-4 and 7-11 ago: 10 painful days, 5 in each week.
std::vector<core::HistoryDay> flatTenOfFourteen() { return painOn({0, 1, 2, 3, 4, 7, 8, 9, 10, 11}, 4); }

const std::vector<HistoryCase>& historyCases() {
    static const auto flatTen = flatTenOfFourteen();
    static const std::vector<HistoryCase> kCases = {
        {"no history", {}, {}, {}},
        // H1 not_improving
        {"flat pain on 10 of 14 days", flatTen, {"H1"}, {}},
        {"flat pain on 10 of 14 days, listed newest first",
         std::vector<core::HistoryDay>(flatTen.rbegin(), flatTen.rend()), {"H1"}, {}},
        {"flat pain on 9 of 14 days", painOn({0, 1, 2, 3, 4, 7, 8, 9, 10}, 4), {}, {"H1"}},
        {"10 painful days but one is 14 days ago", painOn({0, 1, 2, 3, 4, 7, 8, 9, 10, 14}, 4), {}, {"H1"}},
        {"10 logged days, one of them without pain",
         join(painOn({0, 1, 2, 3, 4, 7, 8, 9, 10}, 4), {day(11, 0)}), {}, {"H1"}},
        {"10 painful days, slightly better this week",
         join(painOn({0, 1, 2, 3, 4}, 4), join(painOn({7, 8, 9, 10}, 4), {day(11, 5)})), {}, {"H1"}},
        {"10 painful days, slightly worse this week",
         join(painOn({0, 1, 2, 3}, 4), join({day(4, 5)}, painOn({7, 8, 9, 10, 11}, 4))), {"H1"}, {}},
        {"a day logged in the future does not count",
         join(painOn({0, 1, 2, 3, 4, 7, 8, 9, 10}, 4), {day(-1, 4)}), {}, {"H1"}},
        // H2 getting_worse
        {"2 points worse, 3 days in each week", join(painOn({0, 2, 4}, 5), painOn({7, 9, 11}, 3)), {"H2"}, {}},
        {"1.9 points worse (2.4 against 0.5)",
         join(join(painOn({0, 1, 2}, 2), painOn({3, 4}, 3)), join(painOn({7, 8, 9}, 1), painOn({10, 11, 12}, 0))),
         {}, {"H2"}},
        {"13/7 points worse over full weeks",
         join(join(painOn({0, 1, 2, 3, 4, 5}, 5), {day(6, 4)}), painOn({7, 8, 9, 10, 11, 12, 13}, 3)), {"H1"}, {"H2"}},
        {"3 points worse but only 2 days logged the week before",
         join(painOn({0, 1, 2}, 6), painOn({7, 8}, 3)), {}, {"H2"}},
        {"3 points worse but only 2 days logged this week",
         join(painOn({0, 1}, 6), painOn({7, 8, 9}, 3)), {}, {"H2"}},
        {"worse and painful every day", join(painOn({0, 1, 2, 3, 4, 5, 6}, 7), painOn({7, 8, 9, 10, 11, 12, 13}, 4)),
         {"H1", "H2"}, {}},
        {"2 points better", join(painOn({0, 2, 4}, 3), painOn({7, 9, 11}, 5)), {}, {"H2"}},
        // H3 recurring_swelling
        {"swelling on 3 different days", {day(0, 2, true), day(5, 2, true), day(13, 2, true)}, {"H3"}, {}},
        {"swelling on 2 days", {day(0, 2, true), day(5, 2, true), day(6, 2)}, {}, {"H3"}},
        {"3 episodes with swelling on one day", {day(3, 2, true, 3), day(4, 2)}, {}, {"H3"}},
        {"one day with swelling listed three times", {day(3, 2, true), day(3, 4, true), day(3, 1, true)}, {}, {"H3"}},
        {"third swollen day is 14 days ago", {day(0, 2, true), day(5, 2, true), day(14, 2, true)}, {}, {"H3"}},
        // H4 night_pain_recurring
        {"night pain on 3 different days", {nightDay(0), nightDay(6), nightDay(13)}, {"H4"}, {}},
        {"night pain on 2 days", {nightDay(0), nightDay(6), day(7, 4)}, {}, {"H4"}},
        {"night pain listed three times on one day", {nightDay(2), nightDay(2), nightDay(2)}, {}, {"H4"}},
        {"third night is 14 days ago", {nightDay(0), nightDay(6), nightDay(14)}, {}, {"H4"}},
    };
    return kCases;
}

// [SECTION] Checking

std::vector<std::string> idsOf(std::span<const core::Rule> table) {
    std::vector<std::string> ids;
    for (const auto& rule : table) ids.emplace_back(rule.id);
    return ids;
}

void checkEpisodeCases(const std::vector<EpisodeCase>& cases) {
    for (const auto& c : cases) {
        INFO("case: " << c.what);
        const core::TriageResult result = core::triageEpisode(c.episode, c.context);
        CHECK(result.ruleIds == c.fires);
        CHECK(core::levelName(result.level) == core::levelName(c.level));
        for (const auto& id : c.nearMissOf) {
            INFO("near miss of " << id);
            CHECK(std::find(result.ruleIds.begin(), result.ruleIds.end(), id) == result.ruleIds.end());
        }
    }
}

// Every id a case expects to fire, and every id a case is a near miss of.
struct Coverage {
    std::set<std::string> positive;
    std::set<std::string> nearMiss;
};

template <class Case>
void addCoverage(Coverage& coverage, const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        coverage.positive.insert(c.fires.begin(), c.fires.end());
        coverage.nearMiss.insert(c.nearMissOf.begin(), c.nearMissOf.end());
    }
}

}  // namespace

// [SECTION] Test cases

TEST_CASE("triage table lists every rule of red-flags.md in order with its key and level") {
    const std::vector<std::string> ids = idsOf(core::rules());
    CHECK(ids == std::vector<std::string>{"E1", "E2", "E3", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8",
                                          "U9", "U10", "U11", "U12", "S1", "S2", "S3", "S4", "S5", "S6", "S7",
                                          "S8", "S9", "S10", "H1", "H2", "H3", "H4"});
    // Version 1 ids keep their meaning.
    CHECK(core::findRule("E2")->key == "blocked_artery_signs");
    CHECK(core::findRule("U1")->key == "possible_dvt");
    CHECK(core::findRule("S6")->key == "both_legs_swollen");
    CHECK(core::findRule("H4")->key == "night_pain_recurring");
    CHECK(core::findRule("U12")->key == "bleeding_on_blood_thinners");
    CHECK(core::findRule("E1")->key == "clot_in_lung_signs");
    CHECK(core::findRule("U2")->key == "cyst_burst_or_clot");
    CHECK(core::findRule("S4")->key == "inflammation_signs");
    CHECK(core::findRule("H1")->key == "not_improving");
    for (const auto& rule : core::rules()) {
        INFO("rule " << rule.id);
        const char group = rule.id.front();
        const Level expected = group == 'E' ? Level::Emergency : group == 'U' ? Level::Urgent : Level::Soon;
        CHECK(rule.level == expected);
    }
}

TEST_CASE("every triage rule has a title, condition, reason, source, article and the right condition kind") {
    const std::set<std::string_view> knownArticles = {
        "posterior_knee_pain", "bakers_cyst", "osteoarthritis", "rheumatoid_arthritis", "gout",
        "infection", "injuries", "tumours", "dvt", "blocked_artery", "when_to_see_a_doctor",
        "examination", "self_care"};
    std::set<std::string_view> keys;
    for (const auto& rule : core::rules()) {
        INFO("rule " << rule.id);
        CHECK(!rule.key.empty());
        CHECK(keys.insert(rule.key).second);
        CHECK(!rule.title.empty());
        CHECK(!rule.condition.empty());
        CHECK(!rule.reason.empty());
        CHECK(!rule.sources.empty());
        CHECK(!rule.articles.empty());
        for (const auto article : rule.articles) CHECK(knownArticles.count(article) == 1);
        // KneeLog informs; it never waves a lump away.
        CHECK(rule.reason.find("only a cyst") == std::string_view::npos);
        const bool historyRule = rule.id.front() == 'H';
        CHECK(static_cast<bool>(rule.onHistory) == historyRule);
        CHECK(static_cast<bool>(rule.onEpisode) == !historyRule);
    }
}

TEST_CASE("triage level names round-trip and unknown names are rejected") {
    for (const Level level : {Level::SelfCare, Level::Soon, Level::Urgent, Level::Emergency}) {
        const auto back = core::levelFromName(core::levelName(level));
        REQUIRE(back.has_value());
        CHECK(*back == level);
    }
    CHECK(core::levelName(Level::SelfCare) == "self_care");
    CHECK(core::levelName(Level::Soon) == "soon");
    CHECK(core::levelName(Level::Urgent) == "urgent");
    CHECK(core::levelName(Level::Emergency) == "emergency");
    CHECK_FALSE(core::levelFromName("Urgent").has_value());
    CHECK_FALSE(core::levelFromName("").has_value());
}

TEST_CASE("findRule finds rules by id and returns null for unknown ids") {
    REQUIRE(core::findRule("U5") != nullptr);
    CHECK(core::findRule("U5")->key == "locked_knee");
    CHECK(core::findRule("H3")->level == Level::Soon);
    CHECK(core::findRule("X9") == nullptr);
    CHECK(core::findRule("possible_dvt") == nullptr);
}

TEST_CASE("an empty episode is self-care with no rules and no articles") {
    const core::TriageResult result = core::triageEpisode(core::Episode{});
    CHECK(result.level == Level::SelfCare);
    CHECK(result.ruleIds.empty());
    CHECK(result.articles.empty());
}

TEST_CASE("emergency rules fire on their signs and not on near misses") { checkEpisodeCases(emergencyCases()); }

TEST_CASE("urgent rules fire on their signs and not on near misses") { checkEpisodeCases(urgentCases()); }

TEST_CASE("soon rules fire on their signs and not on near misses") { checkEpisodeCases(soonCases()); }

TEST_CASE("when several rules fire the highest level wins and every rule is listed") {
    checkEpisodeCases(precedenceCases());
}

TEST_CASE("triage articles are those of the matched rules, once each, in table order") {
    core::Episode e = ep({"lump", "calf_swelling", "warmth"}).leg("left").e;
    core::normalize(e);
    const core::TriageResult result = core::triageEpisode(e);
    CHECK(result.ruleIds == std::vector<std::string>{"U1", "U2", "S4"});
    CHECK(result.articles == std::vector<std::string>{"dvt", "bakers_cyst", "gout", "infection"});
}

TEST_CASE("history rules fire on their patterns and not on near misses") {
    for (const auto& c : historyCases()) {
        INFO("case: " << c.what);
        const core::TriageResult result = core::triageHistory(c.days, kToday);
        CHECK(result.ruleIds == c.fires);
        CHECK(result.level == (c.fires.empty() ? Level::SelfCare : Level::Soon));
        for (const auto& id : c.nearMissOf) {
            INFO("near miss of " << id);
            CHECK(std::find(result.ruleIds.begin(), result.ruleIds.end(), id) == result.ruleIds.end());
        }
    }
}

TEST_CASE("episode triage ignores history rules and history triage ignores episode rules") {
    // A busy episode never produces an H id, and a history never produces an E, U or S id.
    const core::TriageResult fromEpisode = core::triageEpisode(ep({"swelling", "lump"}).pain(9).e);
    for (const auto& id : fromEpisode.ruleIds) CHECK(id.front() != 'H');
    const auto swollen = std::vector<core::HistoryDay>{day(0, 9, true), day(1, 9, true), day(2, 9, true)};
    const core::TriageResult fromHistory = core::triageHistory(swollen, kToday);
    CHECK(fromHistory.ruleIds == std::vector<std::string>{"H3"});
    CHECK(fromHistory.articles == std::vector<std::string>{"bakers_cyst", "osteoarthritis"});
}

TEST_CASE("action text names the region's numbers at each level") {
    const std::string unchosen = core::actionText(Level::Emergency, "");
    CHECK(unchosen.rfind("Call 112 now", 0) == 0);
    CHECK(unchosen.find("Do not drive yourself.") != std::string::npos);
    CHECK(unchosen.find("most of Europe") != std::string::npos);
    CHECK(unchosen.find("most mobile phones") != std::string::npos);
    CHECK(core::actionText(Level::Emergency, "uk").rfind("Call 999 now", 0) == 0);
    CHECK(core::actionText(Level::Emergency, "au").rfind("Call 000 now", 0) == 0);
    CHECK(core::actionText(Level::Emergency, "us").rfind("Call 911 now", 0) == 0);
    CHECK(core::actionText(Level::Emergency, "nz").rfind("Call 111 now", 0) == 0);
    CHECK(core::actionText(Level::Emergency, "no-such-region").rfind("Call 112 now", 0) == 0);

    const std::string uk = core::actionText(Level::Urgent, "uk");
    CHECK(uk.find("today") != std::string::npos);
    CHECK(uk.find("NHS 111") != std::string::npos);
    CHECK(uk.find("emergency department") != std::string::npos);
    // New Zealand's 111 is the emergency number: the urgent text names Healthline instead.
    const std::string nz = core::actionText(Level::Urgent, "nz");
    CHECK(nz.find("Healthline 0800 611 116") != std::string::npos);
    CHECK(nz.find("NHS 111") == std::string::npos);
    for (const core::Region& r : core::regions()) {
        INFO("region " << r.code);
        CHECK(core::actionText(Level::Urgent, r.code).find(std::string(r.sameDay)) != std::string::npos);
    }

    const std::string soon = core::actionText(Level::Soon, "uk");
    CHECK(soon.find("physiotherapist") != std::string::npos);
    CHECK(soon.find("keep logging") != std::string::npos);

    const std::string selfCare = core::actionText(Level::SelfCare, "uk");
    CHECK(selfCare.find("ice wrapped") != std::string::npos);
    CHECK(selfCare.find("15–20 minutes") != std::string::npos);
    CHECK(selfCare.find("pharmacist") != std::string::npos);
    CHECK(selfCare.find("999") == std::string::npos);
}

TEST_CASE("no wording says leg pain or that a finding rules out a clot") {
    for (const Level level : {Level::SelfCare, Level::Soon, Level::Urgent, Level::Emergency})
        for (const char* region : {"", "uk", "nz"}) {
            const std::string text = core::actionText(level, region);
            INFO(text);
            CHECK(text.find("leg pain") == std::string::npos);  // the person may have logged pain 0
        }
    for (const auto& rule : core::rules()) {
        INFO("rule " << rule.id);
        for (std::string_view text : {rule.title, rule.condition, rule.reason}) {
            CHECK(text.find("not the usual pattern") == std::string_view::npos);
            CHECK(text.find("rules out") == std::string_view::npos);
            CHECK(text.find("feel for a pulse") == std::string_view::npos);
        }
    }
}

TEST_CASE("self-care words give no ice advice with numbness, a cold foot or a weak foot") {
    CHECK(core::selfCareText(ep({"stiffness"}).e).find("ice wrapped") != std::string::npos);
    for (const char* sign : {"numbness", "cold_foot", "weak_foot"}) {
        INFO(sign);
        const std::string text = core::selfCareText(ep({sign}).e);
        CHECK(text.find("ice wrapped") == std::string::npos);
        CHECK(text.find("Do not put ice") != std::string::npos);
        CHECK(text.find("do not massage") != std::string::npos);
    }
}

TEST_CASE("anti-inflammatory cautions name every group of version 2 and no dose") {
    const std::string_view text = core::antiInflammatoryCautions();
    for (const char* group : {"stomach ulcer", "bleeding", "kidney", "heart disease", "high blood pressure", "stroke",
                              "asthma", "pregnant", "over 65", "blood thinners", "Crohn's", "colitis", "reaction",
                              "pharmacist"}) {
        INFO(group);
        CHECK(text.find(group) != std::string_view::npos);
    }
    CHECK(text.find(" mg") == std::string_view::npos);
}

TEST_CASE("the tumour page is never first unless weight loss or night sweats were logged") {
    // S1 links the cyst page first; H4 lists osteoarthritis first; orderArticles enforces the rule
    // whatever a table row says.
    core::Episode lump = ep({"lump"}).e;
    CHECK(core::triageEpisode(lump).articles.front() == "bakers_cyst");
    std::vector<std::string> articles = {"tumours", "osteoarthritis"};
    core::orderArticles(articles, ep({"stiffness"}).e);
    CHECK(articles == std::vector<std::string>{"osteoarthritis", "tumours"});
    std::vector<std::string> withLoss = {"tumours", "osteoarthritis"};
    core::orderArticles(withLoss, ep({"weight_loss"}).e);
    CHECK(withLoss.front() == "tumours");
    core::Episode nightRest = ep().when({"night", "rest"}).e;
    CHECK(core::triageEpisode(nightRest).articles.front() != "tumours");
    for (const auto& rule : core::rules())
        if (!rule.articles.empty()) {
            INFO("rule " << rule.id);
            CHECK(rule.articles.front() != "tumours");
        }
}

// Runs last in a full run, but reads only the tables, so it gives the same answer when ctest
// runs it alone: a rule added to rules() without a positive case and a near miss fails here.
TEST_CASE("every triage rule has a positive case and a near-miss case") {
    Coverage coverage;
    addCoverage(coverage, emergencyCases());
    addCoverage(coverage, urgentCases());
    addCoverage(coverage, soonCases());
    addCoverage(coverage, precedenceCases());
    addCoverage(coverage, historyCases());
    for (const auto& rule : core::rules()) {
        const std::string id(rule.id);
        INFO("rule " << id << " (" << rule.key << ")");
        CHECK(coverage.positive.count(id) == 1);
        CHECK(coverage.nearMiss.count(id) == 1);
    }
    // And no case names a rule the table does not have.
    const std::vector<std::string> ids = idsOf(core::rules());
    const std::set<std::string> known(ids.begin(), ids.end());
    for (const auto& id : coverage.positive) CHECK(known.count(id) == 1);
    for (const auto& id : coverage.nearMiss) CHECK(known.count(id) == 1);
}

// [SECTION] The knee map (issue 18): `below`, the upper calf, is read like calf_pain.

TEST_CASE("the knee-map region below fires what calf_pain fires; above and the knee band do not") {
    const std::vector<std::pair<std::string, Ep>> withs = {
        {"alone", ep()},
        {"with a swollen knee", ep({"swelling"})},
        {"with warmth", ep({"warmth"})},
        {"with redness in the left leg", ep({"redness"}).leg("left")},
        {"with warmth in both legs", ep({"warmth"}).leg("both")},
        {"sudden", ep().onset("sudden")},
        {"after a long journey", ep().risks({"long_journey"})},
        {"on the pill", ep().risks({"hormones"})},
        {"with a lump", ep({"lump"})},
        {"fainted", ep({"faint"})},
        {"dizzy", ep({"dizzy"})},
    };
    for (const auto& [what, base] : withs) {
        INFO("below " << what);
        Ep calf = base, below = base, knee = base, plain = base;
        calf.e.symptoms.push_back("calf_pain");
        below.where({"below"});
        knee.where({"above", "inner", "centre", "outer"});
        for (Ep* x : {&calf, &below, &knee, &plain}) core::normalize(x->e);
        const core::TriageResult byCalf = core::triageEpisode(calf.e, calf.context);
        const core::TriageResult byBelow = core::triageEpisode(below.e, below.context);
        CHECK(byBelow == byCalf);
        CHECK(core::triageEpisode(knee.e, knee.context) == core::triageEpisode(plain.e, plain.context));
    }
    // The named cases: a painful upper calf in one leg with a swollen knee is the calf-pain check
    // (S7), exactly as calf_pain with swelling; with warmth it is a possible clot (U1); above the
    // crease, or in both legs, it is not.
    const auto has = [](const core::TriageResult& r, const char* id) {
        return std::find(r.ruleIds.begin(), r.ruleIds.end(), id) != r.ruleIds.end();
    };
    const core::TriageResult swollen = core::triageEpisode(ep({"swelling"}).where({"below"}).leg("left").e);
    CHECK(swollen == core::triageEpisode(ep({"swelling", "calf_pain"}).leg("left").e));
    CHECK(has(swollen, "S7"));
    CHECK(has(core::triageEpisode(ep({"warmth"}).where({"below"}).leg("left").e), "U1"));
    CHECK_FALSE(has(core::triageEpisode(ep({"warmth"}).where({"above"}).leg("left").e), "U1"));
    CHECK_FALSE(has(core::triageEpisode(ep({"warmth"}).where({"above"}).leg("left").e), "S7"));
    CHECK_FALSE(has(core::triageEpisode(ep({"warmth"}).where({"below"}).leg("both").e), "U1"));  // near miss: both legs
    // The episode itself is not changed: only the reading adds calf_pain.
    const core::Episode logged = ep().where({"below"}).e;
    CHECK(core::asTriageReads(logged).hasSymptom("calf_pain"));
    CHECK_FALSE(logged.hasSymptom("calf_pain"));
    CHECK_FALSE(core::asTriageReads(ep().where({"above", "inner"}).e).hasSymptom("calf_pain"));
}

TEST_CASE("below logged on a day before makes calf pain not new (history days read it too)") {
    core::Episode earlier;
    earlier.id = 1;
    earlier.startedAt = core::LocalDateTime{core::addDays(kToday, -3), 9, 0, 0, 0};
    earlier.pain = 3;
    earlier.where = {"below"};
    core::Episode now;
    now.startedAt = core::LocalDateTime{kToday, 9, 0, 0, 0};
    now.pain = 3;
    now.where = {"below"};
    // New calf pain with a standing clot risk is U1; the same pain logged 3 days ago is not new.
    const auto rules = [&](const std::vector<core::Episode>& before) {
        return core::triageEpisode(now, core::contextFor(now, before, {"hormones"})).ruleIds;
    };
    CHECK(rules({}) == std::vector<std::string>{"U1"});
    CHECK(rules({earlier}) == std::vector<std::string>{"S7"});
    // And `above` three days ago does not count as calf pain.
    earlier.where = {"above"};
    CHECK(rules({earlier}) == std::vector<std::string>{"U1"});
}
