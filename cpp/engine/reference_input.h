// The Simulator's input side: reference bytes in (a whole FASTA in chunks of any size, or only
// the byte ranges of the spans of an indexed file), parsed, and checked against the index as
// they go. It reports where in which contig the bases are; what becomes of them is the
// Simulator's business.
#ifndef READFORGE_ENGINE_REFERENCE_INPUT_H_
#define READFORGE_ENGINE_REFERENCE_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "formats/contig_list.h"
#include "formats/fasta_parser.h"
#include "formats/status.h"

namespace readforge {

// What one step of parsing did.
struct InputStep {
  size_t bases = 0;           // bases written to (or, without room, skipped past) the caller
  bool contig_ended = false;  // contig `ended` ended: ended_length bases were read of it
  std::string ended;
  int64_t ended_length = 0;
  bool contig_began = false;  // a contig began: contig() names it
};

class ReferenceInput {
 public:
  // `contigs`: the index (may be empty), which the FASTA must match. With an index, the names
  // are checked against it (so the parser need not remember them).
  explicit ReferenceInput(const ContigList& contigs)
      : contigs_(contigs),
        parser_(FastaParser::Letters::kNormalised,
                contigs.empty() ? FastaParser::Names::kUnique : FastaParser::Names::kUnchecked) {}

  char* Buffer(size_t n);
  void Commit(size_t n);
  void Finish() { finished_ = true; }
  bool has_bytes() const { return cursor_ < input_.size(); }
  size_t bytes_left() const { return input_.size() - cursor_; }
  bool finished() const { return finished_; }

  // Parses the next piece: up to `capacity` bases into `dst` (null: checked and skipped).
  Status Next(char* dst, size_t capacity, InputStep* step);
  // At the end of input (finished(), no bytes left): ends the last contig and checks that the
  // FASTA held every contig of the index. Then done() is true.
  Status End(InputStep* step);
  bool done() const { return done_; }

  // Sparse input: the bytes pushed next are contig `name`'s sequence from base `position` on.
  // Only between steps, with the index, when no bytes are left.
  Status BeginContigAt(const std::string& name, int64_t position, InputStep* step);
  bool sparse() const { return sparse_; }

  // How messages name the index the contigs came from (".fai", or a gap sidecar that listed them).
  void set_index_name(std::string name) { index_name_ = std::move(name); }

  bool in_contig() const { return in_contig_; }
  const std::string& contig() const { return contig_; }
  int64_t position() const { return position_; }
  // The index's number of the current contig (-1 without an index).
  int64_t ordinal() const { return contigs_.empty() ? -1 : ordinal_; }
  // How many contigs the input held so far, and the first of their names, for messages.
  int64_t contigs_seen() const { return contigs_seen_; }
  std::string SeenNames() const;

 private:
  std::string Mismatch() const {
    return "the index (" + index_name_ + ") does not match the reference: ";
  }
  static constexpr size_t kShownNames = 10;

  Status BeginContig(const std::string& name);
  void Saw(const std::string& name);
  Status EndContig(InputStep* step);

  const ContigList& contigs_;
  std::string index_name_ = ".fai";
  FastaParser parser_;
  std::string input_;
  size_t cursor_ = 0;
  bool finished_ = false;
  bool done_ = false;
  bool sparse_ = false;
  bool in_contig_ = false;
  std::string contig_;
  int64_t ordinal_ = -1;
  int64_t position_ = 0;
  int64_t contigs_seen_ = 0;
  std::vector<std::string> first_seen_;  // the first kShownNames
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_REFERENCE_INPUT_H_
