// The Embind surface of the engine's Simulator: options and inputs in, reference bytes pushed
// through a view of a C++ buffer, output read through views (the pump's contract), stats out.
#include <emscripten/bind.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "engine/arguments.h"
#include "engine/fai.h"
#include "engine/gap_index.h"
#include "engine/quality_profile.h"
#include "engine/simulator.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

// The outputs' names, for compression by name (.gz): "-" for each when the host gives none.
std::array<std::string, 4> OutputNames(val names) {
  std::array<std::string, 4> out = {"-", "-", "-", "-"};
  for (unsigned i = 0; !names.isUndefined() && i < 4 && i < names["length"].as<unsigned>(); ++i)
    out[i] = AsString(names[i]);
  return out;
}

class WasmSimulator {
 public:
  // settings: [[name, value], ...] with readforge's option names; inputs: {faiText, bedTexts,
  // gapsText, gapsName, profileTexts, profileNames, outputNames}, each optional: a .fai, the
  // texts of BED files, a gap sidecar (<ref>.gaps.bed, or a scan's gapsText()) and its name for
  // messages, the texts and names of the --profile files (one, or R1 and R2), and the names of
  // the outputs (read 1, read 2, mutation list, VCF: those named .gz are compressed).
  WasmSimulator(val settings, val inputs) : settings_(std::move(settings)), inputs_(inputs) {}

  // "" when the run can start, else what is wrong.
  std::string start() {
    std::vector<Setting> settings;
    const unsigned n = settings_["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i)
      settings.emplace_back(AsString(settings_[i][0]), AsString(settings_[i][1]));
    Options options;
    Status s = OptionsFromSettings(settings, AsStrings(inputs_["bedTexts"]), &options);
    const std::string fai_text = TextField(inputs_, "faiText");
    const std::string gaps_text = TextField(inputs_, "gapsText");
    const std::string gaps_name = TextField(inputs_, "gapsName");
    const std::vector<std::string> profiles = AsStrings(inputs_["profileTexts"]);
    if (s.ok() && !profiles.empty())
      s = ProfileFromTexts(AsStrings(inputs_["profileNames"]), profiles, &options.quality_profile);
    if (s.ok())
      s = ResolveCompression(OutputNames(inputs_["outputNames"]), &options);
    if (s.ok() && !fai_text.empty())
      s = ParseFai(fai_text, &entries_);
    GapIndex gaps;
    if (s.ok() && !gaps_text.empty()) {
      s = GapIndex::Parse(gaps_text, &gaps);
      if (!s.ok() && !gaps_name.empty())
        s = Status::Error(gaps_name + ": " + s.message());
      gaps.source = gaps_name;
    }
    if (s.ok()) {
      // Without a .fai, a sidecar's contigs are the index (as on the command line).
      const bool from_gaps = entries_.empty() && !gaps.empty();
      std::vector<ContigInfo> contigs = from_gaps ? gaps.Contigs() : ContigsOf(entries_);
      sim_ = std::make_unique<Simulator>(options, std::move(contigs), std::move(gaps));
      if (from_gaps)
        sim_->set_index_name(gaps_name);
      s = sim_->Start();
    }
    return s.ok() ? "" : s.message();
  }

  val inputBuffer(size_t n) { return val(emscripten::typed_memory_view(n, sim_->InputBuffer(n))); }
  void commitInput(size_t n) { sim_->CommitInput(n); }
  void finish() { sim_->Finish(); }
  // Sparse input (a remote indexed FASTA): "" or what is wrong.
  std::string beginContigAt(std::string name, double position) {
    Status s = sim_->BeginContigAt(name, static_cast<int64_t>(position));
    return s.ok() ? "" : s.message();
  }
  // [{contig, begin, end, byteBegin, byteEnd}, ...]: the spans to fetch, in order, with their
  // bytes in the FASTA file by the index's offsets (RegionBytes).
  val spans() const {
    val out = val::array();
    for (const Plan::Placed& p : sim_->spans()) {
      val span = val::object();
      span.set("contig", p.contig);
      span.set("begin", static_cast<double>(p.span.begin));
      span.set("end", static_cast<double>(p.span.end));
      for (const FaiEntry& e : entries_) {
        if (e.name != p.contig)
          continue;
        ByteRange bytes = RegionBytes(e, p.span.begin, p.span.end);
        span.set("byteBegin", static_cast<double>(bytes.begin));
        span.set("byteEnd", static_cast<double>(bytes.end));
      }
      out.call<void>("push", span);
    }
    return out;
  }
  int run() { return static_cast<int>(sim_->Run()); }
  // The VCF of --variants, when run() says kNeedVariantInput (4).
  val variantInputBuffer(size_t n) {
    return val(emscripten::typed_memory_view(n, sim_->VariantBuffer(n)));
  }
  void commitVariants(size_t n) { sim_->CommitVariants(n); }
  void finishVariants() { sim_->FinishVariants(); }
  bool errorInVariants() const { return sim_ && sim_->error_in_variants(); }
  val output(int stream) { return CopyOut(sim_->Output(static_cast<OutputStream>(stream))); }
  // No copy: valid only until the next call into the module (the pump's contract).
  val outputView(int stream) {
    std::string_view bytes = sim_->Output(static_cast<OutputStream>(stream));
    return val(emscripten::typed_memory_view(bytes.size(), bytes.data()));
  }
  void consumeOutputs() { sim_->ConsumeOutputs(); }
  std::string error() const { return sim_ ? sim_->error() : ""; }

  val stats() const {
    const SimulatorStats& s = sim_->stats();
    val out = val::object();
    out.set("referenceBases", static_cast<double>(s.reference_bases));
    out.set("totalReferenceBases", static_cast<double>(sim_->total_reference_bases()));
    out.set("contigs", static_cast<double>(s.contigs));
    out.set("pairs", static_cast<double>(s.pairs));
    out.set("readBases", static_cast<double>(s.read_bases));
    out.set("errors", static_cast<double>(s.errors));
    out.set("droppedPairs", static_cast<double>(s.dropped_pairs));
    out.set("cutFragments", static_cast<double>(s.cut_fragments));
    out.set("snps", static_cast<double>(s.snps));
    out.set("insertions", static_cast<double>(s.insertions));
    out.set("deletions", static_cast<double>(s.deletions));
    out.set("fragmentLengthSum", static_cast<double>(s.fragment_length_sum));
    val bins = val::array();
    for (int64_t count : s.fragment_lengths.counts)
      bins.call<void>("push", static_cast<double>(count));
    out.set("fragmentHistogram", bins);
    out.set("fragmentHistogramStart", static_cast<double>(s.fragment_lengths.start));
    out.set("fragmentHistogramWidth", static_cast<double>(s.fragment_lengths.width));
    val sums = val::array();
    for (const std::vector<int64_t>& mate : s.cycle_quality_sums) {
      val cycles = val::array();
      for (int64_t sum : mate)
        cycles.call<void>("push", static_cast<double>(sum));
      sums.call<void>("push", cycles);
    }
    out.set("cycleQualitySums", sums);
    val planted = val::object();
    planted.set("planted", static_cast<double>(s.planted.planted));
    planted.set("mismatches", static_cast<double>(s.planted.mismatches));
    planted.set("overlapping", static_cast<double>(s.planted.overlapping));
    planted.set("outside", static_cast<double>(s.planted.outside));
    out.set("planted", planted);
    return out;
  }

  val warnings() const {
    val out = val::array();
    for (const std::string& w : sim_->warnings())
      out.call<void>("push", w);
    return out;
  }

 private:
  val settings_;
  val inputs_;
  std::vector<FaiEntry> entries_;
  std::unique_ptr<Simulator> sim_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_simulator) {
  using namespace readforge::wasm;
  emscripten::class_<WasmSimulator>("Simulator")
      .constructor<emscripten::val, emscripten::val>()
      .function("start", &WasmSimulator::start)
      .function("inputBuffer", &WasmSimulator::inputBuffer)
      .function("commitInput", &WasmSimulator::commitInput)
      .function("finish", &WasmSimulator::finish)
      .function("beginContigAt", &WasmSimulator::beginContigAt)
      .function("spans", &WasmSimulator::spans)
      .function("run", &WasmSimulator::run)
      .function("output", &WasmSimulator::output)
      .function("outputView", &WasmSimulator::outputView)
      .function("consumeOutputs", &WasmSimulator::consumeOutputs)
      .function("variantInputBuffer", &WasmSimulator::variantInputBuffer)
      .function("commitVariants", &WasmSimulator::commitVariants)
      .function("finishVariants", &WasmSimulator::finishVariants)
      .function("errorInVariants", &WasmSimulator::errorInVariants)
      .function("error", &WasmSimulator::error)
      .function("stats", &WasmSimulator::stats)
      .function("warnings", &WasmSimulator::warnings);
}
