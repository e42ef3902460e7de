// The journal service's reading side and the person's settings: what the screens and the CLI
// read, so neither reaches the storage behind it (see journal.hpp).
#include <algorithm>
#include <climits>
#include <functional>
#include <optional>

#include "core/demo.hpp"

#include "core/journal.hpp"

namespace core {

namespace {

// The storage keys of Settings; only this file spells them.
constexpr const char* kThemeKey = "theme";
constexpr const char* kFontScaleKey = "font_scale";
constexpr const char* kLastSideKey = "last_side";
constexpr const char* kDisclaimerKey = "disclaimer_acknowledged";
constexpr const char* kDraftKey = "log_draft";
constexpr const char* kPegDismissedKey = "peg_dismissed_utc";
constexpr const char* kReliefAskedKey = "relief_asked_up_to";

Result<std::string> text(JournalRepository& repo, const char* key) {
    auto v = repo.setting(key);
    if (!v) return v.error();
    return v->value_or(std::string());
}

// A stored number; nullopt when not set, `unreadable` when set but not a number.
Result<std::optional<int64_t>> number(JournalRepository& repo, const char* key, int64_t unreadable) {
    auto v = repo.setting(key);
    if (!v) return v.error();
    if (!v->has_value()) return std::optional<int64_t>{};
    try {
        return std::optional<int64_t>(std::stoll(**v));
    } catch (...) {
        return std::optional<int64_t>(unreadable);
    }
}

}  // namespace

Result<std::vector<Episode>> Journal::episodes(const DateRange& range, int limit, int offset) {
    return m_repo.episodes(range, limit, offset);
}

Result<std::vector<Episode>> Journal::episodesWithNote(const DateRange& range, const std::string& text, int limit,
                                                       int offset) {
    return m_repo.episodesWithNote(range, text, limit, offset);
}

Result<std::optional<Episode>> Journal::episode(int64_t id) { return m_repo.episode(id); }
Result<int64_t> Journal::countEpisodes(const DateRange& range) { return m_repo.countEpisodes(range); }
Result<std::vector<DaySummary>> Journal::daySummaries(const DateRange& range) { return m_repo.daySummaries(range); }
Result<std::vector<Alert>> Journal::alerts(const DateRange& range) { return m_repo.alerts(range); }
uint64_t Journal::dataVersion() { return m_repo.dataVersion(); }
Result<std::optional<std::string>> Journal::dailyBackup(CivilDate today) { return m_repo.dailyBackup(today); }

Result<NameCounts> Journal::nameCounts(const DateRange& range) {
    NameCounts out;
    auto symptoms = m_repo.symptomCounts(range);
    if (!symptoms) return symptoms.error();
    auto contexts = m_repo.contextCounts(range);
    if (!contexts) return contexts.error();
    auto sides = m_repo.sideCounts(range);
    if (!sides) return sides.error();
    auto types = m_repo.painTypeCounts(range);
    if (!types) return types.error();
    auto where = m_repo.whereCounts(range);
    if (!where) return where.error();
    out.where = std::move(*where);
    out.symptoms = std::move(*symptoms);
    out.contexts = std::move(*contexts);
    out.sides = std::move(*sides);
    out.painTypes = std::move(*types);
    return out;
}

Result<std::vector<PendingAlert>> Journal::pendingAlerts() {
    auto pending = m_repo.pendingAlerts(Level::Urgent);
    if (!pending) return pending.error();
    std::vector<PendingAlert> out;
    for (Alert& a : *pending) {
        auto e = m_repo.episode(a.episodeId);
        if (!e) return e.error();
        out.push_back(PendingAlert{std::move(a), std::move(*e)});
    }
    return out;
}

Result<std::vector<char32_t>> Journal::typedCharacters() {
    auto texts = m_repo.textsBeyondAscii();
    if (!texts) return texts.error();
    std::vector<char32_t> out;
    for (const std::string& text : *texts)
        for (std::size_t i = 0; i < text.size();) {
            const char32_t c = decodeUtf8(text, i);
            if (c >= 0x80) out.push_back(c);
        }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<ExportData> Journal::exportData(const DateRange& range) { return loadExportData(m_repo, range); }

namespace {

// One keyset read: the `limit` rows after (or before) the cursor, in the reading's order.
using KeysetRead = std::function<Result<std::vector<Episode>>(const std::optional<EpisodeCursor>&, int)>;

// Pages through `read`, each page starting where the last one ended; returns how many rows.
Result<std::size_t> pageThrough(const KeysetRead& read, int pageSize, const Journal::EpisodePage& page) {
    const int limit = std::max(1, pageSize);
    std::optional<EpisodeCursor> cursor;
    std::size_t seen = 0;
    for (;;) {
        auto rows = read(cursor, limit);
        if (!rows) return rows.error();
        if (rows->empty()) break;
        seen += rows->size();
        cursor = EpisodeCursor{rows->back().startedAt, rows->back().id};
        page(*rows);
        if (rows->size() < static_cast<std::size_t>(limit)) break;
    }
    return seen;
}

// The pages of `read`, refused (Busy) when the journal changed while they were read.
Result<std::size_t> pageWhole(Journal& journal, const KeysetRead& read, int pageSize, const Journal::EpisodePage& page) {
    const uint64_t version = journal.dataVersion();
    auto seen = pageThrough(read, pageSize, page);
    if (!seen) return seen;
    if (auto same = journal.unchangedSince(version); !same) return same.error();
    return seen;
}

}  // namespace

Result<std::size_t> Journal::forEachEpisode(const DateRange& range, int pageSize, const EpisodePage& page) {
    return pageWhole(*this, [&](const std::optional<EpisodeCursor>& after, int limit) {
        return m_repo.episodesAfter(range, after, limit);
    }, pageSize, page);
}

Result<std::size_t> Journal::forEachEpisodeNewestFirst(const DateRange& range, int pageSize, const EpisodePage& page) {
    return pageWhole(*this, [&](const std::optional<EpisodeCursor>& before, int limit) {
        return m_repo.episodesBefore(range, before, limit);
    }, pageSize, page);
}

// Another program writing meanwhile could move rows between pages: refused rather than half-right.
Result<void> Journal::unchangedSince(uint64_t version) {
    if (dataVersion() != version)
        return makeError(ErrorCode::Busy, "The journal changed while it was being read; nothing was written. Try again.");
    return {};
}

Result<ImportPlan> Journal::planImport(std::string_view csv) {
    auto p = profile();
    if (!p) return p.error();
    return core::planImport(m_repo, csv, m_clock(), p->riskNames());
}

Result<void> Journal::commitImport(const ImportPlan& plan) {
    if (plan.toAdd.empty()) return {};
    return m_repo.addEpisodes(plan.toAdd, {});
}

Result<std::size_t> Journal::addSample(int days, uint64_t seed) {
    const LocalDateTime now = localFromUtc(m_clock());
    auto episodes = demoEpisodes(now.date, days, seed, now.offsetMinutes);
    const int64_t nowUtc = toUtcSeconds(now);
    std::erase_if(episodes, [&](const Episode& e) { return toUtcSeconds(e.startedAt) > nowUtc; });
    std::stable_sort(episodes.begin(), episodes.end(),
                     [](const Episode& a, const Episode& b) { return toUtcSeconds(a.startedAt) < toUtcSeconds(b.startedAt); });
    std::vector<std::pair<Episode, std::vector<Alert>>> batch;
    batch.reserve(episodes.size());
    std::size_t windowStart = 0;  // the first episode within the 14 days before the current one's day
    for (std::size_t i = 0; i < episodes.size(); ++i) {
        const Episode& e = episodes[i];
        const int64_t day = daysFromCivil(e.startedAt.date);
        while (daysFromCivil(episodes[windowStart].startedAt.date) < day - kHistoryWindowDays) ++windowStart;
        const std::span<const Episode> window(episodes.data() + windowStart, i - windowStart);
        const TriageResult r = triageEpisode(e, contextFor(e, window, {}));
        std::vector<Alert> alerts;
        if (r.level > Level::SelfCare) {
            Alert a{0, 0, r.level, r.ruleIds, false, toUtcSeconds(e.startedAt), {}};
            a.acknowledgedAtUtc = a.shownAtUtc + 120;  // the sample person read their past alerts
            alerts.push_back(a);
        }
        batch.emplace_back(e, std::move(alerts));
    }
    // A year of weekly check-ins at most, the last yesterday (always in the past).
    const auto checkins = demoPeg(episodes, addDays(now.date, -1), std::min(days / 7, 52), seed);
    if (auto r = m_repo.addEpisodes(batch, checkins); !r) return r.error();
    return batch.size();
}

Result<Settings> Journal::settings() {
    Settings s;
    struct Field { const char* key; std::string* value; };
    for (const Field& f : {Field{kThemeKey, &s.theme}, Field{kFontScaleKey, &s.fontScale}, Field{kLastSideKey, &s.lastSide},
                           Field{kPaperSettingKey, &s.paper}, Field{kDraftKey, &s.logDraft}}) {
        auto v = text(m_repo, f.key);
        if (!v) return v.error();
        *f.value = std::move(*v);
    }
    auto seen = number(m_repo, kDisclaimerKey, 0);  // acknowledged even when the time cannot be read
    if (!seen) return seen.error();
    s.disclaimerSeenAt = *seen;
    auto peg = number(m_repo, kPegDismissedKey, 0);
    if (!peg) return peg.error();
    s.pegDismissedAt = *peg;
    auto asked = number(m_repo, kReliefAskedKey, 0);
    if (!asked) return asked.error();
    s.reliefAskedUpTo = asked->value_or(0);
    return s;
}

Result<void> Journal::saveSettings(const Settings& s) {
    auto now = settings();
    if (!now) return now.error();
    struct Field { const char* key; const std::string& value; const std::string& stored; };
    std::vector<std::pair<std::string, std::string>> changed;
    for (const Field& f : {Field{kThemeKey, s.theme, now->theme}, Field{kFontScaleKey, s.fontScale, now->fontScale},
                           Field{kLastSideKey, s.lastSide, now->lastSide}, Field{kPaperSettingKey, s.paper, now->paper},
                           Field{kDraftKey, s.logDraft, now->logDraft}})
        if (f.value != f.stored) changed.emplace_back(f.key, f.value);
    if (s.disclaimerSeenAt && s.disclaimerSeenAt != now->disclaimerSeenAt)
        changed.emplace_back(kDisclaimerKey, std::to_string(*s.disclaimerSeenAt));
    if (s.pegDismissedAt && s.pegDismissedAt != now->pegDismissedAt)
        changed.emplace_back(kPegDismissedKey, std::to_string(*s.pegDismissedAt));
    if (s.reliefAskedUpTo != now->reliefAskedUpTo)
        changed.emplace_back(kReliefAskedKey, std::to_string(s.reliefAskedUpTo));
    if (changed.empty()) return {};
    return m_repo.setSettings(changed);  // one transaction: all of it or nothing
}

}  // namespace core
