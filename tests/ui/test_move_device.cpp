// Settings → "Move to another device" in the real screens, headless: a bundle is made with the
// passphrase typed twice, and opened on another journal with a preview that writes nothing until
// the person merges.
#include <catch2/catch.hpp>

#include <filesystem>
#include <tuple>

#include "ui/move_device.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

core::Episode recent(int pain) {
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 3600);
    e.pain = pain;
    return e;
}

int bundlesIn(const std::filesystem::path& dir) {
    int n = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir)) n += f.path().extension() == ".kneelog" ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("the passphrase strength hint: too short, fair, strong", "[ui][bundle]") {
    CHECK(ui::passphraseStrength("short").level == 0);
    CHECK(ui::passphraseStrength("eightchr").level == 1);
    CHECK(ui::passphraseStrength("correct horse battery").level == 2);
    CHECK(ui::passphraseStrength("Knee-2026!ok").level == 2);  // 12 characters of 4 kinds
    CHECK(std::string(ui::passphraseStrength("short").words).find("at least 8") != std::string::npos);
}

TEST_CASE("Settings makes a bundle and opens one with a preview before anything is written", "[ui][bundle]") {
    const auto dir = test::tempDir("move-device");
    const auto place = dir / "documents";
    std::filesystem::create_directories(place);
    UiSession phone((dir / "phone.db").string());
    REQUIRE(phone.journal->add(recent(4)).ok());
    REQUIRE(phone.journal->add(recent(6)).ok());
    ui::App::ExportPlace where;
    where.folder = place.string();
    phone.app->setExportPlace(where);
    phone.app->show(ui::ScreenId::Settings);

    // Different passphrases make nothing; the same one twice makes the bundle.
    auto differ = test::steps({{"move:pass", "knee journal phrase"}, {"move:again", "knee journal phrasE"}, {"move:make", ""}});
    REQUIRE(phone.render(900, 2200, 1.0f, 40, "", differ).ok);
    CHECK(bundlesIn(place) == 0);
    UiSession phone2((dir / "phone.db").string());
    phone2.app->setExportPlace(where);
    phone2.app->show(ui::ScreenId::Settings);
    auto make = test::steps({{"move:pass", "knee journal phrase"}, {"move:again", "knee journal phrase"}, {"move:make", ""}});
    REQUIRE(phone2.render(900, 2200, 1.0f, 40, "", make).ok);
    REQUIRE(bundlesIn(place) == 1);

    UiSession desktop((dir / "desktop.db").string());
    desktop.app->setExportPlace(where);
    desktop.app->show(ui::ScreenId::Settings);
    auto look = test::steps({{"move:file:0", ""}, {"move:openpass", "knee journal phrase"}, {"move:preview", ""}});
    REQUIRE(desktop.render(900, 2200, 1.0f, 40, "", look).ok);
    CHECK(*desktop.journal->countEpisodes({}) == 0);  // the preview wrote nothing
    // The preview at phone and desktop sizes, for the README (build/<dir>/screenshots/).
    const std::string shots = std::string(KNEELOG_BINARY_DIR) + "/screenshots";
    std::filesystem::create_directories(shots);
    for (auto [w, h, scale, name] : {std::tuple{412, 915, 2.625f, "phone"}, std::tuple{1280, 800, 1.0f, "desktop"}}) {
        const std::string png = shots + "/move-preview-" + name + ".png";
        REQUIRE(desktop.render(w, h, scale, 60, png, test::tapSequence({"move:openpass"}, w * 0.5f, h * 0.1f, h * 0.3f)).ok);
        CHECK(test::distinctColours(png) > 8);
    }
    CHECK(*desktop.journal->countEpisodes({}) == 0);
    REQUIRE(desktop.render(900, 2200, 1.0f, 12, "", test::steps({{"move:import", ""}})).ok);
    CHECK(*desktop.journal->countEpisodes({}) == 2);
    std::filesystem::remove_all(dir);
}
