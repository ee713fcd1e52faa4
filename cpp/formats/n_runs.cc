#include "formats/n_runs.h"

#include <cstring>

namespace readforge {

void AppendNRuns(const char* bases, int64_t n, int64_t offset, std::vector<NRun>* runs) {
  const char* p = bases;
  const char* end = bases + n;
  // memchr: real references are long stretches without an N, which it skips at memory speed.
  while (const char* q = static_cast<const char*>(std::memchr(p, 'N', end - p))) {
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
