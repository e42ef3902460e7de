// Keyset paging (episodesAfter and episodesBefore, issue 15) against the SQLite store: every page
// continues exactly where the one before ended, in exactly the order episodes() gives, reversed
// (the order the exports always wrote) or as it is (newest first: the PDF's detail pages), with
// equal start times split across pages and the range honoured.
#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "core/journal.hpp"
#include "db_test_support.hpp"

using core::CivilDate;
using core::DateRange;
using core::Episode;
using dbtest::episodeAt;
using dbtest::openStore;

namespace {

const CivilDate kDay1{2026, 3, 1};
const CivilDate kDay2{2026, 3, 2};
const CivilDate kDay3{2026, 3, 3};

// Ids in the order episodes() pages them (newest first), reversed: the old export order.
std::vector<int64_t> oldOrder(db::JournalStore& store, const DateRange& range) {
    auto rows = store.episodes(range, -1, 0);
    REQUIRE(rows.ok());
    std::vector<int64_t> ids;
    for (const Episode& e : *rows) ids.push_back(e.id);
    std::reverse(ids.begin(), ids.end());
    return ids;
}

// Every page of `limit` through episodesAfter, each starting after the last row of the one before.
std::vector<int64_t> keysetOrder(db::JournalStore& store, const DateRange& range, int limit,
                                 std::vector<std::size_t>* sizes = nullptr) {
    std::vector<int64_t> ids;
    std::optional<core::EpisodeCursor> after;
    for (int guard = 0; guard < 1000; ++guard) {
        auto page = store.episodesAfter(range, after, limit);
        REQUIRE(page.ok());
        if (page->empty()) break;
        if (sizes) sizes->push_back(page->size());
        for (const Episode& e : *page) ids.push_back(e.id);
        after = core::EpisodeCursor{page->back().startedAt, page->back().id};
    }
    return ids;
}

// Every page of `limit` through episodesBefore, each ending before the last row of the one before.
std::vector<int64_t> keysetNewestFirst(db::JournalStore& store, const DateRange& range, int limit,
                                       std::vector<std::size_t>* sizes = nullptr) {
    std::vector<int64_t> ids;
    std::optional<core::EpisodeCursor> before;
    for (int guard = 0; guard < 1000; ++guard) {
        auto page = store.episodesBefore(range, before, limit);
        REQUIRE(page.ok());
        if (page->empty()) break;
        if (sizes) sizes->push_back(page->size());
        for (const Episode& e : *page) ids.push_back(e.id);
        before = core::EpisodeCursor{page->back().startedAt, page->back().id};
    }
    return ids;
}

std::vector<int64_t> newestFirst(db::JournalStore& store, const DateRange& range) {
    std::vector<int64_t> ids = oldOrder(store, range);
    std::reverse(ids.begin(), ids.end());
    return ids;
}

int64_t add(db::JournalStore& store, const Episode& e) {
    auto id = store.addEpisode(e, {});
    REQUIRE(id.ok());
    return *id;
}

// Four episodes at the very same local time on day 2 (ties broken by id), others around them,
// one deleted, and one whose offset differs (the offset plays no part in the order).
std::vector<int64_t> fillWithTies(db::JournalStore& store) {
    std::vector<int64_t> ids;
    ids.push_back(add(store, episodeAt(kDay2, 9, 0, 3)));
    for (int i = 0; i < 4; ++i) ids.push_back(add(store, episodeAt(kDay2, 12, 0, i)));
    ids.push_back(add(store, episodeAt(kDay1, 20, 0, 2)));
    ids.push_back(add(store, episodeAt(kDay3, 0, 30, 5, 120)));
    ids.push_back(add(store, episodeAt(kDay2, 12, 0, 6, -300)));  // a fifth at 12:00, another offset
    ids.push_back(add(store, episodeAt(kDay2, 23, 59, 1)));
    const int64_t gone = add(store, episodeAt(kDay2, 12, 0, 7));
    REQUIRE(store.softDelete(gone, 1772500000).ok());
    return ids;
}

}  // namespace

TEST_CASE("episodesAfter pages oldest first in exactly the old order, ties split across pages", "[db][paging]") {
    auto store = openStore(":memory:");
    const std::vector<int64_t> added = fillWithTies(*store);
    const std::vector<int64_t> expected = oldOrder(*store, DateRange{});
    REQUIRE(expected.size() == added.size());  // the deleted one is left out
    // The five 12:00 entries of day 2 sit together, by id: a page of 2 or 3 splits them.
    CHECK(expected[0] == added[5]);  // day 1
    CHECK(expected[1] == added[0]);  // day 2, 09:00
    CHECK(std::is_sorted(expected.begin() + 2, expected.begin() + 7));
    for (int limit : {1, 2, 3, 4, 7, 9, 100}) {
        INFO("page size " << limit);
        std::vector<std::size_t> sizes;
        CHECK(keysetOrder(*store, DateRange{}, limit, &sizes) == expected);  // none lost, none twice
        for (std::size_t s : sizes) CHECK(s <= static_cast<std::size_t>(limit));
    }
}

TEST_CASE("episodesAfter honours the range on every page and gives nothing for an empty one", "[db][paging]") {
    auto store = openStore(":memory:");
    fillWithTies(*store);
    for (const DateRange& range : {DateRange{kDay2, kDay2}, DateRange{kDay2, std::nullopt},
                                   DateRange{std::nullopt, kDay2}, DateRange{kDay3, kDay3}}) {
        const std::vector<int64_t> expected = oldOrder(*store, range);
        REQUIRE_FALSE(expected.empty());
        for (int limit : {1, 2, 5})
            CHECK(keysetOrder(*store, range, limit) == expected);
    }
    CHECK(oldOrder(*store, DateRange{kDay2, kDay2}).size() == 7);
    const DateRange nothing{CivilDate{2026, 4, 1}, CivilDate{2026, 4, 30}};
    auto none = store->episodesAfter(nothing, std::nullopt, 10);
    REQUIRE(none.ok());
    CHECK(none->empty());
    // A cursor before the range starts at the range's first row; one past the end gives nothing.
    auto early = store->episodesAfter(DateRange{kDay2, kDay2}, core::EpisodeCursor{{kDay1, 23, 0, 0, 0}, 999}, 1);
    REQUIRE(early.ok());
    REQUIRE(early->size() == 1);
    CHECK((*early)[0].id == oldOrder(*store, DateRange{kDay2, kDay2}).front());
    auto late = store->episodesAfter(DateRange{kDay2, kDay2}, core::EpisodeCursor{{kDay2, 23, 59, 0, 0}, 1 << 30}, 5);
    REQUIRE(late.ok());
    CHECK(late->empty());
}

TEST_CASE("forEachEpisode over the store hands every page in the old order and refuses a journal that changed",
          "[db][paging]") {
    auto store = openStore(":memory:");
    fillWithTies(*store);
    core::Journal journal(*store, [] { return int64_t{1772600000}; });
    const std::vector<int64_t> expected = oldOrder(*store, DateRange{});
    for (int pageSize : {1, 3, 500}) {
        std::vector<int64_t> seen;
        auto n = journal.forEachEpisode(DateRange{}, pageSize, [&](std::span<const Episode> page) {
            CHECK(page.size() <= static_cast<std::size_t>(pageSize));
            for (const Episode& e : page) seen.push_back(e.id);
        });
        REQUIRE(n.ok());
        CHECK(*n == expected.size());
        CHECK(seen == expected);
    }
    int calls = 0;
    auto empty = journal.forEachEpisode(DateRange{CivilDate{2027, 1, 1}, std::nullopt}, 2,
                                        [&](std::span<const Episode>) { ++calls; });
    REQUIRE(empty.ok());
    CHECK(*empty == 0);
    CHECK(calls == 0);

    // A write between two pages (as another program might make) shifts what the pages hold.
    bool wrote = false;
    auto changed = journal.forEachEpisode(DateRange{}, 2, [&](std::span<const Episode>) {
        if (!wrote) wrote = store->addEpisode(episodeAt(kDay1, 1, 0, 1), {}).ok();
    });
    REQUIRE(wrote);
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().code == core::ErrorCode::Busy);
}

TEST_CASE("episodesBefore (keyset paging) pages newest first in exactly episodes()'s order, ties split across pages", "[db][paging]") {
    auto store = openStore(":memory:");
    const std::vector<int64_t> added = fillWithTies(*store);
    const std::vector<int64_t> expected = newestFirst(*store, DateRange{});
    REQUIRE(expected.size() == added.size());  // the deleted one is left out
    CHECK(expected.front() == added[6]);        // day 3
    CHECK(expected.back() == added[5]);         // day 1
    CHECK(std::is_sorted(expected.rbegin() + 2, expected.rbegin() + 7));  // the 12:00 ties, by id descending
    for (int limit : {1, 2, 3, 4, 7, 9, 100}) {
        INFO("page size " << limit);
        std::vector<std::size_t> sizes;
        CHECK(keysetNewestFirst(*store, DateRange{}, limit, &sizes) == expected);  // none lost, none twice
        for (std::size_t s : sizes) CHECK(s <= static_cast<std::size_t>(limit));
    }
}

TEST_CASE("episodesBefore (keyset paging) honours the range on every page and gives nothing for an empty one", "[db][paging]") {
    auto store = openStore(":memory:");
    fillWithTies(*store);
    for (const DateRange& range : {DateRange{kDay2, kDay2}, DateRange{kDay2, std::nullopt},
                                   DateRange{std::nullopt, kDay2}, DateRange{kDay1, kDay1}}) {
        const std::vector<int64_t> expected = newestFirst(*store, range);
        REQUIRE_FALSE(expected.empty());
        for (int limit : {1, 2, 5})
            CHECK(keysetNewestFirst(*store, range, limit) == expected);
    }
    const DateRange nothing{CivilDate{2026, 4, 1}, CivilDate{2026, 4, 30}};
    auto none = store->episodesBefore(nothing, std::nullopt, 10);
    REQUIRE(none.ok());
    CHECK(none->empty());
    // A cursor after the range starts at the range's newest row; one before its start gives nothing.
    auto late = store->episodesBefore(DateRange{kDay2, kDay2}, core::EpisodeCursor{{kDay3, 1, 0, 0, 0}, 1}, 1);
    REQUIRE(late.ok());
    REQUIRE(late->size() == 1);
    CHECK((*late)[0].id == newestFirst(*store, DateRange{kDay2, kDay2}).front());
    auto early = store->episodesBefore(DateRange{kDay2, kDay2}, core::EpisodeCursor{{kDay2, 0, 0, 0, 0}, 0}, 5);
    REQUIRE(early.ok());
    CHECK(early->empty());
}

TEST_CASE("forEachEpisodeNewestFirst over the store hands every page newest first and refuses a journal that changed",
          "[db][paging]") {
    auto store = openStore(":memory:");
    fillWithTies(*store);
    core::Journal journal(*store, [] { return int64_t{1772600000}; });
    const std::vector<int64_t> expected = newestFirst(*store, DateRange{});
    for (int pageSize : {1, 3, 500}) {
        std::vector<int64_t> seen;
        auto n = journal.forEachEpisodeNewestFirst(DateRange{}, pageSize, [&](std::span<const Episode> page) {
            CHECK(page.size() <= static_cast<std::size_t>(pageSize));
            for (const Episode& e : page) seen.push_back(e.id);
        });
        REQUIRE(n.ok());
        CHECK(*n == expected.size());
        CHECK(seen == expected);
    }
    int calls = 0;
    auto empty = journal.forEachEpisodeNewestFirst(DateRange{std::nullopt, CivilDate{2026, 1, 1}}, 2,
                                                   [&](std::span<const Episode>) { ++calls; });
    REQUIRE(empty.ok());
    CHECK(*empty == 0);
    CHECK(calls == 0);

    const uint64_t version = journal.dataVersion();
    CHECK(journal.unchangedSince(version).ok());
    bool wrote = false;
    auto changed = journal.forEachEpisodeNewestFirst(DateRange{}, 2, [&](std::span<const Episode>) {
        if (!wrote) wrote = store->addEpisode(episodeAt(kDay3, 23, 0, 1), {}).ok();
    });
    REQUIRE(wrote);
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().code == core::ErrorCode::Busy);
    auto since = journal.unchangedSince(version);  // a reading of two passes sees the write too
    REQUIRE_FALSE(since.ok());
    CHECK(since.error().code == core::ErrorCode::Busy);
}
