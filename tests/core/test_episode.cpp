#include <catch2/catch.hpp>

#include "core/episode.hpp"
#include "core/vocabulary.hpp"

using namespace core;

namespace {
const int64_t kNow = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 12, 0, 0, 60});

Episode valid() {
    Episode e;
    e.startedAt = LocalDateTime{{2026, 11, 27}, 9, 15, 0, 60};
    e.pain = 5;
    e.side = "left";
    return e;
}

void requireInvalid(const Episode& e, const std::string& field) {
    auto r = validate(e, kNow);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Invalid);
    CHECK(r.error().message.rfind(field, 0) == 0);
}
}  // namespace

TEST_CASE("a plain episode is valid", "[episode]") { CHECK(validate(valid(), kNow).ok()); }

TEST_CASE("pain outside 0-10 is refused", "[episode]") {
    auto e = valid();
    e.pain = 11;
    requireInvalid(e, "pain");
    e.pain = -1;
    requireInvalid(e, "pain");
    e.pain = 0;
    CHECK(validate(e, kNow).ok());
    e.pain = 10;
    CHECK(validate(e, kNow).ok());
}

TEST_CASE("unknown names are refused and the valid ones listed", "[episode]") {
    auto e = valid();
    e.side = "front";
    requireInvalid(e, "side");
    CHECK(validate(e, kNow).error().message.find("left, right, both") != std::string::npos);
    e = valid();
    e.painType = "stabbing";
    requireInvalid(e, "type");
    e = valid();
    e.onset = "slow";
    requireInvalid(e, "onset");
    e = valid();
    e.when = {"stairs", "dancing"};
    requireInvalid(e, "when");
    e = valid();
    e.symptoms = {"swelling", "itching"};
    requireInvalid(e, "symptom");
    CHECK(validate(e, kNow).error().message.find("calf_swelling") != std::string::npos);
    e = valid();
    e.care = {"massage"};
    requireInvalid(e, "care");
}

TEST_CASE("every vocabulary name is accepted", "[episode]") {
    auto e = valid();
    for (const auto& t : symptomTerms()) e.symptoms.emplace_back(t.name);
    for (const auto& t : contextTerms()) e.when.emplace_back(t.name);
    for (const auto& t : careTerms()) e.care.emplace_back(t.name);
    CHECK(validate(e, kNow).ok());
    CHECK(symptomTerms().size() == 31);
    CHECK(contextTerms().size() == 10);
    CHECK(careTerms().size() == 6);
    CHECK(riskTerms().size() == 10);
    // Red flags version 2: new names, and `faint` keeps its name with the new label.
    for (const char* name : {"dizzy", "weak_foot", "rapid_swelling"}) CHECK(findTerm(symptomTerms(), name) != nullptr);
    CHECK(findTerm(symptomTerms(), "faint")->label == "Fainted or nearly fainted");
}

TEST_CASE("the leg is checked apart from the knee side", "[episode]") {
    auto e = valid();
    for (const char* leg : {"", "left", "right", "both"}) {
        e.leg = leg;
        CHECK(validate(e, kNow).ok());
    }
    e.leg = "middle";
    requireInvalid(e, "leg");
}

TEST_CASE("a temperature is 34.0-43.0 with one decimal, parsed without locale or floats", "[episode]") {
    CHECK(*parseTemperature("38") == 380);
    CHECK(*parseTemperature("38.0") == 380);
    CHECK(*parseTemperature("37.9") == 379);
    CHECK(*parseTemperature("38,4") == 384);  // a decimal comma is read the same way
    CHECK(*parseTemperature("34.0") == 340);
    CHECK(*parseTemperature("43.0") == 430);
    for (const char* bad : {"", "33.9", "43.1", "38.25", "38.", ".5", "abc", "38.4C", "-38", " 38", "1e2", "380"}) {
        INFO("'" << bad << "'");
        auto r = parseTemperature(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("34.0 to 43.0") != std::string::npos);
    }
    CHECK(formatTemperature(384) == "38.4");
    CHECK(formatTemperature(400) == "40.0");
    auto e = valid();
    e.temperatureTenths = 384;
    CHECK(validate(e, kNow).ok());
    e.temperatureTenths = 431;
    requireInvalid(e, "temperature");
    e.temperatureTenths = 379;
    e.symptoms = {"fever"};
    CHECK(e.hasFever());  // a reading under 38.0 never cancels a ticked fever
    e.symptoms.clear();
    CHECK_FALSE(e.hasFever());
    e.temperatureTenths = 380;
    CHECK(e.hasFever());
}

TEST_CASE("future times beyond a few minutes and dates before 1970 are refused", "[episode]") {
    auto e = valid();
    e.startedAt = atOffset(kNow + 4 * 60, 60);
    CHECK(validate(e, kNow).ok());
    e.startedAt = atOffset(kNow + 10 * 60, 60);
    requireInvalid(e, "time");
    CHECK(validate(e, kNow).error().message.find("future") != std::string::npos);
    e.startedAt = LocalDateTime{{1969, 12, 31}, 23, 0, 0, 0};
    requireInvalid(e, "time");
}

TEST_CASE("notes up to 100000 characters are kept, longer ones refused without truncation", "[episode]") {
    auto e = valid();
    e.note = std::string(kMaxNoteChars, 'a');
    CHECK(validate(e, kNow).ok());
    // Multi-byte characters count as one each.
    e.note.clear();
    for (std::size_t i = 0; i < kMaxNoteChars; ++i) e.note += "\xC3\xA4";
    CHECK(utf8Length(e.note) == kMaxNoteChars);
    CHECK(validate(e, kNow).ok());
    e.note += "x";
    requireInvalid(e, "note");
    CHECK(validate(e, kNow).error().message.find("100000") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in a note is refused", "[episode]") {
    auto e = valid();
    e.note = std::string("ok \xC3", 4);
    requireInvalid(e, "note");
}

TEST_CASE("normalize sorts and de-duplicates multi-value fields", "[episode]") {
    auto e = valid();
    e.symptoms = {"warmth", "swelling", "warmth"};
    normalize(e);
    CHECK(e.symptoms == std::vector<std::string>{"swelling", "warmth"});
    CHECK(e.hasSymptom("warmth"));
    CHECK_FALSE(e.hasSymptom("fever"));
}
