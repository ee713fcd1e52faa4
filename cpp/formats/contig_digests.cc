#include "formats/contig_digests.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "formats/text.h"

namespace readforge {

void Md5::Update(const char* data, size_t size) {
  // Whole blocks at a 4-byte-aligned address go to the hash where they are; the rest through
  // pending_.
  if (pending_size_ == 0 && reinterpret_cast<uintptr_t>(data) % 4 == 0 && size >= kBlock) {
    const size_t whole = size / kBlock * kBlock;
    md5_.process_bytes(data, whole);
    data += whole;
    size -= whole;
  }
  while (size > 0) {
    const size_t n = std::min(kBlock - pending_size_, size);
    std::memcpy(pending_ + pending_size_, data, n);
    pending_size_ += n;
    data += n;
    size -= n;
    if (pending_size_ == kBlock) {
      md5_.process_bytes(pending_, kBlock);
      pending_size_ = 0;
    }
  }
}

// Boost's MD5 (1.74) is a well-tested public-domain implementation, but its digest words hold
// their bytes reversed on little-endian machines (kept for its UUIDs' sake, see md5.hpp), so
// each word written most significant byte first gives the digest's bytes in order. Every host
// readforge builds for (x86, arm64, wasm32) is little-endian.
std::string Md5::Finish() {
  md5_.process_bytes(pending_, pending_size_);  // (into its own, aligned, buffer)
  boost::uuids::detail::md5::digest_type digest;
  md5_.get_digest(digest);
  std::string bytes;
  for (uint32_t word : digest) {
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes.push_back(static_cast<char>((word >> shift) & 0xff));
  }
  md5_ = boost::uuids::detail::md5();
  pending_size_ = 0;
  return bytes;
}

std::string Md5Hex(const char* data, size_t size) {
  Md5 md5;
  md5.Update(data, size);
  return HexOf(md5.Finish());
}

ContigDigester::ContigDigester() : scratch_(size_t{1} << 16, '\0') {}

void ContigDigester::CloseContig() {
  if (!contigs_.empty() && contigs_.back().md5.empty())
    contigs_.back().md5 = HexOf(md5_.Finish());
  else
    md5_.Finish();  // starts again
}

Status ContigDigester::Push(const char* data, size_t size) {
  const char* p = data;
  const char* end = data + size;
  size_t written = 0;
  while (true) {
    switch (parser_.Next(&p, end, scratch_.data(), scratch_.size(), &written)) {
      case FastaParser::Event::kError:
        return Status::Error(parser_.error());
      case FastaParser::Event::kHeader:
        CloseContig();
        contigs_.push_back(ContigDigest{parser_.name(), 0, ""});
        break;
      case FastaParser::Event::kBases:
        md5_.Update(scratch_.data(), written);
        contigs_.back().length += static_cast<int64_t>(written);
        break;
      case FastaParser::Event::kNeedInput:
        return Status::Ok();
    }
  }
}

Status ContigDigester::Finish() {
  if (parser_.Finish() == FastaParser::Event::kError)
    return Status::Error(parser_.error());
  CloseContig();
  return Status::Ok();
}

}  // namespace readforge
