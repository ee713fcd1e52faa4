// Packed records (vcf_record_batch.h): what the CLI's parsing thread hands the simulator must be
// the records the reader gave, field for field.
#include "formats/vcf_record_batch.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace readforge {
namespace {

std::vector<VcfRecord> ParseAll(const std::string& text, const std::string& sample) {
  VcfReader reader(sample);
  reader.Commit(text.copy(reader.Buffer(text.size()), text.size()));
  reader.Finish();
  std::vector<VcfRecord> records;
  VcfRecord r;
  while (reader.Next(&r) == VcfReader::Event::kRecord)
    records.push_back(r);
  EXPECT_EQ(reader.Next(&r), VcfReader::Event::kEnd) << reader.error();
  return records;
}

void ExpectSame(const VcfRecord& a, const VcfRecord& b) {
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.contig, b.contig);
  EXPECT_EQ(a.pos, b.pos);
  EXPECT_EQ(a.alleles, b.alleles);
  EXPECT_EQ(a.ploidy, b.ploidy);
  EXPECT_EQ(a.phased, b.phased);
  ASSERT_EQ(a.alt_count(), b.alt_count());
  EXPECT_EQ(a.ref(), b.ref());
  for (size_t i = 0; i < a.alt_count(); ++i)
    EXPECT_EQ(a.alt(i), b.alt(i));
}

const char kVcf[] =
    "##fileformat=VCFv4.2\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n"
    "chr1\t10\t.\tA\tG\t.\tPASS\t.\tGT\t0|1\t1|1\n"
    "chr1\t20\trs1\tACGT\tA,ACGTTT\t50\tPASS\tDP=3\tGT:DP\t1/2:7\t0/0:1\n"
    "a_much_longer_contig_name_than_sso\t5\t.\tc\tt\t.\t.\t.\tGT\t1\t.\n"
    "a_much_longer_contig_name_than_sso\t6\t.\tN\tNA\t.\t.\t.\tGT\t.|1\t0\n"
    "chr2\t1\t.\tG\tC\t.\t.\t.\tGT\t./.\t1|0\n";

TEST(VcfRecordBatchTest, PackedRecordsUnpackToTheReadersRecords) {
  for (const char* sample : {"S1", "S2"}) {
    const std::vector<VcfRecord> records = ParseAll(kVcf, sample);
    ASSERT_EQ(records.size(), 5u);
    std::string bytes;
    for (const VcfRecord& r : records)
      PackRecord(r, &bytes);
    // Unpacked into one record reused each time, as planting does.
    VcfRecord out;
    size_t offset = 0;
    for (const VcfRecord& r : records) {
      ASSERT_LT(offset, bytes.size());
      UnpackRecord(bytes, &offset, &out);
      ExpectSame(out, r);
    }
    EXPECT_EQ(offset, bytes.size());
  }
}

TEST(VcfRecordBatchTest, FillBatchStopsAtItsSizeAtTheEndAndAtAnError) {
  VcfReader reader("S1");
  const std::string text = std::string(kVcf) + "chr2\tx\t.\tA\tC\t.\t.\t.\tGT\t0|1\t0|1\n";
  reader.Commit(text.copy(reader.Buffer(text.size()), text.size()));
  reader.Finish();
  VcfRecord scratch;
  VcfRecordBatch first, second;
  size_t count = 0;
  EXPECT_EQ(FillBatch(reader, 3, &scratch, &first, &count), VcfReader::Event::kRecord);
  EXPECT_EQ(count, 3u);
  EXPECT_EQ(first.stop, VcfReader::Event::kNeedInput);  // more batches follow
  count = 0;
  EXPECT_EQ(FillBatch(reader, 100, &scratch, &second, &count), VcfReader::Event::kError);
  EXPECT_EQ(count, 2u);  // the records before the faulty line, then its error
  EXPECT_EQ(second.stop, VcfReader::Event::kError);
  EXPECT_EQ(second.error, reader.error());
  EXPECT_NE(second.error.find("line 8"), std::string::npos) << second.error;
  VcfRecord out;
  size_t offset = 0;
  for (int i = 0; i < 3; ++i)
    UnpackRecord(first.bytes, &offset, &out);
  EXPECT_EQ(out.pos, 4);  // the third record: POS 5, 0-based
  EXPECT_EQ(offset, first.bytes.size());
}

}  // namespace
}  // namespace readforge
