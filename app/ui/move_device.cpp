// Settings → "Move to another device" (see move_device.hpp).
#include "ui/move_device.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <span>

#include "core/io/atomic_file.hpp"
#include "core/journal.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

namespace crypto = core::crypto;

constexpr std::size_t kMinPassphrase = 8;
constexpr std::size_t kMaxBundleBytes = std::size_t{1} << 30;

std::span<const uint8_t> asBytes(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

// "kneelog-2026-11-27.kneelog", or "...-2.kneelog" and on when that name is taken.
std::string freeBundleName(const std::string& folder) {
    const std::string stem = "kneelog-" + core::formatDate(core::localFromUtc(core::nowUtc()).date);
    std::string name = stem + ".kneelog";
    for (int n = 2; io::fileExists(folder + "/" + name) && n < 1000; ++n) name = stem + "-" + std::to_string(n) + ".kneelog";
    return name;
}

bool passwordField(const char* id, const char* hintText, std::string& value) {
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(16.0f)));
    const bool changed = ImGui::InputTextWithHint(id, hintText, &value, ImGuiInputTextFlags_Password);
    return changed;
}

}  // namespace

PassphraseStrength passphraseStrength(const std::string& text) {
    if (text.size() < kMinPassphrase)
        return {0, "Too short: use at least 8 characters. A few unrelated words are easy to remember and hard to guess."};
    int kinds = 0;
    for (auto test : {+[](int c) { return std::islower(c) != 0; }, +[](int c) { return std::isupper(c) != 0; },
                      +[](int c) { return std::isdigit(c) != 0; }, +[](int c) { return !std::isalnum(c); }})
        kinds += std::any_of(text.begin(), text.end(), [&](char c) { return test(static_cast<unsigned char>(c)); }) ? 1 : 0;
    if (text.size() >= 16 || (text.size() >= 12 && kinds >= 3))
        return {2, "Strong. Keep it somewhere safe: without it the bundle cannot be opened."};
    return {1, "Fair. Longer is stronger: four or more unrelated words are hard to guess."};
}

void MoveToDevice::draw(App& app) {
    ImGui::Spacing();
    sectionTitle("Move to another device");
    hint("A bundle is your whole journal in one file, locked with a passphrase. Carry it to your other phone or "
         "computer yourself and open it there: the two journals are merged, nothing is duplicated and no edit is "
         "lost. There is no account and no cloud: the file goes only where you take it.");
    if (app.exportPlace().folder.empty()) {
        hint("Saving and opening files is not available here.");
        return;
    }
    drawMake(app);
    drawOpen(app);
    if (!m_status.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, m_failed ? palette().danger : palette().text);
        ImGui::TextWrapped("%s", m_status.c_str());
        ImGui::PopStyleColor();
    }
}

bool newPassphrase(const std::string& id, std::string& pass, std::string& again) {
    passwordField(("##pass" + id).c_str(), "passphrase", pass);
    recordItem(id + ":pass");
    passwordField(("##again" + id).c_str(), "the same passphrase again", again);
    recordItem(id + ":again");
    if (!pass.empty()) {
        const PassphraseStrength s = passphraseStrength(pass);
        ImGui::PushStyleColor(ImGuiCol_Text, s.level == 0 ? palette().danger : palette().textMuted);
        ImGui::TextWrapped("%s", s.words);
        ImGui::PopStyleColor();
    }
    const bool match = !again.empty() && crypto::Secret(pass) == crypto::Secret(again);
    if (!again.empty() && !match) hint("The two passphrases differ.");
    return passphraseStrength(pass).level > 0 && match;
}

bool passphraseField(const std::string& id, const char* hintText, std::string& value) {
    const bool changed = passwordField(("##" + id).c_str(), hintText, value);
    recordItem(id);
    return changed;
}

void MoveToDevice::drawMake(App& app) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Make a bundle");
    const bool ready = newPassphrase("move", m_pass, m_again);
    ImGui::BeginDisabled(!ready);
    if (primaryButton("Make bundle")) makeBundle(app);
    ImGui::EndDisabled();
    recordItem("move:make");
    const auto& place = app.exportPlace();
    if (!m_made.empty() && place.open) {
        ImGui::SameLine();
        if (ImGui::Button(place.openLabel.c_str(), ImVec2(0, layout().minTouch)))
            if (auto r = place.open(place.folder); !r) app.reportError(r.error().message);
        recordItem("move:share");
    }
    if (!m_made.empty()) m_saveCopy.draw(app, place.folder + "/" + m_made, "move:copy");
}

void MoveToDevice::makeBundle(App& app) {
    core::Journal* journal = app.journal();
    if (!journal) return;
    const std::string folder = app.exportPlace().folder;
    auto content = journal->bundleContent();
    auto sealed = content ? crypto::seal(asBytes(*content), crypto::Payload::Bundle, crypto::Secret(m_pass))
                          : core::Result<std::vector<uint8_t>>(content.error());
    if (content) crypto::wipe(*content);
    clearSecrets();
    core::Result<void> written = sealed ? io::makeFolders(folder) : core::Result<void>(sealed.error());
    const std::string name = freeBundleName(folder);
    if (written)
        written = io::writeFileAtomically(folder + "/" + name,
                                          std::string_view(reinterpret_cast<const char*>(sealed->data()), sealed->size()));
    m_failed = !written;
    if (!written) {
        m_status = "The bundle was not made: " + written.error().message;
        app.reportError(m_status);
        return;
    }
    m_made = name;
    m_listedAt = -1e9;  // list the folder again: the new bundle shows at once
    m_status = "Saved " + name + " in " + folder + ". Take it to your other device and open it there with the same "
               "passphrase.";
    app.flash("Bundle saved");
}

const std::vector<std::string>& MoveToDevice::bundlesIn(const std::string& folder) {
    const double now = ImGui::GetTime();
    if (folder == m_listedFolder && now - m_listedAt < 2.0) return m_listed;
    m_listedFolder = folder;
    m_listedAt = now;
    std::vector<std::string>& out = m_listed;
    out.clear();
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(folder, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".kneelog" && it->is_regular_file(ec)) out.push_back(it->path().filename().string());
    std::sort(out.begin(), out.end(), std::greater<>());  // dated names: newest first
    return out;
}

void MoveToDevice::drawOpen(App& app) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Open a bundle");
    const std::string folder = app.exportPlace().folder;
    const std::vector<std::string>& files = bundlesIn(folder);
    if (files.empty()) hint(("No bundle in " + folder + " yet (on a phone: open the .kneelog file with KneeLog).").c_str());
    else hint(("Bundles in " + folder + ":").c_str());
    for (std::size_t i = 0; i < files.size() && i < 8; ++i) {
        const std::string path = folder + "/" + files[i];
        if (chip(files[i].c_str(), m_chosen == path)) choose(m_chosen == path ? std::string() : path);
        recordItem("move:file:" + std::to_string(i));
        if (i + 1 < files.size() && i < 7) ImGui::SameLine();
    }
    if (auto other = m_otherFile.draw(app, "Choose another file\xE2\x80\xA6", "move:choose", {".kneelog"})) choose(*other);
    if (!m_chosen.empty() && m_chosen.rfind(folder + "/", 0) != 0) ImGui::TextWrapped("Chosen: %s", m_chosen.c_str());
    if (m_chosen.empty()) return;
    passwordField("##openpass", "its passphrase", m_openPass);
    recordItem("move:openpass");
    if (ImGui::Button("Preview", ImVec2(0, layout().minTouch))) preview(app);
    recordItem("move:preview");
    if (!m_preview) return;
    const core::MergeCounts& c = *m_preview;
    sectionTitle("What opening it would change", true);
    if (!m_previewEncrypted) hint("This bundle was not encrypted.");
    ImGui::Text("%zu new entries, %zu updated, %zu deleted, %zu unchanged.", c.added, c.updated, c.deleted, c.unchanged);
    if (c.checkinsAdded > 0) ImGui::Text("%zu new weekly check-ins.", c.checkinsAdded);
    hint("Nothing has been written yet. An entry changed on both devices keeps the later change; the other version "
         "is kept in its history.");
    if (primaryButton("Merge into my journal")) mergeBundle(app);
    recordItem("move:import");
    if (!layout().narrow) ImGui::SameLine();
    if (ImGui::Button("Cancel##move", ImVec2(0, layout().minTouch))) {
        m_preview.reset();
        crypto::wipe(m_openPass);
    }
    recordItem("move:cancel");
}

// Opens the chosen bundle with the typed passphrase and merges it (or, with `dryRun`, only counts
// what a merge would change). The opened bytes are wiped before returning.
core::Result<MoveToDevice::Opened> MoveToDevice::openChosen(core::Journal& journal, bool dryRun) {
    auto bytes = io::readWholeFile(m_chosen, kMaxBundleBytes);
    if (!bytes) return bytes.error();
    const crypto::Secret pass(m_openPass);
    auto opened = crypto::open(asBytes(*bytes), crypto::Payload::Bundle, &pass);
    if (!opened) return opened.error();
    auto counts = journal.importBundle(
        std::string_view(reinterpret_cast<const char*>(opened->data.data()), opened->data.size()), dryRun);
    crypto::wipe(opened->data);
    if (!counts) return counts.error();
    return Opened{*counts, opened->encrypted};
}

void MoveToDevice::preview(App& app) {
    m_preview.reset();
    core::Journal* journal = app.journal();
    if (!journal) return;
    auto opened = openChosen(*journal, true);
    m_failed = !opened;
    m_status = opened ? std::string() : opened.error().message;
    if (opened) {
        m_preview = opened->counts;
        m_previewEncrypted = opened->encrypted;
    }
}

void MoveToDevice::mergeBundle(App& app) {
    core::Journal* journal = app.journal();
    if (!journal) return;
    auto opened = openChosen(*journal, false);
    const core::Result<core::MergeCounts> counts =
        opened ? core::Result<core::MergeCounts>(opened->counts) : core::Result<core::MergeCounts>(opened.error());
    crypto::wipe(m_openPass);
    m_preview.reset();
    m_failed = !counts;
    if (!counts) {
        m_status = "Nothing was changed: " + counts.error().message;
        app.reportError(m_status);
        return;
    }
    m_status = "Merged: " + std::to_string(counts->added) + " new, " + std::to_string(counts->updated) + " updated, " +
               std::to_string(counts->deleted) + " deleted, " + std::to_string(counts->unchanged) + " unchanged" +
               (counts->checkinsAdded > 0 ? ", " + std::to_string(counts->checkinsAdded) + " new weekly check-ins." : ".");
    app.flash("Bundle merged");
}

void MoveToDevice::choose(std::string path) {
    m_chosen = std::move(path);
    m_preview.reset();
    m_status.clear();
}

void MoveToDevice::clearSecrets() {
    crypto::wipe(m_pass);
    crypto::wipe(m_again);
}

}  // namespace ui
