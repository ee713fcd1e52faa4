// The truth alignments of a span, held from when their pair is made until their block is
// written. A record belongs to the block that holds its POS: a block's records come from its
// own pairs and from those of the blocks before it whose fragments reach into it, so a block's
// BAM can be written, sorted, once its own pairs are made. The order is (POS, strand, pair
// number, mate): `samtools sort` (a stable sort on POS and strand) leaves it as it is.
//
// What it holds at most: a block's records and the few of the blocks before it that reach into
// it; at 30x of 2 x 150 and the default block of 256 kb, about 52,000 records of 360 bytes.
#ifndef READFORGE_ENGINE_ALIGNMENT_BUFFER_H_
#define READFORGE_ENGINE_ALIGNMENT_BUFFER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contig_list.h"

namespace readforge {

// Where a record written out ends, with what its index needs of it.
struct RecordEnd {
  int32_t tid;
  int64_t pos;
  int64_t end;  // as htslib's bam_endpos
  bool mapped;
  uint64_t offset;  // in the output, just past the record
};

class AlignmentBuffer {
 public:
  // Records at positions before this are not kept (the blocks a run does not write).
  void set_keep_from(int64_t pos) { keep_from_ = pos; }
  int64_t keep_from() const { return keep_from_; }

  // A record at span position `pos` is written straight into the buffer: StartRecord(most)
  // gives the string to append it to (BeginBamRecord ... EndBamRecord; `most`: a bound on its
  // size), Commit(start) takes it. Wants(pos) first: records the buffer would not keep need not
  // be made.
  bool Wants(int64_t pos) const { return pos >= keep_from_; }
  std::string* StartRecord(size_t most);
  void Commit(int64_t pos, bool reverse, int64_t pair, int mate, size_t start);

  // Takes the records before span position `end` out, sorted, to be written (Next) or dropped
  // (Drop).
  void Take(int64_t end);
  // Appends taken records to `out` until it has grown by about `budget` bytes: as BAM, or as
  // SAM text when `sam_contigs` is given (their names). `ends`, when given, gets where each
  // ends. False once all are written.
  bool Next(size_t budget,
            const ContigList* sam_contigs,
            std::string* out,
            std::vector<RecordEnd>* ends = nullptr);
  void Drop();

  void Clear();
  size_t size() const { return entries_.size(); }

 private:
  // Records live in chunks of kChunk bytes (a larger one for a record that needs it), appended
  // to and never moved: a block's records cost their bytes, not the doubling of one growing
  // buffer, and the chunks are kept for the next block.
  static constexpr size_t kChunk = size_t{1} << 20;

  struct Entry {
    int64_t pos;
    uint64_t order;  // strand, then pair number and mate
    uint32_t chunk;
    uint32_t offset;
    uint32_t size;
  };
  const char* Bytes(const Entry& e) const { return chunks_[e.chunk].data() + e.offset; }
  // Keeps only the entries from `first` on (those not taken), their bytes moved to the front.
  void Compact(size_t first);

  int64_t keep_from_ = 0;
  std::vector<std::string> chunks_;  // [0, used_] hold records; the rest are spare
  size_t used_ = 0;
  std::vector<Entry> entries_;
  size_t taken_ = 0;  // entries_[0, taken_) are taken (sorted), next_ the next to write
  size_t next_ = 0;
  std::string kept_;  // Compact's scratch
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_ALIGNMENT_BUFFER_H_
