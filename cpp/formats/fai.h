// samtools .fai index: one line per contig, NAME LENGTH OFFSET LINEBASES LINEWIDTH (tab-separated).
#ifndef READFORGE_FORMATS_FAI_H_
#define READFORGE_FORMATS_FAI_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contig_list.h"
#include "formats/status.h"

namespace readforge {

// Where a contig's bases sit in the FASTA file.
struct FaiLayout {
  int64_t offset = 0;      // byte offset of the first base
  int64_t line_bases = 0;  // bases per full line
  int64_t line_width = 0;  // bytes per full line, line end included
};

// A parsed .fai: the contigs, and where each one's bases are (layouts[i] for contigs.name(i)).
struct FaiIndex {
  ContigList contigs;
  std::vector<FaiLayout> layouts;
};

Status ParseFai(std::string_view text, FaiIndex* index);

// The file bytes [begin, end) that hold bases [first, last) of a contig (0-based, half-open),
// by htslib's formula: base p sits at offset + p / line_bases * line_width + p % line_bases.
// The range stops right after the last base, before its line end.
struct ByteRange {
  int64_t begin = 0;
  int64_t end = 0;
};
ByteRange RegionBytes(const FaiLayout& layout, int64_t first, int64_t last);

// How an index disagrees with the contigs a first pass measured in the reference itself, in the
// words the streaming checks use; Ok when they agree.
Status CheckIndexMatches(const ContigList& index, const ContigList& measured);

}  // namespace readforge

#endif  // READFORGE_FORMATS_FAI_H_
