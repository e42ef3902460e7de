#pragma once
// The names an episode is recorded with. The `name`s are the command-line and storage
// names (scripts and tests use them); labels and explanations are what the person reads.
#include <span>
#include <string>
#include <string_view>

namespace core {

struct Term {
    std::string_view name;
    std::string_view label;
    std::string_view explanation;  // one line where a word may be unclear, else empty
    std::string_view group;        // plain-words group heading, e.g. "Calf, leg and breathing"
};

std::span<const Term> sideTerms();      // the knee: left right both
std::span<const Term> legTerms();       // the leg with calf or leg signs: left right both
std::span<const Term> painTypeTerms();  // sharp dull burning aching throbbing
std::span<const Term> onsetTerms();     // sudden gradual
std::span<const Term> contextTerms();   // "when it hurts"
std::span<const Term> symptomTerms();
std::span<const Term> careTerms();
std::span<const Term> riskTerms();      // the risk profile of red flags version 2
// Where behind the knee (the knee map): inner centre outer above below. Inner and outer are
// anatomical (the inner side faces the other leg), so they mirror between the left and right leg.
std::span<const Term> whereTerms();

// Days after which a time-bound risk is asked about again ("still true?"); 0 for standing risks.
int riskWindowDays(std::string_view risk);

const Term* findTerm(std::span<const Term> terms, std::string_view name);
// "a, b, c" — for error messages that list the valid names.
std::string validNames(std::span<const Term> terms);

}  // namespace core
