#pragma once
// Choosing a file to open (a backup to restore, a CSV to import, a bundle): the platform's own
// chooser when it has one (App::setFileChooser: the desktop's file dialog through zenity or
// kdialog), else a small in-app browser of folders and matching files. Never a bare path field.
#include <future>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ui {

class App;

// A small in-app browser: the folder shown, Up and Home, its sub-folders and the files whose
// names end with one of the extensions (hidden files left out).
class FileBrowser {
public:
    void open(const std::string& folder, std::vector<std::string> extensions);
    bool isOpen() const { return m_open; }
    void close() { m_open = false; }
    // Draws the browser inline; returns the chosen file's path on the frame it is tapped.
    std::optional<std::string> draw(const std::string& id);
    const std::string& folder() const { return m_folder; }

private:
    void go(const std::string& folder);
    struct Entry {
        std::string name;
        bool folder = false;
    };
    std::string m_folder;
    std::vector<std::string> m_extensions;
    std::vector<Entry> m_entries;
    std::string m_error;
    bool m_open = false;
};

// A "Choose a file…" button and what follows it: the platform's chooser running beside the
// window (the window keeps drawing), or the in-app browser.
class FileChoice {
public:
    // `extensions` like ".csv"; returns the chosen path on the frame it becomes known.
    std::optional<std::string> draw(App& app, const char* label, const std::string& id,
                                    const std::vector<std::string>& extensions);
    void cancel() { m_browser.close(); }

private:
    FileBrowser m_browser;
    std::optional<std::future<std::optional<std::string>>> m_pending;
};

// "Save a copy elsewhere…" for a file the app made (a backup, a bundle): the platform's own save
// dialog beside the window, then the outcome in words. Draws nothing where there is no dialog.
class SaveCopy {
public:
    void draw(App& app, const std::string& file, const std::string& id);

private:
    std::optional<std::future<std::pair<bool, std::string>>> m_pending;
    std::pair<bool, std::string> m_last;
    std::string m_for;  // the file m_last is about
};

}  // namespace ui
