#include "ui_harness.hpp"

#include "support/read_file.hpp"
#include "ui/widgets.hpp"

#include <stb_image.h>

#include <cstring>
#include <stdexcept>
#include <set>
#include <unistd.h>

namespace test {

ui::Assets buildTreeAssets() {
    const std::filesystem::path dir = std::filesystem::path(KNEELOG_BINARY_DIR) / "assets";
    ui::Assets a;
    a.regularTtf = platform::mapFile((dir / "fonts/DejaVuSans.ttf").string());
    a.boldTtf = platform::mapFile((dir / "fonts/DejaVuSans-Bold.ttf").string());
    a.pictures.load = [dir](const std::string& path) {
        platform::ImageLoad loaded = platform::loadImage((dir / path).string());
        return ui::Picture{loaded.texture.id, loaded.texture.width, loaded.texture.height, std::move(loaded.error)};
    };
    a.pictures.generation = platform::textureGeneration;
    const std::filesystem::path guidance = std::filesystem::path(KNEELOG_SOURCE_DIR) / "assets/guidance";
    for (const auto& entry : std::filesystem::directory_iterator(guidance)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".md") && name != "FORMAT.md") a.articles.emplace_back(name, readFile(entry.path()));
    }
    return a;
}

UiSession::UiSession(const std::string& dbPath, const std::function<void(ui::Assets&)>& adjust) {
    auto opened = db::JournalStore::open(dbPath);
    if (!opened) throw std::runtime_error(opened.error().message);
    store = std::move(*opened);
    journal = std::make_unique<core::Journal>(*store);
    ui::Assets assets = buildTreeAssets();
    if (adjust) adjust(assets);
    app = std::make_unique<ui::App>(journal.get(), std::move(assets));
    app->skipDisclaimer();
    ui::setItemRecording(true);
}

platform::HeadlessResult UiSession::render(int width, int height, float scale, int frames, const std::string& png,
                                           std::function<std::optional<platform::ScriptedInput>(int)> script) {
    platform::HeadlessConfig cfg;
    cfg.width = width;
    cfg.height = height;
    cfg.scale = scale;
    cfg.frames = frames;
    cfg.pngOut = png;
    cfg.rasterizeEveryFrame = false;  // the tests read the journal and the last frame's pixels
    cfg.input = std::move(script);
    platform::FrameHooks hooks;
    hooks.setup = [this](float s) { app->setup(s); };
    hooks.prepareFrame = [this] { return app->prepareFrame(); };
    hooks.frame = [this] { app->frame(); };
    hooks.textInputChanged = [this](bool on) { textInputEdges.push_back(on); };
    hooks.back = [this] { return app->back(); };
    hooks.pause = [this] { app->pause(); };
    hooks.resume = [this] { app->resume(); };
    return platform::runHeadless(cfg, hooks);
}

std::function<std::optional<platform::ScriptedInput>(int)> clickAll(std::vector<std::string> keys) {
    return [keys = std::move(keys)](int f) -> std::optional<platform::ScriptedInput> {
        const int step = f - 2;
        if (step < 0 || step / 3 >= static_cast<int>(keys.size())) return platform::ScriptedInput{};
        const auto c = ui::itemCenter(keys[static_cast<size_t>(step / 3)]);
        if (!c) return platform::ScriptedInput{};
        platform::ScriptedInput in;
        in.mouseX = c->x;
        in.mouseY = c->y;
        in.mouseDown = step % 3 == 1;  // hover, press, release
        return in;
    };
}

std::function<std::optional<platform::ScriptedInput>(int)> clickAt(std::string key, int at) {
    auto all = clickAll({std::move(key)});
    return [all, at](int f) { return all(f - at + 2); };
}

std::function<std::optional<platform::ScriptedInput>(int)> tapSequence(std::vector<std::string> keys, float scrollX,
                                                                        float top, float bottom, int settle) {
    struct State {
        size_t index = 0;
        int phase = 0;
        int settled = 0;  // frames since the last release
        ImVec2 aimed;     // where the item was at the hover
        float lastY = -1e9f;  // where the item was when we last scrolled: fixed items do not move
    };
    auto st = std::make_shared<State>();
    return [keys = std::move(keys), st, scrollX, top, bottom, settle](int) -> std::optional<platform::ScriptedInput> {
        platform::ScriptedInput in;
        if (st->index >= keys.size()) {
            in.stop = settle >= 0 && ++st->settled > settle;
            return in;
        }
        const auto c = ui::itemCenter(keys[st->index]);
        if (!c) return in;  // not laid out yet
        if (st->phase == 0 && (c->y < top || c->y > bottom) && c->y != st->lastY) {
            st->lastY = c->y;
            in.mouseX = scrollX;
            in.mouseY = (top + bottom) * 0.5f;
            in.wheel = c->y > bottom ? -1.0f : 1.0f;
            return in;
        }
        // Hover twice, then press and release. The positions read here are the previous frame's, so
        // an item that moves (a screen scrolling back to the top after Save) is aimed at again until
        // it has stayed put for two frames, as a finger waits for the screen to settle.
        if (st->phase >= 1 && st->phase <= 2 && (c->x != st->aimed.x || c->y != st->aimed.y)) st->phase = 0;
        if (st->phase == 0) st->aimed = *c;
        in.mouseX = c->x;
        in.mouseY = c->y;
        in.mouseDown = st->phase == 2;
        if (++st->phase == 4) {
            st->phase = 0;
            ++st->index;
        }
        return in;
    };
}

std::function<std::optional<platform::ScriptedInput>(int)> steps(std::vector<Step> list) {
    return [list = std::move(list)](int f) -> std::optional<platform::ScriptedInput> {
        platform::ScriptedInput in;
        const int step = (f - 2) / 5, phase = (f - 2) % 5;  // hover, press, release, type, settle
        if (f < 2 || step >= static_cast<int>(list.size())) return in;
        const Step& s = list[static_cast<size_t>(step)];
        if (auto c = ui::itemCenter(s.key)) {
            in.mouseX = c->x;
            in.mouseY = c->y;
        }
        in.mouseDown = phase == 1;
        if (phase == 3) in.text = s.text;
        return in;
    };
}

int distinctColours(const std::string& png, int* width, int* height) {
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 4);
    if (!px) return 0;
    std::set<uint32_t> colours;
    for (int i = 0; i < w * h; i += 3) {
        uint32_t c;
        std::memcpy(&c, px + static_cast<size_t>(i) * 4, 4);
        colours.insert(c);
    }
    stbi_image_free(px);
    if (width) *width = w;
    if (height) *height = h;
    return static_cast<int>(colours.size());
}

std::filesystem::path tempDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("kneelog-test-" + name + "-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace test
