// The Guidance screen (placeholder until the guidance issue lands).
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {
namespace {
class GuidanceScreen final : public Screen {
public:
    void draw(App&) override {
        heading("Guidance");
        hint("Coming soon.");
    }
};
}  // namespace
std::unique_ptr<Screen> makeGuidanceScreen() { return std::make_unique<GuidanceScreen>(); }
}  // namespace ui
