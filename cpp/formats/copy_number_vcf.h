// --copy-number FILE.vcf: the <CNV> records of a VCF as copy-number segments, so that the VCF a
// run plants (--variants) can also say where copies change. A record covers the bases after POS
// up to END (INFO/END, or POS + |SVLEN|); its first sample gives the copies: FORMAT/CN the total
// (VCF 4.3's), or FORMAT/HCN one count per haplotype ("1|2", readforge's field; CN, when given
// too, must be their sum). Other records are skipped (they are --variants'); errors name the
// line.
#ifndef READFORGE_FORMATS_COPY_NUMBER_VCF_H_
#define READFORGE_FORMATS_COPY_NUMBER_VCF_H_

#include <string_view>
#include <vector>

#include "formats/copy_number_bed.h"
#include "formats/status.h"

namespace readforge {

// Whether `text` is a VCF (its first line ##fileformat=VCF...).
bool IsVcfText(std::string_view text);

// The <CNV> records' segments, in the file's order; segments of a contig must not overlap.
Status ParseCopyNumberVcf(std::string_view text, std::vector<CopyNumberSegment>* segments);

}  // namespace readforge

#endif  // READFORGE_FORMATS_COPY_NUMBER_VCF_H_
