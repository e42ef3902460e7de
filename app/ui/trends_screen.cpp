// The Trends screen (placeholder until its issue lands: it says so plainly).
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

class TrendsScreen final : public Screen {
public:
    void draw(App&) override {
        heading("Trends");
        ImGui::Spacing();
        hint("How your pain changes over weeks and months.");
        ImGui::Spacing();
        hint("Coming soon. Everything you log is already kept safely and will appear here.");
    }
};

}  // namespace

std::unique_ptr<Screen> makeTrendsScreen() { return std::make_unique<TrendsScreen>(); }

}  // namespace ui
