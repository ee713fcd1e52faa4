// GC bias (--gc-bias): the coverage of fragments by their GC fraction, measured against a run
// without bias on the same reference, follows the curve asked for within 10% in every GC bin
// with enough fragments; -N stays exact; curves come built in, as a file or inline.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/gc_bias.h"
#include "sandbox.h"

namespace readforge {
namespace {

class GcBiasTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell("gzip -dc " + std::string(READFORGE_SOURCE_DIR) +
                    "/public/refs/ecoli-536.fa.gz > ref.fa"),
              0);
    std::istringstream in(Read("ref.fa"));
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line[0] != '>')
        genome_ += line;
    }
    gc_before_.assign(genome_.size() + 1, 0);
    for (size_t i = 0; i < genome_.size(); ++i)
      gc_before_[i + 1] = gc_before_[i] + (genome_[i] == 'G' || genome_[i] == 'C');
  }

  // The GC fraction of each pair's fragment, from its wgsim name (1-based outer coordinates).
  std::vector<double> FragmentGc(const std::string& fastq) {
    std::vector<double> out;
    std::istringstream in(Read(fastq));
    std::string line;
    const std::regex name(R"(^@\S+_(\d+)_(\d+)_\d+:\d+:\d+_\d+:\d+:\d+_[0-9a-f]+/1)");
    for (int i = 0; std::getline(in, line); ++i) {
      std::smatch m;
      if (i % 4 != 0 || !std::regex_search(line, m, name))
        continue;
      const size_t left = std::stoull(m[1]) - 1, right = std::stoull(m[2]);
      out.push_back(static_cast<double>(gc_before_[right] - gc_before_[left]) /
                    static_cast<double>(right - left));
    }
    return out;
  }

  // For each GC bin of 0.02 with at least `enough` fragments in both runs: the biased run's
  // share of the bin over the unbiased run's, against what the curve predicts (its mean over
  // the unbiased run's fragments in the bin, over its mean over all of them). The worst
  // relative gap.
  double WorstGap(const std::vector<double>& flat,
                  const std::vector<double>& biased,
                  const GcBias& curve,
                  int64_t enough) {
    std::map<int, std::pair<int64_t, double>> flat_bins;  // count, summed coverage
    std::map<int, int64_t> biased_bins;
    double total_coverage = 0;
    for (double gc : flat) {
      auto& bin = flat_bins[static_cast<int>(gc / 0.02)];
      ++bin.first;
      bin.second += curve.Coverage(gc);
      total_coverage += curve.Coverage(gc);
    }
    for (double gc : biased)
      ++biased_bins[static_cast<int>(gc / 0.02)];
    double worst = 0;
    int bins = 0;
    for (const auto& [bin, counts] : flat_bins) {
      const int64_t b = biased_bins[bin];
      if (counts.first < enough || b < enough)
        continue;
      ++bins;
      const double measured =
          (static_cast<double>(b) / static_cast<double>(biased.size())) /
          (static_cast<double>(counts.first) / static_cast<double>(flat.size()));
      const double expected = (counts.second / static_cast<double>(counts.first)) /
                              (total_coverage / static_cast<double>(flat.size()));
      std::printf("GC %.2f-%.2f: %lld and %lld fragments, coverage %.3f, expected %.3f\n",
                  bin * 0.02, bin * 0.02 + 0.02, static_cast<long long>(counts.first),
                  static_cast<long long>(b), measured, expected);
      worst = std::max(worst, std::fabs(measured / expected - 1));
    }
    EXPECT_GE(bins, 5);
    return worst;
  }

  std::string genome_;
  std::vector<int64_t> gc_before_;
};

TEST_F(GcBiasTest, CoverageFollowsTheCurveInEveryGcBin) {
  // A steep curve over E. coli's range (fragments of 150 bases: GC 0.35 to 0.65), as a file.
  Write("curve.tsv", "# gc\tcoverage\n0.35\t0.1\n0.65\t1\n");
  // One block per contig: the rejection works over the whole genome.
  const std::string run = "-q -N 100000 -1 50 -2 50 -d 150 -s 20 -r 0 --block-size 67108864 ";
  ASSERT_EQ(Run(run + "-S 1 ref.fa f1.fq f2.fq").status, 0);
  ASSERT_EQ(Run(run + "-S 2 --gc-bias curve.tsv ref.fa b1.fq b2.fq").status, 0);
  const std::vector<double> flat = FragmentGc("f1.fq");
  const std::vector<double> biased = FragmentGc("b1.fq");
  ASSERT_EQ(flat.size(), 100000u);
  ASSERT_EQ(biased.size(), 100000u);  // -N exact
  GcBias curve;
  ASSERT_TRUE(GcBias::Parse(Read("curve.tsv"), &curve).ok());
  EXPECT_LT(WorstGap(flat, biased, curve, 1000), 0.10);
  // The same curve inline: the same reads.
  ASSERT_EQ(Run(run + "-S 2 --gc-bias 0.35:0.1,0.65:1 ref.fa i1.fq i2.fq").status, 0);
  EXPECT_TRUE(Read("i1.fq") == Read("b1.fq"));
}

TEST_F(GcBiasTest, TheBuiltInPcrCurveAtTheDefaultBlockSize) {
  const std::string run = "-q -N 100000 -1 50 -2 50 -d 150 -s 20 -r 0 ";
  ASSERT_EQ(Run(run + "-S 3 ref.fa f1.fq f2.fq").status, 0);
  ASSERT_EQ(Run(run + "-S 4 --gc-bias pcr ref.fa b1.fq b2.fq").status, 0);
  GcBias pcr;
  ASSERT_TRUE(GcBias::BuiltIn("pcr", &pcr));
  EXPECT_DOUBLE_EQ(pcr.Coverage(0.45), 1);
  EXPECT_DOUBLE_EQ(pcr.Coverage(0.7), 0.5);
  EXPECT_LT(WorstGap(FragmentGc("f1.fq"), FragmentGc("b1.fq"), pcr, 1000), 0.10);
}

TEST_F(GcBiasTest, BadCurvesAreOneClearError) {
  Write("zero.tsv", "0.3\t0.5\n0.6\t0\n");
  Write("twice.tsv", "0.3\t0.5\n0.3\t1\n");
  const std::pair<std::string, std::string> cases[] = {
      {"--gc-bias zero.tsv",
       "zero.tsv: line 2: expected GC<TAB>COVERAGE, a GC fraction from 0 to 1 and a relative "
       "coverage above 0 (at most 1e6)"},
      {"--gc-bias twice.tsv", "twice.tsv: GC 0.3 is given twice: one coverage per GC fraction"},
      {"--gc-bias 0.2:1,1.5:1",
       "--gc-bias: entry 2: expected GC:COVERAGE, a GC fraction from 0 to 1 and a relative "
       "coverage above 0 (at most 1e6)"},
      {"--gc-bias pcr-rich", "cannot open pcr-rich: No such file or directory"},
  };
  for (const auto& [args, message] : cases)
    ExpectOneError("-N 10 " + args + " ref.fa a b", message);
}

}  // namespace
}  // namespace readforge
