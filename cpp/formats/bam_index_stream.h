// The index of a BAM made as it is written, without reading it back. Whoever compresses the BAM
// knows, for each BGZF block it makes, the block's compressed size and the records that end in
// it; it writes that down as a small stream of entries beside the BAM. Pieces of a BAM made
// apart (threads, Workers) concatenate, and so do their entries: the host joining them feeds
// the entries, in the BAM's order, to a BamIndexAssembler, which turns block sizes into
// addresses and builds the index `samtools index` would make of the joined file (bam_index.h).
//
// The entries (little-endian): 'H' where the header ends; 'B' u32 compressed size, u32 data size
// for each block; then 'R' i32 tid, i32 pos, i32 end, u8 mapped, u32 offset for each record that
// ends in that block, `offset` bytes into its data.
#ifndef READFORGE_FORMATS_BAM_INDEX_STREAM_H_
#define READFORGE_FORMATS_BAM_INDEX_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "formats/bam_index.h"
#include "formats/contig_list.h"
#include "formats/status.h"

namespace readforge {

void AppendIndexHeaderEnd(std::string* entries);
void AppendIndexBlock(uint32_t compressed, uint32_t data, std::string* entries);
void AppendIndexRecord(int32_t tid,
                       int64_t pos,
                       int64_t end,
                       bool mapped,
                       uint32_t offset,
                       std::string* entries);

class BamIndexAssembler {
 public:
  // The BAM's contigs (BAI, or CSI when one is longer than BAI can hold; or CSI always).
  explicit BamIndexAssembler(const ContigList& contigs, bool csi = false);

  // Entries in pieces of any size.
  Status Push(const char* data, size_t size);
  // After the last entries: the index, BAI's bytes or CSI's (BGZF-compressed, as htslib writes
  // it).
  Status Finish(std::string* index);
  const char* extension() const { return csi_ ? ".csi" : ".bai"; }

 private:
  Status Take(std::string_view entry);

  size_t references_;
  bool csi_;
  int depth_;
  std::unique_ptr<BamIndexBuilder> builder_;  // from the 'H' entry on
  std::string pending_;                       // an entry cut between pieces
  uint64_t address_ = 0;                      // where the next block starts in the BAM
  uint64_t block_address_ = 0;
  uint32_t block_size_ = 0;
  uint32_t block_data_ = 0;
  uint64_t last_end_ = 0;
  bool any_record_ = false;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BAM_INDEX_STREAM_H_
