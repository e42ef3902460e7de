// The knee map's hit-testing (issue 18): pure geometry, on both mirrored drawings.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "core/knee_map.hpp"
#include "core/vocabulary.hpp"

using core::knee_map::Leg;
using core::knee_map::Point;
using core::knee_map::regionAt;
using core::knee_map::regionShape;

namespace {

std::string at(Leg leg, float x, float y) { return std::string(regionAt(leg, Point{x, y})); }

// The mean of a shape's corners: inside it, since every shape is convex.
Point middleOf(const core::knee_map::Shape& s) {
    Point m;
    for (int i = 0; i < s.count; ++i) {
        m.x += s.points[static_cast<std::size_t>(i)].x / static_cast<float>(s.count);
        m.y += s.points[static_cast<std::size_t>(i)].y / static_cast<float>(s.count);
    }
    return m;
}

}  // namespace

TEST_CASE("a tap in the middle of each drawn region finds it, on the left and on the mirrored right leg") {
    for (const core::Term& t : core::whereTerms()) {
        for (Leg leg : {Leg::Left, Leg::Right}) {
            INFO(t.name << (leg == Leg::Left ? " left" : " right"));
            const auto shape = regionShape(leg, t.name);
            REQUIRE(shape.count >= 3);
            CHECK(at(leg, middleOf(shape).x, middleOf(shape).y) == t.name);
            CHECK(at(leg, shape.labelAt.x, shape.labelAt.y) == t.name);
        }
    }
}

TEST_CASE("inner and outer mirror: the inner side is towards the other leg") {
    // The left leg seen from behind has its inner side on the right of the picture.
    CHECK(at(Leg::Left, 0.80f, 0.50f) == "inner");
    CHECK(at(Leg::Left, 0.20f, 0.50f) == "outer");
    CHECK(at(Leg::Right, 0.80f, 0.50f) == "outer");
    CHECK(at(Leg::Right, 0.20f, 0.50f) == "inner");
    CHECK(at(Leg::Left, 0.50f, 0.50f) == "centre");
    CHECK(at(Leg::Right, 0.50f, 0.50f) == "centre");
    // Above and below do not mirror.
    for (Leg leg : {Leg::Left, Leg::Right}) {
        CHECK(at(leg, 0.10f, 0.10f) == "above");
        CHECK(at(leg, 0.90f, 0.95f) == "below");
    }
    // Each shape of the right leg is the left one reflected.
    for (const core::Term& t : core::whereTerms()) {
        const auto l = regionShape(Leg::Left, t.name), r = regionShape(Leg::Right, t.name);
        REQUIRE(l.count == r.count);
        CHECK(middleOf(r).x == Approx(1.0f - middleOf(l).x));
        CHECK(middleOf(r).y == Approx(middleOf(l).y));
    }
}

TEST_CASE("points on the borders belong to exactly one region, the lower or the one on the right") {
    using namespace core::knee_map;
    for (Leg leg : {Leg::Left, Leg::Right}) {
        CHECK(at(leg, 0.5f, kBandTop) == "centre");
        CHECK(at(leg, 0.5f, kBandBottom) == "below");
        CHECK(at(leg, 0.5f, std::nextafter(kBandTop, 0.0f)) == "above");
        CHECK(at(leg, 0.5f, std::nextafter(kBandBottom, 0.0f)) == "centre");
    }
    CHECK(at(Leg::Left, kSplitNear, 0.5f) == "centre");
    CHECK(at(Leg::Left, kSplitFar, 0.5f) == "inner");
    CHECK(at(Leg::Left, std::nextafter(kSplitNear, 0.0f), 0.5f) == "outer");
    // The right leg's borders sit at the mirrored x; the point on one goes to the picture's right.
    CHECK(at(Leg::Right, 1.0f - kSplitFar, 0.5f) == "centre");
    CHECK(at(Leg::Right, 1.0f - kSplitNear, 0.5f) == "outer");
    CHECK(at(Leg::Right, std::nextafter(1.0f - kSplitFar, 0.0f), 0.5f) == "inner");
    // The drawing's own edges are inside.
    CHECK(at(Leg::Left, 0.0f, 0.0f) == "above");
    CHECK(at(Leg::Left, 1.0f, 1.0f) == "below");
    CHECK(at(Leg::Right, 0.0f, 0.5f) == "inner");
}

TEST_CASE("points outside the drawing are no region, and so is an unknown name") {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    for (Leg leg : {Leg::Left, Leg::Right}) {
        CHECK(at(leg, -0.01f, 0.5f).empty());
        CHECK(at(leg, 1.01f, 0.5f).empty());
        CHECK(at(leg, 0.5f, -0.01f).empty());
        CHECK(at(leg, 0.5f, 1.01f).empty());
        CHECK(at(leg, nan, 0.5f).empty());
        CHECK(at(leg, 0.5f, nan).empty());
        CHECK(regionShape(leg, "knee").count == 0);
    }
}

TEST_CASE("every tapping area is at least 48 px wide and high at the smallest map the screens draw") {
    using namespace core::knee_map;
    const float w = kMinMapWidthPx, h = w * kAspect;
    CHECK((kSplitFar - kSplitNear) * w >= 48.0f);
    CHECK(kSplitNear * w >= 48.0f);
    CHECK((1.0f - kSplitFar) * w >= 48.0f);
    CHECK((kBandBottom - kBandTop) * h >= 48.0f);
    CHECK(kBandTop * h >= 48.0f);
    CHECK((1.0f - kBandBottom) * h >= 48.0f);
}
