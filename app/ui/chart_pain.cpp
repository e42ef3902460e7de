// Pain over time: bars for the worst pain of each day, dots for its average, a line for the
// 7-day average, with axes, a legend and the tapped or hovered day in words.
#include "ui/chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/words.hpp"
#include "ui/date_words.hpp"
#include "ui/draw.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

// [SECTION] the pain chart's pieces

struct Plot {
    ImVec2 min, max;  // the plotting area (inside the axes)
    float step = 1;   // width of one day
    float yFor(double pain) const { return max.y - static_cast<float>(pain / 10.0) * (max.y - min.y); }
    float xFor(size_t i) const { return min.x + (static_cast<float>(i) + 0.5f) * step; }
};

void drawYAxis(ImDrawList* dl, const Plot& p) {
    const Palette& pal = palette();
    ImFont* small = fonts().small;
    for (int v = 0; v <= 10; v += 2) {
        const float y = p.yFor(v);
        dl->AddLine(ImVec2(p.min.x, y), ImVec2(p.max.x, y), u32(pal.border, v == 0 ? 1.0f : 0.6f), v == 0 ? 1.5f : 1.0f);
        char buf[8];
        std::snprintf(buf, sizeof buf, "%d", v);
        const ImVec2 ts = textSize(small, buf);
        dl->AddText(small, small->FontSize, ImVec2(p.min.x - ts.x - em(0.4f), y - ts.y * 0.5f), u32(pal.textMuted), buf);
    }
}

// Date ticks anchored on the last day (today is always labelled), thinned to fit the width.
void drawXAxis(ImDrawList* dl, const Plot& p, std::span<const core::DayPoint> pts) {
    const Palette& pal = palette();
    ImFont* small = fonts().small;
    const size_t n = pts.size();
    const float labelW = textSize(small, "28 Sep").x + em(1.0f);
    const int fit = std::max(2, static_cast<int>((p.max.x - p.min.x) / labelW));
    enum class Unit { Day, Month, Year };
    struct Step { Unit unit; int every; };
    static constexpr Step kSteps[] = {{Unit::Day, 1},   {Unit::Day, 2},   {Unit::Day, 3},   {Unit::Day, 7},
                                      {Unit::Day, 14},  {Unit::Month, 1}, {Unit::Month, 2}, {Unit::Month, 3},
                                      {Unit::Month, 6}, {Unit::Year, 1},  {Unit::Year, 2},  {Unit::Year, 5}};
    Step step = kSteps[std::size(kSteps) - 1];
    for (const Step& s : kSteps) {
        const double per = s.unit == Unit::Day ? 1.0 : s.unit == Unit::Month ? 30.4 : 365.25;
        if (static_cast<double>(n) / (per * s.every) <= fit) {
            step = s;
            break;
        }
    }
    float lastRight = -FLT_MAX;
    for (size_t k = 0; k < n; ++k) {
        const size_t i = step.unit == Unit::Day ? n - 1 - k : k;  // day ticks count back from today
        const core::CivilDate& d = pts[i].day;
        char buf[24];
        if (step.unit == Unit::Day) {
            if (k % static_cast<size_t>(step.every) != 0) continue;
            std::snprintf(buf, sizeof buf, "%d %s", d.day, core::monthShort(d.month));
        } else if (step.unit == Unit::Month) {
            if (d.day != 1 || (d.month - 1) % step.every != 0) continue;
            if (d.month == 1 || lastRight == -FLT_MAX) std::snprintf(buf, sizeof buf, "%s %d", core::monthShort(d.month), d.year);
            else std::snprintf(buf, sizeof buf, "%s", core::monthShort(d.month));
        } else {
            if (d.day != 1 || d.month != 1 || d.year % step.every != 0) continue;
            std::snprintf(buf, sizeof buf, "%d", d.year);
        }
        const float x = p.xFor(i);
        const ImVec2 ts = textSize(small, buf);
        float left = std::clamp(x - ts.x * 0.5f, p.min.x - em(1.0f), p.max.x - ts.x);
        // Day ticks run right to left: skip a label that would touch the one already drawn.
        if (step.unit == Unit::Day ? (lastRight != -FLT_MAX && left + ts.x + em(0.4f) > lastRight)
                                   : left < lastRight + em(0.4f))
            continue;
        dl->AddLine(ImVec2(x, p.max.y), ImVec2(x, p.max.y + em(0.3f)), u32(pal.textMuted), 1.0f);
        dl->AddText(small, small->FontSize, ImVec2(left, p.max.y + em(0.4f)), u32(pal.textMuted), buf);
        lastRight = step.unit == Unit::Day ? left : left + ts.x;
    }
}

void drawSeries(ImDrawList* dl, const Plot& p, std::span<const core::DayPoint> pts, bool dots) {
    const Palette& pal = palette();
    const float barW = p.step >= 3.0f ? std::max(1.0f, p.step * 0.72f) : p.step + 0.4f;
    const float stub = std::max(2.0f, em(0.14f));  // a logged 0 is a value: a low stub, not a gap
    for (size_t i = 0; i < pts.size(); ++i) {
        if (!pts[i].maxPain) continue;
        const float x = p.xFor(i);
        const float top = std::min(p.yFor(*pts[i].maxPain), p.max.y - stub);
        dl->AddRectFilled(ImVec2(x - barW * 0.5f, top), ImVec2(x + barW * 0.5f, p.max.y), u32(painColor(*pts[i].maxPain)),
                          p.step >= em(0.8f) ? em(0.15f) : 0.0f, ImDrawFlags_RoundCornersTop);
    }
    // The 7-day average: one polyline per run of days that have a value (a gap breaks the line).
    const float thick = std::max(2.0f, em(0.16f));
    std::vector<ImVec2> run;
    const auto flush = [&] {
        if (run.size() == 1) dl->AddCircleFilled(run[0], thick, u32(pal.text));
        else if (run.size() > 1) dl->AddPolyline(run.data(), static_cast<int>(run.size()), u32(pal.text), 0, thick);
        run.clear();
    };
    for (size_t i = 0; i < pts.size(); ++i) {
        if (pts[i].rollingMean) run.emplace_back(p.xFor(i), p.yFor(*pts[i].rollingMean));
        else flush();
    }
    flush();
    if (!dots) return;
    const float r = std::clamp(p.step * 0.22f, 2.0f, em(0.24f));
    for (size_t i = 0; i < pts.size(); ++i)
        if (pts[i].meanPain) {
            const ImVec2 c(p.xFor(i), p.yFor(*pts[i].meanPain));
            dl->AddCircleFilled(c, r + 1.5f, u32(pal.surface));
            dl->AddCircleFilled(c, r, u32(pal.accent));
        }
}

// One legend entry: a small drawn symbol, then its words; entries flow onto new lines.
void legendEntry(int kind, const char* text, bool first) {
    const Palette& pal = palette();
    const float sw = em(1.3f);
    flowItem(sw + ImGui::CalcTextSize(text).x + em(1.2f), first);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cy = pos.y + h * 0.5f;
    if (kind == 0) {  // bars: three heights in three pain colours
        for (int k = 0; k < 3; ++k) {
            const float x = pos.x + em(0.1f) + static_cast<float>(k) * em(0.42f);
            const float top = pos.y + h * (0.55f - 0.2f * static_cast<float>(k));
            dl->AddRectFilled(ImVec2(x, top), ImVec2(x + em(0.32f), pos.y + h), u32(painColor(2 + 3 * k)));
        }
    } else if (kind == 1) {
        dl->AddCircleFilled(ImVec2(pos.x + sw * 0.5f, cy), em(0.24f), u32(pal.accent));
    } else if (kind == 2) {
        dl->AddLine(ImVec2(pos.x, cy), ImVec2(pos.x + sw, cy), u32(pal.text), std::max(2.0f, em(0.16f)));
    } else {  // a gap: an empty dashed slot on the axis
        for (float x = pos.x; x < pos.x + sw; x += em(0.3f))
            dl->AddLine(ImVec2(x, pos.y + h * 0.8f), ImVec2(std::min(x + em(0.15f), pos.x + sw), pos.y + h * 0.8f),
                        u32(pal.textMuted), 1.5f);
    }
    ImGui::Dummy(ImVec2(sw, h));
    ImGui::SameLine(0, em(0.4f));
    ImGui::TextUnformatted(text);
}

}  // namespace

std::string describeDay(const core::DayPoint& p) {
    char buf[160];
    std::string s = longDate(p.day) + ": ";
    if (p.maxPain) {
        std::snprintf(buf, sizeof buf, "worst %d, average %.1f (%d episode%s)", *p.maxPain, p.meanPain.value_or(0),
                      p.episodes, p.episodes == 1 ? "" : "s");
        s += buf;
    } else {
        s += "nothing logged";
    }
    if (p.rollingMean) {
        std::snprintf(buf, sizeof buf, "; 7-day average %.1f", *p.rollingMean);
        s += buf;
    }
    return s;
}

void painChart(const char* id, std::span<const core::DayPoint> points, float height, int& selected) {
    const Palette& pal = palette();
    const float plotStep = points.empty() ? 0.0f : (ImGui::GetContentRegionAvail().x - em(2.4f)) / static_cast<float>(points.size());
    const bool dots = plotStep >= em(0.3f);
    if (layout().narrow) ImGui::PushFont(fonts().small);
    legendEntry(0, "Worst pain of the day", true);
    if (dots) legendEntry(1, "Average of the day", false);
    legendEntry(2, "7-day average", false);
    legendEntry(3, "No bar: nothing logged", false);
    if (layout().narrow) ImGui::PopFont();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton(id, ImVec2(w, height));
    recordItem(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Plot p;
    ImFont* small = fonts().small;
    dl->AddText(small, small->FontSize, origin, u32(pal.textMuted), "Pain (0\xE2\x80\x93" "10)");
    p.min = ImVec2(origin.x + em(2.0f), origin.y + small->FontSize + em(0.6f));
    p.max = ImVec2(origin.x + w - em(0.4f), origin.y + height - small->FontSize - em(0.6f));
    p.step = points.empty() ? 1.0f : (p.max.x - p.min.x) / static_cast<float>(points.size());
    drawYAxis(dl, p);
    if (points.empty()) return;
    drawXAxis(dl, p, points);
    int hovered = -1;
    if (ImGui::IsItemHovered()) {
        const float mx = ImGui::GetIO().MousePos.x;
        hovered = std::clamp(static_cast<int>((mx - p.min.x) / p.step), 0, static_cast<int>(points.size()) - 1);
        if (ImGui::IsItemClicked()) selected = hovered;
    }
    for (int mark : {selected, hovered}) {
        if (mark < 0 || mark >= static_cast<int>(points.size())) continue;
        const float x = p.xFor(static_cast<size_t>(mark));
        const float half = std::max(p.step * 0.5f, 1.5f);
        dl->AddRectFilled(ImVec2(x - half, p.min.y), ImVec2(x + half, p.max.y), u32(pal.accent, 0.16f));
    }
    drawSeries(dl, p, points, dots);
    if (hovered >= 0) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(describeDay(points[static_cast<size_t>(hovered)]).c_str());
        ImGui::EndTooltip();
    }
}

}  // namespace ui
