#include "ui/history_model.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/vocabulary.hpp"
#include "core/words.hpp"

namespace ui {

namespace {

constexpr int kPageSize = 64;
constexpr size_t kMaxPages = 16;
constexpr int kScanPage = 500;

using AlertLevels = std::map<int64_t, core::Level>;

HistoryRow makeRow(const core::Episode& e, const AlertLevels& alerts) {
    HistoryRow r;
    r.id = e.id;
    r.day = e.startedAt.date;
    r.pain = e.pain;
    r.time = core::formatTime(e.startedAt);
    r.side = core::sideWords(e.side);
    r.type = core::termLabels(core::painTypeTerms(), {e.painType});
    // Where behind the knee first (the knee map), then the symptoms, on the row's muted line.
    r.symptoms = core::termLabels(core::whereTerms(), e.where);
    if (!r.symptoms.empty() && !e.symptoms.empty()) r.symptoms += " \xC2\xB7 ";
    r.symptoms += core::termLabels(core::symptomTerms(), e.symptoms);
    if (auto it = alerts.find(e.id); it != alerts.end()) r.alert = it->second;
    size_t end = std::min(e.note.find('\n'), e.note.size());
    if (end > 160)  // cut before the character that straddles byte 160
        for (end = 160; end > 0 && (static_cast<unsigned char>(e.note[end]) & 0xC0) == 0x80;) --end;
    if (end > 0) r.note = "\xE2\x80\x9C" + e.note.substr(0, end) + (end < e.note.size() ? "\xE2\x80\xA6\xE2\x80\x9D" : "\xE2\x80\x9D");
    return r;
}

// The highest alert level (doctor soon or above) of each episode in the range.
AlertLevels alertLevels(core::Journal& journal, const core::DateRange& range) {
    AlertLevels out;
    auto alerts = journal.alerts(range);
    if (!alerts) return out;
    for (const core::Alert& a : *alerts)
        if (a.level >= core::Level::Soon) out[a.episodeId] = std::max(out[a.episodeId], a.level);
    return out;
}

}  // namespace

void HistoryModel::refresh(core::Journal& journal, uint64_t version, const HistoryFilter& filter) {
    if (m_built && version == m_version && filter == m_filter) return;
    *this = HistoryModel{};
    m_built = true;
    m_version = version;
    m_filter = filter;
    auto all = journal.countEpisodes({});
    m_journalEmpty = all && *all == 0;
    if (filter.note.empty()) groupsFromSummaries(journal);
    else scanNotes(journal);
    int offset = 0;
    for (size_t g = 0; g < m_groups.size(); ++g) {
        m_rows.push_back({static_cast<int>(g), -1});
        for (int i = 0; i < m_groups[g].episodes; ++i) m_rows.push_back({static_cast<int>(g), offset++});
    }
    m_episodes = offset;
}

const HistoryRow* HistoryModel::episode(core::Journal& journal, int offset) {
    if (!m_filter.note.empty()) return offset < static_cast<int>(m_matches.size()) ? &m_matches[static_cast<size_t>(offset)] : nullptr;
    const int page = offset / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) it = loadPage(journal, page);
    const size_t i = static_cast<size_t>(offset % kPageSize);
    return i < it->second.size() ? &it->second[i] : nullptr;
}

void HistoryModel::groupsFromSummaries(core::Journal& journal) {
    auto days = journal.daySummaries(m_filter.range);
    if (!days) return fail(days.error());
    for (auto it = days->rbegin(); it != days->rend(); ++it) m_groups.push_back({it->day, it->episodes, it->maxPain});
}

void HistoryModel::scanNotes(core::Journal& journal) {
    auto alerts = alertLevels(journal, m_filter.range);
    for (int offset = 0;; offset += kScanPage) {
        auto page = journal.episodesWithNote(m_filter.range, m_filter.note, kScanPage, offset);
        if (!page) return fail(page.error());
        for (const core::Episode& e : *page) m_matches.push_back(makeRow(e, alerts));
        if (static_cast<int>(page->size()) < kScanPage) break;
    }
    for (const HistoryRow& r : m_matches) {
        if (m_groups.empty() || m_groups.back().day != r.day) m_groups.push_back({r.day, 0, 0});
        m_groups.back().episodes++;
        m_groups.back().maxPain = std::max(m_groups.back().maxPain, r.pain);
    }
}

std::map<int, HistoryModel::Page>::iterator HistoryModel::loadPage(core::Journal& journal, int page) {
    if (m_pages.size() >= kMaxPages) {  // forget the page farthest from this one
        auto far = std::max_element(m_pages.begin(), m_pages.end(), [page](const auto& a, const auto& b) {
            return std::abs(a.first - page) < std::abs(b.first - page);
        });
        m_pages.erase(far);
    }
    Page rows;
    auto episodes = journal.episodes(m_filter.range, kPageSize, page * kPageSize);
    if (!episodes) fail(episodes.error());
    else if (!episodes->empty()) {
        const auto alerts = alertLevels(journal, {episodes->back().startedAt.date, episodes->front().startedAt.date});
        for (const core::Episode& e : *episodes) rows.push_back(makeRow(e, alerts));
    }
    return m_pages.emplace(page, std::move(rows)).first;
}

}  // namespace ui
