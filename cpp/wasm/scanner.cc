// The Embind surface of the engine's ContigScanner: the first pass over a reference (lengths
// and N runs), over whole files or the spans of an indexed one.
#include <emscripten/bind.h>

#include <string>
#include <utility>

#include "formats/contig_scanner.h"
#include "formats/fai.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

// A first pass over a reference: contig names and lengths as .fai-like text
// ("name\tlength\t0\t0\t0" lines), and its N runs as a gap sidecar's text. Whole-file input,
// or (given the .fai) sparse input: the spans' byte ranges, each after beginContigAt().
class WasmContigScanner {
 public:
  // `digests`: each contig's MD5 too, in gapsText() (whole files only).
  WasmContigScanner(std::string fai_text, bool digests)
      : fai_text_(std::move(fai_text)), scanner_(digests) {}

  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  std::string push(size_t n) { return Message(scanner_.Push(buffer_.data(), n)); }
  std::string beginContigAt(std::string name, double position) {
    if (contigs_.empty()) {
      FaiIndex fai;
      Status s = ParseFai(fai_text_, &fai);
      if (!s.ok())
        return s.message();
      contigs_ = std::move(fai.contigs);
    }
    return Message(scanner_.BeginContigAt(contigs_, name, static_cast<int64_t>(position)));
  }
  std::string finish() { return Message(scanner_.Finish()); }
  std::string faiText() const {
    const ContigList& contigs = scanner_.contigs();
    std::string text;
    for (size_t i = 0; i < contigs.size(); ++i) {
      text += contigs.name(i);
      text += "\t" + std::to_string(contigs.length(i)) + "\t0\t" +
              (contigs.length(i) ? "1\t1\n" : "0\t0\n");
    }
    return text;
  }
  std::string gapsText() const {
    return scanner_.gaps().Format(scanner_.contigs(), scanner_.contig_md5());
  }

 private:
  static std::string Message(const Status& s) { return s.ok() ? "" : s.message(); }

  std::string fai_text_;
  ContigList contigs_;
  std::string buffer_;
  ContigScanner scanner_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_scanner) {
  using namespace readforge::wasm;
  emscripten::class_<WasmContigScanner>("ContigScanner")
      .constructor<std::string, bool>()
      .function("inputBuffer", &WasmContigScanner::inputBuffer)
      .function("push", &WasmContigScanner::push)
      .function("beginContigAt", &WasmContigScanner::beginContigAt)
      .function("gapsText", &WasmContigScanner::gapsText)
      .function("finish", &WasmContigScanner::finish)
      .function("faiText", &WasmContigScanner::faiText);
}
