// core/json_write: the text must be nlohmann::json's own compact dump (with error_handler_t::replace),
// byte for byte, so the FHIR export written with it reads exactly as before.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/json_write.hpp"

using namespace core;
using nlohmann::json;

namespace {

std::string written(std::string_view text) {
    std::string out;
    appendJsonString(out, text);
    return out;
}

std::string nlohmannText(std::string_view text) {
    return json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string written(double value) {
    std::string out;
    appendJsonNumber(out, value);
    return out;
}

std::string hexOf(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
        out += ' ';
    }
    return out;
}

// Bytes at the edges of every class the escaping and the UTF-8 check tell apart.
const std::vector<unsigned char> kEdges = {0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x20, 0x22, 0x2f, 0x41,
                                           0x5c, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
                                           0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};

}  // namespace

TEST_CASE("json_write: strings are escaped as nlohmann escapes them", "[json_write]") {
    CHECK(written("plain") == "\"plain\"");
    CHECK(written("say \"hi\" \\ / end") == "\"say \\\"hi\\\" \\\\ / end\"");
    CHECK(written("a\nb\tc\rd\be\ff") == "\"a\\nb\\tc\\rd\\be\\ff\"");
    CHECK(written(std::string_view("\x01\x1f\0", 3)) == "\"\\u0001\\u001f\\u0000\"");
    CHECK(written("\x7f") == "\"\x7f\"");  // DEL is not a control character to JSON
    CHECK(written("膝の裏 😣 👩‍⚕️") == "\"膝の裏 😣 👩‍⚕️\"");  // valid UTF-8 goes through as it is
    CHECK(written("ab\xff") == "\"ab\xEF\xBF\xBD\"");       // a stray byte becomes U+FFFD
    CHECK(written("\xE2\x82") == "\"\xEF\xBF\xBD\"");        // cut off at the end: one U+FFFD
    CHECK(written("\xE0\x80\x41") == "\"\xEF\xBF\xBD\xEF\xBF\xBD" "A\"");  // overlong: the bad byte is read again
    for (const char* s : {"", "x", "say \"hi\"", "膝の裏が痛い", "😣\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf"})
        CHECK(written(s) == nlohmannText(s));
}

TEST_CASE("json_write: every short string of edge bytes, and random bytes, match nlohmann", "[json_write]") {
    std::size_t checked = 0, differing = 0;
    std::string first;  // the first that differs, in hex
    auto compare = [&](const std::string& s) {
        ++checked;
        if (written(s) != nlohmannText(s) && differing++ == 0) first = hexOf(s);
    };
    for (unsigned char a : kEdges) {
        compare(std::string(1, static_cast<char>(a)));
        for (unsigned char b : kEdges) {
            compare({static_cast<char>(a), static_cast<char>(b)});
            for (unsigned char c : kEdges) compare({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        }
    }
    std::mt19937 random(15);
    for (int i = 0; i < 20000; ++i) {
        std::string s(random() % 16, ' ');
        for (char& c : s) c = static_cast<char>(random() & 0xFF);
        compare(s);
    }
    INFO("first differing string: " << first);
    CHECK(checked > 40000);
    CHECK(differing == 0);
}

TEST_CASE("json_write: numbers read as nlohmann writes them", "[json_write]") {
    for (int tenths = -2000; tenths <= 2000; ++tenths) {  // every temperature, and more
        const double v = tenths / 10.0;
        INFO(tenths);
        REQUIRE(written(v) == json(v).dump());
    }
    for (double v : {0.0, -0.0, 37.0, 38.4, 100.0, 1e15, 1e16, 1e20, 1.5e-4, 1e-5, 0.1 + 0.2, 5e-324, 1e308, -2.5e-7}) {
        INFO(v);
        CHECK(written(v) == json(v).dump());
    }
    CHECK(written(std::numeric_limits<double>::quiet_NaN()) == "null");
    CHECK(written(std::numeric_limits<double>::infinity()) == "null");
    std::string whole;
    appendJsonNumber(whole, std::numeric_limits<int64_t>::min());
    CHECK(whole == json(std::numeric_limits<int64_t>::min()).dump());
}

TEST_CASE("json_write: objects and arrays get their commas and brackets", "[json_write]") {
    std::string out;
    JsonWriter w(out);
    w.object().field("a", "x").key("b").array().value(1).value(true).object().end().array().end().end();
    w.key("c").object().key("d").value(2.5).end().key("e").value(false).end();
    CHECK(out == R"({"a":"x","b":[1,true,{},[]],"c":{"d":2.5},"e":false})");
    CHECK(json::parse(out).dump() == out);
}
