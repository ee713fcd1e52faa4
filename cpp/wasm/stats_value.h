// A run's stats as the JavaScript object hosts read (module-types.ts: SimulatorStats), from one
// simulator or from several merged.
#ifndef READFORGE_WASM_STATS_VALUE_H_
#define READFORGE_WASM_STATS_VALUE_H_

#include <emscripten/val.h>

#include <cstdint>
#include <vector>

#include "engine/run_stats.h"

namespace readforge::wasm {

using emscripten::val;

inline val StatsValue(const SimulatorStats& s, int64_t total_reference_bases) {
  val out = val::object();
  out.set("referenceBases", static_cast<double>(s.reference_bases));
  out.set("totalReferenceBases", static_cast<double>(total_reference_bases));
  out.set("contigs", static_cast<double>(s.contigs));
  out.set("pairs", static_cast<double>(s.pairs));
  out.set("readBases", static_cast<double>(s.read_bases));
  out.set("errors", static_cast<double>(s.errors));
  out.set("droppedPairs", static_cast<double>(s.dropped_pairs));
  out.set("cutFragments", static_cast<double>(s.cut_fragments));
  out.set("snps", static_cast<double>(s.snps));
  out.set("insertions", static_cast<double>(s.insertions));
  out.set("deletions", static_cast<double>(s.deletions));
  out.set("fragmentLengthSum", static_cast<double>(s.fragment_length_sum));
  out.set("pcrDuplicates", static_cast<double>(s.pcr_duplicates));
  out.set("opticalDuplicates", static_cast<double>(s.optical_duplicates));
  val bins = val::array();
  for (int64_t count : s.fragment_lengths.counts)
    bins.call<void>("push", static_cast<double>(count));
  out.set("fragmentHistogram", bins);
  out.set("fragmentHistogramStart", static_cast<double>(s.fragment_lengths.start));
  out.set("fragmentHistogramWidth", static_cast<double>(s.fragment_lengths.width));
  val sums = val::array();
  for (const std::vector<int64_t>& mate : s.cycle_quality_sums) {
    val cycles = val::array();
    for (int64_t sum : mate)
      cycles.call<void>("push", static_cast<double>(sum));
    sums.call<void>("push", cycles);
  }
  out.set("cycleQualitySums", sums);
  val planted = val::object();
  planted.set("planted", static_cast<double>(s.planted.planted));
  planted.set("mismatches", static_cast<double>(s.planted.mismatches));
  planted.set("overlapping", static_cast<double>(s.planted.overlapping));
  planted.set("outside", static_cast<double>(s.planted.outside));
  out.set("planted", planted);
  val coverage = val::array();
  for (const SpanCoverage& span : s.coverage) {
    val track = val::object();
    track.set("contig", span.contig);
    track.set("begin", static_cast<double>(span.begin));
    track.set("length", static_cast<double>(span.length));
    track.set("width", static_cast<double>(span.width));
    val fragments = val::array();
    val n_bases = val::array();
    for (size_t i = 0; i < span.fragments.size(); ++i) {
      fragments.call<void>("push", static_cast<double>(span.fragments[i]));
      n_bases.call<void>("push", static_cast<double>(span.n_bases[i]));
    }
    track.set("fragments", fragments);
    track.set("nBases", n_bases);
    coverage.call<void>("push", track);
  }
  out.set("coverage", coverage);
  return out;
}

}  // namespace readforge::wasm

#endif  // READFORGE_WASM_STATS_VALUE_H_
