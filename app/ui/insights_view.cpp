#include "ui/insights_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/words.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

// A bar from -range to +range with a zero line, the interval as a line and the estimate as a dot.
// Lower pain is the calm colour, higher pain the warm one; an interval across 0 is muted.
void intervalBar(const core::Interval& i, float range) {
    const float w = std::min(ImGui::GetContentRegionAvail().x, em(14.0f)), h = em(0.9f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto x = [&](double v) {
        return p.x + w * 0.5f + static_cast<float>(std::clamp(v / range, -1.0, 1.0)) * w * 0.5f;
    };
    const Palette& pal = palette();
    const ImU32 colour = ImGui::GetColorU32(i.includesZero() ? pal.textMuted : i.estimate < 0 ? pal.accent : pal.danger);
    dl->AddLine(ImVec2(p.x, p.y + h * 0.5f), ImVec2(p.x + w, p.y + h * 0.5f), ImGui::GetColorU32(pal.border), 1.0f);
    dl->AddLine(ImVec2(x(0), p.y), ImVec2(x(0), p.y + h), ImGui::GetColorU32(pal.text), 1.0f);
    dl->AddLine(ImVec2(x(i.low), p.y + h * 0.5f), ImVec2(x(i.high), p.y + h * 0.5f), colour, std::max(2.0f, em(0.18f)));
    dl->AddCircleFilled(ImVec2(x(i.estimate), p.y + h * 0.5f), em(0.28f), colour);
    ImGui::Dummy(ImVec2(w, h));
}

std::string exampleLine(const core::Finding::Example& x) {
    std::string line = core::formatDate(x.at.date) + " " + core::formatTime(x.at) + ": pain " + std::to_string(x.pain);
    if (x.nextPain) line += ", next entry " + std::to_string(*x.nextPain);
    return line;
}

void finding(const core::Finding& f, const std::string& sentence, const char* keyPrefix, float range, std::string& open) {
    const std::string key = std::string(keyPrefix) + f.name;
    ImGui::PushID(key.c_str());
    const bool isOpen = open == key;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextWrapped("%s", sentence.c_str());
    ImGui::PopTextWrapPos();
    if (f.effect) intervalBar(*f.effect, range);
    const std::string label = std::string(isOpen ? "Hide the entries" : "Show the entries behind it") + "##more";
    if (!f.examples.empty() && ImGui::SmallButton(label.c_str())) open = isOpen ? std::string() : key;
    recordItem("insights:" + key);
    if (isOpen)
        for (const auto& x : f.examples) hint(exampleLine(x).c_str());
    ImGui::Spacing();
    ImGui::PopID();
}

// The scale of the bars: the widest interval end among the findings, at least 2 points.
float rangeOf(const core::Insights& in) {
    double r = 2;
    for (const auto* list : {&in.care, &in.contexts})
        for (const auto& f : *list)
            if (f.effect) r = std::max({r, std::abs(f.effect->low), std::abs(f.effect->high)});
    return static_cast<float>(std::ceil(r));
}

// The ratings of one medication as a bar split in four (none ... complete), with the counts in words
// beside it in the sentence, so colour is never the only cue.
std::array<ImVec4, core::kReliefLevels> reliefShades() {
    const Palette& pal = palette();
    return {pal.border, pal.textMuted, pal.accent, pal.success};
}

// What the bar's four parts are: a square of each colour with its word.
void reliefLegend() {
    const auto shades = reliefShades();
    ImGui::PushFont(fonts().small);
    bool first = true;
    for (const core::Term& t : core::reliefTerms()) {
        const std::string label(t.label);
        const float box = ImGui::GetFontSize() * 0.8f;
        flowItem(box + em(0.4f) + ImGui::CalcTextSize(label.c_str()).x + em(0.6f), first);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float dy = (ImGui::GetTextLineHeight() - box) * 0.5f;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + dy), ImVec2(p.x + box, p.y + dy + box),
                                                  ImGui::GetColorU32(shades[static_cast<std::size_t>(&t - core::reliefTerms().data())]));
        ImGui::Dummy(ImVec2(box + em(0.2f), ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, 0);
        ImGui::TextColored(palette().textMuted, "%s", label.c_str());
        first = false;
    }
    ImGui::PopFont();
}

void reliefBar(const core::ReliefSummary& r) {
    const float w = std::min(ImGui::GetContentRegionAvail().x, em(14.0f)), h = em(0.7f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette();
    const auto shades = reliefShades();
    float x = p.x;
    for (std::size_t i = 0; i < r.counts.size(); ++i) {
        const float part = r.n > 0 ? w * static_cast<float>(r.counts[i]) / static_cast<float>(r.n) : 0;
        if (part > 0) dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + part, p.y + h), ImGui::GetColorU32(shades[i]));
        x += part;
    }
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(pal.border));
    ImGui::Dummy(ImVec2(w, h));
}

void drawRelief(const std::vector<core::ReliefSummary>& relief) {
    sectionTitle("Medication relief");
    recordItem("insights:relief");
    if (relief.empty()) {
        hint("When you rate how much a medication helped (in History, or when the app asks a few hours after "
             "you log it), your ratings show here.");
        return;
    }
    hint("How you rated each medication's relief afterwards, in History or when the app asked.");
    reliefLegend();
    ImGui::Spacing();
    for (const core::ReliefSummary& r : relief) {
        ImGui::TextWrapped("%s", core::reliefSentence(r).c_str());
        reliefBar(r);
        ImGui::Spacing();
    }
}

}  // namespace

void drawInsights(const core::Insights& in, std::string& open) {
    const float range = rangeOf(in);
    sectionTitle("What helps");
    hint("The change in pain from an entry to your next one within a day, after each thing you tried, "
         "compared with the times you did not. Bars show the 95% range; left of the line is less pain.");
    std::string notYet;
    for (const auto& f : in.care) {
        if (!f.effect) {
            notYet += (notYet.empty() ? "" : ", ") + core::termLabel(core::careTerms(), f.name) + " (" +
                      std::to_string(f.moreNeeded()) + " more)";
            continue;
        }
        finding(f, core::careSentence(f), "care:", range, open);
    }
    if (!notYet.empty()) hint(("Not enough entries yet for: " + notYet + ".").c_str());
    ImGui::Spacing();
    drawRelief(in.relief);
    ImGui::Spacing();
    sectionTitle("When it hurts");
    std::string contextsNotYet;
    for (const auto& f : in.contexts) {
        if (!f.effect) {
            contextsNotYet += (contextsNotYet.empty() ? "" : ", ") + f.label;
            continue;
        }
        finding(f, core::contextSentence(f), "context:", range, open);
    }
    if (!contextsNotYet.empty()) hint(("Not enough entries yet for: " + contextsNotYet + ".").c_str());
    ImGui::Spacing();
    sectionTitle("Time of day and weekday");
    std::string parts, days;
    for (const auto& g : in.timeOfDay)
        if (g.mean) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s%s %.1f (%d)", parts.empty() ? "" : "  ·  ", g.name.c_str(), *g.mean, g.n);
            parts += buf;
        }
    for (const auto& g : in.weekday)
        if (g.mean) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s%s %.1f", days.empty() ? "" : "  ·  ", g.name.c_str(), *g.mean);
            days += buf;
        }
    ImGui::TextWrapped("Average pain: %s", parts.empty() ? "no entries yet" : parts.c_str());
    ImGui::TextWrapped("By weekday: %s", days.empty() ? "no entries yet" : days.c_str());
    hint("These are patterns in your own entries, not proof of what causes what.");
}

}  // namespace ui
