#include "eval/alignment_reader.h"

#include <cstring>

#include "formats/bam_record.h"
#include "formats/text.h"

namespace readforge {
namespace {

constexpr size_t kMaxLine = size_t{1} << 26;  // a SAM line past this is not one

// "chr1" from "SN:chr1" when the field's tag is `tag`.
bool TagValue(std::string_view field, const char* tag, std::string_view* value) {
  if (field.size() < 3 || field[0] != tag[0] || field[1] != tag[1] || field[2] != ':')
    return false;
  *value = field.substr(3);
  return true;
}

bool ParseCigar(std::string_view text, std::vector<uint32_t>* ops) {
  ops->clear();
  if (text == "*")
    return true;
  uint64_t n = 0;
  bool digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + static_cast<uint64_t>(c - '0');
      digits = true;
      if (n >= (1u << 28))
        return false;
      continue;
    }
    const char* op = std::strchr(kCigarLetters, c);
    if (!digits || op == nullptr || c == '\0')
      return false;
    ops->push_back(CigarOf(static_cast<uint32_t>(op - kCigarLetters), static_cast<uint32_t>(n)));
    n = 0;
    digits = false;
  }
  return !digits && !ops->empty();
}

}  // namespace

Status AlignmentReader::Push(const char* data, size_t size) {
  switch (kind_) {
    case Kind::kUnknown:
      prefix_.append(data, size);
      return Detect(false);
    case Kind::kSam:
      text_.append(data, size);
      return Status::Ok();
    case Kind::kBgzfSam:
      return bgzf_.Push(data, size);
    case Kind::kBam:
      return bam_->Push(data, size);
  }
  return Status::Ok();
}

Status AlignmentReader::Finish() {
  finished_ = true;
  if (kind_ == Kind::kUnknown)
    RF_RETURN_IF_ERROR(Detect(true));
  if (kind_ == Kind::kBgzfSam)
    return bgzf_.Finish();
  if (kind_ == Kind::kBam)
    return bam_->Finish();
  return Status::Ok();
}

Status AlignmentReader::Detect(bool at_end) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(prefix_.data());
  if (prefix_.size() < 2 && !at_end)
    return Status::Ok();
  if (prefix_.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b) {
    // BGZF: BAM, or bgzipped SAM, as its first inflated bytes tell.
    BgzfStream probe;
    Status s = probe.Push(prefix_.data(), prefix_.size());
    if (!s.ok() && probe.available().empty()) {
      return Status::Error(s.message() +
                           " (gzip that is not BGZF: give SAM, BAM, or SAM compressed by bgzip)");
    }
    if (!s.ok())
      return s;
    if (probe.available().size() < 4 && !at_end)
      return Status::Ok();
    if (probe.available().substr(0, 4) == std::string_view("BAM\1", 4)) {
      kind_ = Kind::kBam;
      bam_ = std::make_unique<BamReader>();
      s = bam_->Push(prefix_.data(), prefix_.size());
    } else {
      kind_ = Kind::kBgzfSam;
      s = bgzf_.Push(prefix_.data(), prefix_.size());
    }
    prefix_.clear();
    return s;
  }
  kind_ = Kind::kSam;
  text_.swap(prefix_);
  prefix_.clear();
  return Status::Ok();
}

Status AlignmentReader::Next(Result* result) {
  *result = Result::kNeedInput;
  if (kind_ == Kind::kUnknown) {
    if (finished_)
      *result = Result::kEnd;  // nothing at all
    return Status::Ok();
  }
  return kind_ == Kind::kBam ? NextBam(result) : NextSam(result);
}

void AlignmentReader::ReadHeaderText(std::string_view text, bool lengths_from_text) {
  std::string_view line;
  while (NextLine(&text, &line)) {
    if (line.substr(0, 4) != "@SQ\t")
      continue;
    line.remove_prefix(4);
    HeaderContig contig;
    std::string_view name, length, md5;
    while (!line.empty()) {
      const std::string_view field = NextTabField(&line);
      std::string_view value;
      if (TagValue(field, "SN", &value))
        name = value;
      else if (TagValue(field, "LN", &value))
        length = value;
      else if (TagValue(field, "M5", &value))
        md5 = value;
    }
    if (lengths_from_text) {
      contig.name = std::string(name);
      ParseInt64(length, &contig.length);
      contig.md5 = std::string(md5);
      for (char& c : contig.md5)
        c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
      contigs_.push_back(std::move(contig));
      continue;
    }
    for (HeaderContig& c : contigs_) {  // BAM: the binary list is the one; M5 from the text
      if (c.name == name) {
        c.md5 = std::string(md5);
        for (char& ch : c.md5)
          ch = static_cast<char>(ch >= 'A' && ch <= 'F' ? ch - 'A' + 'a' : ch);
      }
    }
  }
}

Status AlignmentReader::NextSam(Result* result) {
  while (true) {
    if (kind_ == Kind::kBgzfSam) {
      const std::string_view more = bgzf_.available();
      text_.append(more);
      bgzf_.Consume(more.size());
    }
    if (text_at_ > text_.size() / 2 && text_at_ > (1u << 16)) {
      text_.erase(0, text_at_);
      text_at_ = 0;
    }
    const size_t end = text_.find('\n', text_at_);
    std::string_view line;
    if (end == std::string::npos) {
      if (text_.size() - text_at_ > kMaxLine)
        return Status::Error("line " + std::to_string(line_number_ + 1) + " is over 64 MB long");
      const bool input_done = finished_ && (kind_ != Kind::kBgzfSam || bgzf_.finished());
      if (!input_done)
        return Status::Ok();
      if (text_at_ == text_.size()) {
        header_seen_ = true;
        *result = Result::kEnd;
        return Status::Ok();
      }
      line = std::string_view(text_).substr(text_at_);
      text_at_ = text_.size();
    } else {
      line = std::string_view(text_).substr(text_at_, end - text_at_);
      text_at_ = end + 1;
    }
    ++line_number_;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (!line.empty() && line[0] == '@') {
      if (header_seen_) {
        return Status::Error("line " + std::to_string(line_number_) +
                             ": a header line after the first record");
      }
      ReadHeaderText(line, true);
      continue;
    }
    header_seen_ = true;
    if (line.empty())
      continue;
    RF_RETURN_IF_ERROR(ParseSamLine(line));
    *result = Result::kRecord;
    return Status::Ok();
  }
}

Status AlignmentReader::ParseSamLine(std::string_view line) {
  std::string_view fields[11];
  std::string_view rest = line;
  int n = 0;
  for (; n < 11 && !rest.empty(); ++n)
    fields[n] = NextTabField(&rest);
  auto fail = [&](const std::string& what) {
    return Status::Error("line " + std::to_string(line_number_) + ": " + what);
  };
  if (n < 11) {
    return fail("a SAM record has at least 11 fields, this one " + std::to_string(n) +
                " (a file cut short?)");
  }
  int64_t flag = 0, pos = 0, mapq = 0, tlen = 0;
  if (!ParseInt64(fields[1], &flag) || flag < 0 || flag > 0xffff)
    return fail("FLAG '" + std::string(fields[1]) + "' is not a number from 0 to 65535");
  if (!ParseInt64(fields[3], &pos) || pos < 0)
    return fail("POS '" + std::string(fields[3]) + "' is not a position");
  if (!ParseInt64(fields[4], &mapq) || mapq < 0 || mapq > 255)
    return fail("MAPQ '" + std::string(fields[4]) + "' is not a number from 0 to 255");
  if (!ParseInt64(fields[8], &tlen))
    return fail("TLEN '" + std::string(fields[8]) + "' is not a number");
  if (!ParseCigar(fields[5], &line_.cigar))
    return fail("CIGAR '" + std::string(fields[5]) + "' is not a CIGAR");
  if (fields[9] != "*" && fields[10] != "*" && fields[9].size() != fields[10].size()) {
    return fail("SEQ has " + std::to_string(fields[9].size()) + " bases and QUAL " +
                std::to_string(fields[10].size()) + " qualities (a file cut short?)");
  }
  line_.name = fields[0];
  line_.flag = static_cast<int>(flag);
  line_.contig = fields[2];
  line_.tid = -1;
  line_.pos = pos;
  line_.mapq = static_cast<int>(mapq);
  line_.tlen = tlen;
  return Status::Ok();
}

Status AlignmentReader::NextBam(Result* result) {
  BamReader::Result r = BamReader::Result::kNeedInput;
  RF_RETURN_IF_ERROR(bam_->Next(&r));
  if (bam_->header_done() && !header_seen_) {
    header_seen_ = true;
    const ContigList& list = bam_->contigs();
    for (size_t i = 0; i < list.size(); ++i)
      contigs_.push_back(HeaderContig{std::string(list.name(i)), list.length(i), ""});
    ReadHeaderText(bam_->header_text(), false);
  }
  if (r != BamReader::Result::kRecord) {
    *result = r == BamReader::Result::kEnd ? Result::kEnd : Result::kNeedInput;
    return Status::Ok();
  }
  const BamRecordView v = bam_->record();
  line_.name = v.name();
  line_.flag = v.flag();
  line_.tid = v.tid();
  line_.contig = v.tid() < 0 ? std::string_view("*") : std::string_view(contigs_[v.tid()].name);
  line_.pos = v.pos() + 1;
  line_.mapq = v.mapq();
  line_.tlen = v.tlen();
  line_.cigar.resize(v.cigar_ops());
  for (size_t i = 0; i < v.cigar_ops(); ++i)
    line_.cigar[i] = v.cigar(i);
  *result = Result::kRecord;
  return Status::Ok();
}

Status ForEachSimulated(
    AlignmentReader* reader,
    int64_t* records,
    const std::function<Status(const AlignmentLine&, const SimulatedName&)>& each) {
  AlignmentReader::Result result;
  while (true) {
    RF_RETURN_IF_ERROR(reader->Next(&result));
    if (result != AlignmentReader::Result::kRecord)
      return Status::Ok();
    const AlignmentLine& line = reader->line();
    SimulatedName name;
    if (!ParseSimulatedName(line.name, &name))
      return Status::Error(NotSimulatedError(line.name, *records + 1));
    ++*records;
    RF_RETURN_IF_ERROR(each(line, name));
  }
}

}  // namespace readforge
