// Overlapping VCF records are judged per haplotype: a SNV on the haplotype without a
// heterozygous deletion is planted beside it (every read is a substring of a haplotype built
// here), one on the deletion's own haplotype is skipped and counted (the first wins).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <unordered_set>

#include "sandbox.h"

namespace readforge {
namespace {

class OverlappingRecordsTest : public testing::Sandbox {};

TEST_F(OverlappingRecordsTest, AreJudgedPerHaplotype) {
  Write("ref.fa", testing::RandomFasta({{"chr1", 40000}}, 81));
  const std::string ref = testing::SequenceOf(Read("ref.fa"), "chr1");
  auto other = [&](int64_t pos0) {
    return std::string(1, "CGTA"[std::string("ACGT").find(ref[static_cast<size_t>(pos0)])]);
  };
  // Every 2 kb: a 300-base deletion on haplotype 2, a SNV inside it on haplotype 1 (planted),
  // and a SNV inside it on haplotype 2 (skipped: its haplotype lost those bases).
  std::string vcf =
      "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
  std::string hap1 = ref, hap2 = ref;
  for (int64_t at = 38000; at >= 2000; at -= 2000) {  // (built from the end: offsets hold)
    hap1[static_cast<size_t>(at + 100)] = other(at + 100)[0];
    hap2.erase(static_cast<size_t>(at + 1), 300);
  }
  for (int64_t at = 2000; at < 40000; at += 2000) {
    vcf += "chr1\t" + std::to_string(at + 1) + "\t.\t" + ref.substr(static_cast<size_t>(at), 301) +
           "\t" + ref.substr(static_cast<size_t>(at), 1) + "\t.\tPASS\t.\tGT\t0|1\n";
    vcf += "chr1\t" + std::to_string(at + 101) + "\t.\t" +
           ref.substr(static_cast<size_t>(at + 100), 1) + "\t" + other(at + 100) +
           "\t.\tPASS\t.\tGT\t1|0\n";
    vcf += "chr1\t" + std::to_string(at + 201) + "\t.\t" +
           ref.substr(static_cast<size_t>(at + 200), 1) + "\t" + other(at + 200) +
           "\t.\tPASS\t.\tGT\t0|1\n";
  }
  Write("calls.vcf", vcf);
  const testing::CliResult r =
      Run("-S 5 -N 20000 -r 0 -e 0 -1 100 -2 100 -d 300 -s 30 --block-size 4096 --variants "
          "calls.vcf --vcf truth.vcf ref.fa r1.fq r2.fq --mutations /dev/null");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("--variants: 19 records overlap an earlier one and were not planted"),
            std::string::npos)
      << r.err;
  std::unordered_set<std::string> kmers;
  for (const std::string* hap : {&hap1, &hap2}) {
    for (size_t i = 0; i + 100 <= hap->size(); ++i)
      kmers.insert(hap->substr(i, 100));
  }
  int64_t outside = 0, on_snv = 0;
  for (const std::string fq : {"r1.fq", "r2.fq"}) {
    for (const testing::FastqRecord& rec : testing::ParseFastq(Read(fq))) {
      const std::string back = testing::ReverseComplement(rec.bases);
      outside += !kmers.count(rec.bases) && !kmers.count(back);
    }
  }
  EXPECT_EQ(outside, 0);
  // The truth holds the deletion and the SNV beside it, not the skipped one.
  const std::string truth = Read("truth.vcf");
  EXPECT_NE(truth.find("chr1\t2101\t.\t"), std::string::npos);
  EXPECT_EQ(truth.find("chr1\t2201\t.\t"), std::string::npos);
  // The SNV on haplotype 1 inside the deletion is in the reads.
  for (const std::string fq : {"r1.fq", "r2.fq"}) {
    for (const testing::FastqRecord& rec : testing::ParseFastq(Read(fq))) {
      const std::string snv_context = hap1.substr(2060, 80);
      on_snv += rec.bases.find(snv_context) != std::string::npos ||
                testing::ReverseComplement(rec.bases).find(snv_context) != std::string::npos;
    }
  }
  EXPECT_GT(on_snv, 5);
}

}  // namespace
}  // namespace readforge
