#include "core/fhir_resources.hpp"

#include <cstring>

#include "core/fhir_codes.hpp"
#include "core/report.hpp"
#include "core/triage.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"

namespace core::fhir_detail {

namespace {

using namespace fhir_codes;

constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

// [SECTION] pieces (keys in byte order in every object)

void urnValue(JsonWriter& w, std::string_view id) {
    constexpr std::string_view kUrn = "urn:uuid:";
    char buf[kUrn.size() + 36];
    if (id.size() != 36) {
        w.value(std::string(kUrn) + std::string(id));
        return;
    }
    std::memcpy(buf, kUrn.data(), kUrn.size());
    std::memcpy(buf + kUrn.size(), id.data(), id.size());
    w.value(std::string_view(buf, sizeof buf));
}

// {"fullUrl": ..., "resource": { ... the caller writes the resource, then closeEntry().
void openEntry(JsonWriter& w, std::string_view id) {
    w.object().key("fullUrl");
    urnValue(w, id);
    w.key("resource").object();
}

void closeEntry(JsonWriter& w) { w.end().end(); }

void coding(JsonWriter& w, std::string_view system, std::string_view code, std::string_view display) {
    w.object().field("code", code).field("display", display).field("system", system).end();
}

// "coding": [one coding]
void codingOf(JsonWriter& w, std::string_view system, std::string_view code, std::string_view display) {
    w.key("coding").array();
    coding(w, system, code, display);
    w.end();
}

void ref(JsonWriter& w, std::string_view uuid) {
    w.object().key("reference");
    urnValue(w, uuid);
    w.end();
}

void category(JsonWriter& w, std::string_view system, std::string_view code, std::string_view display) {
    w.key("category").array().object();
    codingOf(w, system, code, display);
    w.end().end();
}

// "code": {"coding": [LOINC code], "text": text}
void loincCode(JsonWriter& w, std::string_view code, std::string_view display, std::string_view text) {
    w.key("code").object();
    codingOf(w, kLoinc, code, display);
    w.field("text", text).end();
}

const Code* codeFor(std::span<const Code> codes, std::string_view name) {
    for (const Code& c : codes)
        if (c.name == name) return &c;
    return nullptr;
}

// [SECTION] the pain Observation

// The knee (lateralised code) and, in its text, where behind it: "Left knee, behind it: Centre".
void bodySite(JsonWriter& w, const Episode& e) {
    std::string text = sideWords(e.side);
    if (!e.where.empty()) text += ", behind it: " + termLabels(whereTerms(), e.where);
    const Code* c = codeFor(kBodySites, e.side);
    if (!c) c = codeFor(kBodySites, "");  // no side given (or one not known): the knee region
    w.key("bodySite").object();
    codingOf(w, kSnomed, c->code, c->display);
    w.field("text", text).end();
}

void symptomComponent(JsonWriter& w, const std::string& name) {
    w.object().key("code").object();
    if (const Code* c = codeFor(kSymptomCodes, name)) codingOf(w, kSnomed, c->code, c->display);
    w.field("text", termLabel(symptomTerms(), name)).end();
    w.key("valueBoolean").value(true).end();
}

// One component per knee-map region: its SNOMED CT code where one exists, and its words with the side.
void whereComponent(JsonWriter& w, const Episode& e, const std::string& name) {
    const Term* t = findTerm(whereTerms(), name);
    std::string text = sideWords(e.side) + ": " + termLabel(whereTerms(), name);
    if (t && !t->explanation.empty()) text += " (" + std::string(t->explanation) + ")";
    w.object().key("code").object().field("text", "Where behind the knee (patient-reported)").end();
    w.key("valueCodeableConcept").object();
    if (const Code* c = codeFor(kWhereCodes, name)) codingOf(w, kSnomed, c->code, c->display);
    w.field("text", text).end().end();
}

void textComponent(JsonWriter& w, std::string_view what, std::string_view value) {
    w.object().key("code").object().field("text", what).end();
    w.field("valueString", value).end();
}

void components(JsonWriter& w, const Episode& e) {
    if (e.symptoms.empty() && e.where.empty() && e.painType.empty() && e.onset.empty() && e.when.empty() && e.leg.empty())
        return;
    w.key("component").array();
    for (const auto& s : e.symptoms) symptomComponent(w, s);
    for (const auto& s : e.where) whereComponent(w, e, s);
    if (!e.painType.empty()) textComponent(w, "Pain quality", termLabel(painTypeTerms(), e.painType));
    if (!e.onset.empty()) textComponent(w, "Onset", termLabel(onsetTerms(), e.onset));
    if (!e.when.empty()) textComponent(w, "When it hurts", termLabels(contextTerms(), e.when));
    if (!e.leg.empty()) textComponent(w, "Leg with the calf or leg signs", termLabel(legTerms(), e.leg));
    w.end();
}

// The person's note, and what they did for it (self-care and medication), as annotations.
void notes(JsonWriter& w, const Episode& e) {
    const bool care = !e.care.empty() || !e.medication.empty();
    if (e.note.empty() && !care) return;
    w.key("note").array();
    if (!e.note.empty()) w.object().field("text", e.note).end();
    if (care) {
        std::string text = "Self-care: " + (e.care.empty() ? std::string("none ticked") : termLabels(careTerms(), e.care));
        if (!e.medication.empty()) text += ". Medication: " + e.medication;
        w.object().field("text", text).end();
    }
    w.end();
}

}  // namespace

// [SECTION] entries

void patientEntry(JsonWriter& w, std::string_view id, std::string_view name) {
    openEntry(w, id);
    w.field("id", id);
    if (!name.empty()) w.key("name").array().object().field("text", name).end().end();
    w.field("resourceType", "Patient");
    closeEntry(w);
}

void observationEntry(JsonWriter& w, const Episode& e, std::string_view effective, std::string_view id,
                      std::string_view patient) {
    openEntry(w, id);
    bodySite(w, e);
    category(w, kObservationCategory, "survey", "Survey");
    loincCode(w, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
              "Pain severity 0-10 (patient-reported)");
    components(w, e);
    w.field("effectiveDateTime", effective).field("id", id);
    if (e.recordedAtUtc != 0) w.field("issued", formatIsoUtc(e.recordedAtUtc));
    notes(w, e);
    w.key("performer").array();
    ref(w, patient);
    w.end().field("resourceType", "Observation").field("status", "final").key("subject");
    ref(w, patient);
    w.key("valueInteger").value(e.pain);
    closeEntry(w);
}

// Body temperature (LOINC 8310-5, UCUM Cel), as a vital sign of its own, derived from the episode.
void temperatureEntry(JsonWriter& w, const Episode& e, std::string_view effective, std::string_view id,
                      std::string_view patient, std::string_view episodeObservation) {
    openEntry(w, id);
    category(w, kObservationCategory, "vital-signs", "Vital Signs");
    loincCode(w, "8310-5", "Body temperature", "Body temperature (patient-reported)");
    w.key("derivedFrom").array();
    ref(w, episodeObservation);
    w.end().field("effectiveDateTime", effective).field("id", id);
    w.field("resourceType", "Observation").field("status", "final").key("subject");
    ref(w, patient);
    w.key("valueQuantity").object().field("code", "Cel").field("system", "http://unitsofmeasure.org").field("unit", "Cel");
    w.key("value").value(*e.temperatureTenths / 10.0).end();
    closeEntry(w);
}

// A risk from the person's profile (red flags version 2), as an Observation with text.
void riskEntry(JsonWriter& w, const std::string& risk, std::string_view id, std::string_view patient, int64_t atUtc) {
    const Term* t = findTerm(riskTerms(), risk);
    const std::string text = t ? std::string(t->label) + " (" + std::string(t->explanation) + ")" : risk;
    openEntry(w, id);
    category(w, kObservationCategory, "social-history", "Social History");
    w.key("code").object().field("text", "Risk factor reported by the patient: " + text).end();
    w.field("effectiveDateTime", formatIsoUtc(atUtc)).field("id", id);
    w.field("resourceType", "Observation").field("status", "final").key("subject");
    ref(w, patient);
    w.key("valueBoolean").value(true);
    closeEntry(w);
}

// [SECTION] alerts and check-ins

namespace {

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

}  // namespace

void flagEntry(JsonWriter& w, const Alert& a, const Episode& e, std::string_view id, std::string_view patient,
               std::string_view observationId, std::string_view region) {
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
                            xhtmlEscaped(actionText(a.level, region)) + "</p><p>" + xhtmlEscaped(ack) + "</p></div>";
    openEntry(w, id);
    category(w, "http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical");
    w.key("code").object().field("text", title).end();
    w.key("extension").array().object().field("url", "http://hl7.org/fhir/StructureDefinition/flag-detail");
    w.key("valueReference");
    ref(w, observationId);
    w.end().end().field("id", id);
    w.key("period").object().field("start", formatIsoUtc(a.shownAtUtc)).end();
    w.field("resourceType", "Flag").field("status", "active").key("subject");
    ref(w, patient);
    w.key("text").object().field("div", div).field("status", "generated").end();
    closeEntry(w);
}

// The PEG as a Questionnaire: its three items (linkId = the question's id, type integer, 0-10).
// Its canonical url is its own fullUrl, so each response's `questionnaire` resolves in the bundle.
void pegQuestionnaireEntry(JsonWriter& w, std::string_view id) {
    openEntry(w, id);
    w.field("description", "Score: the mean of the three answers, 0-10. A change of 2 points or more is usually meaningful.");
    w.field("id", id).key("item").array();
    for (const PegQuestion& q : pegQuestions()) {
        w.object().field("linkId", q.id).key("required").value(true);
        w.field("text", std::string(q.text) + " (0 = " + std::string(q.low) + ", 10 = " + std::string(q.high) + ")");
        w.field("type", "integer").end();
    }
    w.end().field("name", "PEG").field("resourceType", "Questionnaire").field("status", "active");
    w.key("subjectType").array().value("Patient").end();
    w.field("title", "PEG three-item pain scale: Pain, Enjoyment of life, General activity (Krebs et al. 2009)");
    w.key("url");
    urnValue(w, id);
    closeEntry(w);
}

void pegResponseEntry(JsonWriter& w, const PegEntry& p, std::string_view id, std::string_view questionnaire,
                      std::string_view patient) {
    openEntry(w, id);
    w.key("author");
    ref(w, patient);
    w.field("authored", formatIso(p.at)).field("id", id).key("item").array();
    for (const PegQuestion& q : pegQuestions()) {
        w.object().key("answer").array().object().key("valueInteger").value(p.*q.field).end().end();
        w.field("linkId", q.id).field("text", q.text).end();
    }
    w.end().key("questionnaire");
    urnValue(w, questionnaire);
    w.field("resourceType", "QuestionnaireResponse").field("status", "completed").key("subject");
    ref(w, patient);
    const std::string div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">PEG score " + pegScoreText(p.score()) +
                            " (pain " + std::to_string(p.pain) + ", enjoyment of life " + std::to_string(p.enjoyment) +
                            ", general activity " + std::to_string(p.activity) + ")</div>";
    w.key("text").object().field("div", div).field("status", "generated").end();
    closeEntry(w);
}

}  // namespace core::fhir_detail
