// Settings → "Your data" in the real screens, headless (issue 16: the window can do what the
// command line does with the person's data): an encrypted backup made by taps holds no note
// text; a backup chosen in the in-app browser is looked into before anything changes, a wrong
// passphrase changes nothing, and a restore keeps the replaced journal aside; a CSV is imported
// after a preview that writes nothing, and a broken one is refused with its lines named.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/backup_file.hpp"
#include "core/io/atomic_file.hpp"
#include "db/journal_files.hpp"
#include "pdf/pdf_report.hpp"
#include "platform/platform.hpp"
#include "support/read_file.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"
#include "ui_harness.hpp"

using test::UiSession;

namespace {

namespace fs = std::filesystem;

core::Episode recent(int pain, const std::string& note) {
    core::Episode e;
    e.startedAt = core::localFromUtc(core::nowUtc() - 3600 * pain);
    e.pain = pain;
    e.note = note;
    return e;
}

// The window's journal actions over the session's own journal file, as app/gui.cpp wires them.
void wireActions(UiSession& s, const std::string& dbPath, const fs::path& documents) {
    ui::App::JournalActions actions;
    actions.ownPath = dbPath;
    actions.openOwn = [&s] { return s.journal.get(); };
    actions.backupOwn = [&s, dbPath](const std::string& out, const core::crypto::Secret* pass) {
        return core::writeBackup(*s.store, dbPath, out, pass);
    };
    actions.previewBackup = [dbPath](const std::string& file, const core::crypto::Secret* pass) {
        db::SqliteJournalFiles files;
        return core::previewBackup(files, file, pass, dbPath);
    };
    actions.restoreOwn = [&s, dbPath](const std::string& file, const core::crypto::Secret* pass)
        -> core::Result<std::pair<core::Journal*, std::optional<std::string>>> {
        db::SqliteJournalFiles files;
        s.journal.reset();
        s.store.reset();
        auto kept = core::restoreBackup(files, file, pass, dbPath);
        auto reopened = db::JournalStore::open(dbPath);
        if (!reopened) return reopened.error();
        s.store = std::move(*reopened);
        s.journal = std::make_unique<core::Journal>(*s.store);
        if (!kept) return kept.error();
        return std::make_pair(s.journal.get(), *kept);
    };
    s.app->setJournalActions(actions);
    ui::App::ExportPlace place;
    place.folder = documents.string();
    s.app->setExportPlace(place);
    s.app->show(ui::ScreenId::Settings);
}

std::vector<fs::path> filesEndingWith(const fs::path& dir, const std::string& ext) {
    std::vector<fs::path> out;
    for (const auto& f : fs::directory_iterator(dir))
        if (f.path().filename().string().ends_with(ext)) out.push_back(f.path());
    return out;
}

}  // namespace

TEST_CASE("Settings backs up encrypted, looks inside a chosen backup, refuses a wrong passphrase and restores",
          "[ui][data]") {
    const auto dir = test::tempDir("data-actions-backup");
    const auto documents = dir / "documents";
    fs::create_directories(documents);
    const std::string dbPath = (dir / "journal.db").string();
    UiSession s(dbPath);
    REQUIRE(s.journal->add(recent(4, "walked to the bakery")).ok());
    REQUIRE(s.journal->add(recent(6, "stairs at work")).ok());
    wireActions(s, dbPath, documents);

    auto backup = test::steps({{"data:backup:pass", "knee journal phrase"},
                               {"data:backup:again", "knee journal phrase"},
                               {"data:backup", ""}});
    std::string savedCopyOf;  // the platform's save dialog, stood in for
    s.app->setFileSaver([&](const std::string& file, const std::string&) -> std::optional<std::future<ui::SaveOutcome>> {
        savedCopyOf = file;
        std::promise<ui::SaveOutcome> done;
        done.set_value({true, "Saved a copy as /media/usb/copy.kbackup."});
        return done.get_future();
    });
    REQUIRE(s.render(900, 2600, 1.0f, 40, "", backup).ok);
    const auto made = filesEndingWith(documents, ".kbackup");
    REQUIRE(made.size() == 1);
    REQUIRE(s.render(900, 2600, 1.0f, 12, "", test::clickAll({"data:backup-copy"})).ok);
    CHECK(savedCopyOf == made.front().string());  // "Save a copy elsewhere…" offers the backup just made
    const std::string bytes = test::readFile(made.front());
    CHECK(core::backupKind(made.front().string()) == core::crypto::FileKind::Sealed);
    CHECK(bytes.find("bakery") == std::string::npos);
    CHECK(bytes.find("stairs") == std::string::npos);

    // A third entry after the backup: restoring goes back to two.
    REQUIRE(s.journal->add(recent(2, "after the backup")).ok());
    const std::string entry = "data:restore-choose:entry:" + made.front().filename().string();
    auto wrong = test::steps({{"data:restore-choose", ""}, {entry, ""}, {"data:restore-pass", "not the phrase"},
                              {"data:restore-look", ""}});
    REQUIRE(s.render(900, 2600, 1.0f, 40, "", wrong).ok);
    CHECK(!ui::itemCenter("data:restore").has_value());  // no preview, so no way to restore
    CHECK(*s.journal->countEpisodes({}) == 3);

    s.app = std::make_unique<ui::App>(s.journal.get(), test::buildTreeAssets());  // a fresh Settings screen
    s.app->skipDisclaimer();
    wireActions(s, dbPath, documents);
    auto restore = test::steps({{"data:restore-choose", ""}, {entry, ""}, {"data:restore-pass", "knee journal phrase"},
                                {"data:restore-look", ""}});
    REQUIRE(s.render(900, 2600, 1.0f, 40, "", restore).ok);
    REQUIRE(ui::itemCenter("data:restore").has_value());
    CHECK(*s.journal->countEpisodes({}) == 3);  // looking inside changed nothing
    REQUIRE(s.render(900, 2600, 1.0f, 12, "", test::clickAll({"data:restore"})).ok);
    REQUIRE(s.app->journal() == s.journal.get());  // the app holds the reopened journal
    CHECK(*s.journal->countEpisodes({}) == 2);
    const auto kept = filesEndingWith(db::SqliteJournalFiles().backupsFolder(dbPath), ".db");
    CHECK(std::any_of(kept.begin(), kept.end(),
                      [](const fs::path& p) { return p.filename().string().starts_with("before-restore-"); }));
}

TEST_CASE("Settings imports a CSV chosen in a sub-folder after a preview; a broken one names its lines", "[ui][data]") {
    const auto dir = test::tempDir("data-actions-import");
    const auto documents = dir / "documents";
    fs::create_directories(documents / "from phone");
    {  // a CSV exported from another journal
        UiSession other((dir / "other.db").string());
        REQUIRE(other.journal->add(recent(3, "garden")).ok());
        REQUIRE(other.journal->add(recent(5, "long drive")).ok());
        pdf::ExportRequest request;
        request.format = core::ExportFormat::Csv;
        request.now = core::localFromUtc(core::nowUtc());
        auto csv = pdf::exportJournal(*other.journal, request);
        REQUIRE(csv.ok());
        std::ofstream(documents / "from phone" / "entries.csv") << csv->bytes;
    }
    std::ofstream(documents / "broken.csv") << "started_at,pain\nyesterday,eleven\n";
    const std::string dbPath = (dir / "journal.db").string();
    UiSession s(dbPath);
    wireActions(s, dbPath, documents);

    auto broken = test::steps({{"data:import-choose", ""}, {"data:import-choose:entry:broken.csv", ""}});
    REQUIRE(s.render(900, 2600, 1.0f, 20, "", broken).ok);
    CHECK(!ui::itemCenter("data:import").has_value());  // refused: nothing to confirm
    CHECK(*s.journal->countEpisodes({}) == 0);

    auto look = test::steps({{"data:import-choose", ""}, {"data:import-choose:entry:from phone", ""},
                             {"data:import-choose:entry:entries.csv", ""}});
    REQUIRE(s.render(900, 2600, 1.0f, 25, "", look).ok);
    REQUIRE(ui::itemCenter("data:import").has_value());
    CHECK(*s.journal->countEpisodes({}) == 0);  // the preview wrote nothing
    REQUIRE(s.render(900, 2600, 1.0f, 12, "", test::clickAll({"data:import"})).ok);
    CHECK(*s.journal->countEpisodes({}) == 2);
}

TEST_CASE("the desktop's chooser: zenity's answer arrives beside the window; cancelled or absent gives none",
          "[ui][data]") {
    const auto dir = test::tempDir("file-chooser");
    const auto bin = dir / "bin";
    fs::create_directories(bin);
    const fs::path zenity = bin / "zenity";
    // A stand-in for zenity that records its arguments and answers like the real one.
    std::ofstream(zenity) << "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" << (dir / "args").string()
                          << "\"\n[ -f \"" << (dir / "cancel").string() << "\" ] && exit 1\necho '"
                          << (dir / "documents" / "entries.csv").string() << "'\n";
    fs::permissions(zenity, fs::perms::owner_all);
    const std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", bin.c_str(), 1);

    auto chosen = platform::chooseFileToOpen("Choose a CSV file", (dir / "documents").string(), {".csv"});
    REQUIRE(chosen.has_value());
    const auto path = chosen->get();
    REQUIRE(path.has_value());
    CHECK(*path == (dir / "documents" / "entries.csv").string());
    const std::string args = test::readFile(dir / "args");
    CHECK(args.find("--file-selection") != std::string::npos);
    CHECK(args.find("--file-filter=*.csv") != std::string::npos);
    CHECK(args.find("--filename=" + (dir / "documents").string() + "/") != std::string::npos);

    std::ofstream(dir / "cancel") << "";
    auto cancelled = platform::chooseFileToOpen("Choose a CSV file", dir.string(), {".csv"});
    REQUIRE(cancelled.has_value());
    CHECK(!cancelled->get().has_value());

    ::setenv("KNEELOG_NO_FILE_CHOOSER", "1", 1);
    CHECK(!platform::chooseFileToOpen("Choose", dir.string(), {}).has_value());
    ::unsetenv("KNEELOG_NO_FILE_CHOOSER");
    ::setenv("PATH", (dir / "nothing-here").c_str(), 1);
    CHECK(!platform::chooseFileToOpen("Choose", dir.string(), {}).has_value());  // no chooser: the in-app browser
    ::setenv("PATH", oldPath.c_str(), 1);
}

TEST_CASE("the desktop's save dialog: a copy lands where zenity says, never on a refused path; cancel writes nothing",
          "[ui][data]") {
    const auto dir = test::tempDir("save-copy");
    const auto bin = dir / "bin";
    fs::create_directories(bin);
    fs::create_directories(dir / "usb");
    const fs::path made = dir / "kneelog-backup.kbackup";
    std::ofstream(made, std::ios::binary) << "KNLGSEAL sealed bytes";
    const fs::path answer = dir / "answer";
    // A stand-in for zenity: records its arguments, prints the path in `answer`, exits 1 without one.
    std::ofstream(bin / "zenity") << "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" << (dir / "args").string() << "\"\n[ -s \""
                                  << answer.string() << "\" ] || exit 1\nIFS= read -r p < \"" << answer.string()
                                  << "\"\nprintf '%s\\n' \"$p\"\n";  // shell builtins only: PATH holds just this folder
    fs::permissions(bin / "zenity", fs::perms::owner_all);
    const std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", bin.c_str(), 1);
    const auto refuse = [&](const std::string& to) {
        return to == (dir / "journal.db").string() ? std::string("that is your journal") : std::string();
    };

    std::ofstream(answer) << (dir / "usb" / "copy.kbackup").string() << "\n";
    auto saved = platform::saveCopyOutside(made.string(), "Save a copy", refuse);
    REQUIRE(saved.has_value());
    const auto outcome = saved->get();
    CHECK(outcome.first);
    CHECK(outcome.second.find("copy.kbackup") != std::string::npos);
    CHECK(test::readFile(dir / "usb" / "copy.kbackup") == "KNLGSEAL sealed bytes");
    const std::string args = test::readFile(dir / "args");
    CHECK(args.find("--save") != std::string::npos);
    CHECK(args.find("--confirm-overwrite") != std::string::npos);
    CHECK(args.find("--filename=" + made.string()) != std::string::npos);

    std::ofstream(dir / "journal.db") << "the journal";
    std::ofstream(answer) << (dir / "journal.db").string() << "\n";
    auto refused = platform::saveCopyOutside(made.string(), "Save a copy", refuse);
    REQUIRE(refused.has_value());
    const auto no = refused->get();
    CHECK(!no.first);
    CHECK(no.second.find("that is your journal") != std::string::npos);
    CHECK(test::readFile(dir / "journal.db") == "the journal");

    std::ofstream(answer, std::ios::trunc).flush();  // empty: the stand-in exits 1, as a cancel does
    auto cancelled = platform::saveCopyOutside(made.string(), "Save a copy", refuse);
    REQUIRE(cancelled.has_value());
    const auto none = cancelled->get();
    CHECK(!none.first);
    CHECK(none.second.empty());
    ::setenv("PATH", oldPath.c_str(), 1);
}
