// The fragment lengths of real pairs, learned from their alignments (SAM or BAM, as they
// stream): each proper pair's template length, counted once (from the mate whose TLEN is
// positive; primary alignments only). `readforge profile --fragments ALN.bam` writes the
// histogram for --fragment-hist.
#ifndef READFORGE_EVAL_FRAGMENT_LEARNER_H_
#define READFORGE_EVAL_FRAGMENT_LEARNER_H_

#include <cstdint>
#include <map>

#include "eval/alignment_reader.h"
#include "formats/fragment_histogram.h"
#include "formats/status.h"

namespace readforge {

class FragmentLearner {
 public:
  Status Push(const char* data, size_t size);
  // After the whole file: the histogram (an error when no proper pair was found).
  Status Finish(FragmentHistogram* histogram);
  int64_t pairs() const { return pairs_; }

 private:
  Status Drain();

  AlignmentReader reader_;
  std::map<int64_t, uint64_t> counts_;
  int64_t pairs_ = 0;
  int64_t records_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_EVAL_FRAGMENT_LEARNER_H_
