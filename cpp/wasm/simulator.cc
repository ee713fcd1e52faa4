// The Embind surface of the engine's Simulator: options and inputs in, reference bytes pushed
// through a view of a C++ buffer, output read through views (the pump's contract), stats out.
#include <emscripten/bind.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "engine/arguments.h"
#include "engine/quality_profile.h"
#include "engine/run_merge.h"
#include "engine/simulator.h"
#include "formats/fai.h"
#include "formats/reference_layout.h"
#include "wasm/js_values.h"
#include "wasm/stats_value.h"

namespace readforge::wasm {
namespace {

// The outputs' names, for compression by name (.gz): "-" for each when the host gives none.
std::array<std::string, 5> OutputNames(val names) {
  std::array<std::string, 5> out = {"-", "-", "-", "-", "-"};
  for (unsigned i = 0; !names.isUndefined() && i < out.size() && i < names["length"].as<unsigned>();
       ++i)
    out[i] = AsString(names[i]);
  return out;
}

class WasmSimulator {
 public:
  // settings: [[name, value], ...] with readforge's option names; inputs: {faiText, bedTexts,
  // gapsText, gapsName, profileTexts, profileNames, outputNames}, each optional: a .fai, the
  // texts of BED files, a gap sidecar (<ref>.gaps.bed, or a scan's gapsText()) and its name for
  // messages, the texts and names of the --profile files (one, or R1 and R2), the names of the
  // outputs (read 1, read 2, mutation list, VCF, alignments: those named .gz are compressed),
  // and alignmentIndex (true: with --bam, the index's entries too).
  WasmSimulator(val settings, val inputs) : settings_(std::move(settings)), inputs_(inputs) {}

  // "" when the run can start, else what is wrong.
  std::string start() {
    std::vector<Setting> settings;
    const unsigned n = settings_["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i)
      settings.emplace_back(AsString(settings_[i][0]), AsString(settings_[i][1]));
    Options options;
    SettingFiles files;
    files.bed = AsStrings(inputs_["bedTexts"]);
    files.quality_bins = TextField(inputs_, "qualityBinsText");
    files.fragment_hist = TextField(inputs_, "fragmentHistText");
    files.gc_bias = TextField(inputs_, "gcBiasText");
    files.genome_map = TextField(inputs_, "genomeMapText");
    files.abundance = TextField(inputs_, "abundanceText");
    files.amplicons = TextField(inputs_, "ampliconsText");
    files.copy_number = TextField(inputs_, "copyNumberText");
    files.somatic_copy_number = TextField(inputs_, "somaticCopyNumberText");
    files.somatic = TextField(inputs_, "somaticText");
    Status s = OptionsFromSettings(settings, files, &options);
    const std::string fai_text = TextField(inputs_, "faiText");
    const std::string gaps_text = TextField(inputs_, "gapsText");
    const std::string gaps_name = TextField(inputs_, "gapsName");
    const std::vector<std::string> profiles = AsStrings(inputs_["profileTexts"]);
    if (s.ok() && !profiles.empty())
      s = ProfileFromTexts(AsStrings(inputs_["profileNames"]), profiles, &options.quality_profile);
    if (s.ok())
      s = ResolveCompression(OutputNames(inputs_["outputNames"]), &options);
    // The BAM index's entries, for a host that writes a whole run's BAM and its index.
    options.alignment_index =
        options.alignments == Options::Alignments::kBam && inputs_["alignmentIndex"].isTrue();
    if (s.ok() && !inputs_["blockStride"].isUndefined()) {
      options.block_stride = static_cast<int64_t>(inputs_["blockStride"].as<double>());
      options.block_phase = static_cast<int64_t>(inputs_["blockPhase"].as<double>());
    }
    auto layout = std::make_shared<ReferenceLayout>();
    // With the .fai's byte layouts: spans() gives each span's bytes, for a host reading only
    // those (a remote indexed FASTA).
    if (s.ok())
      s = LayoutFromTexts(fai_text, "", gaps_text, gaps_name, layout.get(), &layouts_);
    if (s.ok()) {
      options_ = options;
      sim_ = std::make_unique<Simulator>(options, std::move(layout));
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
      if (!layouts_.empty()) {
        ByteRange bytes = RegionBytes(layouts_[p.ordinal], p.span.begin, p.span.end);
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
  // No copy: valid only until the next call into the module (the pump's contract).
  val outputView(int stream) {
    std::string_view bytes = sim_->Output(static_cast<OutputStream>(stream));
    return val(emscripten::typed_memory_view(bytes.size(), bytes.data()));
  }
  void consumeOutputs() { sim_->ConsumeOutputs(); }
  // For hosts running several simulators (inputs.blockStride > 1): whether the output just
  // drained ended one of this simulator's blocks; after the run, whether its blocks reach the
  // run's end; and its stats and notes as text, for a RunMerger.
  bool blockComplete() const { return sim_->block_complete(); }
  bool holdsLastBlock() const { return sim_->holds_last_block(); }
  // Which output streams are compressed (BGZF), by OutputStream number.
  val compressedStreams() const {
    val out = val::array();
    for (size_t i = 0; i < kOutputStreams; ++i)
      out.call<void>("push", options_.compressed(i));
    return out;
  }
  std::string report() const { return RunMerge::Encode(sim_->stats(), sim_->span_notes()); }
  std::string error() const { return sim_ ? sim_->error() : ""; }

  val stats() const { return StatsValue(sim_->stats(), sim_->total_reference_bases()); }
  // The two counts progress needs, without building stats() (hosts ask at every block's end).
  double pairs() const { return static_cast<double>(sim_->stats().pairs); }
  double referenceBases() const { return static_cast<double>(sim_->stats().reference_bases); }

  val warnings() const {
    val out = val::array();
    for (const std::string& w : sim_->warnings())
      out.call<void>("push", w);
    return out;
  }

  // --genome-truth: the community's table ("" without --genome-map), once started.
  std::string genomeTruth() const { return sim_ ? sim_->GenomeTruth() : ""; }
  // --copy-number-truth: the copies simulated (a BED), once started.
  std::string copyNumberTruth() const { return sim_ ? sim_->CopyNumberTruth() : ""; }

 private:
  val settings_;
  val inputs_;
  std::vector<FaiLayout> layouts_;
  Options options_;
  std::unique_ptr<Simulator> sim_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_simulator) {
  using namespace readforge::wasm;
  using readforge::OutputStream;
  using State = readforge::Simulator::State;
  // The numbers run() and the output calls use, as hosts name them (module-types.ts mirrors
  // them as constants; tests/js/wasm-boundary.test.mjs checks they agree).
  emscripten::enum_<State>("RunState")
      .value("NeedInput", State::kNeedInput)
      .value("OutputReady", State::kOutputReady)
      .value("Done", State::kDone)
      .value("Error", State::kError)
      .value("NeedVariantInput", State::kNeedVariantInput);
  emscripten::enum_<OutputStream>("OutputStream")
      .value("Read1", OutputStream::kRead1)
      .value("Read2", OutputStream::kRead2)
      .value("Mutations", OutputStream::kMutations)
      .value("Vcf", OutputStream::kVcf)
      .value("Alignments", OutputStream::kAlignments)
      .value("AlignmentIndex", OutputStream::kAlignmentIndex);
  emscripten::class_<WasmSimulator>("Simulator")
      .constructor<emscripten::val, emscripten::val>()
      .function("start", &WasmSimulator::start)
      .function("inputBuffer", &WasmSimulator::inputBuffer)
      .function("commitInput", &WasmSimulator::commitInput)
      .function("finish", &WasmSimulator::finish)
      .function("beginContigAt", &WasmSimulator::beginContigAt)
      .function("spans", &WasmSimulator::spans)
      .function("run", &WasmSimulator::run)
      .function("outputView", &WasmSimulator::outputView)
      .function("consumeOutputs", &WasmSimulator::consumeOutputs)
      .function("variantInputBuffer", &WasmSimulator::variantInputBuffer)
      .function("commitVariants", &WasmSimulator::commitVariants)
      .function("finishVariants", &WasmSimulator::finishVariants)
      .function("errorInVariants", &WasmSimulator::errorInVariants)
      .function("error", &WasmSimulator::error)
      .function("blockComplete", &WasmSimulator::blockComplete)
      .function("holdsLastBlock", &WasmSimulator::holdsLastBlock)
      .function("compressedStreams", &WasmSimulator::compressedStreams)
      .function("report", &WasmSimulator::report)
      .function("stats", &WasmSimulator::stats)
      .function("pairs", &WasmSimulator::pairs)
      .function("referenceBases", &WasmSimulator::referenceBases)
      .function("warnings", &WasmSimulator::warnings)
      .function("genomeTruth", &WasmSimulator::genomeTruth)
      .function("copyNumberTruth", &WasmSimulator::copyNumberTruth);
}
