#pragma once
// The bundle's entries, each written straight as JSON ({"fullUrl": ..., "resource": {...}}), for
// core/fhir.cpp only. Keys go in byte order within each object (the order nlohmann::json, which
// wrote them before, gives), so the text is the same as it was. What each resource holds is
// described in core/fhir.hpp.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/episode.hpp"
#include "core/json_write.hpp"
#include "core/peg.hpp"
#include "core/repository.hpp"

namespace core::fhir_detail {

void patientEntry(JsonWriter& w, std::string_view id, std::string_view name);
// `effective`: formatIso(e.startedAt), which the caller has made already for the id.
void observationEntry(JsonWriter& w, const Episode& e, std::string_view effective, std::string_view id,
                      std::string_view patient);
void temperatureEntry(JsonWriter& w, const Episode& e, std::string_view effective, std::string_view id,
                      std::string_view patient, std::string_view episodeObservation);
void riskEntry(JsonWriter& w, const std::string& risk, std::string_view id, std::string_view patient, int64_t atUtc);
// `e`: the episode that raised the alert (its time, pain and side are enough).
void flagEntry(JsonWriter& w, const Alert& a, const Episode& e, std::string_view id, std::string_view patient,
               std::string_view observationId, std::string_view region);
void pegQuestionnaireEntry(JsonWriter& w, std::string_view id);
void pegResponseEntry(JsonWriter& w, const PegEntry& p, std::string_view id, std::string_view questionnaire,
                      std::string_view patient);

}  // namespace core::fhir_detail
