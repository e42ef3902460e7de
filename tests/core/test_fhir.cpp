#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/fhir.hpp"

using namespace core;
using nlohmann::json;

namespace {

Episode episode(int64_t id, const char* side, int pain, std::vector<std::string> symptoms, std::string note = {}) {
    Episode e;
    e.id = id;
    e.startedAt = LocalDateTime{{2026, 11, 20}, 8, static_cast<int>(id % 60), 0, 60};
    e.recordedAtUtc = toUtcSeconds(e.startedAt) + 300;
    e.side = side;
    e.pain = pain;
    e.symptoms = std::move(symptoms);
    e.note = std::move(note);
    return e;
}

json bundleOf(const std::vector<Episode>& episodes, const std::vector<Alert>& alerts, std::string name = {}) {
    FhirOptions o;
    o.patientName = std::move(name);
    o.generatedAtUtc = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 12, 0, 0, 0});
    return json::parse(fhirBundle(episodes, alerts, o));
}

std::vector<json> resources(const json& bundle, const std::string& type) {
    std::vector<json> out;
    for (const auto& e : bundle["entry"])
        if (e["resource"]["resourceType"] == type) out.push_back(e["resource"]);
    return out;
}

// Every "reference" string anywhere in `j`.
void collectReferences(const json& j, std::vector<std::string>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "reference" && it->is_string()) out.push_back(*it);
            else collectReferences(*it, out);
        }
    } else if (j.is_array()) {
        for (const auto& x : j) collectReferences(x, out);
    }
}

const std::vector<Episode> kEpisodes = {
    episode(1, "left", 3, {}),
    episode(2, "right", 8, {"calf_pain", "calf_swelling", "fever"}, "Müde, Knöchel geschwollen"),
    episode(3, "both", 5, {"swelling"}),
    episode(4, "", 0, {}),
};
const std::vector<Alert> kAlerts = {
    Alert{10, 2, Level::Urgent, {"U1", "U4"}, false, 1790000000, 1790000100},
    Alert{11, 3, Level::Soon, {"S3"}, false, 1790000200, {}},
    Alert{12, 99, Level::Soon, {"S1"}, false, 1790000300, {}},  // its episode is not exported
};

}  // namespace

TEST_CASE("FHIR: a collection bundle with a Patient, one Observation per episode and a Flag per alert", "[fhir]") {
    const json b = bundleOf(kEpisodes, kAlerts);
    CHECK(b["resourceType"] == "Bundle");
    CHECK(b["type"] == "collection");
    CHECK(b["timestamp"] == "2026-11-27T12:00:00Z");
    CHECK(resources(b, "Patient").size() == 1);
    CHECK(resources(b, "Observation").size() == 4);
    CHECK(resources(b, "Flag").size() == 2);
    CHECK(b["entry"].size() == 7);
}

TEST_CASE("FHIR: observations carry LOINC 72514-3, valueInteger, time with offset and the side", "[fhir]") {
    const auto obs = resources(bundleOf(kEpisodes, kAlerts), "Observation");
    const json& o = obs[1];
    CHECK(o["status"] == "final");
    CHECK(o["code"]["coding"][0]["system"] == "http://loinc.org");
    CHECK(o["code"]["coding"][0]["code"] == "72514-3");
    CHECK(o["code"]["coding"][0]["display"] == "Pain severity - 0-10 verbal numeric rating [Score] - Reported");
    CHECK(o["valueInteger"] == 8);
    CHECK(o["effectiveDateTime"] == "2026-11-20T08:02:00+01:00");
    CHECK(o["issued"] == "2026-11-20T07:07:00Z");
    CHECK(o["bodySite"]["coding"][0]["system"] == "http://snomed.info/sct");
    CHECK(o["bodySite"]["coding"][0]["code"] == "6757004");
    CHECK(o["bodySite"]["text"] == "Right knee");
    CHECK(obs[0]["bodySite"]["coding"][0]["code"] == "82169009");
    CHECK(obs[0]["bodySite"]["text"] == "Left knee");
    CHECK(obs[2]["bodySite"]["coding"][0]["code"] == "36701003");
    CHECK(obs[2]["bodySite"]["text"] == "Both knees");
    CHECK(obs[3]["bodySite"]["coding"][0]["code"] == "72696002");
    CHECK(o["note"][0]["text"] == "Müde, Knöchel geschwollen");
    REQUIRE(o["component"].size() == 3);
    CHECK(o["component"][0]["code"]["text"] == "Calf pain");
    CHECK(o["component"][0]["valueBoolean"] == true);
    CHECK(o["component"][2]["code"]["coding"][0]["code"] == "386661006");  // fever
    CHECK_FALSE(obs[0].contains("component"));
}

TEST_CASE("FHIR: every reference resolves inside the bundle", "[fhir]") {
    const json b = bundleOf(kEpisodes, kAlerts, "Ana Núñez");
    std::set<std::string> fullUrls;
    for (const auto& e : b["entry"]) {
        const std::string url = e["fullUrl"];
        CHECK(url.rfind("urn:uuid:", 0) == 0);
        CHECK(url.size() == 9 + 36);
        CHECK(fullUrls.insert(url).second);
        CHECK(url.substr(9) == e["resource"]["id"].get<std::string>());
    }
    std::vector<std::string> refs;
    collectReferences(b, refs);
    CHECK(refs.size() == 4 * 2 + 2 * 2);  // subject + performer per observation; detail + subject per flag
    for (const auto& r : refs) CHECK(fullUrls.count(r) == 1);
}

TEST_CASE("FHIR: flags point at their episode and say what was advised and acknowledged", "[fhir]") {
    const json b = bundleOf(kEpisodes, kAlerts);
    const auto flags = resources(b, "Flag");
    const auto obs = resources(b, "Observation");
    const json& f = flags[0];
    CHECK(f["status"] == "active");
    CHECK(f["extension"][0]["url"] == "http://hl7.org/fhir/StructureDefinition/flag-detail");
    CHECK(f["extension"][0]["valueReference"]["reference"] == "urn:uuid:" + obs[1]["id"].get<std::string>());
    CHECK(f["code"]["text"].get<std::string>().rfind("Urgent: ", 0) == 0);
    const std::string div = f["text"]["div"];
    CHECK(div.find("Get medical help today") != std::string::npos);
    CHECK(div.find("Acknowledged by the patient at") != std::string::npos);
    CHECK(flags[1]["text"]["div"].get<std::string>().find("Not acknowledged") != std::string::npos);
}

TEST_CASE("FHIR: the Patient holds only the name the person typed", "[fhir]") {
    auto anonymous = resources(bundleOf(kEpisodes, {}), "Patient")[0];
    CHECK(anonymous.size() == 2);  // resourceType and id only
    auto named = resources(bundleOf(kEpisodes, {}, "Ana Núñez"), "Patient")[0];
    CHECK(named["name"][0]["text"] == "Ana Núñez");
}

TEST_CASE("FHIR: the same data gives the same bundle", "[fhir]") {
    CHECK(bundleOf(kEpisodes, kAlerts) == bundleOf(kEpisodes, kAlerts));
    std::vector<Episode> twins = {episode(0, "left", 2, {}), episode(0, "left", 2, {})};
    const auto obs = resources(bundleOf(twins, {}), "Observation");
    CHECK(obs[0]["id"] != obs[1]["id"]);
}

TEST_CASE("FHIR: a temperature is its own Observation (LOINC 8310-5, Cel), and the risk profile travels", "[fhir]") {
    Episode hot = episode(7, "left", 4, {"warmth"});
    hot.temperatureTenths = 384;
    hot.leg = "right";
    FhirOptions o;
    o.generatedAtUtc = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 12, 0, 0, 0});
    o.risks = {RiskMark{"blood_thinners", 1790000000}, RiskMark{"long_journey", 1790100000}};
    const json bundle = json::parse(fhirBundle(std::vector<Episode>{hot, episode(8, "left", 2, {})}, {}, o));
    const auto observations = resources(bundle, "Observation");
    std::vector<json> temperatures, risks;
    for (const auto& obs : observations) {
        if (obs["code"].contains("coding") && obs["code"]["coding"][0]["code"] == "8310-5") temperatures.push_back(obs);
        if (obs["category"][0]["coding"][0]["code"] == "social-history") risks.push_back(obs);
    }
    REQUIRE(temperatures.size() == 1);  // only the episode that has one
    CHECK(temperatures[0]["valueQuantity"]["value"] == 38.4);
    CHECK(temperatures[0]["valueQuantity"]["unit"] == "Cel");
    CHECK(temperatures[0]["valueQuantity"]["code"] == "Cel");
    CHECK(temperatures[0]["valueQuantity"]["system"] == "http://unitsofmeasure.org");
    CHECK(temperatures[0]["category"][0]["coding"][0]["code"] == "vital-signs");
    REQUIRE(risks.size() == 2);
    CHECK(risks[0]["code"]["text"].get<std::string>().find("Blood thinners") != std::string::npos);
    CHECK(risks[1]["code"]["text"].get<std::string>().find("Long journey") != std::string::npos);
    // The leg is said in words on the pain Observation.
    bool legSaid = false;
    for (const auto& obs : observations)
        if (obs.contains("component"))
            for (const auto& c : obs["component"])
                if (c.contains("valueString") && c["valueString"] == "Right leg") legSaid = true;
    CHECK(legSaid);
}

TEST_CASE("FHIR: where behind the knee goes in bodySite's text and as coded components, with the side", "[fhir]") {
    Episode e = episode(5, "right", 4, {});
    e.where = {"below", "centre", "inner"};
    const auto obs = resources(bundleOf({e}, {}), "Observation");
    REQUIRE(obs.size() == 1);
    const json& o = obs[0];
    // The knee's lateralised code stays; the text names the regions.
    CHECK(o["bodySite"]["coding"][0]["code"] == "6757004");
    CHECK(o["bodySite"]["text"] == "Right knee, behind it: Below the crease, Centre, Inner side");
    REQUIRE(o["component"].size() == 3);
    for (const auto& c : o["component"]) CHECK(c["code"]["text"] == "Where behind the knee (patient-reported)");
    const json& below = o["component"][0]["valueCodeableConcept"];
    CHECK(below["coding"][0]["system"] == "http://snomed.info/sct");
    CHECK(below["coding"][0]["code"] == "53840002");
    CHECK(below["text"] == "Right knee: Below the crease (the top of the calf)");
    CHECK(o["component"][1]["valueCodeableConcept"]["coding"][0]["code"] == "32361000");
    // No confirmed code for the inner side: text alone, with the side and what inner means.
    const json& inner = o["component"][2]["valueCodeableConcept"];
    CHECK_FALSE(inner.contains("coding"));
    CHECK(inner["text"] == "Right knee: Inner side (back of the knee, on the side towards the other leg)");
    // An episode without regions keeps the plain side text and no region component.
    const auto plain = resources(bundleOf(kEpisodes, kAlerts), "Observation");
    CHECK(plain[0]["bodySite"]["text"] == "Left knee");
}

TEST_CASE("FHIR: the streamed export gives back every note exactly, and each entry is nlohmann's own text", "[fhir]") {
    const std::vector<std::string> notes = {
        "He said \"stop\" \\ back\\slash",
        "line one\nline two\ttab\x01 bell\x1f unit\x7f del",
        "膝の裏が痛い 😣 👩‍⚕️ Γόνατο Колено",
        "</script> <b>&amp;",
    };
    std::vector<Episode> episodes;
    for (std::size_t i = 0; i < notes.size(); ++i) episodes.push_back(episode(static_cast<int64_t>(i + 1), "left", 3, {}, notes[i]));
    episodes[0].care = {"ice"};
    episodes[0].medication = "Ibu \"400\" mg\\";
    episodes[0].where = {"below", "inner"};
    episodes[0].painType = "sharp";
    episodes[0].onset = "sudden";
    episodes[0].when = {"night"};
    episodes[1].symptoms = {"fever", "locking"};
    episodes[1].temperatureTenths = 384;
    episodes[1].leg = "right";
    episodes[2].temperatureTenths = 370;
    Episode broken = episode(9, "right", 5, {}, "ab\xff" "cd\xe2\x82");  // not UTF-8: never stored, never trusted
    episodes.push_back(broken);
    FhirOptions o;
    o.patientName = "Ana \"Q\" \\ Núñez\t😀";
    o.generatedAtUtc = toUtcSeconds(LocalDateTime{{2026, 11, 27}, 12, 0, 0, 0});
    o.risks = {RiskMark{"blood_thinners", 1790000000}};
    const std::vector<Alert> alerts = {Alert{10, 2, Level::Urgent, {"U3"}, false, 1790000000, 1790000100},
                                       Alert{11, 1, Level::Soon, {"S3"}, false, 1790000200, {}}};
    PegEntry peg;
    peg.id = 4;
    peg.at = LocalDateTime{{2026, 11, 25}, 9, 0, 0, 60};
    peg.pain = 5;
    peg.enjoyment = 6;
    peg.activity = 7;
    const std::string text = fhirBundle(episodes, alerts, o, std::vector<PegEntry>{peg});

    const json b = json::parse(text);
    const auto obs = resources(b, "Observation");
    for (std::size_t i = 0; i < notes.size(); ++i) {
        INFO(notes[i]);
        CHECK(std::any_of(obs.begin(), obs.end(),
                          [&](const json& x) { return x.contains("note") && x["note"][0]["text"] == notes[i]; }));
    }
    bool replaced = false;
    for (const auto& x : obs)
        if (x.contains("note") && x["note"][0]["text"] == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD") replaced = true;
    CHECK(replaced);  // each broken sequence became U+FFFD, as nlohmann's replace handler does
    CHECK(resources(b, "Patient")[0]["name"][0]["text"] == o.patientName);
    CHECK(resources(b, "Flag").size() == 2);
    CHECK(resources(b, "QuestionnaireResponse").size() == 1);

    std::set<std::string> fullUrls;
    for (const auto& e : b["entry"]) fullUrls.insert(e["fullUrl"].get<std::string>());
    std::vector<std::string> refs;
    collectReferences(b, refs);
    CHECK(refs.size() == 5 * 2 + 2 * 2 + 1 + 2 * 2 + 2);  // observations, temperatures, risk, flags, the response
    for (const auto& r : refs) CHECK(fullUrls.count(r) == 1);

    // One entry a line, each exactly what nlohmann::json would print for it: same key order, numbers, escapes.
    std::size_t lines = 0;
    for (std::size_t at = text.find("\n  {"); at != std::string::npos; at = text.find("\n  {", at + 1)) {
        std::string line = text.substr(at + 3, text.find('\n', at + 1) - at - 3);
        if (line.back() == ',') line.pop_back();
        CHECK(json::parse(line).dump(-1, ' ', false, json::error_handler_t::replace) == line);
        ++lines;
    }
    CHECK(lines == b["entry"].size());
}
