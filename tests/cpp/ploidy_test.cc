// --ploidy and --ploidy-override: with no errors and no random mutations every read is a
// substring of one of the place's haplotypes (built here from the planted genotypes, for
// ploidy 1 to 4 and multi-allelic sites), and each haplotype gives its share of the reads; a
// haploid chrX gets half the pairs per base of a diploid autosome (its PAR its full share);
// random mutations and the truth VCF have as many alleles as the place has haplotypes; bad
// ploidies and genotypes that do not fit are one clear error.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "sandbox.h"

namespace readforge {
namespace {

constexpr int kRead = 100;

char OtherBase(char base, int k) {
  const std::string bases = "ACGT";
  return bases[(bases.find(base) + static_cast<size_t>(k)) % 4];
}

class PloidyTest : public testing::Sandbox {};

class PloidyReadsTest : public PloidyTest, public ::testing::WithParamInterface<int> {};

TEST_P(PloidyReadsTest, EveryReadIsASubstringOfOneOfItsHaplotypes) {
  const int ploidy = GetParam();
  Write("ref.fa", testing::RandomFasta({{"chr1", 60000}}, 61));
  const std::string ref = testing::SequenceOf(Read("ref.fa"), "chr1");
  // A record every 400 bases: SNPs with three ALTs, insertions, deletions. Record i is on
  // haplotype i % ploidy alone (so each haplotype holds as many reads no other does), on all
  // of them every fifth time, and every seventh time a second haplotype carries another ALT
  // (a multi-allelic genotype such as 0|1|2).
  struct Record {
    int64_t pos;  // 0-based
    std::string ref;
    std::vector<std::string> alts;
    std::vector<int> alleles;
  };
  std::vector<Record> records;
  std::string vcf =
      "##fileformat=VCFv4.3\n##contig=<ID=chr1,length=60000>\n"
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
  for (int i = 0; 400 * (i + 1) < 60000; ++i) {
    Record r;
    r.pos = 400 * (i + 1);
    const char base = ref[static_cast<size_t>(r.pos)];
    if (i % 5 == 3) {  // an insertion
      r.ref = std::string(1, base);
      r.alts = {r.ref + "GATTACA"};
    } else if (i % 5 == 4) {  // a deletion of 6 bases
      r.ref = ref.substr(static_cast<size_t>(r.pos), 7);
      r.alts = {r.ref.substr(0, 1)};
    } else {  // three ALTs
      r.ref = std::string(1, base);
      r.alts = {std::string(1, OtherBase(base, 1)), std::string(1, OtherBase(base, 2)),
                std::string(1, OtherBase(base, 3))};
    }
    const int n_alts = static_cast<int>(r.alts.size());
    const int own = i % ploidy;
    std::string gt;
    for (int h = 0; h < ploidy; ++h) {
      int allele = h == own || i % 5 == 0 ? 1 + (i / ploidy) % n_alts : 0;
      if (i % 7 == 6 && n_alts > 1 && ploidy > 1 && h == (own + 1) % ploidy)
        allele = 1 + (i / ploidy + 1) % n_alts;
      r.alleles.push_back(allele);
      gt += (h ? "|" : "") + std::to_string(allele);
    }
    std::string alts;
    for (const std::string& a : r.alts)
      alts += (alts.empty() ? "" : ",") + a;
    vcf += "chr1\t" + std::to_string(r.pos + 1) + "\t.\t" + r.ref + "\t" + alts +
           "\t.\tPASS\t.\tGT\t" + gt + "\n";
    records.push_back(r);
  }
  Write("calls.vcf", vcf);
  // Each haplotype, spelled here.
  std::vector<std::string> haps(static_cast<size_t>(ploidy));
  for (int h = 0; h < ploidy; ++h) {
    std::string& s = haps[static_cast<size_t>(h)];
    int64_t at = 0;
    for (const Record& r : records) {
      s += ref.substr(static_cast<size_t>(at), static_cast<size_t>(r.pos - at));
      const int allele = r.alleles[static_cast<size_t>(h)];
      s += allele == 0 ? r.ref : r.alts[static_cast<size_t>(allele - 1)];
      at = r.pos + static_cast<int64_t>(r.ref.size());
    }
    s += ref.substr(static_cast<size_t>(at));
  }
  // Every 100-mer of every haplotype, with the haplotypes that hold it.
  std::unordered_map<std::string, unsigned> kmers;
  for (int h = 0; h < ploidy; ++h) {
    const std::string& s = haps[static_cast<size_t>(h)];
    for (size_t i = 0; i + kRead <= s.size(); ++i)
      kmers[s.substr(i, kRead)] |= 1u << h;
  }
  const std::string run =
      "-S 4 -N 20000 -r 0 -e 0 -1 100 -2 100 -d 300 -s 30 --variants "
      "calls.vcf --vcf truth.vcf --ploidy " +
      std::to_string(ploidy) + " ref.fa r1.fq r2.fq --mutations /dev/null";
  ASSERT_EQ(Run(run, nullptr), 0);
  int64_t outside = 0;
  std::vector<int64_t> only(static_cast<size_t>(ploidy), 0);  // reads on one haplotype alone
  for (const std::string& fq : {std::string("r1.fq"), std::string("r2.fq")}) {
    for (const testing::FastqRecord& rec : testing::ParseFastq(Read(fq))) {
      auto it = kmers.find(rec.bases);
      if (it == kmers.end())
        it = kmers.find(testing::ReverseComplement(rec.bases));
      if (it == kmers.end()) {
        ++outside;
        continue;
      }
      for (int h = 0; h < ploidy; ++h)
        only[static_cast<size_t>(h)] += it->second == 1u << h;
    }
  }
  EXPECT_EQ(outside, 0);
  if (ploidy > 1) {
    // Each haplotype gives 1 / ploidy of the reads: of those only one haplotype holds, as many
    // from each (within 5 sigma of a multinomial).
    int64_t unique = 0;
    for (int64_t n : only)
      unique += n;
    ASSERT_GT(unique, 2000);
    const double p = 1.0 / ploidy;
    for (int h = 0; h < ploidy; ++h) {
      EXPECT_NEAR(static_cast<double>(only[static_cast<size_t>(h)]) / unique, p,
                  5 * std::sqrt(p * (1 - p) / unique))
          << "haplotype " << h + 1;
    }
  }
  // The truth VCF gives each record's genotype as planted.
  const std::string truth = Read("truth.vcf");
  std::string gt0;
  for (int h = 0; h < ploidy; ++h)
    gt0 += (h ? "|" : "") + std::to_string(records[0].alleles[static_cast<size_t>(h)]);
  EXPECT_NE(truth.find("\tPLANTED\tGT\t" + gt0 + "\n"), std::string::npos) << gt0;
  // Threads: the same bytes.
  ASSERT_EQ(Run(run + " -t 3 --vcf /dev/null", nullptr), 0);
  const std::string one = Read("r1.fq");
  ASSERT_EQ(Run("-S 4 -N 20000 -r 0 -e 0 -1 100 -2 100 -d 300 -s 30 --variants calls.vcf "
                "--ploidy " +
                    std::to_string(ploidy) + " -t 3 ref.fa t1.fq t2.fq --mutations /dev/null",
                nullptr),
            0);
  EXPECT_TRUE(Read("t1.fq") == one);
}

INSTANTIATE_TEST_SUITE_P(OneToFour, PloidyReadsTest, ::testing::Values(1, 2, 3, 4));

TEST_F(PloidyTest, HaploidChrXGetsHalfThePairsPerBaseAndItsPARItsFullShare) {
  Write("ref.fa", testing::RandomFasta({{"chr1", 200000}, {"chrX", 100000}}, 62));
  ASSERT_EQ(Run("-S 5 -N 50000 -r 0.01 -1 100 -2 100 -d 300 -s 30 --ploidy-override "
                "chrX:20001-100000=1 --vcf truth.vcf ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  // Pair starts per base: chr1 and chrX's first 20 kb (the PAR) diploid, the rest half.
  std::map<std::string, int64_t> counts;
  for (const testing::FastqRecord& rec : testing::ParseFastq(Read("r1.fq"))) {
    testing::ReadName n;
    ASSERT_TRUE(testing::ParseReadName(rec.name, &n));
    counts[n.contig + (n.contig == "chrX" && n.left <= 20000 ? ":PAR" : "")] += 1;
  }
  EXPECT_EQ(counts["chr1"] + counts["chrX"] + counts["chrX:PAR"], 50000);
  const double chr1 = counts["chr1"] / 200000.0;
  EXPECT_NEAR(counts["chrX"] / 80000.0 / chr1, 0.5, 0.05);
  EXPECT_NEAR(counts["chrX:PAR"] / 20000.0 / chr1, 1.0, 0.1);
  // Random mutations: one allele on chrX past the PAR, two elsewhere.
  std::istringstream in(Read("truth.vcf"));
  int64_t one_allele = 0, two_alleles = 0, misplaced = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    const auto f = testing::TabFields(line);
    const bool haploid = f[0] == "chrX" && std::stoll(f[1]) > 20000;
    const std::string& gt = f[9];
    one_allele += gt == "1";
    two_alleles += gt.size() == 3;
    misplaced += haploid != (gt == "1");
  }
  EXPECT_GT(one_allele, 400);
  EXPECT_GT(two_alleles, 1500);
  EXPECT_EQ(misplaced, 0);
}

TEST_F(PloidyTest, TetraploidMutationsAreOnOneHaplotypeOrAll) {
  Write("ref.fa", testing::RandomFasta({{"chr1", 300000}}, 63));
  ASSERT_EQ(Run("-S 6 -N 1000 -r 0.01 --ploidy 4 --vcf truth.vcf ref.fa r1.fq r2.fq "
                "--mutations /dev/null",
                nullptr),
            0);
  std::istringstream in(Read("truth.vcf"));
  std::map<std::string, int64_t> genotypes;
  int64_t n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    genotypes[testing::TabFields(line)[9]] += 1;
    ++n;
  }
  ASSERT_GT(n, 2000);
  // Homozygous with probability 1/3, else on each haplotype with 1/6.
  EXPECT_EQ(genotypes.size(), 5u);
  const double het = 1.0 / 6;
  EXPECT_NEAR(genotypes["1|1|1|1"] / static_cast<double>(n), 1.0 / 3,
              5 * std::sqrt(2.0 / 9 / static_cast<double>(n)));
  for (const char* gt : {"1|0|0|0", "0|1|0|0", "0|0|1|0", "0|0|0|1"}) {
    EXPECT_NEAR(genotypes[gt] / static_cast<double>(n), het,
                5 * std::sqrt(het * (1 - het) / static_cast<double>(n)))
        << gt;
  }
}

TEST_F(PloidyTest, PloidyOneIsHaploid) {
  Write("ref.fa", testing::RandomFasta({{"chr1", 50000}}, 64));
  ASSERT_EQ(Run("-S 7 -N 2000 ref.fa a1.fq a2.fq --mutations /dev/null -h", nullptr), 0);
  ASSERT_EQ(Run("-S 7 -N 2000 ref.fa b1.fq b2.fq --mutations /dev/null --ploidy 1", nullptr), 0);
  EXPECT_TRUE(Read("a1.fq") == Read("b1.fq"));
}

TEST_F(PloidyTest, WhatDoesNotFitIsOneClearError) {
  Write("ref.fa", testing::RandomFasta({{"chr1", 50000}, {"chrX", 30000}}, 65));
  const std::string run = "-S 1 -N 100 ref.fa r1.fq r2.fq ";
  ExpectOneError(run + "--ploidy 0", "--ploidy must be in [1, 8], got 0");
  ExpectOneError(run + "--ploidy 9", "--ploidy must be in [1, 8], got 9");
  ExpectOneError(run + "--ploidy-override chrX",
                 "--ploidy-override expects CONTIG[:BEG-END]=N with N from 1 to 8, got 'chrX'");
  ExpectOneError(run + "--ploidy-override chrX=0",
                 "--ploidy-override expects CONTIG[:BEG-END]=N with N from 1 to 8, got 'chrX=0'");
  ExpectOneError(run + "--ploidy-override chrZ=1",
                 "--ploidy-override chrZ=1: unknown contig 'chrZ' (known: chr1, chrX)");
  ExpectOneError(run + "--ploidy-override chrX:1-40000=1",
                 "--ploidy-override chrX:1-40000=1: ends at 40000, past the end of chrX (length "
                 "30000)");
  ExpectOneError(run + "--ploidy-override chrX=1 --ploidy-override chrX:1-100=2",
                 "--ploidy-override chrX:1-100=2: overlaps --ploidy-override chrX=1 (give the PAR "
                 "and the rest as separate pieces)");
  ExpectOneError(run + "-h --ploidy-override chrX=1",
                 "-h is haploid everywhere: give --ploidy 1 instead to combine it with "
                 "--ploidy-override");
  // A heterozygous diploid genotype on a haploid chrX.
  const std::string x = testing::SequenceOf(Read("ref.fa"), "chrX");
  Write("calls.vcf", std::string("##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\t"
                                 "INFO\tFORMAT\tS\nchrX\t1001\t.\t") +
                         std::string(1, x[1000]) + "\t" + std::string(1, OtherBase(x[1000], 1)) +
                         "\t.\tPASS\t.\tGT\t0/1\n");
  ExpectOneError(run + "--ploidy-override chrX=1 --variants calls.vcf",
                 "calls.vcf: line 3: genotype of 2 alleles at chrX:1001, where the ploidy is 1 "
                 "(--ploidy, --ploidy-override): give as many alleles as the place has "
                 "haplotypes");
  EXPECT_FALSE(Exists("r1.fq"));
}

}  // namespace
}  // namespace readforge
