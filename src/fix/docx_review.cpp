// A reviewed copy of a .docx: comments and tracked changes written into the package.
//
// How: the main part is read with a map from every w:t element to the bytes of text it gave.
// Every offset a comment or a change starts or ends at is made a run boundary (runs are split,
// each half keeping the run's properties); the body is read again, so that every such offset is
// where a run starts or ends; comment markers and w:del/w:ins are then put around whole runs.
// The copy is read back and its text compared with what the corrections should give.
#include "fzcheck/docx_review.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "fzcheck/fix.hpp"
#include "fzcheck/i18n.hpp"
#include "readers/docx_package.hpp"
#include "readers/readers.hpp"
#include "readers/xml_part.hpp"
#include "readers/zip_archive.hpp"

namespace fzcheck {

namespace {

using detail::DocxPackage;
using detail::DocxTextPiece;
using detail::local_name;

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kCommentsType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr const char* kCommentsContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
constexpr const char* kRelationshipsNs =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kContentTypesPart = "[Content_Types].xml";

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(out).str();
}

void set_preserve(pugi::xml_node t) {
  pugi::xml_attribute space = t.attribute("xml:space");
  if (!space) space = t.append_attribute("xml:space");
  space.set_value("preserve");
}

// The largest numeric w:id in a tree (comments, revisions and bookmarks share no id space in
// the standard, but Word is happiest when ours collide with none of them).
long max_id(pugi::xml_node root, const std::string& id_attribute) {
  long max = -1;
  for (pugi::xml_node n = root; n;) {
    if (pugi::xml_attribute a = n.attribute(id_attribute.c_str())) {
      long value = -1;
      std::string_view v = a.value();
      auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
      if (ec == std::errc() && ptr == v.data() + v.size()) max = std::max(max, value);
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling() && n != root) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
  return max;
}

class Reviewer {
 public:
  Reviewer(DocxPackage& package, const DocxReviewOptions& options)
      : package_(package), options_(options), w_(package.word_prefix()) {}

  std::string name(std::string_view local) const { return w_ + std::string(local); }
  bool is(pugi::xml_node n, std::string_view local) const {
    return n.type() == pugi::node_element && local_name(n.name(), w_) == local;
  }

  // Makes every offset in `offsets` a run boundary, then reads the body again.
  void split_runs(std::set<std::uint32_t> offsets) {
    std::vector<DocxTextPiece> pieces;
    package_.read(&pieces);
    // From the last offset to the first: a split only shortens the element it splits, so the
    // pieces before it still say where their text is.
    for (auto it = offsets.rbegin(); it != offsets.rend(); ++it) {
      const std::uint32_t at = *it;
      auto first =
          std::lower_bound(pieces.begin(), pieces.end(), at,
                           [](const DocxTextPiece& p, std::uint32_t v) { return p.end < v; });
      std::vector<const DocxTextPiece*> touched;
      for (auto p = first; p != pieces.end() && p->begin <= at; ++p) touched.push_back(&*p);
      for (auto p = touched.rbegin(); p != touched.rend(); ++p) split_at(**p, at - (*p)->begin);
    }
    pieces_.clear();
    text_ = package_.read(&pieces_).text;
  }

  const std::string& text() const { return text_; }

  void set_next_id(long id) { next_id_ = id; }

  // Comment `id` around the text [begin, end); a point comment when there is no text there.
  void anchor_comment(long id, std::uint32_t begin, std::uint32_t end) {
    const DocxTextPiece* first = first_at_or_after(begin);
    const DocxTextPiece* last = end > begin ? last_ending_by(end) : nullptr;
    bool range = first != nullptr && last != nullptr && first->begin < end && last->end > begin &&
                 first->begin <= last->begin;
    if (first == nullptr && !pieces_.empty()) first = &pieces_.back();
    if (first == nullptr) return;
    pugi::xml_node start_run = first->node.parent();
    pugi::xml_node end_run = range ? last->node.parent() : start_run;
    const std::string id_text = std::to_string(id);
    pugi::xml_node start =
        start_run.parent().insert_child_before(name("commentRangeStart").c_str(), start_run);
    start.append_attribute(name("id").c_str()).set_value(id_text.c_str());
    pugi::xml_node stop =
        range ? end_run.parent().insert_child_after(name("commentRangeEnd").c_str(), end_run)
              : end_run.parent().insert_child_after(name("commentRangeEnd").c_str(), start);
    stop.append_attribute(name("id").c_str()).set_value(id_text.c_str());
    pugi::xml_node reference = stop.parent().insert_child_after(name("r").c_str(), stop);
    reference.append_child(name("commentReference").c_str())
        .append_attribute(name("id").c_str())
        .set_value(id_text.c_str());
  }

  // Writes the correction of `f`; false when it cannot be written safely.
  bool change(const Finding& f) {
    const std::string& replacement = *f.replacement;
    if (f.begin_offset == f.end_offset) return insert(f.begin_offset, replacement);
    std::vector<const DocxTextPiece*> covered;
    std::uint32_t at = f.begin_offset;
    for (const DocxTextPiece* p = first_at_or_after(f.begin_offset);
         p != nullptr && p != pieces_.data() + pieces_.size() && p->end <= f.end_offset; ++p) {
      if (p->begin != at) return false;  // text between pieces: a tab, a list number, a field
      covered.push_back(p);
      at = p->end;
    }
    if (covered.empty() || at != f.end_offset) return false;
    std::vector<pugi::xml_node> runs;
    for (const DocxTextPiece* p : covered) {
      pugi::xml_node run = p->node.parent();
      if (runs.empty() || runs.back() != run) runs.push_back(run);
    }
    for (pugi::xml_node run : runs) {
      if (!plain_run(run)) return false;
    }
    if (options_.changes == DocxReviewOptions::Changes::direct) {
      pugi::xml_node kept = covered.front()->node;
      for (pugi::xml_node run : runs) {
        for (pugi::xml_node c = run.first_child(); c;) {
          pugi::xml_node next = c.next_sibling();
          if (is(c, "t") && c != kept) run.remove_child(c);
          c = next;
        }
      }
      kept.text().set(replacement.c_str());
      set_preserve(kept);
      for (pugi::xml_node run : runs) {
        if (run != kept.parent()) run.parent().remove_child(run);
      }
      if (replacement.empty()) kept.parent().parent().remove_child(kept.parent());
      return true;
    }
    pugi::xml_node after;
    for (pugi::xml_node run : runs) {
      for (pugi::xml_node c : run.children()) {
        if (is(c, "t")) c.set_name(name("delText").c_str());
      }
      pugi::xml_node del = run.parent().insert_child_before(name("del").c_str(), run);
      revision_attributes(del);
      del.append_move(run);
      after = del;
    }
    if (!replacement.empty()) {
      pugi::xml_node ins = after.parent().insert_child_after(name("ins").c_str(), after);
      revision_attributes(ins);
      new_run(ins, runs.front(), replacement);
    }
    return true;
  }

 private:
  // An insertion at `offset`: before the run that starts there, else after the one that ends
  // there.
  bool insert(std::uint32_t offset, const std::string& text) {
    if (text.empty()) return true;
    const DocxTextPiece* next = first_at_or_after(offset);
    const DocxTextPiece* previous = last_ending_by(offset);
    pugi::xml_node neighbour;
    bool before = false;
    if (next != nullptr && next->begin == offset && plain_run(next->node.parent())) {
      neighbour = next->node.parent();
      before = true;
    } else if (previous != nullptr && previous->end == offset &&
               plain_run(previous->node.parent())) {
      neighbour = previous->node.parent();
    } else {
      return false;
    }
    pugi::xml_node parent = neighbour.parent();
    if (options_.changes == DocxReviewOptions::Changes::direct) {
      pugi::xml_node run = before ? parent.insert_child_before(name("r").c_str(), neighbour)
                                  : parent.insert_child_after(name("r").c_str(), neighbour);
      fill_run(run, neighbour, text);
      return true;
    }
    pugi::xml_node ins = before ? parent.insert_child_before(name("ins").c_str(), neighbour)
                                : parent.insert_child_after(name("ins").c_str(), neighbour);
    revision_attributes(ins);
    new_run(ins, neighbour, text);
    return true;
  }

  // A run that holds only text (and properties), in a container where revisions may be put.
  bool plain_run(pugi::xml_node run) const {
    if (!is(run, "r")) return false;
    for (pugi::xml_node c : run.children()) {
      if (c.type() != pugi::node_element) continue;
      if (!is(c, "rPr") && !is(c, "t") && !is(c, "lastRenderedPageBreak")) return false;
    }
    pugi::xml_node parent = run.parent();
    return is(parent, "p") || is(parent, "hyperlink") || is(parent, "smartTag") ||
           is(parent, "sdtContent") || is(parent, "customXml");
  }

  void new_run(pugi::xml_node container, pugi::xml_node like, const std::string& text) {
    fill_run(container.append_child(name("r").c_str()), like, text);
  }

  // Gives `run` the properties of `like` and the text.
  void fill_run(pugi::xml_node run, pugi::xml_node like, const std::string& text) {
    if (pugi::xml_node rpr = like.child(name("rPr").c_str())) run.append_copy(rpr);
    pugi::xml_node t = run.append_child(name("t").c_str());
    set_preserve(t);
    t.text().set(text.c_str());
  }

  void revision_attributes(pugi::xml_node node) {
    node.append_attribute(name("id").c_str()).set_value(std::to_string(next_id_++).c_str());
    node.append_attribute(name("author").c_str()).set_value(options_.author.c_str());
    if (!options_.date.empty()) {
      node.append_attribute(name("date").c_str()).set_value(options_.date.c_str());
    }
  }

  // The first piece that starts at or after `offset`.
  const DocxTextPiece* first_at_or_after(std::uint32_t offset) const {
    auto it = std::lower_bound(pieces_.begin(), pieces_.end(), offset,
                               [](const DocxTextPiece& p, std::uint32_t v) { return p.begin < v; });
    return it == pieces_.end() ? nullptr : &*it;
  }
  // The last piece that ends at or before `offset`.
  const DocxTextPiece* last_ending_by(std::uint32_t offset) const {
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                               [](std::uint32_t v, const DocxTextPiece& p) { return v < p.end; });
    return it == pieces_.begin() ? nullptr : &*std::prev(it);
  }

  // Makes byte `k` of the piece's text the start of a run.
  void split_at(const DocxTextPiece& piece, std::uint32_t k) {
    pugi::xml_node t = piece.node;
    pugi::xml_node run = t.parent();
    if (!is(run, "r")) return;
    const std::string text = t.child_value();
    if (k == 0) {
      for (pugi::xml_node c = t.previous_sibling(); c; c = c.previous_sibling()) {
        if (c.type() == pugi::node_element && !is(c, "rPr")) {
          move_to_new_run(run, t);
          return;
        }
      }
    } else if (k >= text.size()) {
      for (pugi::xml_node c = t.next_sibling(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) {
          move_to_new_run(run, c);
          return;
        }
      }
    } else {
      pugi::xml_node tail = run.insert_child_after(t.name(), t);
      set_preserve(tail);
      tail.text().set(text.substr(k).c_str());
      t.text().set(text.substr(0, k).c_str());
      set_preserve(t);
      move_to_new_run(run, tail);
    }
  }

  // Moves `from` and what follows it in `run` into a new run with the same properties, right
  // after `run`.
  void move_to_new_run(pugi::xml_node run, pugi::xml_node from) {
    pugi::xml_node next = run.parent().insert_child_after(run.name(), run);
    for (pugi::xml_attribute a : run.attributes()) next.append_attribute(a.name()) = a.value();
    if (pugi::xml_node rpr = run.child(name("rPr").c_str())) next.append_copy(rpr);
    for (pugi::xml_node c = from; c;) {
      pugi::xml_node following = c.next_sibling();
      next.append_move(c);
      c = following;
    }
  }

  DocxPackage& package_;
  const DocxReviewOptions& options_;
  const std::string w_;
  std::vector<DocxTextPiece> pieces_;
  std::string text_;
  long next_id_ = 0;
};

// The words of a comment: the finding, what to write instead, the basis, the rule.
std::vector<std::string> comment_paragraphs(const Finding& f, const std::string& language) {
  std::vector<std::string> out;
  out.push_back(
      ui_text(language, "comment_head",
              {{"severity", ui_text(language, std::string("severity_") + to_string(f.severity))},
               {"message", f.message}}));
  if (f.replacement) {
    out.push_back(f.replacement->empty()
                      ? ui_text(language, "suggestion_delete")
                      : ui_text(language, "suggestion", {{"replacement", *f.replacement}}));
  }
  if (!f.source.empty()) out.push_back(ui_text(language, "basis", {{"source", f.source}}));
  out.push_back(ui_text(language, "comment_rule", {{"rule", f.rule_id}}));
  return out;
}

Error failure(ErrorCode code, const char* key, std::string_view name, MessageValues args = {}) {
  return ui_error(code, key, std::move(args), std::string(name));
}

}  // namespace

Result<DocxReview> review_docx(std::string_view docx, std::string_view name,
                               const std::vector<Finding>& findings,
                               const DocxReviewOptions& options, const ReadOptions& read_options) {
  auto opened = DocxPackage::open(docx, name, read_options, true);
  if (!opened) return opened.errors();
  DocxPackage& package = *opened;
  const Document original = package.read();
  for (const Finding& f : findings) {
    if (f.begin_offset > f.end_offset || f.end_offset > original.text.size()) {
      return failure(ErrorCode::usage, "error_review_outside", name, {{"rule", f.rule_id}});
    }
  }
  const std::string& w = package.word_prefix();
  const std::string id_attribute = w + "id";

  // The comments part: the document's own, else a new one.
  std::unique_ptr<pugi::xml_document> comments;
  std::string comments_part;
  bool new_comments_part = false;
  if (options.comments && !findings.empty()) {
    auto it = package.related().find("/comments");
    if (it != package.related().end() && package.archive().contains(it->second)) {
      comments_part = it->second;
      auto loaded = package.load(comments_part);
      if (!loaded) return loaded.errors();
      comments = std::move(*loaded);
    } else {
      new_comments_part = true;
      const std::string dir = package.main_directory();
      comments_part = dir + "comments.xml";
      for (int n = 2; package.archive().contains(comments_part); ++n) {
        comments_part = fmt::format("{}comments{}.xml", dir, n);
      }
      comments = std::make_unique<pugi::xml_document>();
      pugi::xml_node declaration = comments->append_child(pugi::node_declaration);
      declaration.append_attribute("version") = "1.0";
      declaration.append_attribute("encoding") = "UTF-8";
      declaration.append_attribute("standalone") = "yes";
      comments->append_child((w + "comments").c_str())
          .append_attribute(w.empty() ? "xmlns" : ("xmlns:" + w.substr(0, w.size() - 1)).c_str())
          .set_value(kWordNs);
    }
  }

  // The corrections that can be made together (apply_fixes settles overlaps).
  DocxReview review;
  std::vector<Finding> corrections;
  if (options.changes != DocxReviewOptions::Changes::none) {
    FixResult planned = apply_fixes(original, findings);
    corrections = std::move(planned.applied);
    for (auto* left : {&planned.skipped, &planned.refused}) {
      review.not_changed.insert(review.not_changed.end(), left->begin(), left->end());
    }
  }

  Reviewer reviewer(package, options);
  std::set<std::uint32_t> boundaries;
  for (const Finding& f : corrections) {
    boundaries.insert(f.begin_offset);
    boundaries.insert(f.end_offset);
  }
  if (comments) {
    for (const Finding& f : findings) {
      boundaries.insert(f.begin_offset);
      boundaries.insert(f.end_offset);
    }
  }
  reviewer.split_runs(boundaries);
  if (reviewer.text() != original.text) {
    return failure(ErrorCode::internal, "error_review_split", name);
  }
  long next_id = max_id(package.main().document_element(), id_attribute);
  if (comments) next_id = std::max(next_id, max_id(comments->document_element(), id_attribute));
  next_id = std::max(next_id, 0L) + 1;

  if (comments) {
    pugi::xml_node root = comments->document_element();
    for (const Finding& f : findings) {
      const long id = next_id++;
      reviewer.anchor_comment(id, f.begin_offset, f.end_offset);
      pugi::xml_node comment = root.append_child((w + "comment").c_str());
      comment.append_attribute((w + "id").c_str()) = std::to_string(id).c_str();
      comment.append_attribute((w + "author").c_str()) = options.author.c_str();
      if (!options.date.empty()) {
        comment.append_attribute((w + "date").c_str()) = options.date.c_str();
      }
      comment.append_attribute((w + "initials").c_str()) = options.initials.c_str();
      for (const std::string& line : comment_paragraphs(f, options.language)) {
        pugi::xml_node t = comment.append_child((w + "p").c_str())
                               .append_child((w + "r").c_str())
                               .append_child((w + "t").c_str());
        set_preserve(t);
        t.text().set(line.c_str());
      }
      ++review.comments;
    }
  }
  reviewer.set_next_id(next_id);
  for (const Finding& f : corrections) {
    (reviewer.change(f) ? review.changed : review.not_changed).push_back(f);
  }

  // The parts that changed.
  std::map<std::string, std::string> parts;
  parts[package.archive().name_of(package.main_part())] = save(package.main());
  if (comments) {
    parts[package.archive().name_of(comments_part)] = save(*comments);
  }
  if (new_comments_part) {
    // The relationship from the main part, and the part's content type.
    const std::string dir = package.main_directory();
    const std::string rels_part = package.main_relationships_part();
    std::unique_ptr<pugi::xml_document> rels;
    if (package.archive().contains(rels_part)) {
      auto loaded = package.load(rels_part);
      if (!loaded) return loaded.errors();
      rels = std::move(*loaded);
    } else {
      rels = std::make_unique<pugi::xml_document>();
      rels->append_child("Relationships").append_attribute("xmlns") = kRelationshipsNs;
    }
    pugi::xml_node root = rels->document_element();
    const std::string prefix = detail::namespace_prefix(root, kRelationshipsNs, "");
    std::set<std::string> ids;
    for (pugi::xml_node r : root.children()) ids.insert(r.attribute("Id").value());
    std::string id = "rIdFzcheckComments";
    for (int n = 2; ids.count(id); ++n) id = fmt::format("rIdFzcheckComments{}", n);
    pugi::xml_node relationship = root.append_child((prefix + "Relationship").c_str());
    relationship.append_attribute("Id") = id.c_str();
    relationship.append_attribute("Type") = kCommentsType;
    relationship.append_attribute("Target") = comments_part.substr(dir.size()).c_str();
    parts[package.archive().name_of(rels_part)] = save(*rels);

    auto types = package.load(kContentTypesPart);
    if (!types) return types.errors();
    pugi::xml_node types_root = (*types)->document_element();
    const std::string types_prefix = detail::namespace_prefix(
        types_root, "http://schemas.openxmlformats.org/package/2006/content-types", "");
    pugi::xml_node override_node = types_root.append_child((types_prefix + "Override").c_str());
    override_node.append_attribute("PartName") = ("/" + comments_part).c_str();
    override_node.append_attribute("ContentType") = kCommentsContentType;
    parts[package.archive().name_of(kContentTypesPart)] = save(**types);
  }

  auto bytes = detail::ZipArchive::rewrite(docx, parts, name);
  if (!bytes) return bytes.errors();
  review.bytes = std::move(*bytes);

  // Read the copy back: its text must be the original with the corrections made.
  const std::string expected = apply_fixes(original, review.changed).text;
  auto reread = read_bytes(review.bytes, name, read_options);
  if (!reread || reread->text != expected) {
    return failure(ErrorCode::internal, "error_review_read_back", name);
  }
  return review;
}

}  // namespace fzcheck
