// Region strings (samtools syntax, 1-based inclusive) and BED intervals (0-based half-open).
#ifndef READFORGE_ENGINE_REGION_H_
#define READFORGE_ENGINE_REGION_H_

#include <string_view>
#include <vector>

#include "engine/options.h"
#include "engine/status.h"

namespace readforge {

// "chr1", "chr1:1000", "chr1:1,000-2,000", "chr1:1000-". A name that itself contains ':' is
// taken whole when what follows the last ':' is not a range.
Status ParseRegion(std::string_view text, Region* region);

// Appends the intervals of a BED file's text. Header lines (track, browser, #) and blank lines
// are skipped; only the first three columns are read.
Status ParseBed(std::string_view text, std::vector<Region>* regions);

}  // namespace readforge

#endif  // READFORGE_ENGINE_REGION_H_
