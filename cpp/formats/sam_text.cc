#include "formats/sam_text.h"

#include <cstdio>
#include <cstring>

#include "formats/decimal.h"
#include "formats/little_endian.h"

namespace readforge {
namespace {

void PutSigned(std::string* out, int64_t value) {
  char digits[21];
  char* at = digits;
  if (value < 0)
    *at++ = '-';
  const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : value;
  out->append(digits, PutDecimal(at, magnitude));
}

void PutReference(std::string* out, const ContigList& contigs, int32_t tid) {
  if (tid < 0 || static_cast<size_t>(tid) >= contigs.size())
    out->push_back('*');
  else
    out->append(contigs.name(static_cast<size_t>(tid)));
}

// One value of a numeric aux type at `p`, as text; returns its size.
size_t PutAuxValue(std::string* out, char type, const char* p) {
  switch (type) {
    case 'c':
      PutSigned(out, LoadLittleEndian<int8_t>(p));
      return 1;
    case 'C':
      PutSigned(out, LoadLittleEndian<uint8_t>(p));
      return 1;
    case 's':
      PutSigned(out, LoadLittleEndian<int16_t>(p));
      return 2;
    case 'S':
      PutSigned(out, LoadLittleEndian<uint16_t>(p));
      return 2;
    case 'i':
      PutSigned(out, LoadLittleEndian<int32_t>(p));
      return 4;
    case 'I':
      PutSigned(out, LoadLittleEndian<uint32_t>(p));
      return 4;
    case 'f': {
      char text[32];
      const int n = std::snprintf(text, sizeof text, "%g", LoadLittleEndian<float>(p));
      out->append(text, static_cast<size_t>(n));
      return 4;
    }
    default:
      return 0;
  }
}

void PutAux(std::string* out, std::string_view aux) {
  size_t i = 0;
  while (i + 3 <= aux.size()) {
    out->push_back('\t');
    out->append(aux.substr(i, 2));
    const char type = aux[i + 2];
    i += 3;
    const char* p = aux.data() + i;
    if (type == 'Z' || type == 'H' || type == 'A') {
      out->push_back(':');
      out->push_back(type);
      out->push_back(':');
      const size_t end = type == 'A' ? i + 1 : aux.find('\0', i);
      out->append(aux.substr(i, end - i));
      i = type == 'A' ? end : end + 1;
    } else if (type == 'B') {
      const char each = aux[i];
      const uint32_t count = LoadLittleEndian<uint32_t>(p + 1);
      out->append(":B:");
      out->push_back(each);
      i += 5;
      for (uint32_t k = 0; k < count; ++k) {
        out->push_back(',');
        i += PutAuxValue(out, each, aux.data() + i);
      }
    } else {
      out->append(type == 'f' ? ":f:" : ":i:");
      i += PutAuxValue(out, type, p);
    }
  }
}

}  // namespace

void AppendSamLine(const BamRecordView& r, const ContigList& contigs, std::string* out) {
  out->append(r.name());
  out->push_back('\t');
  PutSigned(out, r.flag());
  out->push_back('\t');
  PutReference(out, contigs, r.tid());
  out->push_back('\t');
  PutSigned(out, r.pos() + 1);
  out->push_back('\t');
  PutSigned(out, r.mapq());
  out->push_back('\t');
  if (r.cigar_ops() == 0)
    out->push_back('*');
  for (size_t i = 0; i < r.cigar_ops(); ++i) {
    PutSigned(out, CigarLengthOf(r.cigar(i)));
    out->push_back(kCigarLetters[CigarOpOf(r.cigar(i))]);
  }
  out->push_back('\t');
  if (r.next_tid() < 0)
    out->push_back('*');
  else if (r.next_tid() == r.tid())
    out->push_back('=');
  else
    PutReference(out, contigs, r.next_tid());
  out->push_back('\t');
  PutSigned(out, r.next_pos() + 1);
  out->push_back('\t');
  PutSigned(out, r.tlen());
  out->push_back('\t');
  const size_t n = r.seq_length();
  if (n == 0)
    out->push_back('*');
  for (size_t i = 0; i < n; ++i)
    out->push_back(r.base(i));
  out->push_back('\t');
  if (n == 0 || r.quality(0) == 0xff) {
    out->push_back('*');
  } else {
    for (size_t i = 0; i < n; ++i)
      out->push_back(static_cast<char>(r.quality(i) + 33));
  }
  PutAux(out, r.aux());
  out->push_back('\n');
}

}  // namespace readforge
