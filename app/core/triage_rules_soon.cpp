// The "see a doctor soon" rules on one episode and the rules on the history (red flags version 2),
// as data. See triage_rules.cpp for the emergency and urgent rules and triage_rules.md for the table.
#include <vector>

#include "core/triage_conditions.hpp"

namespace core::triage_detail {

std::vector<Rule> makeSoonRules() {
    return {
        {.id = "S1", .key = "lump_behind_knee", .level = Level::Soon,
         .title = "A lump behind the knee",
         .condition = "A lump, without the changes that need help today.",
         .reason = "A lump behind the knee has several possible causes, and only an examination can tell "
                   "which. Ask a doctor to look at it in the coming days; mention it if it pulses, and do not "
                   "press or massage it. Get help the same day if it suddenly swells, bruises, or turns red "
                   "or warm.",
         .articles = {"bakers_cyst", "tumours"},
         .sources = {kNhsWalesBakers, "NHS: Baker's cyst", "Mayo Clinic: Popliteal artery aneurysm", kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.hasSymptom("lump") && !cystBurstOrClot(e);
         },
         .onHistory = nullptr},
        {.id = "S2", .key = "bone_warning_signs", .level = Level::Soon,
         .title = "Weight loss, night sweats, or pain at night and at rest",
         .condition = "Weight loss you cannot explain, night sweats, or pain at night together with pain at "
                      "rest or all the time.",
         .reason = "Pain at night that is also there at rest, losing weight without trying, and drenching "
                   "night sweats are things a doctor will want to know about. Serious causes are rare, but "
                   "they are easier to treat when found early.",
         .articles = {"osteoarthritis", "tumours"},
         .sources = {kNhsBoneCancer, "NHS Gloucestershire: Knee pain pathway (continuous and night pain)"},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return anySymptom(e, {"weight_loss", "night_sweats"}) ||
                    (e.hasContext("night") && (e.hasContext("rest") || e.hasContext("constant")));
         },
         .onHistory = nullptr},
        {.id = "S3", .key = "inflammatory_both_knees", .level = Level::Soon,
         .title = "Both knees affected",
         .condition = "Both knees, with morning stiffness or swelling.",
         .reason = "Painful, swollen knees on both sides, especially with stiffness that lasts more than half "
                   "an hour in the morning, can come from inflammation of the joints. A doctor can test for "
                   "it, and early treatment protects the joints.",
         .articles = {"rheumatoid_arthritis"},
         .sources = {"Versus Arthritis: Rheumatoid arthritis", kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.side == "both" && anySymptom(e, {"morning_stiffness", "swelling"});
         },
         .onHistory = nullptr},
        {.id = "S4", .key = "inflammation_signs", .level = Level::Soon,
         .title = "A sign of inflammation",
         .condition = "Redness, warmth, a fever or feeling unwell, without the combinations that need help today.",
         .reason = "A warm or red knee has several possible causes — gout, an irritated fluid sac, a flare of "
                   "arthritis or an early infection — and they can look alike. Ask a doctor to check it in "
                   "the coming days. If a fever, swelling or a second sign joins, get help today.",
         .articles = {"gout", "infection"},
         .sources = {"NHS: Gout", kNhsSepticArthritis},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return (anySymptom(e, {"redness", "warmth", "unwell"}) || e.hasFever()) && !jointInfection(e, c) &&
                    !redHotSkin(e) && !hotSwollenKnee(e, c);
         },
         .onHistory = nullptr},
        {.id = "S5", .key = "mechanical_symptoms", .level = Level::Soon,
         .title = "The knee catches or gives way",
         .condition = "The knee locks and then frees again, or gives way.",
         .reason = "A knee that keeps catching or giving way may have a torn cartilage or an injured ligament. "
                   "A doctor or physiotherapist can examine it and suggest what helps.",
         .articles = {"injuries"},
         .sources = {kNhsEastLancsInjury, kSeedArticle},
         .onEpisode = [](const Episode& e, const TriageContext&) { return anySymptom(e, {"locking", "giving_way"}); },
         .onHistory = nullptr},
        {.id = "S6", .key = "both_legs_swollen", .level = Level::Soon,
         .title = "Both legs swollen",
         .condition = "Calf or leg swelling in both legs.",
         .reason = "Swelling in both legs can come from the heart, the kidneys or the veins, and a doctor "
                   "should check it, especially if it does not go down. A clot is still possible; get help "
                   "today if one calf becomes more painful, warm or red, and call the emergency number if "
                   "you get breathless.",
         .articles = {"when_to_see_a_doctor", "dvt"},
         .sources = {"NHS: Oedema (swelling)", kNhsDvt},
         .onEpisode = [](const Episode& e, const TriageContext&) {
             return e.leg == "both" && anySymptom(e, {"calf_swelling", "leg_swelling"});
         },
         .onHistory = nullptr},
        {.id = "S7", .key = "calf_pain_check", .level = Level::Soon,
         .title = "Calf pain",
         .condition = "Calf pain, without the signs that need help today.",
         .reason = "Calf pain is usually a strained muscle, but a doctor should rule out a clot if it does not "
                   "settle in a few days. Get help today if the calf swells, turns red or feels warm, and "
                   "call the emergency number if you get breathless. Do not massage a painful calf.",
         .articles = {"dvt"},
         .sources = {kNhsDvt},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return e.hasSymptom("calf_pain") && !possibleDvt(e, c);
         },
         .onHistory = nullptr},
        {.id = "S8", .key = "severe_pain_check", .level = Level::Soon,
         .title = "Strong pain",
         .condition = "Pain of 8 or more at your usual level, or pain of 7 or more that came on suddenly.",
         .reason = "Strong pain, even when it is your usual level, deserves a talk with a doctor about better "
                   "pain control in the coming days.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {kNhsKneePain},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             if (severePainNewOrWorse(e, c)) return false;
             return e.pain >= kSeverePain || (e.pain >= kVerySeverePain && sudden(e));
         },
         .onHistory = nullptr},
        {.id = "S9", .key = "ongoing_numbness", .level = Level::Soon,
         .title = "Numbness that keeps coming back",
         .condition = "Numbness or tingling that you have logged before.",
         .reason = "Numbness that keeps coming back should be assessed by a doctor, who can check the nerves "
                   "and the blood supply of the leg.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {kNhsGlosKnee},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return e.hasSymptom("numbness") && !blockedArtery(e) && !newNumbness(e, c);
         },
         .onHistory = nullptr},
        {.id = "S10", .key = "bleeding_risk_check", .level = Level::Soon,
         .title = "A knock or bruising while on blood thinners",
         .condition = "On blood thinners, a recent injury or bruising (and nothing that needs help today).",
         .reason = "Blood thinners make bleeding easier, so a knock or new bruising deserves a check in the "
                   "coming days. Get help today if the knee swells.",
         .articles = {"injuries"},
         .sources = {kNhsAnticoagulants},
         .onEpisode = [](const Episode& e, const TriageContext& c) {
             return c.hasRisk("blood_thinners") && anySymptom(e, {"recent_injury", "bruising"});
         },
         .onHistory = nullptr,
         .onlyBelowUrgent = true},
    };
}

std::vector<Rule> makeHistoryRules() {
    return {
        {.id = "H1", .key = "not_improving", .level = Level::Soon,
         .title = "Not getting better",
         .condition = "Pain on at least 10 of the last 14 days, and the last 7 days no better on "
                      "average than the 7 days before.",
         .reason = "You have had pain on most days for two weeks and it is not easing. When looking "
                   "after it yourself has not helped after a week or two, a doctor or "
                   "physiotherapist can look for the cause and suggest what to try next.",
         .articles = {"when_to_see_a_doctor", "self_care"},
         .sources = {"NHS Herefordshire and Worcestershire: Knee pain clinical pathway", kSeedArticle},
         .onEpisode = nullptr,
         .onHistory = notImproving},
        {.id = "H2", .key = "getting_worse", .level = Level::Soon,
         .title = "Pain getting worse",
         .condition = "Your worst pain each day averaged at least 2 points higher over the last 7 "
                      "days than over the 7 days before (with at least 3 days logged in each week).",
         .reason = "Your daily worst pain has risen by 2 points or more on the 0 to 10 scale compared "
                   "with the week before. A change that size is one people clearly feel, and pain "
                   "that keeps climbing is worth a review with a doctor.",
         .articles = {"when_to_see_a_doctor"},
         .sources = {"Farrar et al. 2001, Pain: clinically important change in pain intensity",
                     "NHS Gloucestershire: Knee pain pathway"},
         .onEpisode = nullptr,
         .onHistory = gettingWorse},
        {.id = "H3", .key = "recurring_swelling", .level = Level::Soon,
         .title = "Swelling keeps coming back",
         .condition = "Swelling logged on at least 3 different days in the last 14.",
         .reason = "Swelling that returns on several days shows that something in or around the knee "
                   "stays irritated. A doctor can examine the knee and find out why.",
         .articles = {"bakers_cyst", "osteoarthritis"},
         .sources = {kNhsKneePain, kSeedArticle},
         .onEpisode = nullptr,
         .onHistory = recurringSwelling},
        {.id = "H4", .key = "night_pain_recurring", .level = Level::Soon,
         .title = "Pain at night keeps coming back",
         .condition = "Pain at night on at least 3 different days in the last 14.",
         .reason = "Night pain is common with worn knees, but when it keeps coming back a doctor should take "
                   "a look and can help with sleep and pain control.",
         .articles = {"osteoarthritis", "when_to_see_a_doctor", "tumours"},
         .sources = {kNhsBoneCancer, kNhsGlosKnee},
         .onEpisode = nullptr,
         .onHistory = recurringNightPain},
    };
}

// Episode rules first, then history rules: the order the specification lists them, which is
// also the order ruleIds and articles are reported in.
}  // namespace core::triage_detail
