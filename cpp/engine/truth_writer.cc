#include "engine/truth_writer.h"

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

void AppendVcfRecord(std::string_view contig,
                     int64_t pos1,
                     const std::string& ref,
                     const std::string& alt,
                     std::string_view info,
                     std::string_view genotype,
                     std::string* out) {
  out->append(contig);
  out->push_back('\t');
  out->append(std::to_string(pos1));
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
  char ref = window.at(v.pos);
  if (v.planted)
    vcf = nullptr;  // the record is written whole, by AppendPlantedVcf
  const int64_t pos1 = place.offset + v.pos + 1;
  const bool het = v.haplotypes != 3;
  std::string ref_allele;
  std::string alt_allele;
  int64_t vcf_pos1 = pos1;
  switch (v.type) {
    case VariantType::kSnp: {
      char alt = SnpBase(ref, v.snp_shift);
      ref_allele.assign(1, ref);
      alt_allele.assign(1, alt);
      if (mutations) {
        *mutations += std::string(place.contig) + '\t' + std::to_string(pos1) + '\t' + ref + '\t' +
                      (het ? Iupac(ref, alt) : alt) + '\t' + (het ? '+' : '-') + '\n';
      }
      break;
    }
    case VariantType::kInsertion:
      if (v.snp_shift && mutations) {  // a planted insertion that changes its anchor base
        const char alt = SnpBase(ref, v.snp_shift);
        *mutations += std::string(place.contig) + '\t' + std::to_string(pos1) + '\t' + ref + '\t' +
                      (het ? Iupac(ref, alt) : alt) + '\t' + (het ? '+' : '-') + '\n';
      }
      ref_allele.assign(1, ref);
      alt_allele = ref + v.inserted;
      if (mutations) {
        *mutations += std::string(place.contig) + '\t' + std::to_string(pos1) + "\t-\t" +
                      v.inserted + '\t' + (het ? '+' : '-') + '\n';
      }
      break;
    case VariantType::kDeletion: {
      std::string deleted(window.data(v.pos), static_cast<size_t>(v.length));
      if (mutations) {
        *mutations += std::string(place.contig) + '\t' + std::to_string(pos1) + '\t' + deleted +
                      "\t-\t" + (het ? '+' : '-') + '\n';
      }
      if (v.pos > 0) {  // VCF anchors a deletion on the base before it...
        char anchor = window.at(v.pos - 1);
        ref_allele = anchor + deleted;
        alt_allele.assign(1, anchor);
        vcf_pos1 = pos1 - 1;
      } else {  // ...or, at the start of the span, on the base after it.
        char anchor = window.at(v.pos + v.length);
        ref_allele = deleted + anchor;
        alt_allele.assign(1, anchor);
      }
      break;
    }
  }
  if (vcf) {
    AppendVcfRecord(place.contig, vcf_pos1, ref_allele, alt_allele, ".",
                    Genotype(v.haplotypes, haploid), vcf);
  }
}

}  // namespace readforge
