#include "core/journal.hpp"

#include <algorithm>

#include "core/stats.hpp"

namespace core {

std::vector<HistoryDay> historyDays(std::span<const Episode> episodes) {
    std::vector<HistoryDay> out;
    for (const DaySummary& d : summarizeDays(episodes))
        out.push_back(HistoryDay{d.day, d.episodes, d.maxPain, d.meanPain, d.swelling});
    return out;
}

Journal::Journal(JournalRepository& repo, Clock clock) : m_repo(repo), m_clock(std::move(clock)) {}

Result<SaveOutcome> Journal::add(Episode e) { return save(std::move(e), true); }

Result<SaveOutcome> Journal::edit(Episode e) {
    if (e.id <= 0) return makeError(ErrorCode::Invalid, "edit: no episode chosen");
    return save(std::move(e), false);
}

// The history rules look at the last two weeks as they will be once this save is committed,
// computed before the write so the episode and every alert it raises go in one transaction.
Result<TriageResult> Journal::newHistoryFindings(const Episode& e, bool isNew) {
    const int64_t now = m_clock();
    const CivilDate today = localFromUtc(now).date;
    const DateRange window{addDays(today, -(kHistoryWindowDays - 1)), today};
    auto recent = m_repo.episodes(window, 100000, 0);
    if (!recent) return recent.error();
    std::vector<Episode> list = std::move(*recent);
    if (!isNew) std::erase_if(list, [&](const Episode& x) { return x.id == e.id; });
    list.push_back(e);
    TriageResult found = triageHistory(historyDays(list), today);

    auto previous = m_repo.alerts(DateRange{addDays(today, -kHistoryWindowDays), std::nullopt});
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

Result<SaveOutcome> Journal::save(Episode e, bool isNew) {
    normalize(e);
    const int64_t now = m_clock();
    if (auto v = validate(e, now); !v) return v.error();
    if (isNew) e.recordedAtUtc = now;

    SaveOutcome out;
    out.episodeTriage = triageEpisode(e);
    auto history = newHistoryFindings(e, isNew);
    if (!history) return history.error();
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
Result<void> Journal::undelete(int64_t id) { return m_repo.undelete(id); }
Result<void> Journal::acknowledge(int64_t alertId) { return m_repo.acknowledgeAlert(alertId, m_clock()); }

std::string Journal::emergencyNumber() {
    auto v = m_repo.setting(kEmergencyNumberKey);
    if (v && v->has_value() && !(*v)->empty()) return **v;
    return kDefaultEmergencyNumber;
}

Result<void> Journal::setEmergencyNumber(const std::string& number) {
    static const char* kKnown[] = {"112", "999", "911", "000"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return number == k; }))
        return makeError(ErrorCode::Invalid, "emergency number: choose 112, 999, 911 or 000");
    return m_repo.setSetting(kEmergencyNumberKey, number);
}

}  // namespace core
