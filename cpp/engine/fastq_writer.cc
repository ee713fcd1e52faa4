#include "engine/fastq_writer.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "formats/decimal.h"

namespace readforge {
namespace {

// Numbers go straight into the name rather than through printf or string appends: formatting
// is a large share of the time per read. The caller leaves room for the longest values.
char* PutCounts(char* p, const ReadCounts& c) {
  p = PutDecimal(p, static_cast<uint64_t>(c.errors));
  *p++ = ':';
  p = PutDecimal(p, static_cast<uint64_t>(c.snps));
  *p++ = ':';
  return PutDecimal(p, static_cast<uint64_t>(c.indels));
}

// Grows `out` by `n` bytes that the caller writes at once. std::string's resize zero-fills them
// first; libc++, the WebAssembly build's library, can skip that with an extension of its own,
// libstdc++ through C++23's resize_and_overwrite (this file builds as C++23 where it can, see
// CMakeLists.txt).
char* GrowForWriting(std::string* out, size_t n) {
  const size_t at = out->size();
#if defined(_LIBCPP_VERSION)
  out->__resize_default_init(at + n);
#elif defined(__cpp_lib_string_resize_and_overwrite)
  // The size asked for, not the operation's second argument: libstdc++ 12 passes the capacity
  // it grew to there.
  out->resize_and_overwrite(at + n, [size = at + n](char*, size_t) { return size; });
#else
  out->resize(at + n);
#endif
  return out->data() + at;
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
  // '@', the contig, 9 numbers of at most 20 digits and 10 separators.
  const size_t most = contig.size() + 1 + 9 * 20 + 10;
  if (name_.size() < most)
    name_.resize(most);
  char* p = name_.data();
  *p++ = '@';
  std::memcpy(p, contig.data(), contig.size());
  p += contig.size();
  *p++ = '_';
  p = PutDecimal(p, static_cast<uint64_t>(left1));
  *p++ = '_';
  p = PutDecimal(p, static_cast<uint64_t>(right1));
  *p++ = '_';
  p = PutCounts(p, left);
  *p++ = '_';
  p = PutCounts(p, right);
  *p++ = '_';
  p = std::to_chars(p, p + 20, index, 16).ptr;
  *p++ = '/';
  name_length_ = static_cast<size_t>(p - name_.data());
}

void FastqWriter::SetIlluminaPair(int64_t run, int lane, int tile, int x, int y) {
  constexpr std::string_view kStart = "@readforge:";
  const size_t most = kStart.size() + 5 * 21 + 8;
  if (name_.size() < most)
    name_.resize(most);
  char* p = name_.data();
  std::memcpy(p, kStart.data(), kStart.size());
  p += kStart.size();
  p = PutDecimal(p, static_cast<uint64_t>(run));
  std::memcpy(p, ":RFSIM:", 7);
  p += 7;
  for (int v : {lane, tile, x, y}) {
    p = PutDecimal(p, static_cast<uint64_t>(v));
    *p++ = ':';
  }
  p[-1] = '/';
  name_length_ = static_cast<size_t>(p - name_.data());
}

void FastqWriter::SetUmi(std::string_view umi) {
  comment_.clear();
  if (!umi.empty())
    comment_.append(" RX:Z:").append(umi);
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
  char* p = GrowForWriting(out, name_length_ + 2 + comment_.size() + n + 3 + n + 1);
  std::memcpy(p, name_.data(), name_length_);
  p += name_length_;
  *p++ = static_cast<char>('0' + mate);
  std::memcpy(p, comment_.data(), comment_.size());
  p += comment_.size();
  *p++ = '\n';
  std::memcpy(p, bases, n);
  p += n;
  std::memcpy(p, "\n+\n", 3);
  p += 3;
  std::memcpy(p, qualities, n);
  p[n] = '\n';
}

}  // namespace readforge
