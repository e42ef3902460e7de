// The SDL2 + Dear ImGui runner: an event-driven loop for the real window and a headless
// renderer for screenshots and UI tests. Same renderer path everywhere (SDL_Renderer).
#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <backends/imgui_impl_sdlrenderer.h>
#include <imgui.h>
#ifndef __ANDROID__  // Android needs neither a window icon nor PNG screenshots (AndroidDeps.cmake)
#include <stb_image.h>
#include <stb_image_write.h>
#endif

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstring>

#include "platform/platform.hpp"
#include "platform/renderer_internal.hpp"

namespace platform {

namespace {

// [SECTION] helpers

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Frames drawn after the last input so ImGui's hover and layout settle.
constexpr int kSettleFrames = 3;

struct Session {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    bool imgui = false;
    int fontTextureUploads = 0;
    // The event loop's state (handleEvent).
    bool running = true;
    bool paused = false;
    int backToSystem = 0;

    ~Session() {
        if (imgui) {
            ImGui_ImplSDLRenderer_Shutdown();
            ImGui_ImplSDL2_Shutdown();
            ImGui::DestroyContext();
        }
        detail::setRenderer(nullptr);
        if (renderer) SDL_DestroyRenderer(renderer);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};

bool initImGui(Session& s, FrameHooks& hooks, float uiScale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a file beside the journal
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (!ImGui_ImplSDL2_InitForSDLRenderer(s.window) || !ImGui_ImplSDLRenderer_Init(s.renderer)) return false;
    s.imgui = true;
    detail::setRenderer(s.renderer);
    if (hooks.setup) hooks.setup(uiScale);
    return true;
}

// Returns the thread CPU time (ms) at which the frame was built, before it is rasterized.
double drawFrame(Session& s, FrameHooks& hooks, const std::function<void()>& afterBackendNewFrame, bool rasterize = true) {
    if (hooks.prepareFrame && hooks.prepareFrame()) ImGui_ImplSDLRenderer_DestroyFontsTexture();
    const bool hadFontTexture = ImGui::GetIO().Fonts->TexID != nullptr;
    ImGui_ImplSDLRenderer_NewFrame();  // uploads the font atlas when there is no texture
    if (!hadFontTexture && ImGui::GetIO().Fonts->TexID != nullptr) {
        ++s.fontTextureUploads;
        // The atlas lives on in the texture: its 32-bit copy (4 bytes a pixel, several MB for the
        // baked sizes) is freed. The 8-bit pixels stay, so a later upload (a lost device) converts
        // them again without a rebuild (the atlas does not keep the font files' bytes).
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        IM_FREE(atlas->TexPixelsRGBA32);
        atlas->TexPixelsRGBA32 = nullptr;
    }
    ImGui_ImplSDL2_NewFrame();
    if (afterBackendNewFrame) afterBackendNewFrame();
    ImGui::NewFrame();
    if (hooks.frame) hooks.frame();
    ImGui::Render();
    const double built = threadCpuMs();
    if (!rasterize) return built;
    // Cleared to the style's window background: the app's full-screen window draws no background
    // of its own, which spares the software renderer a blended quad over every pixel.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    auto byte = [](float v) { return static_cast<Uint8>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
    SDL_SetRenderDrawColor(s.renderer, byte(bg.x), byte(bg.y), byte(bg.z), 255);
    SDL_RenderClear(s.renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    return built;
}

// Display DPI relative to the platform's baseline (96 on desktops, 160 on Android).
float displayScale(SDL_Window* window) {
    float ddpi = 0, hdpi = 0, vdpi = 0;
    const int display = std::max(0, SDL_GetWindowDisplayIndex(window));
    if (SDL_GetDisplayDPI(display, &ddpi, &hdpi, &vdpi) != 0 || hdpi <= 0) return 1.0f;
#ifdef __ANDROID__
    const float baseline = 160.0f;
#else
    const float baseline = 96.0f;
#endif
    const float s = hdpi / baseline;
    return std::clamp(s, 1.0f, 4.0f);
}

void setWindowIcon(SDL_Window* window, const std::string& path) {
#ifdef __ANDROID__
    (void)window;  // the launcher icon comes from the APK's resources
    (void)path;
#else
    if (path.empty()) return;
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!pixels) return;
    SDL_Surface* icon = SDL_CreateRGBSurfaceWithFormatFrom(pixels, w, h, 32, w * 4, SDL_PIXELFORMAT_RGBA32);
    if (icon) {
        SDL_SetWindowIcon(window, icon);
        SDL_FreeSurface(icon);
    }
    stbi_image_free(pixels);
#endif
}

bool isBackEvent(const SDL_Event& e) {
    return e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_AC_BACK;
}

// One event, for the real window and for the headless runner's scripted system events alike.
void handleEvent(Session& s, FrameHooks& hooks, const SDL_Event& ev) {
    ImGui_ImplSDL2_ProcessEvent(&ev);
    switch (ev.type) {
    case SDL_QUIT:
        s.running = false;
        break;
    case SDL_WINDOWEVENT:
        if (ev.window.event == SDL_WINDOWEVENT_CLOSE) s.running = false;
        break;
    case SDL_APP_WILLENTERBACKGROUND:
    case SDL_APP_TERMINATING:
        // Android may end the process from here on without another word: the app keeps its
        // unsaved form and checkpoints the journal now (FrameHooks::pause).
        if (!s.paused && hooks.pause) hooks.pause();
        s.paused = true;
        break;
    case SDL_APP_DIDENTERFOREGROUND:
        s.paused = false;
        if (hooks.resume) hooks.resume();
        break;
    case SDL_RENDER_DEVICE_RESET:
        // The GL context was lost (Android, after the background): every texture is gone. The
        // next ImGui_ImplSDLRenderer_NewFrame() uploads the font atlas again.
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        detail::texturesLost();  // the screens load their images again (textureGeneration)
        break;
    default:
        if (isBackEvent(ev) && !(hooks.back && hooks.back())) {
            // Nothing left to close or go back from: the system's back (Android leaves the app;
            // SDL keeps the key to itself otherwise).
            ++s.backToSystem;
#ifdef __ANDROID__
            SDL_AndroidBackButton();
#endif
        }
        break;
    }
}

// Follows ImGui's wish for text input with SDL's text input (the soft keyboard on Android).
void syncTextInput(FrameHooks& hooks, bool& wantedBefore) {
    const bool wanted = ImGui::GetIO().WantTextInput;
    switch (keyboardStep(wanted, wantedBefore, SDL_IsTextInputActive() == SDL_TRUE,
                         ImGui::IsMouseClicked(ImGuiMouseButton_Left))) {
    case KeyboardStep::Show: SDL_StartTextInput(); break;
    case KeyboardStep::Hide: SDL_StopTextInput(); break;
    case KeyboardStep::Keep: break;
    }
    if (wanted != wantedBefore && hooks.textInputChanged) hooks.textInputChanged(wanted);
    wantedBefore = wanted;
}

}  // namespace

KeyboardStep keyboardStep(bool wanted, bool wantedBefore, bool active, bool tapped) {
    if (!wanted) return active ? KeyboardStep::Hide : KeyboardStep::Keep;
    if (active) return KeyboardStep::Keep;
    return !wantedBefore || tapped ? KeyboardStep::Show : KeyboardStep::Keep;
}

// [SECTION] the real window

namespace {

// SDL 2.26 falls back to an invisible offscreen driver when there is no display: refuse instead,
// and point to the command line.
bool hasVisibleDisplay() {
    const char* driver = SDL_GetCurrentVideoDriver();
    const bool invisible = driver && (std::strcmp(driver, "offscreen") == 0 || std::strcmp(driver, "dummy") == 0);
    if (driver && (!invisible || SDL_getenv("KNEELOG_ALLOW_HEADLESS_WINDOW"))) return true;
    std::fprintf(stderr,
                 "kneelog: no graphical display was found (DISPLAY / WAYLAND_DISPLAY is not set),\n"
                 "so the window cannot open. Everything also works from the command line:\n"
                 "  kneelog add --pain 5 --side left     log an episode\n"
                 "  kneelog list                         show your journal\n"
                 "  kneelog --help                       every command\n");
    return false;
}

// Draws only when something changed (an event, a timer due, the settle frames after input);
// in the background nothing is drawn and only an event wakes it.
void eventLoop(Session& s, const WindowConfig& config, FrameHooks& hooks) {
    bool textInput = false;
    bool presented = false;
    int pending = kSettleFrames;
    SDL_StopTextInput();
    while (s.running) {
        SDL_Event ev;
        // In the background nothing is drawn and nothing wakes the loop but an event.
        const int wake = s.paused ? -1 : (hooks.msUntilWake ? hooks.msUntilWake() : -1);
        const bool drawNow = !s.paused && (config.continuous || pending > 0 || wake == 0);
        bool have = drawNow ? SDL_PollEvent(&ev) != 0
                            : SDL_WaitEventTimeout(&ev, wake > 0 ? wake : 60 * 60 * 1000) != 0;
        if (!have && !drawNow) pending = 1;  // a timer came due
        while (have) {
            handleEvent(s, hooks, ev);
            pending = kSettleFrames;
            have = SDL_PollEvent(&ev) != 0;
        }
        if (!s.running || (hooks.wantsQuit && hooks.wantsQuit())) break;
        if (s.paused) continue;
        if (pending > 0 || config.continuous || wake == 0) {
            (void)drawFrame(s, hooks, {});
            SDL_RenderPresent(s.renderer);
            if (!presented) platform::reportFirstFrame();
            presented = true;
            if (pending > 0) --pending;
            // ImGui 1.86 does not open the soft keyboard itself.
            syncTextInput(hooks, textInput);
        }
    }
}

}  // namespace

int runWindow(const WindowConfig& config, FrameHooks& hooks) {
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
#ifdef __ANDROID__
    // Back always reaches the app as AC_BACK (handleEvent), never the activity directly: the app
    // closes a dialog or goes back a screen, and only at the root hands it on with
    // SDL_AndroidBackButton() (which bypasses this trap).
    SDL_SetHint(SDL_HINT_ANDROID_TRAP_BACK_BUTTON, "1");
#endif
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "kneelog: cannot start the window: %s\n", SDL_GetError());
        return 1;
    }
    Session s;
    if (!hasVisibleDisplay()) return 1;
    s.window = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, config.width,
                                config.height, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!s.window) {
        std::fprintf(stderr, "kneelog: cannot open the window: %s\n", SDL_GetError());
        return 1;
    }
    setWindowIcon(s.window, config.iconPng);
    s.renderer = SDL_CreateRenderer(s.window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!s.renderer) s.renderer = SDL_CreateRenderer(s.window, -1, SDL_RENDERER_SOFTWARE);
    if (!s.renderer) {
        std::fprintf(stderr, "kneelog: cannot create a renderer: %s\n", SDL_GetError());
        return 1;
    }
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(s.window, &ww, &wh);
    SDL_GetRendererOutputSize(s.renderer, &dw, &dh);
    const float pixelRatio = ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
    if (!initImGui(s, hooks, pixelRatio * displayScale(s.window))) {
        std::fprintf(stderr, "kneelog: cannot start the interface\n");
        return 1;
    }

    eventLoop(s, config, hooks);
    if (!s.paused && hooks.pause) hooks.pause();
    return 0;
}

// [SECTION] headless

namespace {

// The system event a script asks for (the back key, going to the background and back, a lost
// render device).
SDL_Event systemEvent(ScriptedInput::System system) {
    SDL_Event ev{};
    switch (system) {
    case ScriptedInput::System::Back:
        ev.type = SDL_KEYDOWN;
        ev.key.state = SDL_PRESSED;
        ev.key.keysym.scancode = SDL_SCANCODE_AC_BACK;
        ev.key.keysym.sym = SDLK_AC_BACK;
        break;
    case ScriptedInput::System::EnterBackground: ev.type = SDL_APP_WILLENTERBACKGROUND; break;
    case ScriptedInput::System::EnterForeground: ev.type = SDL_APP_DIDENTERFOREGROUND; break;
    case ScriptedInput::System::RenderDeviceReset: ev.type = SDL_RENDER_DEVICE_RESET; break;
    case ScriptedInput::System::None: break;
    }
    return ev;
}

// The rendered frame as an opaque PNG; the error in words, or empty.
std::string writePng(SDL_Renderer* renderer, int pw, int ph, const std::string& path) {
#ifdef __ANDROID__
    (void)renderer, (void)pw, (void)ph, (void)path;
    return "PNG screenshots are a desktop tool";
#else
    std::vector<unsigned char> pixels(static_cast<size_t>(pw) * ph * 4);
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), pw * 4) != 0)
        return std::string("cannot read the rendered pixels: ") + SDL_GetError();
    for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    if (!stbi_write_png(path.c_str(), pw, ph, 4, pixels.data(), pw * 4)) return "cannot write " + path;
    return {};
#endif
}

}  // namespace

HeadlessResult runHeadless(const HeadlessConfig& config, FrameHooks& hooks) {
    HeadlessResult result;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        result.error = std::string("cannot start SDL: ") + SDL_GetError();
        return result;
    }
    Session s;
    const int pw = static_cast<int>(static_cast<float>(config.width) * config.scale + 0.5f);
    const int ph = static_cast<int>(static_cast<float>(config.height) * config.scale + 0.5f);
    s.window = SDL_CreateWindow("KneeLog", 0, 0, pw, ph, SDL_WINDOW_HIDDEN);
    if (s.window) s.renderer = SDL_CreateRenderer(s.window, -1, SDL_RENDERER_SOFTWARE);
    if (!s.window || !s.renderer || !initImGui(s, hooks, config.scale)) {
        result.error = std::string("cannot create the headless renderer: ") + SDL_GetError();
        return result;
    }
    bool textInput = false;
    ImVec2 lastMouse(-FLT_MAX, -FLT_MAX);
    for (int f = 0; f < config.frames; ++f) {
        std::optional<ScriptedInput> in = config.input ? config.input(f) : std::nullopt;
        if (in && in->system != ScriptedInput::System::None) {
            SDL_Event ev = systemEvent(in->system);
            handleEvent(s, hooks, ev);
        }
        const double t0 = threadCpuMs();
        const bool last = f + 1 == config.frames || (in && in->stop);
        const double built = drawFrame(s, hooks, [&] {
            ImGuiIO& io = ImGui::GetIO();
            // Headless time is the frame count, not the wall clock: a script runs the same on a busy
            // machine (ImGui reads the time between frames for clicks, hovering and timers).
            io.DeltaTime = 1.0f / 60.0f;
            if (in && in->mouseX >= 0) lastMouse = ImVec2(in->mouseX * config.scale, in->mouseY * config.scale);
            io.MousePos = lastMouse;
            io.MouseDown[0] = in && in->mouseDown;
            io.MouseWheel = in ? in->wheel : 0.0f;
            if (in && !in->text.empty()) io.AddInputCharactersUTF8(in->text.c_str());
        }, config.rasterizeEveryFrame || last);
        SDL_RenderPresent(s.renderer);
        result.frameMs.push_back(built - t0);
        result.rasterMs.push_back(threadCpuMs() - built);
        const bool want = ImGui::GetIO().WantTextInput;
        if (want != textInput) {
            textInput = want;
            if (hooks.textInputChanged) hooks.textInputChanged(want);
        }
        if (last) break;
    }
    result.fontTextureUploads = s.fontTextureUploads;
    result.backToSystem = s.backToSystem;
    if (!config.pngOut.empty()) result.error = writePng(s.renderer, pw, ph, config.pngOut);
    result.ok = result.error.empty();
    return result;
}

}  // namespace platform
