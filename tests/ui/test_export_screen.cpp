#include <catch2/catch.hpp>

#include "core/csv.hpp"
#include "support/read_file.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

namespace fs = std::filesystem;

void logThree(UiSession& s) {
    const int64_t now = core::nowUtc();
    for (int i = 0; i < 3; ++i) {
        core::Episode e;
        e.startedAt = core::localFromUtc(now - (i + 1) * 86400);
        e.pain = 3 + i;
        e.side = i == 0 ? "left" : "right";
        e.note = "Eintrag Nummer " + std::to_string(i + 1);
        REQUIRE(s.journal->add(e).ok());
    }
}

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> out;
    if (fs::exists(dir))
        for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    return out;
}

void exportCsvByClicks(int w, int h, float scale, const char* tag) {
    const auto dir = test::tempDir(tag);
    const auto folder = dir / "exports";  // does not exist yet: the screen creates it
    UiSession s;
    logThree(s);
    ui::App::ExportPlace place;
    place.folder = folder.string();
    s.app->setExportPlace(place);
    s.app->show(ui::ScreenId::Export);
    const float footer = w < 600 ? 90.0f : 10.0f;  // the phone's navigation bar stays fixed
    auto r = s.render(w, h, scale, 60, "",
                      test::tapSequence({"format:csv", "export:save"}, 30, 80, static_cast<float>(h) - footer));
    REQUIRE(r.ok);
    const auto files = filesIn(folder);
    REQUIRE(files.size() == 1);
    const std::string name = files[0].filename().string();
    CHECK(name.rfind("kneelog-entries-", 0) == 0);
    CHECK(files[0].extension() == ".csv");
    const auto read = core::parseEpisodesCsv(test::readFile(files[0]), core::nowUtc());
    CHECK(read.problems.empty());
    REQUIRE(read.rows.size() == 3);
    CHECK(read.rows[0].episode.note == "Eintrag Nummer 3");  // oldest first
    CHECK((fs::status(files[0]).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    fs::remove_all(dir);
}

}  // namespace

TEST_CASE("the Export screen saves a CSV by clicks into the folder it shows (desktop)", "[ui][export]") {
    exportCsvByClicks(1280, 800, 1.0f, "export-desktop");
}

TEST_CASE("the Export screen saves a CSV by taps into the folder it shows (phone)", "[ui][export]") {
    exportCsvByClicks(412, 915, 2.625f, "export-phone");
}

TEST_CASE("the Export screen saves a PDF report and does not overwrite an earlier one", "[ui][export]") {
    const auto dir = test::tempDir("export-pdf");
    UiSession s;
    logThree(s);
    ui::App::ExportPlace place;
    place.folder = dir.string();
    place.fontDir = (std::filesystem::path(KNEELOG_BINARY_DIR) / "assets/fonts").string();  // as the app passes it
    s.app->setExportPlace(place);
    s.app->show(ui::ScreenId::Export);
    REQUIRE(s.render(1280, 800, 1.0f, 20, "", test::clickAll({"export:period:all", "export:save", "export:save"})).ok);
    const auto files = filesIn(dir);
    REQUIRE(files.size() == 2);
    for (const auto& f : files) {
        CHECK(f.extension() == ".pdf");
        CHECK(fs::file_size(f) > 10000);
    }
    fs::remove_all(dir);
}
