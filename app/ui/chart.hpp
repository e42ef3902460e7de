#pragma once
// Charts for the History, Trends and Export screens, drawn with ImDrawList (ImPlot is not
// packaged): pain over time (chart_pain.cpp), a calendar heat map (chart_calendar.cpp) and count
// bars (chart_bars.cpp). Colour is never the only cue: bars have heights and axes, cells carry
// numbers, and every chart answers a hover or a tap with the day's values in words.
#include <span>
#include <string>

#include "core/stats.hpp"

namespace ui {

// Pain over time: the worst pain of each day as bars (coloured by level, height = score), the
// day's average as dots, the 7-day average as a line; a 0-10 axis, date ticks and a legend.
// Days without entries are gaps. `selected` is the tapped day (an index into `points`, or -1)
// and changes when the person taps a day.
void painChart(const char* id, std::span<const core::DayPoint> points, float height, int& selected);
// One line describing a day of the series: "Tue 24 Nov 2026: worst 7, average 5.3 (3 episodes) ...".
std::string describeDay(const core::DayPoint& p);

// Months x days of the worst pain of each day, [from, to] only; numbers in the cells when they fit.
void calendarHeatMap(const char* id, std::span<const core::CalendarMonth> months, const core::CivilDate& from,
                     const core::CivilDate& to);
// The 0-10 colour ramp with its numbers, and the empty "nothing logged" cell.
void painScaleLegend();

struct BarItem {
    std::string label;
    int count = 0;
};
// Horizontal bars, longest first as given, each with its count and its share of `total`.
void countBars(const char* id, std::span<const BarItem> items, int total);

}  // namespace ui
