#include "formats/bgzf_writer.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>

namespace readforge {
namespace {

// gzip header with the BGZF extra field: ID1 ID2 CM FLG(FEXTRA) MTIME(0) XFL OS(unknown) XLEN=6,
// then 'B' 'C' SLEN=2 and BSIZE (the block's total size minus one, filled in per block).
constexpr unsigned char kHeader[18] = {0x1f, 0x8b, 8, 4,   0,   0, 0, 0, 0,
                                       0xff, 6,    0, 'B', 'C', 2, 0, 0, 0};
// The empty block htslib writes at the end of every BGZF file.
constexpr char kEof[28] = {'\x1f', '\x8b', 8,  4, 0, 0, 0, 0, 0, '\xff', 6, 0, 'B', 'C',
                           2,      0,      27, 0, 3, 0, 0, 0, 0, 0,      0, 0, 0,   0};

void PutLittleEndian32(uint32_t value, char* out) {
  for (int i = 0; i < 4; ++i)
    out[i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

BgzfWriter::BgzfWriter() : compressor_(libdeflate_alloc_compressor(1)) {}

BgzfWriter::~BgzfWriter() {
  libdeflate_free_compressor(compressor_);
}

std::string_view BgzfWriter::EndOfFile() {
  return std::string_view(kEof, sizeof kEof);
}

void BgzfWriter::Compress(std::string_view plain, std::string* out, std::vector<uint32_t>* sizes) {
  while (!plain.empty()) {
    const size_t n = plain.size() < kBlockData ? plain.size() : kBlockData;
    const size_t size = CompressBlock(plain.substr(0, n), out);
    if (sizes)
      sizes->push_back(static_cast<uint32_t>(size));
    plain.remove_prefix(n);
  }
}

size_t BgzfWriter::CompressBlock(std::string_view plain, std::string* out) {
  // Compressed into a scratch block first: growing `out` by 64 KB would zero-fill it each time.
  char* block = scratch_;
  std::copy(kHeader, kHeader + sizeof kHeader, block);
  constexpr size_t kTrailer = 8;  // CRC32 and ISIZE
  constexpr size_t kRoom = kMaxBlock - sizeof kHeader - kTrailer;
  size_t deflated = libdeflate_deflate_compress(compressor_, plain.data(), plain.size(),
                                                block + sizeof kHeader, kRoom);
  if (deflated == 0) {
    // Data that does not compress: stored deflate blocks fit, as kBlockData leaves room for
    // their headers.
    libdeflate_compressor* stored = libdeflate_alloc_compressor(0);
    deflated = libdeflate_deflate_compress(stored, plain.data(), plain.size(),
                                           block + sizeof kHeader, kRoom);
    libdeflate_free_compressor(stored);
  }
  const size_t total = sizeof kHeader + deflated + kTrailer;
  block[16] = static_cast<char>((total - 1) & 0xff);
  block[17] = static_cast<char>((total - 1) >> 8);
  char* trailer = block + sizeof kHeader + deflated;
  PutLittleEndian32(libdeflate_crc32(0, plain.data(), plain.size()), trailer);
  PutLittleEndian32(static_cast<uint32_t>(plain.size()), trailer + 4);
  out->append(block, total);
  return total;
}

}  // namespace readforge
