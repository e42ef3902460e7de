#include <catch2/catch.hpp>

#include <filesystem>

#include "run_binary.hpp"

using test::runKneelog;

TEST_CASE("help prints the commands and exits 0", "[cli]") {
    auto r = runKneelog({"--help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("usage: kneelog") != std::string::npos);
    for (const char* cmd : {"add", "list", "triage", "demo", "check", "backup", "restore", "wipe", "screenshot"})
        CHECK(r.out.find(std::string("  ") + cmd) != std::string::npos);
}

TEST_CASE("version prints the version", "[cli]") {
    auto r = runKneelog({"--version"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("kneelog ", 0) == 0);
}

TEST_CASE("an unknown command exits 2 with the usage on stderr", "[cli]") {
    auto r = runKneelog({"frobnicate"});
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("unknown command") != std::string::npos);
    CHECK(r.err.find("usage: kneelog") != std::string::npos);
}

TEST_CASE("an unknown option exits 2 with the command's usage on stderr", "[cli]") {
    const auto dir = test::freshDir("unknown-option");
    auto r = runKneelog({"add", "--pain", "3", "--colour", "blue", "--db", (dir / "j.db").string()});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("unknown option --colour") != std::string::npos);
    CHECK(r.err.find("usage: kneelog add") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "j.db"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("the window refuses to start invisibly when there is no display", "[cli]") {
    const auto dir = test::freshDir("nodisplay");
    auto r = runKneelog({"--db", (dir / "j.db").string()}, {"DISPLAY=", "WAYLAND_DISPLAY=", "SDL_VIDEODRIVER="});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("no graphical display") != std::string::npos);
    CHECK(r.err.find("kneelog add") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("screenshot writes a PNG with no display and reports frame times", "[cli]") {
    const auto dir = test::freshDir("screenshot");
    const auto png = dir / "log.png";
    auto r = runKneelog({"screenshot", "--screen", "settings", "--out", png.string(), "--size", "412x915", "--scale",
                         "2.625", "--frames", "5", "--db", (dir / "j.db").string()},
                        {"DISPLAY="});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(std::filesystem::file_size(png) > 10000);
    CHECK(r.out.find("frame_ms median=") != std::string::npos);
    auto bad = runKneelog({"screenshot", "--screen", "nowhere", "--out", png.string()});
    CHECK(bad.exitCode == 2);
    std::filesystem::remove_all(dir);
}
