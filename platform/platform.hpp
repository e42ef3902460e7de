#pragma once
// The platform seam: everything SDL-specific lives behind these functions, so the desktop,
// headless rendering and Android differ only here. No SDL or ImGui backend types leak out.
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace platform {

// What the app gives the runner. Every callback is optional.
struct FrameHooks {
    std::function<void(float uiScale)> setup;   // once, after the ImGui context exists: fonts, style
    std::function<bool()> prepareFrame;         // before NewFrame; true when the font atlas was rebuilt
    std::function<void()> frame;                // the UI, between NewFrame and Render
    std::function<int()> msUntilWake;           // >0: a timer is due then; 0: animating now; <0: nothing due
    std::function<bool()> wantsQuit;            // the app asked to close
    // Going to the background (SDL_APP_WILLENTERBACKGROUND; Android may end the process at any
    // time after it) and when the window closes: keep what is unsaved, checkpoint the journal.
    std::function<void()> pause;
    std::function<void()> resume;
    std::function<void(bool)> textInputChanged; // ImGui started (true) or stopped wanting text input
    // Back button (Android) / AC_BACK: true when the app used it (closed a dialog, went back a
    // screen). At the root it returns false and Android's own back behaviour runs
    // (SDL_AndroidBackButton: the app goes to the background).
    std::function<bool()> back;
};

struct WindowConfig {
    std::string title = "KneeLog";
    int width = 1100;
    int height = 760;
    bool continuous = false;  // draw every frame (only to measure the cost of not idling)
    std::string iconPng;      // path of the window icon, may be empty
};

// Opens the real window and runs until it is closed (or SIGTERM). Returns the exit code.
int runWindow(const WindowConfig& config, FrameHooks& hooks);

// One input event of a UI script, applied at the ImGui io level before a frame.
struct ScriptedInput {
    float mouseX = -1, mouseY = -1;  // logical px; negative: leave the mouse where it is
    bool mouseDown = false;
    std::string text;                // characters typed this frame
    float wheel = 0;
    // A system event, delivered as the real SDL event to the same handler the window uses.
    enum class System { None, Back, EnterBackground, EnterForeground, RenderDeviceReset };
    System system = System::None;
    bool stop = false;               // the script is done: this is the last frame of the run
};

struct HeadlessConfig {
    int width = 1280;   // logical px
    int height = 800;
    float scale = 1.0f; // device pixels per logical px; the PNG is width*scale x height*scale
    int frames = 3;
    std::string pngOut; // empty: no PNG
    // false: the software renderer draws the last frame only (UI tests that read the journal, not
    // every frame's pixels: rasterizing a phone-size frame is most of its CPU time).
    bool rasterizeEveryFrame = true;
    std::function<std::optional<ScriptedInput>(int frame)> input;  // may be empty
};

struct HeadlessResult {
    bool ok = false;
    std::string error;
    // CPU time of each frame: building it (events to ImGui::Render: the app's and ImGui's work) and
    // rasterizing it with SDL's software renderer (what a GPU does on a real device).
    std::vector<double> frameMs;
    std::vector<double> rasterMs;
    int fontTextureUploads = 0;  // times the font atlas was uploaded as a texture (first frame, rebuilds, resets)
    int backToSystem = 0;        // back presses the app did not use (Android: handed to SDL_AndroidBackButton)
};

// Renders with no display at all (dummy video driver, software renderer).
HeadlessResult runHeadless(const HeadlessConfig& config, FrameHooks& hooks);

// [SECTION] soft keyboard
// What the runner does with SDL's text input (the Android soft keyboard) after a frame.
//   wanted:       ImGui wants text now (io.WantTextInput); wantedBefore: after the previous frame
//   active:       SDL_IsTextInputActive(). Android turns it off itself when the person hides the
//                 keyboard, while the field stays active in ImGui
//   tapped:       a press happened this frame (it lands on the field when the field stays active)
// A field that becomes active shows the keyboard; a tap on a field whose keyboard the person hid
// shows it again (without a tap it stays hidden: they hid it); no field hides it.
enum class KeyboardStep { Keep, Show, Hide };
KeyboardStep keyboardStep(bool wanted, bool wantedBefore, bool active, bool tapped);

// [SECTION] images (platform/images.cpp)
// A texture of the running renderer; `id` is what ImGui draws (ImTextureID). The renderer owns it.
struct Texture {
    void* id = nullptr;
    int width = 0, height = 0;  // pixels
};
struct ImageLoad {
    Texture texture;
    std::string error;  // why there is no texture (names the file), empty when loaded
};
// Reads a PNG (a file, or an APK asset on Android, through loadFile), decodes it with stb_image and
// uploads it to the renderer of the window or headless run in progress. Call it from a frame hook.
ImageLoad loadImage(const std::string& path);
// Changes whenever textures loaded before are gone (a new renderer, or a lost GL context on
// Android): load them again then.
int textureGeneration();

// [SECTION] paths and files
// Per-user data folder (SDL_GetPrefPath; the XDG data folder on Linux, app storage on Android).
std::string userDataDir();
// Where the assets are: $KNEELOG_ASSETS, beside the binary (build tree), or <prefix>/share/kneelog/assets.
std::string assetsDir();
// Reads a file or an APK asset as bytes (SDL_LoadFile); nullopt when it cannot be read.
std::optional<std::string> loadFile(const std::string& path);
// A file's bytes mapped read-only (mmap): only the pages read become resident, so a 16 MB font of
// which a few glyphs are baked costs a few hundred KB, not 16 MB of heap. The mapping lives as long
// as the pointer. Falls back to loadFile (APK assets); nullptr when the file cannot be read.
std::shared_ptr<const std::string_view> mapFile(const std::string& path);
// Lists the files in an assets sub-folder ending in `suffix` (desktop: directory listing).
std::vector<std::string> listAssets(const std::string& subdir, const std::string& suffix);

// New files and folders are created 0600 / 0700 (health data).
void restrictNewFiles();

// Monotonic seconds since start (for start-up timing and animations).
double seconds();
// Benchmark hook: with KNEELOG_LAUNCH_NS (the launch time, CLOCK_REALTIME nanoseconds) set,
// prints "first_frame_presented_ms=… peak_rss_kb=…" to stderr; otherwise does nothing. Called
// once, right after the first frame is presented (tests/bench/startup.sh).
void reportFirstFrame();

// [SECTION] the person's files (platform/person_files.cpp)
// The person's documents folder ($XDG_DOCUMENTS_DIR, else Documents in $HOME) when it is a folder;
// empty when there is none, and on Android (exports stay in app storage and are shared).
std::string documentsDir();
// Opens `folder` in the file manager (xdg-open, in the background: no zombie, no wait). False
// when it could not (no xdg-open) and on Android, which shares a file instead.
bool openFolder(const std::string& folder);
// The platform's own chooser for a file to open, run beside the window: on the desktop zenity or
// kdialog (platform/file_chooser.cpp), started in `folder`, showing files ending with
// `extensions` (".csv"); on Android the system document picker (ACTION_OPEN_DOCUMENT,
// platform/android_share.cpp), whose document the activity copies into the app's files/imports.
// The future gives the chosen path, or nullopt when the person cancelled. nullopt (no future)
// when there is no such chooser (none installed, KNEELOG_NO_FILE_CHOOSER set): the app then
// shows its own browser.
std::optional<std::future<std::optional<std::string>>> chooseFileToOpen(const std::string& title, const std::string& folder,
                                                                        const std::vector<std::string>& extensions);
// Saving a copy of a file the app made (a backup, a bundle) where the person chooses, with the
// platform's own dialog, run beside the window: on the desktop zenity or kdialog (the copy is
// written aside and renamed into place; `refuse` names a reason not to write there, e.g. the
// journal's own files), on Android ACTION_CREATE_DOCUMENT (the activity writes the copy into the
// document). The future gives whether it was saved and the outcome in words (not saved and no
// words: cancelled). nullopt when there is no such dialog here.
using SaveOutcome = std::pair<bool, std::string>;  // saved, the outcome in words
std::optional<std::future<SaveOutcome>> saveCopyOutside(const std::string& file, const std::string& title,
                                                        std::function<std::string(const std::string&)> refuse);
// The most recently modified regular file in `folder`; empty when there is none.
std::string newestFile(const std::string& folder);
// The MIME type of an export by its extension: PDF, CSV, FHIR JSON, else opaque bytes (bundles, backups).
std::string mimeType(const std::string& path);

// [SECTION] Android (platform/android_share.cpp, a JNI bridge to KneeLogActivity)
// Hands a file to the system share sheet through the app's FileProvider. False where there is
// no share sheet (the desktop opens the export folder instead) or when Android refused.
bool shareFile(const std::string& path, const std::string& mime);

// Parts of the window covered by the status bar, the navigation bar or a display cut-out, in
// the window's pixels (ImGui display coordinates). All zero on the desktop.
struct SafeArea {
    float top = 0, bottom = 0, left = 0, right = 0;
};
SafeArea safeAreaInsets();

}  // namespace platform
