#include "formats/region.h"

#include <string>

#include "formats/text.h"

namespace readforge {
namespace {

// Parses a 1-based coordinate that may contain thousands separators.
bool ParseCoordinate(std::string_view text, int64_t* value) {
  std::string digits;
  for (char c : text) {
    if (c != ',')
      digits += c;
  }
  return ParseInt64(digits, value);
}

}  // namespace

Status ParseRegion(std::string_view text, Region* region) {
  *region = Region();
  if (text.empty())
    return Status::Error("empty region");
  region->text = std::string(text);
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == text.size()) {
    region->contig =
        std::string(text.substr(0, colon == std::string_view::npos ? text.size() : colon));
    return Status::Ok();
  }
  std::string_view range = text.substr(colon + 1);
  size_t dash = range.find('-');
  int64_t begin1 = 0;
  int64_t end1 = -1;
  bool ok = ParseCoordinate(range.substr(0, dash), &begin1);
  if (ok && dash != std::string_view::npos && dash + 1 < range.size())
    ok = ParseCoordinate(range.substr(dash + 1), &end1);
  if (!ok) {
    region->contig = std::string(text);  // a name with ':' in it, like "HLA-A*01:01"
    return Status::Ok();
  }
  region->contig = std::string(text.substr(0, colon));
  if (begin1 < 1)
    return Status::Error("region " + std::string(text) + ": positions are 1-based");
  if (end1 >= 0 && end1 < begin1)
    return Status::Error("region " + std::string(text) + ": end before start");
  region->begin = begin1 - 1;
  region->end = end1;
  return Status::Ok();
}

Status CheckOnContig(const ContigList& contigs,
                     const std::string& contig,
                     int64_t end,
                     const std::string& where) {
  const int64_t i = contigs.IndexOf(contig);
  if (i < 0) {
    return Status::Error(where + "unknown contig '" + contig + "' (known: " + contigs.FirstNames() +
                         ")");
  }
  const int64_t length = contigs.length(static_cast<size_t>(i));
  if (end > length) {
    return Status::Error(where + "ends at " + std::to_string(end) + ", past the end of " + contig +
                         " (length " + std::to_string(length) + ")");
  }
  return Status::Ok();
}

bool NextBedRecord(std::string_view* text,
                   int64_t* number,
                   std::string_view* contig,
                   std::string_view* rest) {
  std::string_view line;
  while (NextLine(text, &line)) {
    ++*number;
    *rest = line;
    *contig = NextWord(rest);
    if (!contig->empty() && (*contig)[0] != '#' && *contig != "track" && *contig != "browser")
      return true;
  }
  return false;
}

Status ParseBed(std::string_view text, std::vector<Region>* regions) {
  int64_t line_number = 0;
  std::string_view chrom, rest;
  while (NextBedRecord(&text, &line_number, &chrom, &rest)) {
    std::string_view start_text = NextWord(&rest);
    std::string_view end_text = NextWord(&rest);
    Region region;
    region.contig = std::string(chrom);
    std::string where = "BED line " + std::to_string(line_number) + ": ";
    if (!ParseInt64(start_text, &region.begin) || !ParseInt64(end_text, &region.end))
      return Status::Error(where + "expected 'chrom start end' with integer start and end");
    if (region.begin < 0)
      return Status::Error(where + "start must not be negative");
    if (region.end <= region.begin)
      return Status::Error(where + "end must be greater than start (BED is 0-based, half-open)");
    regions->push_back(std::move(region));
  }
  return Status::Ok();
}

std::string FormatRegion(const Region& region) {
  if (region.begin == 0 && region.end < 0)
    return region.contig;
  std::string text = region.contig + ":" + std::to_string(region.begin + 1) + "-";
  if (region.end >= 0)
    text += std::to_string(region.end);
  return text;
}

}  // namespace readforge
