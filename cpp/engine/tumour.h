// --purity and --clones: a tumour sample, a mixture of normal cells and tumour cells. The
// tumour's cells carry every germline variant and the VCF's somatic records (INFO/SOMATIC), each
// in the fraction of them its INFO/CCF gives: clones are nested, so a record of CCF c is in the
// cells below c of a line of cells from 0 to 1, and the clones are the stretches between the
// CCFs --clones lists (1 is always one). Each place's haplotypes are spelled once for the normal
// cells and once per clone; a fragment comes from each by its share of the sample's DNA:
//   normal: 1 - purity;   clone k: purity x (its CCF - the next lower CCF)
// (tumour and normal cells of the same ploidy, each haplotype weighted by its copies in the cell
// type: --copy-number's in every cell, --somatic-copy-number's in the tumour's). So where no
// copies change, a somatic variant on m of a place's n haplotypes, at cell fraction c, has the
// expected allele fraction purity x c x m / n, and a germline one m / n.
#ifndef READFORGE_ENGINE_TUMOUR_H_
#define READFORGE_ENGINE_TUMOUR_H_

#include <array>
#include <cstdint>
#include <string>

#include "engine/options.h"
#include "engine/ploidy.h"
#include "formats/status.h"

namespace readforge {

// A haplotype copy's weight is spread over the cell types in these units.
inline constexpr int kMixUnits = 1000;

// Per-haplotype copies of the normal cells and of the tumour's (ploidy slots; the tumour's from
// --somatic-copy-number) as weights over every spelled haplotype: each cell type's copies,
// weighted by its share. Without --purity, the normal's as they are.
std::array<int, kMaxHaplotypes> MixCopies(const std::array<int, kMaxPloidy>& normal,
                                          const std::array<int, kMaxPloidy>& tumour,
                                          const Options& options);
// The same copies in every cell type.
inline std::array<int, kMaxHaplotypes> MixCopies(const std::array<int, kMaxPloidy>& copies,
                                                 const Options& options) {
  return MixCopies(copies, copies, options);
}

// A germline variant on `haplotypes` (bits over a place's ploidy) in every cell type.
uint16_t GermlineHaplotypes(uint16_t haplotypes, const Options& options);

// A somatic variant of cancer cell fraction `ccf` on `haplotypes`: in the tumour's clones whose
// cells carry it. The CCF must be 1 or one of --clones; else an error naming it.
Status SomaticHaplotypes(uint16_t haplotypes, double ccf, const Options& options, uint16_t* out);

// The allele fraction a variant on `haplotypes` (bits over every spelled haplotype, as
// GermlineHaplotypes and SomaticHaplotypes give them) has in the reads where the copies are
// `mixed` (MixCopies): the share of the place's DNA its haplotypes' copies hold.
double ExpectedAlleleFraction(uint16_t haplotypes, const std::array<int, kMaxHaplotypes>& mixed);

}  // namespace readforge

#endif  // READFORGE_ENGINE_TUMOUR_H_
