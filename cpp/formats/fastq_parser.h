// Streaming FASTQ parser, in the spirit of kseq.h: input in chunks of any size (a boundary may
// fall anywhere, even inside "\r\n"); records of four lines ('@' name, bases, '+', qualities)
// come out one at a time. What is not FASTQ is an error naming the record and line.
#ifndef READFORGE_FORMATS_FASTQ_PARSER_H_
#define READFORGE_FORMATS_FASTQ_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace readforge {

class FastqParser {
 public:
  enum class Event { kNeedInput, kRecord, kError };

  // Reads longer than this are refused (they are not short reads, and memory stays bounded).
  static constexpr size_t kMaxLineLength = size_t{1} << 20;

  // Consumes input from *cursor up to `end`; stops after a complete record (bases() and
  // qualities() hold it until the next call).
  Event Next(const char** cursor, const char* end);
  // Declares the end of input: kError when it stops inside a record, else kNeedInput.
  Event Finish();

  std::string_view bases() const { return bases_; }
  std::string_view qualities() const { return qualities_; }
  const std::string& error() const { return error_; }
  int64_t records() const { return records_; }

 private:
  enum class Line { kName, kBases, kPlus, kQualities };

  Event Fail(const std::string& message);
  Event EndLine();

  Line line_kind_ = Line::kName;
  std::string line_;  // the line being read
  std::string bases_;
  std::string qualities_;
  std::string error_;
  bool failed_ = false;
  int64_t line_number_ = 1;
  int64_t records_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_FASTQ_PARSER_H_
