#include "formats/contig_scanner.h"

#include <utility>

namespace readforge {

ContigScanner::ContigScanner(bool digests)
    : digests_(digests),
      // With digests, letters as they are (uppercased), normalised here after hashing.
      parser_(digests ? FastaParser::Letters::kUppercase : FastaParser::Letters::kNormalised,
              FastaParser::Names::kUnchecked),
      scratch_(size_t{1} << 16, '\0') {
  layout_.gaps.set_known(true);
}

void ContigScanner::FlushRuns() {
  layout_.gaps.AddRuns(current_, runs_);
  runs_.clear();
  FlushDigest();
}

void ContigScanner::FlushDigest() {
  if (!digests_ || sparse_)
    return;
  layout_.contig_md5 += md5_.Finish();
}

Status ContigScanner::Push(const char* data, size_t size) {
  const char* p = data;
  const char* end = data + size;
  size_t written = 0;
  ContigList& contigs = layout_.contigs;
  while (true) {
    switch (parser_.Next(&p, end, scratch_.data(), scratch_.size(), &written)) {
      case FastaParser::Event::kError:
        return Status::Error(parser_.error());
      case FastaParser::Event::kHeader:
        if (sparse_) {
          return Status::Error("the index (.fai) does not match the FASTA: the bytes of " +
                               std::string(contigs.name(current_)) + " hold a header ('>" +
                               parser_.name() + "')");
        }
        if (!contigs.empty())
          FlushRuns();
        if (!contigs.AddUnique(parser_.name(), 0)) {
          parser_.RejectHeader("duplicate contig name '" + parser_.name() +
                               "' (every contig needs a unique name)");
          return Status::Error(parser_.error());
        }
        current_ = contigs.size() - 1;
        position_ = 0;
        break;
      case FastaParser::Event::kBases: {
        const int64_t n = static_cast<int64_t>(written);
        if (digests_) {
          md5_.Update(scratch_.data(), written);
          for (size_t i = 0; i < written; ++i)
            scratch_[i] = NormaliseBase(static_cast<unsigned char>(scratch_[i]));
        }
        AppendNRuns(scratch_.data(), n, position_, &runs_);
        position_ += n;
        bases_ += n;
        if (!sparse_)
          contigs.set_length(current_, contigs.length(current_) + n);
        break;
      }
      case FastaParser::Event::kNeedInput:
        return Status::Ok();
    }
  }
}

Status ContigScanner::BeginContigAt(const ContigList& contigs,
                                    const std::string& name,
                                    int64_t position) {
  if (!sparse_) {
    if (!layout_.contigs.empty())
      return Status::Error("BeginContigAt() after whole-file input");
    sparse_ = true;
    layout_.contigs = contigs;
  }
  const int64_t i = layout_.contigs.IndexOf(name);
  if (i < 0)
    return Status::Error("unknown contig '" + name + "'");
  // Spans come in order, so each contig's runs are appended in order.
  if (static_cast<size_t>(i) != current_)
    FlushRuns();
  current_ = static_cast<size_t>(i);
  parser_.ResumeSequence(name);
  position_ = position;
  return Status::Ok();
}

Status ContigScanner::Finish() {
  if (parser_.Finish() == FastaParser::Event::kError)
    return Status::Error(parser_.error());
  FlushRuns();
  return Status::Ok();
}

}  // namespace readforge
