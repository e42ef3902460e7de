// The SNOMED CT codes the FHIR bundle sends (app/core/fhir.cpp), with where each was found.
// Data tables only: a code is sent only where it names the same thing as the person's word.
#pragma once

#include <string_view>

namespace core::fhir_codes {

inline constexpr const char* kSnomed = "http://snomed.info/sct";

struct Code {
    std::string_view name;
    std::string_view code;
    std::string_view display;
};

// Only codes that name the same finding as the person's word; the rest go as text alone.
inline constexpr Code kSymptomCodes[] = {
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

inline constexpr Code kBodySites[] = {
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
inline constexpr Code kWhereCodes[] = {
    {"centre", "32361000", "Popliteal fossa structure (body structure)"},
    {"below", "53840002", "Structure of calf of leg (body structure)"},
};

}  // namespace core::fhir_codes
