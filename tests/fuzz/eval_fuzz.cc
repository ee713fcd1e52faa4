// `readforge eval` on what a user might hand it: junk, cut or corrupt SAM and BAM, foreign
// names, another run's truth. It reports or refuses with a message, never crashes or hangs, and
// says the same whatever the pieces the input comes in.
#include <string>

#include "eval/evaluation.h"
#include "formats/bam_header.h"
#include "formats/bgzf_writer.h"
#include "fuzz_util.h"

namespace {

using namespace readforge;

// The report, or "error: " and the message.
std::string Evaluate(const std::string& aln, const std::string* truth, size_t piece, bool json) {
  Evaluation evaluation(EvalOptions{5, false, json});
  auto feed = [&](const std::string& bytes, bool is_truth) {
    for (size_t at = 0; at < bytes.size(); at += piece) {
      const size_t n = std::min(piece, bytes.size() - at);
      Status s = is_truth ? evaluation.PushTruth(bytes.data() + at, n)
                          : evaluation.Push(bytes.data() + at, n);
      if (!s.ok())
        return s;
    }
    return is_truth ? evaluation.FinishTruth() : evaluation.Finish();
  };
  if (truth) {
    Status s = feed(*truth, true);
    if (!s.ok())
      return "error: " + s.message();
  }
  Status s = feed(aln, false);
  if (!s.ok()) {
    FUZZ_CHECK(!s.message().empty(), "an error without a message");
    return "error: " + s.message();
  }
  return evaluation.Report();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Bytes bytes(data, size);
  const int mode = static_cast<int>(bytes.Int(0, 2));
  const bool with_truth = bytes.Byte() & 1;
  const bool json = bytes.Byte() & 1;
  const size_t piece = static_cast<size_t>(bytes.Int(1, 64));
  const bool end_of_file = bytes.Byte() & 1;
  std::string input(bytes.Rest());
  if (mode > 0) {
    // BGZF of the bytes (bgzipped SAM), or of a BAM header of one contig and the bytes as its
    // records.
    std::string plain;
    if (mode == 2) {
      ContigList contigs{{"chr1", 100000}};
      BamHeaderWriter header(contigs, "", "", true);
      while (!header.AppendNext(1 << 16, &plain)) {
      }
    }
    plain += input;
    input.clear();
    BgzfWriter writer;
    writer.Compress(plain, &input);
    if (end_of_file)
      input += BgzfWriter::EndOfFile();
  }
  const std::string whole = Evaluate(input, with_truth ? &input : nullptr, input.size() + 1, json);
  const std::string pieces = Evaluate(input, with_truth ? &input : nullptr, piece, json);
  FUZZ_CHECK(whole == pieces, "the pieces changed the outcome");
  return 0;
}
