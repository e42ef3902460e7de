// kneelog add | list | undelete | triage
#include <charconv>
#include <climits>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/journal.hpp"

namespace cli {

namespace {

void printAdvice(const core::TriageResult& r, const std::string& region) {
    if (r.level == core::Level::SelfCare) return;
    std::printf("%s\n", core::actionText(r.level, region).c_str());
    for (const auto& id : r.ruleIds)
        if (const core::Rule* rule = core::findRule(id))
            std::printf("  - %.*s (%s)\n", static_cast<int>(rule->title.size()), rule->title.data(), id.c_str());
}

std::string clip(const std::string& s, size_t n) {
    if (s.size() <= n) return s;
    size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return s.substr(0, cut) + "…";
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

}  // namespace

int cmdAdd(Invocation& inv) {
    auto e = episodeFromOptions(inv, true);
    if (!e) return fail(e.error());
    auto risks = risksFromOptions(inv);
    if (!risks) return fail(risks.error());
    if (auto v = core::validate(*e, core::nowUtc()); !v) return fail(v.error());  // before the file is touched
    auto store = openJournal(inv);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto saved = journal.add(*e, *risks);
    if (!saved) return fail(saved.error());
    std::printf("%lld %s\n", static_cast<long long>(saved->id), std::string(core::levelName(saved->level)).c_str());
    core::TriageResult all = saved->episodeTriage;
    for (const auto& id : saved->historyTriage.ruleIds) all.ruleIds.push_back(id);
    all.level = saved->level;
    printAdvice(all, journal.region());
    return kExitOk;
}

int cmdList(Invocation& inv) {
    auto range = rangeFromOptions(inv);
    if (!range) return fail(range.error());
    auto store = openJournal(inv, Access::Read);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto episodes = journal.episodes(*range);
    if (!episodes) return fail(episodes.error());
    if (inv.has("json")) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& e : *episodes) arr.push_back(episodeJson(e));
        std::printf("%s\n", arr.dump(2).c_str());
        return kExitOk;
    }
    if (episodes->empty()) {
        std::printf("No episodes in this period. Log one with: kneelog add --pain N\n");
        return kExitOk;
    }
    std::printf("%-6s %-10s %-5s %-5s %-4s %-9s %-28s %s\n", "id", "day", "time", "side", "pain", "type",
                "symptoms", "note");
    for (const auto& e : *episodes)
        std::printf("%-6lld %-10s %-5s %-5s %-4d %-9s %-28s %s\n", static_cast<long long>(e.id),
                    core::formatDate(e.startedAt.date).c_str(), core::formatTime(e.startedAt).c_str(),
                    e.side.empty() ? "-" : terminalSafe(e.side).c_str(), e.pain,
                    e.painType.empty() ? "-" : terminalSafe(e.painType).c_str(),
                    clip(terminalSafe(joined(e.symptoms)), 28).c_str(), clip(terminalSafe(e.note), 40).c_str());
    return kExitOk;
}

namespace {

// Soft delete or undo it: the same id parsing and journal call either way.
int changeDeletion(Invocation& inv, bool remove) {
    const std::string& text = inv.positional.front();
    const auto number = wholeNumber(text, 1, LLONG_MAX);
    if (!number) return usageError(std::string(inv.command->name) + ": '" + text + "' is not an episode id");
    const long long id = *number;
    auto store = openJournal(inv, Access::Write);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    if (auto r = remove ? journal.remove(id) : journal.undelete(id); !r) return fail(r.error());
    if (remove) std::printf("Episode %lld deleted. Bring it back with: kneelog undelete %lld\n", id, id);
    else std::printf("Episode %lld is back in your journal.\n", id);
    return kExitOk;
}

}  // namespace

int cmdDelete(Invocation& inv) { return changeDeletion(inv, true); }
int cmdUndelete(Invocation& inv) { return changeDeletion(inv, false); }

int cmdTriage(Invocation& inv) {
    auto e = episodeFromOptions(inv, false);
    if (!e) return fail(e.error());
    auto risks = risksFromOptions(inv);
    if (!risks) return fail(risks.error());
    std::optional<std::string> region = inv.get("region");
    if (region)
        if (auto c = core::checkRegionCode(*region); !c) return fail(c.error());
    // As if saved now into this journal, history and usual pain included; nothing is written, and
    // a journal that does not exist yet is an empty one (every sign is new).
    auto store = openForReading(inv, true);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto evaluated = journal.evaluate(*e, *risks);
    if (!evaluated) return fail(evaluated.error());
    const core::TriageResult& r = *evaluated;
    if (inv.has("json")) {
        std::printf("%s\n", triageJson(r).dump().c_str());
        return kExitOk;
    }
    const std::string code = region ? *region : journal.region();
    std::printf("level: %s\n", std::string(core::levelName(r.level)).c_str());
    std::printf("%s\n", r.level == core::Level::SelfCare ? core::selfCareText(*e).c_str()
                                                         : core::actionText(r.level, code).c_str());
    for (const auto& id : r.ruleIds) {
        const core::Rule* rule = core::findRule(id);
        if (!rule) continue;
        std::printf("\n%s — %.*s\n  %.*s\n", id.c_str(), static_cast<int>(rule->title.size()), rule->title.data(),
                    static_cast<int>(rule->reason.size()), rule->reason.data());
    }
    if (r.level == core::Level::SelfCare)
        std::printf("\n%.*s\n", static_cast<int>(core::antiInflammatoryCautions().size()),
                    core::antiInflammatoryCautions().data());
    std::printf("\n%s\n", regionNumbersLine(code).c_str());
    return kExitOk;
}

}  // namespace cli
