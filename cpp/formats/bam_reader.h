// Reads a BAM stream pushed in pieces of any size: the header (its text and contigs), then one
// record at a time, each with the virtual offsets where it starts and ends (what an index
// stores). Every size the file states is checked against the bytes before it is used: a
// truncated or corrupt file is a clear error, never a read past the data.
//
//   BamReader reader;
//   reader.Push(bytes, n) ... reader.Finish();
//   BamReader::Result r;
//   while (reader.Next(&r).ok() && r == BamReader::Result::kRecord) use reader.record();
#ifndef READFORGE_FORMATS_BAM_READER_H_
#define READFORGE_FORMATS_BAM_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/bam_record.h"
#include "formats/bgzf_stream.h"
#include "formats/contig_list.h"
#include "formats/status.h"

namespace readforge {

class BamReader {
 public:
  // The largest record accepted (htslib's own limit is 2 GB; a read of 100 kb with every tag is
  // well under this).
  static constexpr uint32_t kMaxRecord = 1u << 26;

  Status Push(const char* data, size_t size) { return stream_.Push(data, size); }
  Status Finish() { return stream_.Finish(); }

  enum class Result { kRecord, kNeedInput, kEnd };
  // The next record (then record() is valid until the next call), or that more input is needed,
  // or the end (after Finish()). A file without BGZF's end-of-file block is an error at its end.
  Status Next(Result* result);

  bool header_done() const { return header_done_; }
  const std::string& header_text() const { return header_text_; }
  const ContigList& contigs() const { return contigs_; }
  // Where the first record starts (valid once the header is read).
  uint64_t header_end() const { return header_end_; }

  BamRecordView record() const { return BamRecordView(record_data_, record_size_); }
  uint64_t record_begin() const { return record_begin_; }
  uint64_t record_end() const { return record_end_; }
  int64_t records() const { return records_; }

 private:
  Status ReadHeader(bool* need_input);

  BgzfStream stream_;
  bool header_done_ = false;
  std::string header_text_;
  ContigList contigs_;
  uint64_t header_end_ = 0;
  const char* record_data_ = nullptr;
  size_t record_size_ = 0;
  uint64_t record_begin_ = 0;
  uint64_t record_end_ = 0;
  int64_t records_ = 0;
  size_t pending_consume_ = 0;  // the last record's bytes, consumed at the next call
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_BAM_READER_H_
