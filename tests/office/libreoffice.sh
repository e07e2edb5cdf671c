#!/bin/sh
# A reviewed .docx opened by LibreOffice: `fzcheck annotate` on a Word report, then headless
# LibreOffice converts the copy to PDF (it must open without repair) and saves it again as .docx;
# what LibreOffice read must hold the same comments (one per finding) and the same inserted and
# deleted text.
# Usage: libreoffice.sh FZCHECK PYTHON3 SOURCE_DIR OUT_DIR
# LibreOffice is installed by scripts/bootstrap.sh: when it is missing the test fails.
set -eu
fzcheck=$1 python=$2 source_dir=$3 out=$4
report=$source_dir/tests/fixtures/docx/000_564c8ac60a8ddf78.docx

fail() { echo "libreoffice: $*" >&2; exit 1; }

soffice=$(command -v soffice || command -v libreoffice || true)
[ -n "$soffice" ] || fail "LibreOffice (soffice) is not installed (scripts/bootstrap.sh installs it)"

rm -rf "$out" && mkdir -p "$out/pdf" "$out/resaved"
"$fzcheck" annotate "$report" -o "$out/reviewed.docx" 2>"$out/annotate.log" ||
  fail "fzcheck annotate failed: $(cat "$out/annotate.log")"
"$fzcheck" check --format json "$report" >"$out/findings.json" || [ $? -eq 1 ] ||
  fail "fzcheck check failed"

office() {
  timeout 90 "$soffice" -env:UserInstallation="file://$out/profile" --headless --norestore "$@" \
    >>"$out/soffice.log" 2>&1
}
office --convert-to pdf --outdir "$out/pdf" "$out/reviewed.docx" || fail "soffice --convert-to pdf failed"
[ -s "$out/pdf/reviewed.pdf" ] || fail "LibreOffice wrote no PDF (see $out/soffice.log)"
office --convert-to docx:"MS Word 2007 XML" --outdir "$out/resaved" "$out/reviewed.docx" ||
  fail "soffice --convert-to docx failed"
[ -s "$out/resaved/reviewed.docx" ] || fail "LibreOffice wrote no .docx (see $out/soffice.log)"

"$python" - "$out/findings.json" "$out/reviewed.docx" "$out/resaved/reviewed.docx" <<'PY'
import json, sys, zipfile
import xml.etree.ElementTree as ET
findings_file, ours_file, theirs_file = sys.argv[1:]
findings = json.load(open(findings_file, encoding="utf-8"))["files"][0]["findings"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def read(path):
    """The comments' texts, the inserted text and the deleted text of a .docx."""
    with zipfile.ZipFile(path) as z:
        comments = ET.fromstring(z.read("word/comments.xml"))
        body = ET.fromstring(z.read("word/document.xml"))
    texts = ["".join(t.text or "" for t in c.iter(W + "t")) for c in comments.iter(W + "comment")]
    inserted = "".join(t.text or "" for ins in body.iter(W + "ins") for t in ins.iter(W + "t"))
    deleted = "".join(t.text or "" for t in body.iter(W + "delText"))
    return texts, inserted, deleted

ours, theirs = read(ours_file), read(theirs_file)
errors = []
if len(ours[0]) != len(findings):
    errors.append(f"{len(ours[0])} comments written for {len(findings)} findings")
if sorted(theirs[0]) != sorted(ours[0]):
    errors.append(f"LibreOffice read {len(theirs[0])} comments, not the {len(ours[0])} written")
if not ours[1] or not ours[2]:
    errors.append("no tracked change was written")
if theirs[1:] != ours[1:]:
    errors.append("LibreOffice read other tracked changes than the ones written")
for f in findings:
    if not any(f["message"] in text for text in theirs[0]):
        errors.append(f"the comment of {f['rule_id']} is not in what LibreOffice read")
        break
if errors:
    sys.exit("libreoffice: " + "; ".join(errors))
print(f"libreoffice: {len(ours[0])} comments and every tracked change kept")
PY
