// The person's region and risk profile (red flags version 2): the region table, the stored form
// of the risks, and the "still true?" question for time-bound risks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/vocabulary.hpp"

using namespace core;

TEST_CASE("profile: the region table of version 2, with New Zealand's 111 as its emergency number") {
    std::vector<std::string> codes;
    for (const Region& r : regions()) codes.emplace_back(r.code);
    CHECK(codes == std::vector<std::string>{"uk", "ie", "eu", "us", "ca", "au", "nz", "other"});
    CHECK(emergencyNumberFor("uk") == "999");
    CHECK(emergencyNumberFor("ie") == "112 or 999");
    CHECK(emergencyNumberFor("us") == "911");
    CHECK(emergencyNumberFor("ca") == "911");
    CHECK(emergencyNumberFor("au") == "000");
    CHECK(emergencyNumberFor("nz") == "111");
    CHECK(emergencyNumberFor("other") == "112");
    CHECK(emergencyNumberFor("") == "112");
    CHECK(findRegion("uk")->sameDay == "NHS 111");
    CHECK(findRegion("nz")->sameDay.find("0800 611 116") != std::string_view::npos);
    for (const Region& r : regions()) {
        INFO(r.code);
        // "111" as a same-day line only where it is one (the UK), never in New Zealand.
        if (r.code != "uk") CHECK(r.sameDay.find("NHS 111") == std::string_view::npos);
    }
    CHECK(std::string(kUnchosenEmergencyNote).find("most mobile phones") != std::string::npos);
}

TEST_CASE("profile: risks are stored as text and read back; damaged or unknown items are skipped") {
    Profile p;
    p.set("hormones", 1000);
    p.set("blood_thinners", 2000);
    p.set("hormones", 3000);  // "still true": the date is renewed, the risk is listed once
    CHECK(p.riskNames() == std::vector<std::string>{"blood_thinners", "hormones"});
    const std::string text = encodeRisks(p.risks);
    CHECK(text == "blood_thinners@2000;hormones@3000");
    CHECK(decodeRisks(text) == p.risks);
    const auto read = decodeRisks("hormones@5;flying@7;cancer@x;previous_clot;hormones@9;low_immunity@11");
    REQUIRE(read.size() == 2);
    CHECK(read[0] == RiskMark{"hormones", 5});
    CHECK(read[1] == RiskMark{"low_immunity", 11});
    CHECK(decodeRisks("").empty());
    p.unset("hormones");
    CHECK(p.riskNames() == std::vector<std::string>{"blood_thinners"});
    CHECK_FALSE(p.has("hormones"));
}

TEST_CASE("profile: time-bound risks ask 'still true?' once their window has passed, and still count") {
    const int64_t day = 86400;
    Profile p;
    p.set("long_journey", 0);
    p.set("recent_surgery", 0);
    p.set("cancer", 0);
    CHECK(p.dueForReview(8 * 7 * day - 1).empty());
    CHECK(p.dueForReview(8 * 7 * day) == std::vector<std::string>{"long_journey"});
    CHECK(p.dueForReview(12 * 7 * day) == std::vector<std::string>{"long_journey", "recent_surgery"});
    CHECK(p.has("long_journey"));  // asking is not removing: the safe reading keeps it until the person says no
    p.set("long_journey", 12 * 7 * day);
    CHECK(p.dueForReview(12 * 7 * day) == std::vector<std::string>{"recent_surgery"});
    CHECK(riskWindowDays("cancer") == 0);
    CHECK(riskWindowDays("immobile") > 0);
    CHECK(riskWindowDays("pregnant_or_postpartum") > 0);
}

TEST_CASE("profile: unknown risk and region names are refused with the valid names") {
    auto risk = checkRiskName("flying");
    REQUIRE_FALSE(risk.ok());
    CHECK(risk.error().message.find(validNames(riskTerms())) != std::string::npos);
    auto region = checkRegionCode("UK");
    REQUIRE_FALSE(region.ok());
    CHECK(region.error().message.find("uk, ie, eu, us, ca, au, nz, other") != std::string::npos);
    CHECK(checkRiskName("previous_clot").ok());
    CHECK(checkRegionCode("other").ok());
}
