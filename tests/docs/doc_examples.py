#!/usr/bin/env python3
"""The commands that a Markdown page shows, run against the built fzcheck.

Usage: doc_examples.py FZCHECK SOURCE_DIR PAGE.md...   (PAGE relative to SOURCE_DIR)
       doc_examples.py --self-test FZCHECK SOURCE_DIR   (pages that must fail, and how)

Fenced ```sh blocks. Every one has a marker, an HTML comment on the line before it (a blank line
may come between), which a reader of the rendered page does not see:

  <!-- doc-test -->                       run it
  <!-- doc-test: exit 2 -->               run it; its last command exits with 2
  <!-- doc-test: skip (REASON) -->        not run: needs the network, LibreOffice, an installation,
                                          or takes minutes; the reason is required

A block without a marker fails the test, so a new example is run unless its author says why not.

A block runs in a fresh temporary folder, with `bash`, one command (a line, or lines joined by a
trailing backslash; comments and blank lines left out) after the other. Each command must exit
with 0 or 1 (1: findings), the last one with the marker's status when it gives one. The folder
holds what the examples use:

  build/fzcheck, and fzcheck on PATH      the binary under test
  examples/, docs/, scripts/              copies of the repository's folders
  report.txt, 报告.txt                     examples/reports/004_982b1b364f1fe93d.txt
  report.docx, 报告.docx                   the same report as a Word file
  各部门报告/, 报告目录/                     several reports: two .docx, a .txt and a .pdf (skipped)
  初稿/报告.docx, 二稿/报告.docx             a first draft and the second (the first corrected by fix)
  2022/报告.docx, 2023/报告.docx             one organ's reports of two years (the fixtures of the
                                          rule copied-from-last-year, as Word files)
  各年度报告/                               the same two, as 2022.docx and 2023.docx
  my-pack/                                examples/packs/province-example

When a ```text block follows the ```sh block (only blank lines between), it is what the block's
commands print on standard output: each line compared as it is (trailing spaces aside), except
that a line holding only … stands for any number of lines. Stderr is shown when a block fails;
a command that wants it compared says 2>&1.

Besides, every inline code span that runs fzcheck (`fzcheck check --format json FILE`,
`build/fzcheck rules test DIR`) must name a command that exists and only options that command
has (its --help says which).
"""

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

MARKER = re.compile(r"^<!--\s*doc-test(?::\s*(.*?))?\s*-->\s*$")
FENCE = re.compile(r"^(```+|~~~+)\s*([^\s`]*)")
ELLIPSIS = "…"
SAMPLE = "examples/reports/004_982b1b364f1fe93d.txt"
SAMPLE_DOCX = "tests/fixtures/docx/004_982b1b364f1fe93d.docx"
OTHER_DOCX = "tests/fixtures/docx/000_564c8ac60a8ddf78.docx"
OTHER_TEXT = "examples/reports/003_2ea09a882f67caa3.txt"
LAST_YEAR = "rules/fazhi-report/copied-from-last-year/fail/copied.previous.txt"
THIS_YEAR = "rules/fazhi-report/copied-from-last-year/fail/copied.txt"
TIMEOUT = 60

DOCX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
}


def write_docx(path, text):
    """A plain Word file with a paragraph for each line of `text`."""
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in text.rstrip("\n").split("\n")
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{paragraphs}</w:body></w:document>"
    )
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, content in DOCX_PARTS.items():
            docx.writestr(name, content)
        docx.writestr("word/document.xml", document)


class Block:
    def __init__(self, page, line, info, lines):
        self.page, self.line, self.info, self.lines = page, line, info, lines
        self.marker = None  # the text after "doc-test", "" for a bare marker; None: no marker
        self.output = None  # the lines of the ```text block after it


def blocks_of(page, text):
    """The fenced blocks of a page, with the marker before each and the text block after it."""
    lines = text.split("\n")
    blocks = []
    i = 0
    previous_end = None
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group(1), m.group(2)
        j = i + 1
        while j < len(lines) and not lines[j].startswith(fence):
            j += 1
        block = Block(page, i + 1, info, lines[i + 1 : j])
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0:
            marker = MARKER.match(lines[k])
            if marker:
                block.marker = marker.group(1) or ""
        if blocks and previous_end is not None and all(
            not line.strip() for line in lines[previous_end + 1 : i]
        ):
            block.after = blocks[-1]
        else:
            block.after = None
        blocks.append(block)
        previous_end = j
        i = j + 1
    for block in blocks:
        if block.info == "text" and block.after is not None and block.after.info == "sh":
            block.after.output = block.lines
    return blocks


def commands_of(block):
    commands, current = [], ""
    for line in block.lines:
        if not current and (not line.strip() or line.strip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        commands.append(current + line)
        current = ""
    if current:
        commands.append(current)
    return commands


def matches(expected, actual):
    """Whether the actual lines are the expected ones, a line of … standing for any lines."""
    expected = [line.rstrip() for line in expected]
    actual = [line.rstrip() for line in actual]
    while actual and not actual[-1]:
        actual.pop()
    while expected and not expected[-1]:
        expected.pop()

    @functools.lru_cache(maxsize=None)
    def at(e, a):
        if e == len(expected):
            return a == len(actual)
        if expected[e].strip() == ELLIPSIS:
            return any(at(e + 1, k) for k in range(a, len(actual) + 1))
        return a < len(actual) and expected[e] == actual[a] and at(e + 1, a + 1)

    return at(0, 0)


def make_template(fzcheck, source):
    """What every block's folder starts with (see the top of this file), made once."""
    folder = tempfile.mkdtemp(prefix="fzcheck-doc-")
    os.makedirs(os.path.join(folder, "build"))
    os.makedirs(os.path.join(folder, "bin"))
    os.symlink(fzcheck, os.path.join(folder, "build", "fzcheck"))
    os.symlink(fzcheck, os.path.join(folder, "bin", "fzcheck"))
    for name in ("examples", "docs", "scripts"):
        shutil.copytree(os.path.join(source, name), os.path.join(folder, name))
    shutil.copytree(
        os.path.join(source, "examples/packs/province-example"), os.path.join(folder, "my-pack")
    )

    def put(target, origin):
        path = os.path.join(folder, target)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(os.path.join(source, origin), path)

    for name in ("report.txt", "报告.txt"):
        put(name, SAMPLE)
    for name in ("report.docx", "报告.docx", "初稿/报告.docx"):
        put(name, SAMPLE_DOCX)
    for batch in ("各部门报告", "报告目录"):
        put(batch + "/甲局.docx", SAMPLE_DOCX)
        put(batch + "/乙局.docx", OTHER_DOCX)
        put(batch + "/丙局.txt", OTHER_TEXT)
        with open(os.path.join(folder, batch, "扫描件.pdf"), "wb") as f:
            f.write(b"%PDF-1.4\n")
    for origin, targets in ((LAST_YEAR, ("2022/报告.docx", "各年度报告/2022.docx")),
                            (THIS_YEAR, ("2023/报告.docx", "各年度报告/2023.docx"))):
        with open(os.path.join(source, origin), encoding="utf-8") as f:
            text = f.read()
        for target in targets:
            write_docx(os.path.join(folder, target), text)
    os.makedirs(os.path.join(folder, "二稿"))
    subprocess.run(
        [fzcheck, "fix", "--no-track", "初稿/报告.docx", "-o", "二稿/报告.docx"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return folder


def run_block(block, template, problems):
    where = f"{block.page}:{block.line}"
    marker = block.marker
    expected_exit = None
    if marker:
        exit_marker = re.fullmatch(r"exit (\d+)", marker)
        if not exit_marker:
            problems.append(f"{where}: unknown doc-test marker '{marker}'")
            return
        expected_exit = int(exit_marker.group(1))
    commands = commands_of(block)
    if not commands:
        problems.append(f"{where}: a doc-test block without a command")
        return
    folder = tempfile.mkdtemp(prefix="fzcheck-doc-block-")
    shutil.rmtree(folder)
    shutil.copytree(template, folder, symlinks=True)
    env = {k: v for k, v in os.environ.items() if k not in ("FZCHECK_LANG", "NO_COLOR")}
    env["PATH"] = os.path.join(folder, "bin") + os.pathsep + env.get("PATH", "")
    env["LC_ALL"] = "C.UTF-8"  # ls and sort order by code point
    out = ""
    try:
        for n, command in enumerate(commands):
            last = n + 1 == len(commands)
            try:
                r = subprocess.run(
                    ["bash", "-c", command],
                    cwd=folder,
                    env=env,
                    capture_output=True,
                    timeout=TIMEOUT,
                )
            except subprocess.TimeoutExpired:
                problems.append(f"{where}: `{command}` took more than {TIMEOUT} s")
                return
            out += r.stdout.decode("utf-8", "replace")
            allowed = {expected_exit} if last and expected_exit is not None else {0, 1}
            if r.returncode not in allowed:
                problems.append(
                    f"{where}: `{command}` exited with {r.returncode}, not "
                    f"{' or '.join(map(str, sorted(allowed)))}\n"
                    f"stderr:\n{r.stderr.decode('utf-8', 'replace')}"
                )
                return
        if block.output is not None and not matches(block.output, out.split("\n")):
            problems.append(
                f"{where}: the output differs from the text block after it.\n"
                f"--- shown\n" + "\n".join(block.output) + "\n--- printed\n" + out
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def options_of(fzcheck, command, cache):
    """The option names (--x, -x) that `fzcheck COMMAND --help` lists; None if no such command."""
    if command in cache:
        return cache[command]
    r = subprocess.run(
        [fzcheck] + command.split() + ["--help", "--lang", "en"], capture_output=True
    )
    names = None
    if r.returncode == 0 and r.stdout.decode().startswith("usage: fzcheck " + command):
        names = set()
        for line in r.stdout.decode().split("\n"):
            if not line.startswith("  -"):
                continue  # descriptions, wrapped below their option, mention options too
            for word in line.split():
                if word in ("[", "]"):
                    continue
                if not word.startswith("-"):
                    break
                names.add(word)
    cache[command] = names
    return names


INLINE = re.compile(r"`((?:build/)?fzcheck [^`]*)`")
GLOBAL_OPTIONS = {"--lang", "--help", "-h", "--version", "-v"}


def check_inline(page, text, fzcheck, problems, cache):
    in_fence = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for span in INLINE.findall(line):
            words = span.replace("\\|", "|").split()[1:]
            while words and words[0].startswith("--lang"):
                words = words[2:] if words[0] == "--lang" else words[1:]
            # help-reference is hidden and has no --help (its tables are tested on their own).
            if not words or words[0] in GLOBAL_OPTIONS or words[0] in ("COMMAND", "help-reference"):
                continue
            command = words[0]
            if command == "rules" and len(words) > 1 and not words[1].startswith("-"):
                command += " " + words[1]
            if command == "rules kinds":
                continue
            names = options_of(fzcheck, command, cache)
            if names is None:
                problems.append(f"{page}:{number}: `{span}`: no command 'fzcheck {command}'")
                continue
            for word in words:
                option = word.split("=")[0]
                if option.startswith("-") and option not in names | GLOBAL_OPTIONS:
                    if option in ("-", "-..."):
                        continue
                    problems.append(
                        f"{page}:{number}: `{span}`: 'fzcheck {command}' has no option {option}"
                    )


def check_pages(fzcheck, source, pages):
    """The problems of the pages, and how many blocks were run and skipped."""
    problems = []
    ran = skipped = 0
    cache = {}
    template = None
    for page in pages:
        with open(os.path.join(source, page), encoding="utf-8") as f:
            text = f.read()
        check_inline(page, text, fzcheck, problems, cache)
        for block in blocks_of(page, text):
            if block.info != "sh":
                continue
            if block.marker is None:
                problems.append(
                    f"{page}:{block.line}: a ```sh block without <!-- doc-test --> or "
                    f"<!-- doc-test: skip (reason) --> before it"
                )
                continue
            if block.marker.startswith("skip"):
                if not re.fullmatch(r"skip\s*\((.+)\)", block.marker):
                    problems.append(f"{page}:{block.line}: doc-test: skip needs (a reason)")
                skipped += 1
                continue
            if template is None:
                template = make_template(fzcheck, source)
            run_block(block, template, problems)
            ran += 1
    if template is not None:
        shutil.rmtree(template, ignore_errors=True)
    return problems, ran, skipped


SELF_TEST_PAGE = """
<!-- doc-test -->
```sh
fzcheck rules test examples/packs/province-example --lang en
```
```text
…
1 rule(s) tested, 0 failed
```

<!-- doc-test -->
```sh
fzcheck rules test examples/packs/province-example --lang en
```
```text
1 rule(s) tested, 0 failed
```

```sh
fzcheck --version
```

<!-- doc-test: skip -->
```sh
fzcheck --version
```

<!-- doc-test: exit 2 -->
```sh
fzcheck check --frobnicate report.txt
```

<!-- doc-test -->
```sh
fzcheck check --frobnicate report.txt
```

Inline: `fzcheck check --format json report.txt`, `fzcheck check --frobnicate FILE`,
`fzcheck frobnicate FILE`.
"""

SELF_TEST_EXPECTED = [
    "page.md:12: the output differs from the text block after it.",
    "page.md:19: a ```sh block without <!-- doc-test -->",
    "page.md:24: doc-test: skip needs (a reason)",
    "page.md:34: `fzcheck check --frobnicate report.txt` exited with 2, not 0 or 1",
    "page.md:38: `fzcheck check --frobnicate FILE`: 'fzcheck check' has no option --frobnicate",
    "page.md:39: `fzcheck frobnicate FILE`: no command 'fzcheck frobnicate'",
]


def self_test(fzcheck, source):
    """The checks find what they must: a page with one of each mistake, and one right block."""
    folder = tempfile.mkdtemp(prefix="fzcheck-doc-self-")
    try:
        for name in ("examples", "docs", "scripts", "tests", "rules"):
            os.symlink(os.path.join(source, name), os.path.join(folder, name))
        with open(os.path.join(folder, "page.md"), "w", encoding="utf-8") as f:
            f.write(SELF_TEST_PAGE)
        problems, ran, skipped = check_pages(fzcheck, folder, ["page.md"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ok = (ran, skipped) == (4, 1) and len(problems) == len(SELF_TEST_EXPECTED)
    ok = ok and all(p.startswith(e) for p, e in zip(sorted(problems), sorted(SELF_TEST_EXPECTED)))
    ok = ok and matches(["a", "…", "d", "…"], ["a", "b", "c", "d"])
    ok = ok and not matches(["a", "…", "d"], ["a", "b", "d", "e"])
    ok = ok and matches(["x  ", ""], ["x", "", ""]) and not matches(["x"], ["y"])
    print("\n".join(problems))
    print(f"self-test: {ran} run, {skipped} skipped: {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--self-test":
        return self_test(os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]))
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    fzcheck = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    problems, ran, skipped = check_pages(fzcheck, source, sys.argv[3:])
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{' '.join(sys.argv[3:])}: {ran} block(s) run, {skipped} skipped, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
