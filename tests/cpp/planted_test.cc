// Planted variants (--variants): reads carry exactly the haplotypes bcftools consensus builds
// from the same VCF; the truth VCF is the input's records; genotypes without a phase follow a
// fair coin; overlaps, mismatches and bad VCFs are handled as documented; blocks and chunks
// stay independent.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ParseFastq;
using testing::ParseReadName;
using testing::RandomFasta;
using testing::ReadFile;
using testing::RunResult;

std::string Bases(const std::string& fasta, const std::string& name) {
  const size_t header = fasta.find(">" + name);
  std::string out;
  for (size_t i = fasta.find('\n', header) + 1; i < fasta.size() && fasta[i] != '>'; ++i)
    if (fasta[i] != '\n')
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(fasta[i])));
  return out;
}

// A VCF of every kind of record on `contigs`: SNPs, MNVs, insertions, deletions (some across
// the 1024-base block boundaries), complex replacements; phased genotypes; sorted and apart.
std::string MakeVcf(const std::string& fasta,
                    const std::vector<std::pair<std::string, int64_t>>& contigs,
                    uint64_t seed,
                    bool phased = true) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  auto bases = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
      s += "ACGT"[pick(4)];
    return s;
  };
  const char* genotypes[] = {"0|1", "1|0", "1|1"};
  std::string vcf = "##fileformat=VCFv4.2\n";
  for (const auto& [name, length] : contigs)
    vcf += "##contig=<ID=" + name + ",length=" + std::to_string(length) + ">\n";
  vcf += "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n";
  vcf += "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n";
  for (const auto& [name, length] : contigs) {
    const std::string ref = Bases(fasta, name);
    for (int64_t pos = 5 + pick(40); pos < length - 100; pos += 12 + pick(80)) {
      int64_t ref_length = 1;
      std::string alt;
      const int kind = pick(6);
      if (pos % 1024 > 990 && kind < 3)
        ref_length = 60;  // a deletion across a block boundary
      else if (kind == 0)
        ref_length = 1;  // SNP
      else if (kind == 1)
        ref_length = 2 + pick(2);  // MNV
      else if (kind == 2)
        ref_length = 1;  // insertion
      else if (kind == 3)
        ref_length = 2 + pick(40);  // deletion
      else
        ref_length = 2 + pick(4);  // complex
      const std::string r = ref.substr(static_cast<size_t>(pos), static_cast<size_t>(ref_length));
      if (pos % 1024 > 990 && kind < 3) {
        alt = r.substr(0, 1);
      } else if (kind == 0 || kind == 1) {
        for (char c : r)
          alt += "ACGT"[("ACGT" + std::string()).find(c) + 1 + pick(3) & 3];
      } else if (kind == 2) {
        alt = r + bases(1 + pick(12));
      } else if (kind == 3) {
        alt = r.substr(0, 1);
      } else {
        alt = bases(1 + pick(6));
        if (alt == r)
          alt += "A";
      }
      const char* gt = genotypes[pick(3)];
      std::string g = gt;
      if (!phased)
        g[1] = '/';
      vcf += name + "\t" + std::to_string(pos + 1) + "\t.\t" + r + "\t" + alt +
             "\t.\tPASS\t.\tGT\t" + g + "\n";
      pos += ref_length;
    }
  }
  return vcf;
}

class PlantedTest : public testing::Sandbox {};

// bcftools consensus's chain: reference positions to haplotype positions, per contig. Inside a
// gap (a replacement whose REF and ALT are not bases for bases), readforge pairs the bases from
// the left, and the REF bases beyond the ALT's length are deleted: so does this mapping.
struct Chain {
  struct Block {
    int64_t t, q, size, dt, dq;
  };
  std::map<std::string, std::vector<Block>> blocks;

  explicit Chain(const std::string& text) {
    std::istringstream in(text);
    std::string line, contig;
    int64_t t = 0, q = 0;
    while (std::getline(in, line)) {
      std::istringstream f(line);
      if (line.rfind("chain", 0) == 0) {
        std::string word, strand;
        int64_t score, t_size, t_end, q_size, q_start, q_end;
        f >> word >> score >> contig >> t_size >> strand >> t >> t_end >> word >> q_size >>
            strand >> q >> q_end;
        continue;
      }
      int64_t size = 0, dt = 0, dq = 0;
      if (!(f >> size))
        continue;
      f >> dt >> dq;
      blocks[contig].push_back(Block{t, q, size, dt, dq});
      t += size + dt;
      q += size + dq;
    }
  }
  // The haplotype position of reference position `pos`, or -1 if it is deleted there.
  int64_t Map(const std::string& contig, int64_t pos) const {
    for (const Block& b : blocks.at(contig)) {
      if (pos >= b.t && pos < b.t + b.size)
        return b.q + (pos - b.t);
      const int64_t offset = pos - (b.t + b.size);
      if (offset >= 0 && offset < b.dt)
        return offset < b.dq ? b.q + b.size + offset : -1;
    }
    return -1;
  }
};

TEST_F(PlantedTest, EveryReadIsItsHaplotypeAsBcftoolsConsensusBuildsIt) {
  const std::vector<std::pair<std::string, int64_t>> contigs = {{"c1", 30000}, {"c2", 12000}};
  const std::string fasta = RandomFasta(contigs, 21, 60);
  const std::string vcf = MakeVcf(fasta, contigs, 5);
  Write("ref.fa", fasta);
  Write("calls.vcf", vcf);
  ASSERT_EQ(Shell("samtools faidx ref.fa && bgzip -f calls.vcf && tabix -p vcf calls.vcf.gz"), 0);
  for (int h : {1, 2}) {
    const std::string hs = std::to_string(h);
    ASSERT_EQ(Shell("bcftools consensus -s S1 -H " + hs + " -f ref.fa -c chain" + hs +
                    ".txt calls.vcf.gz > hap" + hs + ".fa 2> /dev/null"),
              0);
  }
  const std::string haps[2] = {ReadFile(Path("hap1.fa")), ReadFile(Path("hap2.fa"))};
  const Chain chains[2] = {Chain(ReadFile(Path("chain1.txt"))),
                           Chain(ReadFile(Path("chain2.txt")))};
  Options o;
  o.seed = 3;
  o.num_pairs = 6000;
  o.read1_length = o.read2_length = 100;
  o.outer_distance = 300;
  o.std_dev = 30;
  o.error_rate = 0;
  o.mutation_rate = 0;
  o.block_size = 1024;
  o.plant_variants = true;
  o.write_vcf = true;
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta), 777, nullptr, vcf);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.stats.planted.planted, std::count(vcf.begin(), vcf.end(), '\n') - 5);
  auto read1 = ParseFastq(r.read1), read2 = ParseFastq(r.read2);
  ASSERT_EQ(read1.size(), 6000u);
  int with_variants = 0;
  for (size_t i = 0; i < read1.size(); ++i) {
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(read1[i].name, &name));
    bool found = false;
    for (int h = 0; h < 2 && !found; ++h) {
      const std::string hap = Bases(haps[h], name.contig);
      const int64_t a = chains[h].Map(name.contig, name.left - 1);
      const int64_t e = chains[h].Map(name.contig, name.right - 1);
      if (a < 0 || e < 0)
        continue;
      // The fragment ends at its last reference base or, drawn on its haplotype, inside the
      // insertion after it (whose bases take their anchor's position): up to the next base kept.
      int64_t next = -1;
      for (int64_t p = name.right; next < 0 && p < name.right + 1000; ++p)
        next = chains[h].Map(name.contig, p);
      const std::string left = hap.substr(static_cast<size_t>(a), 100);
      for (int64_t end = e; !found && (end == e || end < next); ++end) {
        const std::string right =
            testing::ReverseComplement(hap.substr(static_cast<size_t>(end - 99), 100));
        found = (read1[i].bases == left && read2[i].bases == right) ||
                (read1[i].bases == right && read2[i].bases == left);
      }
    }
    EXPECT_TRUE(found) << read1[i].name << " is not haplotype 1 or 2 at its coordinates";
    with_variants += name.snps[0] + name.snps[1] + name.indels[0] + name.indels[1] > 0;
  }
  EXPECT_GT(with_variants, 3000);  // the test means something: most reads carry a variant
}

TEST_F(PlantedTest, TheTruthVcfIsTheInputsRecords) {
  const std::vector<std::pair<std::string, int64_t>> contigs = {{"c1", 30000}, {"c2", 12000}};
  const std::string fasta = RandomFasta(contigs, 22, 60);
  const std::string vcf = MakeVcf(fasta, contigs, 6);
  Write("ref.fa", fasta);
  Write("in.vcf", vcf);
  Options o;
  o.seed = 4;
  o.num_pairs = 100;
  o.mutation_rate = 0;
  o.block_size = 1024;
  o.plant_variants = true;
  o.write_vcf = true;
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta), 0, nullptr, vcf);
  ASSERT_TRUE(r.ok) << r.error;
  Write("out.vcf", r.vcf);
  // Accepted as it stands, and the same records as the input after normalising both.
  const std::string norm = "bcftools norm --check-ref e -f ref.fa ";
  ASSERT_EQ(Shell("samtools faidx ref.fa && " + norm +
                  "in.vcf 2>/dev/null | bcftools query -f "
                  "'%CHROM %POS %REF %ALT [%GT]\\n' > in.txt && " +
                  norm +
                  "out.vcf 2>/dev/null | bcftools query -f '%CHROM %POS %REF %ALT [%GT]\\n' > "
                  "out.txt"),
            0);
  EXPECT_GT(ReadFile(Path("in.txt")).size(), 5000u);
  EXPECT_EQ(ReadFile(Path("out.txt")), ReadFile(Path("in.txt")));
  // With -r > 0, random mutations join them where no record is, without the PLANTED flag.
  o.mutation_rate = 0.01;
  RunResult both = testing::Simulate(o, fasta, testing::ContigsOf(fasta), 0, nullptr, vcf);
  ASSERT_TRUE(both.ok) << both.error;
  Write("both.vcf", both.vcf);
  ASSERT_EQ(Shell(norm + "both.vcf 2>/dev/null | bcftools query -i 'INFO/PLANTED=1' -f "
                         "'%CHROM %POS %REF %ALT [%GT]\\n' > planted.txt && bcftools query -e "
                         "'INFO/PLANTED=1' -f '%POS\\n' both.vcf | wc -l > random.txt"),
            0);
  EXPECT_EQ(ReadFile(Path("planted.txt")), ReadFile(Path("in.txt")));
  EXPECT_GT(std::atoi(ReadFile(Path("random.txt")).c_str()), 200);  // 42 kb at 1%
}

TEST_F(PlantedTest, UnphasedAndSamplelessGenotypesFollowAFairCoinAndTheHetFraction) {
  const std::vector<std::pair<std::string, int64_t>> contigs = {{"c", 200000}};
  const std::string fasta = RandomFasta(contigs, 23, 60);
  std::string vcf =
      "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n";
  std::string sampleless = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
  const std::string bases = Bases(fasta, "c");
  for (int64_t pos = 10; pos < 199000; pos += 20) {
    const char ref = bases[static_cast<size_t>(pos)];
    const char alt = ref == 'A' ? 'C' : 'A';
    const std::string common =
        "c\t" + std::to_string(pos + 1) + "\t.\t" + ref + "\t" + alt + "\t.\tPASS\t.";
    vcf += common + "\tGT\t0/1\n";
    sampleless += common + "\n";
  }
  Options o;
  o.seed = 9;
  o.num_pairs = 10;
  o.mutation_rate = 0;
  o.plant_variants = true;
  o.write_vcf = true;
  auto genotypes = [&](const std::string& input) {
    RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta), 0, nullptr, input);
    EXPECT_TRUE(r.ok) << r.error;
    std::map<std::string, int> counts;
    std::istringstream in(r.vcf);
    for (std::string line; std::getline(in, line);)
      if (line[0] != '#')
        ++counts[line.substr(line.rfind('\t') + 1)];
    return counts;
  };
  auto unphased = genotypes(vcf);
  const double n = 9950;
  EXPECT_EQ(unphased["0|1"] + unphased["1|0"], 9950);
  EXPECT_NEAR(unphased["1|0"], n / 2, 5 * std::sqrt(n / 4));
  EXPECT_EQ(genotypes(sampleless)["1|1"], 9950);  // without genotypes: homozygous
  o.het_fraction = 0.3;
  auto het = genotypes(sampleless);
  EXPECT_NEAR(het["0|1"] + het["1|0"], 0.3 * n, 5 * std::sqrt(n * 0.3 * 0.7));
  EXPECT_NEAR(het["0|1"], 0.15 * n, 5 * std::sqrt(n * 0.15 * 0.85));
}

TEST_F(PlantedTest, BlocksChunksAndOverlapsAreHandledAsDocumented) {
  const std::vector<std::pair<std::string, int64_t>> contigs = {{"c1", 30000}, {"c2", 12000}};
  const std::string fasta = RandomFasta(contigs, 24, 60);
  std::string vcf = MakeVcf(fasta, contigs, 7);
  // An overlapping record (same start as the first: the first wins) and a record whose REF is
  // wrong, both on c2.
  const size_t c2 = vcf.find("\nc2\t") + 1;
  const std::string first_c2 = vcf.substr(c2, vcf.find('\n', c2) - c2 + 1);
  vcf.insert(vcf.find('\n', c2) + 1, first_c2);
  Options o;
  o.seed = 8;
  o.num_pairs = 3000;
  o.block_size = 1024;
  o.mutation_rate = 0.005;
  o.plant_variants = true;
  o.write_vcf = true;
  const auto index = testing::ContigsOf(fasta);
  RunResult full = testing::Simulate(o, fasta, index, 0, nullptr, vcf);
  ASSERT_TRUE(full.ok) << full.error;
  EXPECT_EQ(full.stats.planted.overlapping, 1);
  EXPECT_NE(std::find(full.warnings.begin(), full.warnings.end(),
                      "--variants: 1 records overlap an earlier one and were not planted (the "
                      "first wins)"),
            full.warnings.end());
  for (size_t chunk : {size_t{1}, size_t{333}, size_t{4096}}) {
    RunResult r = testing::Simulate(o, fasta, index, chunk, nullptr, vcf);
    EXPECT_EQ(r.read1, full.read1) << "chunk " << chunk;
    EXPECT_EQ(r.vcf, full.vcf) << "chunk " << chunk;
  }
  for (int64_t split : {3, 17, 30}) {
    Options a = o, b = o;
    a.end_block = split;
    b.first_block = split;
    RunResult ra = testing::Simulate(a, fasta, index, 5000, nullptr, vcf);
    RunResult rb = testing::Simulate(b, fasta, index, 999, nullptr, vcf);
    ASSERT_TRUE(ra.ok && rb.ok) << ra.error << rb.error;
    EXPECT_EQ(ra.read1 + rb.read1, full.read1) << "split " << split;
  }
  // Regions: records outside them are counted, reads carry those inside.
  o.regions = {{"c1", 5000, 15000, {}}};
  RunResult region = testing::Simulate(o, fasta, index, 0, nullptr, vcf);
  ASSERT_TRUE(region.ok) << region.error;
  EXPECT_GT(region.stats.planted.outside, 300);
  EXPECT_GT(region.stats.planted.planted, 100);
}

// The CLI draws the variants (planted and random) and their truth on one thread and makes the
// reads on another, handing blocks across: the same run, byte for byte, whatever it writes.
TEST_F(PlantedTest, VariantsDrawnInASimulatorOfTheirOwnMakeTheSameRun) {
  const std::vector<std::pair<std::string, int64_t>> contigs = {
      {"c1", 30000}, {"tiny", 90}, {"c2", 12000}};
  const std::string fasta = RandomFasta(contigs, 26, 60);
  std::string vcf = MakeVcf(fasta, {{"c1", 30000}, {"c2", 12000}}, 9, false);
  const size_t c2 = vcf.find("\nc2\t") + 1;  // an overlapping record: the first wins
  vcf.insert(vcf.find('\n', c2) + 1, vcf.substr(c2, vcf.find('\n', c2) - c2 + 1));
  const auto index = testing::ContigsOf(fasta);
  Options base;
  base.seed = 12;
  base.num_pairs = 2500;
  base.block_size = 1024;
  base.mutation_rate = 0.004;
  base.indel_fraction = 0.3;
  base.plant_variants = true;
  base.write_vcf = true;
  std::vector<Options> runs(6, base);
  runs[1].haploid = true;
  runs[2].read2_length = 0;  // single-end
  runs[2].write_vcf = false;
  runs[3].regions = {{"c1", 5000, 15000, {}}, {"c2", 0, 4000, {}}};
  runs[4].first_block = 7;  // a shard
  runs[4].end_block = 25;
  runs[5].het_fraction = 0.4;
  runs[5].mutation_rate = 0;
  for (size_t i = 0; i < runs.size(); ++i) {
    const RunResult one = testing::Simulate(runs[i], fasta, index, 0, nullptr, vcf);
    ASSERT_TRUE(one.ok) << one.error;
    size_t blocks = 0;
    const RunResult two = testing::SimulateInTwoStages(runs[i], fasta, index, 777, vcf, &blocks);
    ASSERT_TRUE(two.ok) << "run " << i << ": " << two.error;
    EXPECT_GT(blocks, 10u) << "run " << i;
    EXPECT_TRUE(two.read1 == one.read1 && two.read2 == one.read2) << "run " << i;
    EXPECT_TRUE(two.mutations == one.mutations && two.vcf == one.vcf) << "run " << i;
    EXPECT_GT(one.mutations.size(), 1000u) << "run " << i;
    EXPECT_EQ(two.warnings, one.warnings) << "run " << i;
    EXPECT_EQ(two.stats.planted.planted, one.stats.planted.planted) << "run " << i;
    EXPECT_EQ(two.stats.planted.overlapping, one.stats.planted.overlapping) << "run " << i;
    EXPECT_EQ(two.stats.planted.outside, one.stats.planted.outside) << "run " << i;
    EXPECT_EQ(two.stats.snps + two.stats.insertions + two.stats.deletions,
              one.stats.snps + one.stats.insertions + one.stats.deletions)
        << "run " << i;
    EXPECT_EQ(two.stats.pairs, one.stats.pairs) << "run " << i;
  }
}

// A contig no longer than the reads holds a pair only where its haplotype does: a deletion on
// both haplotypes leaves no place, and the warning says so (not "too many Ns"); on one haplotype
// the pairs go to the other.
TEST_F(PlantedTest, PairsThatDeletionsLeaveNoRoomForAreCountedWithTheirCause) {
  const std::vector<std::pair<std::string, int64_t>> contigs = {{"long", 3000}, {"tight", 104}};
  const std::string fasta = RandomFasta(contigs, 25, 60);
  const std::string tight = Bases(fasta, "tight");
  auto deletion = [&](const char* genotype) {
    return "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n"
           "tight\t50\t.\t" +
           tight.substr(49, 6) + "\t" + tight.substr(49, 1) + "\t.\t.\t.\tGT\t" + genotype + "\n";
  };
  Options o;
  o.seed = 9;
  o.num_pairs = 2000;
  o.read1_length = o.read2_length = 100;
  o.outer_distance = 100;
  o.std_dev = 0;
  o.mutation_rate = 0;
  o.plant_variants = true;
  const auto index = testing::ContigsOf(fasta);
  RunResult both = testing::Simulate(o, fasta, index, 0, nullptr, deletion("1|1"));
  ASSERT_TRUE(both.ok) << both.error;
  // 5 of the 2,906 usable starts are on `tight`: a few pairs are its share, and all are lost.
  const int64_t lost = 2000 - both.stats.pairs;
  EXPECT_GT(lost, 0);
  EXPECT_EQ(both.stats.dropped_pairs, lost);
  EXPECT_EQ(both.warnings,
            std::vector<std::string>{
                "tight (104 bases): " + std::to_string(lost) +
                " read pairs could not be placed: deletions leave its haplotypes shorter than "
                "the reads (100) wherever tried"});
  for (const auto& rec : ParseFastq(both.read1)) {
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(rec.name, &name));
    EXPECT_EQ(name.contig, "long");
  }
  RunResult one = testing::Simulate(o, fasta, index, 0, nullptr, deletion("0|1"));
  ASSERT_TRUE(one.ok) << one.error;
  EXPECT_EQ(one.stats.pairs, 2000);
  EXPECT_TRUE(one.warnings.empty()) << one.warnings[0];
}

TEST_F(PlantedTest, BadVcfsAreOneClearErrorNamingTheLine) {
  const std::vector<std::pair<std::string, int64_t>> contigs = {{"c1", 3000}, {"c2", 2000}};
  const std::string fasta = RandomFasta(contigs, 25, 60);
  const std::string c1 = Bases(fasta, "c1");
  const std::string head =
      "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n";
  auto line = [](const std::string& contig, int64_t pos1, const std::string& ref,
                 const std::string& alt, const std::string& gt = "0|1") {
    return contig + "\t" + std::to_string(pos1) + "\t.\t" + ref + "\t" + alt +
           "\t.\tPASS\t.\tGT\t" + gt + "\n";
  };
  const std::string ref10(1, c1[9]);
  const std::string other10(1, c1[9] == 'A' ? 'C' : 'A');
  struct Case {
    std::string vcf, sample, error;
  };
  const Case cases[] = {
      {head + line("c1", 10, other10, "G"), "",
       "t.vcf: line 3: REF '" + other10 + "' at c1:10 is not the reference's '" + ref10 +
           "' (a VCF for another reference? --skip-mismatches skips such records)"},
      {head + line("c1", 500, c1.substr(499, 1), "T") + line("c1", 10, ref10, "T"), "",
       "t.vcf: line 4: records out of order: c1:10 after line 3 (the VCF must follow the "
       "reference's order: sort it with bcftools sort)"},
      {head + line("c2", 10, Bases(fasta, "c2").substr(9, 1), "T") + line("c1", 10, ref10, "T"), "",
       "t.vcf: line 4: records out of order: c1:10 after line 3 (the VCF must follow the "
       "reference's order: sort it with bcftools sort)"},
      // Two faults in one block: the first line's, as the VCF has them.
      {head + line("c1", 10, other10, "G") + line("c1", 5, c1.substr(4, 1), "T"), "",
       "t.vcf: line 3: REF '" + other10 + "' at c1:10 is not the reference's '" + ref10 +
           "' (a VCF for another reference? --skip-mismatches skips such records)"},
      {head + line("c1", 20, c1.substr(19, 1), "T") + line("c1", 10, other10, "G"), "",
       "t.vcf: line 4: records out of order: c1:10 after line 3 (the VCF must follow the "
       "reference's order: sort it with bcftools sort)"},
      {head + line("chrZ", 10, "A", "T"), "",
       "t.vcf: line 3: contig 'chrZ' is not in the reference (a VCF for another reference, or "
       "with other contig names?)"},
      {head + "c1\t10\t.\tA\n", "",
       "t.vcf: line 3: expected 8 or more tab-separated fields (CHROM POS ID REF ALT QUAL FILTER "
       "INFO), found 4"},
      {head + line("c1", 10, ref10, "<DEL>"), "",
       "t.vcf: line 3: ALT '<DEL>': needs INFO/END (or SVLEN) to say where it ends"},
      {head + line("c1", 10, ref10, "<CNV>"), "",
       "t.vcf: line 3: ALT '<CNV>': needs INFO/END (or SVLEN) to say where it ends"},
      {head + line("c1", 10, ref10, "G]c1:500]"), "",
       "t.vcf: line 3: ALT 'G]c1:500]': breakends and '*' cannot be planted (sequence alleles, "
       "and symbolic <DEL>, <DUP>, <INV>, <INS>, <CNV>)"},
      {head + line("c1", 10, ref10, "<INS>"), "",
       "t.vcf: line 3: ALT '<INS>': an insertion is planted with its sequence, in INFO/SVINSSEQ "
       "(or as the ALT itself)"},
      {head + line("c1", 10, ref10, "T", "0|3"), "",
       "t.vcf: line 3: genotype '0|3' for 1 ALT allele(s)"},
      {head, "NA12878", "t.vcf: line 2: sample 'NA12878' is not in the VCF (its samples: S1)"},
      {"c1\t10\t.\tA\tT\n", "",
       "t.vcf: line 1: a record before the '#CHROM' header line (is this a VCF?)"},
      {"", "", "t.vcf: line 1: no '#CHROM' header line (an empty or truncated VCF?)"},
  };
  for (const Case& c : cases) {
    Options o;
    o.seed = 1;
    o.num_pairs = 10;
    o.plant_variants = true;
    o.variants_name = "t.vcf";
    o.variants_sample = c.sample;
    RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta), 0, nullptr, c.vcf);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, c.error);
    // Drawn in a simulator of their own (the CLI's drawing thread): the same error.
    RunResult staged = testing::SimulateInTwoStages(o, fasta, testing::ContigsOf(fasta), 0, c.vcf);
    EXPECT_FALSE(staged.ok);
    EXPECT_EQ(staged.error, c.error);
  }
  // --skip-mismatches skips and counts instead.
  Options o;
  o.seed = 1;
  o.num_pairs = 10;
  o.plant_variants = true;
  o.skip_mismatches = true;
  RunResult r = testing::Simulate(o, fasta, testing::ContigsOf(fasta), 0, nullptr,
                                  head + line("c1", 10, other10, "G"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.stats.planted.mismatches, 1);
}

}  // namespace
}  // namespace readforge
