#include "formats/contig_digests.h"

#include <cstdio>

#include "formats/text.h"

namespace readforge {
namespace {

// Boost's MD5 (1.74) is a well-tested public-domain implementation, but its digest words hold
// their bytes reversed on little-endian machines (kept for its UUIDs' sake, see md5.hpp), so
// each word printed most significant byte first is the digest's bytes in order. Every host
// readforge builds for (x86, arm64, wasm32) is little-endian.
std::string Md5HexOf(boost::uuids::detail::md5* md5) {
  return HexOf(Md5Bytes(md5));
}

}  // namespace

std::string Md5Bytes(boost::uuids::detail::md5* md5) {
  boost::uuids::detail::md5::digest_type digest;
  md5->get_digest(digest);
  std::string bytes;
  for (uint32_t word : digest) {
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes.push_back(static_cast<char>((word >> shift) & 0xff));
  }
  return bytes;
}

std::string Md5Hex(const char* data, size_t size) {
  boost::uuids::detail::md5 md5;
  md5.process_bytes(data, size);
  return Md5HexOf(&md5);
}

ContigDigester::ContigDigester() : scratch_(size_t{1} << 16, '\0') {}

void ContigDigester::CloseContig() {
  if (!contigs_.empty() && contigs_.back().md5.empty())
    contigs_.back().md5 = Md5HexOf(&md5_);
  md5_ = boost::uuids::detail::md5();
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
        md5_.process_bytes(scratch_.data(), written);
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
