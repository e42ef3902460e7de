#include "ui/peg_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/words.hpp"
#include "ui/draw.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

void pegChart(std::span<const core::PegEntry> pts, float height) {
    const Palette& pal = palette();
    ImFont* small = fonts().small;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float left = origin.x + textSize(small, "10").x + em(0.6f);
    const float right = origin.x + w - em(0.8f);
    const float top = origin.y + em(0.4f), bottom = origin.y + height - small->FontSize - em(0.5f);
    const auto y = [&](double v) { return bottom - static_cast<float>(v / 10.0) * (bottom - top); };
    const int64_t t0 = core::toUtcSeconds(pts.front().at), t1 = core::toUtcSeconds(pts.back().at);
    const auto x = [&](const core::PegEntry& p) {
        if (t1 == t0) return (left + right) * 0.5f;
        return left + static_cast<float>(core::toUtcSeconds(p.at) - t0) / static_cast<float>(t1 - t0) * (right - left);
    };
    // The band of +/- 2 points around the first score: inside it, no clear change.
    const double first = pts.front().score();
    dl->AddRectFilled(ImVec2(left, y(std::min(10.0, first + core::kPegMeaningfulChange))), ImVec2(right, y(std::max(0.0, first - core::kPegMeaningfulChange))),
                      u32(pal.accent, 0.12f));
    for (int v = 0; v <= 10; v += 5) {
        dl->AddLine(ImVec2(left, y(v)), ImVec2(right, y(v)), u32(pal.border, 0.7f), 1.0f);
        char buf[8];
        std::snprintf(buf, sizeof buf, "%d", v);
        const ImVec2 ts = textSize(small, buf);
        dl->AddText(small, small->FontSize, ImVec2(left - ts.x - em(0.3f), y(v) - ts.y * 0.5f), u32(pal.textMuted), buf);
    }
    for (std::size_t i = 1; i < pts.size(); ++i)
        dl->AddLine(ImVec2(x(pts[i - 1]), y(pts[i - 1].score())), ImVec2(x(pts[i]), y(pts[i].score())), u32(pal.accent),
                    std::max(2.0f, em(0.12f)));
    for (const core::PegEntry& p : pts) dl->AddCircleFilled(ImVec2(x(p), y(p.score())), em(0.3f), u32(pal.accent));
    // Dates of the first and the last check-in under the axis.
    for (const core::PegEntry* p : {&pts.front(), &pts.back()}) {
        const std::string d = std::to_string(p->at.date.day) + " " + core::monthShort(p->at.date.month);
        const ImVec2 ts = textSize(small, d.c_str());
        const float cx = std::clamp(x(*p) - ts.x * 0.5f, left, right - ts.x);
        dl->AddText(small, small->FontSize, ImVec2(cx, bottom + em(0.25f)), u32(pal.textMuted), d.c_str());
        if (pts.size() == 1) break;
    }
    ImGui::Dummy(ImVec2(w, height));
}

}  // namespace

void drawPegTrend(std::span<const core::PegEntry> pts) {
    sectionTitle("Weekly check-in (PEG)");
    recordItem("trends:peg");
    if (pts.empty()) {
        hint("No weekly check-ins in this period. The Log screen offers one each week: three numbers about "
             "the past week (pain, enjoyment of life, general activity).");
        return;
    }
    const core::PegEntry& last = pts.back();
    hint("The score is the mean of your three answers, 0 to 10; lower is better. The shaded band is 2 points "
         "either side of your first score.");
    pegChart(pts, em(layout().narrow ? 7.0f : 8.0f));
    char latest[160];
    std::snprintf(latest, sizeof latest, "Latest: %s on %d %s (pain %d, enjoyment of life %d, general activity %d).",
                  core::pegScoreText(last.score()).c_str(), last.at.date.day, core::monthShort(last.at.date.month),
                  last.pain, last.enjoyment, last.activity);
    ImGui::TextWrapped("%s", latest);
    if (const std::string words = core::pegChangeWords(pts); !words.empty()) ImGui::TextWrapped("%s", words.c_str());
    else hint("One check-in so far: the change shows from the second one on.");
}

}  // namespace ui
