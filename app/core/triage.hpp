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

// One day of the person's history, as the history rules need it.
struct HistoryDay {
    CivilDate day;
    int episodes = 0;
    int maxPain = 0;
    double meanPain = 0.0;
    bool swelling = false;  // `swelling` ticked on any episode that day
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
    std::function<bool(const Episode&)> onEpisode;                       // set for episode rules
    std::function<bool(std::span<const HistoryDay>, CivilDate)> onHistory;  // set for history rules
};

struct TriageResult {
    Level level = Level::SelfCare;
    std::vector<std::string> ruleIds;   // every rule that matched, in table order
    std::vector<std::string> articles;  // linked articles of the matched rules, unique, in order
    bool operator==(const TriageResult&) const = default;
};

std::span<const Rule> rules();
const Rule* findRule(std::string_view id);

// Episode rules only (E, U, S).
TriageResult triageEpisode(const Episode& e);
// History rules (H) on the days up to and including `today` (days may be sparse, any order).
TriageResult triageHistory(std::span<const HistoryDay> days, CivilDate today);

// What the person is told to do at this level; `emergencyNumber` is the region's (112, 999, ...).
std::string actionText(Level level, std::string_view emergencyNumber);

}  // namespace core
