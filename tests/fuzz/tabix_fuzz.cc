// A remote VCF's index (.tbi, .csi, decompressed) as a server might hand it over: truncated,
// damaged, for another file, or junk. Parsing refuses with a message or yields an index whose
// ranges for any regions are sorted and disjoint, and whose block end bounds lie past their
// blocks: never a crash, a read past the bytes, or a huge allocation.
#include <string>
#include <vector>

#include "formats/tabix.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace readforge;
  fuzz::Bytes bytes(data, size);
  std::vector<TabixIndex::Region> regions;
  for (int i = bytes.Int(0, 4); i > 0; --i) {
    const int64_t begin = bytes.Int(0, int64_t{1} << 31);
    regions.push_back({bytes.Int(0, 1) ? "chr1" : "chr2", begin, begin + bytes.Int(0, 1 << 20)});
  }
  TabixIndex index;
  Status s = TabixIndex::Parse(bytes.Rest(), &index);
  if (!s.ok()) {
    FUZZ_CHECK(!s.message().empty(), "a silent failure");
    return 0;
  }
  const std::vector<VirtualRange> ranges = index.RangesFor(regions);
  for (size_t i = 0; i < ranges.size(); ++i) {
    FUZZ_CHECK(ranges[i].begin <= ranges[i].end, "a range that ends before it begins");
    FUZZ_CHECK(i == 0 || ranges[i].begin > ranges[i - 1].end, "ranges out of order or overlapping");
    const uint64_t bound = index.BlockEndBound(ranges[i].end >> 16);
    FUZZ_CHECK(bound == 0 || bound > ranges[i].end >> 16, "a block that ends before it begins");
  }
  return 0;
}
