#pragma once
// JSON written straight into a string as it goes, with no tree in between (the FHIR export writes
// each resource this way: building and dumping an nlohmann::json per resource cost more than half
// of its time). The text is the same, byte for byte, as nlohmann::json's compact dump() with
// error_handler_t::replace, which the rest of the code base uses:
// - strings: `"` and `\` escaped, \b \f \n \r \t short, other characters below 0x20 as \u00XX
//   (lower-case hex), everything else (DEL, valid UTF-8) as it is; a byte that is not valid UTF-8
//   (a stray byte, an overlong or cut-off sequence, a surrogate) becomes U+FFFD, exactly where and
//   as often as nlohmann puts it;
// - doubles: the shortest text that reads back as the same double, "38.4", "37.0" (always with a
//   point or an exponent), "1e+20"; not finite: null. Whole numbers: plain digits.
// The writer does not sort keys: a caller matching nlohmann::json (a std::map) writes them in
// byte order. tests/core/test_json_write.cpp compares both on tricky strings and numbers.
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

// `text` as a quoted JSON string, appended to `out`.
void appendJsonString(std::string& out, std::string_view text);
void appendJsonNumber(std::string& out, int64_t value);
void appendJsonNumber(std::string& out, double value);

// Objects and arrays with their commas: w.object().key("a").value(1).key("b").array().value("x").end().end()
// writes {"a":1,"b":["x"]}. Nesting is not checked beyond the closing brackets.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : m_out(out) {}
    JsonWriter& object() { return open('{', '}'); }
    JsonWriter& array() { return open('[', ']'); }
    JsonWriter& end();  // closes the innermost object or array
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(int value);
    JsonWriter& value(int64_t value);
    JsonWriter& value(double value);
    JsonWriter& value(bool value);
    // A key with a string value, the commonest pair.
    JsonWriter& field(std::string_view name, std::string_view text) { return key(name).value(text); }

private:
    JsonWriter& open(char opening, char closing);
    void separate() {
        if (m_comma) m_out += ',';
    }
    std::string& m_out;
    std::string m_closers;  // the brackets still open, innermost last
    bool m_comma = false;   // the next item needs a comma before it
};

}  // namespace core
