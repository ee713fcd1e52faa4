// VCFs as a user might hand them over (truncated, unsorted, malformed, junk), in random pieces:
// the reader gives the same records and the same error whatever the pieces, and with or without
// its one-pass scan of common records (and read as --somatic reads it, every record the tumour's),
// and packed for the simulator as the CLI's parsing thread
// packs them; every record it gives is well formed, and a run planting them completes or stops
// with a message.
#include <string>
#include <string_view>
#include <vector>

#include "../cpp/test_util.h"
#include "engine/simulator.h"
#include "formats/vcf_reader.h"
#include "fuzz_util.h"

namespace {

std::string Read(const std::string& vcf,
                 size_t piece,
                 std::vector<readforge::VcfRecord>* out,
                 bool full_parser_only = false,
                 bool all_somatic = false) {
  using namespace readforge;
  VcfReader reader("");
  if (full_parser_only)
    reader.UseFullParserOnly();
  if (all_somatic)
    reader.TakeAllAsSomatic();
  size_t at = 0;
  VcfRecord record;
  while (true) {
    switch (reader.Next(&record)) {
      case VcfReader::Event::kRecord:
        out->push_back(record);
        break;
      case VcfReader::Event::kError:
        return reader.error();
      case VcfReader::Event::kEnd:
        return "";
      case VcfReader::Event::kNeedInput: {
        const size_t n = std::min(piece, vcf.size() - at);
        vcf.copy(reader.Buffer(n), n, at);
        reader.Commit(n);
        at += n;
        if (n == 0)
          reader.Finish();
        break;
      }
    }
  }
}

bool Same(const readforge::VcfRecord& a, const readforge::VcfRecord& b) {
  if (a.line != b.line || a.contig != b.contig || a.pos != b.pos || a.ref() != b.ref() ||
      a.alt_count() != b.alt_count() || a.alleles != b.alleles || a.ploidy != b.ploidy ||
      a.phased != b.phased || a.sv != b.sv || a.sv_end != b.sv_end || a.symbolic != b.symbolic ||
      a.somatic != b.somatic || a.ccf != b.ccf)
    return false;
  for (size_t i = 0; i < a.alt_count(); ++i) {
    if (a.alt(i) != b.alt(i))
      return false;
  }
  return true;
}

bool Bases(std::string_view s) {
  return !s.empty() && s.find_first_not_of("ACGTN") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace readforge;
  fuzz::Bytes bytes(data, size);
  const size_t piece = static_cast<size_t>(bytes.Int(1, 300));
  const std::string vcf(bytes.Rest());
  std::vector<VcfRecord> whole, pieces, parsed;
  const std::string error = Read(vcf, vcf.size() + 1, &whole);
  // The one-pass scan of common records gives what the full parser gives, errors included.
  FUZZ_CHECK(Read(vcf, vcf.size() + 1, &parsed, true) == error, "the scan changed the error");
  FUZZ_CHECK(parsed.size() == whole.size(), "the scan changed the records");
  for (size_t i = 0; i < whole.size(); ++i)
    FUZZ_CHECK(Same(whole[i], parsed[i]), "the scan changed a record");
  // As --somatic reads it: the scan and the full parser agree, and every record is somatic.
  {
    std::vector<VcfRecord> scanned, full;
    const std::string somatic_error = Read(vcf, vcf.size() + 1, &scanned, false, true);
    FUZZ_CHECK(Read(vcf, vcf.size() + 1, &full, true, true) == somatic_error,
               "the scan changed a somatic VCF's error");
    FUZZ_CHECK(scanned.size() == full.size(), "the scan changed a somatic VCF's records");
    for (size_t i = 0; i < scanned.size(); ++i) {
      FUZZ_CHECK(Same(scanned[i], full[i]) && scanned[i].somatic,
                 "a somatic VCF's record changed, or is not somatic");
    }
  }
  FUZZ_CHECK(Read(vcf, piece, &pieces) == error, "the pieces changed the error");
  FUZZ_CHECK(whole.size() == pieces.size(), "the pieces changed the records");
  for (size_t i = 0; i < whole.size(); ++i) {
    const VcfRecord& r = whole[i];
    FUZZ_CHECK(r.contig == pieces[i].contig && r.pos == pieces[i].pos &&
                   r.ref() == pieces[i].ref() && r.alt_count() == pieces[i].alt_count() &&
                   r.alleles == pieces[i].alleles,
               "the pieces changed a record");
    for (size_t a = 0; a < r.alt_count(); ++a)
      FUZZ_CHECK(r.alt(a) == pieces[i].alt(a), "the pieces changed an ALT");
    FUZZ_CHECK(r.pos >= 0 && !r.contig.empty() && Bases(r.ref()), "a malformed record");
    FUZZ_CHECK(r.sv == readforge::VcfRecord::Sv::kNone ||
                   (r.alt_count() == 1 && r.alt(0).empty() && r.sv_end > r.pos + 1 &&
                    (r.sv == readforge::VcfRecord::Sv::kCopyNumber ||
                     r.sv_end - r.pos <= readforge::kMaxAlleleLength + 1) &&
                    !r.symbolic.empty()),
               "a symbolic SV out of shape");
    // A symbolic SV's ALT is empty until the planter builds it from the reference.
    for (size_t a = 0; r.sv == readforge::VcfRecord::Sv::kNone && a < r.alt_count(); ++a)
      FUZZ_CHECK(Bases(r.alt(a)), "a malformed ALT");
    for (int a : r.alleles)
      FUZZ_CHECK(a >= -1 && a <= static_cast<int>(r.alt_count()), "an allele past the ALTs");
  }
  // Planted into a small reference whose contigs the records may name.
  static const std::string fasta = testing::RandomFasta({{"c1", 3000}, {"c2", 800}}, 5, 60);
  Options o;
  o.seed = 2;
  o.num_pairs = 50;
  o.block_size = 1024;
  o.plant_variants = true;
  o.write_vcf = true;
  testing::RunResult r =
      testing::Simulate(o, fasta, testing::ContigsOf(fasta), piece, nullptr, vcf);
  FUZZ_CHECK(r.ok || !r.error.empty(), "a silent failure");
  if (r.ok)
    FUZZ_CHECK(r.pairs == 50, "planting lost pairs");
  return 0;
}
