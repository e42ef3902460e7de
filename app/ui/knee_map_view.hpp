#pragma once
// The knee map on the screens (issue 18): the drawing of the back of the knee (a PNG the platform
// loads with stb_image into a texture; the ui only holds its opaque id), the highlighted or
// shaded regions with their names, and the chips that say the same without the picture.
// The geometry (which region is where, mirrored between the legs) is core/knee_map.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/knee_map.hpp"
#include "core/repository.hpp"

namespace ui {

// A picture the platform loaded. `id` is the renderer's texture (ImTextureID), null when the
// picture could not be loaded; `error` then says why.
struct Picture {
    void* id = nullptr;
    int width = 0, height = 0;
    std::string error;
};

// How the screens get pictures: `load` takes a path inside the assets folder
// ("knee_map/back_of_knee_left@2x.png"); `generation` changes when loaded textures are gone.
// Either may be empty (tests without a renderer): the map is then drawn without the picture.
struct PictureSource {
    std::function<Picture(const std::string& path)> load;
    std::function<int()> generation;
};

// The regions as the map shows them, for one leg.
struct MapMarks {
    std::vector<std::string> marked;       // highlighted, with the name in bold (logging, History)
    const std::vector<core::NameCount>* counts = nullptr;  // shaded by count, counts written (Trends)
    bool onlyMarkedNames = false;          // name only the marked regions (a small map that is read)
};

// Draws the drawing of `leg` at the cursor, `width` device px wide (1.5 times as high),
// with its marks. Returns the region tapped or clicked this frame, or "" (also when `tappable` is
// false). `id` names the regions for tests: "<id>:<region>".
std::string_view kneeMap(const PictureSource& source, const char* id, core::knee_map::Leg leg, float width,
                         const MapMarks& marks, bool tappable);

// The Log screen's "Where behind the knee?": the map for the chosen knee (both drawings for
// "both" or no side), then every region as a chip (keyboard and screen readers reach them), the
// line that says which side is inner, and the names marked. Toggles names in `where`.
void kneeMapPicker(const PictureSource& source, const std::string& side, std::vector<std::string>& where);

// The map to read, not to tap (History, Trends): the drawing of each leg in `side` ("both" or ""
// gives both, side by side), each `width` device px wide, with a caption naming the knee and the
// inner side. `id` prefixes the drawings' names.
void kneeMapShown(const PictureSource& source, const char* id, const std::string& side, const MapMarks& marks, float width);

// The map width for the space available: at least core::knee_map::kMinMapWidthPx logical px
// (48 px touch targets), at most `most` logical px; in device px.
float mapWidth(float available, float most);

// Why the picture is missing ("" when shown), for the line under the map.
const std::string& kneeMapPictureError();

}  // namespace ui
