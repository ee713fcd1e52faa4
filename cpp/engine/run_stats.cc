#include "engine/run_stats.h"

namespace readforge {

namespace {

// part / whole as a percentage with two decimals, rounded half up in integers (so every build
// writes the same text).
std::string Percent(int64_t part, int64_t whole) {
  const int64_t hundredths = whole > 0 ? (part * 20000 + whole) / (2 * whole) : 0;
  return std::to_string(hundredths / 100) + "." + std::to_string(hundredths % 100 / 10) +
         std::to_string(hundredths % 10);
}

}  // namespace

std::string SummaryLine(int64_t pairs, int64_t read_bases, int64_t errors, int64_t contigs) {
  const std::string rate = Percent(errors, read_bases);
  return "wrote " + std::to_string(pairs) + " read pairs (" + std::to_string(read_bases) +
         " bases, " + rate + "% sequencing errors) from " + std::to_string(contigs) + " contigs";
}

std::string DuplicatesLine(int64_t pcr, int64_t optical, int64_t pairs) {
  return std::to_string(pcr) + " PCR and " + std::to_string(optical) + " optical duplicates (" +
         Percent(pcr + optical, pairs) + "% of the pairs)";
}

void AddStats(const SimulatorStats& part, SimulatorStats* total) {
  total->reference_bases = part.reference_bases;
  total->contigs = part.contigs;
  total->planted = part.planted;
  total->pairs += part.pairs;
  total->read_bases += part.read_bases;
  total->errors += part.errors;
  total->dropped_pairs += part.dropped_pairs;
  total->cut_fragments += part.cut_fragments;
  total->snps += part.snps;
  total->insertions += part.insertions;
  total->deletions += part.deletions;
  total->fragment_length_sum += part.fragment_length_sum;
  total->pcr_duplicates += part.pcr_duplicates;
  total->optical_duplicates += part.optical_duplicates;
  total->fragment_lengths.start = part.fragment_lengths.start;
  total->fragment_lengths.width = part.fragment_lengths.width;
  for (int i = 0; i < FragmentLengths::kBins; ++i)
    total->fragment_lengths.counts[i] += part.fragment_lengths.counts[i];
  // Every part ends the same spans in the same order.
  if (total->coverage.size() < part.coverage.size())
    total->coverage.resize(part.coverage.size());
  for (size_t i = 0; i < part.coverage.size(); ++i) {
    SpanCoverage& into = total->coverage[i];
    if (into.contig.empty()) {
      into = part.coverage[i];
      continue;
    }
    into.Merge(part.coverage[i]);
  }
  for (size_t mate = 0; mate < 2; ++mate) {
    std::vector<int64_t>& sums = total->cycle_quality_sums[mate];
    const std::vector<int64_t>& add = part.cycle_quality_sums[mate];
    if (sums.size() < add.size())
      sums.resize(add.size(), 0);
    for (size_t c = 0; c < add.size(); ++c)
      sums[c] += add[c];
  }
}

}  // namespace readforge
