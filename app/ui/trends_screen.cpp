// The Trends screen: is the knee getting better, and what makes it worse? Pain over time, a
// calendar of the worst pain each day, how often each symptom, situation, pain type and knee
// came up, and a plain-words comparison of the last two weeks with the two before. The figures
// come from the store's SQL aggregates (daily summary; symptom, context, pain type and side
// counts; alerts), fetched when the data version, the range or the day changes; a frame only
// draws the cached model.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "core/stats.hpp"
#include "core/vocabulary.hpp"
#include "core/words.hpp"
#include "ui/app.hpp"
#include "ui/cards.hpp"
#include "ui/chart.hpp"
#include "ui/fonts.hpp"
#include "ui/insights_view.hpp"
#include "ui/peg_chart.hpp"
#include "ui/period_choice.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr PeriodChoice kRanges[] = {{"2w", "2 weeks", "2 wk"}, {"1m", "1 month", "1 mo"}, {"3m", "3 months", "3 mo"},
                                    {"1y", "1 year", "1 yr"},   {"all", "All", "All"}};
constexpr int kRangeDays[] = {14, 30, 91, 365, 0};  // 0: everything logged
constexpr size_t kDefaultRange = 2;
constexpr int kCalendarMaxMonths = 12;

struct TrendsModel {
    core::CivilDate today, from, calendarFrom;
    bool anyData = false;
    std::vector<core::DayPoint> series;
    std::vector<core::CalendarMonth> calendar;
    std::vector<BarItem> symptoms, contexts, types, sides;
    std::vector<core::NameCount> where;  // episodes per knee-map region
    std::string whereSide;               // the knee(s) the map shows: "left", "right" or "both"
    int episodes = 0, daysLogged = 0, rangeDays = 0, streak = 0;
    core::Comparison comparison;
    core::Insights insights;  // what helps and what hurts in the range
    std::vector<core::PegEntry> peg;  // the weekly check-ins of the range, oldest first
    std::string error;
};

// [SECTION] building the model (the only place that queries)

std::vector<BarItem> labelled(const std::vector<core::NameCount>& counts, std::span<const core::Term> terms) {
    std::vector<BarItem> out;
    for (const auto& c : counts) out.push_back({core::termLabel(terms, c.name), c.count});
    return out;
}

std::vector<BarItem> sorted(const std::map<std::string, int>& counts) {
    std::vector<BarItem> out;
    for (const auto& [label, n] : counts) out.push_back({label, n});
    std::stable_sort(out.begin(), out.end(), [](const BarItem& a, const BarItem& b) { return a.count > b.count; });
    return out;
}

// Episodes in the range that raised a red-flag alert of their own (not a trend alert).
core::Result<int> redFlagEpisodes(core::Journal& journal, core::CivilDate from, core::CivilDate to) {
    auto alerts = journal.alerts(core::DateRange{from, to});
    if (!alerts) return alerts.error();
    std::set<int64_t> ids;
    for (const core::Alert& a : *alerts)
        if (!a.fromHistory && a.level >= core::Level::Soon) ids.insert(a.episodeId);
    return static_cast<int>(ids.size());
}

// Pain type and side counts for the range (grouped in SQL), with the person's words as labels.
void typeAndSide(const core::NameCounts& counts, TrendsModel& m) {
    std::map<std::string, int> typeLabels, sideLabels;
    for (const auto& t : counts.painTypes)
        typeLabels[t.name.empty() ? std::string("Not given") : core::termLabel(core::painTypeTerms(), t.name)] += t.count;
    for (const auto& sd : counts.sides) sideLabels[core::sideWords(sd.name)] += sd.count;
    m.types = sorted(typeLabels);
    m.sides = sorted(sideLabels);
}

// The drawings the Trends map shows: the one knee logged, or both when both or either were.
std::string mapSide(const std::vector<core::NameCount>& sides) {
    bool left = false, right = false;
    for (const auto& sd : sides) {
        left = left || sd.name == "left" || sd.name == "both";
        right = right || sd.name == "right" || sd.name == "both";
    }
    return left && !right ? "left" : right && !left ? "right" : "both";
}

// The first day of the month `back` months before `d`'s month.
core::CivilDate monthStart(core::CivilDate d, int back) {
    const int index = d.year * 12 + (d.month - 1) - back;
    return core::CivilDate{index / 12, index % 12 + 1, 1};
}

core::Result<TrendsModel> buildModel(core::Journal& journal, core::CivilDate today, int rangeDays) {
    TrendsModel m;
    m.today = today;
    auto all = journal.daySummaries({});
    if (!all) return all.error();
    const auto first = core::firstLoggedDay(*all);
    m.anyData = first.has_value();
    m.from = rangeDays > 0 ? core::addDays(today, -(rangeDays - 1)) : std::min(first.value_or(today), today);
    m.rangeDays = static_cast<int>(core::daysFromCivil(today) - core::daysFromCivil(m.from) + 1);
    m.series = core::dailySeries(*all, m.from, today);
    m.daysLogged = core::daysLogged(*all, m.from, today);
    m.streak = core::currentStreak(*all, today);
    // The calendar shows the range, but at least the last 3 months and at most the last 12.
    m.calendarFrom = std::max(monthStart(today, kCalendarMaxMonths - 1), std::min(m.from, monthStart(today, 2)));
    m.calendar = core::calendarMonths(*all, m.calendarFrom, today);

    const core::DateRange period{m.from, today};
    auto counts = journal.nameCounts(period);
    auto count = journal.countEpisodes(period);
    if (!counts) return counts.error();
    if (!count) return count.error();
    m.symptoms = labelled(counts->symptoms, core::symptomTerms());
    m.contexts = labelled(counts->contexts, core::contextTerms());
    m.episodes = static_cast<int>(*count);
    typeAndSide(*counts, m);
    m.where = counts->where;
    m.whereSide = mapSide(counts->sides);

    const int n = core::kComparisonDays;
    auto recent = redFlagEpisodes(journal, core::addDays(today, -(n - 1)), today);
    auto before = redFlagEpisodes(journal, core::addDays(today, -(2 * n - 1)), core::addDays(today, -n));
    if (!recent) return recent.error();
    if (!before) return before.error();
    m.comparison = core::compareFortnights(*all, today, *recent, *before);
    auto insights = journal.insights(period);
    if (!insights) return insights.error();
    m.insights = std::move(*insights);
    auto peg = journal.pegEntries(period);
    if (!peg) return peg.error();
    m.peg = std::move(*peg);
    return m;
}

// [SECTION] the screen

enum Card { kCompare, kLogging, kChart, kCalendar, kWhere, kSymptoms, kContexts, kTypes, kSides, kPeg, kInsights, kEmpty, kCardCount };

class TrendsScreen final : public Screen {
public:
    void draw(App& app) override {
        core::Journal* journal = app.journal();
        if (!journal) return;
        refresh(app, *journal);
        heading("Trends");
        hint("How your pain changes over weeks and months. Tap or hover a day for its values.");
        ImGui::Spacing();
        drawRangeChoice();
        if (!m_model.error.empty()) {
            ImGui::TextColored(palette().danger, "The trends could not be read: %s", m_model.error.c_str());
            return;
        }
        ImGui::Spacing();
        if (!m_model.anyData) drawEmpty(app);
        // On a phone the chart comes first, so it is on the first screen.
        if (layout().narrow) drawChart();
        if (m_model.anyData) drawSummary();
        if (!layout().narrow) drawChart();
        if (!m_model.anyData) return;
        drawCalendar();
        drawWhere(app);
        drawCounts();
        card(kPeg, "##peg", 0, 0, [&] { drawPegTrend(m_model.peg); });
        ImGui::Spacing();
        card(kInsights, "##insights", 0, 0, [&] { drawInsights(m_model.insights, m_openFinding); });
        ImGui::Dummy(ImVec2(0, em(0.5f)));
    }

private:
    void refresh(App& app, core::Journal& journal) {
        const uint64_t version = app.dataVersion();
        const core::CivilDate today = core::localFromUtc(journal.now()).date;
        if (m_loaded && version == m_version && m_range == m_builtRange && today == m_model.today) return;
        m_loaded = true;
        m_version = version;
        m_builtRange = m_range;
        m_selectedDay = -1;
        auto built = buildModel(journal, today, kRangeDays[m_range]);
        if (built) m_model = std::move(*built);
        else {
            m_model = TrendsModel{};
            m_model.today = today;
            m_model.error = built.error().message;
        }
    }

    void drawRangeChoice() { periodChoice("trends:range:", kRanges, m_range); }

    // Two cards side by side on wide screens, one above the other on phones.
    bool twoColumns() const { return !layout().narrow && ImGui::GetContentRegionAvail().x > em(36.0f); }
    float columnWidth() const { return (ImGui::GetContentRegionAvail().x - em(1.0f)) * 0.5f; }

    void card(Card id, const char* name, float width, float height, const std::function<void()>& body) {
        beginCard(name, width, height > 0 ? height : (m_height[id] > 0 ? m_height[id] : em(12.0f)));
        body();
        m_height[id] = endCard();
    }

    void pair(Card a, const char* nameA, const std::function<void()>& bodyA, Card b, const char* nameB,
              const std::function<void()>& bodyB) {
        if (!twoColumns()) {
            card(a, nameA, 0, 0, bodyA);
            ImGui::Spacing();
            card(b, nameB, 0, 0, bodyB);
            return;
        }
        const float w = columnWidth();
        const float h = std::max(m_height[a], m_height[b]);
        card(a, nameA, w, h, bodyA);
        ImGui::SameLine(0, em(1.0f));
        card(b, nameB, w, h, bodyB);
    }

    void drawEmpty(App& app) {
        if (emptyCard("##empty", m_height[kEmpty], "Nothing to show yet",
                      "Your trends appear here once you have logged a few days: the worst and average pain of each "
                      "day, a calendar, and what comes up most often. A pain number alone is enough.",
                      "Log how your knee is now", "trends:log"))
            app.show(ScreenId::Log);
        ImGui::Spacing();
    }

    void drawSummary() {
        const TrendsModel& m = m_model;
        pair(kCompare, "##compare", [&] {
            sectionTitle("The last two weeks");
            ImGui::PushFont(fonts().heading);
            ImGui::TextWrapped("%s", m.comparison.headline.c_str());
            ImGui::PopFont();
            for (const auto& line : m.comparison.details) hint(line.c_str());
        }, kLogging, "##logging", [&] {
            sectionTitle("Keeping the journal");
            ImGui::PushFont(fonts().heading);
            ImGui::Text("%d of %d days logged", m.daysLogged, m.rangeDays);
            ImGui::PopFont();
            ImGui::Text("Current streak: %d day%s in a row", m.streak, m.streak == 1 ? "" : "s");
            hint("The streak counts up to today once you have logged today, and up to yesterday until then.");
        });
        ImGui::Spacing();
    }

    void drawChart() {
        card(kChart, "##chart", 0, 0, [&] {
            sectionTitle("Pain over time");
            const float h = layout().narrow ? em(13.0f) : std::clamp(ImGui::GetIO().DisplaySize.y * 0.34f, em(14.0f), em(24.0f));
            painChart("trends:chart", m_model.series, h, m_selectedDay);
            const auto& s = m_model.series;
            if (m_selectedDay >= 0 && m_selectedDay < static_cast<int>(s.size()))
                ImGui::TextWrapped("%s", describeDay(s[static_cast<size_t>(m_selectedDay)]).c_str());
            else if (!m_model.anyData)
                hint("No entries yet: the chart fills in as you log.");
            else
                hint("Tap a day in the chart to see its values here.");
        });
        ImGui::Spacing();
    }

    void drawCalendar() {
        card(kCalendar, "##calendar", 0, 0, [&] {
            sectionTitle("Worst pain each day");
            calendarHeatMap("trends:calendar", m_model.calendar, m_model.calendarFrom, m_model.today);
            ImGui::Spacing();
            painScaleLegend();
        });
        ImGui::Spacing();
    }

    // The knee map shaded by how often each place was marked in the period, with the counts written.
    void drawWhere(App& app) {
        card(kWhere, "##where", 0, 0, [&] {
            sectionTitle("Where behind the knee");
            int marked = 0;
            for (const auto& c : m_model.where) marked += c.count;
            if (marked == 0) {
                hint("No place was marked on the knee map in this period. The Log screen has the map.");
                return;
            }
            hint("How many episodes marked each place in this period: the darker, the more often.");
            const float avail = ImGui::GetContentRegionAvail().x;
            const float w = std::min(em(16.0f), (avail - em(1.0f)) * (m_model.whereSide == "both" ? 0.5f : 1.0f));
            kneeMapShown(app.assets().pictures, "trends-map", m_model.whereSide, MapMarks{{}, &m_model.where}, w);
        });
        ImGui::Spacing();
    }

    void bars(const char* title, const std::vector<BarItem>& items, const char* none) {
        sectionTitle(title);
        char sub[96];
        std::snprintf(sub, sizeof sub, "Out of %d episode%s in this period", m_model.episodes, m_model.episodes == 1 ? "" : "s");
        hint(sub);
        if (items.empty()) hint(none);
        else countBars(title, items, m_model.episodes);
    }

    void drawCounts() {
        const TrendsModel& m = m_model;
        pair(kSymptoms, "##symptoms", [&] { bars("Symptoms", m.symptoms, "No symptoms ticked in this period."); },
             kContexts, "##contexts", [&] { bars("When it hurts", m.contexts, "No situations ticked in this period."); });
        ImGui::Spacing();
        pair(kTypes, "##types", [&] { bars("Type of pain", m.types, "Nothing logged in this period."); },
             kSides, "##sides", [&] { bars("Which knee", m.sides, "Nothing logged in this period."); });
        ImGui::Dummy(ImVec2(0, em(0.5f)));
    }

    TrendsModel m_model;
    std::array<float, kCardCount> m_height{};
    uint64_t m_version = 0;
    size_t m_range = kDefaultRange, m_builtRange = kDefaultRange;
    bool m_loaded = false;
    int m_selectedDay = -1;
    std::string m_openFinding;
};

}  // namespace

std::unique_ptr<Screen> makeTrendsScreen() { return std::make_unique<TrendsScreen>(); }

}  // namespace ui
