#include "engine/truth_writer.h"

#include <cstring>
#include <string>

#include "engine/bases.h"
#include "formats/decimal.h"

namespace readforge {
namespace {

// Both bases are A, C, G or T (a variant on N writes nothing).
char Iupac(char a, char b) {
  return "XACMGRSVTWYHKDBN"[(1 << (BaseIndex(a) & 3)) | (1 << (BaseIndex(b) & 3))];
}

// The genotype of a variant on `haplotypes` (bits) where there are `ploidy`: "1", "0|1",
// "0|1|1"..., written into `out` (room for kMaxPloidy alleles).
std::string_view Genotype(uint16_t haplotypes, int ploidy, char* out) {
  size_t n = 0;
  for (int h = 0; h < ploidy; ++h) {
    if (h)
      out[n++] = '|';
    out[n++] = (haplotypes >> h) & 1 ? '1' : '0';
  }
  return std::string_view(out, n);
}

constexpr size_t kNumberDigits = 20;  // the longest int64_t

// Copies `text` to `at`; returns the end.
char* Put(char* at, std::string_view text) {
  std::memcpy(at, text.data(), text.size());
  return at + text.size();
}

// Appends the line of at most `most` bytes that `write(at)` puts at `at` (returning its end).
template <typename Write>
void AppendLine(size_t most, TextAppender* out, Write write) {
  out->Commit(write(out->Room(most)));
}

// wgsim's mutation list: contig, 1-based position, reference bases, alternative ('-' for
// none; IUPAC for a heterozygous SNP), and '+' heterozygous or '-' homozygous.
void AppendMutation(std::string_view contig,
                    int64_t pos1,
                    std::string_view ref,
                    std::string_view alt,
                    bool het,
                    TextAppender* out) {
  const size_t most = contig.size() + ref.size() + alt.size() + kNumberDigits + 6;
  AppendLine(most, out, [&](char* at) {
    at = Put(at, contig);
    *at++ = '\t';
    at = PutDecimal(at, static_cast<uint64_t>(pos1));
    *at++ = '\t';
    at = Put(at, ref);
    *at++ = '\t';
    at = Put(at, alt);
    *at++ = '\t';
    *at++ = het ? '+' : '-';
    *at++ = '\n';
    return at;
  });
}

// The same line for a SNP, the most common one: its two bases put one by one, not copied.
void AppendSnpMutation(std::string_view contig,
                       int64_t pos1,
                       char ref,
                       char alt,
                       bool het,
                       TextAppender* out) {
  AppendLine(contig.size() + kNumberDigits + 7, out, [&](char* at) {
    at = Put(at, contig);
    *at++ = '\t';
    at = PutDecimal(at, static_cast<uint64_t>(pos1));
    const char tail[] = {'\t', ref, '\t', alt, '\t', het ? '+' : '-', '\n'};
    return Put(at, std::string_view(tail, sizeof tail));
  });
}

void AppendVcfRecord(std::string_view contig,
                     int64_t pos1,
                     std::string_view ref,
                     std::string_view alt,
                     std::string_view info,
                     std::string_view genotype,
                     TextAppender* out) {
  constexpr std::string_view kId = "\t.\t", kFilter = "\t.\tPASS\t", kFormat = "\tGT\t";
  const size_t most = contig.size() + ref.size() + alt.size() + info.size() + genotype.size() +
                      kNumberDigits + kId.size() + kFilter.size() + kFormat.size() + 3;
  AppendLine(most, out, [&](char* at) {
    at = Put(at, contig);
    *at++ = '\t';
    at = PutDecimal(at, static_cast<uint64_t>(pos1));
    at = Put(at, kId);
    at = Put(at, ref);
    *at++ = '\t';
    at = Put(at, alt);
    at = Put(at, kFilter);
    at = Put(at, info);
    at = Put(at, kFormat);
    at = Put(at, genotype);
    *at++ = '\n';
    return at;
  });
}

}  // namespace

bool AppendVcfHeader(const ContigList& contigs,
                     bool planted,
                     bool tumour,
                     size_t budget,
                     size_t* next_contig,
                     std::string* out) {
  if (*next_contig == 0)
    out->append("##fileformat=VCFv4.3\n##source=readforge\n");
  const size_t start = out->size();
  for (; *next_contig < contigs.size(); ++*next_contig) {
    if (out->size() - start >= budget)
      return false;
    const size_t i = *next_contig;
    out->append("##contig=<ID=");
    out->append(contigs.name(i));
    out->append(",length=" + std::to_string(contigs.length(i)) + ">\n");
  }
  if (planted) {
    out->append(
        "##INFO=<ID=PLANTED,Number=0,Type=Flag,Description=\"Planted from the VCF given with "
        "--variants (without it: a random wgsim-model mutation)\">\n"
        "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"Type of structural variant\">\n"
        "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End position of the structural "
        "variant\">\n"
        "##INFO=<ID=SVLEN,Number=A,Type=Integer,Description=\"Length of the structural "
        "variant\">\n"
        "##INFO=<ID=CN,Number=1,Type=Integer,Description=\"Total copy number of a <CNV> "
        "(its copies per haplotype: --copy-number-truth)\">\n"
        "##ALT=<ID=DEL,Description=\"Deletion\">\n"
        "##ALT=<ID=DUP,Description=\"Tandem duplication\">\n"
        "##ALT=<ID=INV,Description=\"Inversion\">\n"
        "##ALT=<ID=INS,Description=\"Insertion\">\n"
        "##ALT=<ID=CNV,Description=\"Copy number variable region\">\n");
  }
  if (planted && tumour) {
    out->append(
        "##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"In the tumour's cells alone\">\n"
        "##INFO=<ID=GERMLINE,Number=0,Type=Flag,Description=\"In every cell, normal and "
        "tumour\">\n"
        "##INFO=<ID=CCF,Number=1,Type=Float,Description=\"Cancer cell fraction: the share of "
        "the tumour's cells that carry it\">\n"
        "##INFO=<ID=EAF,Number=A,Type=Float,Description=\"Expected allele fraction in the "
        "reads: purity x CCF x ALT haplotypes / ploidy (somatic), ALT haplotypes / ploidy "
        "(germline)\">\n");
  }
  out->append(
      "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSIMULATED\n");
  return true;
}

void AppendPlantedVcf(std::string_view contig,
                      int64_t pos1,
                      const std::string& ref,
                      const std::string& alts,
                      const std::string& genotype,
                      const std::string& info,
                      TextAppender* vcf) {
  const std::string flags = "PLANTED" + info;
  AppendVcfRecord(contig, pos1, ref, alts, flags, genotype, vcf);
}

int64_t ChangedBases(const Variant& v, std::string_view bases, const SpanWindow& window) {
  if (v.type != VariantType::kReplacement)
    return v.type == VariantType::kSnp;
  int64_t changed = 0;
  const char* ref = window.data(v.pos);
  for (size_t i = 0; i < bases.size(); ++i)
    changed += bases[i] != ref[i];
  return changed;
}

void AppendTruth(const Variant& v,
                 std::string_view inserted,
                 const SpanWindow& window,
                 const SpanPlace& place,
                 int ploidy,
                 TextAppender* mutations,
                 TextAppender* vcf) {
  if (v.on_n)
    return;
  char genotype_text[2 * kMaxPloidy];
  const std::string_view genotype = Genotype(v.haplotypes, ploidy, genotype_text);
  const char ref = window.at(v.pos);
  if (v.planted)
    vcf = nullptr;  // the record is written whole, by AppendPlantedVcf
  const int64_t pos1 = place.offset + v.pos + 1;
  const uint16_t all = AllHaplotypes(ploidy);
  const bool het = (v.haplotypes & all) != all;
  const std::string_view ref_base(&ref, 1);
  switch (v.type) {
    case VariantType::kSnp: {
      const char alt = SnpBase(ref, v.snp_shift);
      const char listed = het ? Iupac(ref, alt) : alt;
      if (mutations)
        AppendSnpMutation(place.contig, pos1, ref, listed, het, mutations);
      if (vcf)
        AppendVcfRecord(place.contig, pos1, ref_base, std::string_view(&alt, 1), ".", genotype,
                        vcf);
      break;
    }
    case VariantType::kInsertion:
      if (mutations) {
        if (v.snp_shift) {  // a planted insertion that changes its anchor base
          const char alt = SnpBase(ref, v.snp_shift);
          const char listed = het ? Iupac(ref, alt) : alt;
          AppendSnpMutation(place.contig, pos1, ref, listed, het, mutations);
        }
        AppendMutation(place.contig, pos1, "-", inserted, het, mutations);
      }
      if (vcf)
        AppendVcfRecord(place.contig, pos1, ref_base, ref + std::string(inserted), ".", genotype,
                        vcf);
      break;
    case VariantType::kReplacement:  // (planted: its record is the VCF's)
      for (size_t i = 0; mutations && i < inserted.size(); ++i) {
        const char from = window.at(v.pos + static_cast<int64_t>(i));
        const char alt = inserted[i];
        if (alt != from)
          AppendSnpMutation(place.contig, pos1 + static_cast<int64_t>(i), from,
                            het ? Iupac(from, alt) : alt, het, mutations);
      }
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
                        std::string_view(&anchor, 1), ".", genotype, vcf);
      } else {  // ...or, at the start of the span, on the base after it.
        const char anchor = window.at(v.pos + v.length);
        AppendVcfRecord(place.contig, pos1, std::string(deleted) + anchor,
                        std::string_view(&anchor, 1), ".", genotype, vcf);
      }
      break;
    }
  }
}

}  // namespace readforge
