// Statistical checks of the simulation model, measured from the output and the truth, with
// fixed seeds and samples large enough to be decisive. Each tolerance is 5 standard errors of
// the quantity for the sample size at hand (a false alarm rate below 1e-6 per assertion).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "test_util.h"

namespace readforge {
namespace {

using namespace testing;

double FiveSigma(double p, double n) {
  return 5 * std::sqrt(p * (1 - p) / n);
}

struct VcfRecord {
  int64_t pos1;
  std::string ref, alt, genotype;
};

std::vector<VcfRecord> ParseVcf(const std::string& vcf) {
  std::vector<VcfRecord> records;
  std::istringstream in(vcf);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream fields(line);
    std::string chrom, id, qual, filter, info, format;
    VcfRecord r;
    fields >> chrom >> r.pos1 >> id >> r.ref >> r.alt >> qual >> filter >> info >> format >>
        r.genotype;
    records.push_back(r);
  }
  return records;
}

// An independent model of the two haplotypes: for each reference base, what each haplotype
// holds there (the base, a SNP's base, nothing if deleted, or the base and an insertion).
struct Haplotypes {
  std::vector<std::string> emit[2];

  Haplotypes(const std::string& reference, const std::vector<VcfRecord>& records) {
    for (auto& h : emit) {
      h.resize(reference.size());
      for (size_t i = 0; i < reference.size(); ++i)
        h[i] = reference[i];
    }
    for (const VcfRecord& r : records) {
      for (int h = 0; h < 2; ++h) {
        if (r.genotype[2 * h] != '1')
          continue;
        size_t p = static_cast<size_t>(r.pos1 - 1);
        if (r.ref.size() == 1 && r.alt.size() == 1) {
          emit[h][p] = r.alt;
        } else if (r.alt.size() > 1) {
          emit[h][p] = r.alt;  // the anchor base and the inserted bases
        } else if (r.alt[0] == r.ref[0] && r.pos1 > 1) {
          for (size_t k = 1; k < r.ref.size(); ++k)
            emit[h][p + k] = "";
        } else {  // anchored after: the deletion starts the contig
          for (size_t k = 0; k + 1 < r.ref.size(); ++k)
            emit[h][p + k] = "";
        }
      }
    }
  }

  // The fragment over 0-based reference [a, e] with the first `inserted` bases of the insertion
  // after e: a fragment's length is drawn on its haplotype, so it may end inside an insertion,
  // and an inserted base's position is its anchor's.
  std::string Fragment(int h, int64_t a, int64_t e, size_t inserted) const {
    std::string s;
    for (int64_t i = a; i < e; ++i)
      s += emit[h][static_cast<size_t>(i)];
    s += emit[h][static_cast<size_t>(e)].substr(0, 1 + inserted);
    return s;
  }
  // How many bases an insertion after e adds on haplotype h.
  size_t InsertedAfter(int h, int64_t e) const {
    const std::string& at = emit[h][static_cast<size_t>(e)];
    return at.empty() ? 0 : at.size() - 1;
  }
};

int Mismatches(const std::string& a, const std::string& b) {
  if (a.size() != b.size())
    return 1 << 20;
  int n = 0;
  for (size_t i = 0; i < a.size(); ++i)
    n += a[i] != b[i];
  return n;
}

std::string SequenceOf(const std::string& fasta) {
  std::string seq;
  std::istringstream in(fasta);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '>')
      seq += line;
  }
  return seq;
}

constexpr int64_t kGenome = 400000;

class StatisticsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fasta_ = new std::string(RandomFasta({{"chrS", kGenome}}, 2024));
    Options o;
    o.seed = 99;
    o.num_pairs = 20000;
    o.read1_length = 100;
    o.read2_length = 100;
    o.mutation_rate = 0.01;
    o.indel_fraction = 0.5;
    o.indel_extend = 0.5;
    o.write_vcf = true;
    run_ = new RunResult(Simulate(o, *fasta_, ContigsOf(*fasta_)));
  }
  static std::string* fasta_;
  static RunResult* run_;
};

std::string* StatisticsTest::fasta_ = nullptr;
RunResult* StatisticsTest::run_ = nullptr;

TEST_F(StatisticsTest, EveryReadIsItsHaplotypeAtTheCoordinatesItsNameClaims) {
  ASSERT_TRUE(run_->ok) << run_->error;
  Haplotypes haps(SequenceOf(*fasta_), ParseVcf(run_->vcf));
  auto r1 = ParseFastq(run_->read1), r2 = ParseFastq(run_->read2);
  ASSERT_EQ(r1.size(), 20000u);
  ASSERT_EQ(r2.size(), 20000u);
  int64_t flipped = 0, errors = 0;
  for (size_t i = 0; i < r1.size(); ++i) {
    ReadName n1, n2;
    ASSERT_TRUE(ParseReadName(r1[i].name, &n1) && ParseReadName(r2[i].name, &n2));
    ASSERT_EQ(r1[i].name.substr(0, r1[i].name.size() - 1),
              r2[i].name.substr(0, r2[i].name.size() - 1));
    bool matched = false;
    for (int h = 0; h < 2 && !matched; ++h) {
      for (size_t in = 0; in <= haps.InsertedAfter(h, n1.right - 1) && !matched; ++in) {
        const std::string fragment = haps.Fragment(h, n1.left - 1, n1.right - 1, in);
        for (int flip = 0; flip < 2 && !matched; ++flip) {
          const std::string& left = flip ? r2[i].bases : r1[i].bases;
          const std::string right = ReverseComplement(flip ? r1[i].bases : r2[i].bases);
          if (fragment.size() < std::max(left.size(), right.size()))
            continue;
          matched =
              Mismatches(left, fragment.substr(0, left.size())) == n1.errors[0] &&
              Mismatches(right, fragment.substr(fragment.size() - right.size())) == n1.errors[1];
          if (matched)
            flipped += flip;
        }
      }
    }
    ASSERT_TRUE(matched) << "pair " << i << ": " << r1[i].name;
    errors += n1.errors[0] + n1.errors[1];
  }
  // Strand: read 1 is the reverse read half of the time.
  EXPECT_NEAR(flipped / 20000.0, 0.5, FiveSigma(0.5, 20000));
  // Realised base error rate.
  EXPECT_NEAR(errors / 4e6, 0.02, FiveSigma(0.02, 4e6));
}

TEST_F(StatisticsTest, MutationRatesZygosityAndIndelLengths) {
  ASSERT_TRUE(run_->ok);
  auto records = ParseVcf(run_->vcf);
  double n = static_cast<double>(records.size());
  // Mutations: one per base at rate 0.01 (less a sliver for bases inside deletions).
  EXPECT_NEAR(n, 0.01 * kGenome, 5 * std::sqrt(0.01 * kGenome));
  int snps = 0, insertions = 0, deletions = 0, homozygous = 0;
  std::map<size_t, int> deletion_lengths;
  double insertion_length_sum = 0;
  for (const VcfRecord& r : records) {
    homozygous += r.genotype == "1|1";
    if (r.ref.size() == 1 && r.alt.size() == 1) {
      ++snps;
      EXPECT_NE(r.ref, r.alt);
    } else if (r.alt.size() > 1) {
      ++insertions;
      insertion_length_sum += static_cast<double>(r.alt.size() - 1);
    } else {
      ++deletions;
      ++deletion_lengths[r.ref.size() - 1];
    }
  }
  EXPECT_NEAR(homozygous / n, 1.0 / 3, FiveSigma(1.0 / 3, n));
  EXPECT_NEAR((insertions + deletions) / n, 0.5, FiveSigma(0.5, n));
  double indels = insertions + deletions;
  EXPECT_NEAR(insertions / indels, 0.5, FiveSigma(0.5, indels));
  // Geometric lengths with extension 0.5: P(1) = 0.5, mean 2, variance 2.
  EXPECT_NEAR(deletion_lengths[1] / static_cast<double>(deletions), 0.5, FiveSigma(0.5, deletions));
  EXPECT_NEAR(insertion_length_sum / insertions, 2.0, 5 * std::sqrt(2.0 / insertions));
  // The five-column list holds the same variants, heterozygous deletions marked '+'.
  std::istringstream list(run_->mutations);
  std::string line;
  int lines = 0, het_deletions = 0;
  while (std::getline(list, line)) {
    ++lines;
    het_deletions += line.find("\t-\t+") != std::string::npos;
  }
  EXPECT_EQ(lines, static_cast<int>(records.size()));
  EXPECT_GT(het_deletions, 0);
}

TEST(Statistics, FragmentLengthsFollowTheNormalModel) {
  std::string fasta = RandomFasta({{"a", 300000}, {"b", 200000}}, 5);
  Options o;
  o.seed = 3;
  o.num_pairs = 40000;
  o.mutation_rate = 0;  // reference coordinates then measure fragments exactly
  RunResult r = Simulate(o, fasta, ContigsOf(fasta));
  ASSERT_TRUE(r.ok);
  auto reads = ParseFastq(r.read1);
  ASSERT_EQ(reads.size(), 40000u);
  double sum = 0, sum2 = 0;
  for (const auto& rec : reads) {
    ReadName n;
    ASSERT_TRUE(ParseReadName(rec.name, &n));
    double length = static_cast<double>(n.right - n.left + 1);
    sum += length;
    sum2 += length * length;
  }
  double mean = sum / 40000, sd = std::sqrt(sum2 / 40000 - mean * mean);
  EXPECT_NEAR(mean, 500, 5 * 50 / std::sqrt(40000.0));
  EXPECT_NEAR(sd, 50, 5 * 50 / std::sqrt(2 * 40000.0));
}

TEST(Statistics, ErrorRateOneReplacesEveryBaseAndZeroNone) {
  std::string fasta = RandomFasta({{"a", 20000}}, 9);
  Options o;
  o.seed = 1;
  o.num_pairs = 500;
  o.mutation_rate = 0;
  o.error_rate = 1;
  RunResult all = Simulate(o, fasta, ContigsOf(fasta));
  o.error_rate = 0;
  RunResult none = Simulate(o, fasta, ContigsOf(fasta));
  auto a = ParseFastq(all.read1), z = ParseFastq(none.read1);
  ASSERT_EQ(a.size(), 500u);
  for (size_t i = 0; i < a.size(); ++i) {
    ReadName na, nz;
    ASSERT_TRUE(ParseReadName(a[i].name, &na) && ParseReadName(z[i].name, &nz));
    EXPECT_EQ(na.errors[0], 70);
    EXPECT_EQ(nz.errors[0], 0);
    EXPECT_EQ(z[i].qualities, std::string(70, 'I'));
  }
  EXPECT_EQ(a[0].qualities, std::string(70, '!'));
}

}  // namespace
}  // namespace readforge
