// The Export screen (placeholder until its issue lands: it says so plainly).
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

class ExportScreen final : public Screen {
public:
    void draw(App&) override {
        heading("Export");
        ImGui::Spacing();
        hint("A PDF report, CSV and FHIR files to hand to your doctor.");
        ImGui::Spacing();
        hint("Coming soon. Everything you log is already kept safely and will appear here.");
    }
};

}  // namespace

std::unique_ptr<Screen> makeExportScreen() { return std::make_unique<ExportScreen>(); }

}  // namespace ui
