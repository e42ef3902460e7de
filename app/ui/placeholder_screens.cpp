// Screens whose issue has not landed yet: they say so plainly.
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

class ComingScreen final : public Screen {
public:
    ComingScreen(const char* title, const char* what) : m_title(title), m_what(what) {}
    void draw(App&) override {
        heading(m_title);
        ImGui::Spacing();
        hint(m_what);
        ImGui::Spacing();
        hint("Coming soon. Everything you log is already kept safely and will appear here.");
    }

private:
    const char* m_title;
    const char* m_what;
};

}  // namespace

std::unique_ptr<Screen> makeHistoryScreen() {
    return std::make_unique<ComingScreen>("History", "Every episode, newest first, grouped by day.");
}
std::unique_ptr<Screen> makeTrendsScreen() {
    return std::make_unique<ComingScreen>("Trends", "How your pain changes over weeks and months.");
}
std::unique_ptr<Screen> makeExportScreen() {
    return std::make_unique<ComingScreen>("Export", "A PDF report, CSV and FHIR files to hand to your doctor.");
}

}  // namespace ui
