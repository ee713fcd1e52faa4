// The one-pass scan of common VCF records (vcf_record_scan.h) against VcfReader's full parser:
// the same record, or the same error, for common lines, for lines one edit away from them, and
// for lines it must leave to the parser.
#include "formats/vcf_record_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "formats/vcf_reader.h"

namespace readforge {
namespace {

constexpr char kSampleHeader[] = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n";
constexpr char kBareHeader[] = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

// The first record of `header` + `line`, written out with every field a host can see, or the
// error; through the scan or through the full parser only.
std::string Outcome(const std::string& header, const std::string& line, bool scan) {
  VcfReader reader("");
  if (!scan)
    reader.UseFullParserOnly();
  const std::string text = header + line + "\n";
  text.copy(reader.Buffer(text.size()), text.size());
  reader.Commit(text.size());
  reader.Finish();
  VcfRecord record;
  switch (reader.Next(&record)) {
    case VcfReader::Event::kRecord: {
      std::string out = std::to_string(record.line) + " " + record.contig + ":" +
                        std::to_string(record.pos) + " " + std::string(record.ref());
      for (size_t i = 0; i < record.alt_count(); ++i)
        out += (i ? "," : " ") + std::string(record.alt(i));
      return out + " " + std::to_string(record.alleles[0]) + (record.phased ? "|" : "/") +
             std::to_string(record.alleles[1]) + " ploidy " + std::to_string(record.ploidy);
    }
    case VcfReader::Event::kError:
      return "error: " + reader.error();
    case VcfReader::Event::kEnd:
      return "end";
    case VcfReader::Event::kNeedInput:
      return "need input";
  }
  return "";
}

// How many of `lines` the scan itself took (a record it gave, not one the parser gave).
int Scanned(const std::string& header, const std::vector<std::string>& lines) {
  int taken = 0;
  for (const std::string& line : lines) {
    VcfRecord record;
    taken += ScanCommonRecord(line, header == kSampleHeader ? 9 : -1, &record);
  }
  return taken;
}

TEST(VcfRecordScan, GivesWhatTheFullParserGives) {
  const std::vector<std::string> common = {
      "chr1\t47\t.\tC\tG\t.\tPASS\t.\tGT\t0|1",
      "chr1\t93\trs7\tACT\tA\t50\tPASS\tDP=3;AF=0.5\tGT:DP\t1/0:7",
      "2\t139\t.\tc\tCgat,T\t.\t.\t.\tGT\t2|1",
      "chrUn_KI270302v1\t999999999999\t.\tN\tA\t.\tq10\tX\tGT\t1|1\tmore",
  };
  EXPECT_EQ(Scanned(kSampleHeader, common), 4);
  EXPECT_EQ(Scanned(kBareHeader, common), 4);
  // The parser's to read: each is an error or a record the scan does not take.
  const std::vector<std::string> others = {
      "chr1\t47\t.\tC\t.\t.\tPASS\t.\tGT\t0|1",                // no ALT
      "chr1\t47\t.\tC\t<DEL>\t.\tPASS\t.\tGT\t0|1",            // symbolic
      "chr1\t47\t.\tC\tG,\t.\tPASS\t.\tGT\t0|1",               // an empty ALT
      "chr1\t47\t.\tC\tG\t.\tPASS\t.\tDP:GT\t3:0|1",           // GT second
      "chr1\t47\t.\tC\tG\t.\tPASS\t.\tGT\t0|2",                // an allele past the ALTs
      "chr1\t47\t.\tC\tG\t.\tPASS\t.\tGT\t1",                  // haploid
      "chr1\t47\t.\tC\tG\t.\tPASS\t.\tGT\t./.",                // missing
      "chr1\t47\t.\tC\tG\t.\tPASS\t.\tGT\t0|1|1",              // three alleles
      "chr1\t47\t.\tC\tG\t.\tPASS\t.\tGT",                     // no sample
      "chr1\t47\t.\tC\tG\t.\tPASS",                            // no INFO
      "chr1\t0\t.\tC\tG\t.\tPASS\t.\tGT\t0|1",                 // POS 0
      "chr1\t1234567890123456789\t.\tC\tG\t.\t.\t.\tGT\t1|1",  // 19 digits
      "\t47\t.\tC\tG\t.\tPASS\t.\tGT\t0|1",                    // no CHROM
      "chr1\t47\t.\tCX\tG\t.\tPASS\t.\tGT\t0|1",               // not a base
      "chr1\t4 7\t.\tC\tG\t.\tPASS\t.\tGT\t0|1",               // not a number
      "chr1\t47\t.\t\tG\t.\tPASS\t.\tGT\t0|1",                 // no REF
  };
  EXPECT_EQ(Scanned(kSampleHeader, others), 0);
  for (const char* header : {kSampleHeader, kBareHeader}) {
    for (const std::string& line : common)
      EXPECT_EQ(Outcome(header, line, true), Outcome(header, line, false)) << line;
    for (const std::string& line : others)
      EXPECT_EQ(Outcome(header, line, true), Outcome(header, line, false)) << line;
  }
  // Every line one to three edits away from a common one: a byte replaced, dropped or added,
  // from the bytes that matter to a record's shape.
  const std::string alphabet = "\t\t,:|/.0123456789ACGTNacgtn<*GTx\r";
  std::mt19937 random(11);
  int differ = 0, scanned = 0;
  for (int i = 0; i < 40000; ++i) {
    std::string line = common[random() % common.size()];
    for (int edits = 1 + random() % 3; edits > 0 && !line.empty(); --edits) {
      const size_t at = random() % line.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0:
          line[at] = c;
          break;
        case 1:
          line.erase(at, 1);
          break;
        default:
          line.insert(at, 1, c);
      }
    }
    const char* header = i % 2 ? kSampleHeader : kBareHeader;
    const std::string scan = Outcome(header, line, true);
    differ += scan != Outcome(header, line, false);
    scanned += Scanned(header, {line});
    if (differ == 1 && scan != Outcome(header, line, false))
      ADD_FAILURE() << "scan and parser differ on '" << line << "'";
  }
  EXPECT_EQ(differ, 0);
  EXPECT_GT(scanned, 10000);  // most edited lines are still common records
}

}  // namespace
}  // namespace readforge
