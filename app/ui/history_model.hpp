#pragma once
// The History screen's row model: every episode, newest first, grouped by day. The day groups
// come from the store's daily summary, the episodes are read a page at a time as they scroll
// into view, and both are cached per data version and filter, so thousands of rows scroll
// smoothly through an ImGuiListClipper.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/journal.hpp"
#include "core/triage.hpp"

namespace ui {

struct HistoryFilter {
    core::DateRange range;
    std::string note;  // lower-case ASCII; empty: no note filter
    bool operator==(const HistoryFilter& o) const {
        return range.from == o.range.from && range.to == o.range.to && note == o.note;
    }
};

struct DayGroup {
    core::CivilDate day;
    int episodes = 0, maxPain = 0;
};

struct RowRef {
    int group = 0, episode = -1;  // episode: offset in the filtered list, newest first; -1: the day's header
};

// One episode as a row shows it, prepared once when its page is read.
struct HistoryRow {
    int64_t id = 0;
    core::CivilDate day;
    int pain = 0;
    std::string time, side, type, symptoms;
    std::optional<core::Level> alert;
    std::string note;  // the note's first line, shortened
};

class HistoryModel {
public:
    // Rebuilds the day groups when the data or the filter changed; pages are dropped then too.
    void refresh(core::Journal& journal, uint64_t version, const HistoryFilter& filter);
    // The episode at `offset` (newest first), reading its page when it is not cached.
    const HistoryRow* episode(core::Journal& journal, int offset);

    int rowCount() const { return static_cast<int>(m_rows.size()); }
    const RowRef& row(int i) const { return m_rows[static_cast<size_t>(i)]; }
    const DayGroup& group(int g) const { return m_groups[static_cast<size_t>(g)]; }
    int episodes() const { return m_episodes; }
    int days() const { return static_cast<int>(m_groups.size()); }
    bool journalEmpty() const { return m_journalEmpty; }
    const std::string& error() const { return m_error; }

private:
    using Page = std::vector<HistoryRow>;
    void groupsFromSummaries(core::Journal& journal);
    // The note filter asks SQL for the matches once per change and keeps them.
    void scanNotes(core::Journal& journal);
    std::map<int, Page>::iterator loadPage(core::Journal& journal, int page);
    void fail(const core::Error& e) { m_error = e.message; }

    HistoryFilter m_filter;
    uint64_t m_version = 0;
    bool m_built = false, m_journalEmpty = false;
    std::vector<DayGroup> m_groups;
    std::vector<RowRef> m_rows;
    std::map<int, Page> m_pages;
    Page m_matches;
    int m_episodes = 0;
    std::string m_error;
};

}  // namespace ui
