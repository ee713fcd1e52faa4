#include "engine/fai.h"

#include <unordered_set>

#include "engine/text.h"

namespace readforge {

Status ParseFai(std::string_view text, std::vector<FaiEntry>* entries) {
  entries->clear();
  std::unordered_set<std::string> names;
  int64_t line_number = 0;
  std::string_view line;
  while (NextLine(&text, &line)) {
    ++line_number;
    if (line.empty())
      continue;
    std::string_view fields[5];
    size_t count = 0;
    while (count < 5 && !line.empty())
      fields[count++] = NextTabField(&line);
    std::string where = ".fai line " + std::to_string(line_number) + ": ";
    FaiEntry e;
    e.name = std::string(fields[0]);
    if (count < 5 || e.name.empty() || !ParseInt64(fields[1], &e.length) ||
        !ParseInt64(fields[2], &e.offset) || !ParseInt64(fields[3], &e.line_bases) ||
        !ParseInt64(fields[4], &e.line_width)) {
      return Status::Error(where +
                           "expected NAME LENGTH OFFSET LINEBASES LINEWIDTH, tab-separated "
                           "(is this a samtools faidx index?)");
    }
    if (e.length < 0 || e.offset < 0 || e.line_bases < 0 || e.line_width < e.line_bases ||
        (e.length > 0 && e.line_bases == 0)) {
      return Status::Error(where + "inconsistent numbers for '" + e.name + "'");
    }
    if (!names.insert(e.name).second)
      return Status::Error(where + "duplicate contig name '" + e.name + "'");
    entries->push_back(std::move(e));
  }
  if (entries->empty())
    return Status::Error("the .fai index is empty");
  return Status::Ok();
}

ByteRange RegionBytes(const FaiEntry& e, int64_t first, int64_t last) {
  auto offset = [&](int64_t p) {
    return e.offset + p / e.line_bases * e.line_width + p % e.line_bases;
  };
  if (last <= first)
    return ByteRange{offset(first), offset(first)};
  return ByteRange{offset(first), offset(last - 1) + 1};
}

std::vector<ContigInfo> ContigsOf(const std::vector<FaiEntry>& entries) {
  std::vector<ContigInfo> contigs;
  contigs.reserve(entries.size());
  for (const FaiEntry& e : entries)
    contigs.push_back(ContigInfo{e.name, e.length});
  return contigs;
}

Status CheckIndexMatches(const std::vector<ContigInfo>& index,
                         const std::vector<ContigInfo>& measured) {
  const std::string what = "the index (.fai) does not match the reference: ";
  for (size_t i = 0; i < index.size() && i < measured.size(); ++i) {
    if (index[i].name != measured[i].name) {
      return Status::Error(what + "contig " + std::to_string(i + 1) + " is '" + measured[i].name +
                           "' in the FASTA but '" + index[i].name + "' in the index");
    }
    if (index[i].length != measured[i].length) {
      return Status::Error(what + "contig '" + index[i].name + "' has " +
                           std::to_string(measured[i].length) + " bases, the index says " +
                           std::to_string(index[i].length));
    }
  }
  if (index.size() != measured.size()) {
    return Status::Error(what + "it lists " + std::to_string(index.size()) +
                         " contigs, the FASTA has " + std::to_string(measured.size()));
  }
  return Status::Ok();
}

}  // namespace readforge
