// Runs of N in a sequence: assembly gaps, and any base that is not A, C, G or T once
// normalised. What a gap sidecar lists, and what the engine finds in the bases it holds.
#ifndef READFORGE_FORMATS_N_RUNS_H_
#define READFORGE_FORMATS_N_RUNS_H_

#include <cstdint>
#include <vector>

namespace readforge {

// A run of N bases, [begin, end), in span or contig coordinates as the context says.
struct NRun {
  int64_t begin = 0;
  int64_t end = 0;
};

// Appends the N runs of bases[0, n) (normalised: "ACGTN"), placed at `offset`; a run that
// continues the last one in `runs` is merged with it.
void AppendNRuns(const char* bases, int64_t n, int64_t offset, std::vector<NRun>* runs);

}  // namespace readforge

#endif  // READFORGE_FORMATS_N_RUNS_H_
