// The journal service's PEG weekly check-in and medication relief (see journal.hpp).
#include "core/journal.hpp"

#include <algorithm>

namespace core {

namespace {
// The prompt looks at the newest entries only: one logged 1-4 hours ago is among them.
constexpr int kReliefLookBack = 20;
}  // namespace

Result<PegEntry> Journal::addPeg(PegEntry p) {
    const int64_t now = m_clock();
    if (auto v = validatePeg(p, now); !v) return v.error();
    p.recordedAtUtc = now;
    auto id = m_repo.addPeg(p);
    if (!id) return id.error();
    p.id = *id;
    return p;
}

Result<std::vector<PegEntry>> Journal::pegEntries(const DateRange& range) { return m_repo.pegEntries(range); }

Result<bool> Journal::pegDue() {
    // First offered once the journal is a week old: the questions are about the past week.
    const CivilDate weekAgo = addDays(localFromUtc(m_clock()).date, -kPegOfferDays);
    auto older = m_repo.countEpisodes(DateRange{std::nullopt, weekAgo});
    if (!older) return older.error();
    if (*older == 0) return false;
    auto all = m_repo.pegEntries({});
    if (!all) return all.error();
    auto s = settings();
    if (!s) return s.error();
    std::optional<int64_t> last;
    for (const PegEntry& p : *all) last = std::max(last.value_or(p.recordedAtUtc), p.recordedAtUtc);
    return core::pegDue(m_clock(), last, s->pegDismissedAt);
}

Result<void> Journal::dismissPeg() {
    auto s = settings();
    if (!s) return s.error();
    s->pegDismissedAt = m_clock();
    return saveSettings(*s);
}

Result<void> Journal::setRelief(int64_t episodeId, std::optional<Relief> relief) {
    auto e = m_repo.episode(episodeId);
    if (!e) return e.error();
    if (!*e || (*e)->deletedAtUtc)
        return makeError(ErrorCode::NotFound, "There is no episode " + std::to_string(episodeId));
    if (!hasMedication(**e))
        return makeError(ErrorCode::Invalid, "relief: episode " + std::to_string(episodeId) +
                                                 " has no medication to rate. Nothing was changed.");
    return m_repo.setRelief(episodeId, relief ? std::optional<int>(static_cast<int>(*relief)) : std::nullopt, m_clock());
}

Result<std::optional<Episode>> Journal::reliefToAsk() {
    auto newest = m_repo.episodes({}, kReliefLookBack, 0);
    if (!newest) return newest.error();
    auto s = settings();
    if (!s) return s.error();
    return core::reliefToAsk(*newest, m_clock(), s->reliefAskedUpTo);
}

Result<void> Journal::reliefAsked(int64_t episodeId) {
    auto s = settings();
    if (!s) return s.error();
    if (episodeId <= s->reliefAskedUpTo) return {};
    s->reliefAskedUpTo = episodeId;
    return saveSettings(*s);
}

}  // namespace core
