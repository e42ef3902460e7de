#include "ui/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr const char* kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

ImU32 u32(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// Text centred on `c` in the given font.
void centredText(ImDrawList* dl, ImFont* font, ImVec2 c, ImU32 col, const char* text) {
    const float size = font->FontSize;
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    dl->AddText(font, size, ImVec2(std::round(c.x - ts.x * 0.5f), std::round(c.y - ts.y * 0.5f)), col, text);
}

ImVec2 textSize(ImFont* font, const char* text) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text); }

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
            std::snprintf(buf, sizeof buf, "%d %s", d.day, kMonths[d.month - 1]);
        } else if (step.unit == Unit::Month) {
            if (d.day != 1 || (d.month - 1) % step.every != 0) continue;
            if (d.month == 1 || lastRight == -FLT_MAX) std::snprintf(buf, sizeof buf, "%s %d", kMonths[d.month - 1], d.year);
            else std::snprintf(buf, sizeof buf, "%s", kMonths[d.month - 1]);
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

// [SECTION] dates in words

std::string longDate(const core::CivilDate& d) {
    const int64_t days = core::daysFromCivil(d);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %d %s %d", kWeekdays[((days % 7) + 7) % 7], d.day, kMonths[d.month - 1], d.year);
    return buf;
}

std::string shortDate(const core::CivilDate& d) { return std::to_string(d.day) + " " + kMonths[d.month - 1]; }

std::string monthYear(int year, int month) { return std::string(kMonths[std::clamp(month, 1, 12) - 1]) + " " + std::to_string(year); }

std::string dayHeading(const core::CivilDate& d, const core::CivilDate& today, bool shortYear) {
    std::string date = longDate(d);
    if (shortYear && d.year == today.year) date.resize(date.size() - 5);  // drop " 2026"
    if (d == today) return "Today, " + date;
    if (d == core::addDays(today, -1)) return "Yesterday, " + date;
    return date;
}

std::string sideWords(const std::string& side) {
    if (side == "left") return "Left knee";
    if (side == "right") return "Right knee";
    if (side == "both") return "Both knees";
    return "Side not given";
}

// [SECTION] words and marks

std::string termLabels(std::span<const core::Term> terms, const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (n.empty()) continue;
        const core::Term* t = core::findTerm(terms, n);
        if (!out.empty()) out += ", ";
        out += t ? std::string(t->label) : n;
    }
    return out;
}

std::string fitText(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    size_t lo = 0, hi = text.size();
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        while (mid > 0 && (static_cast<unsigned char>(text[mid]) & 0xC0) == 0x80) --mid;
        if (mid <= lo) break;
        if (ImGui::CalcTextSize((text.substr(0, mid) + "\xE2\x80\xA6").c_str()).x <= width) lo = mid;
        else hi = mid - 1;
    }
    return text.substr(0, lo) + "\xE2\x80\xA6";
}

const char* alertWords(core::Level level) {
    switch (level) {
    case core::Level::Emergency: return "\xE2\x9A\xA0 emergency";
    case core::Level::Urgent: return "\xE2\x9A\xA0 urgent";
    default: return "\xE2\x9A\xA0 doctor soon";
    }
}

float alertPill(ImDrawList* dl, float x, float cy, core::Level level, bool alignRight) {
    const char* text = alertWords(level);
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float w = ts.x + em(1.0f);
    const ImVec2 a(alignRight ? x - w : x, cy - ts.y * 0.5f - em(0.2f));
    dl->AddRectFilled(a, ImVec2(a.x + w, cy + ts.y * 0.5f + em(0.2f)), u32(levelColor(level)), em(0.6f));
    dl->AddText(ImVec2(a.x + em(0.5f), a.y + em(0.2f)), u32(levelTextColor(level)), text);
    return w;
}

// [SECTION] cards

void beginCard(const char* id, float width, float height, bool scroll) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, p.border);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, em(0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(layout().narrow ? 0.8f : 1.1f), em(0.8f)));
    ImGui::BeginChild(id, ImVec2(width, height), true,
                      scroll ? ImGuiWindowFlags_None : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

float endCard() {
    const float needed = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    return std::ceil(needed);
}

void cardTitle(const char* text) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

bool periodChoice(const char* idPrefix, std::span<const PeriodChoice> choices, size_t& selected) {
    bool changed = false;
    if (!layout().narrow) {
        for (size_t i = 0; i < choices.size(); ++i) {
            flowItem(ImGui::CalcTextSize(choices[i].label).x + em(2.6f), i == 0);
            if (chip(choices[i].label, selected == i)) {
                changed = selected != i;
                selected = i;
            }
            recordItem(std::string(idPrefix) + choices[i].key);
        }
        return changed;
    }
    const float gap = em(0.3f);
    const float w = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(choices.size() - 1)) /
                    static_cast<float>(choices.size());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, ImGui::GetStyle().ItemSpacing.y));
    for (size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const Palette& p = palette();
        const bool on = selected == i;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent : p.surface);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accentText : p.text);
        ImGui::PushStyleColor(ImGuiCol_Border, on ? p.accent : p.border);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, em(0.5f));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.1f), ImGui::GetStyle().FramePadding.y));
        ImGui::PushFont(on ? fonts().bold : fonts().regular);
        const std::string label = (on ? std::string("\xE2\x9C\x93 ") : std::string()) + choices[i].shortLabel + "##" + choices[i].key;
        if (ImGui::Button(label.c_str(), ImVec2(w, layout().minTouch))) {
            changed = selected != i;
            selected = i;
        }
        ImGui::PopFont();
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(3);
        recordItem(std::string(idPrefix) + choices[i].key);
    }
    ImGui::PopStyleVar();
    return changed;
}

void field(const char* label, const std::string& value) {
    if (value.empty()) return;
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(palette().textMuted, "%s", label);
    ImGui::PopFont();
    ImGui::TextWrapped("%s", value.c_str());
}

bool emptyCard(const char* id, float& height, const char* title, const char* text, const char* button,
               const char* buttonKey) {
    beginCard(id, 0, height > 0 ? height : em(10.0f));
    cardTitle(title);
    ImGui::TextWrapped("%s", text);
    ImGui::Spacing();
    const bool clicked = primaryButton(button);
    recordItem(buttonKey);
    height = endCard();
    return clicked;
}

// [SECTION] charts

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

void calendarHeatMap(const char* id, std::span<const core::CalendarMonth> months, const core::CivilDate& from,
                     const core::CivilDate& to) {
    const Palette& pal = palette();
    ImFont* small = fonts().small;
    const float labelW = textSize(small, "Sep 2026").x + em(0.6f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pitch = std::clamp((avail - labelW) / 31.0f, 4.0f, em(2.0f));
    const float gap = std::max(1.0f, std::round(pitch * 0.12f));
    const float cell = pitch - gap;
    const float rowPitch = std::max(pitch, small->FontSize + em(0.25f));  // narrow screens: taller than wide
    const bool numbers = cell >= textSize(small, "10").x + em(0.25f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float headerH = small->FontSize + em(0.3f);
    const float height = headerH + rowPitch * static_cast<float>(months.size());
    ImGui::InvisibleButton(id, ImVec2(labelW + pitch * 31.0f, std::max(height, 1.0f)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int d = 1; d <= 31; ++d) {
        if (!numbers && d != 1 && d % 5 != 0) continue;
        const std::string t = std::to_string(d);
        centredText(dl, small, ImVec2(origin.x + labelW + pitch * (static_cast<float>(d) - 0.5f), origin.y + small->FontSize * 0.5f),
                    u32(pal.textMuted), t.c_str());
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool hovering = ImGui::IsItemHovered();
    for (size_t m = 0; m < months.size(); ++m) {
        const core::CalendarMonth& cm = months[m];
        const float y = origin.y + headerH + rowPitch * static_cast<float>(m);
        const std::string label = monthYear(cm.year, cm.month);
        dl->AddText(small, small->FontSize, ImVec2(origin.x, y + (rowPitch - gap - small->FontSize) * 0.5f), u32(pal.textMuted),
                    label.c_str());
        for (int d = 1; d <= cm.days; ++d) {
            const core::CivilDate day{cm.year, cm.month, d};
            if (day < from || to < day) continue;
            const ImVec2 a(origin.x + labelW + pitch * static_cast<float>(d - 1), y);
            const ImVec2 b(a.x + cell, a.y + rowPitch - gap);
            const auto& v = cm.maxPain[static_cast<size_t>(d - 1)];
            if (v) dl->AddRectFilled(a, b, u32(painColor(*v)), cell * 0.18f);
            else dl->AddRect(a, b, u32(pal.border), cell * 0.18f, 0, 1.0f);
            if (v && numbers)
                centredText(dl, small, ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), u32(painTextColor(*v)),
                            std::to_string(*v).c_str());
            if (day == to) dl->AddRect(ImVec2(a.x - gap, a.y - gap), ImVec2(b.x + gap, b.y + gap), u32(pal.text), cell * 0.2f, 0, 1.5f);
            if (hovering && mouse.x >= a.x && mouse.x < b.x + gap && mouse.y >= a.y && mouse.y < b.y + gap) {
                ImGui::BeginTooltip();
                if (v) ImGui::Text("%s: worst pain %d", longDate(day).c_str(), *v);
                else ImGui::Text("%s: nothing logged", longDate(day).c_str());
                ImGui::EndTooltip();
            }
        }
    }
}

void painScaleLegend() {
    ImFont* small = fonts().small;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(small);
    ImGui::TextColored(palette().textMuted, "Colour = worst pain of the day:");
    const float gap = em(0.2f);
    const float size = std::clamp((ImGui::GetContentRegionAvail().x - gap * 10.0f) / 11.0f, small->FontSize + 2.0f, em(1.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (int v = 0; v <= 10; ++v) {
        if (v > 0) ImGui::SameLine();
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(size, size));
        dl->AddRectFilled(a, ImVec2(a.x + size, a.y + size), u32(painColor(v)), size * 0.18f);
        centredText(dl, small, ImVec2(a.x + size * 0.5f, a.y + size * 0.5f), u32(painTextColor(v)), std::to_string(v).c_str());
    }
    ImGui::PopStyleVar();
    const char* none = "nothing logged";
    flowItem(size + em(1.2f) + ImGui::CalcTextSize(none).x, false);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    dl->AddRect(a, ImVec2(a.x + size, a.y + size), u32(palette().border), size * 0.18f, 0, 1.0f);
    ImGui::SameLine(0, em(0.4f));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (size - ImGui::GetFontSize()) * 0.5f);
    ImGui::TextColored(palette().textMuted, "%s", none);
    ImGui::PopFont();
}

void countBars(const char* id, std::span<const BarItem> items, int total) {
    const Palette& pal = palette();
    const float avail = ImGui::GetContentRegionAvail().x;
    float labelW = 0;
    for (const BarItem& it : items) labelW = std::max(labelW, ImGui::CalcTextSize(it.label.c_str()).x);
    labelW = std::min(labelW + em(0.6f), avail * 0.48f);
    const float countW = ImGui::CalcTextSize("9999 \xC2\xB7 100%").x + em(0.4f);
    const float barMax = std::max(em(2.0f), avail - labelW - countW);
    const float rowH = ImGui::GetTextLineHeight() + em(0.45f);
    int top = 1;
    for (const BarItem& it : items) top = std::max(top, it.count);
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const BarItem& it : items) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(avail, rowH));
        const float ty = pos.y + (rowH - ImGui::GetTextLineHeight()) * 0.5f;
        ImGui::PushClipRect(pos, ImVec2(pos.x + labelW - em(0.3f), pos.y + rowH), true);
        dl->AddText(ImVec2(pos.x, ty), u32(pal.text), it.label.c_str());
        ImGui::PopClipRect();
        const float len = std::max(2.0f, barMax * static_cast<float>(it.count) / static_cast<float>(top));
        dl->AddRectFilled(ImVec2(pos.x + labelW, pos.y + em(0.2f)), ImVec2(pos.x + labelW + len, pos.y + rowH - em(0.2f)),
                          u32(pal.accent, 0.85f), em(0.2f));
        char buf[48];
        const int pct = total > 0 ? static_cast<int>(std::lround(100.0 * it.count / total)) : 0;
        std::snprintf(buf, sizeof buf, "%d \xC2\xB7 %d%%", it.count, pct);
        dl->AddText(ImVec2(pos.x + labelW + len + em(0.4f), ty), u32(pal.text), buf);
    }
    ImGui::PopID();
}

void painChip(ImDrawList* dl, ImVec2 min, float size, int pain) {
    dl->AddRectFilled(min, ImVec2(min.x + size, min.y + size), u32(painColor(pain)), size * 0.22f);
    ImFont* font = fonts().bold;
    centredText(dl, font, ImVec2(min.x + size * 0.5f, min.y + size * 0.5f), u32(painTextColor(pain)), std::to_string(pain).c_str());
}

}  // namespace ui
