#include "test_util.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <sstream>

#include "engine/haplotype_reader.h"
#include "engine/simulator.h"
#include "formats/contig_scanner.h"

namespace readforge::testing {

void Collect(Simulator& sim, RunResult* result) {
  result->read1 += sim.Output(OutputStream::kRead1);
  result->read2 += sim.Output(OutputStream::kRead2);
  result->mutations += sim.Output(OutputStream::kMutations);
  result->vcf += sim.Output(OutputStream::kVcf);
  sim.ConsumeOutputs();
}

namespace {

// Runs `sim` to its end on `fasta` (chunks of `chunk` bytes), calling `feed_variants` whenever
// it asks for variants and `after_run` (if any) after every Run(); its outputs, stats and
// warnings (or error) into the result.
RunResult Drive(Simulator& sim,
                const std::string& fasta,
                size_t chunk,
                const std::function<void()>& feed_variants,
                const std::function<void()>& after_run = nullptr) {
  RunResult result;
  Status s = sim.Start();
  if (!s.ok()) {
    result.error = s.message();
    return result;
  }
  size_t fed = 0;
  while (true) {
    Simulator::State state = sim.Run();
    Collect(sim, &result);
    if (after_run)
      after_run();
    if (state == Simulator::State::kError) {
      result.error = sim.error();
      return result;
    }
    if (state == Simulator::State::kDone)
      break;
    if (state == Simulator::State::kNeedInput) {
      size_t n = std::min(chunk, fasta.size() - fed);
      fasta.copy(sim.InputBuffer(n), n, fed);
      sim.CommitInput(n);
      fed += n;
      if (n == 0)
        sim.Finish();
    }
    if (state == Simulator::State::kNeedVariantInput)
      feed_variants();
  }
  result.ok = true;
  result.warnings = sim.warnings();
  result.pairs = sim.stats().pairs;
  result.dropped = sim.stats().dropped_pairs;
  result.stats = sim.stats();
  return result;
}

// The VCF's next `chunk` bytes of text into `sim` (its end, once all were fed).
void FeedVariantText(Simulator& sim, const std::string& variants, size_t chunk, size_t* fed) {
  size_t n = std::min(chunk, variants.size() - *fed);
  variants.copy(sim.VariantBuffer(n), n, *fed);
  sim.CommitVariants(n);
  *fed += n;
  if (n == 0)
    sim.FinishVariants();
}

GapIndex GapsFor(const std::string& fasta, const ContigList& contigs, const GapIndex* gaps) {
  return gaps ? *gaps : contigs.empty() ? GapIndex() : GapsOf(fasta);
}

}  // namespace

RunResult Simulate(const Options& options,
                   const std::string& fasta,
                   const ContigList& contigs,
                   size_t chunk,
                   const GapIndex* gaps,
                   const std::string& variants) {
  Simulator sim(options, contigs, GapsFor(fasta, contigs, gaps));
  size_t fed_variants = 0;
  if (chunk == 0)
    chunk = std::max<size_t>({fasta.size(), variants.size(), 1});
  return Drive(sim, fasta, chunk, [&] { FeedVariantText(sim, variants, chunk, &fed_variants); });
}

RunResult SimulateInTwoStages(const Options& options,
                              const std::string& fasta,
                              const ContigList& contigs,
                              size_t chunk,
                              const std::string& variants,
                              size_t* blocks) {
  if (chunk == 0)
    chunk = std::max<size_t>({fasta.size(), variants.size(), 1});
  // The first stage: every block's variants and truth, as a host's drawing thread makes them,
  // ended as the host ends them.
  Simulator drawer(options, contigs, GapsFor(fasta, contigs, nullptr));
  drawer.ExportVariantBlocks();
  std::vector<std::shared_ptr<const VariantBlock>> drawn, taken;
  size_t fed_variants = 0;
  const RunResult first = Drive(
      drawer, fasta, chunk, [&] { FeedVariantText(drawer, variants, chunk, &fed_variants); },
      [&] {
        drawer.TakeVariantBlocks(&taken);
        drawn.insert(drawn.end(), taken.begin(), taken.end());
      });
  // (No gtest here: the fuzz targets link this file too; faults come back as the run's error.)
  if (!first.read1.empty() || !first.mutations.empty()) {
    RunResult fault;
    fault.error = "the drawing simulator wrote reads or truth of its own";
    return fault;
  }
  auto end = std::make_shared<VariantBlock>();
  end->kind = first.ok ? VariantBlock::Kind::kEnd : VariantBlock::Kind::kError;
  end->planted = drawer.stats().planted;
  end->error = first.error;
  drawn.push_back(std::move(end));
  if (blocks)
    *blocks = drawn.size() - 1;
  // The second: the reads, from those blocks.
  Simulator reads(options, contigs, GapsFor(fasta, contigs, nullptr));
  reads.UseVariantBlocks();
  size_t next = 0;
  RunResult result = Drive(reads, fasta, chunk, [&] {
    if (next < drawn.size()) {
      reads.TakeVariantBlock(drawn[next++]);
      return;
    }
    auto fault = std::make_shared<VariantBlock>();
    fault->kind = VariantBlock::Kind::kError;
    fault->error = "variant blocks asked for after their end";
    reads.TakeVariantBlock(std::move(fault));
  });
  if (result.ok && next != drawn.size()) {
    result.ok = false;
    result.error =
        "took " + std::to_string(next) + " of " + std::to_string(drawn.size()) + " variant blocks";
  }
  return result;
}

ContigList ContigsOf(const std::string& fasta) {
  ContigScanner scanner;
  if (!scanner.Push(fasta.data(), fasta.size()).ok() || !scanner.Finish().ok())
    return {};
  return scanner.contigs();
}

GapIndex GapsOf(const std::string& fasta) {
  ContigScanner scanner;
  if (!scanner.Push(fasta.data(), fasta.size()).ok() || !scanner.Finish().ok())
    return {};
  return scanner.gaps();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string TestData(const std::string& name) {
  return ReadFile(std::string(READFORGE_SOURCE_DIR) + "/tests/data/" + name);
}

std::string SequenceOf(const std::string& fasta, const std::string& contig) {
  std::istringstream in(fasta);
  std::string line, seq;
  bool on = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '>')
      on = line.substr(1, line.find_first_of(" \t") - 1) == contig;
    else if (on)
      seq += line;
  }
  return seq;
}

std::string RandomFasta(const std::vector<std::pair<std::string, int64_t>>& contigs,
                        uint64_t seed,
                        int line) {
  std::mt19937_64 rng(seed);  // test data only; the engine never uses std:: randomness
  std::string fasta;
  for (const auto& [name, length] : contigs) {
    fasta += ">" + name + " random test contig\n";
    for (int64_t i = 0; i < length; ++i) {
      fasta += "ACGT"[rng() & 3];
      if ((i + 1) % line == 0 || i + 1 == length)
        fasta += '\n';
    }
  }
  return fasta;
}

std::vector<FastqRecord> ParseFastq(const std::string& text) {
  std::vector<FastqRecord> records;
  std::istringstream in(text);
  std::string name, bases, plus, qualities;
  while (std::getline(in, name) && std::getline(in, bases) && std::getline(in, plus) &&
         std::getline(in, qualities)) {
    records.push_back({name, bases, qualities});
  }
  return records;
}

bool ParseReadName(const std::string& name, ReadName* out) {
  // @contig_L_R_e:s:i_e:s:i_index/mate, where the contig may itself contain '_'.
  if (name.size() < 3 || name[0] != '@' || name[name.size() - 2] != '/')
    return false;
  out->mate = name.back() - '0';
  std::string body = name.substr(1, name.size() - 3);
  std::vector<std::string> parts;
  size_t end = body.size();
  for (int i = 0; i < 5; ++i) {
    size_t us = body.rfind('_', end - 1);
    if (us == std::string::npos)
      return false;
    parts.push_back(body.substr(us + 1, end - us - 1));
    end = us;
  }
  out->contig = body.substr(0, end);
  out->index = parts[0];
  for (int t = 0; t < 2; ++t) {
    if (std::sscanf(parts[2 - t].c_str(), "%d:%d:%d", &out->errors[t], &out->snps[t],
                    &out->indels[t]) != 3)
      return false;
  }
  out->left = std::stoll(parts[4]);
  out->right = std::stoll(parts[3]);
  return true;
}

std::vector<std::string> TabFields(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, '\t');)
    fields.push_back(field);
  return fields;
}

std::string ReverseComplement(const std::string& s) {
  std::string r(s.rbegin(), s.rend());
  for (char& c : r)
    c = Complement(c);
  return r;
}

}  // namespace readforge::testing
