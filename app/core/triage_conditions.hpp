#pragma once
// The terms and conditions the red-flag rule table is written in (red flags version 2): shared by
// the table files (triage_rules.cpp, triage_rules_soon.cpp) and nothing else. See triage_rules.md.
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "core/triage.hpp"

namespace core::triage_detail {

inline constexpr int kSeverePain = 8;
inline constexpr int kVerySeverePain = 7;  // E2, E3, S8: "7 or more"

// [SECTION] Episode conditions
bool anySymptom(const Episode& e, std::initializer_list<std::string_view> names);
bool anyRisk(const TriageContext& c, std::initializer_list<std::string_view> names);
bool legSign(const Episode& e);
bool jointSign(const Episode& e);
bool oneLeg(const Episode& e);
bool sudden(const Episode& e);
bool recentClotRisk(const TriageContext& c);
bool standingClotRisk(const TriageContext& c);
bool clotRisk(const TriageContext& c);
bool newSymptom(const Episode& e, const TriageContext& c, std::string_view name);
bool clotInLung(const Episode& e, const TriageContext& c);
bool blockedArtery(const Episode& e);
bool possibleDvt(const Episode& e, const TriageContext& c);
bool cystBurstOrClot(const Episode& e);
bool jointInfection(const Episode& e, const TriageContext& c);
bool severePainNewOrWorse(const Episode& e, const TriageContext& c);
bool redHotSkin(const Episode& e);
bool hotSwollenKnee(const Episode& e, const TriageContext& c);
bool newNumbness(const Episode& e, const TriageContext& c);

// [SECTION] History conditions (the 14 local days up to and including `today`)
bool notImproving(std::span<const HistoryDay> days, CivilDate today);
bool gettingWorse(std::span<const HistoryDay> days, CivilDate today);
bool recurringSwelling(std::span<const HistoryDay> days, CivilDate today);
bool recurringNightPain(std::span<const HistoryDay> days, CivilDate today);

// [SECTION] Sources, by name
inline constexpr std::string_view kSeedArticle = "What Can Cause Pain Behind the Knee? (posterior knee pain article, reviewed 2020)";
inline constexpr std::string_view kNhsDvt = "NHS: Deep vein thrombosis (DVT)";
inline constexpr std::string_view kNhsWalesBakers = "NHS 111 Wales: Baker's cyst";
inline constexpr std::string_view kNhsEastLancsInjury = "NHS East Lancashire: Traumatic knee injury";
inline constexpr std::string_view kNhsKneePain = "NHS: Knee pain";
inline constexpr std::string_view kNhsSepticArthritis = "NHS: Septic arthritis";
inline constexpr std::string_view kVersusSeptic = "Versus Arthritis: Septic arthritis";
inline constexpr std::string_view kNhsCellulitis = "NHS: Cellulitis";
inline constexpr std::string_view kCdcClots = "CDC: Blood clots";
inline constexpr std::string_view kAsthmaLungPe = "Asthma + Lung UK: Pulmonary embolism";
inline constexpr std::string_view kRcemIschaemia = "RCEM Learning: Acute limb ischaemia";
inline constexpr std::string_view kHnzIschaemia = "Health New Zealand (info.health.nz): Acute limb ischaemia";
inline constexpr std::string_view kNhsAnticoagulants = "NHS: Anticoagulants — side effects";
inline constexpr std::string_view kNhsGlosKnee = "NHS Gloucestershire: Knee pain pathway";
inline constexpr std::string_view kNhsBoneCancer = "NHS: Bone cancer — symptoms";

// [SECTION] The tables, in the order the specification lists them
std::vector<Rule> makeSoonRules();
std::vector<Rule> makeHistoryRules();

}  // namespace core::triage_detail
