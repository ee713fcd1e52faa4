// The Embind surface of `readforge eval` (cpp/eval/): its command line, and the evaluation fed
// the truth (optional) and the aligner's output in pieces.
#include <emscripten/bind.h>

#include <string>

#include "eval/eval_arguments.h"
#include "eval/evaluation.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

// {error, help, input, truth, out, quiet, gap, roc, json}: the command line as the native CLI
// reads it.
val ParseEvalArgs(val args) {
  EvalArguments parsed;
  const Status s = ParseEvalArguments(AsStrings(args), &parsed);
  val out = val::object();
  out.set("error", s.ok() ? std::string() : s.message());
  out.set("help", parsed.help);
  out.set("input", parsed.input);
  out.set("truth", parsed.truth);
  out.set("out", parsed.out);
  out.set("quiet", parsed.quiet);
  out.set("gap", static_cast<double>(parsed.options.gap));
  out.set("roc", parsed.options.roc);
  out.set("json", parsed.options.json);
  return out;
}

std::string EvalUsage() {
  return kEvalUsage;
}

class WasmEvaluation {
 public:
  WasmEvaluation(double gap, bool roc, bool json)
      : evaluation_(EvalOptions{static_cast<int64_t>(gap), roc, json}) {}
  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  // Each: "" or what is wrong.
  std::string pushTruth(size_t n) { return Message(evaluation_.PushTruth(buffer_.data(), n)); }
  std::string finishTruth() { return Message(evaluation_.FinishTruth()); }
  std::string push(size_t n) { return Message(evaluation_.Push(buffer_.data(), n)); }
  std::string finish() { return Message(evaluation_.Finish()); }
  std::string report() const { return evaluation_.Report(); }
  double records() const { return static_cast<double>(evaluation_.records()); }

 private:
  static std::string Message(const Status& s) { return s.ok() ? "" : s.message(); }

  std::string buffer_;
  Evaluation evaluation_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_evaluation) {
  using namespace readforge::wasm;
  emscripten::function("parseEvalArgs", &ParseEvalArgs);
  emscripten::function("evalUsage", &EvalUsage);
  emscripten::class_<WasmEvaluation>("Evaluation")
      .constructor<double, bool, bool>()
      .function("inputBuffer", &WasmEvaluation::inputBuffer)
      .function("pushTruth", &WasmEvaluation::pushTruth)
      .function("finishTruth", &WasmEvaluation::finishTruth)
      .function("push", &WasmEvaluation::push)
      .function("finish", &WasmEvaluation::finish)
      .function("report", &WasmEvaluation::report)
      .function("records", &WasmEvaluation::records);
}
