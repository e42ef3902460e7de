#pragma once
// Red-flag triage: pure, deterministic rules over one episode (E*, U*, S*) and over the
// recent history (H*). The rules are data (see triage_rules.cpp); the engine reports the
// highest level and every rule that matched. KneeLog informs and escalates; it never diagnoses.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/episode.hpp"
#include "core/time.hpp"

namespace core {

enum class Level { SelfCare = 1, Soon = 2, Urgent = 3, Emergency = 4 };

std::string_view levelName(Level level);              // "self_care", "soon", "urgent", "emergency"
std::optional<Level> levelFromName(std::string_view name);

// One day of the person's history, as the history rules and the "new" and "usual" checks need it.
struct HistoryDay {
    CivilDate day;
    int episodes = 0;
    int maxPain = 0;
    double meanPain = 0.0;
    bool swelling = false;                 // `swelling` ticked on any episode that day
    std::vector<std::string> symptoms = {};  // every symptom logged that day, sorted, unique
    std::vector<std::string> contexts = {};  // every "when it hurts" context logged that day
    bool swellingWithWarmth = false;       // `swelling` and `warmth` on one episode that day
};

// What an episode rule may read besides the episode: the person's risks and the days before.
struct TriageContext {
    std::vector<std::string> risks;   // the risk profile plus any one-off risks (riskTerms() names)
    // The logged days among the 14 local days before the episode's day ("before today"); any order.
    std::vector<HistoryDay> before;

    bool hasRisk(std::string_view risk) const;
    // "New": not logged on any of the days before (an empty history makes every sign new).
    bool isNew(std::string_view symptom) const;
    bool swellingWithWarmthIsNew() const;
};

struct Rule {
    std::string_view id;        // "E1", "U3", "H2"
    std::string_view key;       // "clot_in_lung_signs"
    Level level;
    std::string_view title;     // short plain words: "Signs a clot may have reached the lungs"
    std::string_view condition; // what must be logged, in plain words
    std::string_view reason;    // why it matters, in the project's own words (second person)
    std::vector<std::string_view> articles;  // guidance article ids
    std::vector<std::string_view> sources;   // public sources, by name
    std::function<bool(const Episode&, const TriageContext&)> onEpisode;  // set for episode rules
    std::function<bool(std::span<const HistoryDay>, CivilDate)> onHistory;  // set for history rules
    // S10: fires only when no urgent or emergency rule fired on the same episode.
    bool onlyBelowUrgent = false;
};

struct TriageResult {
    Level level = Level::SelfCare;
    std::vector<std::string> ruleIds;   // every rule that matched, in table order
    std::vector<std::string> articles;  // linked articles of the matched rules, unique, in order
    bool operator==(const TriageResult&) const = default;
};

std::span<const Rule> rules();
const Rule* findRule(std::string_view id);

// Episode rules only (E, U, S), with the person's risks and the days before the episode.
TriageResult triageEpisode(const Episode& e, const TriageContext& context = {});
// The episode as the rules read it: the knee-map region `below` (the upper calf) counts as the
// symptom `calf_pain` (triage_rules.md, Terms). triageEpisode and the history days both use it.
Episode asTriageReads(const Episode& e);
// History rules (H) on the days up to and including `today` (days may be sparse, any order).
TriageResult triageHistory(std::span<const HistoryDay> days, CivilDate today);

// What the person is told to do at this level, naming the region's numbers ("" = not chosen yet: 112).
std::string actionText(Level level, std::string_view regionCode);
// Self-care words for this episode: no ice advice when numbness, a cold foot or a weak foot is logged.
std::string selfCareText(const Episode& e);
// Who should check with a pharmacist before taking anti-inflammatories (red flags version 2).
std::string_view antiInflammatoryCautions();

// Puts the articles in reading order: the tumour article is never first unless weight loss or
// night sweats were logged (version 2, "Article order").
void orderArticles(std::vector<std::string>& articles, const Episode& e);

}  // namespace core
