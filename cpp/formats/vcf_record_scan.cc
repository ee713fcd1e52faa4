#include "formats/vcf_record_scan.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace readforge {
namespace {

// The tab that ends the field starting at `p`, or `end`. The fields a record skips are mostly a
// byte or a few ('.', "PASS"): looked at in turn; a long one (INFO) goes to memchr.
const char* FieldEnd(const char* p, const char* end) {
  if (end - p > 1 && p[1] == '\t' && p[0] != '\t')
    return p + 1;  // '.', mostly
  for (int i = 0; i < 8 && p < end; ++i, ++p) {
    if (*p == '\t')
      return p;
  }
  const void* tab = p < end ? std::memchr(p, '\t', static_cast<size_t>(end - p)) : nullptr;
  return tab ? static_cast<const char*>(tab) : end;
}

// Copies the allele at `p` to `to` in upper case, up to the first byte that is not a base;
// returns that byte's place.
const char* CopyAllele(const char* p, const char* end, char* to) {
  while (p < end && (*to++ = kAlleleBases[static_cast<unsigned char>(*p)]) != 0)
    ++p;
  return p;
}

bool InAlleleLimit(const char* begin, const char* end) {
  return end > begin && end - begin <= kMaxAlleleLength;
}

}  // namespace

bool ScanCommonRecord(std::string_view line, int sample_column, VcfRecord* record) {
  if (sample_column > 9)
    return false;
  const char* p = line.data();
  const char* const end = p + line.size();
  const char* tab = FieldEnd(p, end);
  if (tab == p || tab == end)
    return false;
  const std::string_view chrom(p, static_cast<size_t>(tab - p));
  // POS: 1 to 18 digits (ParsePosition's fast case), from 1.
  const char* digits = tab + 1;
  int64_t pos1 = 0;
  p = digits;
  for (const char* limit = digits + std::min<ptrdiff_t>(end - digits, 18); p < limit; ++p) {
    const unsigned digit = static_cast<unsigned char>(*p) - unsigned{'0'};
    if (digit > 9)
      break;
    pos1 = pos1 * 10 + digit;
  }
  if (p == end || *p != '\t' || p == digits || pos1 < 1)
    return false;
  p = FieldEnd(p + 1, end);  // ID
  if (p == end)
    return false;
  // REF, then each ALT: bases back to back in record->bases, which the line's length bounds.
  if (record->bases.size() < line.size())
    record->bases.resize(line.size());
  char* const bases = record->bases.data();
  record->allele_ends.clear();
  const char* allele = p + 1;
  p = CopyAllele(allele, end, bases);
  if (p == end || *p != '\t' || !InAlleleLimit(allele, p))
    return false;
  uint32_t used = static_cast<uint32_t>(p - allele);
  record->allele_ends.push_back(used);
  do {
    allele = p + 1;
    p = CopyAllele(allele, end, bases + used);
    if (p == end || (*p != '\t' && *p != ',') || !InAlleleLimit(allele, p))
      return false;
    used += static_cast<uint32_t>(p - allele);
    record->allele_ends.push_back(used);
  } while (*p == ',');
  // QUAL and FILTER; INFO is the eighth field, and the last one a record without samples needs.
  for (int field = 0; field < 2; ++field) {
    p = FieldEnd(p + 1, end);
    if (p == end)
      return false;
  }
  // INFO: a somatic record's (SOMATIC, CCF) goes to the full parser.
  const char* info = p + 1;
  p = FieldEnd(info, end);
  const std::string_view info_text(info, static_cast<size_t>(p - info));
  if (info_text.find("SOMATIC") != std::string_view::npos ||
      info_text.find("CCF=") != std::string_view::npos)
    return false;
  if (record->contig != chrom)
    record->contig.assign(chrom);
  record->pos = pos1 - 1;
  record->alleles.fill(-1);
  record->ploidy = 0;
  record->phased = false;
  if (sample_column < 0)
    return true;
  if (p == end)
    return false;
  // FORMAT: GT first.
  const char* format = p + 1;
  if (end - format < 3 || format[0] != 'G' || format[1] != 'T')
    return false;
  p = format[2] == '\t' ? format + 2 : format[2] == ':' ? FieldEnd(format + 2, end) : end;
  if (p == end)
    return false;
  // The sample's genotype: a digit on each side of '|' or '/', alone in its field or before ':'.
  const char* gt = p + 1;
  if (end - gt < 3 || (gt[1] != '|' && gt[1] != '/') ||
      (gt + 3 < end && gt[3] != ':' && gt[3] != '\t'))
    return false;
  const size_t alt_count = record->alt_count();
  const unsigned first = static_cast<unsigned char>(gt[0]) - unsigned{'0'};
  const unsigned second = static_cast<unsigned char>(gt[2]) - unsigned{'0'};
  if (first > alt_count || second > alt_count)
    return false;
  record->alleles[0] = static_cast<int>(first);
  record->alleles[1] = static_cast<int>(second);
  record->ploidy = 2;
  record->phased = gt[1] == '|';
  return true;
}

}  // namespace readforge
