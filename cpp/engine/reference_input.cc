#include "engine/reference_input.h"

namespace readforge {

char* ReferenceInput::Buffer(size_t n) {
  input_.resize(n);
  cursor_ = 0;
  return input_.data();
}

void ReferenceInput::Commit(size_t n) {
  input_.resize(n);
  cursor_ = 0;
}

Status ReferenceInput::Next(char* dst, size_t capacity, InputStep* step) {
  *step = InputStep();
  const char* p = input_.data() + cursor_;
  size_t written = 0;
  FastaParser::Event event =
      parser_.Next(&p, input_.data() + input_.size(), dst, capacity, &written);
  cursor_ = static_cast<size_t>(p - input_.data());
  switch (event) {
    case FastaParser::Event::kError:
      return Status::Error(parser_.error());
    case FastaParser::Event::kHeader:
      if (sparse_) {  // a span's bytes hold no header unless the index is for another file
        return Status::Error("the index (" + index_name_ +
                             ") does not match the FASTA: the bytes of " + contig_ + " from base " +
                             std::to_string(position_ + 1) + " hold a header ('>" + parser_.name() +
                             "')");
      }
      if (in_contig_)
        RF_RETURN_IF_ERROR(EndContig(step));
      step->contig_began = true;
      return BeginContig(parser_.name());
    case FastaParser::Event::kBases:
      position_ += static_cast<int64_t>(written);
      step->bases = written;
      return Status::Ok();
    case FastaParser::Event::kNeedInput:
      return Status::Ok();
  }
  return Status::Ok();
}

Status ReferenceInput::End(InputStep* step) {
  *step = InputStep();
  done_ = true;
  if (parser_.Finish() == FastaParser::Event::kError)
    return Status::Error(parser_.error());
  if (in_contig_)
    RF_RETURN_IF_ERROR(EndContig(step));
  if (!sparse_ && !contigs_.empty() && ordinal_ + 1 < static_cast<int64_t>(contigs_.size())) {
    return Status::Error(Mismatch() + "it lists " + std::to_string(contigs_.size()) +
                         " contigs, the FASTA has " + std::to_string(ordinal_ + 1));
  }
  return Status::Ok();
}

Status ReferenceInput::BeginContig(const std::string& name) {
  ++ordinal_;
  if (!contigs_.empty()) {
    if (ordinal_ >= static_cast<int64_t>(contigs_.size())) {
      return Status::Error(Mismatch() + "the FASTA has more than its " +
                           std::to_string(contigs_.size()) + " contigs ('" + name + "')");
    }
    const std::string_view expected = contigs_.name(static_cast<size_t>(ordinal_));
    if (expected != name) {
      return Status::Error(Mismatch() + "contig " + std::to_string(ordinal_ + 1) + " is '" + name +
                           "' in the FASTA but '" + std::string(expected) + "' in the index");
    }
  }
  in_contig_ = true;
  contig_ = name;
  position_ = 0;
  Saw(name);
  return Status::Ok();
}

Status ReferenceInput::EndContig(InputStep* step) {
  in_contig_ = false;
  step->contig_ended = true;
  step->ended = contig_;
  step->ended_length = position_;
  if (sparse_ || contigs_.empty())
    return Status::Ok();
  const int64_t expected = contigs_.length(static_cast<size_t>(ordinal_));
  if (expected != position_) {
    return Status::Error(Mismatch() + "contig '" + contig_ + "' has " + std::to_string(position_) +
                         " bases, the index says " + std::to_string(expected));
  }
  return Status::Ok();
}

Status ReferenceInput::BeginContigAt(const std::string& name, int64_t position, InputStep* step) {
  *step = InputStep();
  if (contigs_.empty())
    return Status::Error("sparse input needs the contig lengths (an index)");
  if (has_bytes())
    return Status::Error("BeginContigAt() called with input left to process");
  const int64_t known = contigs_.IndexOf(name);
  if (known < 0)
    return Status::Error("unknown contig '" + name + "'");
  sparse_ = true;
  if (in_contig_)
    RF_RETURN_IF_ERROR(EndContig(step));
  parser_.ResumeSequence(name);
  // Spans come in reference order: a contig's come one after the other.
  if (known != ordinal_)
    Saw(name);
  ordinal_ = known;
  in_contig_ = true;
  contig_ = name;
  position_ = position;
  step->contig_began = true;
  return Status::Ok();
}

void ReferenceInput::Saw(const std::string& name) {
  ++contigs_seen_;
  if (first_seen_.size() < kShownNames)
    first_seen_.push_back(name);
}

std::string ReferenceInput::SeenNames() const {
  std::string names;
  for (size_t i = 0; i < first_seen_.size(); ++i)
    names += (i ? ", " : "") + first_seen_[i];
  if (contigs_seen_ > static_cast<int64_t>(first_seen_.size()))
    names += ", ... (" + std::to_string(contigs_seen_) + " in all)";
  return names;
}

}  // namespace readforge
