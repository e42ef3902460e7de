#pragma once
// Settings → "Move to another device": make a bundle (a passphrase typed twice, a strength hint)
// and save or share it; open a bundle with a preview of what would change before anything is
// written. The same service calls as `kneelog bundle export / import` (core/merge_rules.md).
#include <optional>
#include <string>
#include <vector>

#include "core/crypto/sealed.hpp"
#include "core/merge.hpp"
#include "core/result.hpp"
#include "ui/file_browser.hpp"

namespace core {
class Journal;
}

namespace ui {

class App;

// How strong a passphrase looks, in words (length and variety only: never stored or sent).
struct PassphraseStrength {
    int level = 0;  // 0 too short, 1 fair, 2 strong
    const char* words = "";
};
PassphraseStrength passphraseStrength(const std::string& text);
// A new passphrase typed twice (items `id`:pass and `id`:again) with the strength in words; true
// when it is long enough and both match.
bool newPassphrase(const std::string& id, std::string& pass, std::string& again);
// One hidden passphrase field (item `id`).
bool passphraseField(const std::string& id, const char* hintText, std::string& value);

class MoveToDevice {
public:
    void draw(App& app);

private:
    void drawMake(App& app);
    void drawOpen(App& app);
    void makeBundle(App& app);
    struct Opened {
        core::MergeCounts counts;
        bool encrypted = false;
    };
    core::Result<Opened> openChosen(core::Journal& journal, bool dryRun);
    void preview(App& app);
    void mergeBundle(App& app);
    void clearSecrets();
    void choose(std::string path);
    // The bundles in `folder`, newest first: listed again when the folder changes, after a bundle
    // is made, and at most every two seconds otherwise (never once a frame).
    const std::vector<std::string>& bundlesIn(const std::string& folder);

    std::string m_pass, m_again;       // wiped once used
    std::string m_made;                // the file just made
    std::string m_chosen;              // the path of the bundle chosen to open
    FileChoice m_otherFile;            // a bundle outside the export folder
    SaveCopy m_saveCopy;               // the bundle just made, saved elsewhere too
    std::string m_openPass;
    std::optional<core::MergeCounts> m_preview;
    bool m_previewEncrypted = false;
    std::string m_status;
    bool m_failed = false;
    std::vector<std::string> m_listed;  // bundlesIn()'s last listing
    std::string m_listedFolder;
    double m_listedAt = -1e9;  // ImGui::GetTime() of that listing
};

}  // namespace ui
