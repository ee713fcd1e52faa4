// Tumour/normal mixtures (--purity, --clones): germline and somatic records of one VCF (somatic
// ones flagged INFO/SOMATIC, subclonal ones with INFO/CCF) give allele fractions in the reads,
// as bcftools counts them on the golden BAM, that match purity x CCF x ALT haplotypes / ploidy
// within binomial error; the truth VCF says each record's origin and expected fraction; bad
// purities, clones and somatic records are one clear error. --somatic-copy-number gives the
// tumour's cells copies of their own: depth and allele fractions follow the mixture's copies.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <tuple>

#include "sandbox.h"

namespace readforge {
namespace {

class TumourTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Write("ref.fa", testing::RandomFasta({{"chr1", 200000}}, 71));
    chr1_ = testing::SequenceOf(Read("ref.fa"), "chr1");
  }

  // A SNP at 1-based `pos1` with INFO `info` and genotype `gt`.
  std::string Snp(int64_t pos1, const std::string& info, const std::string& gt) const {
    const char ref = chr1_[static_cast<size_t>(pos1 - 1)];
    const char alt = "CGTA"[std::string("ACGT").find(ref)];
    return "chr1\t" + std::to_string(pos1) + "\t.\t" + std::string(1, ref) + "\t" +
           std::string(1, alt) + "\t.\tPASS\t" + info + "\tGT\t" + gt + "\n";
  }

  // The AD field of bcftools at every site of `vcf` on `bam` (as users count allele fractions):
  // pos1 -> (ALT reads, all reads).
  std::map<int64_t, std::pair<int64_t, int64_t>> AlleleDepths(const std::string& vcf,
                                                              const std::string& bam) {
    EXPECT_EQ(Shell("samtools faidx ref.fa && bcftools mpileup -f ref.fa -T " + vcf +
                    " -a AD -d 100000 -Q 0 -q 0 " + bam +
                    " 2> /dev/null | bcftools query -f '%POS\\t[%AD]\\n' > ad.tsv"),
              0);
    std::map<int64_t, std::pair<int64_t, int64_t>> depth;
    std::istringstream in(Read("ad.tsv"));
    int64_t pos1 = 0;
    for (std::string ad; in >> pos1 >> ad;) {
      const size_t comma = ad.find(',');
      const int64_t ref = std::stoll(ad.substr(0, comma));
      const int64_t alt = comma == std::string::npos ? 0 : std::stoll(ad.substr(comma + 1));
      depth[pos1] = {alt, ref + alt};
    }
    return depth;
  }

  std::string chr1_;
};

constexpr char kHead[] =
    "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";

TEST_F(TumourTest, AlleleFractionsFollowPurityClonesAndPloidy) {
  // Every 1 kb: a germline het, a clonal somatic het, a subclonal somatic het (CCF 0.5) and a
  // clonal somatic hom, in turn.
  const char* kinds[] = {".", "SOMATIC", "SOMATIC;CCF=0.5", "SOMATIC"};
  const char* genotypes[] = {"0|1", "0|1", "1|0", "1|1"};
  const double expected[] = {0.5, 0.6 * 0.5, 0.6 * 0.5 * 0.5, 0.6};
  std::string vcf = kHead;
  for (int i = 1; i < 196; ++i)
    vcf += Snp(1000 * i, kinds[i % 4], genotypes[i % 4]);
  Write("calls.vcf", vcf);
  ASSERT_EQ(Run("-S 2 -C 150 -r 0 -e 0 -1 100 -2 100 -d 300 -s 30 --variants calls.vcf "
                "--purity 0.6 --clones 0.5 --vcf truth.vcf --bam a.bam ref.fa r1.fq r2.fq "
                "--mutations /dev/null",
                nullptr),
            0);
  // The truth: each record's origin and expected allele fraction.
  const std::string truth = Read("truth.vcf");
  EXPECT_NE(truth.find("\tPLANTED;GERMLINE;EAF=0.5\tGT\t0|1\n"), std::string::npos) << truth;
  EXPECT_NE(truth.find("\tPLANTED;SOMATIC;CCF=1;EAF=0.3\tGT\t0|1\n"), std::string::npos);
  EXPECT_NE(truth.find("\tPLANTED;SOMATIC;CCF=0.5;EAF=0.15\tGT\t1|0\n"), std::string::npos);
  EXPECT_NE(truth.find("\tPLANTED;SOMATIC;CCF=1;EAF=0.6\tGT\t1|1\n"), std::string::npos);
  // As users count them: bcftools' allele depths at the sites, on the golden BAM.
  const auto depth = AlleleDepths("calls.vcf", "a.bam");
  for (int kind = 0; kind < 4; ++kind) {
    int64_t alt = 0, all = 0;
    for (int i = 1; i < 196; ++i) {
      if (i % 4 == kind) {
        alt += depth.at(1000 * i).first;
        all += depth.at(1000 * i).second;
      }
    }
    ASSERT_GT(all, 5000) << kind;
    const double p = expected[kind];
    EXPECT_NEAR(static_cast<double>(alt) / static_cast<double>(all), p,
                5 * std::sqrt(p * (1 - p) / static_cast<double>(all)))
        << kinds[kind] << " " << genotypes[kind];
  }
  // Threads: the same bytes.
  ASSERT_EQ(Run("-S 2 -C 150 -r 0 -e 0 -1 100 -2 100 -d 300 -s 30 --variants calls.vcf "
                "--purity 0.6 --clones 0.5 -t 3 ref.fa t1.fq t2.fq --mutations /dev/null",
                nullptr),
            0);
  EXPECT_TRUE(Read("t1.fq") == Read("r1.fq"));
}

TEST_F(TumourTest, SomaticCopyNumberShapesDepthAndAlleleFractions) {
  // The tumour's cells (purity 0.6) have lost haplotype 2 and doubled haplotype 1 over 20-80 kb
  // (copy-neutral LOH, 2|0), and have 3|1 over 100-160 kb; the normal cells are diploid.
  Write("tumour.bed", "chr1\t20000\t80000\t2\t2|0\nchr1\t100000\t160000\t4\t3|1\n");
  // Every 1 kb a germline het on haplotype 1; every 1 kb in 100-160 kb a clonal somatic one too.
  std::string vcf = kHead;
  for (int i = 1; i < 196; ++i) {
    vcf += Snp(1000 * i, ".", "1|0");
    if (i >= 101 && i < 159)
      vcf += Snp(1000 * i + 500, "SOMATIC", "1|0");
  }
  Write("calls.vcf", vcf);
  ASSERT_EQ(Run("-S 4 -C 120 -r 0 -e 0 -1 100 -2 100 -d 300 -s 30 --variants calls.vcf "
                "--purity 0.6 --somatic-copy-number tumour.bed --vcf truth.vcf --bam a.bam "
                "--copy-number-truth copies.bed ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  // Expected fractions: each haplotype's copies weighted by its cells' share.
  const double loh = (0.4 * 1 + 0.6 * 2) / (0.4 * 2 + 0.6 * 2);     // 0.8
  const double gained = (0.4 * 1 + 0.6 * 3) / (0.4 * 2 + 0.6 * 4);  // 0.6875
  const double somatic = (0.6 * 3) / (0.4 * 2 + 0.6 * 4);           // 0.5625
  const std::string truth = Read("truth.vcf");
  for (const std::string eaf : {"GERMLINE;EAF=0.5\t", "GERMLINE;EAF=0.8\t", "GERMLINE;EAF=0.6875\t",
                                "SOMATIC;CCF=1;EAF=0.5625\t"})
    EXPECT_NE(truth.find(eaf), std::string::npos) << eaf;
  EXPECT_NE(Read("copies.bed")
                .find("#contig\tbegin\tend\tcopies\thaplotypes\tploidy\t"
                      "tumour_copies\ttumour_haplotypes\n"
                      "chr1\t0\t20000\t2\t1|1\t2\t2\t1|1\n"
                      "chr1\t20000\t80000\t2\t1|1\t2\t2\t2|0\n"),
            std::string::npos)
      << Read("copies.bed");
  const auto depth = AlleleDepths("calls.vcf", "a.bam");
  // Per stretch (sites away from the segments' ends): ALT reads, all reads, sites.
  struct Tally {
    int64_t alt = 0, all = 0, sites = 0;
  };
  auto tally = [&](int64_t from, int64_t to, int64_t offset, Tally t = Tally()) {
    for (int64_t pos1 = from + offset; pos1 < to; pos1 += 1000) {
      auto it = depth.find(pos1);
      if (it == depth.end())
        continue;
      t.alt += it->second.first;
      t.all += it->second.second;
      ++t.sites;
    }
    return t;
  };
  const Tally normal = tally(2000, 18000, 0, tally(82000, 98000, 0, tally(162000, 196000, 0)));
  const Tally in_loh = tally(22000, 78000, 0), in_gain = tally(102000, 158000, 0),
              in_gain_somatic = tally(102000, 158000, 500);
  for (auto [t, p, what] : {std::tuple{normal, 0.5, "diploid"},
                            {in_loh, loh, "LOH"},
                            {in_gain, gained, "3|1 germline"},
                            {in_gain_somatic, somatic, "3|1 somatic"}}) {
    ASSERT_GT(t.all, 5000) << what;
    EXPECT_NEAR(static_cast<double>(t.alt) / static_cast<double>(t.all), p,
                5 * std::sqrt(p * (1 - p) / static_cast<double>(t.all)))
        << what;
  }
  // Depth follows the mixture's copies: 3.2 / 2 in the gain, 2 / 2 in the LOH, within 5%.
  auto mean = [](const Tally& t) {
    return static_cast<double>(t.all) / static_cast<double>(t.sites);
  };
  EXPECT_NEAR(mean(in_gain) / mean(normal), 1.6, 0.08);
  EXPECT_NEAR(mean(in_loh) / mean(normal), 1.0, 0.05);
}

// --somatic: the tumour's variants in a VCF of their own (as somatic callers write them, without
// INFO/SOMATIC) are planted as the same records flagged SOMATIC in one VCF would be.
TEST_F(TumourTest, ASomaticVcfBesideTheGermlineOneIsTheSameAsOneVcf) {
  std::string germline = kHead, somatic = kHead, both = kHead;
  for (int i = 1; i < 60; ++i) {
    const std::string g = Snp(1000 * i, ".", i % 2 ? "0|1" : "1/0");
    const std::string ccf = i % 3 ? "." : "CCF=0.5";
    germline += g;
    somatic += Snp(1000 * i + 500, ccf, "0/1");
    both += g + Snp(1000 * i + 500, ccf == "." ? "SOMATIC" : "SOMATIC;" + ccf, "0/1");
  }
  // (A caller's tumour column first; --sample names the germline VCF's.)
  Write("germline.vcf", germline);
  Write("somatic.vcf", somatic);
  Write("both.vcf", both);
  const std::string run =
      "-S 9 -N 20000 -r 0.001 -1 100 -2 100 --purity 0.7 --clones 0.5 --mutations /dev/null ";
  std::string err;
  ASSERT_EQ(Run(run + "--variants germline.vcf --somatic somatic.vcf --vcf t1.vcf ref.fa a1.fq "
                      "a2.fq",
                &err),
            0)
      << err;
  ASSERT_EQ(Run(run + "--variants both.vcf --vcf t2.vcf ref.fa b1.fq b2.fq", nullptr), 0);
  EXPECT_TRUE(Read("a1.fq") == Read("b1.fq"));
  EXPECT_TRUE(Read("a2.fq") == Read("b2.fq"));
  auto records = [&](const std::string& name) {
    const std::string text = Read(name);
    return text.substr(text.find("\n#CHROM"));
  };
  EXPECT_EQ(records("t1.vcf"), records("t2.vcf"));
  EXPECT_NE(records("t1.vcf").find("\tPLANTED;SOMATIC;CCF=0.5;EAF=0.175\tGT\t"), std::string::npos);
  ASSERT_EQ(
      Run(run + "--variants germline.vcf --somatic somatic.vcf -t 3 ref.fa c1.fq c2.fq", nullptr),
      0);
  EXPECT_TRUE(Read("c1.fq") == Read("a1.fq"));
  // What does not fit: each one clear error naming the file.
  const std::string bad = "-S 1 -N 100 ref.fa e1.fq e2.fq ";
  ExpectOneError(bad + "--variants germline.vcf --somatic somatic.vcf",
                 "--somatic needs --purity (the tumour's share of the cells; 1 for tumour cells "
                 "alone)");
  ExpectOneError(bad + "--somatic somatic.vcf --purity 0.5",
                 "--somatic goes with --variants, the germline VCF (a header alone will do for "
                 "none)");
  Write("unsorted.vcf", std::string(kHead) + Snp(5000, ".", "0/1") + Snp(3000, ".", "0/1"));
  ExpectOneError(bad + "--variants germline.vcf --somatic unsorted.vcf --purity 0.5",
                 "unsorted.vcf: line 4: records out of order: chr1:3000 after line 3 (the VCF "
                 "must follow the reference's order: sort it with bcftools sort)");
  ASSERT_EQ(Shell("gzip -c somatic.vcf > somatic.vcf.gz"), 0);
  ExpectOneError(bad + "--variants germline.vcf --somatic somatic.vcf.gz --purity 0.5",
                 "somatic.vcf.gz: compressed: give --somatic the plain VCF (bgzip -dc it first)");
  EXPECT_FALSE(Exists("e1.fq"));
}

TEST_F(TumourTest, PurityOneAndZero) {
  // Purity 0: the normal alone, no somatic allele in any read; purity 1: the tumour alone.
  std::string vcf = kHead;
  for (int i = 1; i < 50; ++i)
    vcf += Snp(1000 * i, "SOMATIC", "1|1");
  Write("calls.vcf", vcf);
  for (const std::string purity : {"0", "1"}) {
    ASSERT_EQ(Run("-S 3 -N 20000 -r 0 -e 0 -1 100 -2 100 --variants calls.vcf --purity " + purity +
                      " --bam a.bam ref.fa r1.fq r2.fq --mutations /dev/null",
                  nullptr),
              0);
    ASSERT_EQ(Shell("samtools faidx ref.fa && bcftools mpileup -f ref.fa -T calls.vcf -a AD -d "
                    "100000 a.bam 2> /dev/null | bcftools query -f '[%AD]\\n' > ad.tsv"),
              0);
    int64_t alt = 0, all = 0;
    std::istringstream in(Read("ad.tsv"));
    for (std::string ad; in >> ad;) {
      const size_t comma = ad.find(',');
      const int64_t a = comma == std::string::npos ? 0 : std::stoll(ad.substr(comma + 1));
      alt += a;
      all += std::stoll(ad.substr(0, comma)) + a;
    }
    ASSERT_GT(all, 500);
    EXPECT_EQ(alt, purity == "0" ? 0 : all) << "purity " << purity;
  }
}

TEST_F(TumourTest, WhatDoesNotFitIsOneClearError) {
  const std::string run = "-S 1 -N 100 ref.fa r1.fq r2.fq ";
  ExpectOneError(run + "--purity 1.5", "--purity must be in [0, 1], got 1.5");
  ExpectOneError(run + "--clones 0.5", "--clones needs --purity (the tumour's share of the cells)");
  ExpectOneError(run + "--purity 0.5 --clones 0.5,0.5",
                 "--clones expects the subclones' cancer cell fractions, each in (0, 1), "
                 "different (1, the clonal tumour, is always one)");
  ExpectOneError(run + "--purity 0.5 --ploidy 4 --clones 0.5,0.2,0.1",
                 "--clones: ploidy 4 with 3 subclones needs 20 haplotypes (normal, tumour, each "
                 "subclone); readforge spells up to 16");
  Write("tumour.bed", "chr1\t100\t900\t3\n");
  ExpectOneError(run + "--somatic-copy-number tumour.bed",
                 "--somatic-copy-number needs --purity (the tumour's share of the cells; 1 for "
                 "tumour cells alone)");
  Write("bad.bed", "chr1\t100\t900000\t3\n");
  ExpectOneError(run + "--purity 0.5 --somatic-copy-number bad.bed",
                 "bad.bed line 1: ends at 900000, past the end of chr1 (length 200000)");
  Write("somatic.vcf", std::string(kHead) + Snp(5000, "SOMATIC;CCF=0.3", "0|1"));
  ExpectOneError(run + "--variants somatic.vcf",
                 "somatic.vcf: line 3: a somatic record (INFO/SOMATIC) in a run without --purity: "
                 "give the tumour's purity (1 for tumour cells alone)");
  ExpectOneError(run + "--variants somatic.vcf --purity 0.7 --clones 0.5",
                 "somatic.vcf: line 3: CCF 0.3 is not a clone's (--clones gives 1, 0.5): add it "
                 "to --clones");
  Write("ccf.vcf", std::string(kHead) + Snp(5000, "CCF=0.3", "0|1"));
  ExpectOneError(run + "--variants ccf.vcf --purity 0.7",
                 "ccf.vcf: line 3: INFO/CCF belongs to a somatic record: flag it INFO/SOMATIC");
  EXPECT_FALSE(Exists("r1.fq"));
}

}  // namespace
}  // namespace readforge
