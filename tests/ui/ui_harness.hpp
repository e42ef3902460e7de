#pragma once
// Headless UI harness: the real App and screens, rendered by the real platform runner with
// the dummy video driver and software renderer, driven by a scripted input at the ImGui io level.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/journal.hpp"
#include "db/journal_store.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"

namespace test {

struct Click {
    float x, y;  // logical px
};

// A script that clicks the named item (see ui::recordItem) at frame `at`: hover, press, release.
std::function<std::optional<platform::ScriptedInput>(int)> clickAt(std::string key, int at);
// Several clicks in order, one every 3 frames starting at frame 2.
std::function<std::optional<platform::ScriptedInput>(int)> clickAll(std::vector<std::string> keys);

// Taps the named items in order like a finger would: scrolls the view under (scrollX, midY)
// with the wheel until the item is inside [top, bottom] (logical px), then hover, press, release.
// With settle >= 0 the run ends `settle` frames after the last release (frames is then an upper
// bound); with -1 it runs all its frames.
std::function<std::optional<platform::ScriptedInput>(int)> tapSequence(std::vector<std::string> keys, float scrollX,
                                                                        float top, float bottom, int settle = -1);

// Steps of a script: tap the item, then (when `text` is set) type it into the focused field.
struct Step {
    std::string key;
    std::string text;
};
std::function<std::optional<platform::ScriptedInput>(int)> steps(std::vector<Step> list);

// Loads the assets from the build tree (fonts, articles).
ui::Assets buildTreeAssets();

struct UiSession {
    std::unique_ptr<db::JournalStore> store;
    std::unique_ptr<core::Journal> journal;
    std::unique_ptr<ui::App> app;
    std::vector<bool> textInputEdges;

    // `adjust` may change the assets before the app gets them (e.g. count the CJK font's reads).
    explicit UiSession(const std::string& dbPath = ":memory:", const std::function<void(ui::Assets&)>& adjust = {});
    // Renders `frames` frames at the given logical size and scale; script(frame) may return input.
    platform::HeadlessResult render(int width, int height, float scale, int frames, const std::string& png = "",
                                    std::function<std::optional<platform::ScriptedInput>(int)> script = {});
};

// Number of distinct colours in a PNG (0 when it cannot be read).
int distinctColours(const std::string& png, int* width = nullptr, int* height = nullptr);

std::filesystem::path tempDir(const std::string& name);

}  // namespace test
