#include "cli/reference_index.h"

#include <utility>

#include "cli/input_reader.h"
#include "formats/fai.h"

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

Status LoadReferenceIndex(const std::string& ref_path,
                          const std::string& fai_path,
                          const std::string& gaps_path,
                          bool need_lengths,
                          bool need_gaps,
                          ReferenceLayout* layout,
                          bool need_digests) {
  *layout = ReferenceLayout();
  const bool from_file = ref_path != "-";
  std::string fai = fai_path;
  if (fai.empty() && from_file && FileExists(ref_path + ".fai"))
    fai = ref_path + ".fai";
  std::string gaps = gaps_path;
  if (gaps.empty() && (need_gaps || need_digests) && from_file &&
      FileExists(ref_path + ".gaps.bed"))
    gaps = ref_path + ".gaps.bed";
  std::string fai_text, gaps_text;
  if (!fai.empty())
    RF_RETURN_IF_ERROR(ReadWholeFile(fai, &fai_text));
  if (!gaps.empty())
    RF_RETURN_IF_ERROR(ReadWholeFile(gaps, &gaps_text));
  RF_RETURN_IF_ERROR(LayoutFromTexts(fai_text, fai, gaps_text, gaps, layout));
  const bool have_gaps = layout->gaps.known();
  const bool missing = (need_gaps && !have_gaps) || (need_lengths && layout->contigs.empty()) ||
                       (need_digests && layout->contig_md5.empty());
  if (!missing || !IsRegularFile(ref_path))
    return Status::Ok();
  // One pass measures all, as wgsim reads its reference twice. `readforge index` saves it.
  ContigScanner scanner(need_digests);
  RF_RETURN_IF_ERROR(ScanReference(ref_path, &scanner));
  if (!layout->contigs.empty()) {
    Status s = CheckIndexMatches(layout->contigs, scanner.contigs());
    if (!s.ok())
      return Status::Error(ref_path + ": " + s.message());
  }
  ReferenceLayout measured = scanner.TakeLayout();
  layout->contigs = std::move(measured.contigs);
  layout->contigs_from = ".fai";
  if (need_gaps && !have_gaps)
    layout->gaps = std::move(measured.gaps);
  if (need_digests)
    layout->contig_md5 = std::move(measured.contig_md5);
  return Status::Ok();
}

}  // namespace readforge
