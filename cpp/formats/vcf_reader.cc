#include "formats/vcf_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "formats/text.h"
#include "formats/vcf_info.h"
#include "formats/vcf_record_scan.h"

namespace readforge {
namespace {

// Finds the first tabs of `line`, up to `most`, eight bytes at a time (a byte-by-byte scan
// mispredicts a branch at every tab, and INFO columns run to hundreds of bytes), and puts their
// offsets in `tabs`, which has room for `most` + 7. Returns how many it found, up to `most`.
size_t FindTabs(std::string_view line, uint32_t* tabs, size_t most) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  size_t count = 0;
  size_t i = 0;
  for (; i + 8 <= line.size() && count < most; i += 8) {
    uint64_t word;
    std::memcpy(&word, line.data() + i, 8);
    const uint64_t x = word ^ (kOnes * '\t');                    // a zero byte where a tab was
    for (uint64_t found = ~(((x & kLow7) + kLow7) | x | kLow7);  // its high bit set, no other
         found; found &= found - 1)
      tabs[count++] = static_cast<uint32_t>(i + (__builtin_ctzll(found) >> 3));  // little-endian
  }
  for (; i < line.size() && count < most; ++i) {
    if (line[i] == '\t')
      tabs[count++] = static_cast<uint32_t>(i);
  }
  return std::min(count, most);
}

// Where `c` first is in `text` (npos: nowhere). For the short fields inside a column (ALT's
// commas, FORMAT's and GT's colons), where a call to memchr cost more than the search.
size_t Find(std::string_view text, char c) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == c)
      return i;
  }
  return std::string_view::npos;
}

// A VCF position: ParseInt64's answer, without from_chars for the common case of up to 18
// digits (it was a tenth of the parse in the wasm build).
bool ParsePosition(std::string_view text, int64_t* value) {
  if (text.empty() || text.size() > 18)
    return ParseInt64(text, value);
  int64_t v = 0;
  for (char c : text) {
    const unsigned digit = static_cast<unsigned char>(c) - unsigned{'0'};
    if (digit > 9)
      return ParseInt64(text, value);
    v = v * 10 + digit;
  }
  *value = v;
  return true;
}

// Copies an allele's bases to `to` in upper case; false when it holds anything but A/C/G/T/N.
bool CopyBases(std::string_view text, char* to) {
  unsigned char bad = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = kAlleleBases[static_cast<unsigned char>(text[i])];
    bad |= c == 0;
    to[i] = c;
  }
  return !bad && !text.empty();
}

}  // namespace

char* VcfReader::Buffer(size_t n) {
  // What is left of the last chunk is an unfinished line, kept in partial_.
  if (cursor_ < input_.size())
    partial_.append(input_, cursor_, std::string::npos);
  input_.resize(n);
  cursor_ = 0;
  return input_.data();
}

void VcfReader::Commit(size_t n) {
  input_.resize(n);
  cursor_ = 0;
}

VcfReader::Event VcfReader::Fail(const std::string& message) {
  failed_ = true;
  error_ = "line " + std::to_string(line_number_) + ": " + message;
  return Event::kError;
}

VcfReader::Event VcfReader::Next(VcfRecord* record) {
  while (true) {
    if (failed_)
      return Event::kError;
    std::string_view line;
    if (cursor_ < input_.size()) {
      const char* start = input_.data() + cursor_;
      const size_t left = input_.size() - cursor_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', left));
      if (!newline) {
        if (partial_.size() + left > kMaxLineLength)
          return Fail("a line longer than 64 MB (is this a VCF?)");
        partial_.append(start, left);
        cursor_ = input_.size();
        continue;
      }
      const size_t length = static_cast<size_t>(newline - start);
      cursor_ += length + 1;
      if (partial_.empty()) {
        line = std::string_view(start, length);
      } else {
        partial_.append(start, length);
        line = partial_;
      }
    } else if (!finished_) {
      return Event::kNeedInput;
    } else if (!partial_.empty()) {
      line = partial_;  // a last line without a line end
    } else {
      if (!header_done_) {
        ++line_number_;
        return Fail("no '#CHROM' header line (an empty or truncated VCF?)");
      }
      return Event::kEnd;
    }
    ++line_number_;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    Event event = Event::kNeedInput;
    bool produced = false;
    if (line.empty() || line.substr(0, 2) == "##") {
      // meta lines say nothing planting needs
    } else if (line[0] == '#') {
      event = ParseHeader(line);
    } else if (!header_done_) {
      event = Fail("a record before the '#CHROM' header line (is this a VCF?)");
    } else {
      event = ParseRecord(line, record);
      produced = event == Event::kRecord;
    }
    partial_.clear();
    if (event == Event::kError || produced)
      return event;
  }
}

VcfReader::Event VcfReader::ParseHeader(std::string_view line) {
  std::vector<std::string_view> columns;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    columns.push_back(line.substr(start, tab - start));
    if (tab == line.npos)
      break;
    start = tab + 1;
  }
  if (columns.size() < 8 || columns[0] != "#CHROM" || columns[1] != "POS" || columns[3] != "REF" ||
      columns[4] != "ALT") {
    return Fail(
        "expected the header '#CHROM POS ID REF ALT QUAL FILTER INFO ...' (is this a "
        "VCF?)");
  }
  // Sample names: columns 9 on (a tab that ends the line starts no sample).
  if (columns.size() > 9 && columns.back().empty())
    columns.pop_back();
  std::vector<std::string> samples;
  for (size_t i = 9; i < columns.size(); ++i)
    samples.emplace_back(columns[i]);
  header_done_ = true;
  if (samples.empty()) {
    if (!sample_.empty())
      return Fail("sample '" + sample_ + "' asked for, but the VCF has no sample columns");
    return Event::kNeedInput;
  }
  if (sample_.empty()) {
    sample_ = samples[0];
    sample_column_ = 9;
    return Event::kNeedInput;
  }
  for (size_t i = 0; i < samples.size(); ++i) {
    if (samples[i] == sample_) {
      sample_column_ = static_cast<int>(9 + i);
      return Event::kNeedInput;
    }
  }
  std::string known;
  for (size_t i = 0; i < samples.size() && i < 10; ++i)
    known += (i ? ", " : "") + samples[i];
  if (samples.size() > 10)
    known += ", ... (" + std::to_string(samples.size()) + " in all)";
  return Fail("sample '" + sample_ + "' is not in the VCF (its samples: " + known + ")");
}

VcfReader::Event VcfReader::ParseSymbolic(std::string_view alt,
                                          std::string_view info,
                                          int64_t pos1,
                                          VcfRecord* record) {
  const std::string what = "ALT '" + std::string(alt) + "'";
  record->symbolic.assign(alt);
  const size_t ref_end = record->allele_ends[0];
  if (alt == "<INS>") {
    bool found = false;
    const std::string_view sequence = InfoValue(info, "SVINSSEQ", &found);
    if (!found || sequence.empty()) {
      return Fail(what +
                  ": an insertion is planted with its sequence, in INFO/SVINSSEQ (or as "
                  "the ALT itself)");
    }
    if (static_cast<int64_t>(sequence.size()) > kMaxAlleleLength) {
      return Fail(what + ": an insertion of " + std::to_string(sequence.size()) +
                  " bases: planted variants are up to " + std::to_string(kMaxAlleleLength) +
                  " bases");
    }
    // ALT: REF's bases, then the inserted ones.
    if (record->bases.size() < 2 * ref_end + sequence.size())
      record->bases.resize(2 * ref_end + sequence.size());
    char* bases = record->bases.data();
    std::copy(bases, bases + ref_end, bases + ref_end);
    if (!CopyBases(sequence, bases + 2 * ref_end))
      return Fail(what + ": SVINSSEQ must be bases (A, C, G, T, N)");
    record->allele_ends.push_back(static_cast<uint32_t>(2 * ref_end + sequence.size()));
    return Event::kRecord;
  }
  VcfRecord::Sv sv = VcfRecord::Sv::kNone;
  if (alt == "<DEL>")
    sv = VcfRecord::Sv::kDeletion;
  else if (alt == "<DUP>" || alt == "<DUP:TANDEM>")
    sv = VcfRecord::Sv::kDuplication;
  else if (alt == "<INV>")
    sv = VcfRecord::Sv::kInversion;
  else if (alt == "<CNV>")
    sv = VcfRecord::Sv::kCopyNumber;
  else
    return Fail(what + ": readforge plants <DEL>, <DUP>, <INV>, <INS> (with SVINSSEQ) and <CNV>");
  int64_t end1 = 0;
  std::string problem;
  if (!SymbolicEnd(info, pos1, &end1, &problem))
    return Fail(what + ": " + problem);
  // Copies change coverage, not sequence: a <CNV> holds no bases and may be any length.
  if (sv != VcfRecord::Sv::kCopyNumber && end1 - pos1 > kMaxAlleleLength) {
    return Fail(what + " of " + std::to_string(end1 - pos1) +
                " bases: structural variants are planted up to " +
                std::to_string(kMaxAlleleLength) + " bases");
  }
  record->sv = sv;
  record->sv_end = end1;  // END, 1-based inclusive: the 0-based exclusive end
  record->allele_ends.push_back(static_cast<uint32_t>(ref_end));  // an empty ALT
  return Event::kRecord;
}

bool VcfReader::ParseSomatic(std::string_view info, VcfRecord* record) {
  record->somatic = all_somatic_ || HasFlag(info, "SOMATIC");
  bool found = false;
  const std::string_view ccf = InfoValue(info, "CCF", &found);
  if (!found)
    return true;
  if (!record->somatic) {
    Fail("INFO/CCF belongs to a somatic record: flag it INFO/SOMATIC");
    return false;
  }
  if (!ParseDouble(ccf, &record->ccf) || !(record->ccf > 0 && record->ccf <= 1)) {
    Fail("INFO/CCF (the cancer cell fraction) must be in (0, 1], got '" + std::string(ccf) + "'");
    return false;
  }
  return true;
}

VcfReader::Event VcfReader::ParseRecord(std::string_view line, VcfRecord* record) {
  record->line = line_number_;
  record->sv = VcfRecord::Sv::kNone;
  record->symbolic.clear();
  record->somatic = all_somatic_;
  record->ccf = 1;
  if (scan_common_ && ScanCommonRecord(line, sample_column_, record)) {
    record->somatic = all_somatic_;  // (the scan takes records without SOMATIC or CCF)
    return Event::kRecord;
  }
  // The tabs that end CHROM to column 9 (FORMAT is column 8, the first sample 9).
  constexpr size_t kTabs = 10;
  uint32_t tabs[kTabs + 7];
  const size_t found = FindTabs(line, tabs, kTabs);
  const auto field = [&](size_t i) {  // i <= found
    const size_t begin = i ? tabs[i - 1] + size_t{1} : 0;
    return line.substr(begin, (i < found ? tabs[i] : line.size()) - begin);
  };
  if (found < 7)
    return Fail(
        "expected 8 or more tab-separated fields (CHROM POS ID REF ALT QUAL FILTER "
        "INFO), found " +
        std::to_string(found + 1));
  const std::string_view chrom = field(0), pos = field(1), ref = field(3), alts = field(4);
  if (chrom.empty())
    return Fail("an empty CHROM");
  int64_t pos1 = 0;
  if (!ParsePosition(pos, &pos1) || pos1 < 1)
    return Fail("POS must be a position from 1, got '" + std::string(pos) + "'");
  if (record->contig != chrom)
    record->contig.assign(chrom);
  record->pos = pos1 - 1;
  if (!ParseSomatic(field(7), record))
    return Event::kError;
  // Room for every allele's bases (the commas between ALTs are not kept).
  if (record->bases.size() < ref.size() + alts.size())
    record->bases.resize(ref.size() + alts.size());
  char* bases = record->bases.data();
  record->allele_ends.clear();
  if (!CopyBases(ref, bases))
    return Fail("REF must be bases (A, C, G, T, N), got '" + std::string(ref) + "'");
  if (static_cast<int64_t>(ref.size()) > kMaxAlleleLength) {
    return Fail("REF of " + std::to_string(ref.size()) + " bases: planted variants are up to " +
                std::to_string(kMaxAlleleLength) + " bases");
  }
  uint32_t end = static_cast<uint32_t>(ref.size());
  record->allele_ends.push_back(end);
  if (alts == ".")
    return Event::kNeedInput;  // no alternative allele: nothing to plant
  for (std::string_view rest = alts;;) {
    const size_t comma = Find(rest, ',');
    const std::string_view alt = rest.substr(0, comma);
    if (!CopyBases(alt, bases + end)) {
      if (!alt.empty() && alt[0] == '<' && alt.back() == '>') {
        if (comma != rest.npos || rest.size() != alts.size())
          return Fail("ALT '" + std::string(alts) + "': a symbolic allele is planted alone");
        const Event e = ParseSymbolic(alt, field(7), pos1, record);
        if (e == Event::kError)
          return e;
        bases = record->bases.data();  // (ParseSymbolic may have grown the buffer)
        end = record->allele_ends.back();
        break;
      }
      if (!alt.empty() &&
          (alt[0] == '<' || alt.find('[') != alt.npos || alt.find(']') != alt.npos || alt == "*")) {
        return Fail("ALT '" + std::string(alt) +
                    "': breakends and '*' cannot be planted (sequence alleles, and symbolic "
                    "<DEL>, <DUP>, <INV>, <INS>, <CNV>)");
      }
      return Fail("ALT must be bases (A, C, G, T, N), got '" + std::string(alt) + "'");
    }
    if (static_cast<int64_t>(alt.size()) > kMaxAlleleLength) {
      return Fail("ALT of " + std::to_string(alt.size()) + " bases: planted variants are up to " +
                  std::to_string(kMaxAlleleLength) + " bases");
    }
    end += static_cast<uint32_t>(alt.size());
    record->allele_ends.push_back(end);
    if (comma == rest.npos)
      break;
    rest.remove_prefix(comma + 1);
  }
  record->alleles.fill(-1);
  record->ploidy = 0;
  record->phased = false;
  // A <CNV>'s copies are --copy-number's (copy_number_vcf.h): its genotype is not needed.
  if (sample_column_ < 0 || record->sv == VcfRecord::Sv::kCopyNumber)
    return Event::kRecord;
  if (found < 9)
    return Fail("no FORMAT and sample column (the header names samples)");
  // FORMAT, and the sample's column.
  std::string_view format = field(8);
  std::string_view value = field(9);
  if (sample_column_ > 9 && tabs[8] + size_t{1} == line.size())
    return Fail("fewer sample columns than the header names");
  std::string_view rest = found > 9 ? line.substr(tabs[9] + size_t{1}) : std::string_view();
  for (int column = 10; column <= sample_column_; ++column) {
    if (rest.empty() && column < sample_column_)
      return Fail("fewer sample columns than the header names");
    value = NextTabField(&rest);
  }
  int gt_index = -1;
  for (int i = 0; gt_index < 0 && !format.empty(); ++i) {  // stops at GT, first in most VCFs
    const size_t colon = Find(format, ':');
    if (format.substr(0, colon) == "GT")
      gt_index = i;
    format = colon == format.npos ? std::string_view() : format.substr(colon + 1);
  }
  if (gt_index < 0)
    return Fail("FORMAT has no GT: the sample's genotype is needed to plant its variants");
  std::string_view gt;
  for (int i = 0; i <= gt_index; ++i) {
    const size_t colon = Find(value, ':');
    gt = value.substr(0, colon);
    value = colon == value.npos ? std::string_view() : value.substr(colon + 1);
  }
  // The common case, one digit on each side ("0|1", "1/1"), read without searching.
  const auto digit = [](char c) { return static_cast<unsigned char>(c) - unsigned{'0'}; };
  if (gt.size() == 3 && (gt[1] == '|' || gt[1] == '/') && digit(gt[0]) <= record->alt_count() &&
      digit(gt[2]) <= record->alt_count()) {
    record->alleles[0] = static_cast<int>(digit(gt[0]));
    record->alleles[1] = static_cast<int>(digit(gt[2]));
    record->ploidy = 2;
    record->phased = gt[1] == '|';
    return Event::kRecord;
  }
  // "0|1", "1/1", "1", "./.", "0|1|1": up to kMaxGenotypeAlleles alleles.
  size_t at = 0;
  while (at <= gt.size()) {
    const size_t sep = gt.find_first_of("|/", at);
    const std::string_view allele = gt.substr(at, sep == gt.npos ? gt.npos : sep - at);
    if (record->ploidy == kMaxGenotypeAlleles) {
      return Fail("genotype '" + std::string(gt) + "': more than " +
                  std::to_string(kMaxGenotypeAlleles) + " alleles");
    }
    int64_t index = -1;
    if (allele != "." && (!ParseInt64(allele, &index) || index < 0 ||
                          index > static_cast<int64_t>(record->alt_count()))) {
      return Fail("genotype '" + std::string(gt) + "' for " + std::to_string(record->alt_count()) +
                  " ALT allele(s)");
    }
    record->alleles[static_cast<size_t>(record->ploidy++)] = static_cast<int>(index);
    if (sep == gt.npos)
      break;
    record->phased = gt[sep] == '|';
    at = sep + 1;
  }
  return Event::kRecord;
}

}  // namespace readforge
