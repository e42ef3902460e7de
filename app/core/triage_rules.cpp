// The red-flag rule table (red flags version 2), as data: the emergency and urgent rules here, the
// "soon" and history rules in triage_rules_soon.cpp. app/core/triage_rules.md is the same table in
// words (a test keeps them in step). The texts are KneeLog's own, written for the person (second
// person, calm, informing — never a diagnosis).
#include <iterator>
#include <span>
#include <vector>

#include "core/triage.hpp"
#include "core/triage_conditions.hpp"

namespace core {
namespace {

using namespace triage_detail;

std::vector<Rule> makeEmergencyRules() {
    return {
        {.id = "E1", .key = "clot_in_lung_signs", .level = Level::Emergency,
         .title = "Signs a clot may have reached the lungs",
         .condition = "Breathlessness, chest pain or coughing up blood; or fainting together with a calf or leg "
                      "sign, a racing heart, blood thinners or a clot risk; or dizziness or a racing heart "
                      "together with a calf or leg sign.",
         .reason = "Trouble breathing, chest pain or coughing up blood — or feeling faint, dizzy or a racing "
                   "heart while a calf or leg is painful or swollen — can mean that a blood clot has "
                   "travelled to the lungs. That needs help straight away, even if the feeling eases.",
         .articles = {"dvt", "when_to_see_a_doctor"},
         .sources = {kNhsDvt, kNhsWalesBakers, kCdcClots, kAsthmaLungPe, "NHS 111 Wales: Fainting"},
         .onEpisode = clotInLung, .onHistory = nullptr},
        {.id = "E2", .key = "blocked_artery_signs", .level = Level::Emergency,
         .title = "Signs the blood supply to the leg may be cut off",
         .condition = "A cold or pale foot; a foot you cannot lift or toes you cannot move; or numbness that "
                      "came on suddenly with pain of 7 or more.",
         .reason = "A cold, pale or bluish foot, a foot that has gone weak, or sudden numbness with strong "
                   "pain can mean that blood is not getting through to the leg. Hours matter for the leg, so "
                   "this is treated as an emergency. Do not try to check a pulse yourself; let the "
                   "ambulance crew do that.",
         .articles = {"blocked_artery"},
         .sources = {kHnzIschaemia, kRcemIschaemia},
         .onEpisode = [](const Episode& e, const TriageContext&) { return blockedArtery(e); },
         .onHistory = nullptr},
        {.id = "E3", .key = "compartment_signs", .level = Level::Emergency,
         .title = "Signs of pressure building in the calf after an injury",
         .condition = "A recent injury with pain of 7 or more and calf swelling or numbness.",
         .reason = "After an injury, severe pain with a tight, swollen calf or pins and needles can mean that "
                   "pressure is building up inside the muscles of the leg. That can harm the muscles and "
                   "nerves within hours, so it needs emergency care.",
         .articles = {"injuries"},
         .sources = {"NHS: Compartment syndrome"},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.hasSymptom("recent_injury") && e.pain >= kVerySeverePain &&
                    anySymptom(e, {"calf_swelling", "numbness"});
         },
         .onHistory = nullptr},
    };
}

std::vector<Rule> makeUrgentRules() {
    return {
        {.id = "U1", .key = "possible_dvt", .level = Level::Urgent,
         .title = "Possible blood clot in the leg",
         .condition = "In one leg (or the leg not given): calf or leg swelling; or calf pain with warmth, "
                      "redness, a sudden start or a recent clot risk — or, when the calf pain is new, a "
                      "long-standing clot risk.",
         .reason = "A clot in a deep vein often shows as pain or swelling in one leg, sometimes with warm, "
                   "red or darker skin, and it can start behind the knee. A doctor should check you today, "
                   "usually with a scan, because a clot can move on to the lungs. Do not massage the calf.",
         .articles = {"dvt"},
         .sources = {kNhsDvt, "NICE NG158: Venous thromboembolic diseases", kSeedArticle},
         .onEpisode = possibleDvt, .onHistory = nullptr},
        {.id = "U2", .key = "cyst_burst_or_clot", .level = Level::Urgent,
         .title = "A lump behind the knee that has changed",
         .condition = "A lump with bruising, redness, warmth, calf pain, calf or leg swelling, or swelling "
                      "within hours; or a lump with swelling that came on suddenly.",
         .reason = "When a lump behind the knee suddenly changes, fluid may be leaking into the calf. From "
                   "the outside that looks the same as a blood clot, and only an examination or a scan can "
                   "tell them apart, so have it checked today.",
         .articles = {"bakers_cyst", "dvt"},
         .sources = {kNhsWalesBakers, "Mayo Clinic: Baker's cyst"},
         .onEpisode = [](const Episode& e, const TriageContext&) { return cystBurstOrClot(e); },
         .onHistory = nullptr},
        {.id = "U3", .key = "joint_infection", .level = Level::Urgent,
         .title = "Possible infection in or around the joint",
         .condition = "A fever (ticked, or 38.0 °C or more) with pain or with swelling, warmth or redness; "
                      "feeling unwell with swelling, warmth or redness; with a knee replacement, a fever, "
                      "redness, or swelling or warmth that is new; with lower immunity, warmth or redness.",
         .reason = "A painful knee with a temperature, or a swollen, warm or red knee while you feel unwell, "
                   "can be a sign of infection. An infected joint can be harmed quickly, so a doctor should "
                   "see you today; if you feel very unwell, go to an emergency department. An artificial "
                   "knee, diabetes or medicines that lower immunity make this more likely.",
         .articles = {"infection"},
         .sources = {kNhsSepticArthritis, kVersusSeptic, kNhsCellulitis,
                     "British Society for Rheumatology: The hot swollen joint", kSeedArticle},
         .onEpisode = jointInfection, .onHistory = nullptr},
        {.id = "U4", .key = "severe_or_cannot_bear_weight", .level = Level::Urgent,
         .title = "Severe pain, or the leg cannot take your weight",
         .condition = "You cannot put weight on the leg, or the knee has changed shape; or pain of 8 or more "
                      "that is new or worse than usual (sudden, fewer than 3 days logged in the two weeks "
                      "before, or at least 2 points above your usual worst pain of those days).",
         .reason = "Being unable to stand on the leg, a knee that looks out of shape, or very strong pain "
                   "that is new or clearly worse than your usual should be seen by a doctor today, whatever "
                   "the cause turns out to be.",
         .articles = {"injuries", "when_to_see_a_doctor"},
         .sources = {kNhsKneePain, kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return anySymptom(e, {"cannot_bear_weight", "deformity"}) || severePainNewOrWorse(e, c);
         },
         .onHistory = nullptr},
        {.id = "U5", .key = "locked_knee", .level = Level::Urgent,
         .title = "The knee is stuck and will not straighten",
         .condition = "The knee is locked now and you cannot straighten it.",
         .reason = "A knee that stays stuck may have something caught inside the joint, such as a torn piece "
                   "of cartilage. Do not force it; have it looked at today.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, "NHS Cornwall: Knee pain pathway (acutely locked knee)"},
         .onEpisode = [](const Episode& e, const TriageContext&) { return e.hasSymptom("cannot_straighten"); },
         .onHistory = nullptr},
        {.id = "U6", .key = "serious_injury", .level = Level::Urgent,
         .title = "Warning signs after an injury",
         .condition = "A recent injury with giving way, numbness or swelling within hours; or with blood "
                      "thinners and swelling or bruising; or with swelling that came on suddenly.",
         .reason = "After a knee injury, swelling that builds within hours, a knee that gives way, or "
                   "numbness below the knee can point to damage inside the knee or to a nerve. On blood "
                   "thinners, a swollen or bruised knee after a knock can be bleeding into the joint. These "
                   "are worth having checked the same day.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, kNhsAnticoagulants},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             if (!e.hasSymptom("recent_injury")) return false;
             return anySymptom(e, {"giving_way", "numbness", "rapid_swelling"}) ||
                    (c.hasRisk("blood_thinners") && anySymptom(e, {"swelling", "bruising", "rapid_swelling"})) ||
                    (sudden(e) && e.hasSymptom("swelling"));
         },
         .onHistory = nullptr},
        {.id = "U7", .key = "red_hot_skin", .level = Level::Urgent,
         .title = "Red, hot skin at the knee",
         .condition = "Redness and warmth together.",
         .reason = "Skin that is both red and hot can be a sign of infection in the skin, in a fluid sac or "
                   "in the joint. At home this cannot be told apart from other causes such as gout, so a "
                   "doctor should see it today.",
         .articles = {"infection", "gout"},
         .sources = {kNhsCellulitis, kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) { return redHotSkin(e); },
         .onHistory = nullptr},
        {.id = "U8", .key = "hot_swollen_knee", .level = Level::Urgent,
         .title = "A hot, swollen knee",
         .condition = "Swelling and warmth together, new in the last two weeks or with a sudden start.",
         .reason = "A joint that has become hot and swollen is treated as infected until a doctor has "
                   "checked it, because an infection can harm the joint quickly. Get it seen today.",
         .articles = {"infection"},
         .sources = {kNhsSepticArthritis, "Patient.info: Hot swollen joints"},
         .onEpisode = hotSwollenKnee, .onHistory = nullptr},
        {.id = "U9", .key = "new_numbness", .level = Level::Urgent,
         .title = "New numbness or tingling",
         .condition = "Numbness or pins and needles that is new in the last two weeks or came on suddenly "
                      "(and is not an emergency sign).",
         .reason = "New numbness or tingling below the knee can come from a nerve that is pressed or from "
                   "the blood supply. A doctor should check it today.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {"NHS Gloucestershire: Knee pain pathway (neurovascular compromise)", kRcemIschaemia},
         .onEpisode = newNumbness, .onHistory = nullptr},
        {.id = "U10", .key = "dizzy_faint_or_racing_heart", .level = Level::Urgent,
         .title = "Dizziness, fainting or a racing heart",
         .condition = "Dizzy or light-headed, fainted or nearly fainted, or a racing heart (without the signs "
                      "that make it an emergency).",
         .reason = "Feeling faint or dizzy, or a heart that races, deserves a check the same day. If it comes "
                   "with a painful or swollen calf or leg, or with breathlessness or chest pain, call the "
                   "emergency number instead.",
         .articles = {"when_to_see_a_doctor", "dvt"},
         .sources = {kCdcClots, kAsthmaLungPe},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return anySymptom(e, {"dizzy", "racing_heart", "faint"}) && !clotInLung(e, c);
         },
         .onHistory = nullptr},
        {.id = "U11", .key = "rapid_swelling", .level = Level::Urgent,
         .title = "The knee swelled up within hours",
         .condition = "The knee swelled up within a few hours.",
         .reason = "A knee that fills up within hours can be bleeding into the joint, an infection or a cyst "
                   "that has burst. It should be checked today.",
         .articles = {"injuries", "bakers_cyst"},
         .sources = {kNhsKneePain, kNhsWalesBakers},
         .onEpisode = [](const Episode& e, const TriageContext&) { return e.hasSymptom("rapid_swelling"); },
         .onHistory = nullptr},
        {.id = "U12", .key = "bleeding_on_blood_thinners", .level = Level::Urgent,
         .title = "Swelling while on blood thinners",
         .condition = "On blood thinners, swelling of the knee that came on suddenly or is new in the last "
                      "two weeks.",
         .reason = "Blood thinners can let blood leak into the joint even without a knock. A knee that swells "
                   "while you take them should be checked today. Keep taking your medicine unless a doctor "
                   "tells you otherwise.",
         .articles = {"injuries"},
         .sources = {kNhsAnticoagulants},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return c.hasRisk("blood_thinners") && e.hasSymptom("swelling") && (sudden(e) || c.isNew("swelling"));
         },
         .onHistory = nullptr},
    };
}

std::vector<Rule> makeEpisodeRules() {
    std::vector<Rule> all = makeEmergencyRules();
    for (auto* part : {makeUrgentRules, makeSoonRules}) {
        std::vector<Rule> more = part();
        all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return all;
}

std::vector<Rule> makeRules() {
    std::vector<Rule> all = makeEpisodeRules();
    std::vector<Rule> history = makeHistoryRules();
    all.insert(all.end(), std::make_move_iterator(history.begin()), std::make_move_iterator(history.end()));
    return all;
}

}  // namespace

std::span<const Rule> rules() {
    // Built once on first use (thread-safe since C++11) and never changed afterwards.
    static const std::vector<Rule> kRules = makeRules();
    return kRules;
}

}  // namespace core
