// A .docx opened for reading and for writing a changed copy: the zip package, the main part as
// an XML tree that can be edited, and which w:t element each piece of the text comes from. The
// .docx reader reads through it; the review writer (src/fix/docx_review.cpp) edits through it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "fzcheck/document.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/read.hpp"

namespace fzcheck::detail {

class ZipArchive;

// The text a w:t element gave: bytes [begin, end) of Document::text.
struct DocxTextPiece {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  pugi::xml_node node;
};

class DocxPackage {
 public:
  // Opens the package in `bytes` (which must outlive it) and loads its main part, styles,
  // numbering and theme. With `editable`, XML parts keep everything needed to write them back
  // (declaration, comments, processing instructions, attribute whitespace).
  static Result<DocxPackage> open(std::string_view bytes, std::string_view name,
                                  const ReadOptions& options, bool editable);
  DocxPackage(DocxPackage&&) noexcept;
  DocxPackage& operator=(DocxPackage&&) noexcept;
  ~DocxPackage();

  // Reads the body as it is now. With `pieces`, also says where each w:t element's text went.
  Document read(std::vector<DocxTextPiece>* pieces = nullptr) const;

  const ZipArchive& archive() const;
  // The main part's name ("word/document.xml") and its tree.
  const std::string& main_part() const;
  // The main part's folder ("word/") and its relationships part ("word/_rels/document.xml.rels").
  std::string main_directory() const;
  std::string main_relationships_part() const;
  pugi::xml_document& main();
  // The prefix of the WordprocessingML namespace in the main part ("w:").
  const std::string& word_prefix() const;
  // The parts the main part's relationships point to, by relationship type suffix ("/comments").
  const std::map<std::string, std::string>& related() const;
  // Loads another part of the package as the package was opened (editable or not).
  Result<std::unique_ptr<pugi::xml_document>> load(const std::string& part) const;

 private:
  struct Impl;
  explicit DocxPackage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fzcheck::detail
