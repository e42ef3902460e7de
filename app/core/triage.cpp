// The triage engine: runs the rule table (triage_rules.cpp) and turns levels into words.
#include "core/triage.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/profile.hpp"

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

bool TriageContext::hasRisk(std::string_view risk) const {
    return std::find(risks.begin(), risks.end(), risk) != risks.end();
}

bool TriageContext::isNew(std::string_view symptom) const {
    return std::none_of(before.begin(), before.end(), [&](const HistoryDay& d) {
        return std::find(d.symptoms.begin(), d.symptoms.end(), symptom) != d.symptoms.end();
    });
}

bool TriageContext::swellingWithWarmthIsNew() const {
    return std::none_of(before.begin(), before.end(), [](const HistoryDay& d) { return d.swellingWithWarmth; });
}

Episode asTriageReads(const Episode& e) {
    if (!e.hasWhere("below") || e.hasSymptom("calf_pain")) return e;
    Episode read = e;
    read.symptoms.insert(std::lower_bound(read.symptoms.begin(), read.symptoms.end(), "calf_pain"), "calf_pain");
    return read;
}

TriageResult triageEpisode(const Episode& episode, const TriageContext& context) {
    const Episode e = asTriageReads(episode);
    TriageResult result;
    // The table lists E and U rules before S rules, so `onlyBelowUrgent` sees every higher match.
    for (const Rule& rule : rules()) {
        if (!rule.onEpisode) continue;
        if (rule.onlyBelowUrgent && result.level >= Level::Urgent) continue;
        if (rule.onEpisode(e, context)) addMatch(result, rule);
    }
    orderArticles(result.articles, e);
    return result;
}

void orderArticles(std::vector<std::string>& articles, const Episode& e) {
    if (articles.size() < 2 || articles.front() != "tumours") return;
    if (e.hasSymptom("weight_loss") || e.hasSymptom("night_sweats")) return;
    std::rotate(articles.begin(), articles.begin() + 1, articles.end());  // the tumour page goes last
}

TriageResult triageHistory(std::span<const HistoryDay> days, CivilDate today) {
    TriageResult result;
    for (const Rule& rule : rules()) {
        if (rule.onHistory && rule.onHistory(days, today)) addMatch(result, rule);
    }
    return result;
}

std::string actionText(Level level, std::string_view regionCode) {
    const Region* region = findRegion(regionCode);
    const std::string number(region ? region->emergency : kUnchosenEmergency);
    switch (level) {
        case Level::Emergency: {
            std::string text = "Call " + number + " now and tell them what you logged. Do not drive yourself.";
            if (!region) text += " " + std::string(kUnchosenEmergencyNote);
            return text;
        }
        case Level::Urgent: {
            const std::string line(region ? region->sameDay : "your local doctor or urgent care");
            return "Get medical help today: ask for an urgent appointment with a doctor, or contact " + line +
                   ". If neither is available, or you feel very unwell, go to an emergency department (or call " +
                   number + ").";
        }
        case Level::Soon:
            return "Book an appointment with a doctor or physiotherapist in the coming days, and keep "
                   "logging so you can show them how it has gone.";
        case Level::SelfCare:
            break;
    }
    return "Look after the knee yourself for now: rest it, cool it with ice wrapped in a cloth for "
           "15–20 minutes at a time, support it with a compression bandage and keep the leg raised. "
           "Over-the-counter pain relief can help if it is safe for you — ask a pharmacist first. Keep "
           "logging, and see a doctor if it does not improve.";
}

std::string selfCareText(const Episode& e) {
    const bool noIce = e.hasSymptom("numbness") || e.hasSymptom("cold_foot") || e.hasSymptom("weak_foot");
    if (!noIce) return actionText(Level::SelfCare, "");
    return "Rest the leg and keep it comfortable. Do not put ice or anything cold on it while it is numb, "
           "cold or weak, and do not massage a painful or swollen calf. Keep logging, and get help if "
           "anything changes.";
}

// Anti-inflammatory cautions (red flags version 2): shown wherever pain relief is suggested.
std::string_view antiInflammatoryCautions() {
    return "Anti-inflammatory medicines (such as ibuprofen) are not safe for everyone. Check with a "
           "pharmacist first if you have or had a stomach ulcer or bleeding, kidney or heart disease, high "
           "blood pressure or a stroke, asthma that they make worse, Crohn's disease or colitis, or a "
           "reaction to them before; if you are pregnant, over 65, or take blood thinners.";
}

}  // namespace core
