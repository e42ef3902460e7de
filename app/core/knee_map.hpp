#pragma once
// The knee map's geometry (issue 18): where each region of the drawing of the back of the knee
// is, for hit-testing a tap and for drawing a highlight. Pure: no I/O, no drawing library.
//
// Coordinates are normalised to the drawing: (0, 0) is its top-left corner, (1, 1) its
// bottom-right; the drawing is 2 wide to 3 high (assets/knee_map/back_of_knee_left.svg, 200 x 300).
// The LEFT leg is seen from behind, so its inner side (towards the other leg) is on the right of
// the picture; the right leg's drawing is the mirror image, and so is every region here.
//
// Tapping areas are larger than the drawn regions: above and below span the whole width, and
// the knee band's outer and inner areas run to the edges, so each is at least 48 px wide at the
// sizes the screens draw the map (kMinMapWidthPx).
#include <array>
#include <string_view>

namespace core::knee_map {

inline constexpr float kAspect = 1.5f;       // height / width
inline constexpr float kBandTop = 0.40f;     // the knee band: y 120 of 300 in the SVG
inline constexpr float kBandBottom = 0.62f;  // y 186 of 300
inline constexpr float kSplitNear = 0.36f;   // x 72 of 200: outer | centre on the left leg
inline constexpr float kSplitFar = 0.64f;    // x 128 of 200: centre | inner on the left leg
// The narrowest tapping area is the centre, (kSplitFar - kSplitNear) of the width; at this
// width it is 48 px, the smallest comfortable touch target.
inline constexpr float kMinMapWidthPx = 48.0f / (kSplitFar - kSplitNear) + 1.0f;

enum class Leg { Left, Right };

struct Point {
    float x = 0, y = 0;
};

// The region name (whereTerms()) under the point, or "" outside the drawing. A point on a
// border belongs to the region below it (y) or, in the knee band, to the one on the right of
// the picture (x); the drawing's own edges are inside.
std::string_view regionAt(Leg leg, Point p);

// The drawn shape of a region, for its highlight: a convex polygon inside the leg's outline.
struct Shape {
    std::array<Point, 6> points{};
    int count = 0;
    Point labelAt;  // where its name is written
};
// An empty shape for an unknown name.
Shape regionShape(Leg leg, std::string_view name);

}  // namespace core::knee_map
