// Settings → "Your data": back up, restore, import a CSV (see data_actions.hpp).
#include "ui/data_actions.hpp"

#include <imgui.h>

#include <filesystem>

#include "core/io/atomic_file.hpp"
#include "core/journal.hpp"
#include "ui/app.hpp"
#include "ui/move_device.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

namespace crypto = core::crypto;

constexpr std::size_t kMaxImportBytes = std::size_t{64} << 20;
constexpr std::size_t kProblemsShown = 5;
constexpr core::Term kBackupKinds[] = {{"encrypted", "Encrypted", "", ""}, {"plain", "Not encrypted", "", ""}};

// "kneelog-backup-2026-11-30.kbackup" (encrypted) or ".db", "-2" and on when the name is taken.
std::string freeBackupName(const std::string& folder, bool encrypted) {
    const std::string stem = "kneelog-backup-" + core::formatDate(core::localFromUtc(core::nowUtc()).date);
    const std::string ext = encrypted ? ".kbackup" : ".db";
    std::string name = stem + ext;
    for (int n = 2; io::fileExists(folder + "/" + name) && n < 1000; ++n) name = stem + "-" + std::to_string(n) + ext;
    return name;
}

std::string fileNameOf(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string entries(std::size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }

}  // namespace

void DataActions::status(Section section, std::string text, bool failed) {
    m_statusFor = section;
    m_status = std::move(text);
    m_failed = failed;
}

void DataActions::drawStatus(Section section) const {
    if (m_status.empty() || m_statusFor != section) return;
    ImGui::PushStyleColor(ImGuiCol_Text, m_failed ? palette().danger : palette().text);
    ImGui::TextWrapped("%s", m_status.c_str());
    ImGui::PopStyleColor();
}

void DataActions::draw(App& app) {
    if (app.exportPlace().folder.empty() || !app.journalActions().backupOwn) return;
    // Each outcome is written under the action it belongs to.
    drawBackup(app);
    drawStatus(Section::Backup);
    drawRestore(app);
    drawStatus(Section::Restore);
    drawImport(app);
    drawStatus(Section::Import);
}

void DataActions::drawBackup(App& app) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Back up now");
    hint(("A copy of your whole journal in one file, saved in " + app.exportPlace().folder +
          ". An encrypted backup opens only with its passphrase; anyone who has a backup that is not encrypted "
          "can read it.")
             .c_str());
    std::string kind = m_encrypt ? "encrypted" : "plain";
    if (segmented("data:backup-kind", kBackupKinds, kind, false)) m_encrypt = kind == "encrypted";
    const bool ready = !m_encrypt || newPassphrase("data:backup", m_pass, m_again);
    ImGui::BeginDisabled(!ready);
    if (primaryButton("Back up now")) makeBackup(app);
    ImGui::EndDisabled();
    recordItem("data:backup");
    const auto& place = app.exportPlace();
    if (!m_madeName.empty() && place.open) {
        ImGui::SameLine();
        if (ImGui::Button((place.openLabel + "##backup").c_str(), ImVec2(0, layout().minTouch)))
            if (auto r = place.open(place.folder); !r) app.reportError(r.error().message);
        recordItem("data:backup-share");
    }
    if (!m_madeName.empty()) m_saveCopy.draw(app, place.folder + "/" + m_madeName, "data:backup-copy");
}

void DataActions::makeBackup(App& app) {
    const std::string folder = app.exportPlace().folder;
    const crypto::Secret pass(m_pass);
    crypto::wipe(m_pass);
    crypto::wipe(m_again);
    const std::string name = freeBackupName(folder, m_encrypt);
    core::Result<void> made = io::makeFolders(folder);
    if (made) made = app.journalActions().backupOwn(folder + "/" + name, m_encrypt ? &pass : nullptr);
    if (!made) {
        status(Section::Backup, "The backup was not made: " + made.error().message, true);
        app.reportError(m_status);
        return;
    }
    m_madeName = name;
    status(Section::Backup, "Saved " + name + " in " + folder + (m_encrypt ? ". Keep the passphrase safe: without it the backup cannot be opened." : "."),
           false);
    app.flash("Backup saved");
}

void DataActions::drawRestore(App& app) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Restore from a backup");
    hint("Replaces your journal with a backup file. Your current journal is kept aside first, as a file you can "
         "restore later.");
    if (auto chosen = m_restoreChoice.draw(app, "Choose a backup file\xE2\x80\xA6", "data:restore-choose", {".db", ".kbackup"})) {
        m_restoreFile = *chosen;
        m_restoreSealed = core::backupKind(*chosen) == crypto::FileKind::Sealed;
        m_restorePreview.reset();
        m_status.clear();
    }
    if (m_restoreFile.empty()) return;
    ImGui::TextWrapped("Chosen: %s", fileNameOf(m_restoreFile).c_str());
    if (m_restoreSealed) passphraseField("data:restore-pass", "its passphrase", m_restorePass);
    if (ImGui::Button("Look inside", ImVec2(0, layout().minTouch))) {
        const crypto::Secret pass(m_restorePass);
        auto preview = app.journalActions().previewBackup(m_restoreFile, &pass);
        if (preview) m_restorePreview = *preview;
        else status(Section::Restore, "This file cannot be restored: " + preview.error().message, true);
    }
    recordItem("data:restore-look");
    if (!m_restorePreview) return;
    const core::BackupPreview& p = *m_restorePreview;
    sectionTitle("What the backup holds", true);
    if (p.newest && p.oldest)
        ImGui::TextWrapped("%s, from %s to %s%s.", entries(static_cast<std::size_t>(p.episodes)).c_str(),
                           core::formatDate(p.oldest->date).c_str(), core::formatDate(p.newest->date).c_str(),
                           p.encrypted ? " (encrypted)" : "");
    else
        ImGui::TextWrapped("No entries%s.", p.encrypted ? " (encrypted)" : "");
    hint("Nothing has been changed yet. Restoring replaces everything in your journal with this backup; the journal "
         "you have now is kept aside first.");
    if (primaryButton("Replace my journal with this backup")) restore(app);
    recordItem("data:restore");
    if (!layout().narrow) ImGui::SameLine();  // a phone has no room for both
    if (ImGui::Button("Cancel##restore", ImVec2(0, layout().minTouch))) {
        m_restorePreview.reset();
        m_restoreFile.clear();
        crypto::wipe(m_restorePass);
    }
    recordItem("data:restore-cancel");
}

void DataActions::restore(App& app) {
    const crypto::Secret pass(m_restorePass);
    crypto::wipe(m_restorePass);
    auto kept = app.restoreOwnJournal(m_restoreFile, &pass);
    m_restorePreview.reset();
    if (!kept) {
        status(Section::Restore, "Nothing was changed: " + kept.error().message, true);
        app.reportError(m_status);
        return;
    }
    status(Section::Restore, "Restored " + fileNameOf(m_restoreFile) + "." +
               (*kept ? " The journal it replaced was kept as " + kept->value() + " (restore that file to undo)." : std::string()),
           false);
    m_restoreFile.clear();
    app.flash("Backup restored");
}

void DataActions::drawImport(App& app) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Import a CSV file");
    hint("Adds the entries of a KneeLog CSV export (or a file with the same columns). Entries already in your "
         "journal are skipped. Nothing is written until you confirm.");
    if (auto chosen = m_importChoice.draw(app, "Choose a CSV file\xE2\x80\xA6", "data:import-choose", {".csv"}))
        planImport(app, *chosen);
    if (!m_plan) return;
    const core::ImportPlan& plan = *m_plan;
    sectionTitle(("What importing " + fileNameOf(m_importFile) + " would do").c_str(), true);
    if (!plan.problems.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("This file cannot be imported: %zu %s. Nothing was written.", plan.problems.size(),
                           plan.problems.size() == 1 ? "row is wrong" : "rows are wrong");
        ImGui::PopStyleColor();
        for (std::size_t i = 0; i < plan.problems.size() && i < kProblemsShown; ++i)
            ImGui::TextWrapped("Line %d: %s", plan.problems[i].line, plan.problems[i].reason.c_str());
        if (plan.problems.size() > kProblemsShown) hint(("and " + std::to_string(plan.problems.size() - kProblemsShown) + " more").c_str());
        return;
    }
    const std::string fresh = plan.toAdd.empty() ? std::string("No new entries") : entries(plan.toAdd.size()) + " new";
    ImGui::TextWrapped("%s, %zu already in your journal (skipped).", fresh.c_str(), plan.duplicates.size());
    if (plan.seriousAlerts > 0)
        ImGui::TextWrapped("%d of the new entries raise urgent or emergency advice; older ones are marked as seen.", plan.seriousAlerts);
    if (plan.pegRowsSkipped > 0) hint("The file's weekly check-ins are not imported: import reads entries only.");
    if (!plan.toAdd.empty()) {
        if (primaryButton(("Add " + entries(plan.toAdd.size())).c_str())) commitImport(app);
        recordItem("data:import");
        if (!layout().narrow) ImGui::SameLine();  // a phone has no room for both
    }
    if (ImGui::Button(plan.toAdd.empty() ? "Close##import" : "Cancel##import", ImVec2(0, layout().minTouch))) m_plan.reset();
    recordItem("data:import-cancel");
}

void DataActions::commitImport(App& app) {
    const core::ImportPlan& plan = *m_plan;
    auto r = app.journal() ? app.journal()->commitImport(plan)
                           : core::Result<void>(core::makeError(core::ErrorCode::Internal, "There is no journal open."));
    if (r) {
        status(Section::Import, "Imported " + entries(plan.toAdd.size()) + " from " + fileNameOf(m_importFile) + ".", false);
        app.flash("Imported");
    } else {
        status(Section::Import, "Nothing was imported: " + r.error().message, true);
        app.reportError(m_status);
    }
    m_plan.reset();
}

void DataActions::planImport(App& app, const std::string& path) {
    m_plan.reset();
    m_importFile = path;
    m_status.clear();
    core::Journal* journal = app.journal();
    if (!journal) return;
    auto text = io::readWholeFile(path, kMaxImportBytes);
    auto plan = text ? journal->planImport(*text) : core::Result<core::ImportPlan>(text.error());
    if (plan) m_plan = std::move(*plan);
    else status(Section::Import, "This file cannot be imported: " + plan.error().message, true);
}

}  // namespace ui
