// `readforge index` and the gap sidecar from the command line, as a user runs them: the sidecar
// beside the reference replaces the first pass with the same bytes, and a stale, foreign,
// truncated or edited one is one clear error line with no output left behind.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ReadFile;

class IndexCliTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Sandbox::SetUp();
    // Two contigs with gaps (one straddling a block boundary at the default block size).
    std::string a = testing::RandomFasta({{"a", 600000}}, 1, 600000);
    a.replace(a.find('\n') + 1 + 250000, 20000, std::string(20000, 'N'));
    std::string b = testing::RandomFasta({{"b", 80000}}, 2, 80000);
    b.replace(b.find('\n') + 1, 30000, std::string(30000, 'n'));
    Write("gapped.fa", a + b);
  }
};

TEST_F(IndexCliTest, WritesTheRunsBesideTheReferenceAsBed) {
  std::string err;
  ASSERT_EQ(Run("index gapped.fa", &err), 0) << err;
  EXPECT_EQ(err,
            "readforge: wrote gapped.fa.gaps.bed: 2 contigs, 680000 bases, 50000 N in 2 runs "
            "(159 bytes)\n");
  EXPECT_EQ(ReadFile(Path("gapped.fa.gaps.bed")),
            "#readforge-gaps\t1\n"
            "#contig\ta\t600000\t20000\t1\t65452a8ce02aca7d20dbae8d2c37c8a7\n"
            "#contig\tb\t80000\t30000\t1\t666afeccbbfd848fc24c642de0d4f4d2\n"
            "a\t250000\t270000\nb\t0\t30000\n");
  // The MD5s are samtools dict's M5.
  ASSERT_EQ(Shell("samtools dict gapped.fa | grep -o 'M5:[0-9a-f]*' > m5.txt"), 0);
  EXPECT_EQ(ReadFile(Path("m5.txt")),
            "M5:65452a8ce02aca7d20dbae8d2c37c8a7\nM5:666afeccbbfd848fc24c642de0d4f4d2\n");
  // gzip and bgzip references give the same sidecar; -o - writes it to standard output.
  ASSERT_EQ(Shell("gzip -k gapped.fa && cp gapped.fa bg.fa && bgzip bg.fa"), 0);
  ASSERT_EQ(Run("index -q -o - gapped.fa.gz").status, 0);
  EXPECT_EQ(ReadFile(Path("stdout.txt")), ReadFile(Path("gapped.fa.gaps.bed")));
  ASSERT_EQ(Run("index -q bg.fa.gz").status, 0);
  EXPECT_EQ(ReadFile(Path("bg.fa.gz.gaps.bed")), ReadFile(Path("gapped.fa.gaps.bed")));

  EXPECT_EQ(Run("index - < gapped.fa", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: readforge index - (standard input) needs -o FILE: there is no "
            "file to put the sidecar beside\n");
  ASSERT_EQ(Run("index -q -o piped.gaps.bed - < gapped.fa").status, 0);
  EXPECT_EQ(ReadFile(Path("piped.gaps.bed")), ReadFile(Path("gapped.fa.gaps.bed")));
  EXPECT_EQ(Run("index missing.fa", &err), 1);
  EXPECT_EQ(err, "readforge: error: cannot open missing.fa: No such file or directory\n");
  Write("gapped.fa.fai", "a\t600000\t3\t600000\t600001\n");
  EXPECT_EQ(Run("index gapped.fa", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: gapped.fa.fai: the index (.fai) does not match the reference: it "
            "lists 1 contigs, the FASTA has 2 (make it again with samtools faidx)\n");
}

TEST_F(IndexCliTest, TheSidecarGivesTheBytesOfTheFirstPass) {
  const std::string run = "-S 4 -N 20000 -1 100 -2 100 --vcf ";
  ASSERT_EQ(Run(run + "scan.vcf gapped.fa s1.fq s2.fq").status, 0);  // no sidecar: a first pass
  ASSERT_EQ(Run("index gapped.fa").status, 0);
  ASSERT_EQ(Run(run + "side.vcf gapped.fa x1.fq x2.fq").status, 0);  // <ref>.gaps.bed found
  EXPECT_EQ(ReadFile(Path("x1.fq")), ReadFile(Path("s1.fq")));
  EXPECT_EQ(ReadFile(Path("x2.fq")), ReadFile(Path("s2.fq")));
  EXPECT_EQ(ReadFile(Path("side.vcf")), ReadFile(Path("scan.vcf")));
  // From a pipe, the sidecar alone gives names, lengths and runs; -t splits the work.
  ASSERT_EQ(Run(run + "p.vcf --gaps gapped.fa.gaps.bed - p1.fq p2.fq < gapped.fa").status, 0);
  EXPECT_EQ(ReadFile(Path("p1.fq")), ReadFile(Path("s1.fq")));
  ASSERT_EQ(Run(run + "t.vcf -t 3 gapped.fa t1.fq t2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("t2.fq")), ReadFile(Path("s2.fq")));
  EXPECT_EQ(testing::ParseFastq(ReadFile(Path("s1.fq"))).size(), 20000u);
  // The sidecar is BED to other tools: bcftools reads it as targets, and no variant lies in a
  // gap (variants on N are not variants), while the complement holds them all.
  ASSERT_EQ(Shell("bcftools view -H -T gapped.fa.gaps.bed scan.vcf > in-gaps.txt && "
                  "bcftools view -H -T ^gapped.fa.gaps.bed scan.vcf > outside.txt"),
            0);
  EXPECT_EQ(ReadFile(Path("in-gaps.txt")), "");
  EXPECT_GT(ReadFile(Path("outside.txt")).size(), 1000u);
}

TEST_F(IndexCliTest, AStaleForeignTruncatedOrEditedSidecarIsOneClearError) {
  ASSERT_EQ(Run("index gapped.fa").status, 0);
  const std::string good = ReadFile(Path("gapped.fa.gaps.bed"));
  struct Case {
    std::string sidecar, error;
  };
  const Case cases[] = {
      // From another reference with the same names and lengths (a gap elsewhere): found as
      // the run reaches it.
      {"#readforge-gaps\t1\n#contig\ta\t600000\t20000\t1\n#contig\tb\t80000\t30000\t1\n"
       "a\t350000\t370000\nb\t0\t30000\n",
       "gapped.fa: gapped.fa.gaps.bed: does not match the reference: a:1-262144 has 249906 "
       "places for a fragment to start, its N runs give 262144 (made from another reference, "
       "or edited? make it again with `readforge index`)"},
      {"#readforge-gaps\t1\n#contig\ta\t600000\t20000\t1\n",
       "gapped.fa.gaps.bed: truncated or edited: a has 0 runs of 0 N bases, its header says 1 "
       "runs of 20000 (make it again with `readforge index`)"},
      {"#readforge-gaps\t1\n#contig\ta\t600000\t20000\t1\na\t250000\t270000\n",
       "gapped.fa: the index (gapped.fa.gaps.bed) does not match the reference: the FASTA has "
       "more than its 1 contigs ('b')"},
      {good.substr(0, good.rfind("b\t0")),
       "gapped.fa.gaps.bed: truncated or edited: b has 0 runs of 0 N bases, its header says 1 "
       "runs of 30000 (make it again with `readforge index`)"},
      {good.substr(0, good.find("b\t0")) + "b\t0\t29000\n",
       "gapped.fa.gaps.bed: truncated or edited: b has 1 runs of 29000 N bases, its header says "
       "1 runs of 30000 (make it again with `readforge index`)"},
      {std::string("\x1f\x8b\x08\x00junk", 8),
       "gapped.fa.gaps.bed: line 1: expected '#readforge-gaps<TAB>1' (is this a sidecar "
       "written by `readforge index`?)"},
  };
  for (const Case& c : cases) {
    Write("gapped.fa.gaps.bed", c.sidecar);
    std::string err;
    EXPECT_EQ(Run("-S 4 -N 20000 -1 100 -2 100 gapped.fa o1.fq o2.fq", &err), 1);
    EXPECT_EQ(err, "readforge: error: " + c.error + "\n");
    EXPECT_FALSE(Exists("o1.fq") || Exists("o2.fq")) << c.error;
  }
  // A .fai alone from a pipe: the run cannot know where the gaps are, and says what to do.
  std::string err;
  ASSERT_EQ(std::system(("samtools faidx " + Path("gapped.fa")).c_str()), 0);
  EXPECT_EQ(Run("-S 4 -N 2000 --fai gapped.fa.fai - o1.fq o2.fq < gapped.fa", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: -: a:1-262144 holds N bases, and -N needs the reference's N "
            "runs before the run starts: give them with --gaps (see `readforge index`), read the "
            "reference from a file, or use -C\n");
  EXPECT_FALSE(Exists("o1.fq"));
}

}  // namespace
}  // namespace readforge
