// wgsim_eval.pl alneval (samtools' misc/wgsim_eval.pl), counted as it counts: every mapped line
// of an aligner's output (secondary and supplementary ones too) whose read name is a
// simulator's is right when it lies within `gap` bases of where the name says the read came
// from (its left end; for the reverse strand its right end; either counted with or without
// its clipped bases), wrong otherwise; by mapping quality. Table() prints what alneval prints
// by default, Roc() what it prints with -a.
#ifndef READFORGE_EVAL_ALNEVAL_H_
#define READFORGE_EVAL_ALNEVAL_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "eval/alignment_reader.h"
#include "eval/read_name.h"

namespace readforge {

class AlnEval {
 public:
  explicit AlnEval(int64_t gap = 5) : gap_(gap) {}

  // Every record, as it comes (alneval's quality range counts unmapped lines too).
  void Add(const AlignmentLine& line, const SimulatedName& name);

  // Rows of alneval's default output: for each quality bin (MAPQ / 10) from the highest down,
  // the wrong and mapped lines of that bin, the mapped lines cumulated, and the cumulated
  // wrong fraction.
  struct Row {
    int bin;
    int64_t wrong, mapped, cumulative, cumulative_wrong;
  };
  std::vector<Row> Rows() const;
  // -a: for each MAPQ above 0 from the highest down, the mapped and wrong lines at that MAPQ
  // or above.
  struct RocPoint {
    int mapq;
    int64_t mapped, wrong;
  };
  std::vector<RocPoint> Roc() const;

  std::string Table() const;     // alneval's lines
  std::string RocTable() const;  // alneval -a's lines

 private:
  const int64_t gap_;
  int max_bin_ = 0;
  std::vector<int64_t> mapped_ = std::vector<int64_t>(26, 0);  // by bin (MAPQ 0-255)
  std::vector<int64_t> wrong_ = std::vector<int64_t>(26, 0);
  std::map<int, std::pair<int64_t, int64_t>> by_mapq_;  // MAPQ -> (mapped, wrong)
};

}  // namespace readforge

#endif  // READFORGE_EVAL_ALNEVAL_H_
