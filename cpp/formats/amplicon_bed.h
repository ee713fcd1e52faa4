// --amplicons: a BED file of amplicons, one primer-to-primer interval per line (contig, begin,
// end; optional name in column 4 and relative weight in column 5; further columns ignored).
// Comment, track and browser lines are skipped; errors name the line.
#ifndef READFORGE_FORMATS_AMPLICON_BED_H_
#define READFORGE_FORMATS_AMPLICON_BED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace readforge {

struct AmpliconRecord {
  std::string contig;
  int64_t begin = 0;  // 0-based, half-open
  int64_t end = 0;
  std::string name;   // column 4, or contig:begin-end (1-based) without one
  double weight = 1;  // column 5: finite, not negative
  int64_t line = 0;   // in the file, for messages
};

Status ParseAmplicons(std::string_view text, std::vector<AmpliconRecord>* amplicons);

}  // namespace readforge

#endif  // READFORGE_FORMATS_AMPLICON_BED_H_
