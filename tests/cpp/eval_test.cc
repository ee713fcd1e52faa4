// `readforge eval` against what users run: wgsim_eval.pl alneval on bwa mem's output of the same
// reads gives the same lines (defaults, and -a), from SAM, BAM and bgzipped SAM; the golden BAM
// agrees with itself in full; and bad input is one clear line.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sandbox.h"

namespace readforge {
namespace {

class EvalTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell("gzip -dc " + std::string(READFORGE_SOURCE_DIR) +
                    "/public/refs/ecoli-536.fa.gz > ref.fa && samtools faidx ref.fa"),
              0);
  }

  // 20,000 pairs with their golden BAM, aligned by bwa mem (SAM and BAM).
  void SimulateAndAlign() {
    ASSERT_EQ(Run("-N 20000 -1 150 -2 150 -S 5 -r 0.002 -R 0.3 --bam golden.bam ref.fa r1.fq "
                  "r2.fq")
                  .status,
              0);
    ASSERT_EQ(Shell("bwa index ref.fa 2> /dev/null && bwa mem -t 2 ref.fa r1.fq r2.fq 2> /dev/null "
                    "> bwa.sam && samtools view -b -o bwa.bam bwa.sam && bgzip -c bwa.sam > "
                    "bwa.sam.gz"),
              0);
  }
};

TEST_F(EvalTest, CountsAsWgsimEvalDoesOnBwaOutput) {
  SimulateAndAlign();
  for (const std::string flags : {"", "-a ", "-g 0 ", "-a -g 20 "}) {
    ASSERT_EQ(Shell("wgsim_eval.pl alneval " + flags + "bwa.sam > alneval.txt 2> /dev/null"), 0);
    const std::string expected = Read("alneval.txt");
    ASSERT_GT(expected.size(), 40u) << flags;
    for (const char* input : {"bwa.sam", "bwa.bam", "bwa.sam.gz"}) {
      testing::CliResult r = Run("eval -q " + flags + input);
      ASSERT_EQ(r.status, 0) << r.err;
      EXPECT_EQ(r.out, expected) << flags << input;
    }
  }
  // From standard input, and to a file.
  ASSERT_EQ(Run("eval -q -o report.txt - < bwa.bam").status, 0);
  ASSERT_EQ(Shell("wgsim_eval.pl alneval bwa.sam > alneval.txt 2> /dev/null"), 0);
  EXPECT_EQ(Read("report.txt"), Read("alneval.txt"));
}

TEST_F(EvalTest, AgainstTheTruth) {
  SimulateAndAlign();
  // The golden BAM against itself: every read where it is, with its CIGAR.
  testing::CliResult self = Run("eval -q --json --truth golden.bam golden.bam");
  ASSERT_EQ(self.status, 0) << self.err;
  EXPECT_NE(self.out.find("\"truth\":{\"reads\":40000,\"primary\":40000,\"exactPosition\":40000,"
                          "\"exactCigar\":40000,\"withinSoftClips\":40000,\"wrong\":0,"
                          "\"unmapped\":0,\"missing\":0}"),
            std::string::npos)
      << self.out;
  // bwa: nearly all at their true place; its CIGARs differ where it aligns an indel otherwise.
  testing::CliResult bwa = Run("eval -q --truth golden.bam bwa.bam");
  ASSERT_EQ(bwa.status, 0) << bwa.err;
  const size_t row = bwa.out.find("# reads in the truth ");
  ASSERT_NE(row, std::string::npos) << bwa.out;
  EXPECT_EQ(bwa.out.substr(row + 42, 24), "        40000  100.000%\n") << bwa.out;
  testing::CliResult json = Run("eval -q --json --truth golden.bam bwa.sam");
  ASSERT_EQ(json.status, 0);
  const auto count = [&](const std::string& key) {
    const size_t at = json.out.find("\"" + key + "\":");
    return at == std::string::npos ? -1 : std::stoll(json.out.substr(at + key.size() + 3));
  };
  EXPECT_EQ(count("primary"), 40000);
  EXPECT_GT(count("exactPosition"), 39000);
  EXPECT_LE(count("exactCigar"), count("exactPosition"));
  EXPECT_GE(count("withinSoftClips"), count("exactPosition") - 100);
  EXPECT_EQ(count("missing"), 0);
}

TEST_F(EvalTest, BadInputIsOneClearLine) {
  SimulateAndAlign();
  Write("foreign.sam", "@HD\tVN:1.6\nread1\t0\tchr1\t100\t60\t10M\t*\t0\t0\tACGTACGTAC\t*\n");
  ASSERT_EQ(Shell("head -c 300000 bwa.bam > truncated.bam && head -c 30000 bwa.sam > cut.sam && "
                  "gzip -c bwa.sam > plain.sam.gz && : > empty.sam"),
            0);
  // Bytes changed in the middle of the BAM: the block's CRC says so.
  std::string corrupt = Read("bwa.bam");
  for (size_t i = 200000; i < 200040; ++i)
    corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
  Write("corrupt.bam", corrupt);
  // Another reference: one base changed, so another MD5 in the truth's header.
  ASSERT_EQ(Shell("sed '2s/^./N/' ref.fa > other.fa && samtools faidx other.fa"), 0);
  ASSERT_EQ(Run("-N 100 -S 1 --bam other.bam other.fa o1.fq o2.fq").status, 0);
  // Another run's reads against this run's truth.
  ASSERT_EQ(Run("-N 100 -S 2 --bam run2.bam ref.fa o1.fq o2.fq").status, 0);
  const std::pair<std::string, std::string> cases[] = {
      {"eval foreign.sam",
       "foreign.sam: read 'read1' (record 1) is not named as readforge and wgsim name reads "
       "(<contig>_<left>_<right>_...): were these reads simulated?"},
      {"eval truncated.bam", "truncated.bam: truncated: the BGZF block at byte"},
      {"eval corrupt.bam", "corrupt.bam: corrupt gzip data"},
      {"eval cut.sam", "cut.sam: line"},
      {"eval empty.sam", "empty.sam: no alignment records"},
      {"eval plain.sam.gz", "plain.sam.gz: not BGZF (bgzip or BAM) data at byte 0"},
      {"eval missing.bam", "cannot open missing.bam: No such file or directory"},
      {"eval --truth other.bam golden.bam",
       "golden.bam: aligned to another reference than the truth's:"},
      {"eval --truth golden.bam run2.bam", "run2.bam: read '"},
      {"eval --truth bwa.sam bwa.sam", "bwa.sam: the truth is readforge's --bam output"},
      {"eval -g x bwa.sam", "-g expects a number of bases from 0 to 1000000000, got 'x'"},
      {"eval a.sam b.sam", "readforge eval takes one alignment file"},
  };
  for (const auto& [args, message] : cases) {
    testing::CliResult r = Run(args);
    EXPECT_EQ(r.status, 1) << args;
    EXPECT_EQ(r.err.rfind("readforge: error: " + message, 0), 0u) << args << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
    EXPECT_EQ(r.out, "") << args;
  }
}

}  // namespace
}  // namespace readforge
