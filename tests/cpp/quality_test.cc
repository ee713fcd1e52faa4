// Quality profiles: errors follow the qualities (calibration), simulated qualities follow the
// profile cycle by cycle, a profile learned back from simulated reads is the one they came from,
// ART's profiles load, and bad profiles and FASTQ are clear errors. Tolerances are 5 standard
// errors or the issue's bounds, with samples large enough for both.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "engine/profile_learner.h"
#include "engine/quality_bins.h"
#include "engine/quality_profile.h"
#include "engine/random.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ParseFastq;
using testing::ParseReadName;
using testing::RandomFasta;
using testing::RunResult;

const char* kArtDir = "/usr/share/art-nextgen-simulation-tools/Illumina_profiles/";

std::shared_ptr<const QualityProfile> Load(const std::string& text) {
  std::shared_ptr<const QualityProfile> profile;
  Status s = ProfileFromTexts({"test.profile"}, {text}, &profile);
  EXPECT_TRUE(s.ok()) << s.message();
  return profile;
}

std::string ShippedProfile() {
  return testing::ReadFile(std::string(READFORGE_SOURCE_DIR) +
                           "/public/profiles/illumina-like-2x150.profile");
}

// Four qualities, equally common at every cycle, chained: each quality value gets millions of
// bases, so its error rate is measured to a few percent.
std::string FlatProfile(int cycles) {
  std::string text = "#readforge-profile\t1\nalphabet\t10\t20\t30\t40\n";
  for (const char* end : {"R1", "R2"}) {
    text += std::string("end\t") + end + "\t" + std::to_string(cycles) + "\t2\n";
    for (int c = 0; c < cycles; ++c)
      text += std::string("cycle\t") + end + "\t" + std::to_string(c) + "\t100\t100\t100\t100\n";
    for (int c = 1; c < cycles; ++c)
      for (int p = 0; p < 4; ++p)
        text += std::string("trans\t") + end + "\t" + std::to_string(c) + "\t" + std::to_string(p) +
                "\t25\t25\t25\t25\n";
  }
  return text;
}

std::string Upper(const std::string& fasta) {
  std::string bases;
  for (size_t i = fasta.find('\n') + 1; i < fasta.size(); ++i) {
    if (fasta[i] != '\n')
      bases += fasta[i];
  }
  return bases;
}

// Per quality character: bases, and bases that differ from the reference (with -r 0 a read is
// its reference stretch, forward or reverse complemented, but for its errors).
struct Tally {
  std::map<char, int64_t> bases, errors;
  int64_t claimed = 0, found = 0;
};

void TallyReads(const std::string& fastq, const std::string& reference, Tally* tally) {
  for (const auto& r : ParseFastq(fastq)) {
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(r.name, &name));
    const int64_t n = static_cast<int64_t>(r.bases.size());
    const std::string forward = reference.substr(static_cast<size_t>(name.left - 1), n);
    const std::string reverse =
        testing::ReverseComplement(reference.substr(static_cast<size_t>(name.right - n), n));
    auto mismatches = [&](const std::string& truth) {
      int64_t m = 0;
      for (int64_t i = 0; i < n; ++i)
        m += r.bases[i] != truth[i];
      return m;
    };
    const bool is_left = mismatches(forward) <= mismatches(reverse);
    const std::string& truth = is_left ? forward : reverse;
    for (int64_t i = 0; i < n; ++i) {
      ++tally->bases[r.qualities[i]];
      const bool wrong = r.bases[i] != truth[i];
      tally->errors[r.qualities[i]] += wrong;
      tally->found += wrong;
    }
    tally->claimed += name.errors[is_left ? 0 : 1];
  }
}

TEST(QualityProfiles, ErrorsFollowTheQualities) {
  const std::string fasta = RandomFasta({{"chr", 400000}}, 3);
  Options o;
  o.seed = 9;
  o.num_pairs = 150000;
  o.read1_length = o.read2_length = 150;
  o.outer_distance = 400;
  o.mutation_rate = 0;
  o.quality_profile = Load(FlatProfile(150));
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  Tally tally;
  const std::string reference = Upper(fasta);
  TallyReads(r.read1, reference, &tally);
  TallyReads(r.read2, reference, &tally);
  EXPECT_EQ(tally.found, tally.claimed) << "the names count the errors the reads carry";
  int checked = 0;
  for (const auto& [q, bases] : tally.bases) {
    if (bases < 10000)
      continue;
    const double expected = PhredErrorProbability(q - 33);
    const double observed = static_cast<double>(tally.errors[q]) / static_cast<double>(bases);
    // Within 20% of 10^(-Q/10), the issue's bound, and that bound is over 5 standard errors
    // here (each quality has at least 1000 expected errors).
    EXPECT_GT(expected * static_cast<double>(bases), 1000) << "sample too small for Q" << q - 33;
    EXPECT_NEAR(observed, expected, 0.2 * expected) << "Q" << q - 33 << ", " << bases << " bases";
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}

// Qualities 3, 10, 20 and 40 in equal shares at each of 150 cycles, with no transition rows
// (independent cycles, as ART's profiles).
std::string IndependentProfile() {
  std::string text = "#readforge-profile\t1\nalphabet\t3\t10\t20\t40\n";
  for (const char* end : {"R1", "R2"}) {
    text += std::string("end\t") + end + "\t150\t2\n";
    for (int c = 0; c < 150; ++c)
      text += std::string("cycle\t") + end + "\t" + std::to_string(c) + "\t100\t100\t100\t100\n";
  }
  return text;
}

// A profile whose cycles are independent (no transition rows, as ART's) and has at most eight
// qualities draws each step's errors with its two qualities: each quality's rate, and no
// clustering, within a step (the two bases of one draw) or across steps.
TEST(QualityProfiles, IndependentCyclesDrawErrorsWithTheirQualities) {
  const std::string text = IndependentProfile();
  const std::string fasta = RandomFasta({{"chr", 400000}}, 4);
  Options o;
  o.seed = 21;
  o.num_pairs = 100000;
  o.read1_length = 150;
  o.read2_length = 149;  // an odd read: its last step has one base
  o.outer_distance = 400;
  o.mutation_rate = 0;
  o.quality_profile = Load(text);
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  const std::string reference = Upper(fasta);
  Tally tally;
  TallyReads(r.read1, reference, &tally);
  TallyReads(r.read2, reference, &tally);
  EXPECT_EQ(tally.found, tally.claimed) << "the names count the errors the reads carry";
  for (const auto& [q, bases] : tally.bases) {
    const double p = PhredErrorProbability(q - 33);
    const double observed = static_cast<double>(tally.errors[q]) / static_cast<double>(bases);
    const double sd = std::sqrt(p * (1 - p) / static_cast<double>(bases));
    EXPECT_NEAR(observed, p, 5 * sd + 0.05 * p) << "Q" << q - 33 << ", " << bases << " bases";
  }
  EXPECT_EQ(tally.bases.size(), 4u);
  // Pairs of Q3 bases (p about 1/2), within a step (first base at an even cycle) and across two:
  // both wrong as often as p^2, and the last base of the odd read as often as p.
  int64_t pairs[2] = {0, 0}, both[2] = {0, 0}, last = 0, last_wrong = 0;
  std::map<char, std::map<char, int64_t>> calls;  // true base -> wrong call -> count
  for (const std::string* fastq : {&r.read1, &r.read2}) {
    for (const auto& rec : ParseFastq(*fastq)) {
      testing::ReadName name;
      ASSERT_TRUE(ParseReadName(rec.name, &name));
      const size_t n = rec.bases.size();
      const std::string forward = reference.substr(static_cast<size_t>(name.left - 1), n);
      const std::string reverse =
          testing::ReverseComplement(reference.substr(static_cast<size_t>(name.right) - n, n));
      int64_t forward_mismatches = 0, reverse_mismatches = 0;
      for (size_t i = 0; i < n; ++i) {
        forward_mismatches += rec.bases[i] != forward[i];
        reverse_mismatches += rec.bases[i] != reverse[i];
      }
      const std::string& truth = forward_mismatches <= reverse_mismatches ? forward : reverse;
      for (size_t i = 0; i < n; ++i) {
        if (rec.bases[i] != truth[i])
          ++calls[truth[i]][rec.bases[i]];
      }
      for (size_t i = 0; i + 1 < n; ++i) {
        if (rec.qualities[i] != '$' || rec.qualities[i + 1] != '$')
          continue;
        ++pairs[i % 2];
        both[i % 2] += rec.bases[i] != truth[i] && rec.bases[i + 1] != truth[i + 1];
      }
      if (n == 149 && rec.qualities[148] == '$') {
        ++last;
        last_wrong += rec.bases[148] != truth[148];
      }
    }
  }
  const double p3 = PhredErrorProbability(3);
  for (int within = 0; within < 2; ++within) {
    const double observed = static_cast<double>(both[within]) / static_cast<double>(pairs[within]);
    const double sd = std::sqrt(p3 * p3 * (1 - p3 * p3) / static_cast<double>(pairs[within]));
    EXPECT_NEAR(observed, p3 * p3, 5 * sd) << (within == 0 ? "within a step" : "across steps");
  }
  EXPECT_NEAR(static_cast<double>(last_wrong) / static_cast<double>(last), p3,
              5 * std::sqrt(p3 * (1 - p3) / static_cast<double>(last)));
  // A wrong call is each of the other three bases a third of the time.
  ASSERT_EQ(calls.size(), 4u);
  for (const auto& [base, called] : calls) {
    ASSERT_EQ(called.size(), 3u) << base;
    int64_t total = 0;
    for (const auto& [call, count] : called)
      total += count;
    for (const auto& [call, count] : called) {
      EXPECT_NEAR(static_cast<double>(count) / static_cast<double>(total), 1.0 / 3,
                  5 * std::sqrt(2.0 / 9 / static_cast<double>(total)))
          << base << " -> " << call << ", " << total << " errors";
    }
  }
}

// The per-cycle sums of a run whose steps draw errors (the app's chart) are the written
// qualities', exactly: reads of lengths that end mid-vector or are shorter than one, and reads
// with N (the N quality).
TEST(QualityProfiles, IndependentCyclesSumTheWrittenQualities) {
  std::string fasta = RandomFasta({{"chr", 200000}}, 8);
  for (size_t at = 1000; at + 40 < fasta.size(); at += 613)
    for (size_t i = at; i < at + 2; ++i)
      fasta[i] = fasta[i] == '\n' ? '\n' : 'N';
  Options o;
  o.seed = 4;
  o.num_pairs = 20000;
  o.quality_profile = Load(IndependentProfile());
  for (const auto& [length1, length2] :
       {std::pair{150, 149}, std::pair{37, 120}, std::pair{10, 64}}) {
    o.read1_length = length1;
    o.read2_length = length2;
    RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
    ASSERT_TRUE(r.ok) << r.error;
    size_t with_n = 0;
    for (int mate = 0; mate < 2; ++mate) {
      std::vector<int64_t> sums(static_cast<size_t>(mate == 0 ? length1 : length2), 0);
      for (const auto& rec : ParseFastq(mate == 0 ? r.read1 : r.read2)) {
        with_n += rec.bases.find('N') != std::string::npos;
        for (size_t c = 0; c < sums.size(); ++c)
          sums[c] += rec.qualities[c] - 33;
      }
      EXPECT_EQ(r.stats.cycle_quality_sums[static_cast<size_t>(mate)], sums)
          << length1 << "/" << length2 << " R" << mate + 1;
    }
    EXPECT_GT(with_n, 100u) << "reads with N";
  }
}

TEST(QualityProfiles, BinnedQualitiesCarryTheMeanRateOfTheirMembers) {
  // Qualities 10, 20, 30 and 40 in equal shares, binned as a NovaSeq bins them: 10 -> 12, 20 and
  // 30 -> 23, 40 -> 37. The errors are drawn from the unbinned qualities (the same bases as
  // without binning), so bin 23's rate is the mean of Q20's and Q30's, not 10^-2.3.
  const std::string fasta = RandomFasta({{"chr", 400000}}, 3);
  Options o;
  o.seed = 9;
  o.num_pairs = 60000;
  o.read1_length = o.read2_length = 150;
  o.outer_distance = 400;
  o.mutation_rate = 0;
  o.quality_profile = Load(FlatProfile(150));
  RunResult plain = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  o.quality_bins = std::make_shared<const QualityBins>(QualityBins::NovaSeq());
  RunResult binned = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(plain.ok && binned.ok);
  const auto a = ParseFastq(plain.read1 + plain.read2);
  const auto b = ParseFastq(binned.read1 + binned.read2);
  ASSERT_EQ(a.size(), b.size());
  std::map<char, double> expected;  // by bin: the sum of its members' error probabilities
  for (size_t r = 0; r < a.size(); ++r) {
    ASSERT_EQ(a[r].bases, b[r].bases) << "binning changed a read";
    for (size_t i = 0; i < a[r].qualities.size(); ++i)
      expected[b[r].qualities[i]] += PhredErrorProbability(a[r].qualities[i] - 33);
  }
  Tally tally;
  TallyReads(binned.read1, Upper(fasta), &tally);
  TallyReads(binned.read2, Upper(fasta), &tally);
  ASSERT_EQ(tally.bases.size(), 3u) << "only the bins' values are written";
  const std::map<char, double> members = {{'-', 0.1}, {'8', (0.01 + 0.001) / 2}, {'F', 0.0001}};
  for (const auto& [q, bases] : tally.bases) {
    ASSERT_TRUE(members.count(q)) << "quality " << q;
    const double rate = expected[q] / static_cast<double>(bases);
    EXPECT_NEAR(rate, members.at(q), 0.02 * members.at(q)) << "bin " << q - 33;
    const double observed = static_cast<double>(tally.errors[q]) / static_cast<double>(bases);
    // 5 standard errors, and under 20% (bin 37 has some 450 expected errors).
    const double sigma = std::sqrt(rate * (1 - rate) / static_cast<double>(bases));
    EXPECT_NEAR(observed, rate, std::min(5 * sigma, 0.2 * rate)) << "bin " << q - 33;
  }
}

// Apply maps many characters at a time where it can: every length (whole vectors and tails),
// every Phred+33 character, the NovaSeq bins and a user's table, as Map does one by one.
TEST(QualityProfiles, BinningRunsOfQualitiesMapsEachOne) {
  QualityBins table = QualityBins::NovaSeq();
  ASSERT_TRUE(QualityBins::Parse("0\t5\t40\n6\t6\t0\n40\t93\t7\n", &table).ok());
  for (const QualityBins& bins : {QualityBins::NovaSeq(), table}) {
    for (size_t n = 0; n <= 200; ++n) {
      std::string qualities(n, '!');
      for (size_t i = 0; i < n; ++i)
        qualities[i] = static_cast<char>(33 + (i * 37 + n) % (kMaxPhred + 1));
      std::string expected = qualities;
      for (char& q : expected)
        q = bins.Map(q);
      std::string guarded = qualities + "\x7f";  // past the run: left alone
      bins.Apply(guarded.data(), n);
      ASSERT_EQ(guarded, expected + "\x7f") << bins.name << ", " << n << " qualities";
    }
  }
  EXPECT_EQ(table.Map('!' + 3), '!' + 40);
  EXPECT_EQ(table.Map('!' + 6), '!');
  EXPECT_EQ(table.Map('!' + 20), '!' + 20);  // in no bin
  EXPECT_EQ(table.Map('!' + 93), '!' + 7);
}

TEST(QualityProfiles, QualitiesFollowTheProfileCycleByCycle) {
  const std::string fasta = RandomFasta({{"chr", 300000}}, 4);
  Options o;
  o.seed = 2;
  o.num_pairs = 40000;
  o.read1_length = o.read2_length = 150;
  o.quality_profile = Load(ShippedProfile());
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  for (int mate = 0; mate < 2; ++mate) {
    std::vector<int64_t> sums(150, 0);
    auto reads = ParseFastq(mate == 0 ? r.read1 : r.read2);
    for (const auto& rec : reads)
      for (size_t c = 0; c < 150; ++c)
        sums[c] += rec.qualities[c] - 33;
    // The run's own per-cycle sums (the app's chart) are the written qualities', exactly.
    EXPECT_EQ(r.stats.cycle_quality_sums[static_cast<size_t>(mate)], sums) << "R" << mate + 1;
    for (int c = 0; c < 150; ++c) {
      EXPECT_NEAR(
          static_cast<double>(sums[static_cast<size_t>(c)]) / static_cast<double>(reads.size()),
          o.quality_profile->MeanQuality(mate, c), 0.5)
          << "R" << mate + 1 << " cycle " << c;
    }
  }
  // R2 is worse than R1 late in the read, and both fall along it (a parametric Illumina shape).
  EXPECT_LT(o.quality_profile->MeanQuality(1, 149), o.quality_profile->MeanQuality(0, 149) - 1);
  EXPECT_LT(o.quality_profile->MeanQuality(0, 149), o.quality_profile->MeanQuality(0, 0) - 4);
}

// A chained profile of `states` qualities over `cycles` cycles, its counts and transition rows
// drawn from `seed` (some rows empty: the cycle's counts stand in), states 1 and 2 never
// following state 0 (a transition that must never be drawn).
std::string RandomChainProfile(int states, int cycles, uint64_t seed) {
  Rng rng(seed);
  std::string text = "#readforge-profile\t1\nalphabet";
  for (int q = 0; q < states; ++q)
    text += "\t" + std::to_string(2 + 3 * q);
  text += "\n";
  auto count = [&] { return std::to_string(rng() % 1000 < 150 ? 0 : 1 + rng() % 5000); };
  for (const char* end : {"R1", "R2"}) {
    text += std::string("end\t") + end + "\t" + std::to_string(cycles) + "\t2\n";
    for (int c = 0; c < cycles; ++c) {
      text += std::string("cycle\t") + end + "\t" + std::to_string(c);
      for (int q = 0; q < states; ++q)
        text += "\t" + std::to_string(1 + rng() % 1000);
      text += "\n";
    }
    for (int c = 1; c < cycles; ++c) {
      for (int p = 0; p < states; ++p) {
        if (p == states - 1 && c % 7 == 0)
          continue;  // no row: the cycle's counts
        text += std::string("trans\t") + end + "\t" + std::to_string(c) + "\t" + std::to_string(p);
        for (int q = 0; q < states; ++q)
          text += "\t" + (p == 0 && (q == 1 || q == 2) ? std::string("0") : count());
        text += "\n";
      }
    }
  }
  return text;
}

// The probability of state `q` at `cycle` after state `p`, as the profile says.
double TransitionProbability(const ReadEndProfile& end, int64_t cycle, int p, int q, int k) {
  const uint64_t* row = end.Row(cycle, p, k);
  uint64_t total = 0;
  for (int s = 0; s < k; ++s)
    total += row[s];
  if (total == 0) {
    row = &end.counts[static_cast<size_t>(cycle * k)];
    for (int s = 0; s < k; ++s)
      total += row[s];
  }
  return static_cast<double>(row[q]) / static_cast<double>(total);
}

// Every transition the reads show is the profile's: per read end, transitions into even cycles
// and into odd ones apart (a profile of few states draws two cycles at a time, so one kind lies
// within a draw and the other between two), each cell of the summed transition counts within 6
// standard errors of what the profile implies, and a forbidden transition never seen. With few
// states (two cycles a draw) and many (one), odd and unequal read lengths.
TEST(QualityProfiles, TransitionsFollowTheProfileWithinAndBetweenDraws) {
  const std::string fasta = RandomFasta({{"chr", 200000}}, 6);
  for (int states : {6, 12}) {
    auto profile = Load(RandomChainProfile(states, 150, 40 + states));
    ASSERT_TRUE(profile);
    Options o;
    o.seed = 8;
    o.num_pairs = 30000;
    o.read1_length = 149;
    o.read2_length = 100;
    o.quality_profile = profile;
    RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
    ASSERT_TRUE(r.ok) << r.error;
    std::map<char, int> state_of;
    for (int q = 0; q < states; ++q)
      state_of[static_cast<char>(33 + profile->alphabet[static_cast<size_t>(q)])] = q;
    const size_t k = static_cast<size_t>(states);
    for (int mate = 0; mate < 2; ++mate) {
      const int64_t length = mate == 0 ? o.read1_length : o.read2_length;
      // [parity of the cycle][cycle][previous state][state]
      std::vector<std::vector<int64_t>> seen(static_cast<size_t>(length),
                                             std::vector<int64_t>(k * k, 0));
      for (const auto& rec : ParseFastq(mate == 0 ? r.read1 : r.read2)) {
        ASSERT_EQ(static_cast<int64_t>(rec.qualities.size()), length);
        for (int64_t c = 1; c < length; ++c) {
          const int p = state_of.at(rec.qualities[static_cast<size_t>(c - 1)]);
          const int q = state_of.at(rec.qualities[static_cast<size_t>(c)]);
          ++seen[static_cast<size_t>(c)][static_cast<size_t>(p) * k + static_cast<size_t>(q)];
        }
      }
      for (int parity = 0; parity < 2; ++parity) {
        std::vector<double> observed(k * k, 0), expected(k * k, 0), variance(k * k, 0);
        for (int64_t c = 1 + (parity == 0); c < length; c += 2) {
          const auto& cell = seen[static_cast<size_t>(c)];
          for (size_t p = 0; p < k; ++p) {
            int64_t from = 0;
            for (size_t q = 0; q < k; ++q)
              from += cell[p * k + q];
            for (size_t q = 0; q < k; ++q) {
              const double prob = TransitionProbability(profile->end(mate), c, static_cast<int>(p),
                                                        static_cast<int>(q), states);
              observed[p * k + q] += static_cast<double>(cell[p * k + q]);
              expected[p * k + q] += static_cast<double>(from) * prob;
              variance[p * k + q] += static_cast<double>(from) * prob * (1 - prob);
            }
          }
        }
        for (size_t cell = 0; cell < k * k; ++cell) {
          EXPECT_NEAR(observed[cell], expected[cell], 6 * std::sqrt(variance[cell]) + 1)
              << states << " states, R" << mate + 1 << ", into " << (parity == 0 ? "even" : "odd")
              << " cycles, " << cell / k << " -> " << cell % k;
        }
        EXPECT_EQ(observed[1] + observed[2], 0) << "0 -> 1 or 2 is never in the profile";
      }
    }
  }
}

TEST(QualityProfiles, ALearnedProfileIsTheOneTheReadsCameFrom) {
  const std::string fasta = RandomFasta({{"chr", 200000}}, 5);
  Options o;
  o.seed = 4;
  o.num_pairs = 30000;
  o.read1_length = o.read2_length = 150;
  o.quality_profile = Load(ShippedProfile());
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  ProfileLearner learner;
  // Fed in awkward pieces: chunking never changes what is learned.
  for (int mate = 0; mate < 2; ++mate) {
    const std::string& fastq = mate == 0 ? r.read1 : r.read2;
    for (size_t at = 0; at < fastq.size(); at += 4093)
      ASSERT_TRUE(
          learner.Push(mate, fastq.data() + at, std::min<size_t>(4093, fastq.size() - at)).ok());
    ASSERT_TRUE(learner.FinishEnd(mate).ok());
  }
  QualityProfile learned;
  std::vector<std::string> notes;
  ASSERT_TRUE(learner.Finish({"r1.fq", "r2.fq"}, &learned, &notes).ok());
  EXPECT_TRUE(notes.empty());
  EXPECT_EQ(learned.alphabet, o.quality_profile->alphabet);
  for (int mate = 0; mate < 2; ++mate)
    for (int c = 0; c < 150; ++c)
      EXPECT_NEAR(learned.MeanQuality(mate, c), o.quality_profile->MeanQuality(mate, c), 0.3)
          << "R" << mate + 1 << " cycle " << c;
  // Its text reads back as the same profile.
  QualityProfile again;
  ASSERT_TRUE(QualityProfile::Parse(learned.Format(), &again).ok());
  EXPECT_EQ(again.Format(), learned.Format());
}

TEST(QualityProfiles, ArtProfilesLoadAndTheirCyclesAreFollowed) {
  const std::string r1 = testing::ReadFile(std::string(kArtDir) + "HiSeq2500L150R1.txt");
  const std::string r2 = testing::ReadFile(std::string(kArtDir) + "HiSeq2500L150R2.txt");
  ASSERT_FALSE(r1.empty()) << "install Debian's art-nextgen-simulation-tools-profiles";
  std::shared_ptr<const QualityProfile> art;
  ASSERT_TRUE(ProfileFromTexts({"R1.txt", "R2.txt"}, {r1, r2}, &art).ok());
  EXPECT_EQ(art->ends.size(), 2u);
  EXPECT_EQ(art->ends[0].cycles, 150);
  EXPECT_EQ(art->ends[0].n_quality, 3);  // ART's N lines: N calls get the lowest level
  // Cycle 0 of R1 as the research notes read it off the file: 87.6% Q34.
  EXPECT_NEAR(
      art->MeanQuality(0, 0),
      (3 * 40020.0 + 7 * 6133 + 16 * 263172 + 23 * 52077 + 28 * 1160798 + 34 * 10753856) / 12276056,
      1e-9);
  const std::string fasta = RandomFasta({{"chr", 300000}}, 6);
  Options o;
  o.seed = 3;
  o.num_pairs = 20000;
  o.read1_length = o.read2_length = 150;
  o.quality_profile = art;
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  std::vector<double> sums(150, 0);
  auto reads = ParseFastq(r.read2);
  for (const auto& rec : reads)
    for (size_t c = 0; c < 150; ++c)
      sums[c] += rec.qualities[c] - 33;
  for (int c = 0; c < 150; c += 7)
    EXPECT_NEAR(sums[static_cast<size_t>(c)] / static_cast<double>(reads.size()),
                art->MeanQuality(1, c), 0.5)
        << "R2 cycle " << c;
}

TEST(QualityProfiles, InsertionAndDeletionErrorsAtTheProfilesRates) {
  // Q60 everywhere (substitutions one in a million), 0.2% insertions and 0.3% deletions.
  std::string text = "#readforge-profile\t1\nalphabet\t60\n";
  for (const char* end : {"R1", "R2"}) {
    text += std::string("end\t") + end + "\t100\t2\n";
    for (int c = 0; c < 100; ++c)
      text += std::string("cycle\t") + end + "\t" + std::to_string(c) + "\t1\n";
    text += std::string("indel\t") + end + "\t0.002\t0.003\n";
  }
  const std::string fasta = RandomFasta({{"chr", 200000}}, 8);
  Options o;
  o.seed = 5;
  o.num_pairs = 20000;
  o.read1_length = o.read2_length = 100;
  o.mutation_rate = 0;
  o.quality_profile = Load(text);
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  int64_t errors = 0;
  int64_t shifted = 0;  // reads that no longer match the reference base for base
  const std::string reference = Upper(fasta);
  for (const auto& rec : ParseFastq(r.read1)) {
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(rec.name, &name));
    ASSERT_EQ(rec.bases.size(), 100u);
    errors += name.errors[0] + name.errors[1];
    const std::string forward = reference.substr(static_cast<size_t>(name.left - 1), 100);
    const std::string reverse =
        testing::ReverseComplement(reference.substr(static_cast<size_t>(name.right - 100), 100));
    shifted += rec.bases != forward && rec.bases != reverse;
  }
  // Both mates' errors are in each name: 4 million bases at 0.5%, Poisson.
  const double expected = 4e6 * 0.005;
  EXPECT_NEAR(static_cast<double>(errors), expected, 5 * std::sqrt(expected));
  // A read 1 with an indel (probability 1 - 0.995^100 = 39%) no longer lines up.
  EXPECT_NEAR(static_cast<double>(shifted) / 20000, 1 - std::pow(0.995, 100), 0.02);
}

TEST(QualityProfiles, BadProfilesAreClearErrors) {
  auto error = [](const std::string& text) {
    QualityProfile p;
    return QualityProfile::Parse(text, &p).message();
  };
  const std::string good = FlatProfile(3);
  EXPECT_EQ(error(""),
            "line 1: expected '#readforge-profile<TAB>1' or an ART Illumina profile (is this a "
            "quality profile?)");
  EXPECT_EQ(error(std::string("\x1f\x8b\x08\x00\x00", 5)),
            "line 1: expected '#readforge-profile<TAB>1' or an ART Illumina profile (is this a "
            "quality profile?)");
  EXPECT_EQ(error("#readforge-profile\t2\n"),
            "line 1: format version 2 is not one this readforge reads (1)");
  EXPECT_EQ(error("#readforge-profile\t1\n"),
            "no 'alphabet' and 'end' lines: an empty or truncated profile");
  EXPECT_EQ(error(good.substr(0, good.find("cycle\tR1\t2"))),
            "R1 cycle 2 has no counts: the profile is truncated or edited");
  EXPECT_EQ(error("#readforge-profile\t1\nalphabet\t30\t20\n"),
            "line 2: alphabet: values must be ascending, each once");
  EXPECT_EQ(error("#readforge-profile\t1\nalphabet\t30\nend\tR1\t5000\t2\n"),
            "line 3: expected 'end<TAB>R1|R2<TAB>CYCLES (1 to 1000)<TAB>N_QUALITY'");
  EXPECT_EQ(error("#readforge-profile\t1\nalphabet\t30\t40\nend\tR1\t2\t2\ncycle\tR1\t0\t1\n"),
            "line 4: expected 2 counts, one per quality value");
  EXPECT_EQ(error("#readforge-profile\t1\nalphabet\t30\nend\tR2\t2\t2\n"),
            "line 3: 'end' lines come once each, R1 first");
  EXPECT_EQ(error(".\t0\t3\t7\n.\t0\t10\n"),
            "line 2: cycle 0: qualities and counts do not match (an ART profile has pairs of "
            "lines: SYM CYCLE QUALITIES, then SYM CYCLE CUMULATIVE COUNTS)");
  EXPECT_EQ(error(".\t0\t3\t7\n.\t0\t10\t20\n.\t1\t3\n"),
            "line 3: a quality line without its counts (a truncated profile?)");
  // A profile too short for the reads names both lengths.
  Options o;
  o.read1_length = 150;
  o.read2_length = 100;
  o.quality_profile = Load(FlatProfile(120));
  EXPECT_EQ(ValidateOptions(o).message(),
            "read 1 is 150 bases long, but the quality profile's R1 has only 120 cycles (use "
            "shorter reads, or a profile of longer ones)");
}

TEST(QualityProfiles, BadFastqIsAClearErrorNamingTheRead) {
  auto error = [](const std::string& fastq) {
    ProfileLearner learner;
    Status s = learner.Push(0, fastq.data(), fastq.size());
    if (s.ok())
      s = learner.FinishEnd(0);
    return s.message();
  };
  EXPECT_EQ(error("@r1\nACGT\n+\nIII\n"), "line 4 (read 1): 4 bases but 3 qualities");
  EXPECT_EQ(error("@r1\nACGT\n+\nIIII\n@r2\nAC\n"),
            "line 7 (read 2): the input ends inside a read (a truncated file?)");
  EXPECT_EQ(error(""), "no reads (an empty file?)");
  EXPECT_EQ(error(">chr1\nACGT\n"),
            "line 1 (read 1): this looks like FASTA ('>'), not FASTQ ('@')");
  EXPECT_EQ(error(std::string("\x1f\x8b\x08\x00\x00\x00\n", 7)),
            "line 1 (read 1): the data looks gzip-compressed: decompress it first");
  EXPECT_EQ(error("@r1\nAC\x01T\n+\nIIII\n"),
            "line 2 (read 1): column 3: unexpected byte 0x01 in the bases");
  EXPECT_EQ(error("@r1\nACGT\nIIII\n"),
            "line 3 (read 1): expected the '+' line after the bases (FASTQ with bases wrapped "
            "over several lines is not supported)");
  // Phred+64 is converted (the profile is the same as the +33 data's), Solexa refused.
  ProfileLearner p33, p64;
  const std::string q33 = "@a\nACGTN\n+\n5?I&#\n@b\nACGTA\n+\nIII55\n";
  std::string q64 = q33;
  for (const std::string& record : {std::string("5?I&#"), std::string("III55")}) {
    std::string shifted = record;
    for (char& c : shifted)
      c = static_cast<char>(c + 31);
    q64.replace(q64.find(record), record.size(), shifted);
  }
  ASSERT_TRUE(p33.Push(0, q33.data(), q33.size()).ok());
  ASSERT_TRUE(p33.FinishEnd(0).ok());
  ASSERT_TRUE(p64.Push(0, q64.data(), q64.size()).ok());
  ASSERT_TRUE(p64.FinishEnd(0).ok());
  QualityProfile a, b;
  std::vector<std::string> notes_a, notes_b;
  ASSERT_TRUE(p33.Finish({"x"}, &a, &notes_a).ok());
  ASSERT_TRUE(p64.Finish({"x"}, &b, &notes_b).ok());
  EXPECT_EQ(notes_b,
            std::vector<std::string>{"Phred+64 qualities (old Illumina): converted to Phred+33"});
  EXPECT_EQ(a.alphabet, b.alphabet);
  EXPECT_EQ(a.ends[0].counts, b.ends[0].counts);
  EXPECT_EQ(a.ends[0].n_quality, 2);  // the N was called at '#'
  ProfileLearner solexa;
  const std::string s = "@a\nACGT\n+\n;;hh\n";
  ASSERT_TRUE(solexa.Push(0, s.data(), s.size()).ok());
  ASSERT_TRUE(solexa.FinishEnd(0).ok());
  QualityProfile c;
  EXPECT_EQ(solexa.Finish({"x"}, &c, &notes_a).message(),
            "the qualities start at ';': Solexa scores (old Illumina) are not supported; convert "
            "them to Phred+33 first");
}

}  // namespace
}  // namespace readforge
