// bgzip's .gzi: parsing, and the compressed slice for a region, checked by decompressing it.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>

#include "formats/fai.h"
#include "formats/gzi.h"
#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

// Inflates concatenated gzip members (BGZF blocks).
std::string Inflate(const std::string& compressed) {
  std::string out;
  z_stream z{};
  inflateInit2(&z, 15 + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  char buffer[1 << 16];
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    int code = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (code == Z_STREAM_END)
      inflateReset(&z);  // the next BGZF block is a new gzip member
    else if (code != Z_OK)
      break;
  } while (z.avail_in > 0 || z.avail_out == 0);  // input left, or output may be pending
  inflateEnd(&z);
  return out;
}

TEST(Gzi, SlicesHoldExactlyTheRegionBytes) {
  testing::TempDir temp;
  const std::string dir = temp.path();
  const std::string plain = testing::RandomFasta({{"a", 300000}, {"b", 200000}}, 2, 60);
  std::ofstream(dir + "/ref.fa", std::ios::binary) << plain;
  ASSERT_EQ(std::system(("cd " + dir + " && bgzip -i ref.fa && samtools faidx ref.fa.gz").c_str()),
            0);
  std::vector<GziEntry> gzi;
  ASSERT_TRUE(ParseGzi(testing::ReadFile(dir + "/ref.fa.gz.gzi"), &gzi).ok());
  EXPECT_GT(gzi.size(), 5u);
  FaiIndex fai;
  ASSERT_TRUE(ParseFai(testing::ReadFile(dir + "/ref.fa.gz.fai"), &fai).ok());
  const std::string compressed = testing::ReadFile(dir + "/ref.fa.gz");
  const std::pair<int64_t, int64_t> regions[] = {
      {0, 1}, {0, 300000}, {65000, 66000}, {120000, 250001}, {299999, 300000}};
  for (size_t i = 0; i < fai.contigs.size(); ++i) {
    for (auto [first, last] : regions) {
      last = std::min(last, fai.contigs.length(i));
      if (first >= last)
        continue;
      ByteRange bytes = RegionBytes(fai.layouts[i], first, last);
      BgzfSlice slice = BgzfSliceFor(gzi, bytes);
      int64_t end =
          slice.compressed_end < 0 ? static_cast<int64_t>(compressed.size()) : slice.compressed_end;
      std::string inflated =
          Inflate(compressed.substr(static_cast<size_t>(slice.compressed_begin),
                                    static_cast<size_t>(end - slice.compressed_begin)));
      ASSERT_GE(static_cast<int64_t>(inflated.size()), slice.skip + bytes.end - bytes.begin)
          << fai.contigs.name(i) << " " << first << "-" << last << " bytes " << bytes.begin << "-"
          << bytes.end << " slice " << slice.compressed_begin << "-" << slice.compressed_end
          << " skip " << slice.skip;
      EXPECT_EQ(inflated.substr(static_cast<size_t>(slice.skip),
                                static_cast<size_t>(bytes.end - bytes.begin)),
                plain.substr(static_cast<size_t>(bytes.begin),
                             static_cast<size_t>(bytes.end - bytes.begin)))
          << fai.contigs.name(i) << ":" << first << "-" << last;
    }
  }
}

TEST(Gzi, RejectsWhatIsNotAGzi) {
  std::vector<GziEntry> gzi;
  EXPECT_EQ(ParseGzi("abc", &gzi).message(), "the .gzi index is too short (is it a bgzip index?)");
  std::string two(8, '\0');
  two[0] = 2;
  EXPECT_EQ(ParseGzi(two, &gzi).message(),
            "the .gzi index says 2 blocks but holds 8 bytes (is it a bgzip index?)");
}

}  // namespace
}  // namespace readforge
