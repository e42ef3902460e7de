#include "ui/app.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr ScreenInfo kScreens[] = {
    {ScreenId::Log, "log", "Log"},           {ScreenId::History, "history", "History"},
    {ScreenId::Trends, "trends", "Trends"},  {ScreenId::Guidance, "guidance", "Guide"},
    {ScreenId::Export, "export", "Export"},  {ScreenId::Settings, "settings", "Settings"},
};

constexpr float kBaseFontPx = 17.0f;
constexpr int kFramesBeforeBackup = 2;  // the daily backup waits until the first frames are presented
// The stored text size ("1.300000": std::to_string's form) read back with integer from_chars
// only: the NDK's libc++ has no floating-point from_chars (LLVM 20 added it), and strtof
// depends on the locale (LC_NUMERIC). Digits, then an optional '.' and digits; nullopt when
// there are none.
std::optional<float> parseFontScale(std::string_view text) {
    const char* p = text.data();
    const char* const end = p + text.size();
    int whole = 0;
    const auto [next, ec] = std::from_chars(p, end, whole);
    if (ec != std::errc()) return std::nullopt;
    double value = whole, unit = 0.1;
    p = next;
    if (p != end && *p == '.')
        for (++p; p != end && *p >= '0' && *p <= '9'; ++p, unit /= 10) value += (*p - '0') * unit;
    return static_cast<float>(value);
}

}  // namespace

std::span<const ScreenInfo> screenInfos() { return kScreens; }

std::optional<ScreenId> screenFromName(std::string_view name) {
    for (const auto& s : kScreens)
        if (s.name == name) return s.id;
    return std::nullopt;
}

App::App(core::Journal* journal, Assets assets, std::string openError,
         std::function<core::Result<void>()> restoreBackup)
    : m_journal(journal), m_assets(std::move(assets)), m_openError(std::move(openError)),
      m_restoreBackup(std::move(restoreBackup)) {
    m_screens.push_back(makeLogScreen());
    m_screens.push_back(makeHistoryScreen());
    m_screens.push_back(makeTrendsScreen());
    m_screens.push_back(makeGuidanceScreen());
    m_screens.push_back(makeExportScreen());
    m_screens.push_back(makeSettingsScreen());
    if (auto parsed = core::parseArticles(m_assets.articles)) m_articles = std::move(*parsed);
    else m_articleError = parsed.error().message;
    const core::Settings settings = readSettings();
    m_disclaimerPending = m_journal && !settings.disclaimerSeenAt.has_value();
    if (!settings.theme.empty()) m_theme = themeFromName(settings.theme);
    if (!settings.fontScale.empty()) m_fontScale = std::clamp(parseFontScale(settings.fontScale).value_or(1.0f), 0.8f, 2.0f);
}

App::~App() = default;

Screen& App::screen(ScreenId id) { return *m_screens[static_cast<size_t>(id)]; }

// The journal's settings, or the defaults (with the error shown) when they cannot be read.
core::Settings App::readSettings() {
    if (!m_journal) return {};
    auto s = m_journal->settings();
    if (!s) {
        reportError("Your settings could not be read: " + s.error().message);
        return {};
    }
    return *s;
}

void App::setup(float scale) {
    m_scale = scale;
    m_typed.loadCjkTtf = m_assets.loadCjkTtf;
    (void)m_typed.refresh(m_journal, dataVersion());
    rebuildFonts();
    applyTheme(m_theme, m_scale);
}

void App::rebuildFonts() {
    auto view = [](const SharedBytes& b) { return b ? *b : std::string_view(); };
    buildFonts(view(m_assets.regularTtf), view(m_assets.boldTtf), std::round(kBaseFontPx * m_scale * m_fontScale), m_typed);
}

bool App::prepareFrame() {
    if (m_typed.refresh(m_journal, dataVersion())) m_fontsDirty = true;  // new characters to draw
    if (!m_fontsDirty) return false;
    m_fontsDirty = false;
    rebuildFonts();
    return true;
}

void App::setTheme(ThemeKind t, bool persist) {
    m_theme = t;
    if (ImGui::GetCurrentContext()) applyTheme(t, m_scale);
    if (persist && m_journal) {
        core::Settings s = readSettings();
        s.theme = std::string(themeName(t));
        reportIfFailed(m_journal->saveSettings(s), "The theme could not be saved");
    }
}

void App::setFontScale(float s, bool persist) {
    m_fontScale = std::clamp(s, 0.8f, 2.0f);
    m_fontsDirty = true;
    if (persist && m_journal) {
        core::Settings s = readSettings();
        s.fontScale = std::to_string(m_fontScale);
        reportIfFailed(m_journal->saveSettings(s), "The text size could not be saved");
    }
}

void App::startEdit(const core::Episode& e) {
    screen(ScreenId::Log).edit(e);
    m_current = ScreenId::Log;
}

void App::showOutcome(const core::SaveOutcome& outcome, const core::Episode& e) { m_alerts.setOutcome(outcome, e); }

std::string App::articleTitle(const std::string& id) const {
    for (const auto& a : m_articles)
        if (a.id == id) return a.title;
    return id;
}

void App::openArticle(const std::string& id) {
    m_guidanceRequest = GuidanceRequest{id, {}, {}};
    m_current = ScreenId::Guidance;
}

void App::openRule(const std::string& ruleId, const std::string& logged) {
    m_guidanceRequest = GuidanceRequest{{}, ruleId, logged};
    m_current = ScreenId::Guidance;
}

std::optional<App::GuidanceRequest> App::takeGuidanceRequest() {
    auto r = std::move(m_guidanceRequest);
    m_guidanceRequest.reset();
    return r;
}

void App::reportError(std::string message) {
    if (!m_errors.empty() && m_errors.back() == message) return;
    m_errors.push_back(std::move(message));
}

bool App::reportIfFailed(const core::Result<void>& r, std::string_view what) {
    if (r) return true;
    reportError(std::string(what) + ": " + r.error().message);
    return false;
}

void App::dailyBackup() {
    if (!m_automaticBackups || !m_journal || m_sample) return;
    // Not before the first frames are on screen: copying a large journal must not delay them.
    if (ImGui::GetFrameCount() <= kFramesBeforeBackup) return;
    const core::CivilDate today = core::localFromUtc(m_journal->now()).date;
    if (m_backupDay == today) return;
    m_backupDay = today;
    if (auto made = m_journal->dailyBackup(today); !made)
        reportError("Today's automatic backup could not be made: " + made.error().message);
}

void App::flash(std::string message) {
    m_flash = std::move(message);
    m_flashUntil = ImGui::GetTime() + 4.0;
}

uint64_t App::dataVersion() {
    return (m_generation << 48) + (m_journal ? m_journal->dataVersion() : 0);
}

void App::exploreSample() {
    if (!m_actions.openSample) return;
    if (core::Journal* j = m_actions.openSample()) {
        m_journal = j;
        m_sample = true;
        ++m_generation;
        m_current = ScreenId::History;
    } else {
        reportError("The sample journal could not be opened.");
    }
}

void App::leaveSample() {
    if (!m_actions.openOwn) return;
    if (core::Journal* j = m_actions.openOwn()) {
        m_journal = j;
        m_sample = false;
        ++m_generation;
        m_current = ScreenId::Log;
    }
}

core::Result<void> App::wipeOwnJournal() {
    if (!m_actions.wipeOwn) return core::makeError(core::ErrorCode::Internal, "Deleting is not available here.");
    if (m_sample) leaveSample();
    auto r = m_actions.wipeOwn();
    ++m_generation;
    return r;
}

core::Result<std::optional<std::string>> App::restoreOwnJournal(const std::string& file, const core::crypto::Secret* pass) {
    if (!m_actions.restoreOwn) return core::makeError(core::ErrorCode::Internal, "Restoring is not available here.");
    if (m_sample) leaveSample();
    m_journal = nullptr;  // closed by restoreOwn: nothing may use it meanwhile
    auto r = m_actions.restoreOwn(file, pass);
    ++m_generation;
    if (!r) {
        m_journal = m_actions.openOwn ? m_actions.openOwn() : nullptr;
        return r.error();
    }
    m_journal = r->first;
    return r->second;
}

void App::keepAwake() { m_awakeUntil = ImGui::GetTime() + 0.5; }

int App::msUntilWake() const {
    const double now = ImGui::GetTime();
    if (m_awakeUntil > now) return 200;
    if (m_flash.empty()) return -1;
    const double left = m_flashUntil - now;
    return left <= 0 ? 0 : static_cast<int>(left * 1000.0) + 1;
}

bool App::back() {
    if (screen(m_current).back()) return true;
    if (m_current == ScreenId::Log) return false;
    m_current = ScreenId::Log;
    return true;
}

void App::pause() {
    for (auto& s : m_screens) s->pause(*this);
}

void App::resume() {
    for (auto& s : m_screens) s->resume(*this);
}

void App::frame() {
    updateLayout(m_scale);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(m_safeLeft, m_safeTop));
    ImGui::SetNextWindowSize(ImVec2(std::max(0.0f, io.DisplaySize.x - m_safeLeft - m_safeRight),
                                    std::max(0.0f, io.DisplaySize.y - m_safeTop - m_safeBottom)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    dailyBackup();
    if (!m_journal) {
        drawRecovery();
    } else if (layout().narrow) {
        drawContent();
        drawNavigation(true);
    } else {
        drawNavigation(false);
        drawContent();
    }
    ImGui::End();
    if (m_journal) drawDisclaimer();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !io.WantTextInput) (void)back();
    drawFlash();
}

void App::drawNavigation(bool bottom) {
    const Palette& p = palette();
    const float barH = bottom ? std::max(layout().minTouch * 1.25f, em(3.2f)) : em(3.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.5f), em(0.35f)));
    ImGui::BeginChild("##nav", ImVec2(0, barH), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wp = ImGui::GetWindowPos();
    const float lineY = bottom ? wp.y : wp.y + barH - 1;
    dl->AddLine(ImVec2(wp.x, lineY), ImVec2(wp.x + ImGui::GetWindowWidth(), lineY), ImGui::GetColorU32(p.border));
    float x0 = 0;
    if (!bottom) {
        ImGui::PushFont(fonts().heading);
        ImGui::SetCursorPosY((barH - ImGui::GetFontSize()) * 0.5f);
        ImGui::TextColored(p.accent, "KneeLog");
        ImGui::PopFont();
        ImGui::SameLine(0, em(2.0f));
        x0 = ImGui::GetCursorPosX();
    }
    const int n = static_cast<int>(std::size(kScreens));
    const float avail = ImGui::GetWindowWidth() - x0 - em(0.5f);
    const float w = bottom ? avail / static_cast<float>(n) : std::min(em(7.0f), avail / static_cast<float>(n));
    const float h = barH - em(0.7f);
    for (int i = 0; i < n; ++i) {
        const ScreenInfo& s = kScreens[i];
        const bool active = s.id == m_current;
        ImGui::SetCursorPos(ImVec2(x0 + w * static_cast<float>(i), em(0.35f)));
        ImGui::PushStyleColor(ImGuiCol_Button, active ? ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.16f) : ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, active ? p.accent : p.textMuted);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
        ImGui::PushFont(bottom ? (active ? fonts().smallBold : fonts().small) : (active ? fonts().bold : fonts().regular));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.1f), em(0.3f)));
        if (ImGui::Button(std::string(s.label).append("##nav").c_str(), ImVec2(w - em(0.2f), h))) m_current = s.id;
        recordItem(std::string("nav:").append(s.name));
        ImGui::PopStyleVar();
        ImGui::PopFont();
        if (active) {
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            const float y = bottom ? a.y : b.y + em(0.3f) - 2;
            dl->AddRectFilled(ImVec2(a.x + em(0.6f), y), ImVec2(b.x - em(0.6f), y + std::max(2.0f, em(0.15f))),
                              ImGui::GetColorU32(p.accent), 2.0f);
        }
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void App::drawContent() {
    // The bottom bar's height plus the item spacing ImGui adds after this child: without it the
    // bar's last pixels fall below the screen.
    const float navH =
        layout().narrow ? std::max(layout().minTouch * 1.25f, em(3.2f)) + ImGui::GetStyle().ItemSpacing.y : 0.0f;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));  // the screen's clear colour shows through
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(layout().narrow ? 0.8f : 1.5f), em(1.0f)));
    const ImGuiWindowFlags scroll = screen(m_current).ownsScrolling()
                                        ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse
                                        : ImGuiWindowFlags_None;
    ImGui::BeginChild("##content", ImVec2(0, -navH), false, ImGuiWindowFlags_AlwaysUseWindowPadding | scroll);
    drawErrors();
    if (m_sample) drawSampleStrip();
    m_alerts.refresh(*m_journal, dataVersion());
    if (std::string e = m_alerts.takeError(); !e.empty()) reportError(std::move(e));
    m_alerts.draw(*this, m_current == ScreenId::Log);
    screen(m_current).draw(*this);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace ui
