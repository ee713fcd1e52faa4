// Compressed output as users meet it: files named .gz are BGZF that gzip, bgzip (htslib) and
// tabix accept and that decompress to the plain run's bytes; threads, shards and wasm write the
// same compressed bytes; --gzip and --no-gzip say so explicitly, and plain text never lands in
// a .gz name. BgzfWriter itself round-trips any data, incompressible included.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>

#include "formats/bgzf_writer.h"
#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ReadFile;

// Every gzip member inflated in turn (as gzip and zcat read a BGZF file), and the size of the
// largest block.
std::string Gunzip(const std::string& data, size_t* largest_block = nullptr) {
  std::string out;
  size_t at = 0;
  while (at < data.size()) {
    z_stream z{};
    inflateInit2(&z, 16 + MAX_WBITS);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + at));
    z.avail_in = static_cast<uInt>(data.size() - at);
    char buffer[1 << 16];
    int r = Z_OK;
    while (r == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      r = inflate(&z, Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - z.avail_out);
    }
    EXPECT_EQ(r, Z_STREAM_END);
    const size_t used = data.size() - at - z.avail_in;
    if (largest_block && used > *largest_block)
      *largest_block = used;
    inflateEnd(&z);
    if (r != Z_STREAM_END)
      break;
    at += used;
  }
  return out;
}

TEST(BgzfWriterTest, AnyDataRoundTripsInBlocksOfAtMost64K) {
  std::mt19937_64 rng(5);
  std::string random(300000, '\0');
  for (char& c : random)
    c = static_cast<char>(rng());
  const std::string text = std::string(200000, 'A') + "ACGT\n";
  for (const std::string& plain :
       {std::string(), std::string("x"), random, text, random.substr(0, BgzfWriter::kBlockData),
        random.substr(0, BgzfWriter::kBlockData + 1)}) {
    BgzfWriter writer;
    std::string compressed;
    writer.Compress(plain, &compressed);
    compressed.append(BgzfWriter::EndOfFile());
    size_t largest = 0;
    EXPECT_EQ(Gunzip(compressed, &largest), plain) << plain.size();
    EXPECT_LE(largest, size_t{65536}) << plain.size();
  }
}

class GzipCliTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Sandbox::SetUp();
    std::ofstream(Path("ref.fa")) << testing::RandomFasta({{"c1", 300000}, {"c2", 90000}}, 8, 60);
  }
};

TEST_F(GzipCliTest, GzNamesAreBgzfThatEveryToolReadsAsThePlainBytes) {
  const std::string run = "-S 4 -N 30000 -1 100 -2 100 --block-size 16384 ";
  ASSERT_EQ(Run(run + "--vcf p.vcf --mutations p.txt ref.fa p1.fq p2.fq").status, 0);
  std::string err;
  ASSERT_EQ(Run(run + "--vcf z.vcf.gz --mutations z.txt.gz ref.fa z1.fq.gz z2.fq.gz", &err), 0)
      << err;
  for (const char* name : {"z1.fq.gz", "z2.fq.gz", "z.vcf.gz", "z.txt.gz"}) {
    EXPECT_EQ(Shell(std::string("gzip -t ") + name), 0) << name;
    EXPECT_EQ(Shell(std::string("bgzip -t ") + name), 0) << name;  // htslib: BGZF, with EOF
  }
  EXPECT_EQ(Gunzip(Read("z1.fq.gz")), Read("p1.fq"));
  EXPECT_EQ(Gunzip(Read("z2.fq.gz")), Read("p2.fq"));
  EXPECT_EQ(Gunzip(Read("z.vcf.gz")), Read("p.vcf"));
  EXPECT_EQ(Gunzip(Read("z.txt.gz")), Read("p.txt"));
  EXPECT_LT(Read("z1.fq.gz").size() * 2, Read("p1.fq").size());
  // The truth VCF is tabix-indexable and readable by region.
  ASSERT_EQ(Shell("tabix -p vcf z.vcf.gz && tabix z.vcf.gz c2:1-90000 > region.txt"), 0);
  EXPECT_NE(Read("region.txt").find("c2\t"), std::string::npos);
  // samtools reads the reads through htslib.
  ASSERT_EQ(Shell("samtools import -1 z1.fq.gz -2 z2.fq.gz -o pairs.sam 2>/dev/null"), 0);
  EXPECT_EQ(Shell("test $(grep -vc '^@' pairs.sam) -eq 60000"), 0);

  // Threads and block ranges: the same compressed bytes; the pieces concatenate to the whole
  // (the end-of-file block comes with the last piece only).
  ASSERT_EQ(Run(run + "-t 3 --vcf t.vcf.gz ref.fa t1.fq.gz t2.fq.gz > /dev/null").status, 0);
  EXPECT_EQ(Read("t1.fq.gz"), Read("z1.fq.gz"));
  EXPECT_EQ(Read("t.vcf.gz"), Read("z.vcf.gz"));
  ASSERT_EQ(Run(run + "--end-block 7 ref.fa a1.fq.gz a2.fq.gz > /dev/null").status, 0);
  ASSERT_EQ(Run(run + "--first-block 7 ref.fa b1.fq.gz b2.fq.gz > /dev/null").status, 0);
  EXPECT_EQ(Read("a1.fq.gz") + Read("b1.fq.gz"), Read("z1.fq.gz"));
  const std::string eof(BgzfWriter::EndOfFile());
  auto ends_with_eof = [&](const std::string& data) {
    return data.size() >= eof.size() &&
           data.compare(data.size() - eof.size(), eof.size(), eof) == 0;
  };
  EXPECT_FALSE(ends_with_eof(Read("a1.fq.gz")));
  EXPECT_TRUE(ends_with_eof(Read("b1.fq.gz")));
}

TEST_F(GzipCliTest, GzipAndNoGzipSaySoExplicitly) {
  const std::string run = "-S 4 -N 3000 ref.fa ";
  // --gzip: compressed whatever the names, standard output included.
  ASSERT_EQ(Run("--gzip --interleaved " + run + "- > out.bin").status, 0);
  EXPECT_EQ(Shell("bgzip -t out.bin"), 0);
  ASSERT_EQ(Run("--interleaved " + run + "- > plain.fq").status, 0);
  EXPECT_EQ(Gunzip(Read("out.bin")), Read("plain.fq"));
  // --no-gzip: never plain text under a compressed name; nothing written.
  std::string err;
  EXPECT_EQ(Run("--no-gzip " + run + "n1.fq.gz n2.fq > /dev/null", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: --no-gzip, but n1.fq.gz is named as compressed: name it without "
            ".gz (or drop --no-gzip)\n");
  EXPECT_FALSE(Exists("n1.fq.gz") || Exists("n2.fq"));
  ASSERT_EQ(Run("--no-gzip " + run + "m1.fq m2.fq > /dev/null").status, 0);
  EXPECT_EQ(Read("m1.fq").substr(0, 1), "@");
}

// Compressed inputs: bgzip's are read block by block (libdeflate), anything else gzip through
// zlib, a bgzip file with plain gzip appended switching over where it stops; all give the plain
// file's reads, and damage in a block is one clear error.
TEST_F(GzipCliTest, BgzipAndGzipInputsReadAsTheirPlainBytes) {
  ASSERT_EQ(Shell("bgzip -c ref.fa > bgzip.fa.gz && gzip -c ref.fa > gzip.fa.gz"), 0);
  ASSERT_EQ(Shell("head -c 200000 ref.fa | bgzip -c > mixed.fa.gz && "
                  "tail -c +200001 ref.fa | gzip -c >> mixed.fa.gz"),
            0);
  const std::string run = "-S 6 -N 20000 -r 0.01 ";
  ASSERT_EQ(Run(run + "ref.fa p1.fq p2.fq > p.txt").status, 0);
  for (const std::string name : {"bgzip", "gzip", "mixed"}) {
    std::string err;
    ASSERT_EQ(Run(run + name + ".fa.gz " + name + "1.fq " + name + "2.fq > " + name + ".txt", &err),
              0)
        << name << ": " << err;
    // Compared as a whole (gtest's diff of two 3 MB texts would run for minutes).
    EXPECT_TRUE(Read(name + "1.fq") == Read("p1.fq")) << name;
    EXPECT_TRUE(Read(name + "2.fq") == Read("p2.fq")) << name;
    EXPECT_TRUE(Read(name + ".txt") == Read("p.txt")) << name;
  }
  // Bytes of the second block's deflate data overwritten, or the file cut inside a block.
  std::string damaged = Read("bgzip.fa.gz");
  const size_t second =
      1 + (static_cast<unsigned char>(damaged[16]) | static_cast<unsigned char>(damaged[17]) << 8);
  ASSERT_LT(second + 2000, damaged.size());
  std::fill(damaged.begin() + second + 100, damaged.begin() + second + 160, '\xff');
  std::ofstream(Path("damaged.fa.gz"), std::ios::binary) << damaged;
  std::ofstream(Path("cut.fa.gz"), std::ios::binary) << Read("bgzip.fa.gz").substr(0, second + 500);
  std::string err;
  EXPECT_EQ(Run(run + "damaged.fa.gz d1.fq d2.fq", &err), 1);
  EXPECT_TRUE(err.rfind("readforge: error: damaged.fa.gz: corrupt gzip data (", 0) == 0) << err;
  EXPECT_EQ(Run(run + "cut.fa.gz c1.fq c2.fq", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: cut.fa.gz: the gzip data is truncated (unexpected end of file)\n");
  EXPECT_FALSE(Exists("d1.fq") || Exists("c1.fq"));
}

}  // namespace
}  // namespace readforge
