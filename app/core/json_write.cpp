#include "core/json_write.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

namespace core {

namespace {

// The length of the UTF-8 sequence at the start of `s` (not empty) when it is well formed (Unicode
// table 3-7: no overlong form, no surrogate, nothing past U+10FFFF); otherwise minus the number of
// bytes one U+FFFD stands for, as nlohmann's decoder counts them: a bad lead byte alone, else the
// bytes before the first one that cannot continue the sequence (that byte is read again), or the
// rest of the text when it ends in the middle of a sequence.
int sequence(std::string_view s) {
    const auto lead = static_cast<unsigned char>(s[0]);
    if (lead < 0x80) return 1;
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (lead < 0xC2) return -1;
    if (lead < 0xE0) {
        n = 2;
    } else if (lead < 0xF0) {
        n = 3;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead < 0xF5) {
        n = 4;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        return -1;
    }
    for (int k = 1; k < n; ++k) {
        if (static_cast<std::size_t>(k) >= s.size()) return -k;
        const auto b = static_cast<unsigned char>(s[static_cast<std::size_t>(k)]);
        if (b < lo || b > hi) return -k;
        lo = 0x80;
        hi = 0xBF;
    }
    return n;
}

void appendEscape(std::string& out, unsigned char c) {
    switch (c) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: break;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
    out.append(u, sizeof u);
}

// nlohmann's layout of digits * 10^(n - k) (k = digits.size()): fixed notation for 10^-5 < v < 10^15
// ("38.4", "100.0", "0.001"), else d.ddde+XX with at least two exponent digits.
void appendLaidOut(std::string& out, std::string_view digits, int n) {
    const int k = static_cast<int>(digits.size());
    constexpr int kMinExp = -4, kMaxExp = 15;
    if (k <= n && n <= kMaxExp) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
        out += ".0";
    } else if (0 < n && n <= kMaxExp) {
        out += digits.substr(0, static_cast<std::size_t>(n));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(n));
    } else if (kMinExp < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        const int e = n - 1;
        out += e < 0 ? "e-" : "e+";
        const int a = e < 0 ? -e : e;
        if (a < 10) out += '0';
        appendJsonNumber(out, static_cast<int64_t>(a));
    }
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    std::size_t copied = 0, i = 0;  // text[copied, i) is still to be copied as it is
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const int n = sequence(text.substr(i));
            if (n > 0) {
                i += static_cast<std::size_t>(n);
                continue;
            }
            out.append(text.data() + copied, i - copied);
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            i += static_cast<std::size_t>(-n);
        } else {
            out.append(text.data() + copied, i - copied);
            appendEscape(out, c);
            ++i;
        }
        copied = i;
    }
    out.append(text.data() + copied, i - copied);
    out += '"';
}

void appendJsonNumber(std::string& out, int64_t value) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr);
}

void appendJsonNumber(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    if (std::signbit(value)) {
        out += '-';
        value = -value;
    }
    if (value == 0) {
        out += "0.0";
        return;
    }
    // The shortest digits that read back as `value`, as d.ddde±X.
    char buf[40];
    const char* end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific).ptr;
    const char* e = static_cast<const char*>(std::memchr(buf, 'e', static_cast<std::size_t>(end - buf)));
    char digits[24];
    std::size_t k = 0;
    for (const char* p = buf; p < e; ++p)
        if (*p != '.') digits[k++] = *p;
    int exponent = 0;
    std::from_chars(e + (e[1] == '+' ? 2 : 1), end, exponent);
    appendLaidOut(out, std::string_view(digits, k), exponent + 1);
}

JsonWriter& JsonWriter::open(char opening, char closing) {
    separate();
    m_out += opening;
    m_closers += closing;
    m_comma = false;
    return *this;
}

JsonWriter& JsonWriter::end() {
    if (!m_closers.empty()) {
        m_out += m_closers.back();
        m_closers.pop_back();
    }
    m_comma = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    appendJsonString(m_out, name);
    m_out += ':';
    m_comma = false;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    appendJsonString(m_out, text);
    m_comma = true;
    return *this;
}

JsonWriter& JsonWriter::value(int value) { return this->value(static_cast<int64_t>(value)); }

JsonWriter& JsonWriter::value(int64_t value) {
    separate();
    appendJsonNumber(m_out, value);
    m_comma = true;
    return *this;
}

JsonWriter& JsonWriter::value(double value) {
    separate();
    appendJsonNumber(m_out, value);
    m_comma = true;
    return *this;
}

JsonWriter& JsonWriter::value(bool value) {
    separate();
    m_out += value ? "true" : "false";
    m_comma = true;
    return *this;
}

}  // namespace core
