// The reference's N runs (assembly gaps, and any other base that is not A, C, G or T), by
// contig: what the plan needs to give pairs to blocks by usable positions before any base is
// read. Measured by a first pass over the reference (ContigScanner), or read from the sidecar
// `readforge index` writes beside the reference, `<ref>.gaps.bed`:
//
//   #readforge-gaps	1
//   #contig	chr1	248956422	18475410	57	2648ae1b...      name, length, N
//   bases, N runs, #contig	chr2	242193529	1645301	36	4bb4f82...       and the MD5
//   (optional) chr1	0	10000                               one BED line per run, 0-based
//   half-open chr1	207666	257666
//   ...
//
// The runs are BED, so bedtools and friends read the file as it is. The header lines make a
// sidecar from another reference (names, lengths), a truncated one (run counts) or an edited one
// (N totals, order) a clear error; the run itself then checks every block it simulates.
//
// The index holds runs by contig number (the contigs themselves are a ContigList beside it), in
// one sorted array: a contig without N costs nothing, so a million contigs cost no more than
// their runs.
#ifndef READFORGE_FORMATS_GAP_INDEX_H_
#define READFORGE_FORMATS_GAP_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contig_list.h"
#include "formats/n_runs.h"
#include "formats/status.h"

namespace readforge {

class GapIndex {
 public:
  // Where the runs came from, for messages ("ref.fa.gaps.bed"; empty for a first pass).
  std::string source;

  // A sidecar's text: the contigs it describes (a sidecar is also an index of names and
  // lengths), their runs, and their MD5s (contig_digests.h) as 16 raw bytes each when every
  // '#contig' line gives one (else `md5` is left empty).
  static Status Parse(std::string_view text,
                      ContigList* contigs,
                      GapIndex* index,
                      std::string* md5 = nullptr);
  // The sidecar's text for `contigs`, the list these runs belong to, with their MD5s when given
  // (16 raw bytes each).
  std::string Format(const ContigList& contigs, std::string_view md5 = {}) const;

  // Whether the runs are known (a scan or a sidecar): without them, contigs are taken to hold
  // no N, and a run that meets one says what to do.
  bool known() const { return known_; }
  void set_known(bool known) { known_ = known; }

  // Building one (a scan): each contig's runs, sorted, contigs in increasing order.
  void AddRuns(size_t contig, const std::vector<NRun>& runs);

  // The runs of `contig` inside [begin, end), in span coordinates (relative to `begin`).
  std::vector<NRun> RunsIn(size_t contig, int64_t begin, int64_t end) const;
  size_t run_count() const { return runs_.size(); }
  int64_t n_bases() const;

 private:
  struct ContigRun {
    uint64_t contig = 0;
    NRun run;
  };
  bool known_ = false;
  std::vector<ContigRun> runs_;  // by contig, then position
};

// A sidecar's contigs against those of the reference (from its .fai or a first pass): Ok when
// they are the same, else what differs.
Status CheckSidecarContigs(const ContigList& sidecar, const ContigList& reference);

}  // namespace readforge

#endif  // READFORGE_FORMATS_GAP_INDEX_H_
