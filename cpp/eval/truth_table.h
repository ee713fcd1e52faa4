// The golden BAM of a run (--bam), held as what an evaluation compares each aligned read with:
// per read (pair number and mate), its contig, POS, unclipped start, CIGAR and name. 24 bytes a
// read: a run of a million pairs holds 48 MB.
#ifndef READFORGE_EVAL_TRUTH_TABLE_H_
#define READFORGE_EVAL_TRUTH_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "eval/alignment_reader.h"
#include "formats/status.h"

namespace readforge {

struct TruthRead {
  int32_t contig = -1;        // its number in the truth's header; -1: no such read
  int32_t pos = 0;            // 1-based (BAM's positions fit 32 bits)
  int32_t unclipped = 0;      // POS less the clipped bases before it
  uint32_t cigar_digest = 0;  // a hash of the CIGAR
  uint32_t name_digest = 0;   // and of the name: another run's read of the same number differs
  bool mapped = false;
};

uint32_t CigarDigest(const std::vector<uint32_t>& cigar);
uint32_t NameDigest(std::string_view name);
int64_t UnclippedStart(int64_t pos, const std::vector<uint32_t>& cigar);

class TruthTable {
 public:
  // The golden BAM in pieces, then Finish().
  Status Push(const char* data, size_t size);
  Status Finish();

  const std::vector<HeaderContig>& contigs() const { return reader_.contigs(); }
  int64_t reads() const { return reads_ - supplementary_; }  // its primary records
  // The truth of mate `mate` (0: read 1 or single-end, 1: read 2) of pair `index`, or null.
  const TruthRead* Find(int64_t index, int mate) const {
    const size_t i = static_cast<size_t>(2 * index + mate);
    return index >= 0 && i < reads_by_key_.size() && reads_by_key_[i].contig >= 0
               ? &reads_by_key_[i]
               : nullptr;
  }

 private:
  Status Drain();

  AlignmentReader reader_;
  std::vector<TruthRead> reads_by_key_;  // by 2 x pair number + mate
  int64_t reads_ = 0;                    // records
  int64_t supplementary_ = 0;            // of them, split reads' supplementary parts
};

}  // namespace readforge

#endif  // READFORGE_EVAL_TRUTH_TABLE_H_
