#include "core/knee_map.hpp"

#include <utility>

namespace core::knee_map {

namespace {

float mirrored(Leg leg, float x) { return leg == Leg::Left ? x : 1.0f - x; }

// The shapes on the LEFT leg, traced inside the outline of the SVG (x / 200, y / 300). The names
// in the knee band are staggered (outer high, centre on the crease, inner low) so that they
// never cover each other on a phone.
struct Traced {
    std::string_view name;
    Shape shape;
};

constexpr Traced kLeft[] = {
    {"above", {{{{0.16f, 0.02f}, {0.85f, 0.02f}, {0.83f, 0.40f}, {0.21f, 0.40f}}}, 4, {0.50f, 0.22f}}},
    {"outer", {{{{0.21f, 0.40f}, {0.36f, 0.40f}, {0.36f, 0.62f}, {0.18f, 0.62f}, {0.19f, 0.50f}}}, 5, {0.27f, 0.44f}}},
    {"centre", {{{{0.36f, 0.40f}, {0.64f, 0.40f}, {0.64f, 0.62f}, {0.36f, 0.62f}}}, 4, {0.50f, 0.51f}}},
    {"inner", {{{{0.64f, 0.40f}, {0.83f, 0.40f}, {0.82f, 0.50f}, {0.83f, 0.62f}, {0.64f, 0.62f}}}, 5, {0.73f, 0.58f}}},
    {"below", {{{{0.18f, 0.62f}, {0.83f, 0.62f}, {0.85f, 0.72f}, {0.79f, 0.88f}, {0.25f, 0.88f}, {0.17f, 0.70f}}}, 6,
               {0.50f, 0.75f}}},
};

}  // namespace

std::string_view regionAt(Leg leg, Point p) {
    if (!(p.x >= 0.0f && p.x <= 1.0f && p.y >= 0.0f && p.y <= 1.0f)) return {};  // NaN is outside too
    if (p.y < kBandTop) return "above";
    if (p.y >= kBandBottom) return "below";
    // The right leg's borders are the left leg's mirrored; a point on one goes to the region on
    // the right of the picture on both.
    if (leg == Leg::Left) return p.x < kSplitNear ? "outer" : p.x < kSplitFar ? "centre" : "inner";
    return p.x < 1.0f - kSplitFar ? "inner" : p.x < 1.0f - kSplitNear ? "centre" : "outer";
}

Shape regionShape(Leg leg, std::string_view name) {
    for (const Traced& t : kLeft) {
        if (t.name != name) continue;
        Shape s = t.shape;
        const auto n = static_cast<std::size_t>(s.count);
        for (std::size_t i = 0; i < n; ++i) s.points[i].x = mirrored(leg, s.points[i].x);
        // A mirror turns the winding round; keep it clockwise for the drawing library.
        if (leg == Leg::Right)
            for (std::size_t i = 0; i < n / 2; ++i) std::swap(s.points[i], s.points[n - 1 - i]);
        s.labelAt.x = mirrored(leg, s.labelAt.x);
        return s;
    }
    return {};
}

}  // namespace core::knee_map
