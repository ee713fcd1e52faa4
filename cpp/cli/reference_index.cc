#include "cli/reference_index.h"

#include "cli/input_reader.h"
#include "engine/fai.h"

namespace readforge {

Status ScanReference(const std::string& ref_path, ContigScanner* scanner) {
  InputReader reader;
  RF_RETURN_IF_ERROR(reader.Open(ref_path));
  std::string buffer(1 << 20, '\0');
  size_t got = 0;
  do {
    RF_RETURN_IF_ERROR(reader.Read(buffer.data(), buffer.size(), &got));
    Status s = scanner->Push(buffer.data(), got);
    if (!s.ok())
      return Status::Error(ref_path + ": " + s.message());
  } while (got > 0);
  Status s = scanner->Finish();
  if (!s.ok())
    return Status::Error(ref_path + ": " + s.message());
  return Status::Ok();
}

namespace {

Status LoadFai(const std::string& path, std::vector<ContigInfo>* contigs) {
  std::string text;
  RF_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  std::vector<FaiEntry> entries;
  Status s = ParseFai(text, &entries);
  if (!s.ok())
    return Status::Error(path + ": " + s.message());
  *contigs = ContigsOf(entries);
  return Status::Ok();
}

Status LoadGaps(const std::string& path, GapIndex* gaps) {
  std::string text;
  RF_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  Status s = GapIndex::Parse(text, gaps);
  if (!s.ok())
    return Status::Error(path + ": " + s.message());
  gaps->source = path;
  return Status::Ok();
}

}  // namespace

Status LoadReferenceIndex(const std::string& ref_path,
                          const std::string& fai_path,
                          const std::string& gaps_path,
                          bool need_lengths,
                          bool need_gaps,
                          ReferenceIndex* index) {
  *index = ReferenceIndex();
  const bool from_file = ref_path != "-";
  std::string fai = fai_path;
  if (fai.empty() && from_file && FileExists(ref_path + ".fai"))
    fai = ref_path + ".fai";
  std::string gaps = gaps_path;
  if (gaps.empty() && need_gaps && from_file && FileExists(ref_path + ".gaps.bed"))
    gaps = ref_path + ".gaps.bed";
  if (!fai.empty())
    RF_RETURN_IF_ERROR(LoadFai(fai, &index->contigs));
  bool have_gaps = false;
  if (!gaps.empty()) {
    RF_RETURN_IF_ERROR(LoadGaps(gaps, &index->gaps));
    have_gaps = true;
    if (index->contigs.empty()) {  // the sidecar names and measures every contig too
      index->contigs = index->gaps.Contigs();
      index->contigs_from = gaps;
    }
  }
  const bool missing = (need_gaps && !have_gaps) || (need_lengths && index->contigs.empty());
  if (!missing || !IsRegularFile(ref_path))
    return Status::Ok();
  // One pass measures both, as wgsim reads its reference twice. `readforge index` saves it.
  ContigScanner scanner;
  RF_RETURN_IF_ERROR(ScanReference(ref_path, &scanner));
  if (!index->contigs.empty()) {
    Status s = CheckIndexMatches(index->contigs, scanner.contigs());
    if (!s.ok())
      return Status::Error(ref_path + ": " + s.message());
  }
  index->contigs = scanner.contigs();
  index->contigs_from = ".fai";
  if (need_gaps && !have_gaps)
    index->gaps = scanner.gaps();
  return Status::Ok();
}

}  // namespace readforge
