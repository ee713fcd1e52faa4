// Compressed output as BGZF, htslib's blocked gzip: a series of gzip members of at most 64 KB
// of data each, with the block size in a header field. Every gzip reader (gzip, zcat, Python's
// gzip, Node's zlib) reads it as one stream; bgzip and htslib also seek in it.
//
// Each simulation block's output is compressed on its own (full blocks of kBlockData bytes, then
// the rest), so a block's compressed bytes depend on nothing but its plain bytes: threads and
// Workers compress their blocks in parallel and the pieces concatenate to the bytes of one.
// The deflate is libdeflate at level 1 in every build, so native and wasm bytes are the same.
#ifndef READFORGE_FORMATS_BGZF_WRITER_H_
#define READFORGE_FORMATS_BGZF_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

struct libdeflate_compressor;

namespace readforge {

class BgzfWriter {
 public:
  // htslib's block size: a block's data and its compressed form both fit in 64 KB.
  static constexpr size_t kBlockData = 0xff00;

  BgzfWriter();
  ~BgzfWriter();
  BgzfWriter(const BgzfWriter&) = delete;
  BgzfWriter& operator=(const BgzfWriter&) = delete;

  // Appends the BGZF blocks of `plain` to `out`: full blocks, then one for the rest (none when
  // `plain` is empty). `sizes`, when given, gets each block's compressed size.
  void Compress(std::string_view plain, std::string* out, std::vector<uint32_t>* sizes = nullptr);

  // The empty block that marks the end of a BGZF file (htslib checks for it).
  static std::string_view EndOfFile();

 private:
  // Returns the block's size.
  size_t CompressBlock(std::string_view plain, std::string* out);

  static constexpr size_t kMaxBlock = 0x10000;
  libdeflate_compressor* compressor_;
  char scratch_[kMaxBlock];
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BGZF_WRITER_H_
