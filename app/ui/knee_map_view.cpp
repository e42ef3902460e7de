#include "ui/knee_map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/vocabulary.hpp"
#include "core/words.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

using core::knee_map::Leg;

// [SECTION] the pictures: loaded once per texture generation, at the density the map needs

constexpr float kBaseWidthPx = 200.0f;  // back_of_knee_*.png at 1x; @2x and @3x are 2 and 3 times that

struct Pictures {
    int generation = -1;
    std::map<std::pair<int, int>, Picture> loaded;  // (leg, density)
    std::string error;
};

Pictures& pictures() {
    static Pictures p;
    return p;
}

const Picture& pictureFor(const PictureSource& source, Leg leg, float widthPx) {
    Pictures& p = pictures();
    const int generation = source.generation ? source.generation() : 0;
    if (generation != p.generation) {
        p.loaded.clear();
        p.error.clear();
        p.generation = generation;
    }
    const int density = widthPx <= kBaseWidthPx ? 1 : widthPx <= 2 * kBaseWidthPx ? 2 : 3;
    const auto key = std::make_pair(leg == Leg::Left ? 0 : 1, density);
    auto it = p.loaded.find(key);
    if (it == p.loaded.end()) {
        Picture picture;
        if (source.load) {
            std::string path = std::string("knee_map/back_of_knee_") + (leg == Leg::Left ? "left" : "right");
            // Appended piece by piece: GCC 12 reports a false -Wrestrict on "@" + std::string at -O3.
            if (density == 1) {
                path += ".png";
            } else {
                path += '@';
                path += std::to_string(density);
                path += "x.png";
            }
            picture = source.load(path);
        } else {
            picture.error = "no picture loader";
        }
        if (!picture.id && p.error.empty()) p.error = picture.error;
        if (picture.id) p.error.clear();
        it = p.loaded.emplace(key, std::move(picture)).first;
    }
    return it->second;
}

ImU32 withAlpha(const ImVec4& c, float a) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, a)); }

// [SECTION] drawing one map

// A region's name as a pill that reads on the drawing in every theme.
void namePill(ImDrawList* dl, ImVec2 centre, const std::string& text, bool marked) {
    ImGui::PushFont(marked ? fonts().smallBold : fonts().small);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pad(em(0.35f), em(0.12f));
    const ImVec2 a(centre.x - size.x * 0.5f - pad.x, centre.y - size.y * 0.5f - pad.y);
    const ImVec2 b(centre.x + size.x * 0.5f + pad.x, centre.y + size.y * 0.5f + pad.y);
    const Palette& pal = palette();
    dl->AddRectFilled(a, b, ImGui::GetColorU32(marked ? pal.accent : pal.surface), em(0.6f));
    dl->AddRect(a, b, ImGui::GetColorU32(marked ? pal.accentText : pal.border), em(0.6f), 0, marked ? 2.0f : 1.0f);
    dl->AddText(ImVec2(a.x + pad.x, a.y + pad.y), ImGui::GetColorU32(marked ? pal.accentText : pal.text), text.c_str());
    ImGui::PopFont();
}

int countOf(const std::vector<core::NameCount>& counts, std::string_view name) {
    for (const auto& c : counts)
        if (c.name == name) return c.count;
    return 0;
}

std::string shortName(std::string_view name) {
    // "Inner side" -> "Inner", "Above the crease" -> "Above": the map has little room.
    std::string label = core::termLabel(core::whereTerms(), name);
    const auto space = label.find(' ');
    return space == std::string::npos ? label : label.substr(0, space);
}

void drawRegion(ImDrawList* dl, ImVec2 origin, ImVec2 size, Leg leg, std::string_view name, const MapMarks& marks,
                int maxCount, bool hovered, const char* id) {
    const core::knee_map::Shape shape = core::knee_map::regionShape(leg, name);
    std::array<ImVec2, 6> pts{};
    for (int i = 0; i < shape.count; ++i) {
        const auto& p = shape.points[static_cast<std::size_t>(i)];
        pts[static_cast<std::size_t>(i)] = ImVec2(origin.x + p.x * size.x, origin.y + p.y * size.y);
    }
    const ImVec2 label(origin.x + shape.labelAt.x * size.x, origin.y + shape.labelAt.y * size.y);
    const Palette& pal = palette();
    const bool marked = std::find(marks.marked.begin(), marks.marked.end(), name) != marks.marked.end();
    std::string text = shortName(name);
    if (marks.counts) {
        const int n = countOf(*marks.counts, name);
        if (n > 0) dl->AddConvexPolyFilled(pts.data(), shape.count, withAlpha(pal.accent, 0.12f + 0.55f * n / std::max(1, maxCount)));
        text += ' ';
        text += std::to_string(n);
    } else if (marked) {
        dl->AddConvexPolyFilled(pts.data(), shape.count, withAlpha(pal.accent, 0.38f));
    }
    if (marked || hovered) dl->AddPolyline(pts.data(), shape.count, ImGui::GetColorU32(pal.accent), ImDrawFlags_Closed, marked ? em(0.18f) : em(0.1f));
    if (marked || !marks.onlyMarkedNames) namePill(dl, label, marked ? "\xE2\x9C\x93 " + text : text, marked);
    recordRect(std::string(id) + ":" + std::string(name), ImVec2(label.x - 1, label.y - 1), ImVec2(label.x + 1, label.y + 1));
}

}  // namespace

float mapWidth(float available, float most) {
    const float least = core::knee_map::kMinMapWidthPx * layout().scale;
    return std::max(least, std::min(available, most * layout().scale));
}

const std::string& kneeMapPictureError() { return pictures().error; }

std::string_view kneeMap(const PictureSource& source, const char* id, Leg leg, float width, const MapMarks& marks,
                         bool tappable) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, width * core::knee_map::kAspect);
    bool clicked = false;
    if (tappable) clicked = ImGui::InvisibleButton(id, size);
    else ImGui::Dummy(size);
    recordItem(id);
    const bool hovered = tappable && ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Picture& picture = pictureFor(source, leg, width);
    if (picture.id) {
        dl->AddImage(picture.id, origin, ImVec2(origin.x + size.x, origin.y + size.y));
    } else {  // no picture: the regions alone, outlined, so the map still works
        dl->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), ImGui::GetColorU32(palette().border), em(0.4f));
        for (const core::Term& t : core::whereTerms()) {
            const auto shape = core::knee_map::regionShape(leg, t.name);
            std::array<ImVec2, 6> pts{};
            for (int i = 0; i < shape.count; ++i)
                pts[static_cast<std::size_t>(i)] = ImVec2(origin.x + shape.points[static_cast<std::size_t>(i)].x * size.x,
                                                          origin.y + shape.points[static_cast<std::size_t>(i)].y * size.y);
            dl->AddPolyline(pts.data(), shape.count, ImGui::GetColorU32(palette().textMuted), ImDrawFlags_Closed, 1.5f);
        }
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const std::string_view under = hovered ? core::knee_map::regionAt(leg, {(mouse.x - origin.x) / size.x, (mouse.y - origin.y) / size.y})
                                           : std::string_view();
    int maxCount = 0;
    if (marks.counts)
        for (const auto& c : *marks.counts) maxCount = std::max(maxCount, c.count);
    for (const core::Term& t : core::whereTerms())
        drawRegion(dl, origin, size, leg, t.name, marks, maxCount, under == t.name, id);
    return clicked ? under : std::string_view();
}

namespace {

void caption(Leg leg, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(leg == Leg::Left ? "Left knee, from behind" : "Right knee, from behind");
    ImGui::PopFont();
    hint(leg == Leg::Left ? "Inner side on the right \xE2\x86\x92" : "\xE2\x86\x90 Inner side on the left");
    ImGui::PopTextWrapPos();
}

std::vector<Leg> legsFor(const std::string& side) {
    std::vector<Leg> legs;
    if (side != "right") legs.push_back(Leg::Left);
    if (side != "left") legs.push_back(Leg::Right);
    return legs;
}

}  // namespace

void kneeMapShown(const PictureSource& source, const char* id, const std::string& side, const MapMarks& marks, float width) {
    const std::vector<Leg> legs = legsFor(side);
    for (std::size_t i = 0; i < legs.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, em(1.0f));
        ImGui::BeginGroup();
        const std::string name = std::string(id) + (legs[i] == Leg::Left ? "-left" : "-right");
        (void)kneeMap(source, name.c_str(), legs[i], width, marks, false);
        caption(legs[i], width);
        ImGui::EndGroup();
    }
}

void kneeMapPicker(const PictureSource& source, const std::string& side, std::vector<std::string>& where) {
    sectionTitle("Where behind the knee?", true);
    hint("Tap where it hurts, on the drawing or on the names below. The drawings show the back of the leg "
         "as if you stood behind yourself; the inner side is the side towards your other leg.");
    const std::vector<Leg> legs = legsFor(side);
    const float gap = em(1.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool two = legs.size() == 2;
    const float width = mapWidth(two ? (avail - gap) * 0.5f : avail, 240.0f);
    const bool sideBySide = !two || 2 * width + gap <= avail + 1.0f;
    const MapMarks marks{where, nullptr};
    for (std::size_t i = 0; i < legs.size(); ++i) {
        const Leg leg = legs[i];
        if (i > 0 && sideBySide) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        const std::string_view tapped = kneeMap(source, leg == Leg::Left ? "map-left" : "map-right", leg, width, marks, true);
        if (!tapped.empty()) {
            if (std::find(where.begin(), where.end(), tapped) != where.end()) std::erase(where, std::string(tapped));
            else where.emplace_back(tapped);
            std::sort(where.begin(), where.end());
        }
        caption(leg, width);
        ImGui::EndGroup();
    }
    if (!kneeMapPictureError().empty()) hint(("The drawing could not be shown (" + kneeMapPictureError() + "); the names below work the same.").c_str());
    if (chipSet("where", core::whereTerms(), where)) std::sort(where.begin(), where.end());
    if (!where.empty()) ImGui::TextWrapped("Marked: %s.", core::termLabels(core::whereTerms(), where).c_str());
}

}  // namespace ui
