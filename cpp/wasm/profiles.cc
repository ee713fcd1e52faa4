// The Embind surface of quality profiles: learning one from FASTQ bytes, and what the app shows
// of one (means by cycle, the error rate it implies); and learning fragment lengths from a BAM.
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "engine/profile_learner.h"
#include "engine/quality_profile.h"
#include "eval/fragment_learner.h"
#include "formats/fragment_histogram.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

// Learns a quality profile from FASTQ bytes (profile_learner.h): push R1's bytes (mate 0), then
// R2's (mate 1), each ended by finishEnd(mate); finish(sources) gives {error, text, notes}.
class WasmProfileLearner {
 public:
  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  std::string push(int mate, size_t n) { return Message(learner_.Push(mate, buffer_.data(), n)); }
  std::string finishEnd(int mate) { return Message(learner_.FinishEnd(mate)); }
  double reads(int mate) const { return static_cast<double>(learner_.reads(mate)); }
  val finish(val sources) {
    QualityProfile profile;
    std::vector<std::string> notes;
    Status s = learner_.Finish(AsStrings(sources), &profile, &notes);
    val out = val::object();
    out.set("error", Message(s));
    out.set("text", s.ok() ? profile.Format() : std::string());
    val list = val::array();
    for (const std::string& note : notes)
      list.call<void>("push", note);
    out.set("notes", list);
    return out;
  }

 private:
  static std::string Message(const Status& s) { return s.ok() ? "" : s.message(); }

  std::string buffer_;
  ProfileLearner learner_;
};

// Learns fragment lengths from alignments (SAM or BAM bytes, fragment_learner.h); finish()
// gives {error, text, pairs, shortest, longest}.
class WasmFragmentLearner {
 public:
  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  std::string push(size_t n) {
    const Status s = learner_.Push(buffer_.data(), n);
    return s.ok() ? "" : s.message();
  }
  val finish() {
    FragmentHistogram histogram;
    const Status s = learner_.Finish(&histogram);
    val out = val::object();
    out.set("error", s.ok() ? std::string() : s.message());
    out.set("text", s.ok() ? histogram.Format() : std::string());
    out.set("pairs", static_cast<double>(learner_.pairs()));
    out.set("shortest", static_cast<double>(histogram.shortest()));
    out.set("longest", static_cast<double>(histogram.longest()));
    return out;
  }

 private:
  std::string buffer_;
  FragmentLearner learner_;
};

// What hosts show of a profile: {error, name, kind, cycles: [r1, r2], meanQuality: [[..], [..]]
// by cycle, expectedErrorRate: [r1, r2] over reads of the lengths given (0: all its cycles)}.
val DescribeProfile(std::string text, double read1_length, double read2_length) {
  QualityProfile profile;
  Status s = QualityProfile::Parse(text, &profile);
  val out = val::object();
  out.set("error", s.ok() ? std::string() : s.message());
  if (!s.ok())
    return out;
  for (const auto& [key, value] : profile.meta) {
    if (key == "name" || key == "kind")
      out.set(key, value);
  }
  val cycles = val::array(), means = val::array(), rates = val::array();
  for (int mate = 0; mate < 2; ++mate) {
    const int64_t n = profile.end(mate).cycles;
    cycles.call<void>("push", static_cast<double>(n));
    val mean = val::array();
    for (int64_t c = 0; c < n; ++c)
      mean.call<void>("push", profile.MeanQuality(mate, c));
    means.call<void>("push", mean);
    const double length = mate == 0 ? read1_length : read2_length;
    rates.call<void>(
        "push", profile.ExpectedErrorRate(mate, length > 0 ? static_cast<int64_t>(length) : n));
  }
  out.set("cycles", cycles);
  out.set("meanQuality", means);
  out.set("expectedErrorRate", rates);
  return out;
}

// A fragment-length histogram (a --fragment-hist file's text, or the inline form): its entries
// for a plot, and the inline form that carries it in settings.
val DescribeFragments(std::string text) {
  FragmentHistogram h;
  Status s = FragmentHistogram::IsInline(text) ? FragmentHistogram::ParseInline(text, &h)
                                               : FragmentHistogram::Parse(text, &h);
  val out = val::object();
  out.set("error", s.ok() ? std::string() : s.message());
  if (!s.ok())
    return out;
  val lengths = val::array(), counts = val::array();
  for (size_t i = 0; i < h.size(); ++i) {
    lengths.call<void>("push", static_cast<double>(h.length(i)));
    counts.call<void>("push", static_cast<double>(h.count(i)));
  }
  out.set("lengths", lengths);
  out.set("counts", counts);
  out.set("inline", h.FormatInline());
  out.set("text", h.Format());
  return out;
}

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_profiles) {
  using namespace readforge::wasm;
  emscripten::function("describeProfile", &DescribeProfile);
  emscripten::function("describeFragments", &DescribeFragments);
  emscripten::class_<WasmFragmentLearner>("FragmentLearner")
      .constructor<>()
      .function("inputBuffer", &WasmFragmentLearner::inputBuffer)
      .function("push", &WasmFragmentLearner::push)
      .function("finish", &WasmFragmentLearner::finish);
  emscripten::class_<WasmProfileLearner>("ProfileLearner")
      .constructor<>()
      .function("inputBuffer", &WasmProfileLearner::inputBuffer)
      .function("push", &WasmProfileLearner::push)
      .function("finishEnd", &WasmProfileLearner::finishEnd)
      .function("reads", &WasmProfileLearner::reads)
      .function("finish", &WasmProfileLearner::finish);
}
