#!/bin/sh
# The HTML page of a sample report, rendered by headless Chromium with every host name unresolvable:
# one entry per finding and one <mark> per finding with words in the rendered DOM, and an A4-sized
# screenshot. Then the batch of all sample reports (--format html -o DIR): the rendered index has a
# row per report, marked as the JSON's error counts say, each linking to a page that exists. Usage: html_browser.sh FZCHECK PYTHON3 SOURCE_DIR OUT_DIR
# Chromium is installed by scripts/bootstrap.sh: when it is missing the test fails.
set -eu
fzcheck=$1 python=$2 source_dir=$3 out=$4
sample=$source_dir/examples/reports/000_564c8ac60a8ddf78.txt

fail() { echo "html-browser: $*" >&2; exit 1; }

chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || fail "chromium is not installed (scripts/bootstrap.sh installs it)"

rm -rf "$out" && mkdir -p "$out"
page=$out/000.html
# Exit 1 only says that there are findings.
"$fzcheck" check --format html -o "$page" "$sample" || [ $? -eq 1 ] || fail "fzcheck --format html failed"
"$fzcheck" check --format json "$sample" >"$out/000.json" || [ $? -eq 1 ] || fail "fzcheck --format json failed"
[ -s "$page" ] || fail "no page written"
if grep -E -q 'https?://|src=|@import|url\(' "$page"; then fail "the page refers to something outside it"; fi

browse() {
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$out/profile" --no-first-run --disable-extensions --disable-background-networking \
    --disable-component-update --disable-sync "$@"
}
browse --dump-dom "file://$page" >"$out/dom.html" 2>"$out/chromium-dom.log" ||
  fail "chromium --dump-dom failed (see $out/chromium-dom.log)"
browse --screenshot="$out/000.png" --window-size=1240,1754 "file://$page" 2>"$out/chromium-shot.log" ||
  fail "chromium --screenshot failed (see $out/chromium-shot.log)"

"$python" - "$out/000.json" "$out/dom.html" "$out/000.png" <<'PY'
import json, re, struct, sys
report, dom_file, png_file = sys.argv[1:]
findings = json.load(open(report, encoding="utf-8"))["files"][0]["findings"]
spanned = sum(1 for f in findings if (f["end_line"], f["end_column"]) != (f["line"], f["column"]))
dom = open(dom_file, encoding="utf-8").read()
entries = len(re.findall(r'<li class="finding ', dom))
marks = len(re.findall(r"<mark\b", dom))
errors = []
if not findings: errors.append("the sample has no findings")
if entries != len(findings): errors.append(f"{entries} entries in the DOM, {len(findings)} findings")
if marks != spanned: errors.append(f"{marks} marks in the DOM, {spanned} findings with a span")
png = open(png_file, "rb").read()
if len(png) <= 10 * 1024: errors.append(f"screenshot of {len(png)} bytes only")
if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
    errors.append("the screenshot is not a PNG")
else:
    width, height = struct.unpack(">II", png[16:24])
    if (width, height) != (1240, 1754): errors.append(f"screenshot of {width}x{height}, not 1240x1754")
for e in errors: print("html-browser:", e, file=sys.stderr)
print(f"html-browser: {len(findings)} findings, {entries} entries, {marks} marks, {len(png)} bytes of PNG")
sys.exit(1 if errors else 0)
PY

# The batch: index.html and a page per report.
batch=$out/batch
"$fzcheck" check --format html -o "$batch" "$source_dir/examples/reports" || [ $? -eq 1 ] ||
  fail "fzcheck --format html -o DIR failed"
"$fzcheck" check --format json "$source_dir/examples/reports" >"$out/batch.json" || [ $? -eq 1 ] ||
  fail "fzcheck --format json (batch) failed"
if grep -E -q 'https?://|src=|@import|url\(' "$batch/index.html"; then
  fail "the index refers to something outside it"
fi
browse --dump-dom "file://$batch/index.html" >"$out/index-dom.html" 2>"$out/chromium-index.log" ||
  fail "chromium --dump-dom of the index failed (see $out/chromium-index.log)"
browse --screenshot="$out/index.png" --window-size=1240,1754 "file://$batch/index.html" \
  2>"$out/chromium-index-shot.log" || fail "chromium --screenshot of the index failed"

"$python" - "$out/batch.json" "$out/index-dom.html" "$out/index.png" "$batch" <<'PY'
import json, os, re, sys, urllib.parse
report, dom_file, png_file, batch = sys.argv[1:]
files = json.load(open(report, encoding="utf-8"))["files"]
dom = open(dom_file, encoding="utf-8").read()
rows = re.findall(r'<tr class="(row-[a-z]+)">(.*?)</tr>', dom, re.S)
errors = []
if len(rows) != len(files): errors.append(f"{len(rows)} rows in the index, {len(files)} reports")
for (cls, cells), f in zip(rows, files):
    has_errors = any(x["severity"] == "error" for x in f["findings"])
    if cls != ("row-error" if has_errors else "row-ok"):
        errors.append(f"{f['file']}: row marked {cls}")
    link = re.search(r'<a href="([^"]+)">([^<]*)</a>', cells)
    if not link:
        errors.append(f"{f['file']}: no link to its page")
        continue
    target = os.path.join(batch, urllib.parse.unquote(link.group(1)))
    if not os.path.isfile(target): errors.append(f"{f['file']}: link to a missing page {target}")
    if link.group(2) != f["file"]: errors.append(f"link text {link.group(2)!r}, not {f['file']!r}")
if os.path.getsize(png_file) <= 10 * 1024: errors.append("screenshot of the index is nearly empty")
for e in errors: print("html-browser:", e, file=sys.stderr)
print(f"html-browser: index of {len(files)} reports, {len(rows)} rows, every link resolves")
sys.exit(1 if errors else 0)
PY
