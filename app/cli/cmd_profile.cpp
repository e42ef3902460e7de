// kneelog profile | alerts: the person's region and risk profile, and the pinned alerts.
#include <climits>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/journal.hpp"
#include "core/vocabulary.hpp"

namespace cli {

int cmdProfile(Invocation& inv) {
    const std::vector<std::string> set = inv.all("set");
    const std::vector<std::string> unset = inv.all("unset");
    const std::optional<std::string> region = inv.get("region");
    for (const auto& r : set)
        if (auto c = core::checkRiskName(r); !c) return fail(c.error());
    for (const auto& r : unset)
        if (auto c = core::checkRiskName(r); !c) return fail(c.error());
    if (region)
        if (auto c = core::checkRegionCode(*region); !c) return fail(c.error());
    const bool changes = !set.empty() || !unset.empty() || region;
    auto store = changes ? openJournal(inv) : openForReading(inv, false);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    for (const auto& r : set)
        if (auto done = journal.setRisk(r, true); !done) return fail(done.error());
    for (const auto& r : unset)
        if (auto done = journal.setRisk(r, false); !done) return fail(done.error());
    if (region)
        if (auto done = journal.setRegion(*region); !done) return fail(done.error());
    auto profile = journal.profile();
    if (!profile) return fail(profile.error());
    if (inv.has("json")) {
        const nlohmann::json j = {{"risks", profile->riskNames()}, {"region", profile->region}};
        std::printf("%s\n", j.dump().c_str());
        return kExitOk;
    }
    const core::Region* r = core::findRegion(profile->region);
    std::printf("Region: %s\n", r ? std::string(r->name).c_str() : "not chosen");
    std::printf("%s\n", regionNumbersLine(profile->region).c_str());
    if (profile->risks.empty()) {
        std::printf("Risks: none ticked. Add one with: kneelog profile --set NAME (%s)\n",
                    core::validNames(core::riskTerms()).c_str());
        return kExitOk;
    }
    std::printf("Risks:\n");
    const auto due = profile->dueForReview(journal.now());
    for (const core::RiskMark& m : profile->risks) {
        const core::Term* t = core::findTerm(core::riskTerms(), m.name);
        const bool ask = std::find(due.begin(), due.end(), m.name) != due.end();
        std::printf("  %-24s %.*s (since %s)%s\n", m.name.c_str(), static_cast<int>(t->label.size()), t->label.data(),
                    core::formatDate(core::localFromUtc(m.setAtUtc).date).c_str(),
                    ask ? " — still true? kneelog profile --set NAME renews it, --unset NAME removes it" : "");
    }
    return kExitOk;
}

int cmdAlerts(Invocation& inv) {
    if (auto ack = inv.get("ack")) {
        const auto number = wholeNumber(*ack, 1, LLONG_MAX);
        if (!number) return usageError("alerts: '" + ack->substr(0, 40) + "' is not an alert id");
        const long long id = *number;
        if (!openForReading(inv, false)) return kExitFailure;  // never creates a journal to acknowledge in
        auto store = openJournal(inv);
        if (!store) return kExitFailure;
        core::Journal journal(*store);
        if (auto r = journal.acknowledge(id); !r) return fail(r.error());
        std::printf("Alert %lld acknowledged.\n", id);
        return kExitOk;
    }
    auto store = openForReading(inv, false);
    if (!store) return kExitFailure;
    core::Journal journal(*store);
    auto pending = journal.pendingAlerts();
    if (!pending) return fail(pending.error());
    nlohmann::json arr = nlohmann::json::array();
    for (const core::PendingAlert& p : *pending) {
        const core::Alert& a = p.alert;
        const nlohmann::json logged = p.episode ? nlohmann::json(core::formatIso(p.episode->startedAt)) : nlohmann::json(nullptr);
        arr.push_back({{"id", a.id}, {"level", std::string(core::levelName(a.level))}, {"rules", a.ruleIds},
                       {"episode_id", a.episodeId}, {"logged_at", logged}});
    }
    if (inv.has("json")) {
        std::printf("%s\n", arr.dump(2).c_str());
        return kExitOk;
    }
    if (arr.empty()) {
        std::printf("No emergency or urgent alerts are waiting.\n");
        return kExitOk;
    }
    for (const auto& a : arr) {
        std::string rules;
        for (const auto& r : a["rules"]) rules += (rules.empty() ? "" : ", ") + r.get<std::string>();
        std::printf("%-6lld %-10s logged %s  (%s)  acknowledge: kneelog alerts --ack %lld\n", a["id"].get<long long>(),
                    a["level"].get<std::string>().c_str(),
                    a["logged_at"].is_null() ? "-" : a["logged_at"].get<std::string>().c_str(), rules.c_str(),
                    a["id"].get<long long>());
    }
    return kExitOk;
}

}  // namespace cli
