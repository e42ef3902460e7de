// The in-app file browser and the "Choose a file…" button (see file_browser.hpp).
#include "ui/file_browser.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "ui/app.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr std::size_t kMaxEntries = 400;  // a folder with more shows the first ones, sorted

bool matches(const std::string& name, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) {
        return lower.size() > e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0;
    });
}

std::string homeFolder() {
    const char* home = std::getenv("HOME");
    return home && *home ? home : "/";
}

}  // namespace

void FileBrowser::open(const std::string& folder, std::vector<std::string> extensions) {
    m_extensions = std::move(extensions);
    m_open = true;
    std::error_code ec;
    go(!folder.empty() && std::filesystem::is_directory(folder, ec) ? folder : homeFolder());
}

void FileBrowser::go(const std::string& folder) {
    m_folder = folder;
    m_entries.clear();
    m_error.clear();
    std::error_code ec;
    auto it = std::filesystem::directory_iterator(folder, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) m_error = "This folder cannot be read: " + ec.message() + ".";
    for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code typeError;
        const bool isFolder = it->is_directory(typeError);
        if (isFolder || (it->is_regular_file(typeError) && matches(name, m_extensions))) m_entries.push_back({name, isFolder});
    }
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        return a.folder != b.folder ? a.folder : a.name < b.name;
    });
    if (m_entries.size() > kMaxEntries) m_entries.resize(kMaxEntries);
}

std::optional<std::string> FileBrowser::draw(const std::string& id) {
    if (!m_open) return std::nullopt;
    ImGui::PushID(id.c_str());
    hint(("In " + m_folder).c_str());
    std::optional<std::string> chosen;
    std::string next;
    if (ImGui::Button("\xE2\x86\x91 Up", ImVec2(0, layout().minTouch))) next = std::filesystem::path(m_folder).parent_path().string();
    recordItem(id + ":up");
    ImGui::SameLine();
    if (ImGui::Button("Home", ImVec2(0, layout().minTouch))) next = homeFolder();
    recordItem(id + ":home");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(0, layout().minTouch))) m_open = false;
    recordItem(id + ":cancel");
    if (!m_error.empty()) hint(m_error.c_str());
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rowH = std::max(layout().minTouch, em(1.8f));
    const float rows = static_cast<float>(std::max<std::size_t>(m_entries.size(), 1));
    const float h = std::min(rows * (rowH + style.ItemSpacing.y) + style.WindowPadding.y * 2.0f, em(16.0f));
    ImGui::BeginChild("##files", ImVec2(0, h), true);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    if (m_entries.empty()) hint("No folders here, and no file of the kind asked for.");
    for (const Entry& e : m_entries) {
        const std::string label = (e.folder ? "\xE2\x96\xB8 " + e.name + "/" : e.name) + "##" + e.name;
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, rowH))) {
            const std::string path = (std::filesystem::path(m_folder) / e.name).string();
            if (e.folder) next = path;
            else chosen = path;
        }
        recordItem(id + ":entry:" + e.name);
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::PopID();
    if (!next.empty()) go(next);
    if (chosen) m_open = false;
    return chosen;
}

std::optional<std::string> FileChoice::draw(App& app, const char* label, const std::string& id,
                                            const std::vector<std::string>& extensions) {
    if (m_pending) {
        app.keepAwake();  // the chooser's answer comes with no window event
        if (m_pending->wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            hint("Choose the file in the window that opened.");
            return std::nullopt;
        }
        std::optional<std::string> got = m_pending->get();
        m_pending.reset();
        return got;
    }
    if (!m_browser.isOpen()) {
        if (ImGui::Button(label, ImVec2(0, layout().minTouch))) {
            const std::string start = app.exportPlace().folder;
            if (const auto& outside = app.fileChooser()) m_pending = outside(FileRequest{label, start, extensions});
            if (!m_pending) m_browser.open(start, extensions);
        }
        recordItem(id);
        return std::nullopt;
    }
    return m_browser.draw(id);
}

void SaveCopy::draw(App& app, const std::string& file, const std::string& id) {
    if (!app.fileSaver() || file.empty()) return;
    if (m_for != file) {
        m_for = file;
        m_last = {false, ""};
    }
    if (m_pending) {
        app.keepAwake();
        if (m_pending->wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            hint("Choose where to save it in the window that opened.");
            return;
        }
        m_last = m_pending->get();
        m_pending.reset();
    }
    if (ImGui::Button(("Save a copy elsewhere\xE2\x80\xA6##" + id).c_str(), ImVec2(0, layout().minTouch)))
        m_pending = app.fileSaver()(file, "Save a copy");
    recordItem(id);
    if (m_last.second.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, m_last.first ? palette().text : palette().danger);
    ImGui::TextWrapped("%s", m_last.second.c_str());
    ImGui::PopStyleColor();
}

}  // namespace ui
