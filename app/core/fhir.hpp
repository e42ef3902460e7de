#pragma once
// Episodes as a FHIR R4 Bundle (type "collection") in JSON, for a clinic's record system.
//
// - One Patient with only what the person entered (their name, when they typed one).
// - One Observation per episode: LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating
//   [Score] - Reported", valueInteger, effectiveDateTime with the UTC offset, issued = when it
//   was written down, the patient as performer (patient-reported), the note as an annotation,
//   symptoms as components (valueBoolean true) with their words and, where one fits exactly,
//   a SNOMED CT finding code; pain type, onset and "when it hurts" as text components.
// - Body site: R4's Observation.bodySite is one CodeableConcept, so the side is carried by a
//   pre-coordinated SNOMED CT body structure that any SNOMED-aware receiver reads without an
//   extension: 82169009 Structure of left knee region, 6757004 Structure of right knee region,
//   36701003 Both knees, and 72696002 Knee region structure when no side was given; the text
//   always says it in words ("Left knee"). The qualifier codes 7771000 Left / 24028007 Right /
//   51440002 Right and left belong to BodyStructure.locationQualifier and would need a separate
//   BodyStructure resource plus an extension to attach it, which R4 receivers rarely read.
// - One Flag per red-flag alert (category "clinical"), pointing at its episode's Observation
//   with the core extension http://hl7.org/fhir/StructureDefinition/flag-detail; the advice
//   given and the time the person acknowledged it are in the Flag's narrative.
// - The PEG weekly check-ins (core/peg.hpp), when there are any: one Questionnaire with the three
//   items (linkId pain / enjoyment / activity, type integer, the question's words) and one
//   QuestionnaireResponse per check-in (status completed, authored with the UTC offset, the
//   patient as subject and author, each answer a valueInteger 0-10, the score in the narrative).
//   R4's QuestionnaireResponse.questionnaire is a canonical, not a Reference: the Questionnaire's
//   url is its own urn:uuid fullUrl, so the canonical resolves inside the bundle.
// Every reference is a urn:uuid fullUrl inside the bundle. The ids are derived from the
// episodes themselves, so the same journal gives the same bundle (pure: data in, bytes out).
// How it is written: each entry goes straight to the sink as compact JSON, one a line
// (core/fhir_resources.cpp through core/json_write.hpp), with no nlohmann::json tree per resource:
// that halved the export's time (37,000 entries: about 1.1 s to 0.5 s). The bytes are the same as
// nlohmann's dump gave: keys in byte order within each object, the same escapes and numbers, and a
// byte that is not UTF-8 replaced by U+FFFD; tests/core/test_fhir.cpp and test_json_write.cpp hold
// every entry line to nlohmann's own text.
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "core/episode.hpp"
#include "core/peg.hpp"
#include "core/profile.hpp"
#include "core/repository.hpp"
#include "core/sink.hpp"

namespace core {

struct FhirOptions {
    std::string patientName;          // empty: the Patient carries no name
    int64_t generatedAtUtc = 0;       // Bundle.timestamp
    std::string region;  // the region code ("" = not chosen: the advice names 112)
    std::vector<RiskMark> risks;  // the person's risk profile, exported as Observations
};

// The bundle as UTF-8 JSON text. Alerts whose episode is not among `episodes` are left out.
std::string fhirBundle(std::span<const Episode> episodes, std::span<const Alert> alerts, const FhirOptions& options,
                       std::span<const PegEntry> peg = {});

// The same bundle written to `out` as it goes, one entry a line: the Patient at once, each add()'s
// Observations, then finish() writes the risks, the Flags, the check-ins and the closing brackets. Only the
// episodes that raised an alert are remembered (for their Flag's narrative), so an export streams
// the journal a page at a time. `episodeCount` (how many add() will see) is part of the bundle id.
class FhirWriter {
public:
    FhirWriter(Sink& out, const FhirOptions& options, std::size_t episodeCount, std::span<const Alert> alerts);
    ~FhirWriter();
    FhirWriter(const FhirWriter&) = delete;
    FhirWriter& operator=(const FhirWriter&) = delete;
    void add(std::span<const Episode> episodes);
    // `peg`: the weekly check-ins of the period (a Questionnaire and one QuestionnaireResponse each).
    void finish(std::span<const PegEntry> peg = {});

private:
    struct State;
    Sink& m_out;
    FhirOptions m_options;
    std::unique_ptr<State> m_state;
};

}  // namespace core
