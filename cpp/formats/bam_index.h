// The index of a coordinate-sorted BAM, as `samtools index` makes it: BAI (SAMv1 section 5.2)
// for references up to 512 Mb, CSI (CSIv1) past that. Records are pushed in file order with the
// virtual offset where each ends; the bins and the linear index come out as htslib 1.16's
// hts_idx_push / hts_idx_finish build them (Debian 12's samtools), so the bytes are
// `samtools index`'s.
//
// htslib keeps each reference's bins in a klib hash table and writes them in the table's slot
// order: KhashBins below places keys as khash does (identity hash, quadratic probing, its
// growth and rehashing), which is what makes the bytes equal and not merely equivalent.
#ifndef READFORGE_FORMATS_BAM_INDEX_H_
#define READFORGE_FORMATS_BAM_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "formats/status.h"

namespace readforge {

struct IndexChunk {
  uint64_t begin;  // virtual offsets
  uint64_t end;
};

struct IndexBin {
  uint64_t loff = 0;  // CSI: the smallest offset of a record overlapping the bin
  std::vector<IndexChunk> chunks;
};

// An integer-keyed hash map that places keys exactly as klib's khash (KHASH_MAP_INIT_INT).
class KhashBins {
 public:
  size_t buckets() const { return keys_.size(); }
  // The slot of `key`, or buckets() when absent.
  size_t Get(uint32_t key) const;
  // The slot of `key`, added (with an empty value) when absent.
  size_t Put(uint32_t key);
  void Delete(size_t slot);
  bool Exists(size_t slot) const { return (Flags(slot) & 3) == 0; }
  uint32_t key(size_t slot) const { return keys_[slot]; }
  IndexBin& value(size_t slot) { return values_[slot]; }
  const IndexBin& value(size_t slot) const { return values_[slot]; }
  size_t size() const { return size_; }

 private:
  // Two bits a slot: 2 = empty, 1 = deleted.
  uint32_t Flags(size_t i) const { return (flags_[i >> 4] >> ((i & 15) << 1)) & 3; }
  bool IsEmpty(size_t i) const { return Flags(i) & 2; }
  bool IsDeleted(size_t i) const { return Flags(i) & 1; }
  void Resize(uint32_t buckets);

  std::vector<uint32_t> flags_;
  std::vector<uint32_t> keys_;
  std::vector<IndexBin> values_;
  uint32_t size_ = 0;
  uint32_t occupied_ = 0;
  uint32_t upper_bound_ = 0;
};

class BamIndexBuilder {
 public:
  // The CSI depth `samtools index -c` gives references of up to `longest` bases.
  static int CsiDepth(int64_t longest);
  // References longer than this need CSI.
  static constexpr int64_t kBaiLimit = int64_t{1} << 29;

  // `references`: how many the header lists. `offset0`: where the first record starts.
  BamIndexBuilder(size_t references, bool csi, int depth, uint64_t offset0);

  // A record, in file order: its reference (-1: unplaced), [beg, end) as bam_endpos gives, the
  // virtual offset where it ends, and whether it is mapped.
  Status Push(int32_t tid, int64_t beg, int64_t end, uint64_t offset, bool mapped);
  // After the last record: the offset where the records end.
  void Finish(uint64_t final_offset);

  // The index file's bytes: BAI as they are; CSI before BGZF compression.
  std::string Serialize() const;
  bool csi() const { return csi_; }
  uint64_t offset0() const { return offset0_; }

 private:
  struct Linear {
    std::vector<uint64_t> offsets;  // of 2^min_shift-base windows; ~0 when unset
  };
  static constexpr uint64_t kUnset = ~uint64_t{0};
  static constexpr uint32_t kNone = 0xffffffffu;

  void InsertToBin(int32_t tid, uint32_t bin, uint64_t begin, uint64_t end);
  void InsertToLinear(int32_t tid, int64_t beg, int64_t end, uint64_t offset);
  void UpdateLoff(size_t tid);
  void CompressBinning(size_t tid);
  uint32_t MetaBin() const { return static_cast<uint32_t>(n_bins_ + 1); }

  const bool csi_;
  const uint64_t offset0_;
  const int min_shift_ = 14;
  const int depth_;
  const int n_bins_;
  std::vector<KhashBins> bins_;
  std::vector<bool> has_bins_;  // htslib's bidx[tid] != 0
  std::vector<Linear> linear_;
  uint64_t n_no_coor_ = 0;
  // hts_idx_t's z: the state of the push loop.
  uint32_t last_bin_ = kNone, save_bin_ = kNone;
  int64_t last_coor_ = 0xffffffffu;
  int32_t last_tid_ = -1, save_tid_ = -1;
  uint64_t last_off_, save_off_, off_beg_, off_end_;
  uint64_t n_mapped_ = 0, n_unmapped_ = 0;
  bool finished_ = false;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BAM_INDEX_H_
