// The FASTA parser on arbitrary bytes, in random chunkings: the same events whatever the
// chunking, only "ACGTN" handed out, and an error always carries a line number.
#include <string>
#include <vector>

#include "formats/fasta_parser.h"
#include "fuzz_util.h"

namespace {

using readforge::FastaParser;

struct Trace {
  std::string events;  // ">name\n" per header, bases as they come
  std::string error;
};

Trace Parse(std::string_view text, size_t chunk, size_t capacity) {
  Trace trace;
  FastaParser parser;
  std::vector<char> buffer(capacity);
  for (size_t at = 0; at < text.size(); at += chunk) {
    std::string_view piece = text.substr(at, chunk);
    const char* p = piece.data();
    const char* end = p + piece.size();
    while (true) {
      size_t written = 0;
      auto event = parser.Next(&p, end, buffer.data(), capacity, &written);
      FUZZ_CHECK(written <= capacity, "wrote past the capacity");
      if (event == FastaParser::Event::kError) {
        trace.error = parser.error();
        return trace;
      }
      if (event == FastaParser::Event::kHeader)
        trace.events += ">" + parser.name() + "\n";
      if (event == FastaParser::Event::kBases)
        trace.events.append(buffer.data(), written);
      if (event == FastaParser::Event::kNeedInput) {
        FUZZ_CHECK(p == end, "asked for input with input left");
        break;
      }
    }
  }
  if (parser.Finish() == FastaParser::Event::kError)
    trace.error = parser.error();
  return trace;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  readforge::fuzz::Bytes bytes(data, size);
  const size_t chunk = static_cast<size_t>(bytes.Int(1, 64));
  const size_t capacity = static_cast<size_t>(bytes.Int(1, 100));
  std::string_view text = bytes.Rest();
  Trace whole = Parse(text, text.size() + 1, 1 << 16);
  Trace pieces = Parse(text, chunk, capacity);
  FUZZ_CHECK(whole.error == pieces.error, "chunking changed the error");
  FUZZ_CHECK(whole.events == pieces.events, "chunking changed the bases or headers");
  FUZZ_CHECK(whole.error.empty() || whole.error.rfind("line ", 0) == 0, "error without a line");
  bool in_name = false;
  for (char c : whole.events) {
    if (c == '>')
      in_name = true;
    else if (c == '\n')
      in_name = false;
    else if (!in_name)
      FUZZ_CHECK(c == 'A' || c == 'C' || c == 'G' || c == 'T' || c == 'N', "a base not ACGTN");
  }
  return 0;
}
