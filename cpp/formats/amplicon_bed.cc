#include "formats/amplicon_bed.h"

#include <cmath>

#include "formats/region.h"
#include "formats/text.h"

namespace readforge {

Status ParseAmplicons(std::string_view text, std::vector<AmpliconRecord>* amplicons) {
  amplicons->clear();
  int64_t number = 0;
  std::string_view contig, rest;
  while (NextBedRecord(&text, &number, &contig, &rest)) {
    const std::string where = "amplicon BED line " + std::to_string(number) + ": ";
    AmpliconRecord a;
    a.contig = std::string(contig);
    a.line = number;
    if (!ParseInt64(NextWord(&rest), &a.begin) || !ParseInt64(NextWord(&rest), &a.end))
      return Status::Error(where + "expected 'contig begin end' with integer begin and end");
    if (a.begin < 0)
      return Status::Error(where + "begin must not be negative");
    if (a.end <= a.begin) {
      return Status::Error(where + "end (" + std::to_string(a.end) +
                           ") must be greater than begin (" + std::to_string(a.begin) +
                           "): BED is 0-based and half-open, primer to primer");
    }
    const std::string_view name = NextWord(&rest);
    a.name = name.empty()
                 ? a.contig + ":" + std::to_string(a.begin + 1) + "-" + std::to_string(a.end)
                 : std::string(name);
    const std::string_view weight = NextWord(&rest);
    if (!weight.empty() && (!ParseDouble(weight, &a.weight) || !std::isfinite(a.weight) ||
                            a.weight < 0 || a.weight > 1e12)) {
      return Status::Error(where + "the weight (column 5) must be a number from 0 to 1e12, got '" +
                           std::string(weight) + "'");
    }
    amplicons->push_back(std::move(a));
  }
  if (amplicons->empty())
    return Status::Error("amplicon BED: no amplicons");
  return Status::Ok();
}

}  // namespace readforge
