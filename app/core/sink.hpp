#pragma once
// Where an export's bytes go, piece by piece: the formats (CSV, FHIR, PDF) write through a Sink as
// they go, so no export holds the whole file in memory. A file written atomically
// (io::AtomicFile) is one; a string (StringSink) is another, for the tests and small previews.
#include <string>
#include <string_view>

namespace core {

class Sink {
public:
    virtual ~Sink() = default;
    virtual void write(std::string_view bytes) = 0;
    // True once a write failed (the sink keeps the reason); a writer may stop early.
    virtual bool failed() const { return false; }
};

class StringSink final : public Sink {
public:
    void write(std::string_view bytes) override { this->bytes.append(bytes); }
    std::string bytes;
};

}  // namespace core
