#!/usr/bin/env python3
"""Writes the libFuzzer dictionaries of fuzz/dict/ (non-ASCII bytes escaped as \\xNN, as
libFuzzer wants). Run from anywhere after changing the word lists below."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The structural markers and words of Chinese reports: numbering, brackets, punctuation, dates.
TEXT = """一、 二、 十一、 （一） （二） （十） 1. 2. 1.1 （1） (1) ① ② 第一 第二条 第一章 第一节 一是 二是
〔 〕 [ ] 《 》 〈 〉 “ ” ‘ ’ 「 」 『 』 （ ） 【 】 ， 。 、 ； ： ？ ！ … —— ·
年 月 日 2023年 2024年12月31日 二〇二四年 年度 报告 法治政府建设 政府信息公开 工作年度报告
附件 附件1 附注 抄送 印发 主送 特此报告 号 国办发〔2021〕30号 人民政府 办公室 局 委员会
主要举措和成效 存在的不足 原因 下一年度 主要安排 党政主要负责人 履行推进法治建设第一责任人职责
总体情况 信息处理费 结转下年度继续办理 上年结转 合计 总计 [表格] [/表格] \t \r\n \u3000 \u00a0 \ufeff""".split()

XML = """<?xml version="1.0" encoding="UTF-8"?> <w:document <w:body> </w:body> <w:p> </w:p> <w:r>
</w:r> <w:t> </w:t> <w:t xml:space="preserve"> <w:tab/> <w:br/> <w:cr/> <w:pPr> <w:rPr>
<w:pStyle w:val="Heading1"/> <w:numPr> <w:ilvl w:val="1"/> <w:numId w:val="1"/> <w:numId w:val="2"/>
<w:outlineLvl w:val="0"/> <w:jc w:val="center"/> <w:tbl> <w:tr> <w:tc> <w:gridSpan w:val="2"/>
<w:vMerge w:val="restart"/> <w:vMerge/> <w:ins w:id="1" w:author="a"> </w:ins> <w:del w:id="2">
</w:del> <w:delText> <w:fldSimple w:instr="PAGE"> <w:fldChar w:fldCharType="begin"/>
<w:fldChar w:fldCharType="end"/> <w:instrText> <w:sdt> <w:sdtContent> <w:hyperlink> <w:smartTag>
<mc:AlternateContent> <mc:Choice Requires="wps"> <mc:Fallback> <w:commentRangeStart w:id="0"/>
<w:commentRangeEnd w:id="0"/> <w:commentReference w:id="0"/> <w:sectPr> <w:pgSz w:w="11906" w:h="16838"/>
<w:pgMar w:top="2098"/> <w:rFonts w:eastAsia="黑体"/> <w:sz w:val="32"/> <w:b/> <w:vanish/>
<m:oMath> <m:t> <w:footnoteReference w:id="1"/> <w:sym w:char="F0B7"/> <w:noBreakHyphen/> <w:softHyphen/>
<![CDATA[ ]]> <!-- --> <?pi ?> &amp; &lt; &#x4E00; &#12289; &#xD800; xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"
<!DOCTYPE <!ENTITY""".split("\n")
XML = [w for line in XML for w in line.split(" ") if w] + ["<w:t xml:space=\"preserve\">"]

HTML = """<html> <head> <meta charset="gbk"> <meta charset="utf-8"> <body> </body> <p> </p> <div>
</div> <br> <table> <tr> <td> <th> rowspan="2" colspan="2" <h1> <h2> <span> <font> <article>
<div id="zoom"> <div class="content"> <script> </script> <style> </style> &nbsp; &#12289; <!-- -->
<![CDATA[ <pre> <li> <ul> <ol> <title> </title>""".split()

YAML = """id: kind: severity: error warning info message: source: summary: scope: document title
preamble body headings text signature date section: terms: patterns: except: find: replace:
match: from_year: supersedes: applies_to: extends: overrides: document_types: fallback: true
false priority: parts: pack.yaml rule.yaml --- pattern required-section coverage deadline
heading-sequence enumeration-sequence canonical-name copied-passage doubled-punctuation
paired-punctuation date-form title-year layout every-item order element-present element-matches
- [ ] { } : & * ! !! ? | > ' " # %YAML %TAG << ~ null {match} {replacement} {date} {deadline}
(a+)+$ (.*a){20} x{1000}{1000} \\d+ (?i) [一二三四五六七八九十]+、 .* ^ $""".split()


# RE2 syntax: groups and flags, classes, escapes, repetitions; a NUL byte separates the pattern
# from the text in the regex target's inputs.
REGEX = r"""(?: (?i) (?i: (?-i) (?P<n> (?<n> ( ) | [ ] [^ [:alpha:] \d \s \w \D \p{Han} \pL \P{Han}
\x{3000} \x41 \Q \E \b \B \A \z \C \n \. \\ . ^ $ * + ? *? +? ?? {0,30} {2,} {3} {1,2}?
K ſ k s É é Ⅱ ⅱ""".split() + ["\0"]


def escape(word):
    out = []
    for b in word.encode("utf-8"):
        c = chr(b)
        if b < 0x20 or b >= 0x7F or c in '"\\':
            out.append("\\x%02X" % b)
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def write(name, words, comment):
    path = os.path.join(ROOT, "fuzz", "dict", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    seen = []
    for w in words:
        if w in ("\\t", "\\r\\n", "\\u3000", "\\u00a0", "\\ufeff", "\\0"):
            w = w.encode().decode("unicode_escape")
        if w not in seen:
            seen.append(w)
    with open(path, "w") as f:
        f.write("# " + comment + " (written by fuzz/make_dicts.py)\n")
        for w in seen:
            f.write(escape(w) + "\n")


write("text.dict", TEXT, "Chinese report markers and words")
write("xml.dict", XML + TEXT[:40], "WordprocessingML elements, XML syntax, a few markers")
write("html.dict", HTML + TEXT[:40], "HTML elements and attributes, a few markers")
write("yaml.dict", YAML + TEXT[:20], "rule-file keys, kinds, YAML syntax, regexes")
write("regex.dict", REGEX + TEXT[:30], "RE2 syntax, letters with case forms beyond ASCII, markers")
