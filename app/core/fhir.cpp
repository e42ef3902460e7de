#include "core/fhir.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/report.hpp"
#include "core/triage.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"

namespace core {

namespace {

using nlohmann::json;

constexpr const char* kSnomed = "http://snomed.info/sct";

struct Code {
    std::string_view name;
    std::string_view code;
    std::string_view display;
};

// Only codes that name the same finding as the person's word; the rest go as text alone.
constexpr Code kSymptomCodes[] = {
    {"swelling", "65124004", "Swelling (finding)"},
    {"stiffness", "271587009", "Stiffness (finding)"},
    {"fever", "386661006", "Fever (finding)"},
    {"unwell", "367391008", "Malaise (finding)"},
    {"breathless", "267036007", "Dyspnea (finding)"},
    {"chest_pain", "29857009", "Chest pain (finding)"},
    {"coughing_blood", "66857006", "Hemoptysis (finding)"},
    {"racing_heart", "80313002", "Palpitations (finding)"},
    {"night_sweats", "42984000", "Night sweats (finding)"},
    {"weight_loss", "89362005", "Weight loss (finding)"},
};

constexpr Code kBodySites[] = {
    {"left", "82169009", "Structure of left knee region (body structure)"},
    {"right", "6757004", "Structure of right knee region (body structure)"},
    {"both", "36701003", "Both knees (body structure)"},
    {"", "72696002", "Knee region structure (body structure)"},
};

// Where behind the knee (issue 18). Each code was looked up in published FHIR material, and is
// sent only where it names the same place as the person's word:
//   32361000 "Popliteal fossa structure (body structure)": used as a SNOMED CT body site in HL7
//     Switzerland's CH AllergyIntolerance implementation guide (its FSH examples);
//   53840002 "Structure of calf of leg (body structure)": the target of "CALF" (equivalence
//     "equal") in the RANZCR / Sparked radiology services ConceptMap.
// The inner and outer sides of the back of the knee and the back of the lower thigh have no
// concept we could confirm, so they go as text alone. The knee side (laterality) stays in
// bodySite's lateralised knee code; bodySite's text and each region's text name it too.
constexpr Code kWhereCodes[] = {
    {"centre", "32361000", "Popliteal fossa structure (body structure)"},
    {"below", "53840002", "Structure of calf of leg (body structure)"},
};

// [SECTION] ids

uint64_t mix(uint64_t x) {  // splitmix64 finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t hash(std::string_view key, uint64_t seed) {
    uint64_t h = seed;
    for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ULL;
    return mix(h);
}

// A UUID (RFC 9562 version 8: derived, not random) from a key, so exports are reproducible.
std::string uuidFor(std::string_view key) {
    const uint64_t hi = hash(key, 0xcbf29ce484222325ULL);
    const uint64_t lo = hash(key, 0x84222325cbf29ce4ULL);
    unsigned char b[16];
    for (int i = 0; i < 8; ++i) {
        b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x80);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

class Ids {
public:
    // A fresh id for `key` (a repeat key, e.g. two unsaved episodes alike, gets a new one).
    std::string make(const std::string& key) {
        std::string id = uuidFor(key);
        for (int n = 1; !m_used.insert(id).second; ++n) id = uuidFor(key + "#" + std::to_string(n));
        return id;
    }

private:
    std::unordered_set<std::string> m_used;
};

// [SECTION] resources

json coding(const char* system, std::string_view code, std::string_view display) {
    return {{"system", system}, {"code", std::string(code)}, {"display", std::string(display)}};
}

json ref(const std::string& uuid) { return {{"reference", "urn:uuid:" + uuid}}; }

json textComponent(const char* what, const std::string& value) {
    return {{"code", {{"text", what}}}, {"valueString", value}};
}

json symptomComponent(const std::string& name) {
    json code = {{"text", termLabel(symptomTerms(), name)}};
    for (const Code& c : kSymptomCodes)
        if (c.name == name) code["coding"] = json::array({coding(kSnomed, c.code, c.display)});
    return {{"code", std::move(code)}, {"valueBoolean", true}};
}

// The knee (lateralised code) and, in its text, where behind it: "Left knee, behind it: Centre".
json bodySite(const Episode& e) {
    std::string text = sideWords(e.side);
    if (!e.where.empty()) text += ", behind it: " + termLabels(whereTerms(), e.where);
    for (const Code& c : kBodySites)
        if (c.name == e.side) return {{"coding", json::array({coding(kSnomed, c.code, c.display)})}, {"text", text}};
    return {{"coding", json::array({coding(kSnomed, "72696002", "Knee region structure (body structure)")})}, {"text", text}};
}

// One component per knee-map region: its SNOMED CT code where one exists, and its words with the side.
json whereComponent(const Episode& e, const std::string& name) {
    const Term* t = findTerm(whereTerms(), name);
    std::string text = sideWords(e.side) + ": " + termLabel(whereTerms(), name);
    if (t && !t->explanation.empty()) text += " (" + std::string(t->explanation) + ")";
    json value = {{"text", text}};
    for (const Code& c : kWhereCodes)
        if (c.name == name) value["coding"] = json::array({coding(kSnomed, c.code, c.display)});
    return {{"code", {{"text", "Where behind the knee (patient-reported)"}}}, {"valueCodeableConcept", std::move(value)}};
}

json observation(const Episode& e, const std::string& id, const std::string& patient) {
    json o = {
        {"resourceType", "Observation"},
        {"id", id},
        {"status", "final"},
        {"category", json::array({{{"coding", json::array({coding("http://terminology.hl7.org/CodeSystem/observation-category",
                                                                  "survey", "Survey")})}}})},
        {"code", {{"coding", json::array({coding("http://loinc.org", "72514-3",
                                                 "Pain severity - 0-10 verbal numeric rating [Score] - Reported")})},
                  {"text", "Pain severity 0-10 (patient-reported)"}}},
        {"subject", ref(patient)},
        {"effectiveDateTime", formatIso(e.startedAt)},
        {"performer", json::array({ref(patient)})},
        {"valueInteger", e.pain},
        {"bodySite", bodySite(e)},
    };
    if (e.recordedAtUtc != 0) o["issued"] = formatIsoUtc(e.recordedAtUtc);
    json notes = json::array();
    if (!e.note.empty()) notes.push_back({{"text", e.note}});
    if (!e.care.empty() || !e.medication.empty()) {
        std::string care = "Self-care: " + (e.care.empty() ? std::string("none ticked") : termLabels(careTerms(), e.care));
        if (!e.medication.empty()) care += ". Medication: " + e.medication;
        notes.push_back({{"text", care}});
    }
    if (!notes.empty()) o["note"] = std::move(notes);
    json components = json::array();
    for (const auto& s : e.symptoms) components.push_back(symptomComponent(s));
    for (const auto& w : e.where) components.push_back(whereComponent(e, w));
    if (!e.painType.empty()) components.push_back(textComponent("Pain quality", termLabel(painTypeTerms(), e.painType)));
    if (!e.onset.empty()) components.push_back(textComponent("Onset", termLabel(onsetTerms(), e.onset)));
    if (!e.when.empty()) components.push_back(textComponent("When it hurts", termLabels(contextTerms(), e.when)));
    if (!e.leg.empty()) components.push_back(textComponent("Leg with the calf or leg signs", termLabel(legTerms(), e.leg)));
    if (!components.empty()) o["component"] = std::move(components);
    return o;
}

// Body temperature (LOINC 8310-5, UCUM Cel), as a vital sign of its own, derived from the episode.
json temperatureObservation(const Episode& e, const std::string& id, const std::string& patient,
                            const std::string& episodeObservation) {
    return {
        {"resourceType", "Observation"},
        {"id", id},
        {"status", "final"},
        {"category", json::array({{{"coding", json::array({coding("http://terminology.hl7.org/CodeSystem/observation-category",
                                                                  "vital-signs", "Vital Signs")})}}})},
        {"code", {{"coding", json::array({coding("http://loinc.org", "8310-5", "Body temperature")})},
                  {"text", "Body temperature (patient-reported)"}}},
        {"subject", ref(patient)},
        {"effectiveDateTime", formatIso(e.startedAt)},
        {"valueQuantity", {{"value", *e.temperatureTenths / 10.0}, {"unit", "Cel"},
                           {"system", "http://unitsofmeasure.org"}, {"code", "Cel"}}},
        {"derivedFrom", json::array({ref(episodeObservation)})},
    };
}

// A risk from the person's profile (red flags version 2), as an Observation with text.
json riskObservation(const std::string& risk, const std::string& id, const std::string& patient, int64_t atUtc) {
    const Term* t = findTerm(riskTerms(), risk);
    const std::string text = t ? std::string(t->label) + " (" + std::string(t->explanation) + ")" : risk;
    return {
        {"resourceType", "Observation"},
        {"id", id},
        {"status", "final"},
        {"category", json::array({{{"coding", json::array({coding("http://terminology.hl7.org/CodeSystem/observation-category",
                                                                  "social-history", "Social History")})}}})},
        {"code", {{"text", "Risk factor reported by the patient: " + text}}},
        {"subject", ref(patient)},
        {"effectiveDateTime", formatIsoUtc(atUtc)},
        {"valueBoolean", true},
    };
}

std::string xhtmlEscaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

json flag(const Alert& a, const Episode& e, const std::string& id, const std::string& patient,
          const std::string& observationId, const FhirOptions& options) {
    std::string reasons;
    for (const auto& r : a.ruleIds) {
        const Rule* rule = findRule(r);
        reasons += (reasons.empty() ? "" : "; ") + (rule ? std::string(rule->title) : r);
    }
    const std::string title = levelLabel(a.level) + ": " + reasons;
    const std::string ack = a.acknowledgedAtUtc ? "Acknowledged by the patient at " + formatIsoUtc(*a.acknowledgedAtUtc) + "."
                                                : std::string("Not acknowledged by the patient.");
    const std::string div = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + xhtmlEscaped(title) +
                            "</p><p>Logged " + xhtmlEscaped(formatIso(e.startedAt)) + ": pain " + std::to_string(e.pain) +
                            ", " + xhtmlEscaped(sideWords(e.side)) + ".</p><p>Advised: " +
                            xhtmlEscaped(actionText(a.level, options.region)) + "</p><p>" + xhtmlEscaped(ack) +
                            "</p></div>";
    return {
        {"resourceType", "Flag"},
        {"id", id},
        {"text", {{"status", "generated"}, {"div", div}}},
        {"extension", json::array({{{"url", "http://hl7.org/fhir/StructureDefinition/flag-detail"},
                                    {"valueReference", ref(observationId)}}})},
        {"status", "active"},
        {"category", json::array({{{"coding", json::array({coding("http://terminology.hl7.org/CodeSystem/flag-category",
                                                                  "clinical", "Clinical")})}}})},
        {"code", {{"text", title}}},
        {"subject", ref(patient)},
        {"period", {{"start", formatIsoUtc(a.shownAtUtc)}}},
    };
}

// The PEG as a Questionnaire: its three items (linkId = the question's id, type integer, 0-10).
// Its canonical url is its own fullUrl, so each response's `questionnaire` resolves in the bundle.
json pegQuestionnaire(const std::string& id) {
    json items = json::array();
    for (const PegQuestion& q : pegQuestions())
        items.push_back({{"linkId", std::string(q.id)},
                         {"text", std::string(q.text) + " (0 = " + std::string(q.low) + ", 10 = " + std::string(q.high) + ")"},
                         {"type", "integer"},
                         {"required", true}});
    return {
        {"resourceType", "Questionnaire"},
        {"id", id},
        {"url", "urn:uuid:" + id},
        {"name", "PEG"},
        {"title", "PEG three-item pain scale: Pain, Enjoyment of life, General activity (Krebs et al. 2009)"},
        {"status", "active"},
        {"subjectType", json::array({"Patient"})},
        {"description", "Score: the mean of the three answers, 0-10. A change of 2 points or more is usually meaningful."},
        {"item", std::move(items)},
    };
}

json pegResponse(const PegEntry& p, const std::string& id, const std::string& questionnaire, const std::string& patient) {
    json items = json::array();
    for (const PegQuestion& q : pegQuestions())
        items.push_back({{"linkId", std::string(q.id)}, {"text", std::string(q.text)},
                         {"answer", json::array({{{"valueInteger", p.*q.field}}})}});
    return {
        {"resourceType", "QuestionnaireResponse"},
        {"id", id},
        {"questionnaire", "urn:uuid:" + questionnaire},
        {"status", "completed"},
        {"subject", ref(patient)},
        {"author", ref(patient)},
        {"authored", formatIso(p.at)},
        {"text", {{"status", "generated"},
                  {"div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">PEG score " + pegScoreText(p.score()) +
                              " (pain " + std::to_string(p.pain) + ", enjoyment of life " + std::to_string(p.enjoyment) +
                              ", general activity " + std::to_string(p.activity) + ")</div>"}}},
        {"item", std::move(items)},
    };
}

json entry(const std::string& id, json resource) {
    return {{"fullUrl", "urn:uuid:" + id}, {"resource", std::move(resource)}};
}

// What a Flag needs of the episode that raised it, kept while the episodes stream past.
struct Raised {
    std::string observationId;
    Episode episode;  // without its lists and note: the narrative names the time, the pain and the side
};

// One entry a line; invalid UTF-8 (never stored, but never trusted either) is replaced, not thrown.
void put(Sink& out, std::size_t& written, const json& e) {
    out.write(written++ == 0 ? "\n  " : ",\n  ");
    out.write(e.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace

struct FhirWriter::State {
    Ids ids;
    std::string patientId;
    std::unordered_map<int64_t, std::optional<Raised>> raised;  // episodes with alerts: empty until seen
    std::vector<Alert> alerts;
    std::size_t written = 0;
};

FhirWriter::FhirWriter(Sink& out, const FhirOptions& options, std::size_t episodeCount, std::span<const Alert> alerts)
    : m_out(out), m_options(options), m_state(std::make_unique<State>()) {
    State& st = *m_state;
    st.alerts.assign(alerts.begin(), alerts.end());
    for (const Alert& a : alerts) st.raised.try_emplace(a.episodeId);
    const std::string bundleId = st.ids.make("bundle/" + std::to_string(options.generatedAtUtc) + "/" +
                                             std::to_string(episodeCount));
    st.patientId = st.ids.make("patient/" + options.patientName);
    m_out.write("{\n \"resourceType\": \"Bundle\",\n \"id\": \"" + bundleId + "\",\n \"type\": \"collection\",\n"
                " \"timestamp\": \"" + formatIsoUtc(options.generatedAtUtc) + "\",\n \"entry\": [");
    json patient = {{"resourceType", "Patient"}, {"id", st.patientId}};
    if (!options.patientName.empty()) patient["name"] = json::array({{{"text", options.patientName}}});
    put(m_out, st.written, entry(st.patientId, std::move(patient)));
}

FhirWriter::~FhirWriter() = default;

void FhirWriter::add(std::span<const Episode> episodes) {
    State& st = *m_state;
    for (const Episode& e : episodes) {
        if (e.deletedAtUtc) continue;
        const std::string id = st.ids.make("episode/" + std::to_string(e.id) + "/" + formatIso(e.startedAt) + "/" +
                                           std::to_string(e.recordedAtUtc));
        if (auto it = st.raised.find(e.id); e.id != 0 && it != st.raised.end()) {
            Episode brief;
            brief.startedAt = e.startedAt;
            brief.pain = e.pain;
            brief.side = e.side;
            it->second = Raised{id, std::move(brief)};
        }
        put(m_out, st.written, entry(id, observation(e, id, st.patientId)));
        if (e.temperatureTenths) {
            const std::string tid = st.ids.make("temperature/" + id);
            put(m_out, st.written, entry(tid, temperatureObservation(e, tid, st.patientId, id)));
        }
    }
}

void FhirWriter::finish(std::span<const PegEntry> peg) {
    State& st = *m_state;
    for (const RiskMark& r : m_options.risks) {
        const std::string rid = st.ids.make("risk/" + r.name + "/" + std::to_string(r.setAtUtc));
        put(m_out, st.written, entry(rid, riskObservation(r.name, rid, st.patientId, r.setAtUtc)));
    }
    for (const Alert& a : st.alerts) {
        auto it = st.raised.find(a.episodeId);
        if (it == st.raised.end() || !it->second) continue;  // its episode is not in the bundle
        const std::string id = st.ids.make("alert/" + std::to_string(a.id) + "/" + std::to_string(a.shownAtUtc));
        put(m_out, st.written, entry(id, flag(a, it->second->episode, id, st.patientId, it->second->observationId, m_options)));
    }
    if (!peg.empty()) {
        const std::string qid = st.ids.make("questionnaire/peg");
        put(m_out, st.written, entry(qid, pegQuestionnaire(qid)));
        for (const PegEntry& p : peg) {
            const std::string id = st.ids.make("peg/" + std::to_string(p.id) + "/" + formatIso(p.at));
            put(m_out, st.written, entry(id, pegResponse(p, id, qid, st.patientId)));
        }
    }
    m_out.write("\n ]\n}\n");
}

std::string fhirBundle(std::span<const Episode> episodes, std::span<const Alert> alerts, const FhirOptions& options,
                       std::span<const PegEntry> peg) {
    StringSink out;
    FhirWriter writer(out, options, episodes.size(), alerts);
    writer.add(episodes);
    writer.finish(peg);
    return std::move(out.bytes);
}

}  // namespace core
