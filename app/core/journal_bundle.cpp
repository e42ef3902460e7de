// The journal service's bundles: what a bundle carries, and a merge with triage in one write.
#include <algorithm>
#include <charconv>
#include <map>

#include "core/bundle.hpp"
#include "core/journal.hpp"

namespace core {

namespace {

constexpr int64_t kRecentSeconds = 24 * 3600;  // an alert older than this arrives acknowledged

int64_t parseTime(const std::optional<std::string>& text) {
    int64_t v = 0;
    if (text) std::from_chars(text->data(), text->data() + text->size(), v);
    return v;
}

// The journal as it will be after the plan is written, by uid (tombstones included).
std::map<std::string, Episode> afterMerge(const JournalSnapshot& local, const MergePlan& plan) {
    std::map<std::string, Episode> out;
    for (const Episode& e : local.episodes) out[e.uid] = e;
    for (const Episode& e : plan.write.update) out[e.uid] = e;
    for (const auto& [e, alerts] : plan.write.add) out[e.uid] = e;
    return out;
}

// The rule sets each entry's own alerts already carry (here and arriving with the plan).
std::map<std::string, std::vector<std::vector<std::string>>> knownRuleSets(const JournalSnapshot& local,
                                                                           const MergePlan& plan) {
    std::map<int64_t, std::string> uidOf;
    for (const Episode& e : local.episodes) uidOf[e.id] = e.uid;
    std::map<std::string, std::vector<std::vector<std::string>>> out;
    for (const ExchangeAlert& a : local.alerts)
        if (!a.alert.fromHistory) out[a.episodeUid].push_back(a.alert.ruleIds);
    for (const Alert& a : plan.write.addAlerts)
        if (!a.fromHistory) out[uidOf[a.episodeId]].push_back(a.ruleIds);
    for (const auto& [e, alerts] : plan.write.add)
        for (const Alert& a : alerts)
            if (!a.fromHistory) out[e.uid].push_back(a.ruleIds);
    return out;
}

// Adds `a` to the plan for the entry `uid` (new in the plan, or existing with `id`).
void attach(MergePlan& plan, const Episode& e, Alert a) {
    for (auto& [added, alerts] : plan.write.add)
        if (added.uid == e.uid) {
            alerts.push_back(std::move(a));
            return;
        }
    a.episodeId = e.id;
    plan.write.addAlerts.push_back(std::move(a));
}

}  // namespace

Result<PersonSettings> Journal::personSettings() {
    PersonSettings p;
    auto prof = profile();
    if (!prof) return prof.error();
    p.region = prof->region;
    p.risks = encodeRisks(prof->risks);
    for (auto [key, field] : {std::pair{kRegionEditedKey, &p.regionEditedAtUtc}, std::pair{kRisksEditedKey, &p.risksEditedAtUtc}}) {
        auto v = m_repo.setting(key);
        if (!v) return v.error();
        *field = parseTime(*v);
    }
    return p;
}

Result<JournalSnapshot> Journal::snapshot() {
    JournalSnapshot s;
    auto episodes = m_repo.allEpisodes();
    if (!episodes) return episodes.error();
    auto history = m_repo.episodeHistory();
    if (!history) return history.error();
    auto alerts = m_repo.allAlerts();
    if (!alerts) return alerts.error();
    auto person = personSettings();
    if (!person) return person.error();
    auto checkins = m_repo.pegEntries(DateRange{});
    if (!checkins) return checkins.error();
    s.checkins = std::move(*checkins);
    std::map<int64_t, std::string> uidOf;
    for (const Episode& e : *episodes) uidOf[e.id] = e.uid;
    for (const Alert& a : *alerts)
        if (auto it = uidOf.find(a.episodeId); it != uidOf.end()) s.alerts.push_back({it->second, a});
    s.episodes = std::move(*episodes);
    s.history = std::move(*history);
    s.person = std::move(*person);
    return s;
}

Result<std::string> Journal::bundleContent() {
    auto s = snapshot();
    if (!s) return s.error();
    return bundleJson(*s, m_clock());
}

// Triage reads the merged entries again, in the merged journal (the days before each and the
// person's merged risk profile), and the history rules once (merge_rules.md, "Triage").
Result<void> Journal::addMergeTriage(MergePlan& plan, const JournalSnapshot& local) {
    if (plan.retriage.empty()) return {};
    const std::map<std::string, Episode> all = afterMerge(local, plan);
    std::vector<Episode> live;
    for (const auto& [uid, e] : all)
        if (!e.deletedAtUtc) live.push_back(e);
    const auto dayOf = [](const Episode& e) { return daysFromCivil(e.startedAt.date); };
    std::stable_sort(live.begin(), live.end(), [&](const Episode& a, const Episode& b) { return dayOf(a) < dayOf(b); });
    const std::vector<std::string> risks = Profile{"", decodeRisks(local.person.risks)}.riskNames();
    auto known = knownRuleSets(local, plan);
    const int64_t now = m_clock();
    const Episode* newest = nullptr;
    for (const std::string& uid : plan.retriage) {
        const Episode& e = all.at(uid);
        if (!newest || toUtcSeconds(e.startedAt) > toUtcSeconds(newest->startedAt)) newest = &e;
        const auto from = std::lower_bound(live.begin(), live.end(), dayOf(e) - kHistoryWindowDays,
                                           [&](const Episode& x, int64_t d) { return dayOf(x) < d; });
        const auto to = std::lower_bound(from, live.end(), dayOf(e), [&](const Episode& x, int64_t d) { return dayOf(x) < d; });
        const TriageResult t =
            triageEpisode(e, contextFor(e, std::span<const Episode>(live.data() + (from - live.begin()), static_cast<std::size_t>(to - from)), risks));
        auto& sets = known[uid];
        if (t.level <= Level::SelfCare || std::find(sets.begin(), sets.end(), t.ruleIds) != sets.end()) continue;
        Alert a{0, 0, t.level, t.ruleIds, false, toUtcSeconds(e.startedAt), {}};
        if (now - a.shownAtUtc > kRecentSeconds) a.acknowledgedAtUtc = now;
        sets.push_back(t.ruleIds);
        attach(plan, e, std::move(a));
    }
    auto history = withoutRepeats(triageHistory(historyDays(live), localFromUtc(now).date));
    if (!history) return history.error();
    if (!history->ruleIds.empty() && newest)
        attach(plan, *newest, Alert{0, 0, history->level, history->ruleIds, true, now, {}});
    return {};
}

Result<MergePlan> Journal::planBundle(std::string_view content) {
    auto remote = parseBundle(content);
    if (!remote) return remote.error();
    auto local = snapshot();
    if (!local) return local.error();
    MergePlan plan = merge(*local, *remote, m_clock());
    JournalSnapshot merged = *local;
    merged.person = mergePerson(local->person, remote->person);
    if (auto r = addMergeTriage(plan, merged); !r) return r.error();
    return plan;
}

Result<MergeCounts> Journal::importBundle(std::string_view content, bool dryRun) {
    auto plan = planBundle(content);
    if (!plan) return plan.error();
    if (!dryRun && !plan->empty())
        if (auto r = m_repo.applyMerge(plan->write); !r) return r.error();
    return plan->counts;
}

}  // namespace core
