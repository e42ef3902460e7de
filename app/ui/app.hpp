#pragma once
// The GUI: navigation frame, settings, and the screens. The platform runner calls setup(),
// prepareFrame() and frame(); the app never sees SDL and never runs SQL.
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/backup_file.hpp"
#include "core/guidance.hpp"
#include "core/journal.hpp"
#include "ui/alerts.hpp"
#include "ui/fonts.hpp"
#include "ui/knee_map_view.hpp"
#include "ui/theme.hpp"

namespace ui {

enum class ScreenId { Log, History, Trends, Guidance, Export, Settings };

struct ScreenInfo {
    ScreenId id;
    std::string_view name;   // command-line name: "log", "history", ...
    std::string_view label;  // navigation label
};
std::span<const ScreenInfo> screenInfos();
std::optional<ScreenId> screenFromName(std::string_view name);

// What the app reads from the assets folder (the platform loads the bytes).
struct Assets {
    SharedBytes regularTtf;  // DejaVu Sans, mapped (null: ImGui's built-in font is used)
    SharedBytes boldTtf;
    std::function<SharedBytes()> loadCjkTtf;  // Chinese, Japanese, Korean: opened only when the journal has them
    std::vector<std::pair<std::string, std::string>> articles;  // (file name, contents)
    PictureSource pictures;  // the knee map's drawings (platform: stb_image into a texture)
};

class Screen;

// What a file chooser is asked for: its title, the folder it starts in and the file kinds
// (extensions like ".csv"; empty: any file).
struct FileRequest {
    std::string title;
    std::string folder;
    std::vector<std::string> extensions;
};
// The platform's own chooser, running beside the window: the chosen path, or nullopt when the
// person cancelled. The hook returns nullopt when there is no such chooser here (the app then
// shows its own browser).
using FileChooser = std::function<std::optional<std::future<std::optional<std::string>>>(const FileRequest&)>;
// Saving a copy of a file the app made (a backup, a bundle) where the person chooses, with the
// platform's own dialog beside the window: whether it was saved and the outcome in words (not
// saved, no words: cancelled). The hook returns nullopt when there is no such dialog here.
using SaveOutcome = std::pair<bool, std::string>;
using FileSaver = std::function<std::optional<std::future<SaveOutcome>>(const std::string& file, const std::string& title)>;

class App {
public:
    // `journal` may be null when the journal could not be opened: the app then shows `openError`
    // and, when `restoreBackup` is set, offers to restore the newest automatic backup.
    App(core::Journal* journal, Assets assets, std::string openError = {},
        std::function<core::Result<void>()> restoreBackup = {});
    ~App();

    void setup(float scale);
    bool prepareFrame();
    void frame();
    int msUntilWake() const;
    // Back button / Escape: closes a dialog or goes back to the Log screen. False at the root
    // (nothing to close, already on Log): Android then leaves the app.
    bool back();
    // Going to the background or closing: the screens keep what is unsaved (the Log form).
    void pause();
    // Back in the foreground, still running: what pause() kept is dropped again.
    void resume();
    bool wantsQuit() const { return m_quit; }

    void show(ScreenId id) { m_current = id; }
    ScreenId current() const { return m_current; }

    // Settings (persisted in the journal unless `persist` is false, e.g. for screenshots).
    ThemeKind theme() const { return m_theme; }
    void setTheme(ThemeKind t, bool persist = true);
    float fontScale() const { return m_fontScale; }
    void setFontScale(float s, bool persist = true);

    core::Journal* journal() { return m_journal; }

    // [SECTION] which journal: the person's own, or a separate sample journal to explore.
    struct JournalActions {
        std::function<core::Journal*()> openSample;   // opens (creating and filling if new) the sample
        std::function<core::Journal*()> openOwn;      // back to the person's journal
        std::function<core::Result<void>()> wipeOwn;  // "Delete all my data"
        // Settings → Your data (core/backup_file.hpp): a backup of the person's journal to a file
        // (sealed when a passphrase is given), what a backup file holds, and replacing the journal
        // with one (the current one kept aside: its path is returned). restoreOwn closes and
        // reopens the journal: the pointer it returns replaces the old one.
        std::function<core::Result<void>(const std::string& out, const core::crypto::Secret* pass)> backupOwn;
        std::function<core::Result<core::BackupPreview>(const std::string& file, const core::crypto::Secret* pass)> previewBackup;
        std::function<core::Result<std::pair<core::Journal*, std::optional<std::string>>>(const std::string& file,
                                                                                         const core::crypto::Secret* pass)>
            restoreOwn;
        std::string ownPath;                          // shown in Settings
    };
    void setJournalActions(JournalActions actions) { m_actions = std::move(actions); }
    bool canExploreSample() const { return static_cast<bool>(m_actions.openSample); }
    bool exploringSample() const { return m_sample; }
    void exploreSample();
    void leaveSample();
    core::Result<void> wipeOwnJournal();
    const JournalActions& journalActions() const { return m_actions; }
    // Replaces the person's journal with a backup (leaving the sample first); returns where the
    // journal it replaced was kept.
    core::Result<std::optional<std::string>> restoreOwnJournal(const std::string& file, const core::crypto::Secret* pass);
    // The platform's file chooser (none: the in-app browser).
    void setFileChooser(FileChooser chooser) { m_fileChooser = std::move(chooser); }
    const FileChooser& fileChooser() const { return m_fileChooser; }
    void setFileSaver(FileSaver saver) { m_fileSaver = std::move(saver); }
    const FileSaver& fileSaver() const { return m_fileSaver; }
    // Keeps the window drawing for a moment without input (an answer from outside is awaited).
    void keepAwake();
    const std::string& ownJournalPath() const { return m_actions.ownPath; }

    // [SECTION] exports: the folder the Export screen saves into and how to show it (the platform
    // knows both). Without `open`, "Open folder" says it is not available on this device.
    struct ExportPlace {
        std::string folder;
        std::function<core::Result<void>(const std::string& folder)> open;
        std::string openLabel = "Open folder";  // "Share" where exports go to the share sheet
        std::string fontDir;                    // DejaVu fonts as real files for the PDF; empty: search
    };
    void setExportPlace(ExportPlace place) { m_exportPlace = std::move(place); }
    const ExportPlace& exportPlace() const { return m_exportPlace; }
    const Assets& assets() const { return m_assets; }
    float scale() const { return m_scale; }
    // Window pixels hidden by the status bar or a cut-out (top), the navigation bar (bottom, or
    // a side in landscape) and cut-outs at the sides: the frame keeps its content clear of them.
    // Zero on the desktop.
    void setSafeArea(float top, float bottom, float left = 0, float right = 0) {
        m_safeTop = top;
        m_safeBottom = bottom;
        m_safeLeft = left;
        m_safeRight = right;
    }

    // Opens the Log screen on an existing episode.
    void startEdit(const core::Episode& e);
    // After a save: raises the alert for the triage outcome (pinned when urgent or an emergency).
    void showOutcome(const core::SaveOutcome& outcome, const core::Episode& e);

    // [SECTION] guidance
    const std::vector<core::Article>& articles() const { return m_articles; }
    const std::string& articleError() const { return m_articleError; }
    std::string articleTitle(const std::string& id) const;
    // Opens the Guidance screen on an article, or on a rule ("why am I seeing this").
    void openArticle(const std::string& id);
    void openRule(const std::string& ruleId, const std::string& logged);
    struct GuidanceRequest {
        std::string article;
        std::string rule;
        std::string logged;
    };
    std::optional<GuidanceRequest> takeGuidanceRequest();
    // The statement that KneeLog informs and does not diagnose (first run, Guidance screen).
    std::string disclaimerText();
    // Screenshots and tests skip the first-run disclaimer without storing an acknowledgement.
    void skipDisclaimer() { m_disclaimerPending = false; }

    // A short confirmation shown at the bottom for a few seconds.
    void flash(std::string message);
    // [SECTION] failures the person must see: a failed save of any kind is shown at the top of
    // every screen until the person presses OK (never a flash that fades). Repeats of the
    // message already at the end of the queue are not added twice.
    void reportError(std::string message);
    // Reports `r`'s error as "<what>: <message>"; true when `r` succeeded.
    bool reportIfFailed(const core::Result<void>& r, std::string_view what);
    const std::vector<std::string>& errors() const { return m_errors; }
    // The window makes the day's automatic backup on the first frame of each local day (the
    // journal's clock); off by default (screenshots, tests), on in the window (app/gui.cpp).
    void setAutomaticBackups(bool on) { m_automaticBackups = on; }
    // Asks the screens to drop cached view models (after a change made outside them).
    uint64_t dataVersion();

private:
    void rebuildFonts();  // from the assets, at the current scale and text size
    void drawNavigation(bool bottom);
    void drawContent();
    void drawRecovery();
    void drawFlash();
    void drawErrors();
    void dailyBackup();
    void drawDisclaimer();
    void drawSampleStrip();
    core::Settings readSettings();
    Screen& screen(ScreenId id);

    core::Journal* m_journal;
    Assets m_assets;
    std::string m_openError;
    std::function<core::Result<void>()> m_restoreBackup;
    std::vector<std::unique_ptr<Screen>> m_screens;
    ScreenId m_current = ScreenId::Log;
    ThemeKind m_theme = ThemeKind::Light;
    float m_fontScale = 1.0f;
    float m_scale = 1.0f;
    float m_safeTop = 0, m_safeBottom = 0, m_safeLeft = 0, m_safeRight = 0;
    bool m_fontsDirty = false;
    TypedText m_typed;  // the journal's characters the fonts add (read when the data version moves)
    bool m_quit = false;
    std::vector<core::Article> m_articles;
    std::string m_articleError;
    std::optional<GuidanceRequest> m_guidanceRequest;
    AlertCenter m_alerts;
    bool m_disclaimerPending = false;
    JournalActions m_actions;
    FileChooser m_fileChooser;
    FileSaver m_fileSaver;
    double m_awakeUntil = 0;
    ExportPlace m_exportPlace;
    bool m_sample = false;
    uint64_t m_generation = 0;  // bumped when the journal is switched, so every cache refreshes
    std::string m_flash;
    double m_flashUntil = 0;
    std::vector<std::string> m_errors;
    bool m_automaticBackups = false;
    std::optional<core::CivilDate> m_backupDay;
};

// Base of every screen: one file each, drawing cached view models.
class Screen {
public:
    virtual ~Screen() = default;
    virtual void draw(App& app) = 0;
    // Back button / Escape: true when the screen consumed it (closed a dialog).
    virtual bool back() { return false; }
    // Going to the background (Android may end the process): keep what is unsaved.
    virtual void pause(App&) {}
    virtual void resume(App&) {}
    // True when the screen scrolls its own regions (the frame then does not scroll it).
    virtual bool ownsScrolling() const { return false; }
    // Opens an existing episode for editing (the Log screen).
    virtual void edit(const core::Episode&) {}
};

std::unique_ptr<Screen> makeLogScreen();
std::unique_ptr<Screen> makeHistoryScreen();
std::unique_ptr<Screen> makeTrendsScreen();
std::unique_ptr<Screen> makeGuidanceScreen();
std::unique_ptr<Screen> makeExportScreen();
std::unique_ptr<Screen> makeSettingsScreen();

// Shared by Settings, the first-run question and the Log screen's risk prompt (settings_screen.cpp).
void drawRegionChoice(App& app);
void drawRiskProfile(App& app);

}  // namespace ui
