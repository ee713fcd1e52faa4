// The Embind surface of --community: its table (parseCommunity) and the joiner that renames the
// genomes' contigs GENOME|NAME as they are joined (community_joiner.h), so that readforge-wasm
// joins them exactly as the native command line does.
#include <emscripten/bind.h>

#include <string>

#include "formats/community_joiner.h"
#include "formats/community_tables.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

// {error, abundanceText, members: [{genome, path}]}: the table's genomes in order, and its
// amounts as an --abundance table's text ("" without amounts).
val ParseCommunity(std::string text) {
  CommunityTable table;
  Status s = ParseCommunityTable(text, &table);
  val out = val::object();
  out.set("error", s.ok() ? std::string() : s.message());
  out.set("abundanceText", s.ok() ? table.AbundanceText() : std::string());
  val members = val::array();
  for (const CommunityMember& m : table.members) {
    val member = val::object();
    member.set("genome", m.genome);
    member.set("path", m.path);
    members.call<void>("push", member);
  }
  out.set("members", members);
  return out;
}

class WasmCommunityJoiner {
 public:
  void startGenome(std::string genome) { joiner_.StartGenome(genome); }
  val inputBuffer(size_t n) {
    buffer_.resize(n);
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }
  // The joined bytes of the n bytes pushed: a copy.
  val push(size_t n) {
    out_.clear();
    joiner_.Push(buffer_.data(), n, &out_);
    return CopyOut(out_);
  }
  val endGenome() {
    out_.clear();
    joiner_.EndGenome(&out_);
    return CopyOut(out_);
  }
  std::string mapText() const { return joiner_.map_text(); }

 private:
  std::string buffer_;
  std::string out_;
  CommunityJoiner joiner_;
};

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_community) {
  using namespace readforge::wasm;
  emscripten::function("parseCommunity", &ParseCommunity);
  emscripten::class_<WasmCommunityJoiner>("CommunityJoiner")
      .constructor<>()
      .function("startGenome", &WasmCommunityJoiner::startGenome)
      .function("inputBuffer", &WasmCommunityJoiner::inputBuffer)
      .function("push", &WasmCommunityJoiner::push)
      .function("endGenome", &WasmCommunityJoiner::endGenome)
      .function("mapText", &WasmCommunityJoiner::mapText);
}
