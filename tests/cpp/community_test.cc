// Communities (--genome-map, --abundance, --abundance-distribution, --genome-truth): reads per
// genome follow the abundances asked (a chi-square test against the multinomial), fold coverage
// per genome follows a coverage table, the drawn abundances follow their distributions, the
// truth table agrees with the reads' names and sums to -N, and bad tables are one clear error
// with nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "formats/community_joiner.h"
#include "formats/community_tables.h"
#include "sandbox.h"

namespace readforge {
namespace {

using testing::TabFields;

// Genome g has g + 2 contigs named "g<g>_c<i>", of 3 to 12 kb.
class CommunityTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    std::vector<std::pair<std::string, int64_t>> contigs;
    std::string map;
    for (int g = 0; g < kGenomes; ++g) {
      for (int c = 0; c < g + 2; ++c) {
        const std::string name = "g" + std::to_string(g) + "_c" + std::to_string(c);
        contigs.emplace_back(name, 3000 + 1000 * ((g * 7 + c * 3) % 10));
        map += name + "\t" + "genome" + std::to_string(g) + "\n";
      }
    }
    Write("community.fa", testing::RandomFasta(contigs, 11));
    Write("map.tsv", "contig\tgenome\n" + map);
  }

  // Pairs per genome from read 1's names ("@g<g>_c<i>_...").
  std::map<std::string, int64_t> PairsByGenome(const std::string& fastq) const {
    std::map<std::string, int64_t> out;
    for (const testing::FastqRecord& r : testing::ParseFastq(Read(fastq))) {
      const std::string genome = "genome" + r.name.substr(2, r.name.find('_') - 2);
      ++out[genome];
    }
    return out;
  }

  struct TruthRow {
    int64_t contigs = 0, bases = 0, pairs = 0;
    double asked = 0, coverage = 0;
  };
  std::map<std::string, TruthRow> ReadTruth(const std::string& name) const {
    std::map<std::string, TruthRow> out;
    std::istringstream in(Read(name));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#')
        continue;
      const std::vector<std::string> f = TabFields(line);
      EXPECT_EQ(f.size(), 7u) << line;
      if (f.size() != 7)
        continue;
      out[f[0]] = TruthRow{std::stoll(f[1]), std::stoll(f[2]), std::stoll(f[4]), std::stod(f[3]),
                           std::stod(f[6])};
    }
    return out;
  }

  // Pearson's chi-square of `counts` against `shares` of their total; degrees of freedom are the
  // genomes with a share, less one.
  static double ChiSquare(const std::map<std::string, int64_t>& counts,
                          const std::map<std::string, double>& shares,
                          int* freedom) {
    int64_t total = 0;
    for (const auto& [genome, n] : counts)
      total += n;
    double chi = 0;
    *freedom = -1;
    for (const auto& [genome, share] : shares) {
      if (share <= 0) {
        EXPECT_EQ(counts.count(genome), 0u) << genome << " has reads but was not asked for";
        continue;
      }
      ++*freedom;
      const double expected = share * static_cast<double>(total);
      const auto it = counts.find(genome);
      const double observed = it == counts.end() ? 0 : static_cast<double>(it->second);
      chi += (observed - expected) * (observed - expected) / expected;
    }
    return chi;
  }

  static constexpr int kGenomes = 6;
};

TEST_F(CommunityTest, ReadsPerGenomeFollowTheAbundanceTable) {
  Write("abundance.tsv",
        "genome\tabundance\ngenome0\t5\ngenome1\t1\ngenome2\t0\n"
        "genome3\t2.5\ngenome4\t0.5\ngenome5\t1\n");
  ASSERT_EQ(Run("-S 3 -N 20000 -1 100 -2 100 -d 300 -s 30 --genome-map map.tsv "
                "--abundance abundance.tsv --genome-truth truth.tsv community.fa r1.fq r2.fq "
                "--mutations /dev/null",
                nullptr),
            0);
  const std::map<std::string, int64_t> counts = PairsByGenome("r1.fq");
  const std::map<std::string, double> shares = {{"genome0", 5 / 10.0},   {"genome1", 1 / 10.0},
                                                {"genome2", 0},          {"genome3", 2.5 / 10.0},
                                                {"genome4", 0.5 / 10.0}, {"genome5", 1 / 10.0}};
  int freedom = 0;
  // 99.9th percentile of chi-square with 4 degrees of freedom.
  EXPECT_LT(ChiSquare(counts, shares, &freedom), 18.47);
  EXPECT_EQ(freedom, 4);
  // The truth table: every genome, the pairs its reads' names show, -N in all, the shares asked.
  const std::map<std::string, TruthRow> truth = ReadTruth("truth.tsv");
  ASSERT_EQ(truth.size(), static_cast<size_t>(kGenomes));
  int64_t total = 0;
  for (const auto& [genome, row] : truth) {
    const auto it = counts.find(genome);
    EXPECT_EQ(row.pairs, it == counts.end() ? 0 : it->second) << genome;
    EXPECT_NEAR(row.asked, shares.at(genome), 1e-6) << genome;
    EXPECT_EQ(row.contigs, std::stoi(genome.substr(6)) + 2) << genome;
    total += row.pairs;
  }
  EXPECT_EQ(total, 20000);
}

TEST_F(CommunityTest, WithinAGenomeContigsGetPairsByLength) {
  // One genome's contigs share its pairs by usable length, as a reference's contigs do.
  Write("abundance.tsv",
        "genome5\t1\ngenome0\t0\ngenome1\t0\ngenome2\t0\ngenome3\t0\n"
        "genome4\t0\n");
  ASSERT_EQ(Run("-S 4 -N 10000 -1 100 -2 100 -d 300 -s 30 --genome-map map.tsv "
                "--abundance abundance.tsv community.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  std::map<std::string, int64_t> by_contig;
  for (const testing::FastqRecord& r : testing::ParseFastq(Read("r1.fq"))) {
    testing::ReadName name;
    ASSERT_TRUE(testing::ParseReadName(r.name, &name)) << r.name;
    ++by_contig[name.contig];
  }
  ASSERT_EQ(by_contig.size(), 7u);  // genome5's seven contigs and no other
  int64_t usable_total = 0;
  std::map<std::string, int64_t> usable;
  for (int c = 0; c < 7; ++c) {
    const std::string name = "g5_c" + std::to_string(c);
    usable[name] = 3000 + 1000 * ((5 * 7 + c * 3) % 10) - 100 + 1;  // where a 100-base read fits
    usable_total += usable[name];
  }
  for (const auto& [contig, n] : by_contig) {
    const double expected = 10000.0 * static_cast<double>(usable[contig]) / usable_total;
    EXPECT_LE(std::fabs(static_cast<double>(n) - expected), 1.0) << contig;
  }
}

TEST_F(CommunityTest, ACoverageTableSetsEachGenomesFoldCoverage) {
  Write("coverage.tsv",
        "genome\tcoverage\ngenome0\t10\ngenome1\t2\ngenome2\t0.5\n"
        "genome3\t0\ngenome4\t30\ngenome5\t1\n");
  ASSERT_EQ(Run("-S 5 -1 100 -2 100 -d 300 -s 30 --genome-map map.tsv --abundance coverage.tsv "
                "--genome-truth truth.tsv community.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  const std::map<std::string, int64_t> counts = PairsByGenome("r1.fq");
  const std::map<std::string, TruthRow> truth = ReadTruth("truth.tsv");
  ASSERT_EQ(truth.size(), static_cast<size_t>(kGenomes));
  for (const auto& [genome, row] : truth) {
    const auto it = counts.find(genome);
    const int64_t pairs = it == counts.end() ? 0 : it->second;
    EXPECT_EQ(row.pairs, pairs) << genome;
    // Coverage over the genome's bases (fragment starts stop 200 bases short of each end).
    const double coverage = static_cast<double>(pairs * 200) / static_cast<double>(row.bases);
    EXPECT_NEAR(coverage, row.asked, 0.05 * row.asked + 0.01) << genome;
    EXPECT_NEAR(row.coverage, coverage, 1e-3) << genome;
  }
}

// Abundances drawn from each distribution: 300 genomes of one contig each.
class DrawnAbundanceTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    std::vector<std::pair<std::string, int64_t>> contigs;
    std::string map;
    for (int g = 0; g < kGenomes; ++g) {
      contigs.emplace_back("contig" + std::to_string(g), 400);
      map += "contig" + std::to_string(g) + " genome" + std::to_string(g) + "\n";
    }
    Write("many.fa", testing::RandomFasta(contigs, 12));
    Write("map.tsv", map);
  }

  // The drawn shares (the truth's "asked") and the pairs each genome got.
  void Draw(const std::string& flags, std::vector<double>* shares, std::vector<int64_t>* pairs) {
    ASSERT_EQ(Run("-S 6 -N 300000 -1 50 -2 50 -d 150 -s 10 --genome-map map.tsv " + flags +
                      " --genome-truth truth.tsv many.fa r1.fq r2.fq --mutations /dev/null",
                  nullptr),
              0);
    std::istringstream in(Read("truth.tsv"));
    std::string line;
    while (std::getline(in, line)) {
      if (line[0] == '#')
        continue;
      const std::vector<std::string> f = TabFields(line);
      shares->push_back(std::stod(f[3]));
      pairs->push_back(std::stoll(f[4]));
    }
    ASSERT_EQ(shares->size(), static_cast<size_t>(kGenomes));
    // The pairs follow the drawn shares (exactly apportioned: within one pair of N x share), and
    // the reads' names agree.
    int64_t total = 0;
    for (size_t g = 0; g < shares->size(); ++g) {
      EXPECT_LE(std::fabs(static_cast<double>((*pairs)[g]) - 300000 * (*shares)[g]), 1.0);
      total += (*pairs)[g];
    }
    EXPECT_EQ(total, 300000);
    std::vector<int64_t> named(kGenomes, 0);
    for (const testing::FastqRecord& r : testing::ParseFastq(Read("r1.fq")))
      ++named[std::stoi(r.name.substr(7, r.name.find('_') - 7))];
    EXPECT_EQ(named, *pairs);
  }

  static double Mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v)
      sum += x;
    return sum / static_cast<double>(v.size());
  }
  static double Sd(const std::vector<double>& v) {
    const double mean = Mean(v);
    double sum = 0;
    for (double x : v)
      sum += (x - mean) * (x - mean);
    return std::sqrt(sum / static_cast<double>(v.size() - 1));
  }

  static constexpr int kGenomes = 300;
};

TEST_F(DrawnAbundanceTest, LogNormalHasTheSigmaAsked) {
  std::vector<double> shares;
  std::vector<int64_t> pairs;
  Draw("--abundance-distribution lognormal --abundance-sigma 0.8", &shares, &pairs);
  std::vector<double> logs;
  for (double s : shares)
    logs.push_back(std::log(s));
  // The sample sd of 300 normal draws lies within 0.8 +- 4 x 0.8 / sqrt(2 x 299).
  EXPECT_NEAR(Sd(logs), 0.8, 4 * 0.8 / std::sqrt(598.0));
}

TEST_F(DrawnAbundanceTest, ExponentialHasACoefficientOfVariationOfOne) {
  std::vector<double> shares;
  std::vector<int64_t> pairs;
  Draw("--abundance-distribution exponential", &shares, &pairs);
  EXPECT_NEAR(Sd(shares) / Mean(shares), 1.0, 0.2);
}

TEST_F(DrawnAbundanceTest, HalfNormalHasItsRatioOfSdToMean) {
  std::vector<double> shares;
  std::vector<int64_t> pairs;
  Draw("--abundance-distribution halfnormal", &shares, &pairs);
  // |N(0, 1)|: mean sqrt(2 / pi), sd sqrt(1 - 2 / pi); their ratio 0.7555.
  EXPECT_NEAR(Sd(shares) / Mean(shares), 0.7555, 0.12);
}

TEST_F(DrawnAbundanceTest, ZeroInflatedLogNormalLeavesOutTheShareAsked) {
  std::vector<double> shares;
  std::vector<int64_t> pairs;
  Draw("--abundance-distribution zero-inflated-lognormal --abundance-zeros 0.3", &shares, &pairs);
  int zeros = 0;
  for (size_t g = 0; g < shares.size(); ++g) {
    zeros += shares[g] == 0;
    if (shares[g] == 0)
      EXPECT_EQ(pairs[g], 0) << g;
  }
  // Binomial(300, 0.3): 90 +- 4 sd of 7.9.
  EXPECT_NEAR(zeros, 90, 32);
}

TEST_F(DrawnAbundanceTest, TheSeedDecidesTheDraw) {
  const std::string flags =
      "-N 1000 -1 50 -2 50 -d 150 -s 10 --genome-map map.tsv "
      "--abundance-distribution lognormal many.fa r1.fq r2.fq --mutations "
      "/dev/null --genome-truth ";
  ASSERT_EQ(Run("-S 1 " + flags + "a.tsv", nullptr), 0);
  ASSERT_EQ(Run("-S 1 " + flags + "b.tsv", nullptr), 0);
  ASSERT_EQ(Run("-S 2 " + flags + "c.tsv", nullptr), 0);
  EXPECT_EQ(Read("a.tsv"), Read("b.tsv"));
  EXPECT_NE(Read("a.tsv"), Read("c.tsv"));
}

TEST_F(CommunityTest, BadTablesAreOneClearErrorAndNothingIsWritten) {
  const std::string run = "-S 1 -N 100 --genome-map map.tsv community.fa r1.fq r2.fq ";
  Write("missing.tsv", "genome0\t1\ngenomeX\t2\n");
  ExpectOneError(run + "--abundance missing.tsv",
                 "missing.tsv: genome 'genomeX' is not in map.tsv (its genomes: genome0, ...)");
  Write("short.tsv", "genome0\t1\n");
  ExpectOneError(run + "--abundance short.tsv",
                 "short.tsv: genome 'genome1' (from map.tsv) has no row; give it one (0 leaves "
                 "it out of the run)");
  Write("negative.tsv", "genome\tabundance\ngenome0\t-2\n");
  ExpectOneError(run + "--abundance negative.tsv",
                 "negative.tsv: abundance table line 2: genome 'genome0' has a negative amount "
                 "(-2)");
  Write("zeros.tsv", "genome0 0\ngenome1 0\n");
  ExpectOneError(run + "--abundance zeros.tsv",
                 "zeros.tsv: abundance table: every amount is 0, so no genome would be sequenced");
  Write("twice.tsv", "genome0 1\ngenome0 2\n");
  ExpectOneError(run + "--abundance twice.tsv",
                 "twice.tsv: abundance table line 2: genome 'genome0' is listed twice");
  Write("partial_map.tsv", "g0_c0 genome0\n");
  ExpectOneError("-S 1 -N 100 --genome-map partial_map.tsv community.fa r1.fq r2.fq",
                 "partial_map.tsv: the reference's contig 'g0_c1' has no genome; every contig "
                 "needs a 'contig genome' line");
  Write("extra_map.tsv", Read("map.tsv") + "chrZ genome0\n");
  ExpectOneError("-S 1 -N 100 --genome-map extra_map.tsv community.fa r1.fq r2.fq",
                 "extra_map.tsv: contig 'chrZ' is not in the reference (known: g0_c0, g0_c1, "
                 "g1_c0, g1_c1, g1_c2, g2_c0, g2_c1, g2_c2, g2_c3, g3_c0, ... (27 in all))");
  ExpectOneError("-S 1 -C 3 --genome-map map.tsv community.fa r1.fq r2.fq",
                 "--genome-map shares -N over the genomes: for fold coverage per "
                 "genome, give a 'genome coverage' table to --abundance instead "
                 "of -C");
  Write("coverage.tsv",
        "genome coverage\ngenome0 1\ngenome1 1\ngenome2 1\ngenome3 1\n"
        "genome4 1\ngenome5 1\n");
  ExpectOneError(
      "-S 1 -N 100 --genome-map map.tsv --abundance coverage.tsv community.fa r1.fq "
      "r2.fq",
      "coverage.tsv gives each genome's fold coverage, which sets the pairs: leave out "
      "-N");
  ExpectOneError("-S 1 community.fa r1.fq r2.fq --abundance-distribution lognormal",
                 "--abundance-distribution draws each genome's abundance: it needs --genome-map "
                 "to say which contigs form a genome");
  ExpectOneError(run + "--abundance-distribution gamma",
                 "--abundance-distribution must be lognormal, exponential, halfnormal or "
                 "zero-inflated-lognormal, got 'gamma'");
  ExpectOneError(run + "--abundance-distribution lognormal --abundance zeros.tsv",
                 "zeros.tsv: abundance table: every amount is 0, so no genome would be sequenced");
  Write("ok.tsv", "genome0 1\ngenome1 1\ngenome2 1\ngenome3 1\ngenome4 1\ngenome5 1\n");
  ExpectOneError(run + "--abundance-distribution lognormal --abundance ok.tsv",
                 "give --abundance or --abundance-distribution, not both");
  ExpectOneError("-S 1 community.fa r1.fq r2.fq --genome-truth t.tsv",
                 "--genome-truth reports each genome: it needs --genome-map");
  // A genome asked for whose every contig is too short for a read.
  ExpectOneError(run + "--abundance ok.tsv -1 10000 -2 10000 -d 10500 -s 10",
                 "genome 'genome0' has no room for a read: each of its contigs is shorter than "
                 "the longest read (10000 bases) or (nearly) all N");
  EXPECT_FALSE(Exists("r1.fq"));
  EXPECT_FALSE(Exists("r2.fq"));
  EXPECT_FALSE(Exists("t.tsv"));
}

TEST(CommunityTablesTest, ParsersTakeHeadersCommentsAndEitherSeparator) {
  std::vector<GenomeMapEntry> map;
  ASSERT_TRUE(ParseGenomeMap("# made by hand\ncontig\tgenome\nchr1\tecoli\nplasmid1 ecoli\n\n"
                             "NODE_1\tbsub\n",
                             &map)
                  .ok());
  ASSERT_EQ(map.size(), 3u);
  EXPECT_EQ(map[1].contig, "plasmid1");
  EXPECT_EQ(map[2].genome, "bsub");
  EXPECT_EQ(ParseGenomeMap("chr1 ecoli extra\n", &map).message(),
            "genome map line 1: expected 'contig genome'");
  EXPECT_EQ(ParseGenomeMap("chr1 a\nchr1 a\n", &map).message(),
            "genome map line 2: contig 'chr1' is listed twice");
  EXPECT_EQ(ParseGenomeMap("# nothing\n", &map).message(), "genome map: no 'contig genome' lines");

  AbundanceTable table;
  ASSERT_TRUE(ParseAbundanceTable("genome coverage\necoli 30\nbsub\t2.5\n", &table).ok());
  EXPECT_EQ(table.measure, AbundanceTable::Measure::kCoverage);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[1].second, 2.5);
  ASSERT_TRUE(ParseAbundanceTable("ecoli 0.3\nbsub 0.7\n", &table).ok());
  EXPECT_EQ(table.measure, AbundanceTable::Measure::kAbundance);
  EXPECT_EQ(ParseAbundanceTable("genome depth\n", &table).message(),
            "abundance table line 1: the header's second column is 'abundance' or 'coverage', "
            "not 'depth'");
  EXPECT_EQ(ParseAbundanceTable("ecoli lots\n", &table).message(),
            "abundance table line 1: 'lots' is not a number");
  EXPECT_EQ(ParseAbundanceTable("ecoli inf\n", &table).message(),
            "abundance table line 1: 'inf' is not a number");
  EXPECT_EQ(ParseAbundanceTable("ecoli 1e13\n", &table).message(),
            "abundance table line 1: genome 'ecoli' has an amount over 1e12 (1e13); amounts are "
            "relative, scale them down");
}

}  // namespace
}  // namespace readforge

namespace readforge {
namespace {

TEST(CommunityJoinerTest, RenamesContigsAlikeWhateverThePieces) {
  const std::string alpha = ">chr1 first\nACGT\nAC\n>chr2\r\nGG\r\n";
  const std::string beta = ">chr1\nTTTT";  // no line end at its end
  auto join = [&](size_t piece) {
    CommunityJoiner joiner;
    std::string out;
    for (const auto& [genome, text] : {std::pair{"alpha", alpha}, std::pair{"beta", beta}}) {
      joiner.StartGenome(genome);
      for (size_t at = 0; at < text.size(); at += piece)
        joiner.Push(text.data() + at, std::min(piece, text.size() - at), &out);
      joiner.EndGenome(&out);
    }
    return std::pair{out, joiner.map_text()};
  };
  const auto [whole, map] = join(1000);
  EXPECT_EQ(whole, ">alpha|chr1 first\nACGT\nAC\n>alpha|chr2\r\nGG\r\n>beta|chr1\nTTTT\n");
  EXPECT_EQ(map, "alpha|chr1\talpha\nalpha|chr2\talpha\nbeta|chr1\tbeta\n");
  for (size_t piece : {1, 2, 3, 7})
    EXPECT_EQ(join(piece), std::pair(whole, map)) << piece;
}

TEST(CommunityTablesTest, TheCommunityTableNeedsItsHeaderAndNamesWithoutBars) {
  CommunityTable table;
  ASSERT_TRUE(
      ParseCommunityTable("# two genomes\ngenome\tpath\tcoverage\nA a.fa 30\nB b.fa.gz 2\n", &table)
          .ok());
  EXPECT_TRUE(table.amounts);
  EXPECT_EQ(table.measure, AbundanceTable::Measure::kCoverage);
  ASSERT_EQ(table.members.size(), 2u);
  EXPECT_EQ(table.members[1].path, "b.fa.gz");
  EXPECT_EQ(table.AbundanceText(), "genome\tcoverage\nA\t30\nB\t2\n");
  ASSERT_TRUE(ParseCommunityTable("genome path\nA https://x/a.fa\n", &table).ok());
  EXPECT_FALSE(table.amounts);
  EXPECT_EQ(table.AbundanceText(), "");
  EXPECT_EQ(ParseCommunityTable("A a.fa\n", &table).message(),
            "community table line 1: the first line is a header: 'genome path', 'genome path "
            "abundance' or 'genome path coverage'");
  EXPECT_EQ(ParseCommunityTable("genome path abundance\nA a.fa\n", &table).message(),
            "community table line 2: the header asks for an amount in column 3");
  EXPECT_EQ(ParseCommunityTable("genome path\nA|B a.fa\n", &table).message(),
            "community table line 2: genome 'A|B': a genome's name holds no '|' (it prefixes its "
            "contigs' names)");
  EXPECT_EQ(ParseCommunityTable("genome path\nA a.fa\nA b.fa\n", &table).message(),
            "community table line 3: genome 'A' is listed twice");
  EXPECT_EQ(ParseCommunityTable("genome path abundance\nA a.fa 0\n", &table).message(),
            "community table: every amount is 0, so no genome would be sequenced");
  EXPECT_EQ(ParseCommunityTable("genome path abundance\nA a.fa -1\n", &table).message(),
            "community table line 2: the amount must be a number from 0 to 1e12, got '-1'");
}

class CommunityCliTest : public testing::Sandbox {};

TEST_F(CommunityCliTest, GenomesFromFilesAreJoinedRenamedAndReported) {
  ASSERT_EQ(Shell("mkdir -p g"), 0);
  Write("g/a.fa", testing::RandomFasta({{"chr1", 20000}, {"chr2", 5000}}, 31));
  Write("g/b.fa", testing::RandomFasta({{"chr1", 30000}}, 32));
  ASSERT_EQ(Shell("gzip g/b.fa"), 0);
  Write("g/genomes.tsv", "genome\tpath\tabundance\nA\ta.fa\t3\nB\tb.fa.gz\t1\n");
  // (In a folder of its own for temporary files, to see that the joined file goes.)
  ASSERT_EQ(Shell("mkdir tmp && TMPDIR=$PWD/tmp " + std::string(READFORGE_CLI) +
                  " -q -S 2 -N 4000 --community g/genomes.tsv --genome-truth truth.tsv --vcf "
                  "v.vcf r1.fq r2.fq > /dev/null"),
            0);
  int64_t a = 0, b = 0;
  for (const testing::FastqRecord& r : testing::ParseFastq(Read("r1.fq"))) {
    a += r.name.rfind("@A|chr", 0) == 0;
    b += r.name.rfind("@B|chr1_", 0) == 0;
  }
  EXPECT_EQ(a, 3000);
  EXPECT_EQ(b, 1000);
  const std::string truth = Read("truth.tsv");
  EXPECT_NE(truth.find("\nA\t2\t25000\t0.75\t3000\t"), std::string::npos) << truth;
  EXPECT_NE(truth.find("\nB\t1\t30000\t0.25\t1000\t"), std::string::npos) << truth;
  // The VCF's contigs are the renamed ones; the temporary joined file is gone.
  EXPECT_NE(Read("v.vcf").find("##contig=<ID=B|chr1,length=30000>"), std::string::npos);
  EXPECT_EQ(Shell("test -z \"$(ls -A tmp)\""), 0);
  // Errors: a reference argument too many, --genome-map beside it, a missing genome's file.
  ExpectOneError("-S 1 -N 10 --community g/genomes.tsv ref.fa r1.fq r2.fq",
                 "expected <out1.fq> [<out2.fq>] with --community (it names the genomes), got 3 "
                 "file arguments (see --help)");
  ExpectOneError("-S 1 -N 10 --community g/genomes.tsv --genome-map m.tsv r1.fq r2.fq",
                 "--community names each genome and its amount: drop --genome-map and "
                 "--abundance");
  Write("g/missing.tsv", "genome\tpath\nA\ta.fa\nC\tc.fa\n");
  ExpectOneError("-S 1 -N 10 --community g/missing.tsv x1.fq x2.fq",
                 "g/missing.tsv: genome 'C': cannot open g/c.fa: No such file or directory");
  EXPECT_FALSE(Exists("x1.fq"));
}

}  // namespace
}  // namespace readforge
