#pragma once
// Whole numbers read from JSON that may come from anywhere (a bundle): a fraction, a huge value
// or another type throws (json::exception or std::out_of_range), never converts with undefined
// behaviour (a double outside int's range). For core's readers (bundle.cpp, merge.cpp).
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace core::detail {

template <class T>
T wholeNumber(const nlohmann::json& j) {
    if (!j.is_number_integer()) throw std::out_of_range("not a whole number");
    if (j.is_number_unsigned()) {
        const uint64_t v = j.get<uint64_t>();
        if (v > static_cast<uint64_t>(std::numeric_limits<T>::max())) throw std::out_of_range("too large");
        return static_cast<T>(v);
    }
    const int64_t v = j.get<int64_t>();
    if (v < static_cast<int64_t>(std::numeric_limits<T>::min()) || v > static_cast<int64_t>(std::numeric_limits<T>::max()))
        throw std::out_of_range("out of range");
    return static_cast<T>(v);
}

}  // namespace core::detail
