// The Embind surface of the engine's ContigDigester: each contig's MD5 (refget's), for the
// manifest of a shared run and for checking a file at hand before "Run again".
#include <emscripten/bind.h>

#include <string>

#include "formats/contig_digests.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

class WasmContigDigester {
 public:
  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  std::string push(size_t n) { return Message(digester_.Push(buffer_.data(), n)); }
  std::string finish() { return Message(digester_.Finish()); }
  // [{name, length, md5}] in the FASTA's order.
  val contigs() const {
    val out = val::array();
    for (const ContigDigest& d : digester_.contigs()) {
      val contig = val::object();
      contig.set("name", d.name);
      contig.set("length", static_cast<double>(d.length));
      contig.set("md5", d.md5);
      out.call<void>("push", contig);
    }
    return out;
  }

 private:
  static std::string Message(const Status& s) { return s.ok() ? "" : s.message(); }

  std::string buffer_;
  ContigDigester digester_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_digester) {
  using namespace readforge::wasm;
  emscripten::class_<WasmContigDigester>("ContigDigester")
      .constructor<>()
      .function("inputBuffer", &WasmContigDigester::inputBuffer)
      .function("push", &WasmContigDigester::push)
      .function("finish", &WasmContigDigester::finish)
      .function("contigs", &WasmContigDigester::contigs);
}
