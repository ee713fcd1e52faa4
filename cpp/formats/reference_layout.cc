#include "formats/reference_layout.h"

#include <utility>

namespace readforge {
namespace {

Status Named(const std::string& name, const Status& s) {
  if (s.ok() || name.empty())
    return s;
  return Status::Error(name + ": " + s.message());
}

}  // namespace

Status LayoutFromTexts(std::string_view fai_text,
                       const std::string& fai_name,
                       std::string_view gaps_text,
                       const std::string& gaps_name,
                       ReferenceLayout* layout,
                       std::vector<FaiLayout>* fai_layouts) {
  *layout = ReferenceLayout();
  if (!fai_text.empty()) {
    FaiIndex fai;
    RF_RETURN_IF_ERROR(Named(fai_name, ParseFai(fai_text, &fai)));
    layout->contigs = std::move(fai.contigs);
    if (fai_layouts)
      *fai_layouts = std::move(fai.layouts);
  }
  if (gaps_text.empty())
    return Status::Ok();
  ContigList listed;
  RF_RETURN_IF_ERROR(
      Named(gaps_name, GapIndex::Parse(gaps_text, &listed, &layout->gaps, &layout->contig_md5)));
  layout->gaps.source = gaps_name;
  if (layout->contigs.empty()) {  // the sidecar names and measures every contig too
    layout->contigs = std::move(listed);
    layout->contigs_from = gaps_name;
    return Status::Ok();
  }
  return Named(gaps_name, CheckSidecarContigs(listed, layout->contigs));
}

}  // namespace readforge
