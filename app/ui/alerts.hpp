#pragma once
// Red-flag alerts in the app: the banner shown the moment an episode is saved, and the
// emergency/urgent alerts pinned at the top of every screen until acknowledged.
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/journal.hpp"

namespace ui {

class App;

struct AlertView {
    int64_t alertId = 0;   // 0: not stored (a "soon" outcome shown once)
    int64_t episodeId = 0;
    core::Level level = core::Level::SelfCare;
    std::vector<std::string> ruleIds;
    bool fromHistory = false;
    std::string logged;    // what was logged, in plain words
    std::optional<core::LocalDateTime> loggedAt;  // when the episode happened ("logged 2 days ago")
};

// "pain 7, swelling, warmth, on the left".
std::string describeLogged(const core::Episode& e);
// "EMERGENCY", "URGENT", "SEE A DOCTOR SOON", "SELF-CARE".
const char* levelWord(core::Level level);

class AlertCenter {
public:
    // Re-reads the pinned (unacknowledged emergency/urgent) alerts when the data version changed.
    void refresh(core::Journal& journal, uint64_t version);
    // After a save: a "soon" result is shown once on the Log screen (urgent ones are pinned anyway).
    void setOutcome(const core::SaveOutcome& outcome, const core::Episode& e);
    // Draws the pinned alerts and the last outcome; returns true when anything was drawn.
    bool draw(App& app, bool onLogScreen);
    bool hasPinned() const { return !m_pinned.empty(); }
    // The last failure to read the alerts (then cleared), for the app to show.
    std::string takeError() { return std::exchange(m_error, {}); }

private:
    void drawBanner(App& app, const AlertView& a, bool pinned);
    void drawActions(App& app, const AlertView& a, bool pinned, const ImVec4& bg, float right);

    std::vector<AlertView> m_pinned;
    std::optional<AlertView> m_outcome;
    uint64_t m_version = 0;
    bool m_loaded = false;
    bool m_dismissOutcome = false;
    std::string m_error;
};

}  // namespace ui
