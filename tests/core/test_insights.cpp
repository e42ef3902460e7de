// Insights on planted journals: the truth is built into the data, and the estimates must find it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/insights.hpp"

using namespace core;

namespace {

// A fixed pseudo-random sequence (so the test data are the same on every machine and library).
struct Lcg {
    uint64_t x;
    double next() {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(x >> 11) / 9007199254740992.0;  // [0, 1)
    }
};

// 70 days, entries at 08:00, 15:00 and 22:00. The truth: ice lowers the *next* entry's pain by 2;
// physio does nothing; stairs add 3 to the pain of the entry itself. Ice and physio are ticked at
// random, independently of everything else.
std::vector<Episode> plantedJournal(int days = 70, int offsetBefore = 60, int offsetAfter = 60, int switchDay = 999) {
    Lcg rng{12345};
    std::vector<Episode> out;
    bool previousIce = false;
    for (int d = 0; d < days; ++d)
        for (int hour : {8, 15, 22}) {
            Episode e;
            e.id = static_cast<int64_t>(out.size()) + 1;
            e.startedAt = LocalDateTime{addDays(CivilDate{2026, 3, 1}, d), hour, 0, 0, d < switchDay ? offsetBefore : offsetAfter};
            const int noise = static_cast<int>(rng.next() * 3) - 1;  // -1, 0 or 1
            const bool stairs = rng.next() < 0.3;
            int pain = 5 + noise + (stairs ? 3 : 0) - (previousIce ? 2 : 0);
            e.pain = std::clamp(pain, 0, 10);
            if (stairs) e.when.push_back("stairs");
            const bool ice = rng.next() < 0.4;
            if (ice) e.care.push_back("ice");
            if (rng.next() < 0.3) e.care.push_back("physio");
            normalize(e);
            previousIce = ice;
            out.push_back(e);
        }
    return out;
}

const Finding& find(const std::vector<Finding>& list, const std::string& name) {
    for (const Finding& f : list)
        if (f.name == name) return f;
    FAIL("no finding " << name);
    return list.front();
}

}  // namespace

TEST_CASE("insights recover planted effects: ice lowers the next pain by 2, physio nothing, stairs add 3", "[insights]") {
    const Insights in = computeInsights(plantedJournal());
    CHECK(in.pairs == 70 * 3 - 1);  // every entry pairs with the next (7 or 10 hours later)

    const Finding& ice = find(in.care, "ice");
    REQUIRE(ice.effect.has_value());
    INFO("ice " << ice.effect->estimate << " [" << ice.effect->low << ", " << ice.effect->high << "]");
    CHECK(ice.effect->low < -2.0);
    CHECK(ice.effect->high > -2.0);
    CHECK(ice.effect->high < 0.0);  // clearly lower
    CHECK(careSentence(ice).find("After ice, your pain by the next entry was on average") == 0);
    CHECK(careSentence(ice).find("lower than without") != std::string::npos);
    CHECK(careSentence(ice).find("This shows a pattern, not proof.") != std::string::npos);

    const Finding& physio = find(in.care, "physio");
    REQUIRE(physio.effect.has_value());
    INFO("physio " << physio.effect->estimate << " [" << physio.effect->low << ", " << physio.effect->high << "]");
    CHECK(physio.effect->includesZero());
    CHECK(careSentence(physio).find("no clear difference") != std::string::npos);

    const Finding& stairs = find(in.contexts, "stairs");
    REQUIRE(stairs.effect.has_value());
    INFO("stairs " << stairs.effect->estimate << " [" << stairs.effect->low << ", " << stairs.effect->high << "]");
    CHECK(stairs.effect->low < 3.0);
    CHECK(stairs.effect->high > 3.0);
    CHECK(contextSentence(stairs).find("Entries marked \u201COn stairs\u201D had pain on average") == 0);
    CHECK(contextSentence(stairs).find("higher than your other entries") != std::string::npos);

    // Ranked by the size of the effect: ice comes before physio.
    CHECK(in.care.front().name == "ice");
    CHECK(in.contexts.front().name == "stairs");
}

TEST_CASE("insights: below 8 pairs on either side there is no number, only how many more are needed", "[insights]") {
    const Insights in = computeInsights(plantedJournal(2));  // 6 entries, 5 pairs
    const Finding& ice = find(in.care, "ice");
    CHECK_FALSE(ice.effect.has_value());
    CHECK(ice.moreNeeded() > 0);
    CHECK(careSentence(ice).find("Not enough entries yet for ice: ") == 0);
    for (const Finding& f : in.contexts) CHECK_FALSE(f.effect.has_value());
}

TEST_CASE("insights pair entries by the instant, so a month across a DST change pairs correctly", "[insights]") {
    // Clocks go forward (UTC+1 to UTC+2) on day 15: local 22:00 to 08:00 is 9 hours, still one pair.
    const Insights in = computeInsights(plantedJournal(30, 60, 120, 15));
    CHECK(in.pairs == 30 * 3 - 1);
    // Two entries more than 24 hours apart make no pair.
    std::vector<Episode> apart = plantedJournal(1);
    apart[2].startedAt.date = addDays(apart[2].startedAt.date, 2);
    CHECK(computeInsights(apart).pairs == 1);
}

TEST_CASE("insights: time of day and weekday means with their counts", "[insights]") {
    std::vector<Episode> eps;
    for (int i = 0; i < 7; ++i) {
        Episode e;
        e.startedAt = LocalDateTime{addDays(CivilDate{2026, 3, 2}, i), 7, 0, 0, 0};  // 2026-03-02 is a Monday
        e.pain = i;
        eps.push_back(e);
    }
    eps[0].startedAt.hour = 23;
    const Insights in = computeInsights(eps);
    REQUIRE(in.weekday.size() == 7);
    CHECK(in.weekday[0].name == "mon");
    CHECK(in.weekday[0].n == 1);
    CHECK(in.weekday[6].mean == std::optional<double>(6.0));
    REQUIRE(in.timeOfDay.size() == 4);
    CHECK(in.timeOfDay[1].name == "morning");
    CHECK(in.timeOfDay[1].n == 6);
    CHECK(in.timeOfDay[3].name == "evening");
    CHECK(in.timeOfDay[3].mean == std::optional<double>(0.0));
    CHECK_FALSE(in.timeOfDay[0].mean.has_value());  // nothing at night
}

TEST_CASE("insights: Welch's interval and the t quantile", "[insights]") {
    CHECK(tQuantile975(1) == Approx(12.706));
    CHECK(tQuantile975(10) == Approx(2.228));
    CHECK(tQuantile975(10.5) == Approx((2.228 + 2.201) / 2));
    CHECK(tQuantile975(1e6) == Approx(1.960).epsilon(0.001));
    const std::vector<double> a = {1, 2, 3, 4, 5}, b = {3, 4, 5, 6, 7};
    auto i = welchInterval(a, b);
    REQUIRE(i.has_value());
    CHECK(i->estimate == Approx(-2.0));
    // Equal variances 2.5, n 5 each: se = 1, df = 8, t = 2.306.
    CHECK(i->low == Approx(-2.0 - 2.306));
    CHECK(i->high == Approx(-2.0 + 2.306));
    CHECK_FALSE(welchInterval(std::vector<double>{1}, b).has_value());
}

TEST_CASE("insights name what is behind a finding, newest first", "[insights]") {
    const auto eps = plantedJournal(10);
    const Insights in = computeInsights(eps);
    const Finding& ice = find(in.care, "ice");
    REQUIRE_FALSE(ice.examples.empty());
    CHECK(ice.examples.size() <= kExamples);
    for (const auto& x : ice.examples) {
        CHECK(x.nextId == x.id + 1);  // the next entry
        const Episode& e = eps[static_cast<std::size_t>(x.id - 1)];
        CHECK(e.hasCare("ice"));
        CHECK(x.pain == e.pain);
        CHECK(x.nextPain == std::optional<int>(eps[static_cast<std::size_t>(x.id)].pain));
    }
    CHECK(ice.examples.front().id > ice.examples.back().id);
}
