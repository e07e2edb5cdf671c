// Code points of the Chinese script that the structure parser must know: numerals, the
// punctuation of section markers (GB/T 15834 附录B.3) and the date characters (GB/T 9704
// §7.3.5.4). This is script knowledge, like knowing that '.' ends an English sentence; the
// vocabulary of any particular kind of report lives in rules/, never here.
#pragma once

#include <string>
#include <string_view>

#include "text/utf8.hpp"

namespace fzcheck::cjk {

inline constexpr char32_t kIdeographicComma = 0x3001;     // 顿号
inline constexpr char32_t kIdeographicFullStop = 0x3002;  // 句号
inline constexpr char32_t kIdeographicZero = 0x3007;      // 〇
inline constexpr char32_t kFullwidthExclamation = 0xFF01;
inline constexpr char32_t kFullwidthLeftParen = 0xFF08;
inline constexpr char32_t kFullwidthRightParen = 0xFF09;
inline constexpr char32_t kFullwidthComma = 0xFF0C;
inline constexpr char32_t kFullwidthHyphen = 0xFF0D;
inline constexpr char32_t kFullwidthFullStop = 0xFF0E;  // ．
inline constexpr char32_t kFullwidthSolidus = 0xFF0F;
inline constexpr char32_t kFullwidthDigitZero = 0xFF10;
inline constexpr char32_t kFullwidthDigitNine = 0xFF19;
inline constexpr char32_t kFullwidthColon = 0xFF1A;
inline constexpr char32_t kFullwidthSemicolon = 0xFF1B;
inline constexpr char32_t kFullwidthQuestion = 0xFF1F;
inline constexpr char32_t kCircledOne = 0x2460;     // ①
inline constexpr char32_t kCircledTwenty = 0x2473;  // ⑳
inline constexpr char32_t kEllipsis = 0x2026;       // …

inline constexpr char32_t kLeftDoubleQuote = 0x201C;   // “
inline constexpr char32_t kRightDoubleQuote = 0x201D;  // ”
inline constexpr char32_t kLeftBookTitle = 0x300A;     // 《
inline constexpr char32_t kRightBookTitle = 0x300B;    // 》
inline constexpr char32_t kEmDash = 0x2014;            // — (一字线)

inline constexpr char32_t kYear = 0x5E74;     // 年
inline constexpr char32_t kMonth = 0x6708;    // 月
inline constexpr char32_t kDay = 0x65E5;      // 日
inline constexpr char32_t kTen = 0x5341;      // 十
inline constexpr char32_t kHundred = 0x767E;  // 百
inline constexpr char32_t kLing = 0x96F6;     // 零

// The frame of a 公文 (GB/T 9704—2012 §7.2.4, §7.4, §8): the 发文字号 (国发〔2019〕5号), the
// attachments (附件1) after the report and the imprint (版记: 抄送……, ……印发) at its very end.
// These are format words, like 年月日 in a date; the vocabulary of report types lives in rules/.
inline constexpr char32_t kLeftTortoiseShell = 0x3014;            // 〔
inline constexpr char32_t kRightTortoiseShell = 0x3015;           // 〕
inline constexpr char32_t kNumberSuffix = 0x53F7;                 // 号
inline constexpr char32_t kPrinted = 0x5370;                      // 印 (……2023年1月9日印)
inline constexpr std::string_view kAnnexWord = "\u9644\u4EF6";    // 附件
inline constexpr std::string_view kCopyToWord = "\u6284\u9001";   // 抄送
inline constexpr std::string_view kPrintedWord = "\u5370\u53D1";  // 印发
// "现将有关情况报告如下。": the formula that ends a 导语, never a title.
inline constexpr std::string_view kAsFollowsStop = "\u5982\u4E0B\u3002";  // 如下。
// How the plain-text corpus marks a table: a line [表格] before it and [/表格] after it.
inline constexpr std::string_view kTableOpen = "[\u8868\u683C]";
inline constexpr std::string_view kTableClose = "[/\u8868\u683C]";

// The Chinese numeral for 1–99 as written in section numbers: 三, 十, 十二, 二十, 九十九.
inline void append_chinese_number(std::u32string& out, unsigned value) {
  static constexpr char32_t kDigits[] = {0,      0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                         0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
  unsigned tens = value / 10 % 10;
  unsigned ones = value % 10;
  if (tens > 1) out.push_back(kDigits[tens]);
  if (tens > 0) out.push_back(kTen);
  if (ones > 0) out.push_back(kDigits[ones]);
}

// 一 to 九 as digits 1–9, 〇 and 零 as 0; -1 for anything else (十 and 百 are multipliers).
inline int chinese_digit(char32_t c) noexcept {
  switch (c) {
    case kIdeographicZero:
    case kLing:
      return 0;
    case 0x4E00:
      return 1;  // 一
    case 0x4E8C:
      return 2;  // 二
    case 0x4E09:
      return 3;  // 三
    case 0x56DB:
      return 4;  // 四
    case 0x4E94:
      return 5;  // 五
    case 0x516D:
      return 6;  // 六
    case 0x4E03:
      return 7;  // 七
    case 0x516B:
      return 8;  // 八
    case 0x4E5D:
      return 9;  // 九
    default:
      return -1;
  }
}

inline bool is_chinese_numeral(char32_t c) noexcept {
  return chinese_digit(c) >= 0 || c == kTen || c == kHundred;
}

// ASCII or full-width digit value, or -1.
inline int arabic_digit(char32_t c) noexcept {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= kFullwidthDigitZero && c <= kFullwidthDigitNine)
    return static_cast<int>(c - kFullwidthDigitZero);
  return -1;
}

// Punctuation that ends a sentence or clause in Chinese text (full-width and ASCII forms).
inline bool is_sentence_end(char32_t c) noexcept {
  return c == kIdeographicFullStop || c == kFullwidthExclamation || c == kFullwidthQuestion ||
         c == kFullwidthSemicolon || c == U'!' || c == U'?' || c == U';';
}

// Any clause punctuation that a title, a signature or a heading line normally does not contain.
inline bool is_clause_punct(char32_t c) noexcept {
  return is_sentence_end(c) || c == kFullwidthComma || c == kFullwidthColon || c == U',' ||
         c == U':';
}

// "2025年3月1日": a date written as GB/T 9704 §7.3.5.4 wants it.
inline std::string date_text(int year, int month, int day) {
  std::string out = std::to_string(year);
  utf8::append(out, kYear);
  out += std::to_string(month);
  utf8::append(out, kMonth);
  out += std::to_string(day);
  utf8::append(out, kDay);
  return out;
}

}  // namespace fzcheck::cjk
