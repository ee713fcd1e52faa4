// Fragment lengths from data: a histogram given with --fragment-hist is what the run draws, and
// `readforge profile --fragments` learns one back from a BAM's proper pairs; simulated back, it
// gives the same distribution (Kolmogorov-Smirnov).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "formats/fragment_histogram.h"
#include "sandbox.h"

namespace readforge {
namespace {

class FragmentLengthsTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell("gzip -dc " + std::string(READFORGE_SOURCE_DIR) +
                    "/public/refs/ecoli-536.fa.gz > ref.fa && samtools faidx ref.fa"),
              0);
  }

  // The fragment lengths of a FASTQ's pairs, from their names (right - left + 1).
  std::vector<int64_t> LengthsOf(const std::string& fastq) {
    std::vector<int64_t> lengths;
    const std::regex name(R"(_(\d+)_(\d+)_\d+:\d+:\d+_)");
    std::smatch m;
    const std::string text = Read(fastq);
    for (size_t at = 0; at < text.size();) {
      const size_t end = text.find('\n', at);
      const std::string line = text.substr(at, end - at);
      if (line[0] == '@' && std::regex_search(line, m, name))
        lengths.push_back(std::stoll(m[2]) - std::stoll(m[1]) + 1);
      at = text.find('\n', end + 1);  // skip the sequence, plus and quality lines
      at = text.find('\n', at + 1);
      at = text.find('\n', at + 1) + 1;
      if (at == 0)
        break;
    }
    return lengths;
  }
};

// The largest gap between the empirical distribution of `lengths` and the histogram's.
double KolmogorovDistance(std::vector<int64_t> lengths, const FragmentHistogram& h) {
  std::sort(lengths.begin(), lengths.end());
  std::map<int64_t, double> expected;  // P(length <= x)
  double cumulative = 0;
  for (uint64_t draw = 0; draw < h.total();) {
    const int64_t x = h.LengthAt(draw);
    uint64_t next = draw;
    while (next < h.total() && h.LengthAt(next) == x)
      ++next;
    cumulative += static_cast<double>(next - draw) / static_cast<double>(h.total());
    expected[x] = cumulative;
    draw = next;
  }
  double worst = 0;
  const double n = static_cast<double>(lengths.size());
  size_t i = 0;
  for (const auto& [x, p] : expected) {
    while (i < lengths.size() && lengths[i] <= x)
      ++i;
    worst = std::max(worst, std::fabs(static_cast<double>(i) / n - p));
  }
  return worst;
}

TEST_F(FragmentLengthsTest, LearnedFromABamAndSimulatedBack) {
  // A bimodal source, nothing like -d/-s's normal model.
  std::string source = "#length\tcount\n";
  for (int length = 200; length <= 700; ++length) {
    const double a = std::exp(-0.5 * std::pow((length - 260) / 20.0, 2));
    const double b = 0.6 * std::exp(-0.5 * std::pow((length - 560) / 40.0, 2));
    source += std::to_string(length) + "\t" + std::to_string(std::llround(1000 * (a + b))) + "\n";
  }
  Write("source.tsv", source);
  // With -r 0 every proper pair's TLEN is its fragment's length.
  ASSERT_EQ(Run("-q -S 4 -N 20000 -1 100 -2 100 -r 0 --fragment-hist source.tsv --bam s.bam "
                "ref.fa s1.fq s2.fq")
                .status,
            0);
  testing::CliResult learned = Run("profile --fragments -o learned.tsv s.bam");
  ASSERT_EQ(learned.status, 0) << learned.err;
  EXPECT_EQ(learned.err, "readforge: learned the lengths of 20000 fragments, " +
                             std::string(learned.err.substr(51)));
  FragmentHistogram from_source, from_bam;
  ASSERT_TRUE(FragmentHistogram::Parse(source, &from_source).ok());
  ASSERT_TRUE(FragmentHistogram::Parse(Read("learned.tsv"), &from_bam).ok());
  EXPECT_EQ(from_bam.total(), 20000u);
  // The run drew from the source; simulated back from what was learned, the same distribution.
  ASSERT_EQ(
      Run("-q -S 5 -N 20000 -1 100 -2 100 --fragment-hist learned.tsv ref.fa b1.fq b2.fq").status,
      0);
  const double critical = 1.63 * std::sqrt(2.0 / 20000);  // alpha = 0.01, two samples of 20,000
  const double d_source = KolmogorovDistance(LengthsOf("s1.fq"), from_source);
  const double d_back = KolmogorovDistance(LengthsOf("b1.fq"), from_bam);
  std::printf("KS distance: simulated from the source %.4f, simulated back %.4f (critical %.4f)\n",
              d_source, d_back, critical);
  EXPECT_LT(d_source, critical);
  EXPECT_LT(d_back, critical);
  // The inline form of the same histogram draws the same lengths: the same bytes.
  const std::string inline_form = from_bam.FormatInline();
  EXPECT_EQ(inline_form.substr(0, inline_form.find(',')),
            std::to_string(from_bam.shortest()) + ":" + std::to_string(from_bam.count(0)));
  ASSERT_EQ(
      Run("-q -S 5 -N 20000 -1 100 -2 100 --fragment-hist " + inline_form + " ref.fa i1.fq i2.fq")
          .status,
      0);
  EXPECT_TRUE(Read("i1.fq") == Read("b1.fq"));
  EXPECT_TRUE(Read("i2.fq") == Read("b2.fq"));
  // The same from standard input, as SAM.
  ASSERT_EQ(Shell("samtools view s.bam > s.sam"), 0);
  ASSERT_EQ(Run("profile --fragments -q - < s.sam").out, Read("learned.tsv"));
}

TEST_F(FragmentLengthsTest, BadHistogramsAndAlignmentsAreOneClearError) {
  Write("bad.tsv", "300\t5\n-4\t2\n");
  Write("empty.tsv", "# nothing\n");
  Write("single.sam", "r1\t0\tchr1\t1\t60\t10M\t*\t0\t0\tACGTACGTAC\tIIIIIIIIII\n");
  const std::pair<std::string, std::string> cases[] = {
      {"-N 10 --fragment-hist bad.tsv ref.fa a b",
       "bad.tsv: line 2: expected LENGTH<TAB>COUNT, a length from 1 to 10000000 and a count "
       "from 0 to 2^48"},
      {"-N 10 --fragment-hist empty.tsv ref.fa a b",
       "empty.tsv: no fragments (every count is 0, or there are no entries)"},
      {"-N 10 --fragment-hist missing.tsv ref.fa a b",
       "cannot open missing.tsv: No such file or directory"},
      {"-N 10 --fragment-hist 300:5,0:2 ref.fa a b",
       "--fragment-hist: entry 2: expected LENGTH:COUNT, a length from 1 to 10000000 and a count "
       "from 0 to 2^48"},
      {"-N 10 --fragment-hist 300:0,400:0 ref.fa a b",
       "--fragment-hist: no fragments (every count is 0, or there are no entries)"},
      {"profile --fragments single.sam",
       "single.sam: no proper pairs among 1 records (paired reads aligned as pairs are needed)"},
  };
  for (const auto& [args, message] : cases)
    ExpectOneError(args, message);
}

}  // namespace
}  // namespace readforge
