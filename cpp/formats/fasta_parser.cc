#include "formats/fasta_parser.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <string>

#include "formats/text.h"

namespace readforge {
namespace {

// Letters as they are, uppercased: what refget and `samtools dict` digest (IUPAC codes kept).
constexpr std::array<char, 256> MakeUppercaseTable() {
  std::array<char, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) {
    table[c] = static_cast<char>(c);
    table[c + 32] = static_cast<char>(c);
  }
  return table;
}

constexpr std::array<char, 256> kUppercaseTable = MakeUppercaseTable();

bool IsLineEnd(char c) {
  return c == '\n' || c == '\r';
}

// How many of the first `limit` bytes at `p` are uppercase A, C, G, T or N (which both tables
// hand out as they are), sixteen at a time: most of a reference, at a fraction of a table
// lookup a byte. When `out` is not null it gets those bytes, and perhaps some after them (in
// whole chunks of sixteen, within `limit`). GCC's vector extensions: SSE2 natively, wasm SIMD in
// the WebAssembly build.
size_t PlainBases(const char* p, size_t limit, char* out) {
  typedef unsigned char Chunk __attribute__((vector_size(16)));
  size_t k = 0;
  for (; k + sizeof(Chunk) <= limit; k += sizeof(Chunk)) {
    Chunk bytes;
    std::memcpy(&bytes, p + k, sizeof bytes);
    if (out)
      std::memcpy(out + k, &bytes, sizeof bytes);
    const Chunk plain =
        (bytes == 'A') | (bytes == 'C') | (bytes == 'G') | (bytes == 'T') | (bytes == 'N');
    uint64_t halves[2];
    std::memcpy(halves, &plain, sizeof halves);
    if (~halves[0])
      return k + static_cast<size_t>(__builtin_ctzll(~halves[0]) / 8);
    if (~halves[1])
      return k + 8 + static_cast<size_t>(__builtin_ctzll(~halves[1]) / 8);
  }
  return k;
}

}  // namespace

FastaParser::FastaParser(Letters letters, Names names)
    : table_(letters == Letters::kUppercase ? kUppercaseTable.data() : kBaseTable.data()),
      unique_names_(names == Names::kUnique) {}

FastaParser::Event FastaParser::Fail(std::string message) {
  state_ = State::kFailed;
  error_ = "line " + std::to_string(line_) + ": " + message;
  return Event::kError;
}

void FastaParser::CountLineEnd(char c) {
  // "\r\n" is one line end, a lone '\r' (old Mac files) is one too.
  if (c == '\r' || !last_was_cr_)
    ++line_;
  last_was_cr_ = c == '\r';
  column_ = 0;
  at_line_start_ = true;
}

FastaParser::Event FastaParser::RejectHeader(const std::string& message) {
  line_ = header_line_;
  return Fail(message);
}

FastaParser::Event FastaParser::CheckContigHasBases() {
  if (contigs_ > 0 && contig_bases_ == 0) {
    line_ = header_line_;
    return Fail("contig '" + name_ +
                "' has no bases (remove it, or add its sequence under its header)");
  }
  return Event::kNeedInput;
}

FastaParser::Event FastaParser::EndHeader() {
  if (name_.empty()) {
    line_ = header_line_;
    return Fail("header has no name (expected '>name' with no space after '>')");
  }
  if (unique_names_ && !seen_names_.AddUnique(name_, 0))
    return RejectHeader("duplicate contig name '" + name_ + "' (every contig needs a unique name)");
  ++contigs_;
  contig_bases_ = 0;
  state_ = State::kSequence;
  return Event::kHeader;
}

FastaParser::Event FastaParser::Next(const char** cursor,
                                     const char* end,
                                     char* dst,
                                     size_t capacity,
                                     size_t* written) {
  *written = 0;
  const char* p = *cursor;
  Event event = Event::kNeedInput;
  auto finish = [&](Event e) {
    *cursor = p;
    return e;
  };
  while (p < end && event == Event::kNeedInput) {
    unsigned char c = static_cast<unsigned char>(*p);
    switch (state_) {
      case State::kFailed:
        return Event::kError;
      case State::kBeforeFirstHeader:
        if (c == '>') {
          state_ = State::kName;
          at_line_start_ = false;
          header_line_ = line_;
          name_.clear();
        } else if (IsLineEnd(c)) {
          CountLineEnd(c);
        } else if (c == 0x1f && line_ == 1) {
          event = Fail("input looks gzip-compressed (starts with byte 0x1f): decompress it first");
        } else if (c != ' ' && c != '\t') {
          event = Fail("expected '>' header before sequence data, found " + DescribeByte(c));
        }
        ++p;
        break;
      case State::kName:
        if (IsLineEnd(c)) {
          CountLineEnd(c);
          event = EndHeader();
        } else if (c == ' ' || c == '\t') {
          state_ = State::kDescription;
        } else if (name_.size() >= kMaxNameLength) {
          event = Fail("contig name longer than " + std::to_string(kMaxNameLength) + " bytes");
        } else if (c < 0x20 || c == 0x7f) {
          event = Fail("unexpected " + DescribeByte(c) + " in header");
        } else {
          name_ += static_cast<char>(c);
        }
        ++p;
        break;
      case State::kDescription:
        if (IsLineEnd(c)) {
          CountLineEnd(c);
          event = EndHeader();
        }
        ++p;
        break;
      case State::kSequence: {
        // Runs of bases across as many lines as fit: one event per chunk, not per line.
        size_t n = 0;
        while (p < end) {
          // The hot loop: a run of bases, normalised through the table, nothing else.
          const size_t limit = std::min(static_cast<size_t>(end - p), capacity - n);
          const char* const table = table_;
          size_t k;
          if (dst) {
            char* out = dst + n;
            k = PlainBases(p, limit, out);
            while (k < limit && (out[k] = table[static_cast<unsigned char>(p[k])]))
              ++k;
          } else {
            k = PlainBases(p, limit, nullptr);
            while (k < limit && table[static_cast<unsigned char>(p[k])])
              ++k;
          }
          if (k > 0) {
            p += k;
            n += k;
            column_ += static_cast<int64_t>(k);
            at_line_start_ = false;
            last_was_cr_ = false;
          }
          if (p == end || n == capacity || !IsLineEnd(*p))
            break;
          CountLineEnd(*p++);
        }
        if (n > 0) {
          *written = n;
          contig_bases_ += static_cast<int64_t>(n);
          return finish(Event::kBases);
        }
        if (p == end)
          break;
        c = static_cast<unsigned char>(*p);
        if (table_[c])
          return finish(Event::kNeedInput);  // the caller has no room: resume here later
        if (c == '>' && at_line_start_) {
          event = CheckContigHasBases();
          if (event == Event::kError)
            break;
          state_ = State::kName;
          at_line_start_ = false;
          header_line_ = line_;
          name_.clear();
          ++p;
          break;
        }
        event = Fail("column " + std::to_string(column_ + 1) + ": unexpected " + DescribeByte(c) +
                     " in the sequence of '" + name_ + "'");
        break;
      }
    }
  }
  *cursor = p;
  return event;
}

FastaParser::Event FastaParser::Finish() {
  switch (state_) {
    case State::kFailed:
      return Event::kError;
    case State::kBeforeFirstHeader:
      return Fail("the reference is empty (no '>' header found)");
    case State::kName:
    case State::kDescription: {
      Event event = EndHeader();  // a last header without a line end
      if (event == Event::kError)
        return event;
      return CheckContigHasBases();
    }
    case State::kSequence:
      return CheckContigHasBases();
  }
  return Event::kNeedInput;
}

}  // namespace readforge
