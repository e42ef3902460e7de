#pragma once
// The episode form behind the Log screen (also used to edit an episode from History).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/episode.hpp"
#include "ui/knee_map_view.hpp"

namespace ui {

class LogForm {
public:
    // A fresh entry: time "now", the last side used, nothing else chosen.
    void reset(int64_t nowUtc, const std::string& lastSide);
    void load(const core::Episode& e);

    bool editing() const { return m_draft.id != 0; }
    bool hasPain() const { return m_hasPain; }
    // The episode as it would be saved (time "now" resolves to this moment).
    core::Episode episode() const;

    void drawWhen(int64_t nowUtc);
    void drawPain();
    void drawSide();
    // Where behind the knee: the knee map for the chosen knee, and the same as chips.
    void drawWhere(const PictureSource& pictures);
    void drawDetails();
    // Drawn under "Which leg?" while a calf or leg sign is ticked (the Log screen's risk prompt).
    void setRiskPrompt(std::function<void()> prompt) { m_riskPrompt = std::move(prompt); }
    // A field the person must fix before saving (an unreadable temperature), else empty.
    const std::string& blockingError() const { return m_tempError; }
    // A calf or leg sign is ticked, or the upper calf (`below`) is marked on the knee map.
    bool legSignTicked() const;

    bool timePickerOpen() const { return m_pickerOpen; }
    void closeTimePicker() { m_pickerOpen = false; }

    // The unsaved form as text, kept in the journal's settings while the app is in the background
    // (Android may end it there); "" when nothing was entered. restoreDraft() reads it back and
    // returns false (leaving the form alone) when the text is not a draft this version wrote.
    std::string draft(const std::string& lastSide) const;
    bool restoreDraft(std::string_view text, int64_t nowUtc);

private:
    void drawTimePicker(int64_t nowUtc);
    void drawSymptoms();
    void drawFollowUp();
    void drawLegQuestion();
    void drawTemperature();
    void drawNote();
    void setTime(const core::LocalDateTime& t);

    core::Episode m_draft;
    bool m_hasPain = false;
    bool m_timeIsNow = true;
    bool m_pickerOpen = false;
    std::string m_timeText;
    std::string m_timeError;
    std::string m_tempText;
    std::string m_tempError;
    bool m_legPreselected = false;
    std::function<void()> m_riskPrompt;
};

// "no pain", "mild", "moderate", "severe", "worst imaginable".
const char* painWords(int pain);

}  // namespace ui
