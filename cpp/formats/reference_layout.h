// What a run knows of the reference before reading it: its contigs' names and lengths (none
// when unknown: a FASTA streamed without an index, which only -C can simulate) and their N runs
// (which -N needs to place pairs where reads can be). A host makes it once and every simulator
// of the run (threads, Workers) shares it, read-only.
#ifndef READFORGE_FORMATS_REFERENCE_LAYOUT_H_
#define READFORGE_FORMATS_REFERENCE_LAYOUT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contig_list.h"
#include "formats/fai.h"
#include "formats/gap_index.h"
#include "formats/status.h"

namespace readforge {

struct ReferenceLayout {
  ContigList contigs;
  GapIndex gaps;  // the runs of `contigs`, when gaps.known()
  // How messages name the index the contigs came from (".fai", or a gap sidecar that listed
  // them).
  std::string contigs_from = ".fai";
  // The contigs' MD5s (contig_digests.h), 16 raw bytes each, when known before the run (a
  // sidecar that lists them, or a first pass): the M5 of truth alignments' @SQ lines. Empty
  // when not known.
  std::string contig_md5;
};

using SharedLayout = std::shared_ptr<const ReferenceLayout>;

// A layout from the texts a host holds: a .fai and a gap sidecar (`readforge index`), either
// or both empty. Without a .fai, the sidecar's contigs are the index; with both, they must be
// the same contigs. Errors name the file (`fai_name`, `gaps_name`) when a name is given.
// `fai_layouts`, when given, gets where each contig's bases are in the FASTA (fai.h).
Status LayoutFromTexts(std::string_view fai_text,
                       const std::string& fai_name,
                       std::string_view gaps_text,
                       const std::string& gaps_name,
                       ReferenceLayout* layout,
                       std::vector<FaiLayout>* fai_layouts = nullptr);

}  // namespace readforge

#endif  // READFORGE_FORMATS_REFERENCE_LAYOUT_H_
