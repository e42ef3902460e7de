#include <catch2/catch.hpp>

#include "core/time.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"

TEST_CASE("term labels: the person's words, unknown names as they are, empty names left out") {
    CHECK(core::termLabel(core::painTypeTerms(), "sharp") == "Sharp");
    CHECK(core::termLabel(core::painTypeTerms(), "prickly") == "prickly");
    CHECK(core::termLabels(core::symptomTerms(), {"swelling", "", "stiffness"}) == "Swelling, Stiffness");
    CHECK(core::termLabels(core::symptomTerms(), {"swelling", "stiffness"}, "; ") == "Swelling; Stiffness");
    CHECK(core::termLabels(core::painTypeTerms(), {""}).empty());
}

TEST_CASE("side words never say a bare L or R") {
    CHECK(core::sideWords("left") == "Left knee");
    CHECK(core::sideWords("right") == "Right knee");
    CHECK(core::sideWords("both") == "Both knees");
    CHECK(core::sideWords("") == "Side not given");
}

TEST_CASE("month and weekday names, and thousands") {
    CHECK(std::string(core::monthShort(1)) == "Jan");
    CHECK(std::string(core::monthShort(12)) == "Dec");
    CHECK(std::string(core::monthShort(13)) == "Dec");
    CHECK(std::string(core::weekdayShort(0)) == "Thu");  // 1970-01-01
    CHECK(std::string(core::weekdayShort(-1)) == "Wed");
    CHECK(std::string(core::weekdayShort(core::daysFromCivil({2026, 11, 24}))) == "Tue");
    CHECK(core::withThousands(0) == "0");
    CHECK(core::withThousands(999) == "999");
    CHECK(core::withThousands(12345) == "12,345");
    CHECK(core::withThousands(1234567) == "1,234,567");
}
