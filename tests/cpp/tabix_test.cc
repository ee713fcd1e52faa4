// Tabix and CSI indexes (made by htslib's tabix) read by the engine: the byte ranges it picks
// for some regions hold every record bcftools finds there, and little else; the header and each
// block's end are found from it.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "formats/tabix.h"
#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ReadFile;

// Decompresses a whole BGZF file, remembering where each block starts (compressed, and in the
// decompressed bytes), so that virtual offsets can be followed.
struct Bgzf {
  std::string data;
  std::vector<std::pair<uint64_t, size_t>> blocks;  // compressed offset -> decompressed offset

  explicit Bgzf(const std::string& file) {
    size_t at = 0;
    while (at + 18 <= file.size()) {
      const size_t size =
          (static_cast<uint8_t>(file[at + 16]) | static_cast<uint8_t>(file[at + 17]) << 8) + 1;
      blocks.emplace_back(at, data.size());
      z_stream z{};
      inflateInit2(&z, 16 + MAX_WBITS);
      std::string out(65536, '\0');
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(file.data() + at));
      z.avail_in = static_cast<uInt>(size);
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = static_cast<uInt>(out.size());
      inflate(&z, Z_FINISH);
      data.append(out, 0, out.size() - z.avail_out);
      inflateEnd(&z);
      at += size;
    }
  }
  size_t Decompressed(uint64_t virtual_offset) const {
    for (const auto& [compressed, decompressed] : blocks)
      if (compressed == virtual_offset >> 16)
        return decompressed + (virtual_offset & 0xffff);
    return std::string::npos;
  }
};

class TabixTest : public testing::Sandbox {};

TEST_F(TabixTest, RangesHoldEveryRecordOfTheRegions) {
  // Two contigs, 200,000 records in all (many BGZF blocks), some long deletions.
  std::mt19937_64 rng(4);
  std::ostringstream vcf;
  vcf << "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=60000000>\n##contig=<ID=chr2,length="
         "9000000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
  for (const auto& [name, n, step] : {std::tuple<const char*, int, int>{"chr1", 150000, 400},
                                      std::tuple<const char*, int, int>{"chr2", 50000, 170}}) {
    for (int i = 0; i < n; ++i) {
      const int64_t pos = 1 + static_cast<int64_t>(i) * step + static_cast<int64_t>(rng() % 100);
      const std::string ref = rng() % 50 == 0 ? std::string(300, 'A') : "A";
      vcf << name << '\t' << pos << "\t.\t" << ref << "\tC\t.\tPASS\t.\n";
    }
  }
  std::ofstream(Path("v.vcf")) << vcf.str();
  ASSERT_EQ(Shell("bgzip -f v.vcf && tabix -f -p vcf v.vcf.gz && tabix -f -C -p vcf v.vcf.gz && "
                  "bgzip -dc v.vcf.gz.tbi > v.tbi && bgzip -dc v.vcf.gz.csi > v.csi"),
            0);
  const Bgzf file(ReadFile(Path("v.vcf.gz")));
  for (const char* kind : {"tbi", "csi"}) {
    TabixIndex index;
    ASSERT_TRUE(TabixIndex::Parse(ReadFile(Path(std::string("v.") + kind)), &index).ok()) << kind;
    // The header ends where the first record starts.
    const size_t header_end = file.data.find("\n", file.data.find("#CHROM")) + 1;
    EXPECT_EQ(file.Decompressed(index.FirstRecord()), header_end) << kind;
    // Each block's end bound is a block start past it (or 0: the end of the file).
    for (size_t b = 0; b < file.blocks.size(); ++b) {
      const uint64_t bound = index.BlockEndBound(file.blocks[b].first);
      if (bound == 0)
        continue;
      ASSERT_LT(b + 1, file.blocks.size());
      EXPECT_GE(bound, file.blocks[b + 1].first) << kind << " block " << b;
      EXPECT_NE(file.Decompressed(bound << 16), std::string::npos) << kind << " block " << b;
    }
    for (const auto& [contig, begin, end] :
         {std::tuple<std::string, int64_t, int64_t>{"chr1", 1000000, 1200000},
          {"chr1", 59000000, 61000000},
          {"chr2", 0, 5000},
          {"chr2", 3000000, 3000400},
          {"chr3", 0, 100}}) {
      const std::vector<VirtualRange> ranges = index.RangesFor({{contig, begin, end}});
      std::string fetched;
      for (const VirtualRange& r : ranges)
        fetched += file.data.substr(file.Decompressed(r.begin),
                                    file.Decompressed(r.end) - file.Decompressed(r.begin));
      const std::string region =
          contig + ":" + std::to_string(begin + 1) + "-" + std::to_string(end);
      ASSERT_EQ(Shell("bcftools view -H -r " + region + " v.vcf.gz > want.txt 2>/dev/null"), 0);
      std::istringstream want(ReadFile(Path("want.txt")));
      int records = 0;
      for (std::string line; std::getline(want, line); ++records)
        ASSERT_NE(fetched.find(line + "\n"), std::string::npos)
            << kind << " " << region << ": " << line;
      if (contig == "chr3")
        EXPECT_TRUE(ranges.empty());
      else
        EXPECT_GT(records, 0) << region;
      // Only the blocks near the region: far less than the file.
      EXPECT_LT(fetched.size(), file.data.size() / 10) << kind << " " << region;
    }
  }
  TabixIndex bad;
  EXPECT_EQ(TabixIndex::Parse("BAI\1", &bad).message(), "not a tabix (.tbi) or CSI (.csi) index");
  const std::string tbi = ReadFile(Path("v.tbi"));
  EXPECT_EQ(TabixIndex::Parse(tbi.substr(0, tbi.size() / 2), &bad).message(),
            "a truncated or damaged index");
}

}  // namespace
}  // namespace readforge
