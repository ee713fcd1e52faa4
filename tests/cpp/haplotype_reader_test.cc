// HaplotypeReader reads what a naive model reads: the haplotype spelled out whole (every base
// with its reference position, inserted bases after their anchor), cut to the fragment, its
// first bases forward and its last bases reverse-complemented, and each read's trace (its ends'
// positions, SNPs and indels) counted base by base. Random variant sets cover reads that cross
// only SNPs, indels, N bases and variants that apply to one haplotype, at every fragment start;
// the reader spells from a block's start, also one inside a deletion or replacement from before
// it. Reads of
// 20 and 40 bases take every path of the reverse complement (16, 8 and 1 at a time).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/haplotype_reader.h"

namespace readforge {
namespace {

struct Spelled {
  std::string bases;
  std::vector<int64_t> anchor;    // the reference position each base stands on or follows
  std::vector<bool> inserted;     // whether it is an inserted base
  std::vector<bool> changed;      // a SNP's base, or an insertion's changed anchor
  std::vector<int> insertion;     // which insertion an inserted base belongs to (else -1)
  std::vector<size_t> deletions;  // where each deletion sits: the index of the base after it
};

Spelled Spell(const std::string& ref,
              const std::vector<Variant>& variants,
              const std::string& inserted,
              int hap) {
  Spelled s;
  size_t vi = 0;
  for (int64_t p = 0; p < static_cast<int64_t>(ref.size());) {
    while (vi < variants.size() && (variants[vi].pos < p || !variants[vi].on(hap) ||
                                    ref[static_cast<size_t>(variants[vi].pos)] == 'N'))
      ++vi;
    const Variant* v = vi < variants.size() && variants[vi].pos == p ? &variants[vi] : nullptr;
    if (v && v->type == VariantType::kReplacement) {  // its bases, each on its own position
      const std::string_view bases = v->InsertedIn(inserted);
      for (size_t i = 0; i < bases.size(); ++i) {
        s.bases.push_back(bases[i]);
        s.anchor.push_back(p);
        s.inserted.push_back(false);
        s.changed.push_back(bases[i] != ref[static_cast<size_t>(p)]);
        s.insertion.push_back(-1);
        ++p;
      }
      ++vi;
      continue;
    }
    if (v && v->type == VariantType::kDeletion) {
      s.deletions.push_back(s.bases.size());
      p += v->length;
      ++vi;
      continue;
    }
    const char base = ref[static_cast<size_t>(p)];
    const bool changed = v && (v->type == VariantType::kSnp || v->snp_shift != 0);
    s.bases.push_back(changed ? SnpBase(base, v->snp_shift) : base);
    s.anchor.push_back(p);
    s.inserted.push_back(false);
    s.changed.push_back(changed);
    s.insertion.push_back(-1);
    const std::string_view bases =
        v && v->type == VariantType::kInsertion ? v->InsertedIn(inserted) : std::string_view();
    for (size_t i = 0; i < bases.size(); ++i) {
      s.bases.push_back(bases[i]);
      s.anchor.push_back(p);
      s.inserted.push_back(true);
      s.changed.push_back(false);
      s.insertion.push_back(static_cast<int>(vi));
    }
    ++p;
  }
  return s;
}

// The fragment [a, e): its bases standing on positions a .. e-1, and the insertions after
// a .. e-2. They are consecutive in the haplotype: [begin, end).
struct Range {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
};

Range Fragment(const Spelled& s, int64_t a, int64_t e) {
  Range r{s.bases.size(), s.bases.size()};
  for (size_t i = 0; i < s.bases.size(); ++i) {
    const int64_t p = s.anchor[i];
    if (p >= a && (s.inserted[i] ? p < e - 1 : p < e)) {
      r.begin = std::min(r.begin, i);
      r.end = i + 1;
    }
  }
  if (r.begin == s.bases.size())
    r.end = r.begin;
  return r;
}

// What a read of bases [begin, end) covers: the positions of its ends, its changed bases, the
// insertions it holds a base of and the deletions between two of its bases.
ReadTrace TraceOf(const Spelled& s, Range read) {
  ReadTrace t;
  t.first = s.anchor[read.begin];
  t.last = s.anchor[read.end - 1];
  std::vector<int> insertions;
  for (size_t i = read.begin; i < read.end; ++i) {
    t.snps += s.changed[i];
    if (s.insertion[i] >= 0 &&
        std::find(insertions.begin(), insertions.end(), s.insertion[i]) == insertions.end())
      insertions.push_back(s.insertion[i]);
  }
  t.indels = static_cast<int>(insertions.size());
  for (size_t gap : s.deletions)
    t.indels += gap > read.begin && gap < read.end;
  return t;
}

void ExpectTrace(const ReadTrace& got, const ReadTrace& want, const std::string& what) {
  EXPECT_EQ(got.first, want.first) << what;
  EXPECT_EQ(got.last, want.last) << what;
  EXPECT_EQ(got.snps, want.snps) << what;
  EXPECT_EQ(got.indels, want.indels) << what;
}

std::string ReverseComplement(const std::string& bases) {
  std::string out(bases.rbegin(), bases.rend());
  for (char& c : out)
    c = Complement(c);
  return out;
}

std::vector<Variant> RandomVariants(std::mt19937_64& rng,
                                    const std::string& ref,
                                    int gap,
                                    int indel_pct,
                                    int replace_pct,
                                    std::string* inserted) {
  std::vector<Variant> variants;
  const std::string kBases = "ACGT";
  const auto length = static_cast<int64_t>(ref.size());
  for (int64_t p = 1 + static_cast<int64_t>(rng() % static_cast<uint64_t>(gap)); p < length - 80;
       p += 1 + static_cast<int64_t>(rng() % static_cast<uint64_t>(2 * gap))) {
    Variant v;
    v.pos = p;
    v.haplotypes = static_cast<uint8_t>(1 + rng() % 3);
    v.snp_shift = static_cast<uint8_t>(1 + rng() % 3);
    if (static_cast<int>(rng() % 100) < replace_pct && ref[static_cast<size_t>(p)] != 'N') {
      // A replacement of 4 to 70 bases, a third of them the reference's (N stays N), the first
      // one changed (as planting makes them).
      v.type = VariantType::kReplacement;
      v.length = 4 + static_cast<int64_t>(rng() % 67);
      v.inserted_at = static_cast<int64_t>(inserted->size());
      for (int64_t i = 0; i < v.length; ++i) {
        const char base = ref[static_cast<size_t>(p + i)];
        inserted->push_back(
            base == 'N' || (i > 0 && rng() % 3 == 0) ? base : SnpBase(base, 1 + rng() % 3));
      }
      variants.push_back(v);
      p += v.length - 1;  // variants never overlap
      continue;
    }
    if (static_cast<int>(rng() % 100) < indel_pct) {
      v.length = 1 + static_cast<int64_t>(rng() % 6);
      if (rng() % 2) {
        v.type = VariantType::kDeletion;
        v.snp_shift = 0;
      } else {
        v.type = VariantType::kInsertion;
        v.snp_shift = rng() % 4 == 0 ? v.snp_shift : 0;  // planted insertions may change it
        v.inserted_at = static_cast<int64_t>(inserted->size());
        for (int64_t i = 0; i < v.length; ++i)
          inserted->push_back(kBases[rng() % 4]);
      }
    }
    variants.push_back(v);
    p += v.type == VariantType::kDeletion ? v.length : 0;  // variants never overlap
  }
  return variants;
}

void ExpectReadsFrom(const SpanWindow& window,
                     const std::vector<Variant>& variants,
                     const std::string& inserted,
                     const std::string& ref,
                     int64_t from,
                     std::mt19937_64& rng) {
  const auto ref_length = static_cast<int64_t>(ref.size());
  HaplotypeReader reader;
  reader.Build(window, variants, inserted, 2, from, ref_length);
  for (int hap = 0; hap < 2; ++hap) {
    const Spelled spelled = Spell(ref, variants, inserted, hap);
    for (int64_t a = from; a + 60 < ref_length; a += 1 + static_cast<int64_t>(rng() % 3)) {
      const int64_t e = a + 40 + static_cast<int64_t>(rng() % 20);
      const Range fragment = Fragment(spelled, a, e);
      const std::string where =
          "fragment " + std::to_string(a) + "-" + std::to_string(e) + " hap " + std::to_string(hap);
      for (int64_t length : {0, 1, 20, 40}) {
        std::string out(static_cast<size_t>(length), '?');
        ReadTrace trace;
        const HaplotypeReader::Fragment located = reader.Locate(hap, a, e);
        const bool whole = reader.Forward(located, length, out.data(), &trace);
        // A read of no bases (single-end's second) still needs one base in the fragment: it
        // tells where the fragment starts or ends.
        const bool enough = static_cast<int64_t>(fragment.size()) >= std::max<int64_t>(length, 1);
        ASSERT_EQ(whole, enough) << "forward, " << where << " length " << length;
        const auto n = static_cast<size_t>(length);
        if (enough && length == 0) {
          ExpectTrace(trace, ReadTrace{spelled.anchor[fragment.begin], -1, 0, 0}, "forward");
        } else if (enough) {
          const Range read{fragment.begin, fragment.begin + n};
          ASSERT_EQ(out, spelled.bases.substr(read.begin, n)) << "forward, " << where;
          ExpectTrace(trace, TraceOf(spelled, read), "forward, " + where);
        }
        trace = ReadTrace();
        ASSERT_EQ(reader.Backward(located, length, out.data(), &trace), enough)
            << "backward, " << where << " length " << length;
        if (enough && length == 0) {
          ExpectTrace(trace, ReadTrace{-1, spelled.anchor[fragment.end - 1], 0, 0}, "backward");
        } else if (enough) {
          const Range read{fragment.end - n, fragment.end};
          ASSERT_EQ(out, ReverseComplement(spelled.bases.substr(read.begin, n)))
              << "backward, " << where;
          ExpectTrace(trace, TraceOf(spelled, read), "backward, " + where);
        }
      }
    }
  }
}

void ExpectModelReads(uint64_t seed, int gap, int indel_pct, int replace_pct = 0) {
  std::mt19937_64 rng(seed);
  const int64_t kLength = 3000;
  std::string ref;
  for (int64_t i = 0; i < kLength; ++i)
    ref.push_back(i % 700 > 650 ? 'N' : "ACGT"[rng() % 4]);
  SpanWindow window;
  std::memcpy(window.Reserve(ref.size()), ref.data(), ref.size());
  window.Commit(ref.size());
  std::string inserted;
  std::vector<Variant> variants = RandomVariants(rng, ref, gap, indel_pct, replace_pct, &inserted);
  for (Variant& v : variants)
    v.on_n = ref[static_cast<size_t>(v.pos)] == 'N';
  // The reader spells from a block's start: 0, and a place inside a deletion or a replacement
  // (one from the block before that reaches into this one).
  int64_t inside_deletion = 1000, inside_replacement = 1100;
  for (auto it = variants.rbegin(); it != variants.rend(); ++it) {
    const Variant& v = *it;
    if (v.pos > 1000 && v.length > 1 && !v.on_n && v.type == VariantType::kDeletion)
      inside_deletion = v.pos + 1;
    if (v.pos > 1000 && !v.on_n && v.type == VariantType::kReplacement)
      inside_replacement = v.pos + v.length / 2;
  }
  for (int64_t from : {int64_t{0}, inside_deletion, inside_replacement})
    ExpectReadsFrom(window, variants, inserted, ref, from, rng);
}

// A fragment outside what the reader spelled gives no read (never bases from past the spelling).
TEST(HaplotypeReader, FragmentsOutsideTheSpellingHoldNoRead) {
  const std::string ref(400, 'A');
  SpanWindow window;
  std::memcpy(window.Reserve(ref.size()), ref.data(), ref.size());
  window.Commit(ref.size());
  const std::vector<Variant> variants;
  const std::string inserted;
  HaplotypeReader reader;
  reader.Build(window, variants, inserted, 1, 100, 300);
  std::string out(50, '?');
  ReadTrace trace;
  EXPECT_TRUE(reader.Forward(reader.Locate(0, 100, 300), 50, out.data(), &trace));
  EXPECT_EQ(trace.first, 100);
  EXPECT_EQ(trace.last, 149);
  for (auto [a, e] : {std::pair<int64_t, int64_t>{99, 200}, {250, 301}, {0, 400}}) {
    const HaplotypeReader::Fragment f = reader.Locate(0, a, e);
    EXPECT_FALSE(reader.Forward(f, 50, out.data(), &trace)) << a << "-" << e;
    EXPECT_FALSE(reader.Backward(f, 50, out.data(), &trace)) << a << "-" << e;
    EXPECT_FALSE(reader.Forward(f, 0, out.data(), &trace)) << a << "-" << e;
  }
}

TEST(HaplotypeReader, ReadsWhatTheSpelledHaplotypeHolds) {
  ExpectModelReads(1, 50, 0);   // SNPs only: every read is a plain one
  ExpectModelReads(2, 50, 20);  // the bench's mix: a variant every 50 bases, a fifth indels
  ExpectModelReads(3, 8, 50);   // dense indels: most reads in pieces
  ExpectModelReads(4, 2, 30);   // a variant at almost every base
}

// A replacement (a planted inversion or long substitution) reads as its bases on the positions
// it replaces, and a read's SNP count is the bases it changed among the read's.
TEST(HaplotypeReader, ReplacementsReadAsTheirBasesAndCountTheirChanges) {
  ExpectModelReads(5, 50, 0, 30);   // replacements among SNPs
  ExpectModelReads(6, 20, 30, 20);  // and among indels
}

}  // namespace
}  // namespace readforge
