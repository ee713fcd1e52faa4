// A BGZF stream read from pieces of any size: its blocks inflated as they complete, the data
// handed out in order, and any data position turned into the virtual offset htslib's bgzf_tell
// would give there ((block address << 16) | offset in the block; at a block's end, the address
// of the block after it and 0). What BAM readers and index builders need.
#ifndef READFORGE_FORMATS_BGZF_STREAM_H_
#define READFORGE_FORMATS_BGZF_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "formats/bgzf_reader.h"
#include "formats/status.h"

namespace readforge {

class BgzfStream {
 public:
  // Compressed input: whole blocks are inflated at once; the rest waits for more.
  Status Push(const char* data, size_t size);
  // The end of input: a block cut short is an error ("truncated").
  Status Finish();
  bool finished() const { return finished_; }
  // Whether the last block was BGZF's empty end-of-file block (a file cut at a block boundary
  // has none).
  bool saw_end_of_file() const { return last_block_empty_; }

  // The data inflated and not yet consumed, from data position position() on.
  std::string_view available() const {
    return std::string_view(data_).substr(static_cast<size_t>(consumed_ - data_base_));
  }
  uint64_t position() const { return consumed_; }
  // Done with the data before position() + n.
  void Consume(size_t n);

  // The virtual offset of data position `at` (at most the end of the data inflated, and not
  // before the block of position() - 1).
  uint64_t VirtualOffset(uint64_t at) const;
  // Compressed bytes taken in so far.
  uint64_t compressed_bytes() const { return compressed_; }

 private:
  struct Block {
    uint64_t address;     // where it starts in the compressed stream
    uint64_t size;        // compressed
    uint64_t data_begin;  // data positions [data_begin, data_end)
    uint64_t data_end;
  };
  Status InflateWhole();

  BgzfBlockInflater inflater_;
  std::string pending_;           // compressed bytes of blocks not yet whole
  uint64_t pending_address_ = 0;  // where pending_ starts in the compressed stream
  uint64_t compressed_ = 0;
  std::string data_;
  uint64_t data_base_ = 0;  // the data position of data_[0]
  uint64_t consumed_ = 0;
  std::deque<Block> blocks_;  // from the block holding position() - 1 on
  bool finished_ = false;
  bool last_block_empty_ = false;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BGZF_STREAM_H_
