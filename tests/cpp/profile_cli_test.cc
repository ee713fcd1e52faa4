// Quality profiles from the command line, as a user runs them: learn one from FASTQ (gzip too),
// simulate with it or with ART's, map the reads with bwa, and get one clear error line (and no
// output left behind) for every bad profile or FASTQ.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "engine/quality_profile.h"
#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ParseFastq;
using testing::ReadFile;

const std::string kArt = "/usr/share/art-nextgen-simulation-tools/Illumina_profiles/";

class ProfileCliTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Sandbox::SetUp();
    Write("ref.fa", testing::RandomFasta({{"chrA", 120000}, {"chrB", 60000}}, 12));
  }
};

TEST_F(ProfileCliTest, LearnSimulateAndLearnAgain) {
  const std::string shipped =
      std::string(READFORGE_SOURCE_DIR) + "/public/profiles/illumina-like-2x150.profile";
  std::string err;
  ASSERT_EQ(Run("-S 3 -N 20000 -1 150 -2 150 --profile " + shipped + " ref.fa a1.fq a2.fq", &err),
            0)
      << err;
  // The summary reports the realised error rate: what the profile implies, within 5 standard
  // errors of 6 million bases (and the rounding to hundredths of a percent).
  const std::string head = "readforge: wrote 20000 read pairs (6000000 bases, ";
  ASSERT_EQ(err.rfind(head, 0), 0u) << err;
  const double realised = std::atof(err.c_str() + head.size()) / 100;
  std::shared_ptr<const QualityProfile> profile;
  ASSERT_TRUE(ProfileFromTexts({shipped}, {ReadFile(shipped)}, &profile).ok());
  const double implied =
      (profile->ExpectedErrorRate(0, 150) + profile->ExpectedErrorRate(1, 150)) / 2;
  EXPECT_NEAR(realised, implied, 5 * std::sqrt(implied / 6e6) + 0.00005) << err;
  ASSERT_EQ(Shell("gzip -k a2.fq"), 0);
  ASSERT_EQ(Run("profile a1.fq a2.fq.gz", &err), 0) << err;
  EXPECT_EQ(err,
            "readforge: learned a profile of 150 and 150 cycles, 8 quality values, from 20000 "
            "reads and 20000 mates\n");
  Write("learned.profile", ReadFile(Path("stdout.txt")));
  EXPECT_EQ(
      ReadFile(Path("learned.profile")).rfind("#readforge-profile\t1\nmeta\tkind\tlearned\n", 0),
      0u);
  // Simulating with the learned profile: its qualities, no error.
  ASSERT_EQ(
      Run("-q -S 4 -N 2000 -1 150 -2 150 --profile learned.profile ref.fa b1.fq b2.fq").status, 0);
  auto reads = ParseFastq(ReadFile(Path("b1.fq")));
  ASSERT_EQ(reads.size(), 2000u);
  for (const auto& r : reads)
    for (char q : r.qualities)
      EXPECT_NE(std::string("#'07<BFI").find(q), std::string::npos) << q;  // 2 6 15 .. 40
  // -o FILE, and standard input.
  ASSERT_EQ(Run("profile -q -o out.profile - < a1.fq").status, 0);
  EXPECT_NE(ReadFile(Path("out.profile")).find("end\tR1\t150\t"), std::string::npos);
}

TEST_F(ProfileCliTest, ArtProfilesSimulateReadsThatBwaMaps) {
  const std::string profiles = kArt + "HiSeq2500L150R1.txt," + kArt + "HiSeq2500L150R2.txt";
  std::string err;
  ASSERT_EQ(
      Run("-S 5 -N 5000 -1 150 -2 150 -d 400 -s 40 --profile " + profiles + " ref.fa r1.fq r2.fq",
          &err),
      0)
      << err;
  ASSERT_EQ(Shell("bwa index ref.fa 2> /dev/null && bwa mem -t 2 ref.fa r1.fq r2.fq 2> /dev/null "
                  "> r.sam && samtools flagstat r.sam > flagstat.txt"),
            0);
  const std::string flagstat = ReadFile(Path("flagstat.txt"));
  // "N + 0 mapped (P% : N/A)" for primary alignments: nearly every read maps.
  const size_t at = flagstat.find("primary mapped (");
  ASSERT_NE(at, std::string::npos) << flagstat;
  const double mapped = std::atof(flagstat.c_str() + at + 16);
  EXPECT_GT(mapped, 97.0) << flagstat;
  // ART's qualities: its levels only (3 7 16 23 28 34 38 41 in the HiSeq2500 profiles).
  for (const auto& r : ParseFastq(ReadFile(Path("r2.fq"))))
    for (char q : r.qualities)
      ASSERT_NE(std::string("$(18=CGJ").find(q), std::string::npos) << q;
}

TEST_F(ProfileCliTest, BadProfilesAndFastqAreOneClearErrorLine) {
  Write("empty.profile", "");
  Write(
      "short.profile", "#readforge-profile\t1\nalphabet\t30\nend\tR1\t50\t2\n" + [] {
        std::string cycles;
        for (int c = 0; c < 50; ++c)
          cycles += "cycle\tR1\t" + std::to_string(c) + "\t5\n";
        return cycles;
      }());
  Write("junk.profile", std::string("\x7f"
                                    "ELF\x02\x01\x01\x00",
                                    8));
  struct Case {
    std::string args, error;
  };
  const Case cases[] = {
      {"--profile empty.profile",
       "empty.profile: line 1: expected '#readforge-profile<TAB>1' or an ART Illumina profile "
       "(is this a quality profile?)"},
      {"--profile junk.profile",
       "junk.profile: line 1: expected '#readforge-profile<TAB>1' or an ART Illumina profile "
       "(is this a quality profile?)"},
      {"--profile short.profile",
       "read 1 is 70 bases long, but the quality profile's R1 has only 50 cycles (use shorter "
       "reads, or a profile of longer ones)"},
      {"--profile missing.profile", "cannot open missing.profile: No such file or directory"},
      {"--profile a,b,c", "--profile expects FILE or R1FILE,R2FILE, got 'a,b,c'"},
  };
  for (const Case& c : cases) {
    std::string err;
    EXPECT_EQ(Run("-S 1 -N 100 " + c.args + " ref.fa o1.fq o2.fq", &err), 1) << c.args;
    EXPECT_EQ(err, "readforge: error: " + c.error + "\n");
    EXPECT_FALSE(Exists("o1.fq") || Exists("o2.fq")) << c.args;
  }
  Write("mismatch.fq", "@r1\nACGTACGT\n+\nIIIIIII\n");
  Write("junk.fq", std::string("\x00\x01\x02\x03", 4));
  const Case learn[] = {
      {"profile mismatch.fq", "mismatch.fq: line 4 (read 1): 8 bases but 7 qualities"},
      {"profile junk.fq",
       "junk.fq: line 1 (read 1): expected '@' at the start of a read's name line, found byte "
       "0x00"},
      {"profile empty.profile", "empty.profile: no reads (an empty file?)"},
      {"profile", "readforge profile takes one or two FASTQ files (R1, R2; see --help)"},
  };
  for (const Case& c : learn) {
    std::string err;
    EXPECT_EQ(Run(c.args + " -o learned.out", &err), 1) << c.args;
    EXPECT_EQ(err, "readforge: error: " + c.error + "\n");
    EXPECT_FALSE(Exists("learned.out")) << c.args;
  }
}

}  // namespace
}  // namespace readforge
