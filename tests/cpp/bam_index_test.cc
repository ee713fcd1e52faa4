// The BAM index builder (bam_index.h) against `samtools index`, on BAMs read back with
// BamReader (its virtual offsets as htslib's bgzf_tell gives them): BAI byte for byte, and CSI
// (`samtools index -c`, for contigs past 512 Mb) equal once inflated. One contig with many
// bins, and 300 contigs of all sizes.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "formats/bam_index.h"
#include "formats/bam_reader.h"
#include "formats/bgzf_reader.h"
#include "formats/bgzf_stream.h"
#include "sandbox.h"

namespace readforge {
namespace {

// The index of `bam` as BamIndexBuilder makes it from the records BamReader reads.
std::string IndexOf(const std::string& bam, bool csi) {
  BamReader reader;
  EXPECT_TRUE(reader.Push(bam.data(), bam.size()).ok());
  EXPECT_TRUE(reader.Finish().ok());
  BamReader::Result result;
  EXPECT_TRUE(reader.Next(&result).ok());
  int64_t longest = 0;
  for (size_t i = 0; i < reader.contigs().size(); ++i)
    longest = std::max(longest, reader.contigs().length(i));
  BamIndexBuilder builder(reader.contigs().size(), csi, BamIndexBuilder::CsiDepth(longest),
                          reader.header_end());
  uint64_t end = reader.header_end();
  while (result == BamReader::Result::kRecord) {
    const BamRecordView r = reader.record();
    EXPECT_TRUE(builder
                    .Push(r.tid(), r.pos(), r.EndPosition(), reader.record_end(),
                          !(r.flag() & kFlagUnmapped))
                    .ok());
    end = reader.record_end();
    EXPECT_TRUE(reader.Next(&result).ok());
  }
  builder.Finish(end);
  return builder.Serialize();
}

// A BGZF file's data.
std::string Inflate(const std::string& bgzf) {
  BgzfStream stream;
  EXPECT_TRUE(stream.Push(bgzf.data(), bgzf.size()).ok());
  EXPECT_TRUE(stream.Finish().ok());
  return std::string(stream.available());
}

class BamIndexTest : public testing::Sandbox {};

TEST_F(BamIndexTest, BaiAndCsiAreSamtoolsIndexs) {
  // 300 contigs from 200 bases to 400 kb (most reads land on the long ones; short ones get few
  // or none), and E. coli: one contig, 9,700 pairs a Mb.
  std::mt19937 rng(5);
  std::string fasta;
  for (int i = 0; i < 300; ++i) {
    const int length = 200 + static_cast<int>(rng() % (i % 10 == 0 ? 400000 : 20000));
    fasta += ">c" + std::to_string(i) + "\n";
    for (int k = 0; k < length; ++k)
      fasta.push_back("ACGT"[rng() % 4]);
    fasta += "\n";
  }
  Write("many.fa", fasta);
  ASSERT_EQ(Shell("gzip -dc " + std::string(READFORGE_SOURCE_DIR) +
                  "/public/refs/ecoli-536.fa.gz > ecoli.fa"),
            0);
  ASSERT_EQ(Run("-q -S 1 -N 60000 --bam many.bam many.fa a b").status, 0);
  ASSERT_EQ(Run("-q -S 1 -N 60000 -r 0.01 --bam ecoli.bam ecoli.fa a b").status, 0);
  for (const std::string name : {"many", "ecoli"}) {
    const std::string bam = Read(name + ".bam");
    ASSERT_EQ(Shell("samtools index -o s.bai " + name + ".bam && samtools index -c -o s.csi " +
                    name + ".bam"),
              0);
    EXPECT_EQ(IndexOf(bam, false), Read("s.bai")) << name;
    EXPECT_EQ(IndexOf(bam, true), Inflate(Read("s.csi"))) << name;
    // And the index the run wrote beside its BAM (from its entries, bam_index_stream.h).
    EXPECT_EQ(Read(name + ".bam.bai"), Read("s.bai")) << name;
  }
}

}  // namespace
}  // namespace readforge
