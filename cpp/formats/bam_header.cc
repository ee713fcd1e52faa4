#include "formats/bam_header.h"

#include <cstring>

#include "formats/decimal.h"
#include "formats/little_endian.h"

namespace readforge {
namespace {

constexpr std::string_view kHd = "@HD\tVN:1.6\tSO:coordinate\n";
constexpr size_t kMd5Bytes = 16;

size_t DecimalLength(uint64_t value) {
  char digits[20];
  return static_cast<size_t>(PutDecimal(digits, value) - digits);
}

}  // namespace

BamHeaderWriter::BamHeaderWriter(const ContigList& contigs,
                                 std::string_view md5,
                                 std::string_view lines,
                                 bool binary)
    : contigs_(contigs), md5_(md5), lines_(lines), binary_(binary) {}

void BamHeaderWriter::AppendContigLine(size_t i, std::string* out) const {
  out->append("@SQ\tSN:");
  out->append(contigs_.name(i));
  out->append("\tLN:");
  char digits[20];
  out->append(digits, PutDecimal(digits, static_cast<uint64_t>(contigs_.length(i))));
  if (!md5_.empty()) {
    out->append("\tM5:");
    static constexpr char kHex[] = "0123456789abcdef";
    for (size_t k = 0; k < kMd5Bytes; ++k) {
      const auto byte = static_cast<unsigned char>(md5_[i * kMd5Bytes + k]);
      out->push_back(kHex[byte >> 4]);
      out->push_back(kHex[byte & 15]);
    }
  }
  out->push_back('\n');
}

size_t BamHeaderWriter::TextLength() const {
  size_t n = kHd.size() + lines_.size();
  const size_t md5 = md5_.empty() ? 0 : 4 + 2 * kMd5Bytes;
  for (size_t i = 0; i < contigs_.size(); ++i) {
    n += std::strlen("@SQ\tSN:\tLN:\n") + contigs_.name(i).size() +
         DecimalLength(static_cast<uint64_t>(contigs_.length(i))) + md5;
  }
  return n;
}

bool BamHeaderWriter::AppendNext(size_t budget, std::string* out) {
  const size_t start = out->size();
  while (part_ != Part::kDone) {
    if (out->size() - start >= budget)
      return false;
    switch (part_) {
      case Part::kStart:
        if (binary_) {
          out->append("BAM\1", 4);
          PutLittleEndian<uint32_t>(out, static_cast<uint32_t>(TextLength()));
        }
        out->append(kHd);
        part_ = Part::kContigLines;
        next_ = 0;
        break;
      case Part::kContigLines:
        if (next_ < contigs_.size())
          AppendContigLine(next_++, out);
        else
          part_ = Part::kLines;
        break;
      case Part::kLines:
        out->append(lines_);
        part_ = binary_ ? Part::kContigEntries : Part::kDone;
        next_ = 0;
        if (binary_)
          PutLittleEndian<uint32_t>(out, static_cast<uint32_t>(contigs_.size()));
        break;
      case Part::kContigEntries:
        if (next_ < contigs_.size()) {
          const std::string_view name = contigs_.name(next_);
          PutLittleEndian<uint32_t>(out, static_cast<uint32_t>(name.size() + 1));
          out->append(name);
          out->push_back('\0');
          PutLittleEndian<uint32_t>(out, static_cast<uint32_t>(contigs_.length(next_++)));
        } else {
          part_ = Part::kDone;
        }
        break;
      case Part::kDone:
        break;
    }
  }
  return true;
}

}  // namespace readforge
