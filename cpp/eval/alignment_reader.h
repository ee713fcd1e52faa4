// An aligner's output as `readforge eval` reads it, from pieces of any size: SAM text, BAM, or
// bgzipped SAM (told by the bytes, not the name), one record at a time with the fields an
// evaluation needs, and the header's contigs (names, lengths, M5 when given).
#ifndef READFORGE_EVAL_ALIGNMENT_READER_H_
#define READFORGE_EVAL_ALIGNMENT_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eval/read_name.h"
#include "formats/bam_reader.h"
#include "formats/bgzf_stream.h"
#include "formats/status.h"

namespace readforge {

struct AlignmentLine {
  std::string_view name;
  int flag = 0;
  std::string_view contig;  // "*" when none
  int32_t tid = -1;         // its number in the header (-1: none, or not listed)
  int64_t pos = 0;          // 1-based; 0 when none
  int mapq = 0;
  std::vector<uint32_t> cigar;  // BAM's encoding (bam_record.h); empty for "*"
  int64_t tlen = 0;
};

struct HeaderContig {
  std::string name;
  int64_t length = 0;
  std::string md5;  // M5, lowercase hex; empty when the header does not give it
};

class AlignmentReader {
 public:
  Status Push(const char* data, size_t size);
  Status Finish();

  enum class Result { kRecord, kNeedInput, kEnd };
  // The next record (then line() holds it until the next call), or that more input is needed,
  // or the end (after Finish()). Errors say what and which record or line.
  Status Next(Result* result);
  const AlignmentLine& line() const { return line_; }

  // The header's contigs, complete once the first record (or the end) has come.
  const std::vector<HeaderContig>& contigs() const { return contigs_; }
  bool is_bam() const { return kind_ == Kind::kBam; }

 private:
  enum class Kind { kUnknown, kSam, kBgzfSam, kBam };
  Status Detect(bool at_end);
  Status NextSam(Result* result);
  Status NextBam(Result* result);
  Status ParseSamLine(std::string_view line);
  void ReadHeaderText(std::string_view text, bool lengths_from_text);

  Kind kind_ = Kind::kUnknown;
  std::string prefix_;  // bytes held until the kind is known
  bool finished_ = false;
  BgzfStream bgzf_;  // bgzipped SAM
  std::unique_ptr<BamReader> bam_;
  std::string text_;  // SAM text not yet parsed (plain SAM)
  size_t text_at_ = 0;
  int64_t line_number_ = 0;
  bool header_seen_ = false;
  AlignmentLine line_;
  std::vector<HeaderContig> contigs_;
};

// Hands every record the reader has now to `each`, with what its name says, counting them in
// *records; a name that is not a simulator's is an error naming the record.
Status ForEachSimulated(
    AlignmentReader* reader,
    int64_t* records,
    const std::function<Status(const AlignmentLine&, const SimulatedName&)>& each);

}  // namespace readforge

#endif  // READFORGE_EVAL_ALIGNMENT_READER_H_
