#include "formats/n_runs.h"

#include "formats/find_n.h"

namespace readforge {

void AppendNRuns(const char* bases, int64_t n, int64_t offset, std::vector<NRun>* runs) {
  const char* p = bases;
  const char* end = bases + n;
  // Real references are long stretches without an N, which FindN skips at memory speed.
  for (const char* q = FindN(p, end); q != end; q = FindN(p, end)) {
    const char* r = q;
    while (r < end && *r == 'N')
      ++r;
    const int64_t begin = offset + (q - bases);
    const int64_t stop = offset + (r - bases);
    if (!runs->empty() && runs->back().end == begin)
      runs->back().end = stop;
    else
      runs->push_back(NRun{begin, stop});
    p = r;
  }
}

}  // namespace readforge
