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
    core::Result<Opened> openChosen(core::Journal& journal, const App& app, bool dryRun);
    void preview(App& app);
    void mergeBundle(App& app);
    void clearSecrets();
    std::vector<std::string> bundlesIn(const std::string& folder) const;

    std::string m_pass, m_again;       // wiped once used
    std::string m_made;                // the file just made
    std::string m_chosen;              // the bundle chosen to open
    std::string m_openPass;
    std::optional<core::MergeCounts> m_preview;
    bool m_previewEncrypted = false;
    std::string m_status;
    bool m_failed = false;
};

}  // namespace ui
