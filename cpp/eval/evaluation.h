// `readforge eval`: how well an aligner placed simulated reads. The aligner's output (SAM, BAM
// or bgzipped SAM) streams through; each record is counted as wgsim_eval.pl alneval counts it
// (alneval.h), and, given the run's golden BAM (--bam), primary alignments are compared with
// the reads' true ones: same position, same CIGAR, same position but for soft clips, unmapped,
// missing. The report is text for people (alneval's own lines first, so they diff against it)
// or JSON for scripts.
//
//   Evaluation eval(options);
//   eval.PushTruth(...) ... eval.FinishTruth();   // optional, and first
//   eval.Push(...) ... eval.Finish();
//   std::string report = eval.Report();
#ifndef READFORGE_EVAL_EVALUATION_H_
#define READFORGE_EVAL_EVALUATION_H_

#include <cstdint>
#include <memory>
#include <string>

#include "eval/alignment_reader.h"
#include "eval/alneval.h"
#include "eval/truth_table.h"
#include "formats/status.h"

namespace readforge {

struct EvalOptions {
  int64_t gap = 5;   // alneval's -g: right within this many bases
  bool roc = false;  // alneval's -a: the ROC table instead of the quality bins
  bool json = false;
};

class Evaluation {
 public:
  explicit Evaluation(EvalOptions options) : options_(options), alneval_(options.gap) {}

  Status PushTruth(const char* data, size_t size);
  Status FinishTruth();

  Status Push(const char* data, size_t size);
  Status Finish();

  std::string Report() const;
  int64_t records() const { return records_; }

  // Against the truth (primary alignments of reads the truth holds).
  struct TruthCounts {
    int64_t reads = 0;           // in the truth
    int64_t primary = 0;         // primary records of those reads in the aligner's output
    int64_t unmapped = 0;        // of which unmapped
    int64_t exact_position = 0;  // the true contig and POS
    int64_t exact_cigar = 0;     // and the true CIGAR
    int64_t within_clips = 0;    // the true contig and unclipped start (soft clips aside)
    int64_t wrong = 0;           // mapped elsewhere
    int64_t missing = 0;         // reads with no primary record
  };
  const TruthCounts& truth_counts() const { return truth_; }

 private:
  Status Drain();
  Status CheckReference();
  Status Compare(const AlignmentLine& line, const SimulatedName& name);

  const EvalOptions options_;
  AlnEval alneval_;
  AlignmentReader reader_;
  std::unique_ptr<TruthTable> truth_table_;
  std::vector<int32_t> contig_map_;  // the aligner's contig number -> the truth's (-1: none)
  bool reference_checked_ = false;
  std::vector<bool> seen_;  // truth reads with a primary record (by key)
  TruthCounts truth_;
  int64_t records_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_EVAL_EVALUATION_H_
