#include "formats/fastq_parser.h"

#include <cstdio>
#include <cstring>

#include "formats/text.h"

namespace readforge {
namespace {

bool IsSequenceByte(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '*';
}

}  // namespace

FastqParser::Event FastqParser::Fail(const std::string& message) {
  failed_ = true;
  error_ = "line " + std::to_string(line_number_) + " (read " + std::to_string(records_ + 1) +
           "): " + message;
  return Event::kError;
}

FastqParser::Event FastqParser::Next(const char** cursor, const char* end) {
  if (failed_)
    return Event::kError;
  const char* p = *cursor;
  while (p < end) {
    const char* newline = static_cast<const char*>(std::memchr(p, '\n', end - p));
    const char* stop = newline ? newline : end;
    if (line_.size() + static_cast<size_t>(stop - p) > kMaxLineLength) {
      *cursor = stop;
      return Fail("a line longer than 1 MB (is this FASTQ of short reads?)");
    }
    line_.append(p, stop);
    p = stop;
    if (!newline)
      break;
    ++p;
    Event event = EndLine();
    if (event != Event::kNeedInput) {
      *cursor = p;
      return event;
    }
  }
  *cursor = p;
  return Event::kNeedInput;
}

FastqParser::Event FastqParser::EndLine() {
  if (!line_.empty() && line_.back() == '\r')
    line_.pop_back();
  Event event = Event::kNeedInput;
  switch (line_kind_) {
    case Line::kName:
      if (line_.empty())
        break;  // blank lines between records
      if (line_[0] != '@') {
        if (records_ == 0 && line_[0] == '>')
          return Fail("this looks like FASTA ('>'), not FASTQ ('@')");
        if (records_ == 0 && static_cast<unsigned char>(line_[0]) == 0x1f)
          return Fail("the data looks gzip-compressed: decompress it first");
        return Fail("expected '@' at the start of a read's name line, found " +
                    DescribeByte(static_cast<unsigned char>(line_[0])));
      }
      line_kind_ = Line::kBases;
      break;
    case Line::kBases:
      for (size_t i = 0; i < line_.size(); ++i) {
        if (!IsSequenceByte(static_cast<unsigned char>(line_[i]))) {
          return Fail("column " + std::to_string(i + 1) + ": unexpected " +
                      DescribeByte(static_cast<unsigned char>(line_[i])) + " in the bases");
        }
      }
      bases_.swap(line_);
      line_kind_ = Line::kPlus;
      break;
    case Line::kPlus:
      if (line_.empty() || line_[0] != '+') {
        return Fail(
            "expected the '+' line after the bases (FASTQ with bases wrapped over several "
            "lines is not supported)");
      }
      line_kind_ = Line::kQualities;
      break;
    case Line::kQualities:
      qualities_.swap(line_);
      if (qualities_.size() != bases_.size()) {
        return Fail(std::to_string(bases_.size()) + " bases but " +
                    std::to_string(qualities_.size()) + " qualities");
      }
      for (size_t i = 0; i < qualities_.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(qualities_[i]);
        if (c < 33 || c > 126) {
          return Fail("column " + std::to_string(i + 1) + ": " + DescribeByte(c) +
                      " is not a quality character ('!' to '~')");
        }
      }
      ++records_;
      line_kind_ = Line::kName;
      event = Event::kRecord;
      break;
  }
  line_.clear();
  ++line_number_;
  return event;
}

FastqParser::Event FastqParser::Finish() {
  if (failed_)
    return Event::kError;
  if (!line_.empty()) {
    Event event = EndLine();  // a last line without a line end
    if (event != Event::kNeedInput)
      return event;
  }
  if (line_kind_ != Line::kName)
    return Fail("the input ends inside a read (a truncated file?)");
  return Event::kNeedInput;
}

}  // namespace readforge
