#include "engine/quality_bins.h"

#include "engine/quality_profile.h"
#include "formats/text.h"

namespace readforge {

QualityBins::QualityBins() {
  for (size_t i = 0; i < table_.size(); ++i)
    table_[i] = static_cast<char>(i);
}

void QualityBins::Bin(int low, int high, int value) {
  for (int q = low; q <= high; ++q)
    table_[static_cast<size_t>(q + 33)] = static_cast<char>(value + 33);
}

QualityBins QualityBins::NovaSeq() {
  // Illumina's RTA3 bins: no-calls and Q2 to 2, then 12, 23 and 37.
  QualityBins bins;
  bins.name = "novaseq";
  bins.Bin(0, 2, 2);
  bins.Bin(3, 14, 12);
  bins.Bin(15, 30, 23);
  bins.Bin(31, kMaxPhred, 37);
  return bins;
}

Status QualityBins::Parse(std::string_view text, QualityBins* bins) {
  *bins = QualityBins();
  std::string_view line;
  int64_t number = 0;
  bool any = false;
  while (NextLine(&text, &line)) {
    ++number;
    if (line.empty() || line[0] == '#')
      continue;
    int64_t low = 0, high = 0, value = 0;
    const bool parsed = ParseInt64(NextTabField(&line), &low) &&
                        ParseInt64(NextTabField(&line), &high) &&
                        ParseInt64(NextTabField(&line), &value) && line.empty();
    if (!parsed || low < 0 || high < low || high > kMaxPhred || value < 0 || value > kMaxPhred) {
      return Status::Error("line " + std::to_string(number) +
                           ": expected LOW<TAB>HIGH<TAB>VALUE, Phred qualities from 0 to " +
                           std::to_string(kMaxPhred) + " with LOW <= HIGH");
    }
    bins->Bin(static_cast<int>(low), static_cast<int>(high), static_cast<int>(value));
    any = true;
  }
  if (!any)
    return Status::Error("no bins (expected lines of LOW<TAB>HIGH<TAB>VALUE)");
  return Status::Ok();
}

}  // namespace readforge
