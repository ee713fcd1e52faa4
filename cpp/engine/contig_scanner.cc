#include "engine/contig_scanner.h"

namespace readforge {

ContigScanner::ContigScanner() : scratch_(size_t{1} << 16, '\0') {}

Status ContigScanner::Push(const char* data, size_t size) {
  const char* p = data;
  const char* end = data + size;
  size_t written = 0;
  while (true) {
    switch (parser_.Next(&p, end, scratch_.data(), scratch_.size(), &written)) {
      case FastaParser::Event::kError:
        return Status::Error(parser_.error());
      case FastaParser::Event::kHeader:
        if (sparse_) {
          return Status::Error("the index (.fai) does not match the FASTA: the bytes of " +
                               gaps_.contig(current_).name + " hold a header ('>" + parser_.name() +
                               "')");
        }
        contigs_.push_back(ContigInfo{parser_.name(), 0});
        current_ = gaps_.AddContig(parser_.name(), 0);
        position_ = 0;
        break;
      case FastaParser::Event::kBases: {
        const int64_t n = static_cast<int64_t>(written);
        ContigGaps& contig = gaps_.contig(current_);
        AppendNRuns(scratch_.data(), n, position_, &contig.runs);
        position_ += n;
        bases_ += n;
        if (!sparse_) {
          contigs_.back().length += n;
          contig.length += n;
        }
        break;
      }
      case FastaParser::Event::kNeedInput:
        return Status::Ok();
    }
  }
}

Status ContigScanner::BeginContigAt(const std::vector<ContigInfo>& contigs,
                                    const std::string& name,
                                    int64_t position) {
  if (!sparse_) {
    if (!contigs_.empty())
      return Status::Error("BeginContigAt() after whole-file input");
    sparse_ = true;
    contigs_ = contigs;
    for (const ContigInfo& c : contigs)
      gaps_.AddContig(c.name, c.length);
  }
  const int64_t i = gaps_.IndexOf(name);
  if (i < 0)
    return Status::Error("unknown contig '" + name + "'");
  // Spans come in order, so each contig's runs are appended in order.
  current_ = static_cast<size_t>(i);
  parser_.ResumeSequence(name);
  position_ = position;
  return Status::Ok();
}

Status ContigScanner::Finish() {
  if (parser_.Finish() == FastaParser::Event::kError)
    return Status::Error(parser_.error());
  return Status::Ok();
}

}  // namespace readforge
