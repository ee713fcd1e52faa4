// Copy number (--copy-number): fragment starts follow the segments' copies (CN 3 gives 1.5x the
// diploid baseline's pairs, CN 4 as 1|3 twice, CN 0 none, -C counts coverage of the baseline),
// a segment's haplotypes give reads by their copies (0|1: every read carries the second
// haplotype's alleles), threads give the same bytes, and bad segments are one clear error. A
// VCF's <CNV> records give the same segments.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "sandbox.h"

namespace readforge {
namespace {

using testing::TabFields;

class CopyNumberTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Write("ref.fa", testing::RandomFasta({{"chr1", 200000}, {"chr2", 100000}}, 41));
    Write("cn.bed",
          "track name=copies\n"
          "chr1\t20000\t60000\t3\n"
          "chr1\t80000\t120000\t0\n"
          "chr1\t140000\t180000\t4\t1|3\n"
          "chr2\t10000\t50000\t1\t0|1\n");
  }

  // Fragment starts (0-based) per contig, from read 1's names.
  std::map<std::string, std::vector<int64_t>> Starts(const std::string& fastq) const {
    std::map<std::string, std::vector<int64_t>> out;
    for (const testing::FastqRecord& r : testing::ParseFastq(Read(fastq))) {
      testing::ReadName name;
      EXPECT_TRUE(testing::ParseReadName(r.name, &name));
      out[name.contig].push_back(name.left - 1);
    }
    return out;
  }

  // Pairs starting in [begin, end) per base.
  static double Density(const std::vector<int64_t>& starts, int64_t begin, int64_t end) {
    int64_t n = 0;
    for (int64_t s : starts)
      n += s >= begin && s < end;
    return static_cast<double>(n) / static_cast<double>(end - begin);
  }
};

TEST_F(CopyNumberTest, PairsFollowTheCopies) {
  ASSERT_EQ(Run("-S 3 -N 300000 -r 0 -1 100 -2 100 -d 300 -s 20 --copy-number cn.bed ref.fa "
                "r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  auto starts = Starts("r1.fq");
  // The baseline: chr1 [60000, 80000) and [180000, 199700), chr2 [50000, 99700).
  const double base =
      (Density(starts["chr1"], 60000, 80000) + Density(starts["chr1"], 180000, 199700) +
       Density(starts["chr2"], 50000, 99700)) /
      3;
  EXPECT_NEAR(Density(starts["chr1"], 20000, 60000) / base, 1.5, 0.05 * 1.5);
  EXPECT_EQ(Density(starts["chr1"], 80000, 120000), 0);
  EXPECT_NEAR(Density(starts["chr1"], 140000, 180000) / base, 2.0, 0.05 * 2.0);
  EXPECT_NEAR(Density(starts["chr2"], 10000, 50000) / base, 0.5, 0.05 * 0.5);
  // The same run on three threads: the same bytes.
  ASSERT_EQ(Run("-S 3 -N 300000 -r 0 -1 100 -2 100 -d 300 -s 20 --copy-number cn.bed -t 3 "
                "ref.fa t1.fq t2.fq --mutations /dev/null",
                nullptr),
            0);
  EXPECT_TRUE(Read("r1.fq") == Read("t1.fq"));
}

TEST_F(CopyNumberTest, DepthAfterBwaFollowsTheCopies) {
  // As users check it: bwa mem, then samtools depth over each segment's interior (away from its
  // ends, where fragments from a neighbour reach in).
  ASSERT_EQ(Run("-S 6 -N 120000 -1 100 -2 100 -d 300 -s 20 --copy-number cn.bed ref.fa r1.fq "
                "r2.fq --mutations /dev/null",
                nullptr),
            0);
  ASSERT_EQ(Shell("bwa index ref.fa 2> /dev/null && bwa mem -t 2 ref.fa r1.fq r2.fq 2> /dev/null "
                  "| samtools sort -o a.bam - 2> /dev/null && samtools index a.bam"),
            0);
  const double base = MeanDepth("a.bam", "chr2:51001-99000");
  EXPECT_NEAR(base, 80, 8);  // 120,000 pairs of 200 bases over 300 kb (as weighted): 80x
  EXPECT_NEAR(MeanDepth("a.bam", "chr1:21001-59000") / base, 1.5, 0.05 * 1.5);
  EXPECT_NEAR(MeanDepth("a.bam", "chr1:141001-179000") / base, 2.0, 0.05 * 2.0);
  EXPECT_NEAR(MeanDepth("a.bam", "chr2:11001-49000") / base, 0.5, 0.05 * 0.5);
  EXPECT_EQ(MeanDepth("a.bam", "chr1:81001-119000"), 0);
}

TEST_F(CopyNumberTest, CoverageIsTheBaselines) {
  ASSERT_EQ(Run("-S 4 -C 20 -r 0 -1 100 -2 100 -d 300 -s 20 --copy-number cn.bed ref.fa r1.fq "
                "r2.fq --mutations /dev/null",
                nullptr),
            0);
  auto starts = Starts("r1.fq");
  // 20x of 200-base pairs: 0.1 pairs per base at the baseline, 0.15 at CN 3.
  EXPECT_NEAR(Density(starts["chr2"], 50000, 99700), 0.1, 0.005);
  EXPECT_NEAR(Density(starts["chr1"], 20000, 60000), 0.15, 0.0075);
  EXPECT_EQ(Density(starts["chr1"], 80000, 120000), 0);
}

TEST_F(CopyNumberTest, ASegmentsHaplotypesGiveReadsByTheirCopies) {
  // chr2 [10000, 50000) is 0|1: reads wholly inside it carry the second haplotype's alleles
  // and never the first's (-e 0, SNPs only).
  ASSERT_EQ(Run("-S 5 -N 40000 -r 0.01 -R 0 -e 0 -1 100 -2 100 -d 300 -s 20 --copy-number "
                "cn.bed --vcf truth.vcf ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  std::map<int64_t, std::pair<char, std::string>> snps;  // 0-based position: alt, genotype
  std::istringstream vcf(Read("truth.vcf"));
  std::string line;
  while (std::getline(vcf, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    const std::vector<std::string> f = TabFields(line);
    if (f[0] == "chr2" && f[3].size() == 1 && f[4].size() == 1)
      snps[std::stoll(f[1]) - 1] = {f[4][0], f[9]};
  }
  ASSERT_GT(snps.size(), 200u);
  std::string chr2;
  std::istringstream fasta(Read("ref.fa").substr(Read("ref.fa").find(">chr2")));
  std::getline(fasta, line);
  while (std::getline(fasta, line))
    chr2 += line;
  int64_t second = 0;
  for (const testing::FastqRecord& r : testing::ParseFastq(Read("r1.fq"))) {
    testing::ReadName name;
    ASSERT_TRUE(testing::ParseReadName(r.name, &name));
    const int64_t left = name.left - 1;
    // Read 1 when it reads forward from the fragment's left end (a few SNPs from the reference).
    if (name.contig != "chr2" || left < 10000 || name.right > 50000)
      continue;
    int mismatches = 0;
    for (size_t i = 0; i < 100; ++i)
      mismatches += r.bases[i] != chr2[static_cast<size_t>(left) + i];
    if (mismatches > 10)
      continue;
    for (auto it = snps.lower_bound(left); it != snps.end() && it->first < left + 100; ++it) {
      const char base = r.bases[static_cast<size_t>(it->first - left)];
      const std::string& gt = it->second.second;
      if (gt == "1|0")
        EXPECT_NE(base, it->second.first) << r.name << " carries the first haplotype's allele";
      if (gt == "0|1" && base == it->second.first)
        ++second;
    }
  }
  EXPECT_GT(second, 100);
}

// A VCF's <CNV> records are segments as a BED's are: the same reads from cn.bed and from the
// VCF that says the same (FORMAT/CN, HCN, END or SVLEN), and the VCF planted with them lists
// them in the truth.
TEST_F(CopyNumberTest, CnvRecordsOfAVcfAreItsSegments) {
  const std::string chr1 = testing::SequenceOf(Read("ref.fa"), "chr1");
  const std::string chr2 = testing::SequenceOf(Read("ref.fa"), "chr2");
  auto base = [](const std::string& bases, int64_t pos1) {
    return std::string(1, bases[static_cast<size_t>(pos1 - 1)]);
  };
  const std::string snv_alt = base(chr1, 30500) == "A" ? "C" : "A";
  Write("cnv.vcf",
        "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n"
        "chr1\t20000\t.\t" +
            base(chr1, 20000) +
            "\t<CNV>\t.\tPASS\tSVTYPE=CNV;END=60000\tGT:CN\t./.:3\n"
            "chr1\t30500\t.\t" +
            base(chr1, 30500) + "\t" + snv_alt +
            "\t.\tPASS\t.\tGT\t1|1\n"
            "chr1\t80000\t.\t" +
            base(chr1, 80000) +
            "\t<CNV>\t.\tPASS\tEND=120000\tCN\t0\n"
            "chr1\t140000\t.\t" +
            base(chr1, 140000) +
            "\t<CNV>\t.\tPASS\tEND=180000\tCN:HCN\t4:1|3\n"
            "chr2\t10000\t.\t" +
            base(chr2, 10000) + "\t<CNV>\t.\tPASS\tSVLEN=40000\tHCN\t0|1\n");
  const std::string run = "-S 8 -N 20000 -r 0.001 -1 100 -2 100 -d 300 -s 20 ref.fa ";
  ASSERT_EQ(Run(run + "b1.fq b2.fq --copy-number cn.bed > /dev/null", nullptr), 0);
  ASSERT_EQ(Run(run + "v1.fq v2.fq --copy-number cnv.vcf > /dev/null", nullptr), 0);
  EXPECT_TRUE(Read("b1.fq") == Read("v1.fq"));
  EXPECT_TRUE(Read("b2.fq") == Read("v2.fq"));
  // Planted from the same VCF: the SNV in the reads' truth, the <CNV> records listed as given.
  std::string err;
  ASSERT_EQ(Run(run + "p1.fq p2.fq --variants cnv.vcf --copy-number cnv.vcf --vcf truth.vcf "
                      "--mutations /dev/null",
                &err),
            0)
      << err;
  const std::string truth = Read("truth.vcf");
  EXPECT_NE(truth.find("chr1\t20000\t.\t" + base(chr1, 20000) +
                       "\t<CNV>\t.\tPASS\tPLANTED;SVTYPE=CNV;END=60000;CN=3\tGT\t.\n"),
            std::string::npos)
      << truth;
  EXPECT_NE(truth.find("chr2\t10000\t.\t" + base(chr2, 10000) +
                       "\t<CNV>\t.\tPASS\tPLANTED;SVTYPE=CNV;END=50000;CN=1\tGT\t.\n"),
            std::string::npos);
  EXPECT_NE(truth.find("chr1\t30500\t.\t" + base(chr1, 30500) + "\t" + snv_alt +
                       "\t.\tPASS\tPLANTED\tGT\t1|1\n"),
            std::string::npos);
  EXPECT_NE(truth.find("##ALT=<ID=CNV,"), std::string::npos);
  // The starts follow the copies as the BED's do: CN 3 over CN 2, none in CN 0.
  std::map<std::string, std::vector<int64_t>> starts = Starts("p1.fq");
  const double baseline = Density(starts["chr1"], 185000, 199000);
  EXPECT_NEAR(Density(starts["chr1"], 21000, 59000) / baseline, 1.5, 0.1);
  EXPECT_EQ(Density(starts["chr1"], 81000, 119000), 0);
  // A <CNV> the planter has no copies for, one without copies, and a compressed file: errors.
  ExpectOneError(run + "e1.fq e2.fq --variants cnv.vcf",
                 "cnv.vcf: line 3: a <CNV> record --copy-number has not read: give this VCF to "
                 "--copy-number too (copies shape the plan, which is made before the VCF is read)");
  Write("bare.vcf",
        "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n"
        "chr1\t500\t.\tA\t<CNV>\t.\tPASS\tEND=900\tGT\t0/1\n");
  ExpectOneError(run + "e1.fq e2.fq --copy-number bare.vcf",
                 "bare.vcf: copy-number VCF line 3: a <CNV> record needs its copies: FORMAT/CN, "
                 "or HCN (1|2)");
  ASSERT_EQ(Shell("gzip -c cnv.vcf > cnv.vcf.gz"), 0);
  ExpectOneError(run + "e1.fq e2.fq --copy-number cnv.vcf.gz",
                 "cnv.vcf.gz: compressed: give the plain BED or VCF (bgzip -dc it first)");
  EXPECT_FALSE(Exists("e1.fq"));
}

TEST_F(CopyNumberTest, BadSegmentsAreOneClearErrorAndNothingIsWritten) {
  const std::string run = "-S 1 -N 100 ref.fa r1.fq r2.fq --copy-number ";
  Write("negative.bed", "chr1\t100\t200\t-1\n");
  ExpectOneError(run + "negative.bed",
                 "negative.bed: copy-number BED line 1: the copy number must be from 0 to 64, "
                 "got -1");
  Write("overlap.bed", "chr1\t100\t200\t3\nchr2\t0\t50\t1\nchr1\t150\t300\t1\n");
  ExpectOneError(run + "overlap.bed", "overlap.bed: copy-number BED lines 1 and 3 overlap on chr1");
  Write("past.bed", "chr2\t99000\t100001\t3\n");
  ExpectOneError(run + "past.bed",
                 "past.bed line 1: ends at 100001, past the end of chr2 (length 100000)");
  Write("unknown.bed", "chrM\t0\t10\t3\n");
  ExpectOneError(run + "unknown.bed",
                 "unknown.bed line 1: unknown contig 'chrM' (known: chr1, chr2)");
  Write("split.bed", "chr1\t0\t10\t3\t1|1\n");
  ExpectOneError(run + "split.bed",
                 "split.bed: copy-number BED line 1: the copies per haplotype (1|1) add up to 2, "
                 "not 3");
  Write("haploid.bed", "chr1\t0\t10\t3\t1|2\n");
  ExpectOneError(run + "haploid.bed -h",
                 "haploid.bed line 1: gives copies for 2 haplotypes where the ploidy is 1 (-h): "
                 "give one count per "
                 "haplotype, or the total alone");
  Write("panel.bed", "chr1\t1000\t1400\n");
  ExpectOneError(run + "cn.bed --amplicons panel.bed",
                 "--amplicons and --copy-number do not combine (weight the amplicons in the "
                 "BED's column 5 instead)");
  EXPECT_FALSE(Exists("r1.fq"));
}

TEST_F(CopyNumberTest, TheTruthBedCoversEveryContigWithItsCopiesAndPloidy) {
  // Two segments on chr1, and chr2 haploid past its first 10 kb with a gain to 2 copies in it.
  Write("cn2.bed", "chr1\t20000\t60000\t3\nchr1\t140000\t180000\t4\t1|3\nchr2\t30000\t40000\t2\n");
  ASSERT_EQ(Run("-S 1 -N 1000 --copy-number cn2.bed --ploidy-override chr2:10001-100000=1 "
                "--copy-number-truth truth.bed ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  EXPECT_EQ(Read("truth.bed"),
            "#contig\tbegin\tend\tcopies\thaplotypes\tploidy\n"
            "chr1\t0\t20000\t2\t1|1\t2\n"
            "chr1\t20000\t60000\t3\t1|2\t2\n"
            "chr1\t60000\t140000\t2\t1|1\t2\n"
            "chr1\t140000\t180000\t4\t1|3\t2\n"
            "chr1\t180000\t200000\t2\t1|1\t2\n"
            "chr2\t0\t10000\t2\t1|1\t2\n"
            "chr2\t10000\t30000\t1\t1\t1\n"
            "chr2\t30000\t40000\t2\t2\t1\n"
            "chr2\t40000\t100000\t1\t1\t1\n");
  // And it is what the reads show: chr2's haploid stretch gets half the pairs per base of
  // chr1's diploid baseline (the truth's copies, 1 against 2).
  ASSERT_EQ(Run("-S 1 -N 200000 -r 0 --copy-number cn2.bed --ploidy-override "
                "chr2:10001-100000=1 ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  auto starts = Starts("r1.fq");
  const double diploid = Density(starts["chr1"], 60000, 139700);
  EXPECT_NEAR(Density(starts["chr2"], 41000, 99700) / diploid, 0.5, 0.05 * 0.5);
  EXPECT_NEAR(Density(starts["chr2"], 31000, 39000) / diploid, 1.0, 0.05);
}

}  // namespace
}  // namespace readforge
