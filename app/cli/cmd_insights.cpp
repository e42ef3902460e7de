// kneelog insights: what helps and what hurts, from the person's own entries (core/insights).
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/journal.hpp"

namespace cli {

namespace {

nlohmann::json orNull(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json findings(const std::vector<core::Finding>& list, const char* valueKey) {
    nlohmann::json arr = nlohmann::json::array();
    for (const core::Finding& f : list) {
        const auto& e = f.effect;
        arr.push_back({{"name", f.name},
                       {"n", f.with},
                       {valueKey, orNull(e ? std::optional<double>(e->estimate) : std::nullopt)},
                       {"low", orNull(e ? std::optional<double>(e->low) : std::nullopt)},
                       {"high", orNull(e ? std::optional<double>(e->high) : std::nullopt)}});
    }
    return arr;
}

nlohmann::json means(const std::vector<core::GroupMean>& list, const char* key) {
    nlohmann::json arr = nlohmann::json::array();
    for (const core::GroupMean& g : list) arr.push_back({{key, g.name}, {"n", g.n}, {"mean", orNull(g.mean)}});
    return arr;
}

// Per medication name: {"name", "n", "mean" (0-3, null below 8 ratings), "counts": {"none", "little", "lot", "complete"}}.
nlohmann::json reliefJson(const std::vector<core::ReliefSummary>& list) {
    nlohmann::json arr = nlohmann::json::array();
    for (const core::ReliefSummary& r : list) {
        nlohmann::json counts = nlohmann::json::object();
        for (int i = 0; i < core::kReliefLevels; ++i)
            counts[std::string(core::reliefName(static_cast<core::Relief>(i)))] = r.counts[static_cast<std::size_t>(i)];
        arr.push_back({{"name", r.name}, {"n", r.n}, {"mean", orNull(r.mean)}, {"counts", counts}});
    }
    return arr;
}

}  // namespace

int cmdInsights(Invocation& inv) {
    auto range = rangeFromOptions(inv);
    if (!range) return fail(range.error());
    auto store = openForReading(inv, false);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto computed = journal.insights(*range);
    if (!computed) return fail(computed.error());
    const core::Insights& in = *computed;
    if (inv.has("json")) {
        const nlohmann::json j = {{"care", findings(in.care, "change")},
                                  {"contexts", findings(in.contexts, "difference")},
                                  {"time_of_day", means(in.timeOfDay, "part")},
                                  {"weekday", means(in.weekday, "day")},
                                  {"relief", reliefJson(in.relief)}};
        std::printf("%s\n", j.dump(2).c_str());
        return kExitOk;
    }
    std::printf("What helps (the change in pain by your next entry within 24 hours; %d pairs):\n", in.pairs);
    // Medication names are the person's own text: shown terminal-safe, like every table.
    for (const core::Finding& f : in.care) std::printf("  - %s\n", terminalSafe(core::careSentence(f)).c_str());
    std::printf("\nWhen it hurts:\n");
    for (const core::Finding& f : in.contexts) std::printf("  - %s\n", core::contextSentence(f).c_str());
    std::printf("\nBy time of day:");
    for (const core::GroupMean& g : in.timeOfDay)
        if (g.mean) std::printf("  %s %.1f (%d)", g.name.c_str(), *g.mean, g.n);
    std::printf("\nBy weekday:    ");
    for (const core::GroupMean& g : in.weekday)
        if (g.mean) std::printf("  %s %.1f (%d)", g.name.c_str(), *g.mean, g.n);
    if (!in.relief.empty()) std::printf("\n\nMedication relief, as you rated it:");
    for (const core::ReliefSummary& r : in.relief) std::printf("\n  - %s", terminalSafe(core::reliefSentence(r)).c_str());
    std::printf("\n\nThese are patterns in your own entries, not proof of cause.\n");
    return kExitOk;
}

}  // namespace cli
