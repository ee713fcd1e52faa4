// The Embind surface of BamIndexAssembler: the index of a whole run's BAM, from the entries the
// simulators write beside it (OutputStream::kAlignmentIndex), fed in the BAM's order.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "formats/bam_index_stream.h"
#include "formats/reference_layout.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

class WasmBamIndexAssembler {
 public:
  // The run's contigs, as its simulators know them: a .fai, a gap sidecar, or both.
  WasmBamIndexAssembler(std::string fai_text, std::string gaps_text) {
    ReferenceLayout layout;
    const Status s = LayoutFromTexts(fai_text, "", gaps_text, "", &layout);
    error_ = s.ok() ? "" : s.message();
    assembler_ = std::make_unique<BamIndexAssembler>(layout.contigs);
  }
  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  // "" or what is wrong.
  std::string push(size_t n) {
    if (error_.empty())
      error_ = Message(assembler_->Push(buffer_.data(), n));
    return error_;
  }
  // {error, bytes, extension}: the index file's bytes and its name's ending.
  val finish() {
    std::string index;
    if (error_.empty())
      error_ = Message(assembler_->Finish(&index));
    val out = val::object();
    out.set("error", error_);
    out.set("bytes", CopyOut(index));
    out.set("extension", std::string(assembler_->extension()));
    return out;
  }

 private:
  static std::string Message(const Status& s) { return s.ok() ? "" : s.message(); }

  std::string buffer_;
  std::string error_;
  std::unique_ptr<BamIndexAssembler> assembler_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_bam_index) {
  using namespace readforge::wasm;
  emscripten::class_<WasmBamIndexAssembler>("BamIndexAssembler")
      .constructor<std::string, std::string>()
      .function("inputBuffer", &WasmBamIndexAssembler::inputBuffer)
      .function("push", &WasmBamIndexAssembler::push)
      .function("finish", &WasmBamIndexAssembler::finish);
}
