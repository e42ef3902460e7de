#pragma once
// Settings → "Your data": what the command line does with the person's data, in the window (a
// phone has no command line): back up now (plain or encrypted), restore from a chosen backup
// (with a look inside first, the current journal kept aside) and import a CSV (with the same
// preview as `kneelog import --dry-run`). Files are chosen with ui::FileChoice.
#include <optional>
#include <string>

#include "core/backup_file.hpp"
#include "core/export.hpp"
#include "ui/file_browser.hpp"

namespace ui {

class App;

class DataActions {
public:
    void draw(App& app);

private:
    void drawBackup(App& app);
    void makeBackup(App& app);
    void drawRestore(App& app);
    void restore(App& app);
    void drawImport(App& app);
    void planImport(App& app, const std::string& path);
    void commitImport(App& app);
    enum class Section { Backup, Restore, Import };
    void status(Section section, std::string text, bool failed);
    void drawStatus(Section section) const;

    bool m_encrypt = true;
    std::string m_pass, m_again;  // wiped once used
    std::string m_madeName;
    SaveCopy m_saveCopy;

    FileChoice m_restoreChoice;
    std::string m_restoreFile;
    bool m_restoreSealed = false;
    std::string m_restorePass;
    std::optional<core::BackupPreview> m_restorePreview;

    FileChoice m_importChoice;
    std::string m_importFile;
    std::optional<core::ImportPlan> m_plan;

    std::string m_status;
    Section m_statusFor = Section::Backup;
    bool m_failed = false;
};

}  // namespace ui
