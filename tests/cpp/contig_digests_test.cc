// Contig MD5s: the M5 values `samtools dict` gives (refget's digests), whatever the letters'
// case, line lengths, IUPAC codes or the chunks the input arrives in.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "formats/contig_digests.h"
#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

std::vector<ContigDigest> Digest(const std::string& fasta, size_t chunk) {
  ContigDigester digester;
  for (size_t at = 0; at < fasta.size(); at += chunk) {
    Status s = digester.Push(fasta.data() + at, std::min(chunk, fasta.size() - at));
    EXPECT_TRUE(s.ok()) << s.message();
  }
  Status s = digester.Finish();
  EXPECT_TRUE(s.ok()) << s.message();
  return digester.contigs();
}

// name -> (LN, M5) from `samtools dict` of the FASTA text.
std::map<std::string, std::pair<int64_t, std::string>> SamtoolsDict(const std::string& fasta) {
  testing::TempDir dir;
  dir.Write("ref.fa", fasta);
  EXPECT_EQ(dir.Shell("samtools dict ref.fa > ref.dict"), 0);
  std::map<std::string, std::pair<int64_t, std::string>> dict;
  std::istringstream lines(dir.Read("ref.dict"));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("@SQ", 0) != 0)
      continue;
    std::string name, md5;
    int64_t length = 0;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) {
      if (field.rfind("SN:", 0) == 0)
        name = field.substr(3);
      if (field.rfind("LN:", 0) == 0)
        length = std::stoll(field.substr(3));
      if (field.rfind("M5:", 0) == 0)
        md5 = field.substr(3);
    }
    dict[name] = {length, md5};
  }
  return dict;
}

TEST(Md5Hex, KnownDigests) {
  // RFC 1321's test suite.
  EXPECT_EQ(Md5Hex("", 0), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("abc", 3), "900150983cd24fb0d6963f7d28e17f72");
  const std::string digits =
      "12345678901234567890123456789012345678901234567890123456789012345678901234567890";
  EXPECT_EQ(Md5Hex(digits.data(), digits.size()), "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(ContigDigester, MatchesSamtoolsDict) {
  // Lowercase, IUPAC codes, Ns, CRLF line ends, uneven lines, a description after the name.
  const std::string fasta =
      ">one first contig\nACGTacgtNNNNryKMacgt\r\nACG\n>two\nnnnnACGTTTGCA\nGG\n" +
      testing::RandomFasta({{"three", 5000}}, 11, 61);
  const auto dict = SamtoolsDict(fasta);
  ASSERT_EQ(dict.size(), 3u);
  for (size_t chunk : {size_t{1}, size_t{7}, size_t{4096}, fasta.size()}) {
    const auto digests = Digest(fasta, chunk);
    ASSERT_EQ(digests.size(), 3u) << chunk;
    for (const ContigDigest& d : digests) {
      ASSERT_TRUE(dict.count(d.name)) << d.name;
      EXPECT_EQ(d.length, dict.at(d.name).first) << d.name;
      EXPECT_EQ(d.md5, dict.at(d.name).second) << d.name << " in chunks of " << chunk;
    }
  }
}

TEST(ContigDigester, TheMitochondrialReferenceMatchesSamtoolsDict) {
  const std::string fasta =
      testing::ReadFile(std::string(READFORGE_SOURCE_DIR) + "/public/refs/MT-human.fa");
  const auto dict = SamtoolsDict(fasta);
  const auto digests = Digest(fasta, 65536);
  ASSERT_EQ(digests.size(), 1u);
  EXPECT_EQ(digests[0].md5, dict.at(digests[0].name).second);
  EXPECT_EQ(digests[0].length, 16569);
}

TEST(ContigDigester, MalformedFastaIsAnError) {
  ContigDigester digester;
  const std::string bad = ">c\nACGT ACGT\n";
  Status s = digester.Push(bad.data(), bad.size());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace readforge
