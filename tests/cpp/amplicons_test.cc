// Amplicons (--amplicons, --amplicon-dropout, --amplicon-spread): every pair's outer ends are
// its amplicon's, overlapping amplicons and amplicons across blocks included; counts follow the
// weights (a chi-square test against the multinomial); dropout and spread do what they say;
// amplicons shorter than a read read into the adapter with --adapters; bad panels are one clear
// error with nothing written.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "formats/amplicon_bed.h"
#include "sandbox.h"

namespace readforge {
namespace {

class AmpliconsTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Write("ref.fa", testing::RandomFasta({{"chr1", 60000}, {"chr2", 20000}}, 21));
  }

  // Pairs per amplicon, told by read 1's outer coordinates; every pair must match one.
  std::map<std::string, int64_t> PairsByAmplicon(const std::string& fastq,
                                                 const std::string& bed) const {
    std::vector<AmpliconRecord> amplicons;
    EXPECT_TRUE(ParseAmplicons(Read(bed), &amplicons).ok());
    std::map<std::string, std::string> by_place;
    for (const AmpliconRecord& a : amplicons)
      by_place[a.contig + ":" + std::to_string(a.begin + 1) + "-" + std::to_string(a.end)] = a.name;
    std::map<std::string, int64_t> out;
    for (const testing::FastqRecord& r : testing::ParseFastq(Read(fastq))) {
      testing::ReadName name;
      EXPECT_TRUE(testing::ParseReadName(r.name, &name)) << r.name;
      const std::string place =
          name.contig + ":" + std::to_string(name.left) + "-" + std::to_string(name.right);
      const auto it = by_place.find(place);
      EXPECT_NE(it, by_place.end()) << r.name << " is not an amplicon's fragment";
      if (it != by_place.end())
        ++out[it->second];
    }
    return out;
  }

  // 120 amplicons of 200 to 400 bases on chr1, 400 bases apart (so blocks of 1024 bases cut
  // through some) and some overlapping their neighbour; weights 1 to 4.
  std::string Panel(int amplicons) const {
    std::string bed = "track name=panel\n";
    for (int i = 0; i < amplicons; ++i) {
      const int64_t begin = 100 + 400 * i;
      const int64_t length = 200 + (i * 37) % 201 + (i % 7 == 0 ? 250 : 0);
      bed += "chr1\t" + std::to_string(begin) + "\t" + std::to_string(begin + length) + "\tamp" +
             std::to_string(i) + "\t" + std::to_string(1 + i % 4) + "\t+\n";
    }
    return bed;
  }
};

TEST_F(AmpliconsTest, EveryPairIsAnAmpliconAndCountsFollowTheWeights) {
  Write("panel.bed", Panel(120));
  ASSERT_EQ(Run("-S 3 -N 30000 -1 150 -2 150 -r 0 --block-size 1024 --amplicons panel.bed ref.fa "
                "r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  const std::map<std::string, int64_t> counts = PairsByAmplicon("r1.fq", "panel.bed");
  int64_t total = 0;
  for (const auto& [name, n] : counts)
    total += n;
  EXPECT_EQ(total, 30000);
  // Chi-square against weights 1 + i % 4 (sum 300 over 120 amplicons).
  double chi = 0;
  for (int i = 0; i < 120; ++i) {
    const double expected = 30000.0 * (1 + i % 4) / 300.0;
    const auto it = counts.find("amp" + std::to_string(i));
    const double observed = it == counts.end() ? 0 : static_cast<double>(it->second);
    chi += (observed - expected) * (observed - expected) / expected;
  }
  // 99.9th percentile of chi-square with 119 degrees of freedom.
  EXPECT_LT(chi, 173.0);
}

TEST_F(AmpliconsTest, TheReadsAreTheAmpliconsEnds) {
  // Without errors or mutations, one mate is the amplicon's first 150 bases and the other the
  // reverse complement of its last 150.
  Write("panel.bed", Panel(30));
  ASSERT_EQ(Run("-S 7 -N 3000 -1 150 -2 150 -r 0 -e 0 --block-size 1024 --amplicons panel.bed "
                "ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  std::string chr1;
  const std::string fasta = Read("ref.fa");
  for (size_t at = fasta.find('\n') + 1; at < fasta.size() && fasta[at] != '>';) {
    const size_t end = fasta.find('\n', at);
    chr1 += fasta.substr(at, end - at);
    at = end + 1;
  }
  const std::vector<testing::FastqRecord> r1 = testing::ParseFastq(Read("r1.fq"));
  const std::vector<testing::FastqRecord> r2 = testing::ParseFastq(Read("r2.fq"));
  ASSERT_EQ(r1.size(), 3000u);
  ASSERT_EQ(r2.size(), r1.size());
  for (size_t i = 0; i < r1.size(); ++i) {
    testing::ReadName name;
    ASSERT_TRUE(testing::ParseReadName(r1[i].name, &name));
    const std::string left = chr1.substr(static_cast<size_t>(name.left - 1), 150);
    const std::string right =
        testing::ReverseComplement(chr1.substr(static_cast<size_t>(name.right - 150), 150));
    EXPECT_TRUE((r1[i].bases == left && r2[i].bases == right) ||
                (r2[i].bases == left && r1[i].bases == right))
        << r1[i].name;
  }
}

TEST_F(AmpliconsTest, DropoutLeavesOutTheShareAskedAndSpreadSpreadsCounts) {
  Write("panel.bed", Panel(140));
  ASSERT_EQ(Run("-S 4 -N 20000 -1 100 -2 100 -r 0 --amplicons panel.bed --amplicon-dropout 0.25 "
                "ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  const std::map<std::string, int64_t> dropped = PairsByAmplicon("r1.fq", "panel.bed");
  // Binomial(140, 0.75) amplicons left: 105 +- 4 sd of 5.1.
  EXPECT_NEAR(static_cast<double>(dropped.size()), 105, 21);

  ASSERT_EQ(Run("-S 4 -N 200000 -1 100 -2 100 -r 0 --amplicons panel.bed --amplicon-spread 0.7 "
                "ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  const std::map<std::string, int64_t> spread = PairsByAmplicon("r1.fq", "panel.bed");
  ASSERT_EQ(spread.size(), 140u);
  // log(count / weight) is the efficiency's N(0, 0.7) plus a little sampling noise.
  std::vector<double> logs;
  for (int i = 0; i < 140; ++i)
    logs.push_back(
        std::log(static_cast<double>(spread.at("amp" + std::to_string(i))) / (1 + i % 4)));
  double mean = 0;
  for (double x : logs)
    mean += x / static_cast<double>(logs.size());
  double var = 0;
  for (double x : logs)
    var += (x - mean) * (x - mean) / static_cast<double>(logs.size() - 1);
  EXPECT_NEAR(std::sqrt(var), 0.7, 4 * 0.7 / std::sqrt(2.0 * 139));
}

TEST_F(AmpliconsTest, ShortAmpliconsReadIntoTheAdapter) {
  Write("short.bed", "chr2\t1000\t1080\tshort80\nchr2\t5000\t5300\tlong300\n");
  ExpectOneError("-S 1 -N 100 -1 100 -2 100 --amplicons short.bed ref.fa r1.fq r2.fq",
                 "short.bed line 1 (short80): is 80 bases, shorter than the longest read (100): "
                 "give --adapters to read through into the adapter");
  ASSERT_EQ(Run("-S 5 -N 2000 -1 100 -2 100 -r 0 -e 0 --adapters truseq --amplicons short.bed "
                "ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  const std::string reference = testing::ReadFile(Path("ref.fa"));
  int64_t short_pairs = 0;
  for (const testing::FastqRecord& r : testing::ParseFastq(Read("r1.fq"))) {
    testing::ReadName name;
    ASSERT_TRUE(testing::ParseReadName(r.name, &name));
    if (name.left != 1001)
      continue;
    ++short_pairs;
    EXPECT_EQ(name.right, 1080) << r.name;
    // 80 bases of insert, then TruSeq's read 1 or read 2 adapter.
    const std::string tail = r.bases.substr(80, 13);
    EXPECT_TRUE(tail == "AGATCGGAAGAGC") << r.name << " " << r.bases;
  }
  EXPECT_GT(short_pairs, 800);
}

TEST_F(AmpliconsTest, BadPanelsAreOneClearErrorAndNothingIsWritten) {
  const std::string run = "-S 1 -N 100 ref.fa r1.fq r2.fq --amplicons ";
  Write("reversed.bed", "chr1\t500\t400\tx\n");
  ExpectOneError(run + "reversed.bed",
                 "reversed.bed: amplicon BED line 1: end (400) must be greater than begin (500): "
                 "BED is 0-based and half-open, primer to primer");
  Write("off.bed", "chr1\t100\t400\nchr2\t19900\t20100\tpast\n");
  ExpectOneError(run + "off.bed",
                 "off.bed line 2 (past): ends at 20100, past the end of chr2 (length 20000)");
  Write("unknown.bed", "chrM\t100\t400\n");
  ExpectOneError(run + "unknown.bed",
                 "unknown.bed line 1 (chrM:101-400): unknown contig 'chrM' (known: chr1, chr2)");
  Write("weight.bed", "chr1\t100\t400\ta\t-1\n");
  ExpectOneError(run + "weight.bed",
                 "weight.bed: amplicon BED line 1: the weight (column 5) must be a number from 0 "
                 "to 1e12, got '-1'");
  Write("zero.bed", "chr1\t100\t400\ta\t0\n");
  ExpectOneError(run + "zero.bed",
                 "zero.bed: no amplicon is left to sequence (every weight is 0, or dropped out "
                 "with --amplicon-dropout)");
  Write("empty.bed", "# nothing\n");
  ExpectOneError(run + "empty.bed", "empty.bed: amplicon BED: no amplicons");
  Write("ok.bed", "chr1\t100\t400\n");
  ExpectOneError("-S 1 -C 2 ref.fa r1.fq r2.fq --amplicons ok.bed",
                 "--amplicons shares -N over the amplicons: give -N, not -C");
  ExpectOneError(run + "ok.bed --region chr1",
                 "--amplicons says where reads come from: drop --region and --bed");
  ExpectOneError("-S 1 ref.fa r1.fq r2.fq --amplicon-dropout 0.1",
                 "--amplicon-dropout and --amplicon-spread go with --amplicons");
  ExpectOneError(run + "ok.bed --amplicon-dropout 1",
                 "--amplicon-dropout must be in [0, 1), got 1");
  EXPECT_FALSE(Exists("r1.fq"));
  EXPECT_FALSE(Exists("r2.fq"));
}

}  // namespace
}  // namespace readforge
