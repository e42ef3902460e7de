// The triage engine: runs the rule table (triage_rules.cpp) and turns levels into words.
#include "core/triage.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace core {
namespace {

struct LevelNameEntry {
    Level level;
    std::string_view name;
};

// The storage and command-line names; they are part of the journal format, so never rename them.
constexpr std::array<LevelNameEntry, 4> kLevelNames = {{
    {Level::SelfCare, "self_care"},
    {Level::Soon, "soon"},
    {Level::Urgent, "urgent"},
    {Level::Emergency, "emergency"},
}};

// Adds a matched rule to the result: the highest level wins, every rule is listed, and each
// article is offered once, in the order the rules first link it.
void addMatch(TriageResult& result, const Rule& rule) {
    result.level = std::max(result.level, rule.level);
    result.ruleIds.emplace_back(rule.id);
    for (std::string_view article : rule.articles) {
        if (std::find(result.articles.begin(), result.articles.end(), article) == result.articles.end()) {
            result.articles.emplace_back(article);
        }
    }
}

}  // namespace

std::string_view levelName(Level level) {
    for (const auto& entry : kLevelNames) {
        if (entry.level == level) return entry.name;
    }
    return "self_care";  // unreachable for a valid Level; the least alarming name is the safe default
}

std::optional<Level> levelFromName(std::string_view name) {
    for (const auto& entry : kLevelNames) {
        if (entry.name == name) return entry.level;
    }
    return std::nullopt;
}

const Rule* findRule(std::string_view id) {
    for (const Rule& rule : rules()) {
        if (rule.id == id) return &rule;
    }
    return nullptr;
}

TriageResult triageEpisode(const Episode& e) {
    TriageResult result;
    for (const Rule& rule : rules()) {
        if (rule.onEpisode && rule.onEpisode(e)) addMatch(result, rule);
    }
    return result;
}

TriageResult triageHistory(std::span<const HistoryDay> days, CivilDate today) {
    TriageResult result;
    for (const Rule& rule : rules()) {
        if (rule.onHistory && rule.onHistory(days, today)) addMatch(result, rule);
    }
    return result;
}

std::string actionText(Level level, std::string_view emergencyNumber) {
    switch (level) {
        case Level::Emergency: {
            // A missing region setting must still produce a usable instruction.
            const std::string number =
                emergencyNumber.empty() ? std::string("the emergency number") : std::string(emergencyNumber);
            return "Call " + number +
                   " now — say that you have leg pain and tell them what you logged. "
                   "Do not drive yourself.";
        }
        case Level::Urgent:
            return "Get medical help today: ask for an urgent appointment with a doctor, or call a "
                   "non-emergency medical line such as 111 in the UK. If neither is available, or you "
                   "feel very unwell, go to an emergency department.";
        case Level::Soon:
            return "Book an appointment with a doctor or physiotherapist in the coming days, and keep "
                   "logging so you can show them how it has gone.";
        case Level::SelfCare:
            break;
    }
    return "Look after the knee yourself for now: rest it, cool it with ice wrapped in a cloth for "
           "15–20 minutes at a time, support it with a compression bandage and keep the leg raised. "
           "Over-the-counter pain relief can help if it is safe for you — ask a pharmacist, as "
           "anti-inflammatories are not right for everyone. Keep logging, and see a doctor if it "
           "does not improve.";
}

}  // namespace core
