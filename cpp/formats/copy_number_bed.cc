#include "formats/copy_number_bed.h"

#include <algorithm>

#include "formats/region.h"
#include "formats/text.h"

namespace readforge {

Status ParseCopyNumberBed(std::string_view text, std::vector<CopyNumberSegment>* segments) {
  segments->clear();
  int64_t number = 0;
  std::string_view contig, rest;
  while (NextBedRecord(&text, &number, &contig, &rest)) {
    const std::string where = "copy-number BED line " + std::to_string(number) + ": ";
    CopyNumberSegment s;
    s.contig = std::string(contig);
    s.line = number;
    int64_t total = 0;
    if (!ParseInt64(NextWord(&rest), &s.begin) || !ParseInt64(NextWord(&rest), &s.end) ||
        !ParseInt64(NextWord(&rest), &total)) {
      return Status::Error(where + "expected 'contig begin end copies [copies per haplotype]'");
    }
    if (s.begin < 0 || s.end <= s.begin) {
      return Status::Error(where + "begin must be 0 or more and end greater than begin (BED is " +
                           "0-based and half-open)");
    }
    if (total < 0 || total > kMaxCopies) {
      return Status::Error(where + "the copy number must be from 0 to " +
                           std::to_string(kMaxCopies) + ", got " + std::to_string(total));
    }
    s.total = static_cast<int>(total);
    const std::string_view split = NextWord(&rest);
    if (!split.empty()) {
      int sum = 0;
      if (!ParseCopiesPerHaplotype(split, &s.copies, &sum)) {
        return Status::Error(where + "copies per haplotype are numbers split by '|' (1|2), " +
                             "got '" + std::string(split) + "'");
      }
      if (sum != s.total) {
        return Status::Error(where + "the copies per haplotype (" + std::string(split) +
                             ") add up to " + std::to_string(sum) + ", not " +
                             std::to_string(s.total));
      }
    }
    segments->push_back(std::move(s));
  }
  if (segments->empty())
    return Status::Error("copy-number BED: no segments");
  return CheckSegmentsApart(*segments, "copy-number BED");
}

bool ParseCopiesPerHaplotype(std::string_view text, std::vector<int>* copies, int* sum) {
  copies->clear();
  *sum = 0;
  const char separator = text.find('/') != std::string_view::npos ? '/' : '|';
  std::string_view item;
  while (NextItem(&text, &item, separator)) {
    int64_t c = 0;
    if (!ParseInt64(item, &c) || c < 0 || c > kMaxCopies)
      return false;
    copies->push_back(static_cast<int>(c));
    *sum += static_cast<int>(c);
  }
  return !copies->empty();
}

Status CheckSegmentsApart(const std::vector<CopyNumberSegment>& segments, std::string_view what) {
  // Segments of a contig must not overlap: which would count?
  std::vector<const CopyNumberSegment*> sorted;
  for (const CopyNumberSegment& s : segments)
    sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return a->contig != b->contig ? a->contig < b->contig : a->begin < b->begin;
  });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i]->contig == sorted[i - 1]->contig && sorted[i]->begin < sorted[i - 1]->end) {
      return Status::Error(std::string(what) + " lines " + std::to_string(sorted[i - 1]->line) +
                           " and " + std::to_string(sorted[i]->line) + " overlap on " +
                           sorted[i]->contig);
    }
  }
  return Status::Ok();
}

}  // namespace readforge
