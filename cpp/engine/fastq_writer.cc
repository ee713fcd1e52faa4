#include "engine/fastq_writer.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace readforge {
namespace {

// std::to_chars rather than printf: formatting is a large share of the time per read.
void AppendInt(std::string* out, uint64_t value, int base = 10) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, base);
  out->append(buffer, result.ptr);
}

void AppendCounts(std::string* out, const ReadCounts& c) {
  AppendInt(out, static_cast<uint64_t>(c.errors));
  out->push_back(':');
  AppendInt(out, static_cast<uint64_t>(c.snps));
  out->push_back(':');
  AppendInt(out, static_cast<uint64_t>(c.indels));
}

}  // namespace

char FastqWriter::QualityFor(double error_rate) {
  if (error_rate <= 0)
    return 'I';
  double q = std::floor(-10 * std::log10(error_rate) + 0.499) + 33;
  return static_cast<char>(q > 126 ? 126 : q);
}

void FastqWriter::SetPair(std::string_view contig,
                          int64_t left1,
                          int64_t right1,
                          const ReadCounts& left,
                          const ReadCounts& right,
                          uint64_t index) {
  name_.clear();
  name_.push_back('@');
  name_.append(contig);
  name_.push_back('_');
  AppendInt(&name_, static_cast<uint64_t>(left1));
  name_.push_back('_');
  AppendInt(&name_, static_cast<uint64_t>(right1));
  name_.push_back('_');
  AppendCounts(&name_, left);
  name_.push_back('_');
  AppendCounts(&name_, right);
  name_.push_back('_');
  AppendInt(&name_, index, 16);
  name_.push_back('/');
}

void FastqWriter::Append(std::string* out,
                         int mate,
                         const char* bases,
                         const char* qualities,
                         int64_t length) {
  // One resize and plain copies: string appends cost more than the copying itself here.
  const size_t n = static_cast<size_t>(length);
  if (!qualities) {
    if (qualities_.size() < n)
      qualities_.assign(n, quality_);
    qualities = qualities_.data();
  }
  const size_t at = out->size();
  out->resize(at + name_.size() + 2 + n + 3 + n + 1);
  char* p = out->data() + at;
  std::memcpy(p, name_.data(), name_.size());
  p += name_.size();
  *p++ = static_cast<char>('0' + mate);
  *p++ = '\n';
  std::memcpy(p, bases, n);
  p += n;
  std::memcpy(p, "\n+\n", 3);
  p += 3;
  std::memcpy(p, qualities, n);
  p[n] = '\n';
}

}  // namespace readforge
