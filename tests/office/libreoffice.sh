#!/bin/sh
# A reviewed .docx opened by LibreOffice: `fzcheck annotate` on a Word report, then headless
# LibreOffice converts the copy to PDF (it must open without repair) and saves it again as .docx;
# what LibreOffice read must hold the same comments (one per finding) and tracked changes.
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
import json, re, sys, zipfile
findings_file, ours_file, theirs_file = sys.argv[1:]
findings = json.load(open(findings_file, encoding="utf-8"))["files"][0]["findings"]

def counts(path):
    with zipfile.ZipFile(path) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
    return (len(re.findall(r"<w:comment\b", comments)), len(re.findall(r"<w:ins\b", body)),
            len(re.findall(r"<w:del\b", body)), comments)

ours = counts(ours_file)
theirs = counts(theirs_file)
errors = []
if ours[0] != len(findings):
    errors.append(f"{ours[0]} comments written for {len(findings)} findings")
if theirs[0] != ours[0]:
    errors.append(f"LibreOffice read {theirs[0]} of the {ours[0]} comments")
if ours[1] == 0 or ours[2] == 0:
    errors.append("no tracked change was written")
if (theirs[1], theirs[2]) != (ours[1], ours[2]):
    errors.append(f"LibreOffice read {theirs[1]} insertions and {theirs[2]} deletions, "
                  f"not {ours[1]} and {ours[2]}")
for f in findings:
    if f["message"] not in theirs[3]:
        errors.append(f"the comment of {f['rule_id']} is not in what LibreOffice read")
        break
if errors:
    sys.exit("libreoffice: " + "; ".join(errors))
print(f"libreoffice: {ours[0]} comments, {ours[1]} insertions, {ours[2]} deletions kept")
PY
