#include "engine/planted_variants.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "engine/bases.h"
#include "engine/copy_number.h"
#include "engine/haplotype_reader.h"
#include "engine/tumour.h"
#include "formats/text.h"

namespace readforge {
namespace {

static_assert(kMaxAlleleLength == kMaxIndelLength,
              "the VCF reader takes the indels the engine plants");

// A genotype's allele: its number, or '.' for none.
void AppendAllele(int allele, std::string* out) {
  if (allele < 0)
    out->push_back('.');
  else
    *out += std::to_string(allele);
}

// Whether REF is the reference's bases (of the same length): mostly one to a few, compared
// here rather than through a call to memcmp.
bool SameBases(std::string_view reference, std::string_view ref) {
  for (size_t i = 0; i < ref.size(); ++i) {
    if (reference[i] != ref[i])
      return false;
  }
  return true;
}

std::string Where(const std::string& contig, int64_t pos) {
  return contig + ":" + std::to_string(pos + 1);
}

}  // namespace

Status PlantedVariants::Fail(const std::string& message) {
  failed_ = true;
  const std::string& name = sources_[current_].name;
  return Status::Error(name.empty() ? message : name + ": " + message);
}

PlantedVariants::PlantedVariants(const Options& options, const ContigList& contigs)
    : options_(options), contigs_(contigs) {
  sources_.reserve(2);
  sources_.emplace_back(options.variants_sample).name = options.variants_name;
  if (options.somatic_vcf) {
    // Its whole text now: it never asks for input. Its own first sample's genotypes (a tumour's
    // column; --sample names the germline VCF's).
    Source& somatic = sources_.emplace_back(std::string());
    somatic.name = options.somatic_name;
    somatic.reader.TakeAllAsSomatic();
    const std::string& text = *options.somatic_vcf;
    std::copy(text.begin(), text.end(), somatic.reader.Buffer(text.size()));
    somatic.reader.Commit(text.size());
    somatic.reader.Finish();
  }
}

Status PlantedVariants::Fill(Source& source, bool* need_input) {
  if (source.has_pending || source.ended)
    return Status::Ok();
  current_ = static_cast<size_t>(&source - sources_.data());
  switch (source.reader.Next(&source.pending)) {
    case VcfReader::Event::kNeedInput:
      *need_input = true;
      return Status::Ok();
    case VcfReader::Event::kError:
      return Fail(source.reader.error());
    case VcfReader::Event::kEnd:
      source.ended = true;
      return Status::Ok();
    case VcfReader::Event::kRecord:
      RF_RETURN_IF_ERROR(CheckOrder(source));
      source.has_pending = true;
      return Status::Ok();
  }
  return Status::Ok();
}

Status PlantedVariants::Next(int64_t ordinal,
                             int64_t begin,
                             int64_t end,
                             bool* got,
                             bool* need_input) {
  *got = false;
  *need_input = false;
  while (true) {
    // Both sources' next records (the streamed one may need more bytes), then the first of them
    // in the reference's order (the germline's first at one position).
    Source* next = nullptr;
    for (Source& source : sources_) {
      RF_RETURN_IF_ERROR(Fill(source, need_input));
      if (*need_input)
        return Status::Ok();
      if (source.has_pending &&
          (!next || source.last_ordinal < next->last_ordinal ||
           (source.last_ordinal == next->last_ordinal && source.pending.pos < next->pending.pos)))
        next = &source;
    }
    if (!next)
      return Status::Ok();  // the end of the VCFs
    current_ = static_cast<size_t>(next - sources_.data());
    const int64_t o = next->last_ordinal;
    if (o < ordinal || (o == ordinal && next->pending.pos < begin)) {
      ++counts_.outside;  // on a contig or stretch this run does not simulate
      next->has_pending = false;
      continue;
    }
    if (o == ordinal && next->pending.pos < end) {
      next->has_pending = false;
      *got = true;
    }
    return Status::Ok();  // this block's, or a later one's (kept pending)
  }
}

Status PlantedVariants::PlantBlock(const PlantingBlock& block,
                                   const SpanWindow& window,
                                   Rng& rng,
                                   const PlantedOutput& out,
                                   bool* need_input) {
  const int64_t ordinal = contigs_.IndexOf(block.contig);
  while (true) {
    bool got = false;
    RF_RETURN_IF_ERROR(Next(ordinal, block.begin, block.end, &got, need_input));
    if (!got)
      return Status::Ok();
    RF_RETURN_IF_ERROR(PlantRecord(sources_[current_].pending, block, window, rng, out));
  }
}

Status PlantedVariants::ReadRest(bool* need_input) {
  bool got = false;  // never: every record is past the reference's contigs
  return Next(static_cast<int64_t>(contigs_.size()), 0, 0, &got, need_input);
}

Status PlantedVariants::CheckOrder(Source& source) {
  const VcfRecord& record = source.pending;
  auto at = [&] { return "line " + std::to_string(record.line) + ": "; };
  int64_t record_ordinal = source.last_ordinal;
  if (record.contig != source.last_contig) {
    record_ordinal = contigs_.IndexOf(record.contig);
    if (record_ordinal < 0) {
      return Fail(at() + "contig '" + record.contig +
                  "' is not in the reference (a VCF for another reference, or with other "
                  "contig names?)");
    }
    source.last_contig = record.contig;
  }
  if (record_ordinal < source.last_ordinal ||
      (record_ordinal == source.last_ordinal && record.pos < source.last_pos)) {
    return Fail(at() + "records out of order: " + Where(record.contig, record.pos) +
                " after line " + std::to_string(source.last_line) +
                " (the VCF must follow the reference's order: sort it with bcftools sort)");
  }
  source.last_ordinal = record_ordinal;
  source.last_pos = record.pos;
  source.last_line = record.line;
  return Status::Ok();
}

void PlantedVariants::AddAllele(std::string_view ref,
                                std::string_view alt,
                                uint16_t haplotypes,
                                int64_t pos,
                                const PlantedOutput& out) const {
  std::vector<Variant>* variants = out.variants;
  size_t prefix = 0;
  while (prefix < ref.size() && prefix < alt.size() && ref[prefix] == alt[prefix])
    ++prefix;
  const int64_t base = pos + static_cast<int64_t>(prefix);
  const size_t n = std::min(ref.size(), alt.size()) - prefix;
  const size_t first = variants->size();
  auto add = [&](VariantType type, int64_t at) -> Variant& {
    Variant& v = variants->emplace_back();
    v.type = type;
    v.pos = at;
    v.haplotypes = haplotypes;
    v.planted = true;
    return v;
  };
  // The same base, or N on either side: nothing a read can show.
  auto changes = [&](size_t i) {
    const char from = ref[prefix + i];
    const char to = alt[prefix + i];
    return from != to && BaseIndex(from) >= 0 && BaseIndex(to) >= 0;
  };
  if (ref.size() == alt.size() && n >= kMinReplacedBases) {
    // One replacement from the first changed base to the last (an inversion's thousands of
    // SNPs would each be an event for every read to step through), its bases written as the
    // changes are counted, and taken back when they are too few.
    std::string& bases = *out.inserted;
    const size_t mark = bases.size();
    size_t changed = 0, first_changed = n, last_changed = 0;
    for (size_t i = 0; i < n; ++i) {
      const bool c = changes(i);
      bases.push_back(c ? alt[prefix + i] : ref[prefix + i]);
      if (c) {
        first_changed = std::min(first_changed, i);
        last_changed = i;
        ++changed;
      }
    }
    if (changed >= kMinReplacedBases) {
      bases.resize(mark + last_changed + 1);
      bases.erase(mark, first_changed);
      Variant& v = add(VariantType::kReplacement, base + static_cast<int64_t>(first_changed));
      v.length = static_cast<int64_t>(last_changed - first_changed + 1);
      v.inserted_at = static_cast<int64_t>(mark);
      return;
    }
    bases.resize(mark);
  }
  for (size_t i = 0; i < n; ++i) {
    if (!changes(i))
      continue;
    const char from = ref[prefix + i];
    const char to = alt[prefix + i];
    add(VariantType::kSnp, base + static_cast<int64_t>(i)).snp_shift =
        static_cast<uint8_t>((BaseIndex(to) - BaseIndex(from)) & 3);
  }
  if (alt.size() > ref.size()) {
    // An insertion after the last base REF and ALT share in length (the last trimmed one when
    // they share none): a SNP already there becomes the insertion's changed anchor.
    const int64_t anchor = base + static_cast<int64_t>(n) - 1;
    const bool on_snp = variants->size() > first && variants->back().pos == anchor;
    Variant& v = on_snp ? variants->back() : add(VariantType::kInsertion, anchor);
    v.type = VariantType::kInsertion;
    v.length = static_cast<int64_t>(alt.size() - ref.size());
    v.inserted_at = static_cast<int64_t>(out.inserted->size());
    out.inserted->append(alt.substr(prefix + n));
    if (!on_snp)
      v.snp_shift = 0;
  } else if (ref.size() > alt.size()) {
    add(VariantType::kDeletion, base + static_cast<int64_t>(n)).length =
        static_cast<int64_t>(ref.size() - alt.size());
  }
}

void PlantedVariants::AddDuplication(std::string_view segment,
                                     uint16_t haplotypes,
                                     int64_t pos,
                                     const PlantedOutput& out) const {
  // The copy goes after the segment's last base (its anchor), as REF and ALT would trim to: a
  // fragment starting in the segment reads on into the copy (so pairs cross the junction).
  Variant& v = out.variants->emplace_back();
  v.type = VariantType::kInsertion;
  v.pos = pos + static_cast<int64_t>(segment.size());
  v.length = static_cast<int64_t>(segment.size());
  v.inserted_at = static_cast<int64_t>(out.inserted->size());
  v.haplotypes = haplotypes;
  v.snp_shift = 0;
  v.planted = true;
  v.copies_reference = true;
  out.inserted->append(segment);
}

void PlantedVariants::AddInversion(std::string_view segment,
                                   std::string_view inverted,
                                   uint16_t haplotypes,
                                   int64_t begin,
                                   const PlantedOutput& out) const {
  // One replacement over the whole segment (not trimmed to its changed bases as a substitution
  // is): the golden BAM maps each base to its mirror image in it. A base whose REF or ALT is N
  // keeps the reference's, as a substitution's would.
  Variant& v = out.variants->emplace_back();
  v.type = VariantType::kReplacement;
  v.pos = begin;
  v.length = static_cast<int64_t>(segment.size());
  v.inserted_at = static_cast<int64_t>(out.inserted->size());
  v.haplotypes = haplotypes;
  v.planted = true;
  v.copies_reference = true;
  for (size_t i = 0; i < segment.size(); ++i) {
    const char from = segment[i], to = inverted[i];
    out.inserted->push_back(BaseIndex(from) >= 0 && BaseIndex(to) >= 0 ? to : from);
  }
}

Status PlantedVariants::ChooseAlleles(const VcfRecord& r,
                                      int haplotypes,
                                      const std::string& contig,
                                      Rng& rng,
                                      std::array<int, kMaxPloidy>* alleles) {
  static_assert(kMaxPloidy == kMaxGenotypeAlleles);
  boost::random::bernoulli_distribution<double> coin(0.5);
  std::array<int, kMaxPloidy>& a = *alleles;
  a.fill(-1);
  const int n = haplotypes;
  auto all = [&](int allele) { std::fill(a.begin(), a.begin() + n, allele); };
  bool same = true;  // every allele the genotype gives is the first
  for (int i = 1; i < r.ploidy; ++i)
    same &= r.alleles[static_cast<size_t>(i)] == r.alleles[0];
  if (r.ploidy == 0) {  // no genotype: homozygous, or heterozygous at --het-fraction
    all(1);
    if (options_.het_fraction > 0 &&
        boost::random::uniform_01<double>()(rng) < options_.het_fraction) {
      const int h = n == 2 ? (coin(rng) ? 0 : 1)
                           : boost::random::uniform_int_distribution<int>(0, n - 1)(rng);
      a[static_cast<size_t>(h)] = 0;
    }
  } else if (r.ploidy == n) {  // as written; unphased, in an order drawn from the seed
    std::copy(r.alleles.begin(), r.alleles.begin() + n, a.begin());
    if (!r.phased && !same) {
      if (n == 2) {
        if (coin(rng))
          std::swap(a[0], a[1]);
      } else {
        for (int i = n - 1; i > 0; --i)  // Fisher-Yates
          std::swap(
              a[static_cast<size_t>(i)],
              a[static_cast<size_t>(boost::random::uniform_int_distribution<int>(0, i)(rng))]);
      }
    }
  } else if (r.ploidy == 1 || same) {  // "1", or "1/1" on a haploid chrX: every haplotype
    all(r.alleles[0]);
  } else {
    return Fail("line " + std::to_string(r.line) + ": genotype of " + std::to_string(r.ploidy) +
                " alleles at " + Where(contig, r.pos) + ", where the ploidy is " +
                std::to_string(n) +
                " (--ploidy, --ploidy-override): give as many alleles as the place has "
                "haplotypes");
  }
  return Status::Ok();
}

const std::array<int, kMaxHaplotypes>& PlantedVariants::MixedCopiesAt(const PlantingBlock& block,
                                                                      int64_t pos) {
  if (block.contig != copies_contig_ || block.span_begin != copies_span_) {
    copies_contig_ = block.contig;
    copies_span_ = block.span_begin;
    // (A span of unknown length: no segment may pass its contig's end, so any end will do.)
    const int64_t end = block.span_length >= 0 ? block.span_begin + block.span_length
                                               : std::numeric_limits<int64_t>::max() / 4;
    copies_ = CopiesIn(options_, block.contig, block.span_begin, end);
    baseline_copies_ = BaselineCopies(options_);
  }
  return CopiesAt(copies_, pos, baseline_copies_);
}

Status PlantedVariants::Mismatch(const VcfRecord& r,
                                 const PlantingBlock& block,
                                 std::string_view found) {
  if (options_.skip_mismatches) {
    ++counts_.mismatches;
    return Status::Ok();
  }
  return Fail("line " + std::to_string(r.line) + ": REF '" + std::string(r.ref()) + "' at " +
              Where(block.contig, r.pos) + " is not the reference's '" + std::string(found) +
              "' (a VCF for another reference? --skip-mismatches skips such records)");
}

Status PlantedVariants::PassCopyNumber(const VcfRecord& r,
                                       const PlantingBlock& block,
                                       const SpanWindow& window,
                                       const PlantedOutput& out) {
  // Copies shape the plan, made before the VCF streams: --copy-number must have read this
  // record (the same VCF given to it).
  const CopyNumberSegment* segment = nullptr;
  if (options_.copy_number && options_.copy_number->from_vcf()) {
    const std::vector<CopyNumberSegment>& segments = options_.copy_number->segments();
    auto it =
        std::lower_bound(segments.begin(), segments.end(), r, [](const auto& s, const auto& x) {
          return s.contig != x.contig ? s.contig < x.contig : s.begin < x.pos + 1;
        });
    if (it != segments.end() && it->contig == r.contig && it->begin == r.pos + 1 &&
        it->end == r.sv_end)
      segment = &*it;
  }
  if (!segment) {
    return Fail("line " + std::to_string(r.line) +
                ": a <CNV> record --copy-number has not read: give this VCF to --copy-number "
                "too (copies shape the plan, which is made before the VCF is read)");
  }
  const int64_t pos = r.pos - block.span_begin;
  if (pos >= block.span_length && block.span_length >= 0) {
    ++counts_.outside;
    return Status::Ok();
  }
  if (window.at(pos) != r.ref()[0])
    return Mismatch(r, block, std::string_view(window.data(pos), 1));
  // Its truth: the record, its padding base alone kept clear of random mutations.
  out.truth->push_back(PlantedTruth{pos, pos + 1});
  if (options_.write_vcf) {
    PlantedText& line = out.text->emplace_back();
    line.ref.assign(r.ref().substr(0, 1));
    line.alts = "<CNV>";
    line.info =
        ";SVTYPE=CNV;END=" + std::to_string(r.sv_end) + ";CN=" + std::to_string(segment->total);
    line.genotype = ".";
  }
  planted_until_ = std::max(planted_until_, pos + 1);
  ++counts_.planted;
  return Status::Ok();
}

Status PlantedVariants::PlantRecord(const VcfRecord& r,
                                    const PlantingBlock& block,
                                    const SpanWindow& window,
                                    Rng& rng,
                                    const PlantedOutput& out) {
  if (r.sv == VcfRecord::Sv::kCopyNumber)
    return PassCopyNumber(r, block, window, out);
  const int64_t pos = r.pos - block.span_begin;
  // A symbolic SV reaches from its padding base (POS) to END.
  const bool sv = r.sv != VcfRecord::Sv::kNone;
  const int64_t length = sv ? r.sv_end - r.pos : static_cast<int64_t>(r.ref().size());
  const int64_t contig_length =
      contigs_.length(static_cast<size_t>(sources_[current_].last_ordinal));
  if (sv && r.sv_end > contig_length) {
    return Fail("line " + std::to_string(r.line) + ": " + r.symbolic + " ends at " +
                std::to_string(r.sv_end) + ", past the end of " + block.contig + " (length " +
                std::to_string(contig_length) + ")");
  }
  if (pos + length > block.span_length) {
    ++counts_.outside;  // crosses the end of its span (a region's, or past the contig)
    return Status::Ok();
  }
  if (pos + length > window.end())
    return Status::Error("internal error: the bases of a planted record have not arrived");
  const std::string_view bases(window.data(pos), static_cast<size_t>(length));
  if (sv ? bases.substr(0, r.ref().size()) != r.ref() : !SameBases(bases, r.ref()))
    return Mismatch(r, block, bases.substr(0, r.ref().size()));
  // Which allele each of the place's haplotypes carries (-h: two made the same, as ever).
  const int haplotypes = options_.haploid ? 2
                                          : PloidyOf(options_.ploidy_overrides,
                                                     options_.run_ploidy(), block.contig, r.pos);
  std::array<int, kMaxPloidy> alleles;
  RF_RETURN_IF_ERROR(ChooseAlleles(r, haplotypes, block.contig, rng, &alleles));
  if (options_.haploid)
    alleles[1] = alleles[0];
  std::vector<Variant>* variants = out.variants;
  const size_t first = variants->size();
  // A tumour sample: a germline record in every cell type, a somatic one in its clones.
  if (r.somatic && !options_.tumour()) {
    return Fail("line " + std::to_string(r.line) +
                ": a somatic record (INFO/SOMATIC) in a run without --purity: give the tumour's "
                "purity (1 for tumour cells alone)");
  }
  // Each ALT's haplotypes, over every cell type.
  alt_haplotypes_.clear();
  uint16_t all_alts = 0;
  for (int a = 1; a <= static_cast<int>(r.alt_count()); ++a) {
    uint16_t own = 0;
    for (int h = 0; h < haplotypes; ++h)
      own = static_cast<uint16_t>(own | (alleles[static_cast<size_t>(h)] == a ? 1 << h : 0));
    uint16_t on = GermlineHaplotypes(own, options_);
    if (r.somatic) {
      Status s = SomaticHaplotypes(own, r.ccf, options_, &on);
      if (!s.ok())
        return Fail("line " + std::to_string(r.line) + ": " + s.message());
    }
    alt_haplotypes_.push_back(on);
    all_alts = static_cast<uint16_t>(all_alts | on);
  }
  if (all_alts == 0)
    return Status::Ok();  // no haplotype carries an ALT allele: nothing to plant
  for (int h = 0; h < kMaxHaplotypes; ++h) {
    if ((all_alts >> h & 1) && pos < until_[static_cast<size_t>(h)]) {
      ++counts_.overlapping;  // the first record on that haplotype wins
      return Status::Ok();
    }
  }
  // A symbolic SV's segment (the bases after its padding one), and an inversion's reverse
  // complement of it.
  const std::string_view segment = sv ? bases.substr(1) : std::string_view();
  if (r.sv == VcfRecord::Sv::kInversion) {
    inverted_.resize(segment.size());
    ReverseComplement(segment.data(), static_cast<int64_t>(segment.size()), inverted_.data());
  }
  const size_t inserted_before = out.inserted->size();
  std::string fractions;  // each ALT's expected allele fraction, for the truth
  for (int a = 1; a <= static_cast<int>(r.alt_count()); ++a) {
    const uint16_t on = alt_haplotypes_[static_cast<size_t>(a - 1)];
    if (options_.tumour()) {
      const double fraction = ExpectedAlleleFraction(on, MixedCopiesAt(block, pos));
      fractions += (a > 1 ? "," : "") + FormatNumber(std::round(1e4 * fraction) / 1e4);
    }
    if (on && r.sv == VcfRecord::Sv::kDeletion)
      AddAllele(bases, bases.substr(0, 1), on, pos, out);
    else if (on && r.sv == VcfRecord::Sv::kDuplication)
      AddDuplication(segment, on, pos, out);
    else if (on && r.sv == VcfRecord::Sv::kInversion)
      AddInversion(segment, inverted_, on, pos + 1, out);
    else if (on)
      AddAllele(r.ref(), r.alt(static_cast<size_t>(a - 1)), on, pos, out);
  }
  // Several ALT alleles' parts, each allele's sorted: an insertion sort keeps their order
  // (a handful of parts; std::stable_sort would allocate a buffer for each record).
  for (size_t i = first + 1; i < variants->size(); ++i) {
    for (size_t j = i; j > first && (*variants)[j].pos < (*variants)[j - 1].pos; --j)
      std::swap((*variants)[j], (*variants)[j - 1]);
  }
  // On other haplotypes than an earlier record it overlaps, but with a part before one of that
  // record's (inside its multi-base substitution or inversion): the parts would leave position
  // order, so it is skipped as overlapping.
  if (variants->size() > first && (*variants)[first].pos < last_part_) {
    variants->resize(first);
    out.inserted->resize(inserted_before);
    ++counts_.overlapping;
    return Status::Ok();
  }
  for (size_t i = first; i < variants->size(); ++i) {  // a replacement's last base is a part's
    const Variant& v = (*variants)[i];
    last_part_ = std::max(last_part_, v.type == VariantType::kReplacement ? v.end() - 1 : v.pos);
  }
  for (int h = 0; h < kMaxHaplotypes; ++h) {
    int64_t& until = until_[static_cast<size_t>(h)];
    if (all_alts >> h & 1)
      until = std::max(until, pos + length);
  }
  out.truth->push_back(PlantedTruth{pos, pos + length});
  if (options_.write_vcf) {
    PlantedText& line = out.text->emplace_back();
    line.ref.assign(r.ref());
    for (size_t i = 0; i < r.alt_count(); ++i) {
      if (i)
        line.alts.push_back(',');
      line.alts += r.symbolic.empty() ? r.alt(i) : std::string_view(r.symbolic);
    }
    if (sv) {
      const char* type = r.sv == VcfRecord::Sv::kDeletion      ? "DEL"
                         : r.sv == VcfRecord::Sv::kDuplication ? "DUP"
                                                               : "INV";
      line.info = std::string(";SVTYPE=") + type + ";END=" + std::to_string(r.sv_end);
    } else if (r.symbolic == "<INS>") {
      line.info = ";SVTYPE=INS;SVLEN=" + std::to_string(r.alt(0).size() - r.ref().size());
    }
    if (options_.tumour()) {
      line.info += r.somatic ? ";SOMATIC;CCF=" + FormatNumber(r.ccf) : ";GERMLINE";
      line.info += ";EAF=" + fractions;
    }
    for (int h = 0; h < (options_.haploid ? 1 : haplotypes); ++h) {
      if (h)
        line.genotype.push_back('|');
      AppendAllele(alleles[static_cast<size_t>(h)], &line.genotype);
    }
  }
  planted_until_ = std::max(planted_until_, pos + length);
  ++counts_.planted;
  return Status::Ok();
}

}  // namespace readforge
