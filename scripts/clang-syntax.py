#!/usr/bin/env python3
"""Compiles every source of a build with clang, syntax only, in parallel.

GCC accepts some code that other compilers refuse (a lambda that captures a structured binding,
before C++20 said it may); this catches it without a second full build. It reads the
compile_commands.json of a configured (and built: generated sources must exist) build folder,
replaces the compiler with clang, drops the output flags and adds -fsyntax-only. Warnings are
errors where the build has -Werror, so clang's own warnings count too.

usage: scripts/clang-syntax.py [BUILD_DIR] [--jobs N] [--clang CLANG++] [--only PATH_PART]...
"""
import argparse
import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
import sys
import time


def find_clang(preferred):
    for name in ([preferred] if preferred else []) + ["clang++-14", "clang++"]:
        path = shutil.which(name)
        if path:
            return path
    return None


def syntax_command(entry, clangxx, clangc):
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    source = entry["file"]
    is_c = source.endswith(".c")
    out = [clangc if is_c else clangxx]
    skip = False
    for arg in args[1:]:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if arg in ("-c", "-MD", "-MMD"):
            continue
        out.append(arg)
    # Flags GCC knows and clang does not are no reason to fail.
    out += ["-fsyntax-only", "-Wno-unknown-warning-option"]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--clang", default=None, help="the clang++ to use")
    parser.add_argument("--only", action="append", default=[],
                        help="only the sources whose path contains this (may be repeated)")
    options = parser.parse_args()

    clangxx = find_clang(options.clang)
    if not clangxx:
        print("clang-syntax: clang++ not found (scripts/bootstrap.sh installs clang)", file=sys.stderr)
        return 2
    clangc = clangxx.replace("clang++", "clang")
    if not shutil.which(clangc):
        clangc = clangxx
    db = os.path.join(options.build, "compile_commands.json")
    try:
        with open(db, encoding="utf-8") as f:
            entries = json.load(f)
    except OSError as e:
        print(f"clang-syntax: cannot read {db}: {e.strerror} (configure the build first)",
              file=sys.stderr)
        return 2

    if options.only:
        entries = [e for e in entries if any(o in e["file"] for o in options.only)]

    def run(entry):
        command = syntax_command(entry, clangxx, clangc)
        done = subprocess.run(command, cwd=entry["directory"], capture_output=True, text=True)
        return entry["file"], done.returncode, done.stderr

    started = time.monotonic()
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        for source, code, stderr in pool.map(run, entries):
            if code != 0:
                failed += 1
                print(f"clang-syntax: {os.path.relpath(source)} failed", file=sys.stderr)
                sys.stderr.write(stderr)
    seconds = time.monotonic() - started
    version = subprocess.run([clangxx, "--version"], capture_output=True, text=True).stdout
    version = version.splitlines()[0] if version else clangxx
    print(f"clang-syntax: {len(entries) - failed} files compiled, {failed} failed "
          f"({version}, {seconds:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
