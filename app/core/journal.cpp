#include "core/journal.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "core/stats.hpp"

namespace core {

std::vector<HistoryDay> historyDays(std::span<const Episode> episodes) {
    std::vector<HistoryDay> out;
    std::map<int64_t, std::size_t> index;  // local day -> position in `out`
    for (const DaySummary& d : summarizeDays(episodes)) {
        index[daysFromCivil(d.day)] = out.size();
        out.push_back(HistoryDay{d.day, d.episodes, d.maxPain, d.meanPain, d.swelling});
    }
    // What was logged each day, for the "new" signs of the episode rules and for H4.
    for (const Episode& logged : episodes) {
        const auto at = index.find(daysFromCivil(logged.startedAt.date));
        if (logged.deletedAtUtc || at == index.end()) continue;
        const Episode e = asTriageReads(logged);  // `below` was calf pain that day too
        HistoryDay& d = out[at->second];
        d.swellingWithWarmth = d.swellingWithWarmth || (e.hasSymptom("swelling") && e.hasSymptom("warmth"));
        d.symptoms.insert(d.symptoms.end(), e.symptoms.begin(), e.symptoms.end());
        d.contexts.insert(d.contexts.end(), e.when.begin(), e.when.end());
    }
    for (HistoryDay& d : out)
        for (auto* v : {&d.symptoms, &d.contexts}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
    return out;
}

TriageContext contextFor(const Episode& e, std::span<const Episode> episodes, std::vector<std::string> risks) {
    const int64_t day = daysFromCivil(e.startedAt.date);
    std::vector<Episode> before;
    for (const Episode& x : episodes) {
        if (e.id != 0 && x.id == e.id) continue;
        const int64_t d = daysFromCivil(x.startedAt.date);
        if (d >= day - kHistoryWindowDays && d < day) before.push_back(x);
    }
    std::sort(risks.begin(), risks.end());
    risks.erase(std::unique(risks.begin(), risks.end()), risks.end());
    return TriageContext{std::move(risks), historyDays(before)};
}

Journal::Journal(JournalRepository& repo, Clock clock) : m_repo(repo), m_clock(std::move(clock)) {}

Result<SaveOutcome> Journal::add(Episode e, const std::vector<std::string>& extraRisks) {
    return save(std::move(e), true, extraRisks);
}

Result<SaveOutcome> Journal::edit(Episode e) {
    if (e.id <= 0) return makeError(ErrorCode::Invalid, "edit: no episode chosen");
    return save(std::move(e), false, {});
}

// The episode rules read the 14 days before the episode's own day; the history rules read the
// last two weeks as they will be once this save is committed. Both are computed before the write
// so the episode and every alert it raises go in one transaction.
Result<Journal::Evaluation> Journal::evaluateBeforeSave(const Episode& e, bool isNew,
                                                        const std::vector<std::string>& extraRisks) {
    const CivilDate today = localFromUtc(m_clock()).date;
    const CivilDate day = e.startedAt.date;
    const CivilDate from = std::min(addDays(day, -kHistoryWindowDays), addDays(today, -(kHistoryWindowDays - 1)));
    const CivilDate to = std::max(day, today);
    auto recent = m_repo.episodes(DateRange{from, to}, 1000000, 0);
    if (!recent) return recent.error();
    std::vector<Episode> list = std::move(*recent);
    if (!isNew) std::erase_if(list, [&](const Episode& x) { return x.id == e.id; });

    auto prof = profile();
    if (!prof) return prof.error();
    std::vector<std::string> risks = prof->riskNames();
    risks.insert(risks.end(), extraRisks.begin(), extraRisks.end());

    Evaluation out;
    out.episode = triageEpisode(e, contextFor(e, list, std::move(risks)));
    list.push_back(e);
    out.history = triageHistory(historyDays(list), today);
    return out;
}

// H alerts are not raised again within a week of the same rule's last history alert.
Result<TriageResult> Journal::withoutRepeats(TriageResult found) {
    const int64_t now = m_clock();
    // Every alert, not only those of recent episodes: a history alert carried by a back-dated
    // episode was still shown this week (the check is on shownAtUtc).
    auto previous = m_repo.alerts(DateRange{});
    if (!previous) return previous.error();
    std::erase_if(found.ruleIds, [&](const std::string& id) {
        return std::any_of(previous->begin(), previous->end(), [&](const Alert& a) {
            return a.fromHistory && now - a.shownAtUtc < kHistoryRepeatSeconds &&
                   std::find(a.ruleIds.begin(), a.ruleIds.end(), id) != a.ruleIds.end();
        });
    });
    if (found.ruleIds.empty()) return TriageResult{};
    // Re-derive level and articles from the rules that remain.
    TriageResult kept;
    for (const auto& id : found.ruleIds) {
        const Rule* r = findRule(id);
        if (!r) continue;
        kept.level = std::max(kept.level, r->level);
        kept.ruleIds.push_back(id);
        for (auto a : r->articles)
            if (std::find(kept.articles.begin(), kept.articles.end(), a) == kept.articles.end())
                kept.articles.emplace_back(a);
    }
    return kept;
}

Result<TriageResult> Journal::evaluate(Episode e, const std::vector<std::string>& extraRisks) {
    normalize(e);
    if (auto v = validate(e, m_clock()); !v) return v.error();
    for (const auto& r : extraRisks)
        if (auto c = checkRiskName(r); !c) return c.error();
    auto found = evaluateBeforeSave(e, true, extraRisks);
    if (!found) return found.error();
    TriageResult all = std::move(found->episode);
    for (const auto& id : found->history.ruleIds) {
        all.ruleIds.push_back(id);
        for (const auto& a : findRule(id)->articles)
            if (std::find(all.articles.begin(), all.articles.end(), a) == all.articles.end()) all.articles.emplace_back(a);
    }
    all.level = std::max(all.level, found->history.level);
    orderArticles(all.articles, e);
    return all;
}

Result<SaveOutcome> Journal::save(Episode e, bool isNew, const std::vector<std::string>& extraRisks) {
    normalize(e);
    const int64_t now = m_clock();
    if (auto v = validate(e, now); !v) return v.error();
    for (const auto& r : extraRisks)
        if (auto c = checkRiskName(r); !c) return c.error();
    if (isNew) e.recordedAtUtc = now;
    e.editedAtUtc = now;  // what a merge compares (merge_rules.md)

    auto found = evaluateBeforeSave(e, isNew, extraRisks);
    if (!found) return found.error();
    auto history = withoutRepeats(std::move(found->history));
    if (!history) return history.error();
    SaveOutcome out;
    out.episodeTriage = std::move(found->episode);
    out.historyTriage = std::move(*history);
    out.level = std::max(out.episodeTriage.level, out.historyTriage.level);

    std::vector<Alert> alerts;
    if (!out.episodeTriage.ruleIds.empty() && out.episodeTriage.level > Level::SelfCare)
        alerts.push_back(Alert{0, e.id, out.episodeTriage.level, out.episodeTriage.ruleIds, false, now, {}});
    if (!out.historyTriage.ruleIds.empty())
        alerts.push_back(Alert{0, e.id, out.historyTriage.level, out.historyTriage.ruleIds, true, now, {}});

    if (isNew) {
        auto id = m_repo.addEpisode(e, alerts);
        if (!id) return id.error();
        out.id = *id;
    } else {
        if (auto r = m_repo.updateEpisode(e, alerts); !r) return r.error();
        out.id = e.id;
    }
    return out;
}

Result<void> Journal::remove(int64_t id) { return m_repo.softDelete(id, m_clock()); }
Result<void> Journal::undelete(int64_t id) { return m_repo.undelete(id, m_clock()); }
Result<void> Journal::acknowledge(int64_t alertId) { return m_repo.acknowledgeAlert(alertId, m_clock()); }

Result<Profile> Journal::profile() {
    Profile p;
    auto region = m_repo.setting(kRegionKey);
    if (!region) return region.error();
    if (region->has_value() && findRegion(**region)) {
        p.region = **region;
    } else {
        // Journals from before red flags version 2 stored only a number; keep what it meant.
        auto legacy = m_repo.setting(kLegacyEmergencyNumberKey);
        if (!legacy) return legacy.error();
        if (legacy->has_value()) {
            const std::string& n = **legacy;
            p.region = n == "999" ? "uk" : n == "911" ? "us" : n == "000" ? "au" : "";
        }
    }
    auto risks = m_repo.setting(kRisksKey);
    if (!risks) return risks.error();
    if (risks->has_value()) p.risks = decodeRisks(**risks);
    return p;
}

std::string Journal::region() {
    auto p = profile();
    return p ? p->region : std::string();
}

Result<void> Journal::setRegion(const std::string& code) {
    if (auto c = checkRegionCode(code); !c) return c;
    return m_repo.setSettings({{kRegionKey, code}, {kRegionEditedKey, std::to_string(m_clock())}});
}

Result<void> Journal::setRisk(const std::string& risk, bool on) {
    if (auto c = checkRiskName(risk); !c) return c;
    auto p = profile();
    if (!p) return p.error();
    if (on) p->set(risk, m_clock());
    else p->unset(risk);
    return m_repo.setSettings({{kRisksKey, encodeRisks(p->risks)}, {kRisksEditedKey, std::to_string(m_clock())}});
}

Result<std::vector<Episode>> Journal::episodes(const DateRange& range) {
    return m_repo.episodes(range, std::numeric_limits<int>::max(), 0);
}

Result<Insights> Journal::insights(const DateRange& range) {
    auto list = episodes(range);
    if (!list) return list.error();
    return computeInsights(*list);
}

}  // namespace core
