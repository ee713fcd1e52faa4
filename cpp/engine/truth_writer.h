// The simulated variants, as wgsim's five-column list and as VCF 4.3 with phased genotypes.
//
// wgsim list:  contig  pos  ref  alt  zygosity ('-' homozygous, '+' heterozygous)
//   SNP: ref and alt bases (a heterozygous alt is the IUPAC code of both alleles);
//   insertion after pos: "-" and the inserted bases; deletion from pos: the deleted bases and
//   "-". Unlike wgsim, heterozygous deletions are marked '+'.
#ifndef READFORGE_ENGINE_TRUTH_WRITER_H_
#define READFORGE_ENGINE_TRUTH_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/span_window.h"
#include "engine/variants.h"
#include "formats/contig_list.h"
#include "formats/text_appender.h"

namespace readforge {

// The truth VCF's header, a piece at a time (a reference of a million contigs has a million
// ##contig lines): appends about `budget` bytes from contig *next_contig on, and says whether
// the header is complete. `planted`: the run plants a VCF's records (their lines carry the INFO
// flag PLANTED).
bool AppendVcfHeader(const ContigList& contigs,
                     bool planted,
                     bool tumour,
                     size_t budget,
                     size_t* next_contig,
                     std::string* out);

// Where the current span sits: its contig and the contig coordinate of span position 0.
struct SpanPlace {
  std::string_view contig;
  int64_t offset = 0;
};

// The reference bases a variant changes: 1 for a SNP, a replacement's changed bases (`bases`),
// 0 for an indel (the run's SNP count).
int64_t ChangedBases(const Variant& v, std::string_view bases, const SpanWindow& window);

// Appends the variant's line(s) to the outputs that are not null; `inserted`: an insertion's
// or replacement's bases (a replacement lists each base it changes as a SNP). The window must
// hold the
// variant's bases and, for a deletion, the base before it (or after it, when the deletion starts
// the span). A variant on an N reference base is not a variant and writes nothing. A planted
// variant (a part of a VCF record) writes only its wgsim list line: the record itself is the VCF's
// (AppendPlantedVcf).
void AppendTruth(const Variant& v,
                 std::string_view inserted,
                 const SpanWindow& window,
                 const SpanPlace& place,
                 int ploidy,
                 TextAppender* mutations,
                 TextAppender* vcf);

// A planted VCF record as the truth VCF writes it: its REF and ALT as given, the genotype it was
// planted with, INFO PLANTED and `info` after it (";SVTYPE=DEL;END=7000" for a symbolic SV).
void AppendPlantedVcf(std::string_view contig,
                      int64_t pos1,
                      const std::string& ref,
                      const std::string& alts,
                      const std::string& genotype,
                      const std::string& info,
                      TextAppender* vcf);

}  // namespace readforge

#endif  // READFORGE_ENGINE_TRUTH_WRITER_H_
