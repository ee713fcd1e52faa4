#include "formats/copy_number_vcf.h"

#include <string>

#include "formats/text.h"
#include "formats/vcf_info.h"

namespace readforge {
namespace {

// The value of FORMAT key `key` in `sample` ("" when absent).
std::string_view SampleValue(std::string_view format,
                             std::string_view sample,
                             std::string_view key) {
  std::string_view name, value;
  while (NextItem(&format, &name, ':')) {
    const bool has_value = NextItem(&sample, &value, ':');
    if (name == key)
      return has_value ? value : std::string_view();
  }
  return {};
}

}  // namespace

bool IsVcfText(std::string_view text) {
  return text.substr(0, 16) == "##fileformat=VCF";
}

Status ParseCopyNumberVcf(std::string_view text, std::vector<CopyNumberSegment>* segments) {
  segments->clear();
  std::string_view line;
  for (int64_t number = 1; NextLine(&text, &line); ++number) {
    if (line.empty() || line[0] == '#')
      continue;
    std::string_view fields = line;
    const std::string_view contig = NextTabField(&fields);
    const std::string_view pos = NextTabField(&fields);
    for (int skip = 0; skip < 2; ++skip)  // ID, REF
      NextTabField(&fields);
    if (NextTabField(&fields) != "<CNV>")
      continue;
    for (int skip = 0; skip < 2; ++skip)  // QUAL, FILTER
      NextTabField(&fields);
    const std::string_view info = NextTabField(&fields);
    const std::string_view format = NextTabField(&fields);
    const std::string_view sample = NextTabField(&fields);
    const std::string where = "copy-number VCF line " + std::to_string(number) + ": ";
    CopyNumberSegment s;
    s.contig = std::string(contig);
    s.line = number;
    int64_t pos1 = 0, end1 = 0;
    std::string problem;
    if (contig.empty() || !ParseInt64(pos, &pos1) || pos1 < 1)
      return Status::Error(where + "a <CNV> record needs CHROM and a POS of 1 or more");
    if (!SymbolicEnd(info, pos1, &end1, &problem))
      return Status::Error(where + "<CNV> " + problem);
    s.begin = pos1;  // the bases after POS (0-based), up to END (1-based, inclusive)
    s.end = end1;
    const std::string_view cn = SampleValue(format, sample, "CN");
    const std::string_view hcn = SampleValue(format, sample, "HCN");
    int64_t total = -1;
    if (!cn.empty() && cn != "." && (!ParseInt64(cn, &total) || total < 0 || total > kMaxCopies)) {
      return Status::Error(where + "FORMAT/CN must be a copy number from 0 to " +
                           std::to_string(kMaxCopies) + ", got '" + std::string(cn) + "'");
    }
    if (!hcn.empty() && hcn != ".") {
      int sum = 0;
      if (!ParseCopiesPerHaplotype(hcn, &s.copies, &sum)) {
        return Status::Error(where + "FORMAT/HCN gives copies per haplotype split by '|' (1|2), " +
                             "got '" + std::string(hcn) + "'");
      }
      if (total >= 0 && sum != total) {
        return Status::Error(where + "FORMAT/HCN (" + std::string(hcn) + ") adds up to " +
                             std::to_string(sum) + ", not FORMAT/CN " + std::to_string(total));
      }
      total = sum;
    }
    if (total < 0)
      return Status::Error(where + "a <CNV> record needs its copies: FORMAT/CN, or HCN (1|2)");
    if (total > kMaxCopies) {
      return Status::Error(where + "the copy number must be from 0 to " +
                           std::to_string(kMaxCopies) + ", got " + std::to_string(total));
    }
    s.total = static_cast<int>(total);
    segments->push_back(std::move(s));
  }
  if (segments->empty())
    return Status::Error("copy-number VCF: no <CNV> records");
  return CheckSegmentsApart(*segments, "copy-number VCF");
}

}  // namespace readforge
