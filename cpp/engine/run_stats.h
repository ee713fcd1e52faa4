// What a run did, for the summaries hosts print and show: counts, and the fragment-length
// histogram. Hosts that run several simulators (threads, Workers) add theirs up.
#ifndef READFORGE_ENGINE_RUN_STATS_H_
#define READFORGE_ENGINE_RUN_STATS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/coverage_track.h"

namespace readforge {

// Fragment lengths in 64 bins around the mean (+-4 standard deviations), or over a
// --fragment-hist's range; the ends collect the rest.
struct FragmentLengths {
  static constexpr int kBins = 64;
  int64_t start = 0;
  int64_t width = 1;
  std::array<int64_t, kBins> counts{};

  void Add(int64_t length) {
    int64_t bin = (length - start) / width;
    ++counts[static_cast<size_t>(bin < 0 ? 0 : bin >= kBins ? kBins - 1 : bin)];
  }
};

struct SimulatorStats {
  int64_t reference_bases = 0;  // bases parsed so far
  int64_t contigs = 0;
  int64_t pairs = 0;
  int64_t read_bases = 0;
  int64_t errors = 0;
  int64_t dropped_pairs = 0;
  int64_t cut_fragments = 0;
  int64_t snps = 0;
  int64_t insertions = 0;
  int64_t deletions = 0;
  int64_t fragment_length_sum = 0;
  // With --duplicates / --optical-duplicates: the pairs written as copies of an earlier
  // fragment (flagged 0x400 in the golden BAM).
  int64_t pcr_duplicates = 0;
  int64_t optical_duplicates = 0;
  FragmentLengths fragment_lengths;
  // With a quality profile: per read end, the sum of each cycle's qualities over the reads
  // written (means by cycle, for the summaries).
  std::array<std::vector<int64_t>, 2> cycle_quality_sums;
  // With --variants: what became of the VCF's records (known at the end of the run).
  struct Planted {
    int64_t planted = 0;
    int64_t mismatches = 0;   // REF not the reference's (skipped, --skip-mismatches)
    int64_t overlapping = 0;  // overlapping an earlier record (the first wins)
    int64_t outside = 0;      // not inside a span simulated
  } planted;
  // Where fragments landed, per span ended (in order; the first kMaxTrackedSpans spans).
  std::vector<SpanCoverage> coverage;
};

// "wrote 1000 read pairs (140000 bases, 2.01% sequencing errors) from 1 contigs": the summary
// every host prints (the rate rounded in integers, so every build writes the same text).
std::string SummaryLine(int64_t pairs, int64_t read_bases, int64_t errors, int64_t contigs);

// "1093 PCR and 98 optical duplicates (11.91% of the pairs)": the duplicates every host reports.
std::string DuplicatesLine(int64_t pcr, int64_t optical, int64_t pairs);

// Adds what one of several simulators over the same reference did (each parsed all of it, so
// reference bases, contigs and planted records are taken, not added).
void AddStats(const SimulatorStats& part, SimulatorStats* total);

}  // namespace readforge

#endif  // READFORGE_ENGINE_RUN_STATS_H_
