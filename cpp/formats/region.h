// Region strings (samtools syntax, 1-based inclusive) and BED intervals (0-based half-open).
#ifndef READFORGE_FORMATS_REGION_H_
#define READFORGE_FORMATS_REGION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contig_list.h"
#include "formats/status.h"

namespace readforge {

// A reference interval, 0-based half-open. `end` < 0 means "to the end of the contig".
struct Region {
  std::string contig;
  int64_t begin = 0;
  int64_t end = -1;
  std::string text;  // as the user wrote it, when parsed from a string
};

// "chr1", "chr1:1000", "chr1:1,000-2,000", "chr1:1000-". A name that itself contains ':' is
// taken whole when what follows the last ':' is not a range.
Status ParseRegion(std::string_view text, Region* region);

// Appends the intervals of a BED file's text. Header lines (track, browser, #) and blank lines
// are skipped; only the first three columns are read.
Status ParseBed(std::string_view text, std::vector<Region>* regions);

// A BED-like record's interval against the reference: its contig known and `end` within it.
// Errors start with `where` ("panel.bed line 3: ").
Status CheckOnContig(const ContigList& contigs,
                     const std::string& contig,
                     int64_t end,
                     const std::string& where);

// The next record of a BED-like file: its contig (first field) and the rest of its line, past
// blank, comment ('#'), track and browser lines; `*number` counts lines. False at the end.
bool NextBedRecord(std::string_view* text,
                   int64_t* number,
                   std::string_view* contig,
                   std::string_view* rest);

// samtools-style 1-based inclusive text of a region ("chr1:101-200", or "chr1").
std::string FormatRegion(const Region& region);

}  // namespace readforge

#endif  // READFORGE_FORMATS_REGION_H_
