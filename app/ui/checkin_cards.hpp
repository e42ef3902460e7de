#pragma once
// The Log screen's two gentle offers, each a calm card above the form that never blocks logging:
// - "Did the ibuprofen help?": the relief of an entry with medication logged 1 to 4 hours before
//   the app opened (core::Journal::reliefToAsk), one tap to answer, "Not now" to let it go;
// - "Weekly check-in, 3 questions": the PEG when due (core::Journal::pegDue); "Not now" or an
//   answer hides it for 7 days.
#include <optional>

#include "core/journal.hpp"

namespace ui {

class App;

class CheckInCards {
public:
    // The app opened or came back to the foreground: look again for an entry to ask about.
    void opened() { m_lookForRelief = true; }
    void draw(App& app, core::Journal& journal);

private:
    void refresh(App& app, core::Journal& journal);
    void drawRelief(App& app, core::Journal& journal);
    void drawPeg(App& app, core::Journal& journal);
    void drawPegQuestions(App& app, core::Journal& journal);

    bool m_lookForRelief = true;
    std::optional<core::Episode> m_relief;  // the entry the relief card asks about
    bool m_pegDue = false;
    bool m_pegOpen = false;                 // the three questions are shown
    core::PegEntry m_peg;
    bool m_answered[3] = {false, false, false};
    uint64_t m_version = 0;
    bool m_loaded = false;
    float m_reliefHeight = 0, m_pegHeight = 0;
};

}  // namespace ui
