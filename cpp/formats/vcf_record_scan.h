// The common VCF record read in one pass: CHROM, POS, REF, ALT of sequence alleles, and, when
// there is a sample, FORMAT starting with GT and a one-digit genotype in the first sample column
// ("0|1", "1/1"). Most VCFs have nothing else, and reading fields in turn, byte by byte, costs a
// third of finding every tab first and then cutting the line into fields.
//
// Anything else (an error, a '.' ALT, a genotype elsewhere) is left to VcfReader's full parser,
// which gives the same record or names what is wrong: the scan only takes lines whose record
// the parser would give unchanged (the VCF fuzzer checks both against each other).
#ifndef READFORGE_FORMATS_VCF_RECORD_SCAN_H_
#define READFORGE_FORMATS_VCF_RECORD_SCAN_H_

#include <array>
#include <string_view>

#include "formats/vcf_reader.h"

namespace readforge {

// Upper-case A/C/G/T/N for each byte that is one of them in either case, else 0.
inline constexpr std::array<char, 256> kAlleleBases = [] {
  std::array<char, 256> table{};
  for (char c : {'A', 'C', 'G', 'T', 'N'}) {
    table[static_cast<unsigned char>(c)] = c;
    table[static_cast<unsigned char>(c + 32)] = c;
  }
  return table;
}();

// Reads `line` into `record` (all but its line number) when it is such a record, with the
// sample in column `sample_column` (-1: none). False otherwise; `record` may then hold parts of
// the line, which the full parser overwrites.
bool ScanCommonRecord(std::string_view line, int sample_column, VcfRecord* record);

}  // namespace readforge

#endif  // READFORGE_FORMATS_VCF_RECORD_SCAN_H_
