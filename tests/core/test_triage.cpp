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
#include "core/time.hpp"
#include "core/triage.hpp"

using core::Level;

namespace {

// [SECTION] Building episodes and histories

// A readable way to say what was logged: ep({"lump", "bruising"}).side("left").onset("sudden").
struct Ep {
    core::Episode e;
    Ep& side(std::string s) { e.side = std::move(s); return *this; }
    Ep& pain(int p) { e.pain = p; return *this; }
    Ep& onset(std::string o) { e.onset = std::move(o); return *this; }
    Ep& when(std::initializer_list<const char*> contexts) {
        e.when.assign(contexts.begin(), contexts.end());
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
    Level level;
    std::vector<std::string> fires;
    std::vector<std::string> nearMissOf;
};

EpisodeCase row(std::string what, Ep logged, Level level, std::vector<std::string> fires,
                std::vector<std::string> nearMissOf = {}) {
    core::normalize(logged.e);
    return {std::move(what), std::move(logged.e), level, std::move(fires), std::move(nearMissOf)};
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

// [SECTION] The tables

const std::vector<EpisodeCase>& emergencyCases() {
    static const std::vector<EpisodeCase> kCases = {
        row("breathless", ep({"breathless"}), Level::Emergency, {"E1"}),
        row("chest pain", ep({"chest_pain"}), Level::Emergency, {"E1"}),
        row("coughing blood", ep({"coughing_blood"}), Level::Emergency, {"E1"}),
        row("faint", ep({"faint"}), Level::Emergency, {"E1"}),
        row("racing heart", ep({"racing_heart"}), Level::Emergency, {"E1"}),
        row("cold foot", ep({"cold_foot"}), Level::Emergency, {"E2"}),
        row("calf pain alone fires nothing", ep({"calf_pain"}), Level::SelfCare, {}, {"E1", "U1"}),
        row("numbness alone fires nothing", ep({"numbness"}), Level::SelfCare, {}, {"E2", "U6"}),
    };
    return kCases;
}

const std::vector<EpisodeCase>& urgentCases() {
    static const std::vector<EpisodeCase> kCases = {
        // U1 possible_dvt
        row("calf pain and calf swelling on the left", ep({"calf_pain", "calf_swelling"}).side("left"), Level::Urgent, {"U1"}),
        row("calf swelling, side not given", ep({"calf_swelling"}), Level::Urgent, {"U1"}),
        row("leg swelling on the right", ep({"leg_swelling"}).side("right"), Level::Urgent, {"U1"}),
        row("calf pain and warmth", ep({"calf_pain", "warmth"}).side("right"), Level::Urgent, {"U1", "S4"}),
        row("calf pain and redness", ep({"calf_pain", "redness"}).side("left"), Level::Urgent, {"U1", "S4"}),
        row("calf swelling on both sides is S6, not U1", ep({"calf_swelling"}).side("both"), Level::Soon, {"S6"}, {"U1"}),
        row("calf pain with swelling of the knee only", ep({"calf_pain", "swelling"}).side("left"), Level::SelfCare, {}, {"U1"}),
        // U2 cyst_burst_or_clot
        row("lump and bruising", ep({"lump", "bruising"}), Level::Urgent, {"U2"}, {"S1"}),
        row("lump and redness", ep({"lump", "redness"}), Level::Urgent, {"U2", "S4"}, {"S1"}),
        row("lump and warmth", ep({"lump", "warmth"}), Level::Urgent, {"U2", "S4"}),
        row("lump and calf swelling on one side", ep({"lump", "calf_swelling"}).side("left"), Level::Urgent, {"U1", "U2"}),
        row("lump and leg swelling on both sides", ep({"lump", "leg_swelling"}).side("both"), Level::Urgent, {"U2", "S6"}),
        row("lump with sudden swelling", ep({"lump", "swelling"}).onset("sudden"), Level::Urgent, {"U2"}),
        row("lump alone is S1, not U2", ep({"lump"}), Level::Soon, {"S1"}, {"U2"}),
        row("lump with gradual swelling", ep({"lump", "swelling"}).onset("gradual"), Level::Soon, {"S1"}, {"U2"}),
        row("lump with swelling, onset not given", ep({"lump", "swelling"}), Level::Soon, {"S1"}, {"U2"}),
        row("bruising alone fires nothing", ep({"bruising"}), Level::SelfCare, {}, {"U2"}),
        // U3 joint_infection
        row("fever and swelling is U3, not S4", ep({"fever", "swelling"}), Level::Urgent, {"U3"}, {"S4"}),
        row("unwell and warmth", ep({"unwell", "warmth"}), Level::Urgent, {"U3"}, {"S4"}),
        row("fever and redness", ep({"fever", "redness"}), Level::Urgent, {"U3"}),
        row("swelling alone fires nothing", ep({"swelling"}), Level::SelfCare, {}, {"U3", "H3"}),
        row("fever alone is S4", ep({"fever"}), Level::Soon, {"S4"}, {"U3"}),
        // U4 severe_or_cannot_bear_weight
        row("pain 8", ep().pain(8), Level::Urgent, {"U4"}),
        row("pain 10", ep().pain(10), Level::Urgent, {"U4"}),
        row("cannot bear weight", ep({"cannot_bear_weight"}).pain(3), Level::Urgent, {"U4"}),
        row("deformity", ep({"deformity"}), Level::Urgent, {"U4"}),
        row("pain 7 is not U4", ep().pain(7), Level::SelfCare, {}, {"U4"}),
        // U5 locked_knee
        row("cannot straighten", ep({"cannot_straighten"}), Level::Urgent, {"U5"}, {"S5"}),
        // U6 serious_injury
        row("injury and giving way", ep({"recent_injury", "giving_way"}), Level::Urgent, {"U6", "S5"}),
        row("injury and numbness", ep({"recent_injury", "numbness"}), Level::Urgent, {"U6"}),
        row("injury with sudden swelling", ep({"recent_injury", "swelling"}).onset("sudden"), Level::Urgent, {"U6"}),
        row("recent injury alone fires nothing", ep({"recent_injury"}), Level::SelfCare, {}, {"U6"}),
        row("injury with gradual swelling", ep({"recent_injury", "swelling"}).onset("gradual"), Level::SelfCare, {}, {"U6"}),
        row("sudden swelling without injury", ep({"swelling"}).onset("sudden"), Level::SelfCare, {}, {"U6"}),
        // U7 red_hot_skin
        row("redness and warmth is U7, not S4", ep({"redness", "warmth"}), Level::Urgent, {"U7"}, {"S4"}),
        row("redness and warmth with fever", ep({"redness", "warmth", "fever"}), Level::Urgent, {"U3", "U7"}, {"S4"}),
        row("redness alone is S4", ep({"redness"}), Level::Soon, {"S4"}, {"U7"}),
        row("warmth alone is S4", ep({"warmth"}), Level::Soon, {"S4"}, {"U7", "U3"}),
    };
    return kCases;
}

const std::vector<EpisodeCase>& soonCases() {
    static const std::vector<EpisodeCase> kCases = {
        // S1 lump_behind_knee: see also the U2 rows
        row("lump with stiffness", ep({"lump", "stiffness"}), Level::Soon, {"S1"}),
        // S2 bone_warning_signs
        row("pain at night", ep().when({"night"}), Level::Soon, {"S2"}),
        row("weight loss", ep({"weight_loss"}), Level::Soon, {"S2"}),
        row("night sweats", ep({"night_sweats"}), Level::Soon, {"S2"}),
        row("pain at rest only", ep().when({"rest", "after_sitting"}), Level::SelfCare, {}, {"S2"}),
        // S3 inflammatory_both_knees
        row("both knees with morning stiffness", ep({"morning_stiffness"}).side("both"), Level::Soon, {"S3"}),
        row("both knees swollen", ep({"swelling"}).side("both"), Level::Soon, {"S3"}),
        row("morning stiffness on one side", ep({"morning_stiffness"}).side("left"), Level::SelfCare, {}, {"S3"}),
        row("both knees with ordinary stiffness", ep({"stiffness"}).side("both"), Level::SelfCare, {}, {"S3"}),
        // S4 inflammation_signs
        row("unwell alone", ep({"unwell"}), Level::Soon, {"S4"}),
        // S5 mechanical_symptoms
        row("locking is S5", ep({"locking"}), Level::Soon, {"S5"}, {"U5"}),
        row("giving way", ep({"giving_way"}), Level::Soon, {"S5"}, {"U6"}),
        row("popping fires nothing", ep({"popping"}), Level::SelfCare, {}, {"S5"}),
        // S6 both_legs_swollen
        row("leg swelling on both sides", ep({"leg_swelling"}).side("both"), Level::Soon, {"S6"}, {"U1"}),
        row("leg swelling on the left is U1, not S6", ep({"leg_swelling"}).side("left"), Level::Urgent, {"U1"}, {"S6"}),
    };
    return kCases;
}

// Several rules at once: the highest level wins and every matching rule is listed.
const std::vector<EpisodeCase>& precedenceCases() {
    static const std::vector<EpisodeCase> kCases = {
        row("breathless with a one-sided swollen calf and a lump",
            ep({"breathless", "calf_swelling", "lump"}).side("right"), Level::Emergency, {"E1", "U1", "U2"}),
        row("cold foot, severe pain, locking, night pain",
            ep({"cold_foot", "locking"}).pain(9).when({"night", "walking"}), Level::Emergency, {"E2", "U4", "S2", "S5"}),
        row("everything at once",
            ep({"chest_pain", "cold_foot", "calf_pain", "calf_swelling", "fever", "swelling", "redness", "warmth",
                "cannot_straighten", "recent_injury", "numbness", "lump", "weight_loss", "locking"})
                .side("left").pain(10).onset("sudden"),
            Level::Emergency, {"E1", "E2", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "S2", "S5"}),
        row("fever, swelling, redness and warmth", ep({"fever", "swelling", "redness", "warmth"}), Level::Urgent, {"U3", "U7"}),
        row("both knees swollen and stiff with both legs swollen",
            ep({"swelling", "morning_stiffness", "calf_swelling"}).side("both"), Level::Soon, {"S3", "S6"}),
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
        const core::TriageResult result = core::triageEpisode(c.episode);
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
    CHECK(ids == std::vector<std::string>{"E1", "E2", "U1", "U2", "U3", "U4", "U5", "U6", "U7",
                                          "S1", "S2", "S3", "S4", "S5", "S6", "H1", "H2", "H3"});
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
    core::Episode e = ep({"lump", "calf_swelling", "warmth"}).side("left").e;
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

TEST_CASE("action text tells the person what to do at each level") {
    const std::string emergency = core::actionText(Level::Emergency, "112");
    CHECK(emergency.rfind("Call 112 now", 0) == 0);
    CHECK(emergency.find("Do not drive yourself.") != std::string::npos);
    CHECK(core::actionText(Level::Emergency, "999").rfind("Call 999 now", 0) == 0);
    CHECK(core::actionText(Level::Emergency, "").find("emergency number") != std::string::npos);

    const std::string urgent = core::actionText(Level::Urgent, "112");
    CHECK(urgent.find("today") != std::string::npos);
    CHECK(urgent.find("111") != std::string::npos);
    CHECK(urgent.find("emergency department") != std::string::npos);

    const std::string soon = core::actionText(Level::Soon, "112");
    CHECK(soon.find("physiotherapist") != std::string::npos);
    CHECK(soon.find("keep logging") != std::string::npos);

    const std::string selfCare = core::actionText(Level::SelfCare, "112");
    CHECK(selfCare.find("ice wrapped") != std::string::npos);
    CHECK(selfCare.find("15–20 minutes") != std::string::npos);
    CHECK(selfCare.find("pharmacist") != std::string::npos);
    CHECK(selfCare.find("112") == std::string::npos);
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
