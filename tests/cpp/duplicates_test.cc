// PCR duplicates (--duplicates) and UMIs (--umi), checked as users check them: bwa mem, then
// samtools fixmate and markdup find the requested duplicate fraction, and with Illumina-style
// names (--read-names illumina) its optical share; with the UMIs copied into
// the alignments (bwa mem -C) and markdup --barcode-tag RX, the number of unique molecules
// simulated, at a depth where many fragments share their ends by chance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "sandbox.h"

namespace readforge {
namespace {

class DuplicatesTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell("cp " + std::string(READFORGE_SOURCE_DIR) +
                    "/public/refs/MT-human.fa ref.fa && bwa index ref.fa 2> /dev/null"),
              0);
  }

  // Pairs samtools markdup marks as duplicates in bwa mem's alignments of r1.fq, r2.fq.
  int64_t MarkdupPairs(const std::string& markdup_flags) {
    const int status = Shell(
        "bwa mem -t 2 -C ref.fa r1.fq r2.fq 2> /dev/null | samtools sort -n -o n.bam - && "
        "samtools fixmate -m n.bam f.bam && samtools sort -o s.bam f.bam && "
        "samtools markdup -s " +
        markdup_flags + " s.bam m.bam 2> markdup.txt");
    EXPECT_EQ(status, 0) << Read("markdup.txt");
    std::smatch m;
    const std::string report = Read("markdup.txt");
    if (!std::regex_search(report, m, std::regex(R"(DUPLICATE PAIR: (\d+))")))
      return -1;
    return std::stoll(m[1]) / 2;  // markdup counts reads
  }

  // Pairs the golden BAM flags as duplicates (0x400).
  int64_t GoldenDuplicatePairs() {
    EXPECT_EQ(Shell("samtools view -c -f 0x400 golden.bam > count.txt"), 0);
    return std::stoll(Read("count.txt")) / 2;
  }
};

TEST_F(DuplicatesTest, MarkdupFindsTheRequestedFraction) {
  ASSERT_EQ(Run("-q -S 1 -N 20000 -1 100 -2 100 --duplicates 0.2 --bam golden.bam ref.fa r1.fq "
                "r2.fq")
                .status,
            0);
  const int64_t simulated = GoldenDuplicatePairs();
  const int64_t found = MarkdupPairs("");
  std::printf("duplicate pairs: requested 4000, simulated %lld, markdup %lld\n",
              static_cast<long long>(simulated), static_cast<long long>(found));
  EXPECT_NEAR(static_cast<double>(simulated), 4000, 4000 * 0.05);
  EXPECT_NEAR(static_cast<double>(found), 4000, 4000 * 0.10);
}

TEST_F(DuplicatesTest, UmisSeparateMoleculesThatShareTheirEnds) {
  // -s 0: every fragment 300 bases, so pairs on the same strand at the same start share both
  // ends: on 16.6 kb, 20,000 pairs hold thousands of such chance duplicates.
  ASSERT_EQ(Run("-q -S 2 -N 20000 -1 100 -2 100 -d 300 -s 0 -e 0.005 --duplicates 0.3 --umi 10 "
                "--bam golden.bam ref.fa r1.fq r2.fq")
                .status,
            0);
  EXPECT_NE(Read("r1.fq").find("/1 RX:Z:"), std::string::npos);
  const int64_t molecules = 20000 - GoldenDuplicatePairs();
  const int64_t without_umis = 20000 - MarkdupPairs("");
  const int64_t with_umis = 20000 - MarkdupPairs("--barcode-tag RX");
  std::printf("unique molecules: simulated %lld, markdup %lld without UMIs, %lld with\n",
              static_cast<long long>(molecules), static_cast<long long>(without_umis),
              static_cast<long long>(with_umis));
  EXPECT_NEAR(static_cast<double>(with_umis), static_cast<double>(molecules), molecules * 0.05);
  // Without the UMIs, chance duplicates are taken for PCR's: far fewer molecules.
  EXPECT_LT(without_umis, molecules * 0.8);
}

TEST_F(DuplicatesTest, UmisChangeNoReadAndCopiesShareTheirMolecule) {
  ASSERT_EQ(Run("-q -S 3 -N 3000 ref.fa a1.fq a2.fq").status, 0);
  ASSERT_EQ(Run("-q -S 3 -N 3000 --umi 12 ref.fa b1.fq b2.fq").status, 0);
  ASSERT_EQ(Run("-q -S 3 -N 3000 --umi 12 -e 0 --duplicates 0.5 ref.fa c1.fq c2.fq").status, 0);
  // The UMIs come from a stream of their own: without the comments, the same bytes.
  ASSERT_EQ(Shell("sed 's/ RX:Z:[ACGT]*$//' b2.fq > stripped.fq"), 0);
  EXPECT_TRUE(Read("stripped.fq") == Read("a2.fq"));
  EXPECT_NE(Read("b2.fq"), Read("a2.fq"));
  // Nor do they change which pairs are copies.
  ASSERT_EQ(Run("-q -S 3 -N 3000 -e 0 --duplicates 0.5 ref.fa d1.fq d2.fq").status, 0);
  ASSERT_EQ(Shell("sed 's/ RX:Z:[ACGT]*$//' c1.fq > stripped.fq"), 0);
  EXPECT_TRUE(Read("stripped.fq") == Read("d1.fq"));
  // With -e 0 every copy of a molecule carries its UMI exactly: a UMI names one fragment.
  std::istringstream in(Read("c1.fq"));
  std::map<std::string, std::string> fragment_of_umi;
  std::string line;
  const std::regex name(R"(^@(\S+)_(\d+)_(\d+)_\S+/1 RX:Z:([ACGT]{12})$)");
  int64_t copies = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, name))
      continue;
    const std::string fragment = m[2].str() + "-" + m[3].str();
    auto [it, added] = fragment_of_umi.emplace(m[4], fragment);
    if (!added) {
      ++copies;
      EXPECT_EQ(it->second, fragment) << line;
    }
  }
  EXPECT_NEAR(static_cast<double>(copies), 1500, 150);
}

TEST_F(DuplicatesTest, OpticalDuplicatesLieBesideTheirMoleculeOnTheFlowCell) {
  // (--optical-duplicates implies --read-names illumina.)
  ASSERT_EQ(Run("-q -S 4 -N 20000 -1 100 -2 100 --duplicates 0.1 --optical-duplicates 0.05 "
                "--bam golden.bam ref.fa r1.fq r2.fq")
                .status,
            0);
  // Illumina's name form, unique names.
  ASSERT_EQ(Shell("grep -c '^@readforge:1:RFSIM:1:[12][12][0-6][0-9]:[0-9]*:[0-9]*/1$' r1.fq > "
                  "named.txt && awk 'NR % 4 == 1' r1.fq | sort | uniq -d | wc -l > repeated.txt"),
            0);
  EXPECT_EQ(Read("named.txt"), "20000\n");
  EXPECT_EQ(Read("repeated.txt"), "0\n");
  // The golden BAM says which copies are optical (dt:Z:SQ) and which PCR's (dt:Z:LB).
  ASSERT_EQ(Shell("samtools view golden.bam | grep -c 'dt:Z:SQ' > sq.txt && samtools view "
                  "golden.bam | grep -c 'dt:Z:LB' > lb.txt"),
            0);
  const int64_t optical = std::stoll(Read("sq.txt")) / 2;
  const int64_t pcr = std::stoll(Read("lb.txt")) / 2;
  const int64_t found = MarkdupPairs("-d 100");
  std::smatch m;
  const std::string report = Read("markdup.txt");
  ASSERT_TRUE(std::regex_search(report, m, std::regex(R"(DUPLICATE PAIR OPTICAL: (\d+))")));
  const int64_t found_optical = std::stoll(m[1]) / 2;
  std::printf(
      "pairs: %lld optical and %lld PCR copies simulated; markdup -d 100 finds %lld "
      "duplicates, %lld optical\n",
      static_cast<long long>(optical), static_cast<long long>(pcr), static_cast<long long>(found),
      static_cast<long long>(found_optical));
  EXPECT_NEAR(static_cast<double>(optical), 1000, 100);
  EXPECT_NEAR(static_cast<double>(found), static_cast<double>(optical + pcr),
              (optical + pcr) * 0.10);
  EXPECT_NEAR(static_cast<double>(found_optical), static_cast<double>(optical), optical * 0.10);
  // readforge eval matches reads by wgsim's names: it says so.
  testing::CliResult eval = Run("eval golden.bam");
  EXPECT_EQ(eval.status, 1);
  EXPECT_NE(eval.err.find("has an Illumina-style name (--read-names illumina)"), std::string::npos)
      << eval.err;
}

TEST_F(DuplicatesTest, InlineUmisAreReadOnesFirstCyclesSoftClippedInTheBam) {
  // -e 0: every copy's read 1 starts with its molecule's UMI exactly.
  ASSERT_EQ(Run("-q -S 6 -N 4000 -1 100 -2 100 -e 0 -r 0 --duplicates 0.3 --umi 8 --umi-inline "
                "--bam golden.bam ref.fa r1.fq r2.fq")
                .status,
            0);
  const std::string r1 = Read("r1.fq");
  EXPECT_EQ(r1.find(" RX:Z:"), std::string::npos);  // no comment: the UMI is in the read
  // The golden BAM: read 1's first 8 cycles soft-clipped at its 5' end, RX the same bases.
  ASSERT_EQ(Shell("samtools calmd golden.bam ref.fa > /dev/null 2> calmd.txt"), 0);
  EXPECT_EQ(Read("calmd.txt"), "");
  ASSERT_EQ(Shell("samtools view -f 0x40 golden.bam > read1.sam"), 0);
  std::istringstream sam(Read("read1.sam"));
  std::string line;
  int64_t records = 0;
  while (std::getline(sam, line)) {
    const std::vector<std::string> f = testing::TabFields(line);
    ++records;
    const bool reverse = std::stoi(f[1]) & 0x10;
    const std::string rx = line.substr(line.find("RX:Z:") + 5, 8);
    ASSERT_EQ(f[5], reverse ? "92M8S" : "8S92M") << line;
    // SEQ is reverse-complemented for 0x10: the UMI is then at its end.
    std::string first = reverse ? f[9].substr(92) : f[9].substr(0, 8);
    if (reverse) {
      std::reverse(first.begin(), first.end());
      for (char& c : first)
        c = c == 'A' ? 'T' : c == 'C' ? 'G' : c == 'G' ? 'C' : 'A';
    }
    EXPECT_EQ(first, rx) << line;
  }
  EXPECT_EQ(records, 4000);
  // Read 2 is as without --umi-inline, but for the name's counts (read 1 holds fewer genome
  // bases): the same bases.
  ASSERT_EQ(
      Run("-q -S 6 -N 4000 -1 100 -2 100 -e 0 -r 0 --duplicates 0.3 --umi 8 ref.fa c1.fq c2.fq")
          .status,
      0);
  ASSERT_EQ(Shell("awk 'NR % 4 == 2' r2.fq > a.txt && awk 'NR % 4 == 2' c2.fq > b.txt"), 0);
  EXPECT_TRUE(Read("a.txt") == Read("b.txt"));
}

TEST_F(DuplicatesTest, DualUmisOnePerMate) {
  // In the comment: RX:Z:UMI1-UMI2 on both mates (SAM's form for several UMIs).
  ASSERT_EQ(Run("-q -S 7 -N 500 --umi 6,4 ref.fa c1.fq c2.fq").status, 0);
  ASSERT_EQ(Shell("grep -c '/1 RX:Z:[ACGT]\\{6\\}-[ACGT]\\{4\\}$' c1.fq > n1.txt && "
                  "grep -c '/2 RX:Z:[ACGT]\\{6\\}-[ACGT]\\{4\\}$' c2.fq > n2.txt"),
            0);
  EXPECT_EQ(Read("n1.txt"), "500\n");
  EXPECT_EQ(Read("n2.txt"), "500\n");
  // Inline: each mate starts with its own; the golden BAM soft-clips both at their 5' ends.
  ASSERT_EQ(Run("-q -S 7 -N 500 -r 0 --umi 6,4 --umi-inline --bam g.bam ref.fa i1.fq i2.fq").status,
            0);
  ASSERT_EQ(Shell("samtools calmd g.bam ref.fa > /dev/null 2> calmd.txt"), 0);
  EXPECT_EQ(Read("calmd.txt"), "");
  ASSERT_EQ(Shell("samtools view g.bam | cut -f 2,6 | sort | uniq -c | awk '{print $2, $3}' | "
                  "sort > cigars.txt"),
            0);
  // Read 1 (0x40) clips 6, read 2 (0x80) clips 4; at the CIGAR's start forward, end reverse.
  EXPECT_EQ(Read("cigars.txt"), "147 66M4S\n163 4S66M\n83 64M6S\n99 6S64M\n");
  ASSERT_EQ(Shell("samtools view g.bam | grep -c 'RX:Z:[ACGT]\\{6\\}-[ACGT]\\{4\\}' > rx.txt"), 0);
  EXPECT_EQ(Read("rx.txt"), "1000\n");
  ExpectOneError("-N 10 -2 0 --umi 8,8 ref.fa a.fq",
                 "--umi LEN1,LEN2 gives read 2 a UMI: it needs paired reads");
}

TEST_F(DuplicatesTest, BadRatesAndLengthsAreOneClearError) {
  const std::pair<std::string, std::string> cases[] = {
      {"--duplicates 1", "--duplicates must be in [0, 0.99], got 1"},
      {"--duplicates -0.1", "--duplicates must be in [0, 0.99], got -0.1"},
      {"--umi 65", "--umi must be in [0, 64], got 65"},
      {"--umi 8x", "--umi expects LEN or LEN1,LEN2 (bases), got '8x'"},
      {"--umi 8,65", "--umi (read 2's) must be in [0, 64], got 65"},
      {"--read-names illumina --duplicates 0.6 --optical-duplicates 0.5",
       "--duplicates and --optical-duplicates must add up to at most 0.99"},
      {"--read-names casava", "--read-names must be wgsim or illumina, got 'casava'"},
      {"-1 40 --umi 40 --umi-inline",
       "--umi-inline reads the UMI as read 1's first cycles: --umi 40 must be shorter than read 1 "
       "(40)"},
  };
  for (const auto& [args, message] : cases)
    ExpectOneError("-N 10 " + args + " ref.fa a b", message);
}

}  // namespace
}  // namespace readforge
