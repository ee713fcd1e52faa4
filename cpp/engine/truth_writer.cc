#include "engine/truth_writer.h"

#include <charconv>
#include <string>

namespace readforge {
namespace {

int BaseIndex(char base) {
  switch (base) {
    case 'A':
      return 0;
    case 'C':
      return 1;
    case 'G':
      return 2;
    default:
      return 3;
  }
}

char Iupac(char a, char b) {
  return "XACMGRSVTWYHKDBN"[(1 << BaseIndex(a)) | (1 << BaseIndex(b))];
}

const char* Genotype(uint8_t haplotypes, bool haploid) {
  if (haploid)
    return "1";
  return haplotypes == 3 ? "1|1" : haplotypes == 1 ? "1|0" : "0|1";
}

void AppendNumber(int64_t value, std::string* out) {
  char digits[24];
  const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, value);
  out->append(digits, static_cast<size_t>(r.ptr - digits));
}

// wgsim's mutation list: contig, 1-based position, reference bases, alternative ('-' for
// none; IUPAC for a heterozygous SNP), and '+' heterozygous or '-' homozygous. Appended piece
// by piece: a million planted variants make a million lines, and temporaries showed up in
// profiles.
void AppendMutation(std::string_view contig,
                    int64_t pos1,
                    std::string_view ref,
                    std::string_view alt,
                    bool het,
                    std::string* out) {
  out->append(contig);
  out->push_back('\t');
  AppendNumber(pos1, out);
  out->push_back('\t');
  out->append(ref);
  out->push_back('\t');
  out->append(alt);
  out->push_back('\t');
  out->push_back(het ? '+' : '-');
  out->push_back('\n');
}

void AppendVcfRecord(std::string_view contig,
                     int64_t pos1,
                     std::string_view ref,
                     std::string_view alt,
                     std::string_view info,
                     std::string_view genotype,
                     std::string* out) {
  out->append(contig);
  out->push_back('\t');
  AppendNumber(pos1, out);
  out->append("\t.\t");
  out->append(ref);
  out->push_back('\t');
  out->append(alt);
  out->append("\t.\tPASS\t");
  out->append(info);
  out->append("\tGT\t");
  out->append(genotype);
  out->push_back('\n');
}

}  // namespace

void AppendVcfHeader(const std::vector<ContigInfo>& contigs, bool planted, std::string* out) {
  out->append("##fileformat=VCFv4.3\n##source=readforge\n");
  for (const ContigInfo& c : contigs)
    out->append("##contig=<ID=" + c.name + ",length=" + std::to_string(c.length) + ">\n");
  if (planted) {
    out->append(
        "##INFO=<ID=PLANTED,Number=0,Type=Flag,Description=\"Planted from the VCF given with "
        "--variants (without it: a random wgsim-model mutation)\">\n");
  }
  out->append(
      "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSIMULATED\n");
}

void AppendPlantedVcf(std::string_view contig,
                      int64_t pos1,
                      const std::string& ref,
                      const std::string& alts,
                      const std::string& genotype,
                      std::string* vcf) {
  AppendVcfRecord(contig, pos1, ref, alts, "PLANTED", genotype, vcf);
}

void AppendTruth(const Variant& v,
                 const SpanWindow& window,
                 const SpanPlace& place,
                 bool haploid,
                 std::string* mutations,
                 std::string* vcf) {
  if (v.on_n)
    return;
  const char ref = window.at(v.pos);
  if (v.planted)
    vcf = nullptr;  // the record is written whole, by AppendPlantedVcf
  const int64_t pos1 = place.offset + v.pos + 1;
  const bool het = v.haplotypes != 3;
  const std::string_view ref_base(&ref, 1);
  switch (v.type) {
    case VariantType::kSnp: {
      const char alt = SnpBase(ref, v.snp_shift);
      const char listed = het ? Iupac(ref, alt) : alt;
      if (mutations)
        AppendMutation(place.contig, pos1, ref_base, std::string_view(&listed, 1), het, mutations);
      if (vcf)
        AppendVcfRecord(place.contig, pos1, ref_base, std::string_view(&alt, 1), ".",
                        Genotype(v.haplotypes, haploid), vcf);
      break;
    }
    case VariantType::kInsertion:
      if (mutations) {
        if (v.snp_shift) {  // a planted insertion that changes its anchor base
          const char alt = SnpBase(ref, v.snp_shift);
          const char listed = het ? Iupac(ref, alt) : alt;
          AppendMutation(place.contig, pos1, ref_base, std::string_view(&listed, 1), het,
                         mutations);
        }
        AppendMutation(place.contig, pos1, "-", v.inserted, het, mutations);
      }
      if (vcf)
        AppendVcfRecord(place.contig, pos1, ref_base, ref + v.inserted, ".",
                        Genotype(v.haplotypes, haploid), vcf);
      break;
    case VariantType::kDeletion: {
      const std::string_view deleted(window.data(v.pos), static_cast<size_t>(v.length));
      if (mutations)
        AppendMutation(place.contig, pos1, deleted, "-", het, mutations);
      if (!vcf)
        break;
      if (v.pos > 0) {  // VCF anchors a deletion on the base before it...
        const char anchor = window.at(v.pos - 1);
        AppendVcfRecord(place.contig, pos1 - 1, anchor + std::string(deleted),
                        std::string_view(&anchor, 1), ".", Genotype(v.haplotypes, haploid), vcf);
      } else {  // ...or, at the start of the span, on the base after it.
        const char anchor = window.at(v.pos + v.length);
        AppendVcfRecord(place.contig, pos1, std::string(deleted) + anchor,
                        std::string_view(&anchor, 1), ".", Genotype(v.haplotypes, haploid), vcf);
      }
      break;
    }
  }
}

}  // namespace readforge
