// The Embind surface of RunMerge: a host that runs one simulation on several threads (Workers,
// worker_threads; each Simulator with inputs.blockStride) adds up their report() texts and
// reads the run's stats and warnings as one simulator's.
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "engine/arguments.h"
#include "engine/run_merge.h"
#include "engine/simulator.h"
#include "wasm/js_values.h"
#include "wasm/stats_value.h"

namespace readforge::wasm {
namespace {

class WasmRunMerger {
 public:
  // settings: the run's, as given to each Simulator (the warnings quote some of them).
  explicit WasmRunMerger(val settings) {
    std::vector<Setting> list;
    const unsigned n = settings["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i)
      list.emplace_back(AsString(settings[i][0]), AsString(settings[i][1]));
    // The parts have validated the settings already.
    static_cast<void>(OptionsFromSettings(list, SettingFiles(), &options_));
  }

  // "" or what is wrong with the report.
  std::string add(std::string report) {
    Status s = merge_.AddEncoded(report);
    return s.ok() ? "" : s.message();
  }
  val stats() const { return StatsValue(merge_.stats(), -1); }
  val warnings() const {
    val out = val::array();
    for (const std::string& w : merge_.Warnings(options_))
      out.call<void>("push", w);
    return out;
  }
  // A whole -N run that placed no pair has failed: its message, or "".
  std::string problem() const {
    const bool whole_run = options_.first_block == 0 && options_.end_block < 0;
    Status s = whole_run ? CheckPairsPlaced(options_, merge_.stats()) : Status::Ok();
    return s.ok() ? "" : s.message();
  }

 private:
  Options options_;
  RunMerge merge_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_run_merger) {
  using namespace readforge::wasm;
  emscripten::class_<WasmRunMerger>("RunMerger")
      .constructor<emscripten::val>()
      .function("add", &WasmRunMerger::add)
      .function("stats", &WasmRunMerger::stats)
      .function("warnings", &WasmRunMerger::warnings)
      .function("problem", &WasmRunMerger::problem);
}
