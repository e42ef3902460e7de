#include "core/vocabulary.hpp"

namespace core {

namespace {

constexpr Term kSides[] = {
    {"left", "Left knee", "", ""},
    {"right", "Right knee", "", ""},
    {"both", "Both knees", "", ""},
};

constexpr Term kLegs[] = {
    {"left", "Left leg", "", ""},
    {"right", "Right leg", "", ""},
    {"both", "Both legs", "", ""},
};

constexpr Term kPainTypes[] = {
    {"sharp", "Sharp", "stabbing or shooting", ""},
    {"dull", "Dull", "a heavy, hard-to-place ache", ""},
    {"burning", "Burning", "hot or stinging", ""},
    {"aching", "Aching", "a steady ache", ""},
    {"throbbing", "Throbbing", "pulsing, like a heartbeat", ""},
};

constexpr Term kOnsets[] = {
    {"sudden", "Came on suddenly", "within seconds or minutes", ""},
    {"gradual", "Built up gradually", "over hours or days", ""},
};

constexpr Term kContexts[] = {
    {"constant", "All the time", "", ""},
    {"rest", "At rest", "", ""},
    {"weight_bearing", "Standing on it", "putting weight on the leg", ""},
    {"bending", "Bending the knee", "", ""},
    {"kneeling", "Kneeling", "", ""},
    {"stairs", "On stairs", "", ""},
    {"walking", "Walking", "", ""},
    {"running", "Running", "", ""},
    {"night", "At night", "pain that wakes you or is worse at night", ""},
    {"after_sitting", "After sitting", "getting up after sitting a while", ""},
};

constexpr const char* kSwelling = "Swelling and stiffness";
constexpr const char* kMechanical = "Knee catches or gives way";
constexpr const char* kSkin = "Skin, heat and fever";
constexpr const char* kCalf = "Calf, leg and breathing";
constexpr const char* kOther = "Other";

constexpr Term kSymptoms[] = {
    {"swelling", "Swelling", "the knee looks puffy or bigger than the other", kSwelling},
    {"stiffness", "Stiffness", "hard to bend or straighten fully", kSwelling},
    {"morning_stiffness", "Morning stiffness", "stiff for more than 30 minutes after waking", kSwelling},
    {"rapid_swelling", "Swelled up within hours", "the knee swelled up quickly, within a few hours", kSwelling},
    {"lump", "Lump behind the knee", "a bulge or soft swelling at the back", kSwelling},
    {"deformity", "Knee looks misshapen", "the shape has changed, e.g. after a fall", kSwelling},
    {"popping", "Popping or clicking", "", kMechanical},
    {"locking", "Locking that frees", "the knee catches, then moves again", kMechanical},
    {"cannot_straighten", "Stuck, cannot straighten", "locked now and will not straighten", kMechanical},
    {"giving_way", "Giving way", "the knee buckles or feels unstable", kMechanical},
    {"cannot_bear_weight", "Cannot stand on it", "unable to put weight on the leg", kMechanical},
    {"redness", "Redness", "the skin looks red or darker than usual", kSkin},
    {"warmth", "Warm to the touch", "hotter than the other knee", kSkin},
    {"bruising", "Bruising", "", kSkin},
    {"fever", "Fever", "temperature 38 °C or higher, or hot and shivery", kSkin},
    {"unwell", "Feeling unwell", "generally ill, weak or shivery", kSkin},
    {"calf_pain", "Calf pain", "pain or tenderness in the calf", kCalf},
    {"calf_swelling", "Calf swelling", "the calf looks bigger than the other", kCalf},
    {"leg_swelling", "Leg swelling", "swelling of the lower leg or ankle", kCalf},
    {"cold_foot", "Cold or pale foot", "foot or lower leg cold, pale, blue or mottled", kCalf},
    {"numbness", "Numbness or tingling", "pins and needles below the knee", kCalf},
    {"weak_foot", "Weak foot", "cannot lift the foot or move the toes", kCalf},
    {"breathless", "Short of breath", "breathless without a clear reason", kCalf},
    {"chest_pain", "Chest pain", "pain or tightness in the chest", kCalf},
    {"coughing_blood", "Coughing up blood", "", kCalf},
    {"racing_heart", "Racing heart", "a fast or irregular heartbeat", kCalf},
    {"dizzy", "Dizzy or light-headed", "", kCalf},
    {"faint", "Fainted or nearly fainted", "passed out, or almost did", kCalf},
    {"recent_injury", "Recent injury", "a fall, twist or blow in the last days", kOther},
    {"weight_loss", "Weight loss", "losing weight without trying", kOther},
    {"night_sweats", "Night sweats", "soaking sweats at night", kOther},
};

constexpr Term kCare[] = {
    {"rest", "Rest", "", ""},
    {"ice", "Ice", "wrapped in a cloth, 15-20 minutes", ""},
    {"compression", "Compression", "a bandage or sleeve", ""},
    {"elevation", "Elevation", "leg raised", ""},
    {"medication", "Medication", "", ""},
    {"physio", "Physio exercises", "", ""},
};

// The risk profile (red flags version 2). The first four are time-bound: the app asks whether
// they still apply once their window has passed (see riskWindowDays).
constexpr Term kRisks[] = {
    {"recent_surgery", "Operation or hospital stay", "in the last 12 weeks", ""},
    {"long_journey", "Long journey", "3 hours or more of travel in the last 8 weeks", ""},
    {"immobile", "Not moving much", "leg in plaster, or mostly in bed or a chair lately", ""},
    {"pregnant_or_postpartum", "Pregnant or recently gave birth", "pregnant, or gave birth in the last 6 weeks", ""},
    {"hormones", "Combined pill or HRT", "a contraceptive pill with oestrogen, or hormone replacement", ""},
    {"cancer", "Cancer", "cancer, or treatment for it", ""},
    {"previous_clot", "A clot before", "a DVT or a clot in the lungs (PE) in the past", ""},
    {"blood_thinners", "Blood thinners", "you take an anticoagulant", ""},
    {"knee_replacement", "Knee replacement", "an artificial knee joint", ""},
    {"low_immunity", "Lower immunity", "diabetes, or treatment that lowers immunity", ""},
};

// The knee map (issue 18). The names are fixed: storage, CSV, FHIR and the command line use them.
constexpr Term kWhere[] = {
    {"inner", "Inner side", "back of the knee, on the side towards the other leg", ""},
    {"centre", "Centre", "the middle of the back of the knee, in the crease", ""},
    {"outer", "Outer side", "back of the knee, on the side away from the other leg", ""},
    {"above", "Above the crease", "the back of the lower thigh", ""},
    {"below", "Below the crease", "the top of the calf", ""},
};

}  // namespace

std::span<const Term> whereTerms() { return kWhere; }
std::span<const Term> sideTerms() { return kSides; }
std::span<const Term> legTerms() { return kLegs; }
std::span<const Term> riskTerms() { return kRisks; }

int riskWindowDays(std::string_view risk) {
    if (risk == "recent_surgery") return 12 * 7;
    if (risk == "long_journey") return 8 * 7;
    if (risk == "immobile") return 4 * 7;  // "lately": asked again after four weeks
    if (risk == "pregnant_or_postpartum") return 6 * 7;  // asked again every six weeks
    return 0;
}
std::span<const Term> painTypeTerms() { return kPainTypes; }
std::span<const Term> onsetTerms() { return kOnsets; }
std::span<const Term> contextTerms() { return kContexts; }
std::span<const Term> symptomTerms() { return kSymptoms; }
std::span<const Term> careTerms() { return kCare; }

const Term* findTerm(std::span<const Term> terms, std::string_view name) {
    for (const Term& t : terms)
        if (t.name == name) return &t;
    return nullptr;
}

std::string validNames(std::span<const Term> terms) {
    std::string out;
    for (const Term& t : terms) {
        if (!out.empty()) out += ", ";
        out += t.name;
    }
    return out;
}

}  // namespace core
