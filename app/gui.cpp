#include "app/gui.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>

#include "core/io/atomic_file.hpp"
#include "core/io/file_guard.hpp"
#include "core/journal.hpp"
#include "core/backup_file.hpp"
#include "db/journal_files.hpp"
#include "db/journal_store.hpp"
#include "pdf/pdf_report.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace app {

namespace {

ui::Assets loadAssets() {
    ui::Assets a;
    const std::string dir = platform::assetsDir();
    const std::string prefix = dir.empty() ? "" : dir + "/";
    a.regularTtf = platform::mapFile(prefix + "fonts/DejaVuSans.ttf");
    a.boldTtf = platform::mapFile(prefix + "fonts/DejaVuSans-Bold.ttf");
    // The knee map's drawings: decoded by the platform (stb_image) into textures when first drawn.
    a.pictures.load = [prefix](const std::string& path) {
        platform::ImageLoad loaded = platform::loadImage(prefix + path);
        return ui::Picture{loaded.texture.id, loaded.texture.width, loaded.texture.height, std::move(loaded.error)};
    };
    a.pictures.generation = platform::textureGeneration;
    a.loadCjkTtf = [] { return platform::mapFile(pdf::cjkFontPath()); };
    for (const auto& path : platform::listAssets("guidance", ".md")) {
        const std::string name = std::filesystem::path(path).filename().string();
        if (name == "FORMAT.md") continue;
        if (auto text = platform::loadFile(path)) a.articles.emplace_back(name, std::move(*text));
    }
    return a;
}

platform::FrameHooks hooksFor(ui::App& app) {
    platform::FrameHooks h;
    h.setup = [&app](float scale) { app.setup(scale); };
    h.prepareFrame = [&app] { return app.prepareFrame(); };
    h.frame = [&app] { app.frame(); };
    h.msUntilWake = [&app] { return app.msUntilWake(); };
    h.wantsQuit = [&app] { return app.wantsQuit(); };
    h.back = [&app] { return app.back(); };
    h.pause = [&app] { app.pause(); };
    h.resume = [&app] { app.resume(); };
    return h;
}

#ifdef __ANDROID__
// libharu embeds fonts from real files, and APK assets are not files: the font bytes the app
// already loaded are written once into app-private storage.
std::string fontFilesFor(const ui::Assets& assets) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(platform::userDataDir()) / "fonts";
    std::error_code ec;
    fs::create_directories(dir, ec);
    for (const auto& [name, bytes] : {std::pair<const char*, const ui::SharedBytes*>{"DejaVuSans.ttf", &assets.regularTtf},
                                      {"DejaVuSans-Bold.ttf", &assets.boldTtf}}) {
        if (!*bytes || (*bytes)->empty() || fs::file_size(dir / name, ec) == (*bytes)->size()) continue;
        std::ofstream(dir / name, std::ios::binary).write((*bytes)->data(), static_cast<std::streamsize>((*bytes)->size()));
    }
    return dir.string();
}

// Android exports are written in app-private storage (files/exports, the one folder the
// FileProvider in platform/android may share) and handed to the system share sheet.
ui::App::ExportPlace exportPlace(const std::string&, const ui::Assets& assets) {
    ui::App::ExportPlace place;
    place.folder = platform::userDataDir() + "exports";
    place.openLabel = "Share";
    place.fontDir = fontFilesFor(assets);
    place.open = [](const std::string& folder) -> core::Result<void> {
        const std::string newest = platform::newestFile(folder);
        if (newest.empty()) return core::makeError(core::ErrorCode::Io, "Save an export first, then share it.");
        if (!platform::shareFile(newest, platform::mimeType(newest)))
            return core::makeError(core::ErrorCode::Io, "Could not open the share sheet.");
        return {};
    };
    return place;
}
#else
// Desktop exports go to the person's Documents folder when it exists, else to exports/ beside
// the journal. "Open folder" hands the folder to xdg-open in the background (no zombie, no wait).
ui::App::ExportPlace exportPlace(const std::string& dbPath, const ui::Assets&) {
    ui::App::ExportPlace place;
    place.folder = platform::documentsDir();
    if (place.folder.empty()) {
        std::error_code ec;
        place.folder = (std::filesystem::absolute(dbPath, ec).parent_path() / "exports").string();
    }
    place.fontDir = platform::assetsDir() + "/fonts";  // the one search for the assets folder
    place.open = [](const std::string& folder) -> core::Result<void> {
        if (!platform::openFolder(folder))
            return core::makeError(core::ErrorCode::Io, "Could not open the folder (xdg-open is not installed).");
        return {};
    };
    return place;
}
#endif

// Median and 95th percentile, leaving out the first frame (it builds the font texture).
std::pair<double, double> medianAndP95(std::vector<double> ms) {
    if (ms.size() > 1) ms.erase(ms.begin());
    if (ms.empty()) return {0.0, 0.0};
    std::sort(ms.begin(), ms.end());
    const size_t p95 = std::min(ms.size() - 1, static_cast<size_t>(static_cast<double>(ms.size()) * 0.95));
    return {ms[ms.size() / 2], ms[p95]};
}

// The window's journals: the person's own (when it opens) and, on demand, the sample beside it.
struct WindowJournals {
    std::unique_ptr<db::JournalStore> store;
    std::unique_ptr<core::Journal> journal;
    std::string openError;
    std::function<core::Result<void>()> restore;  // when the journal is damaged and a backup exists
    std::unique_ptr<db::JournalStore> sampleStore;
    std::unique_ptr<core::Journal> sampleJournal;
};

void openForWindow(const std::string& dbPath, WindowJournals& j) {
    const bool existed = io::fileExists(dbPath);
    auto opened = db::JournalStore::open(dbPath);
    if (opened) {
        j.store = std::move(*opened);  // the day's backup is made by the app on its first frame
        if (!existed) std::fprintf(stderr, "kneelog: Created a new journal at %s\n", dbPath.c_str());
        j.journal = std::make_unique<core::Journal>(*j.store);
        return;
    }
    j.openError = opened.error().message;  // names the newest good backup, or says there is none
    if (auto newest = db::JournalStore::newestBackup(dbPath)) {
        const std::string backup = *newest, path = dbPath;
        j.restore = [backup, path]() -> core::Result<void> {
            auto kept = db::JournalStore::restore(backup, path);
            if (!kept) return kept.error();
            return {};
        };
    }
}

// The platform's own dialogs to open a file and to save a copy (never onto the journal's files).
void usePlatformDialogs(ui::App& app, const std::string& dbPath) {
    app.setFileChooser([](const ui::FileRequest& r) { return platform::chooseFileToOpen(r.title, r.folder, r.extensions); });
    app.setFileSaver([dbPath](const std::string& file, const std::string& title) {
        return platform::saveCopyOutside(file, title, [dbPath](const std::string& to) -> std::string {
            auto r = io::refuseProtected(to, db::JournalStore::protectedPaths(dbPath));
            return r ? std::string() : r.error().message;
        });
    });
}

// The sample journal is a separate file beside the person's own: sample data never mixes in.
ui::App::JournalActions journalActions(const std::string& dbPath, WindowJournals& j) {
    ui::App::JournalActions actions;
    actions.ownPath = dbPath;
    actions.openOwn = [&j] { return j.journal.get(); };
    actions.wipeOwn = [&j] { return j.store->wipe(); };
    actions.backupOwn = [&j, dbPath](const std::string& out, const core::crypto::Secret* pass) {
        return core::writeBackup(*j.store, dbPath, out, pass);
    };
    actions.previewBackup = [dbPath](const std::string& file, const core::crypto::Secret* pass) {
        db::SqliteJournalFiles files;
        return core::previewBackup(files, file, pass, dbPath);
    };
    // Closes the journal, restores (the current one kept aside) and opens whatever is there now:
    // the backup, or the old journal when the restore was refused.
    actions.restoreOwn = [&j, dbPath](const std::string& file, const core::crypto::Secret* pass)
        -> core::Result<std::pair<core::Journal*, std::optional<std::string>>> {
        db::SqliteJournalFiles files;
        j.journal.reset();
        j.store.reset();
        auto kept = core::restoreBackup(files, file, pass, dbPath);
        auto reopened = db::JournalStore::open(dbPath);
        if (!reopened) return reopened.error();
        j.store = std::move(*reopened);
        j.journal = std::make_unique<core::Journal>(*j.store);
        if (!kept) return kept.error();
        return std::make_pair(j.journal.get(), *kept);
    };
    actions.openSample = [&j, dbPath]() -> core::Journal* {
        if (!j.sampleJournal) {
            const auto path = std::filesystem::path(dbPath).parent_path() / "sample-journal.db";
            auto opened = db::JournalStore::open(path.string());
            if (!opened) return nullptr;
            auto sample = std::make_unique<core::Journal>(**opened);
            if (auto n = sample->countEpisodes({}); !n || (*n == 0 && !sample->addSample(365, 7))) return nullptr;
            j.sampleStore = std::move(*opened);
            j.sampleJournal = std::move(sample);
        }
        return j.sampleJournal.get();
    };
    return actions;
}

}  // namespace

int runGui(const std::string& dbPath) {
#ifdef __ANDROID__
    // Copies of documents chosen in the system picker (a backup, a CSV) are read once: none is
    // kept past the session that chose it.
    std::error_code ignored;
    std::filesystem::remove_all(platform::userDataDir() + "imports", ignored);
#endif
    WindowJournals j;
    openForWindow(dbPath, j);
    ui::App app(j.journal.get(), loadAssets(), j.openError, j.restore);
    app.setAutomaticBackups(true);
    if (j.store) app.setJournalActions(journalActions(dbPath, j));
    app.setExportPlace(exportPlace(dbPath, app.assets()));
    usePlatformDialogs(app, dbPath);
    platform::FrameHooks hooks = hooksFor(app);
    // To the background (Android may end the process there) or closing: the unsaved form is
    // kept, then the write-ahead log is moved into the journal file.
    hooks.pause = [&] {
        app.pause();
        // A checkpoint that cannot run loses nothing (the log stays beside the journal and is read
        // back next time); the person is told when they come back.
        for (db::JournalStore* s : {j.store.get(), j.sampleStore.get()})
            if (s) app.reportIfFailed(s->checkpoint(), "Your journal could not be tidied before the app went to the background");
    };
    const bool timing = std::getenv("KNEELOG_TIMING") != nullptr;
    bool first = true;
    // TEST HOOK ONLY: with KNEELOG_TEST_ITEMS=FILE the window writes where each named item is
    // ("name left top right bottom" in window px) to FILE whenever it changes, so the real-window
    // test (tests/e2e/xvfb_click.sh) clicks items by name instead of by fixed coordinates.
    const char* itemsEnv = std::getenv("KNEELOG_TEST_ITEMS");
    const std::string itemsFile = itemsEnv ? itemsEnv : "";
    std::string itemsWritten;
    if (!itemsFile.empty()) ui::setItemRecording(true);
    hooks.frame = [&] {
        const platform::SafeArea safe = platform::safeAreaInsets();  // status bar, cut-outs (Android)
        app.setSafeArea(safe.top, safe.bottom, safe.left, safe.right);
        app.frame();
        if (!itemsFile.empty()) {
            std::string items = ui::recordedItemsText();
            if (items != itemsWritten) {
                std::ofstream(itemsFile + ".tmp", std::ios::trunc) << items;
                std::rename((itemsFile + ".tmp").c_str(), itemsFile.c_str());
                itemsWritten = std::move(items);
            }
        }
        if (first && timing) std::fprintf(stderr, "first_frame_s=%.4f ui_scale=%.2f\n", platform::seconds(), app.scale());
        first = false;
    };
    platform::WindowConfig config;
    config.continuous = std::getenv("KNEELOG_DRAW_EVERY_FRAME") != nullptr;
    config.iconPng = platform::assetsDir() + "/icons/kneelog-256.png";
    return platform::runWindow(config, hooks);
}

// --tap KEY... then --show KEY: clicks named items in order (scrolling them into view first) and
// finally scrolls until KEY sits in the upper half, so a screenshot can show a state mid-form.
std::function<std::optional<platform::ScriptedInput>(int)> tapScript(std::vector<std::string> taps, std::string show,
                                                                      float width, float height) {
    struct State {
        std::size_t index = 0;
        int phase = 0;
        int waited = 0;
    };
    auto st = std::make_shared<State>();
    return [taps = std::move(taps), show = std::move(show), st, width, height](int) -> std::optional<platform::ScriptedInput> {
        platform::ScriptedInput in;
        const bool showing = st->index >= taps.size();
        if (showing && show.empty()) return in;
        const auto c = ui::itemCenter(showing ? show : taps[st->index]);
        if (!c) {
            if (++st->waited > 20) st->index = std::min(st->index + 1, taps.size() + (show.empty() ? 0 : 1));
            return in;  // not laid out (yet)
        }
        st->waited = 0;
        const float top = height * 0.15f, bottom = showing ? height * 0.5f : height * 0.75f;
        if (st->phase == 0 && (c->y < top || c->y > bottom)) {
            in.mouseX = width * 0.5f;
            in.mouseY = height * 0.5f;
            in.wheel = c->y > bottom ? -1.0f : 1.0f;
            return in;
        }
        if (showing) return in;
        in.mouseX = c->x;
        in.mouseY = c->y;
        in.mouseDown = st->phase == 1;  // hover, press, release
        if (++st->phase == 3) {
            st->phase = 0;
            ++st->index;
        }
        return in;
    };
}

int runScreenshot(const ScreenshotOptions& options) {
    const auto screen = ui::screenFromName(options.screen);
    if (!screen) {
        std::fprintf(stderr, "kneelog: screenshot: unknown screen '%s'\n", options.screen.c_str());
        return 2;
    }
    platform::HeadlessConfig config;
    if (options.width > 0) config.width = options.width;
    if (options.height > 0) config.height = options.height;
    if (options.scale > 0) config.scale = options.scale;
    auto opened = db::JournalStore::open(options.dbPath);
    if (!opened) {
        std::fprintf(stderr, "kneelog: %s\n", opened.error().message.c_str());
        return opened.error().code == core::ErrorCode::Invalid ? 2 : 1;
    }
    WindowJournals j;
    j.store = std::move(*opened);
    j.journal = std::make_unique<core::Journal>(*j.store);
    ui::App app(j.journal.get(), loadAssets());
    app.setJournalActions(journalActions(options.dbPath, j));  // Settings shows what the window offers
    app.setExportPlace(exportPlace(options.dbPath, app.assets()));
    usePlatformDialogs(app, options.dbPath);
    app.show(*screen);
    platform::FrameHooks hooks = hooksFor(app);
    if (!options.firstRun) app.skipDisclaimer();
    const std::vector<std::string>& taps = options.taps;
    const std::string& show = options.show;
    if (!taps.empty() || !show.empty()) {
        ui::setItemRecording(true);
        config.input = tapScript(taps, show, static_cast<float>(config.width), static_cast<float>(config.height));
    }
    hooks.setup = [&](float scale) {
        app.setup(scale);
        app.setTheme(ui::themeFromName(options.theme), false);
    };
    config.pngOut = options.out;
    const bool measure = options.frames > 0;
    config.frames = measure ? options.frames : taps.empty() && show.empty() ? 3 : 3 + 40 * static_cast<int>(taps.size() + 1);
    auto result = platform::runHeadless(config, hooks);
    if (!result.ok) {
        std::fprintf(stderr, "kneelog: screenshot failed: %s\n", result.error.c_str());
        return 1;
    }
    if (measure) {
        const auto [median, p95] = medianAndP95(result.frameMs);
        const auto [rasterMedian, rasterP95] = medianAndP95(result.rasterMs);
        std::printf("frame_ms median=%.3f p95=%.3f frames=%zu\n", median, p95, result.frameMs.size());
        std::printf("software_raster_ms median=%.3f p95=%.3f\n", rasterMedian, rasterP95);
    }
    return 0;
}

}  // namespace app
