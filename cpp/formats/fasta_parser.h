// Streaming FASTA parser: a small state machine in the spirit of kseq.h. Input arrives in chunks
// of any size (a chunk boundary may fall anywhere, even inside "\r\n"); the parser reports
// headers and hands out runs of bases normalised to "ACGTN" (lowercase accepted, any other
// letter, i.e. IUPAC codes, becomes N), or, for digests, every letter uppercased. Anything else
// is an error with a line number.
#ifndef READFORGE_FORMATS_FASTA_PARSER_H_
#define READFORGE_FORMATS_FASTA_PARSER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/contig_list.h"

namespace readforge {

class FastaParser {
 public:
  enum class Event {
    kNeedInput,  // the chunk is used up
    kHeader,     // a complete header line; name() holds the contig name
    kBases,      // `*written` bases were stored (or only checked, when dst is null)
    kError,      // error() says what and where; the parser stays failed
  };

  static constexpr size_t kMaxNameLength = 65536;

  enum class Letters {
    kNormalised,  // ACGTN: what the simulator reads
    kUppercase,   // every letter as it is, uppercased: what a contig's MD5 is taken over
  };

  // Whether the parser refuses a name it has seen: it must remember every name for that. A
  // reader that checks names against an index (which has unique names) or keeps a list of its
  // own (RejectHeader) need not.
  enum class Names { kUnique, kUnchecked };

  explicit FastaParser(Letters letters = Letters::kNormalised, Names names = Names::kUnique);

  // Consumes input from *cursor up to `end`. Stops after one event. Writes at most `capacity`
  // normalised bases to `dst`; a null `dst` validates and skips them instead.
  Event Next(const char** cursor, const char* end, char* dst, size_t capacity, size_t* written);

  // Continues in the sequence of contig `name` as if its header had just been read: for input
  // that is a byte range of a contig's sequence (a region fetched from an indexed file).
  void ResumeSequence(const std::string& name) {
    state_ = State::kSequence;
    name_ = name;
    contig_bases_ = 1;  // the range is part of a contig known to have bases
    ++contigs_;
    at_line_start_ = true;
    last_was_cr_ = false;
  }

  // Declares the end of input. Returns kError (empty input, or a contig without bases) or
  // kNeedInput when the reference was well formed.
  Event Finish();

  // Fails the parse at the header just read (for a reader's own checks of names).
  Event RejectHeader(const std::string& message);

  const std::string& name() const { return name_; }
  const std::string& error() const { return error_; }
  int64_t contig_bases() const { return contig_bases_; }
  int64_t contigs() const { return contigs_; }

 private:
  enum class State { kBeforeFirstHeader, kName, kDescription, kSequence, kFailed };

  Event Fail(std::string message);
  Event EndHeader();
  Event CheckContigHasBases();
  void CountLineEnd(char c);

  const char* table_;  // byte -> letter handed out, or 0 where bases end
  State state_ = State::kBeforeFirstHeader;
  bool at_line_start_ = true;
  bool last_was_cr_ = false;
  int64_t line_ = 1;
  int64_t header_line_ = 0;  // where the current contig's header is
  int64_t column_ = 0;
  int64_t contig_bases_ = 0;
  int64_t contigs_ = 0;
  std::string name_;
  std::string error_;
  const bool unique_names_;
  ContigList seen_names_;  // names only, with Names::kUnique
};

// Byte -> normalised base: 'A', 'C', 'G', 'T' or 'N' for letters (either case), 0 otherwise.
inline constexpr std::array<char, 256> kBaseTable = [] {
  std::array<char, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) {
    table[static_cast<size_t>(c)] = 'N';
    table[static_cast<size_t>(c + 32)] = 'N';
  }
  for (const char base : {'A', 'C', 'G', 'T'}) {
    table[static_cast<unsigned char>(base)] = base;
    table[static_cast<unsigned char>(base + 32)] = base;
  }
  return table;
}();

// The normalised base for a byte (inline: it is asked of every base of a reference indexed).
inline char NormaliseBase(unsigned char c) {
  return kBaseTable[c];
}

}  // namespace readforge

#endif  // READFORGE_FORMATS_FASTA_PARSER_H_
