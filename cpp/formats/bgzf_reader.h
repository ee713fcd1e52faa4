// Reads BGZF (bgzip's blocked gzip, as bgzf_writer.h writes it) a block at a time: each block
// says its size in its header and its data's size and CRC in its footer, so it is inflated in one
// call, with libdeflate, which inflates whole buffers several times as fast as zlib's streaming
// inflate: what reads a bgzip reference or VCF beside the simulation keeps ahead of it.
#ifndef READFORGE_FORMATS_BGZF_READER_H_
#define READFORGE_FORMATS_BGZF_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/status.h"

struct libdeflate_decompressor;

namespace readforge {

class BgzfBlockInflater {
 public:
  static constexpr size_t kHeaderSize = 18;
  static constexpr size_t kMaxBlock = 0x10000;  // compressed or not, a block fits in 64 KB

  BgzfBlockInflater();
  ~BgzfBlockInflater();
  BgzfBlockInflater(const BgzfBlockInflater&) = delete;
  BgzfBlockInflater& operator=(const BgzfBlockInflater&) = delete;

  // The whole size of the block whose first kHeaderSize bytes are `header`, or 0 when they are
  // not a BGZF block's header (another kind of gzip member, or not gzip).
  static size_t BlockSize(const unsigned char* header);

  // The size of the data of the `size`-byte block `block` (its footer's ISIZE).
  static size_t DataSize(const unsigned char* block, size_t size);

  // Inflates the block into `out` (room for DataSize bytes), checking its length and CRC. The
  // error says what is wrong in zlib's words ("corrupt gzip data (...)").
  Status Inflate(const unsigned char* block, size_t size, char* out);

 private:
  libdeflate_decompressor* decompressor_;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BGZF_READER_H_
