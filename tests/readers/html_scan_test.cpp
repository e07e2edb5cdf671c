// Byte-level looks at HTML before parsing: the declared charset and the nesting estimate.
#include "readers/html_scan.hpp"

#include <doctest/doctest.h>

#include <chrono>

namespace fzcheck {

using detail::find_meta_charset;
using detail::html_charset_to_converter;
using detail::scan_html_depth;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("meta charset: both forms, any case, quoted or not") {
  CHECK(find_meta_charset("<html><head><meta charset=\"gb2312\">") == "gb2312");
  CHECK(find_meta_charset("<META CHARSET=UTF-8>") == "utf-8");
  CHECK(find_meta_charset(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\" />") == "gbk");
  CHECK(find_meta_charset(
            "<meta content='text/html;charset=\"gb18030\"' http-equiv='content-type'>") ==
        "gb18030");
}

TEST_CASE("meta charset: comments, other metas, and text beyond the window do not count") {
  CHECK_FALSE(find_meta_charset("<!-- <meta charset=\"gbk\"> --><p>x</p>").has_value());
  CHECK_FALSE(find_meta_charset("<meta name=\"description\" content=\"charset=gbk\">").has_value());
  CHECK_FALSE(find_meta_charset("<p title='<meta charset=gbk>'>x</p>").has_value());
  std::string late = std::string(5000, ' ') + "<meta charset=\"gbk\">";
  CHECK_FALSE(find_meta_charset(late).has_value());
  CHECK(find_meta_charset(late, 8192) == "gbk");
}

TEST_CASE("charset labels map to converters as browsers decode them") {
  CHECK(html_charset_to_converter("gb2312") == "GB18030");
  CHECK(html_charset_to_converter("GBK") == "GB18030");
  CHECK(html_charset_to_converter(" x-gbk ") == "GB18030");
  CHECK(html_charset_to_converter("utf8") == "UTF-8");
  CHECK(html_charset_to_converter("utf-16") == "UTF-8");  // found by an ASCII scan: not UTF-16
  CHECK(html_charset_to_converter("big5") == "Big5");
  CHECK_FALSE(html_charset_to_converter("iso-8859-1").empty());
  CHECK(html_charset_to_converter("no-such-charset").empty());
}

TEST_CASE("html depth: ordinary pages with unclosed p, li, td and void elements stay shallow") {
  std::string page = "<!DOCTYPE html><html><head><title><div><div></title></head><body>" +
                     repeat("<p>text<br><img src=x>", 5000) + "<ul>" + repeat("<li>item", 3000) +
                     "</ul><table>" + repeat("<tr><td>a<td>b", 3000) + "</table>" + "<script>" +
                     repeat("<div>", 3000) + "</script>" + "<!--" + repeat("<div>", 3000) +
                     "--><div a='>' b=\"/>\">x</div></body></html>";
  auto scan = scan_html_depth(page, 2000);
  CHECK_FALSE(scan.too_deep);
  CHECK(scan.max_depth <= 4);
}

TEST_CASE(
    "html depth: 100,000 nested divs are found at once, with the offset of the first too deep") {
  std::string page = "<html><body>" + repeat("<div>", 100000);
  auto start = std::chrono::steady_clock::now();
  auto scan = scan_html_depth(page, 2000);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(scan.too_deep);
  CHECK(scan.offset == 12 + 2000 * 5);
  CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test
}

TEST_CASE("html depth: the tricks a tree builder does not fall for are counted") {
  // A self-closing div still opens a div in HTML.
  CHECK(scan_html_depth(repeat("<div/>", 3000), 2000).too_deep);
  // An end tag of an element that is not open is ignored, and one that would cross a special
  // element (<div>) does not close anything.
  CHECK(scan_html_depth(repeat("<div></span>", 3000), 2000).too_deep);
  CHECK(scan_html_depth(repeat("<span><div></span>", 1500), 2000).too_deep);
  // Lists nested in list items do nest.
  CHECK(scan_html_depth(repeat("<li><ul>", 1500), 2000).too_deep);
  // In SVG a self-closing element is empty.
  CHECK_FALSE(scan_html_depth("<svg>" + repeat("<path/>", 3000) + "</svg>", 2000).too_deep);
  // Balanced nesting below the limit is fine.
  CHECK_FALSE(scan_html_depth(repeat("<div>", 1500) + repeat("</div>", 1500), 2000).too_deep);
}

}  // namespace fzcheck
