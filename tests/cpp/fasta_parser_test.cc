// The streaming FASTA parser: accepted dialects, every malformed input, and chunk independence.
#include <gtest/gtest.h>

#include <string>

#include "formats/contig_scanner.h"
#include "formats/fasta_parser.h"

namespace readforge {
namespace {

struct Parsed {
  std::string error;
  std::vector<ContigInfo> contigs;
  std::string bases;  // all bases, normalised, concatenated
};

Parsed Parse(const std::string& text, size_t chunk) {
  Parsed out;
  FastaParser parser;
  char buffer[4096];
  for (size_t at = 0; at < text.size() || at == 0; at += chunk) {
    std::string piece = text.substr(at, chunk);
    const char* p = piece.data();
    const char* end = p + piece.size();
    while (true) {
      size_t written = 0;
      auto event = parser.Next(&p, end, buffer, sizeof buffer, &written);
      if (event == FastaParser::Event::kError) {
        out.error = parser.error();
        return out;
      }
      if (event == FastaParser::Event::kHeader)
        out.contigs.push_back({parser.name(), 0});
      if (event == FastaParser::Event::kBases) {
        out.bases.append(buffer, written);
        out.contigs.back().length += static_cast<int64_t>(written);
      }
      if (event == FastaParser::Event::kNeedInput)
        break;
    }
    if (text.empty())
      break;
  }
  if (parser.Finish() == FastaParser::Event::kError)
    out.error = parser.error();
  return out;
}

// Every chunking gives the same result.
Parsed ParseAllChunkings(const std::string& text) {
  Parsed whole = Parse(text, text.size() + 1);
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{7}, size_t{64}}) {
    Parsed p = Parse(text, chunk);
    EXPECT_EQ(p.error, whole.error) << "chunk " << chunk;
    EXPECT_EQ(p.bases, whole.bases) << "chunk " << chunk;
    EXPECT_EQ(p.contigs.size(), whole.contigs.size()) << "chunk " << chunk;
  }
  return whole;
}

TEST(FastaParser, ReadsNamesLengthsAndBases) {
  Parsed p = ParseAllChunkings(">chr1 first contig\nACGT\nAC\n>chr2\nGGGG\n");
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.contigs.size(), 2u);
  EXPECT_EQ(p.contigs[0].name, "chr1");
  EXPECT_EQ(p.contigs[0].length, 6);
  EXPECT_EQ(p.contigs[1].name, "chr2");
  EXPECT_EQ(p.contigs[1].length, 4);
  EXPECT_EQ(p.bases, "ACGTACGGGG");
}

TEST(FastaParser, AcceptsCrlfLowercaseAndOldMacLineEnds) {
  EXPECT_EQ(ParseAllChunkings(">a\r\nacgt\r\nAC\r\n>b\r\nGG\r\n").bases, "ACGTACGG");
  EXPECT_EQ(ParseAllChunkings(">a\racgt\rAC\r>b\rGG\r").bases, "ACGTACGG");
  EXPECT_EQ(ParseAllChunkings(">a\nACGT").bases, "ACGT");                // no final line end
  EXPECT_EQ(ParseAllChunkings("\n\n>a\n\nAC\n\nGT\n\n").bases, "ACGT");  // blank lines
}

TEST(FastaParser, TreatsIupacCodesAsN) {
  EXPECT_EQ(ParseAllChunkings(">a\nACRYKMSWBDHVNacgtn\n").bases, "ACNNNNNNNNNNNACGTN");
}

TEST(FastaParser, CountsLinesForErrorsAcrossLineEndStyles) {
  EXPECT_EQ(ParseAllChunkings(">a\r\nAC\r\nA-C\r\n").error,
            "line 3: column 2: unexpected '-' in the sequence of 'a'");
  EXPECT_EQ(ParseAllChunkings(">a\rAC\rA C\r").error,
            "line 3: column 2: unexpected byte 0x20 in the sequence of 'a'");
}

struct BadCase {
  const char* text;
  const char* error;
};

TEST(FastaParser, RejectsMalformedInputWithLineNumbers) {
  const BadCase cases[] = {
      {"", "line 1: the reference is empty (no '>' header found)"},
      {"\n\n  \n", "line 4: the reference is empty (no '>' header found)"},
      {"ACGT\n>a\nAC\n", "line 1: expected '>' header before sequence data, found 'A'"},
      {">\nACGT\n", "line 1: header has no name (expected '>name' with no space after '>')"},
      {"> a\nACGT\n", "line 1: header has no name (expected '>name' with no space after '>')"},
      {">a\nAC\n>a\nGT\n", "line 3: duplicate contig name 'a' (every contig needs a unique name)"},
      {">a\n>b\nGT\n",
       "line 1: contig 'a' has no bases (remove it, or add its sequence under its header)"},
      {">a\nAC\n>b\n",
       "line 3: contig 'b' has no bases (remove it, or add its sequence under its header)"},
      {">a\nAC\x00GT\n", nullptr},
      {"\x1f\x8b\x08\x00",
       "line 1: input looks gzip-compressed (starts with byte 0x1f): "
       "decompress it first"},
      {"\x7f"
       "ELF\x02\x01",
       "line 1: expected '>' header before sequence data, found byte 0x7f"},
      {">a\nAC\xc3\xa9GT\n", "line 2: column 3: unexpected byte 0xc3 in the sequence of 'a'"},
      {">a\nAC>GT\n", "line 2: column 3: unexpected '>' in the sequence of 'a'"},
  };
  for (const BadCase& c : cases) {
    std::string text = c.text;
    if (!c.error) {  // embedded NUL
      text = std::string(">a\nAC\0GT\n", 9);
      EXPECT_EQ(ParseAllChunkings(text).error,
                "line 2: column 3: unexpected byte 0x00 in the sequence of 'a'");
      continue;
    }
    EXPECT_EQ(ParseAllChunkings(text).error, c.error) << "input: " << c.text;
  }
}

// Long lines of plain bases are read sixteen at a time: a letter that is not an uppercase A, C,
// G, T or N, a line end or a bad byte at any offset of such a run is still read as it should be.
TEST(FastaParser, ReadsEveryByteOfLongLinesInPlace) {
  const std::string plain = "ACGTNACGGTTACANCGTAGCTAGGACTTACGATCGATCGANNTGCAGT";
  for (size_t at = 0; at < plain.size(); ++at) {
    for (char odd : {'a', 'c', 'g', 't', 'n', 'R', 'y', 'X'}) {
      std::string line = plain;
      line[at] = odd;
      std::string expected = plain;
      expected[at] = NormaliseBase(static_cast<unsigned char>(odd));
      Parsed p = ParseAllChunkings(">a\n" + line + "\n" + plain + "\r\n" + line + "\n");
      ASSERT_EQ(p.error, "") << line;
      EXPECT_EQ(p.bases, expected + plain + expected) << line;
    }
    std::string line = plain;
    line[at] = '*';
    EXPECT_EQ(
        ParseAllChunkings(">a\n" + plain + "\n" + line + "\n").error,
        "line 3: column " + std::to_string(at + 1) + ": unexpected '*' in the sequence of 'a'");
  }
}

TEST(FastaParser, LongHeadersKeepOnlyTheName) {
  std::string text = ">chr7 " + std::string(100000, 'x') + "\nACGT\n";
  Parsed p = ParseAllChunkings(text);
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.contigs[0].name, "chr7");
  std::string long_name = ">" + std::string(FastaParser::kMaxNameLength + 1, 'n') + "\nAC\n";
  EXPECT_NE(Parse(long_name, 1000).error.find("contig name longer than"), std::string::npos);
}

TEST(FastaParser, StopsWhenTheCallerHasNoRoom) {
  FastaParser parser;
  std::string text = ">a\nACGTACGT\n";
  for (size_t room : {size_t{3}, size_t{16}, size_t{17}, size_t{40}}) {
    const std::string line = "ACGTNNACGTACGTTTGGCCAAACGTAACCGGTTACGTNACGATT";
    const std::string input = ">a\n" + line + "\n" + line + "\n";
    FastaParser long_lines;
    const char* q = input.data();
    std::vector<char> buffer(room + 16, 'x');
    size_t written = 0;
    ASSERT_EQ(long_lines.Next(&q, q + input.size(), buffer.data(), room, &written),
              FastaParser::Event::kHeader);
    std::string bases;
    while (long_lines.Next(&q, input.data() + input.size(), buffer.data(), room, &written) ==
           FastaParser::Event::kBases) {
      EXPECT_LE(written, room);
      bases.append(buffer.data(), written);
      EXPECT_EQ(std::string(buffer.data() + room, 16), std::string(16, 'x')) << "past the room";
    }
    EXPECT_EQ(bases, line + line) << "room " << room;
  }
  const char* p = text.data();
  const char* end = p + text.size();
  size_t written = 0;
  char buffer[3];
  ASSERT_EQ(parser.Next(&p, end, buffer, 3, &written), FastaParser::Event::kHeader);
  std::string bases;
  for (int i = 0; i < 10; ++i) {
    auto event = parser.Next(&p, end, buffer, 3, &written);
    bases.append(buffer, written);
    EXPECT_LE(written, 3u);
    if (event == FastaParser::Event::kNeedInput)
      break;
  }
  EXPECT_EQ(bases, "ACGTACGT");
}

TEST(ContigScanner, MeasuresContigsLikeSamtoolsFaidx) {
  ContigScanner scanner;
  std::string text = ">x desc\nACGTA\nCG\n>y\nNNNN\nA\n";
  ASSERT_TRUE(scanner.Push(text.data(), 10).ok());
  ASSERT_TRUE(scanner.Push(text.data() + 10, text.size() - 10).ok());
  ASSERT_TRUE(scanner.Finish().ok());
  ASSERT_EQ(scanner.contigs().size(), 2u);
  EXPECT_EQ(scanner.contigs().length(0), 7);
  EXPECT_EQ(scanner.contigs().length(1), 5);
  EXPECT_EQ(scanner.bases(), 12);
}

}  // namespace
}  // namespace readforge
