// The Embind surface of readforge.wasm: a thin skin over cpp/engine (no logic lives here).
// Bytes cross the boundary through typed-array views of C++ buffers: input is copied in with
// view.set(chunk), output leaves as a fresh Uint8Array copy, never as a view that memory growth
// could make stale.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/arguments.h"
#include "engine/contig_scanner.h"
#include "engine/fai.h"
#include "engine/gap_index.h"
#include "engine/gzi.h"
#include "engine/simulator.h"
#include "engine/version.h"

namespace readforge {
namespace {

using emscripten::val;

std::string AsString(const val& v) {
  return val::global("String")(v).as<std::string>();
}

// An optional text field of an object ("" when absent).
std::string TextField(const val& object, const char* name) {
  if (object.isUndefined() || object.isNull())
    return "";
  val field = object[name];
  return field.isUndefined() || field.isNull() ? "" : AsString(field);
}

std::vector<std::string> AsStrings(const val& array) {
  std::vector<std::string> out;
  if (array.isUndefined() || array.isNull())
    return out;
  const unsigned n = array["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i)
    out.push_back(AsString(array[i]));
  return out;
}

// new Uint8Array(view) copies the bytes out of the wasm heap.
val CopyOut(std::string_view bytes) {
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(bytes.size(), bytes.data()));
}

class WasmSimulator {
 public:
  // settings: [[name, value], ...] with readforge's option names; inputs: {faiText, bedTexts,
  // gapsText, gapsName}, each optional: a .fai, the texts of BED files, a gap sidecar
  // (<ref>.gaps.bed, or a scan's gapsText()) and its name for messages.
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

// A first pass over a reference: contig names and lengths as .fai-like text
// ("name\tlength\t0\t0\t0" lines), and its N runs as a gap sidecar's text. Whole-file input,
// or (given the .fai) sparse input: the spans' byte ranges, each after beginContigAt().
class WasmContigScanner {
 public:
  explicit WasmContigScanner(std::string fai_text) : fai_text_(std::move(fai_text)) {}

  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  std::string push(size_t n) { return Message(scanner_.Push(buffer_.data(), n)); }
  std::string beginContigAt(std::string name, double position) {
    if (contigs_.empty()) {
      std::vector<FaiEntry> entries;
      Status s = ParseFai(fai_text_, &entries);
      if (!s.ok())
        return s.message();
      contigs_ = ContigsOf(entries);
    }
    return Message(scanner_.BeginContigAt(contigs_, name, static_cast<int64_t>(position)));
  }
  std::string finish() { return Message(scanner_.Finish()); }
  std::string faiText() const {
    std::string text;
    for (const ContigInfo& c : scanner_.contigs())
      text += c.name + "\t" + std::to_string(c.length) + "\t0\t" + (c.length ? "1\t1\n" : "0\t0\n");
    return text;
  }
  std::string gapsText() const { return scanner_.gaps().Format(); }

 private:
  static std::string Message(const Status& s) { return s.ok() ? "" : s.message(); }

  std::string fai_text_;
  std::vector<ContigInfo> contigs_;
  std::string buffer_;
  ContigScanner scanner_;
};

// The command line as the native CLI reads it, for the Node runner.
val ParseArgs(val args) {
  CommandLine line;
  Status s = ParseAndCheckCommandLine(AsStrings(args), &line);
  val out = val::object();
  out.set("error", s.ok() ? std::string() : s.message());
  val settings = val::array();
  for (const auto& [name, value] : line.settings) {
    val pair = val::array();
    pair.call<void>("push", name);
    pair.call<void>("push", value);
    settings.call<void>("push", pair);
  }
  auto strings = [](const std::vector<std::string>& v) {
    val a = val::array();
    for (const std::string& s : v)
      a.call<void>("push", s);
    return a;
  };
  out.set("settings", settings);
  out.set("positional", strings(line.positional));
  out.set("bedPaths", strings(line.bed_paths));
  out.set("faiPath", line.fai_path);
  out.set("gapsPath", line.gaps_path);
  out.set("vcfPath", line.vcf_path);
  out.set("mutationsPath", line.mutations_path);
  out.set("seedGiven", line.seed_given);
  out.set("quiet", line.quiet);
  out.set("help", line.help);
  out.set("version", line.version);
  out.set("paired", line.options.paired());
  out.set("interleaved", line.options.interleaved);
  out.set("coverage", line.options.coverage);
  return out;
}

// "" when an index (.fai text) describes the contigs a first pass measured (a scanner's
// faiText()), else how it does not.
std::string CheckIndex(std::string fai_text, std::string measured_fai_text) {
  std::vector<FaiEntry> index, measured;
  Status s = ParseFai(fai_text, &index);
  if (s.ok())
    s = ParseFai(measured_fai_text, &measured);
  if (s.ok())
    s = CheckIndexMatches(ContigsOf(index), ContigsOf(measured));
  return s.ok() ? "" : s.message();
}

// "" when the settings are valid on their own (the rules and messages of the command line).
std::string CheckSettings(val settings) {
  std::vector<Setting> pairs;
  const unsigned n = settings["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i)
    pairs.emplace_back(AsString(settings[i][0]), AsString(settings[i][1]));
  Options options;
  Status s = OptionsFromSettings(pairs, {}, &options);
  return s.ok() ? "" : s.message();
}

// For a bgzip-compressed remote FASTA: the compressed slice of each span's bytes.
// gzi: the .gzi file; spans: [{byteBegin, byteEnd}]. Returns {error, slices: [{compressedBegin,
// compressedEnd (-1: to the end of the file), skip}]}.
val BgzfSlices(std::string gzi, val spans) {
  val out = val::object();
  std::vector<GziEntry> entries;
  Status s = ParseGzi(gzi, &entries);
  out.set("error", s.ok() ? std::string() : s.message());
  val slices = val::array();
  const unsigned n = spans["length"].as<unsigned>();
  for (unsigned i = 0; s.ok() && i < n; ++i) {
    ByteRange range{static_cast<int64_t>(spans[i]["byteBegin"].as<double>()),
                    static_cast<int64_t>(spans[i]["byteEnd"].as<double>())};
    BgzfSlice slice = BgzfSliceFor(entries, range);
    val v = val::object();
    v.set("compressedBegin", static_cast<double>(slice.compressed_begin));
    v.set("compressedEnd", static_cast<double>(slice.compressed_end));
    v.set("skip", static_cast<double>(slice.skip));
    slices.call<void>("push", v);
  }
  out.set("slices", slices);
  return out;
}

std::string Usage() {
  return UsageText();
}

std::string Version() {
  return kVersion;
}

}  // namespace
}  // namespace readforge

EMSCRIPTEN_BINDINGS(readforge) {
  using namespace readforge;
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
      .function("error", &WasmSimulator::error)
      .function("stats", &WasmSimulator::stats)
      .function("warnings", &WasmSimulator::warnings);
  emscripten::class_<WasmContigScanner>("ContigScanner")
      .constructor<std::string>()
      .function("inputBuffer", &WasmContigScanner::inputBuffer)
      .function("push", &WasmContigScanner::push)
      .function("beginContigAt", &WasmContigScanner::beginContigAt)
      .function("gapsText", &WasmContigScanner::gapsText)
      .function("finish", &WasmContigScanner::finish)
      .function("faiText", &WasmContigScanner::faiText);
  emscripten::function("parseArgs", &ParseArgs);
  emscripten::function("checkSettings", &CheckSettings);
  emscripten::function("checkIndex", &CheckIndex);
  emscripten::function("bgzfSlices", &BgzfSlices);
  emscripten::function("usage", &Usage);
  emscripten::function("version", &Version);
}
