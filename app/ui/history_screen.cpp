// The History screen (placeholder until its issue lands: it says so plainly).
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

class HistoryScreen final : public Screen {
public:
    void draw(App&) override {
        heading("History");
        ImGui::Spacing();
        hint("Every episode, newest first, grouped by day.");
        ImGui::Spacing();
        hint("Coming soon. Everything you log is already kept safely and will appear here.");
    }
};

}  // namespace

std::unique_ptr<Screen> makeHistoryScreen() { return std::make_unique<HistoryScreen>(); }

}  // namespace ui
