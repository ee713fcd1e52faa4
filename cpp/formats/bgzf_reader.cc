#include "formats/bgzf_reader.h"

#include <libdeflate.h>

namespace readforge {
namespace {

uint32_t LittleEndian(const unsigned char* p, int bytes) {
  uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i)
    value = (value << 8) | p[i];
  return value;
}

constexpr size_t kFooterSize = 8;  // CRC32, ISIZE

}  // namespace

BgzfBlockInflater::BgzfBlockInflater() : decompressor_(libdeflate_alloc_decompressor()) {}

BgzfBlockInflater::~BgzfBlockInflater() {
  libdeflate_free_decompressor(decompressor_);
}

size_t BgzfBlockInflater::BlockSize(const unsigned char* h) {
  // htslib's test: gzip, deflate, FEXTRA, an extra field of 6 bytes holding 'BC' of 2 bytes.
  const bool bgzf = h[0] == 0x1f && h[1] == 0x8b && h[2] == 8 && (h[3] & 4) &&
                    LittleEndian(h + 10, 2) == 6 && h[12] == 'B' && h[13] == 'C' &&
                    LittleEndian(h + 14, 2) == 2;
  return bgzf ? LittleEndian(h + 16, 2) + size_t{1} : 0;
}

size_t BgzfBlockInflater::DataSize(const unsigned char* block, size_t size) {
  return LittleEndian(block + size - 4, 4);
}

Status BgzfBlockInflater::Inflate(const unsigned char* block, size_t size, char* out) {
  if (size < kHeaderSize + kFooterSize)
    return Status::Error("corrupt gzip data (invalid block size)");
  const size_t expected = DataSize(block, size);
  if (expected > kMaxBlock)
    return Status::Error("corrupt gzip data (incorrect length check)");
  size_t got = 0;
  const libdeflate_result result = libdeflate_deflate_decompress(
      decompressor_, block + kHeaderSize, size - kHeaderSize - kFooterSize, out, expected, &got);
  if (result == LIBDEFLATE_BAD_DATA)
    return Status::Error("corrupt gzip data (invalid deflate data)");
  if (result != LIBDEFLATE_SUCCESS || got != expected)
    return Status::Error("corrupt gzip data (incorrect length check)");
  if (libdeflate_crc32(0, out, got) != LittleEndian(block + size - 8, 4))
    return Status::Error("corrupt gzip data (incorrect data check)");
  return Status::Ok();
}

}  // namespace readforge
