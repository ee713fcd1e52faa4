// The whole engine on small fuzzed references with fuzzed options. Invariants, not just "no
// crash": output is valid FASTQ with reads of the requested lengths, names place fragments
// inside their contig, -N gives exactly N pairs (less those an all-N stretch refused), and
// neither the input chunking nor a split into block ranges changes a byte.
#include <map>
#include <string>

#include "../cpp/test_util.h"
#include "engine/simulator.h"
#include "fuzz_util.h"

namespace {

using namespace readforge;

// Expands fuzz bytes into a mostly well-formed FASTA, so the fuzzer reaches the simulation.
std::string MakeReference(std::string_view raw) {
  std::string fasta = ">c0\n";
  int contigs = 1;
  for (size_t i = 0; i < raw.size(); ++i) {
    const auto b = static_cast<uint8_t>(raw[i]);
    if (b < 224) {
      for (int k = 0; k < 4; ++k)
        fasta += "ACGT"[(b >> (2 * k)) & 3];
    } else if (b < 232) {
      fasta += '\n';
    } else if (b < 236) {
      fasta += "\n>c" + std::to_string(contigs++) + " description\n";
    } else if (b < 240) {
      fasta.append(1 + (i + 1 < raw.size() ? static_cast<uint8_t>(raw[++i]) : 0), 'N');
    } else if (b < 244) {
      fasta += "acgtRYKM"[b - 240 + (i & 4)];
    } else if (b < 248) {
      fasta += "\r\n";
    } else {
      fasta += static_cast<char>(b % 2 ? '\r' : b);  // junk, or an old Mac line end
    }
  }
  return fasta + "\n";
}

void CheckFastq(const Options& o,
                const testing::RunResult& r,
                const std::map<std::string, int64_t>& lengths) {
  auto reads1 = testing::ParseFastq(r.read1);
  FUZZ_CHECK(r.read1.size() == 0 || r.read1.back() == '\n', "FASTQ does not end a record");
  int64_t records = 0;
  for (const auto& rec : reads1) {
    ++records;
    testing::ReadName name;
    FUZZ_CHECK(testing::ParseReadName(rec.name, &name), "a read name wgsim would not write");
    FUZZ_CHECK(rec.bases.size() == rec.qualities.size(), "qualities do not match bases");
    int64_t expected = name.mate == 1 ? o.read1_length : o.read2_length;
    FUZZ_CHECK(static_cast<int64_t>(rec.bases.size()) == expected, "a read of the wrong length");
    auto it = lengths.find(name.contig);
    FUZZ_CHECK(it != lengths.end(), "a read from an unknown contig");
    FUZZ_CHECK(name.left >= 1 && name.left <= name.right && name.right <= it->second,
               "fragment coordinates outside the contig");
    for (char c : rec.bases)
      FUZZ_CHECK(c == 'A' || c == 'C' || c == 'G' || c == 'T' || c == 'N', "a base not ACGTN");
  }
  int64_t per_pair = o.interleaved ? 2 : 1;
  FUZZ_CHECK(records == r.pairs * per_pair, "records and pair count disagree");
  if (o.paired() && !o.interleaved)
    FUZZ_CHECK(static_cast<int64_t>(testing::ParseFastq(r.read2).size()) == r.pairs, "mates lost");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Bytes bytes(data, size);
  Options o;
  o.seed = static_cast<uint64_t>(bytes.Int(0, 1 << 20));
  o.num_pairs = bytes.Int(0, 60);
  if (bytes.Byte() & 1)
    o.coverage = static_cast<double>(bytes.Int(1, 30)) / 10;
  o.read1_length = bytes.Int(1, 80);
  o.read2_length = bytes.Int(0, 80);
  o.outer_distance = bytes.Int(1, 300);
  o.std_dev = static_cast<double>(bytes.Int(0, 60));
  o.error_rate = bytes.Fraction() * 0.3;
  o.mutation_rate = bytes.Fraction() * 0.2;
  o.indel_fraction = bytes.Fraction();
  o.indel_extend = bytes.Fraction() * 0.9;
  o.max_n_fraction = bytes.Fraction();
  o.haploid = bytes.Byte() & 1;
  o.interleaved = o.paired() && (bytes.Byte() & 1);
  o.block_size = bytes.Int(1024, 3000);
  o.write_vcf = true;
  const std::string fasta = MakeReference(bytes.Rest());

  auto contigs = testing::ContigsOf(fasta);
  testing::RunResult whole = testing::Simulate(o, fasta, contigs);
  if (contigs.empty()) {  // the scanner refused the reference: so must the simulator
    FUZZ_CHECK(!whole.ok && !whole.error.empty(), "a reference the scanner refused was accepted");
    return 0;
  }
  for (size_t chunk : {size_t{1}, size_t{7}}) {
    testing::RunResult r = testing::Simulate(o, fasta, contigs, chunk);
    FUZZ_CHECK(r.ok == whole.ok && r.error == whole.error, "chunking changed the outcome");
    FUZZ_CHECK(r.read1 == whole.read1 && r.read2 == whole.read2, "chunking changed the reads");
    FUZZ_CHECK(r.mutations == whole.mutations && r.vcf == whole.vcf, "chunking changed variants");
  }
  if (!whole.ok) {
    FUZZ_CHECK(!whole.error.empty(), "a failure without a message");
    return 0;
  }
  std::map<std::string, int64_t> lengths;
  for (size_t i = 0; i < contigs.size(); ++i)
    lengths[std::string(contigs.name(i))] = contigs.length(i);
  CheckFastq(o, whole, lengths);
  if (o.coverage <= 0)
    FUZZ_CHECK(whole.pairs + whole.dropped == o.num_pairs, "-N pairs not all accounted for");
  // A split into two block ranges writes the same reads.
  Options first = o, second = o;
  first.end_block = second.first_block = bytes.Int(0, 6);
  first.write_vcf = second.write_vcf = false;
  testing::RunResult a = testing::Simulate(first, fasta, contigs, 5);
  testing::RunResult b = testing::Simulate(second, fasta, contigs, 11);
  FUZZ_CHECK(a.ok && b.ok, "a block range failed where the whole run did not");
  FUZZ_CHECK(a.read1 + b.read1 == whole.read1 && a.read2 + b.read2 == whole.read2,
             "block ranges do not add up to the whole run");
  return 0;
}
