#pragma once
// Charts for the History and Trends screens, drawn with ImDrawList (ImPlot is not packaged):
// pain over time, a calendar heat map, count bars; plus the cards and date words they share.
// Colour is never the only cue: bars have heights and axes, cells and chips carry numbers,
// and every chart answers a hover or a tap with the day's values in words.
#include <imgui.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/stats.hpp"
#include "core/triage.hpp"
#include "core/vocabulary.hpp"

namespace ui {

// [SECTION] dates in words
std::string longDate(const core::CivilDate& d);   // "Tue 24 Nov 2026"
std::string shortDate(const core::CivilDate& d);  // "24 Nov"
std::string monthYear(int year, int month);       // "Nov 2026"
// "Today, Tue 24 Nov 2026", "Yesterday, ...", else longDate(); without the year when it is
// this year and `shortYear` is set ("Tue 24 Nov").
std::string dayHeading(const core::CivilDate& d, const core::CivilDate& today, bool shortYear = false);
// "Left knee", "Right knee", "Both knees", "Side not given".
std::string sideWords(const std::string& side);

// [SECTION] words and marks
// The labels of `names` in `terms`, joined with ", " (an unknown name is shown as it is; an
// empty name is left out).
std::string termLabels(std::span<const core::Term> terms, const std::vector<std::string>& names);
// Cuts `text` to fit `width` in the current font, ending in "…" when cut (on a UTF-8 boundary).
std::string fitText(const std::string& text, float width);
// "⚠ emergency", "⚠ urgent", "⚠ doctor soon": an alert level in words, with its icon.
const char* alertWords(core::Level level);
// The alert level as a pill in its colour with its words, starting at x (ending there when
// `alignRight`), centred on `cy`; returns its width.
float alertPill(ImDrawList* dl, float x, float cy, core::Level level, bool alignRight);

// [SECTION] cards
// A bordered surface panel. Its height is what the content needed last frame (`height`; an
// estimate on the first frame); endCard() returns the height it needs now. A card that does not
// `scroll` passes the mouse wheel on to the page.
void beginCard(const char* id, float width, float height, bool scroll = false);
float endCard();
// A card's title in the bold font.
void cardTitle(const char* text);
// A muted label above its value, wrapped; nothing when the value is empty.
void field(const char* label, const std::string& value);
// A card for an empty screen: a title, a sentence and one button (true when tapped); `height`
// keeps the card's measured height between frames.
bool emptyCard(const char* id, float& height, const char* title, const char* text, const char* button,
               const char* buttonKey);

// One choice among a few periods: chips on wide screens; on phones one row of equal segments
// with the short labels, so it never wraps. Each is recorded as `idPrefix` + key for tests.
struct PeriodChoice {
    const char* key;
    const char* label;
    const char* shortLabel;
};
bool periodChoice(const char* idPrefix, std::span<const PeriodChoice> choices, size_t& selected);

// [SECTION] charts
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

// A pain score as a filled rounded square with the number always visible.
void painChip(ImDrawList* dl, ImVec2 min, float size, int pain);

}  // namespace ui
