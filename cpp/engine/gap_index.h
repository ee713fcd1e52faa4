// The reference's N runs (assembly gaps, and any other base that is not A, C, G or T), per
// contig: what the plan needs to give pairs to blocks by usable positions before any base is
// read. Measured by a first pass over the reference (ContigScanner), or read from the sidecar
// `readforge index` writes beside the reference, `<ref>.gaps.bed`:
//
//   #readforge-gaps	1
//   #contig	chr1	248956422	18475410	57      name, length, N bases, N runs
//   #contig	chr2	242193529	1645301	36
//   chr1	0	10000                               one BED line per run, 0-based half-open
//   chr1	207666	257666
//   ...
//
// The runs are BED, so bedtools and friends read the file as it is. The header lines make a
// sidecar from another reference (names, lengths), a truncated one (run counts) or an edited one
// (N totals, order) a clear error; the run itself then checks every block it simulates.
#ifndef READFORGE_ENGINE_GAP_INDEX_H_
#define READFORGE_ENGINE_GAP_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/status.h"
#include "engine/truth_writer.h"
#include "engine/usable_positions.h"

namespace readforge {

struct ContigGaps {
  std::string name;
  int64_t length = 0;
  std::vector<NRun> runs;  // contig coordinates, sorted, disjoint, not touching
};

class GapIndex {
 public:
  // Where the runs came from, for messages ("ref.fa.gaps.bed").
  std::string source;

  static Status Parse(std::string_view text, GapIndex* index);
  std::string Format() const;

  // The sidecar must describe exactly these contigs (from the .fai or a scan).
  Status CheckContigs(const std::vector<ContigInfo>& contigs) const;

  bool empty() const { return contigs_.empty(); }
  // The contigs it describes: a sidecar is also an index of names and lengths.
  std::vector<ContigInfo> Contigs() const;
  const std::vector<ContigGaps>& contigs() const { return contigs_; }
  const ContigGaps* Find(const std::string& name) const;

  // Building one (a scan): contigs in reference order; runs are appended to them in order.
  size_t AddContig(std::string name, int64_t length);
  ContigGaps& contig(size_t i) { return contigs_[i]; }
  int64_t IndexOf(const std::string& name) const;

  // The runs of `contig` inside [begin, end), in span coordinates (relative to `begin`).
  std::vector<NRun> RunsIn(const ContigGaps& contig, int64_t begin, int64_t end) const;

 private:
  std::vector<ContigGaps> contigs_;
  std::unordered_map<std::string, size_t> by_name_;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_GAP_INDEX_H_
