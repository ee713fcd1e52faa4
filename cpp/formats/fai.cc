#include "formats/fai.h"

#include "formats/text.h"

namespace readforge {

Status ParseFai(std::string_view text, FaiIndex* index) {
  *index = FaiIndex();
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
    const std::string_view name = fields[0];
    int64_t length = 0;
    FaiLayout e;
    if (count < 5 || name.empty() || !ParseInt64(fields[1], &length) ||
        !ParseInt64(fields[2], &e.offset) || !ParseInt64(fields[3], &e.line_bases) ||
        !ParseInt64(fields[4], &e.line_width)) {
      return Status::Error(where +
                           "expected NAME LENGTH OFFSET LINEBASES LINEWIDTH, tab-separated "
                           "(is this a samtools faidx index?)");
    }
    if (length < 0 || e.offset < 0 || e.line_bases < 0 || e.line_width < e.line_bases ||
        (length > 0 && e.line_bases == 0)) {
      return Status::Error(where + "inconsistent numbers for '" + std::string(name) + "'");
    }
    if (!index->contigs.AddUnique(name, length))
      return Status::Error(where + "duplicate contig name '" + std::string(name) + "'");
    index->layouts.push_back(e);
  }
  if (index->contigs.empty())
    return Status::Error("the .fai index is empty");
  return Status::Ok();
}

ByteRange RegionBytes(const FaiLayout& e, int64_t first, int64_t last) {
  auto offset = [&](int64_t p) {
    return e.offset + p / e.line_bases * e.line_width + p % e.line_bases;
  };
  if (last <= first)
    return ByteRange{offset(first), offset(first)};
  return ByteRange{offset(first), offset(last - 1) + 1};
}

Status CheckIndexMatches(const ContigList& index, const ContigList& measured) {
  const std::string what = "the index (.fai) does not match the reference: ";
  for (size_t i = 0; i < index.size() && i < measured.size(); ++i) {
    if (index.name(i) != measured.name(i)) {
      return Status::Error(what + "contig " + std::to_string(i + 1) + " is '" +
                           std::string(measured.name(i)) + "' in the FASTA but '" +
                           std::string(index.name(i)) + "' in the index");
    }
    if (index.length(i) != measured.length(i)) {
      return Status::Error(what + "contig '" + std::string(index.name(i)) + "' has " +
                           std::to_string(measured.length(i)) + " bases, the index says " +
                           std::to_string(index.length(i)));
    }
  }
  if (index.size() != measured.size()) {
    return Status::Error(what + "it lists " + std::to_string(index.size()) +
                         " contigs, the FASTA has " + std::to_string(measured.size()));
  }
  return Status::Ok();
}

}  // namespace readforge
