#!/usr/bin/env python3
"""Makes the seed corpora of fuzz/corpus/ from files of the repository (run from anywhere).

Small on purpose (the whole of fuzz/corpus/ stays well under 2 MB): the sample reports, a few
corpus openings, the rule fixtures, the .docx and HTML fixtures, the built-in rules, plus the
same texts in other encodings. The fuzzers grow their own working corpora in build-fuzz/corpus/.
"""
import glob
import hashlib
import os
import re
import shutil
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")


def put(target, data, name=None):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def files(pattern):
    return sorted(glob.glob(os.path.join(ROOT, pattern)))


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    reports = files("examples/reports/*.txt")
    openings = files("tests/corpus/openings/*.txt")[:8]
    fail_fixtures = files("rules/*/*/fail/*.txt")
    texts = [read(p) for p in reports + openings]

    # Plain text: as written, and in the other encodings the reader detects.
    for t in texts:
        put("read_text", t)
    for t in texts[:3]:
        s = t.decode("utf-8")[:3000]
        put("read_text", s.encode("gb18030"))
        put("read_text", b"\xff\xfe" + s.encode("utf-16-le"))
        put("read_text", s.encode("utf-16-le"))
        put("read_text", b"\xef\xbb\xbf" + s.replace("\n", "\r\n").encode("utf-8"))

    # Structure and rules on UTF-8 text: the reports and every failing fixture of the rules.
    for t in texts:
        put("parse_text", t)
        put("check", t)
    for p in fail_fixtures:
        put("check", read(p))
        put("fix", read(p))
    for t in texts[:3]:
        put("fix", t)
        put("fix", t.decode("utf-8").encode("gb18030"))

    # .docx: whole files, and their main parts for the targets that wrap XML in a valid zip.
    # The rules' own .docx and HTML fixtures too: tables with merged cells (gridSpan, vMerge,
    # colspan, rowspan) are there.
    for p in files("tests/fixtures/docx/*.docx") + files("rules/*/*/*/*.docx"):
        put("read_docx", read(p))
        with zipfile.ZipFile(p) as z:
            xml = z.read("word/document.xml")
        put("docx_xml", xml)
        put("annotate", xml)

    for p in files("tests/fixtures/html/*.html") + files("rules/*/*/*/*.html"):
        put("read_html", read(p))

    # Rules: every built-in rule file; packs as "pack.yaml, then --- NAME and each file".
    for p in files("rules/*/*/rule.yaml"):
        put("rule_file", read(p))
    for pack in files("rules/*/pack.yaml"):
        folder = os.path.dirname(pack)
        rules = files(os.path.relpath(folder, ROOT) + "/*/rule.yaml")
        for start in range(0, len(rules), 6):
            text = read(pack)
            for r in rules[start:start + 6]:
                rel = os.path.relpath(r, folder)
                text += b"\n--- " + rel.encode() + b"\n" + read(r)
            put("rule_pack", text)
    for p in files("examples/packs/*/pack.yaml"):
        folder = os.path.dirname(p)
        text = read(p)
        for r in files(os.path.relpath(folder, ROOT) + "/*/rule.yaml"):
            text += b"\n--- " + os.path.relpath(r, folder).encode() + b"\n" + read(r)
        put("rule_pack", text)

    # Regexes: each quoted pattern of a rule file with the rule's failing fixtures (which hold its
    # matches), and with a sample report's opening; pattern and text are cut apart by a NUL byte.
    regex_chars = set("\\[](){}|^$*+?")
    opening = read("examples/reports/000_564c8ac60a8ddf78.txt")[:1500]
    for p in files("rules/*/*/rule.yaml"):
        folder = os.path.relpath(os.path.dirname(p), ROOT)
        text = read(p).decode("utf-8")
        patterns = [m for m in re.findall(r"'([^'\n]+)'", text) if regex_chars & set(m)]
        fixtures = [read(f)[:1000] for f in files(folder + "/fail/*.txt")[:1]] or [opening[:1000]]
        for pattern in patterns:
            for fixture in fixtures:
                put("regex", pattern.replace("''", "'").encode() + b"\0" + fixture)


if __name__ == "__main__":
    main()
