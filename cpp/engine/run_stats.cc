#include "engine/run_stats.h"

namespace readforge {

void AddStats(const SimulatorStats& part, SimulatorStats* total) {
  total->reference_bases = part.reference_bases;
  total->contigs = part.contigs;
  total->pairs += part.pairs;
  total->read_bases += part.read_bases;
  total->errors += part.errors;
  total->dropped_pairs += part.dropped_pairs;
  total->cut_fragments += part.cut_fragments;
  total->snps += part.snps;
  total->insertions += part.insertions;
  total->deletions += part.deletions;
  total->fragment_length_sum += part.fragment_length_sum;
  total->fragment_lengths.start = part.fragment_lengths.start;
  total->fragment_lengths.width = part.fragment_lengths.width;
  for (int i = 0; i < FragmentHistogram::kBins; ++i)
    total->fragment_lengths.counts[i] += part.fragment_lengths.counts[i];
}

}  // namespace readforge
