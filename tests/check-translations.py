#!/usr/bin/env python3
"""Every language in po/LINGUAS has a .po file that msgfmt --check accepts."""
import os
import subprocess
import sys

po_dir = sys.argv[1]
with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
    languages = [w for line in f for w in line.split("#")[0].split()]

if not languages:
    print("po/LINGUAS lists no language", file=sys.stderr)
    sys.exit(1)

failed = False
for lang in languages:
    path = os.path.join(po_dir, lang + ".po")
    if not os.path.exists(path):
        print(f"{lang}: listed in LINGUAS but {path} is missing", file=sys.stderr)
        failed = True
        continue
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, path],
        capture_output=True, text=True)
    print(f"{lang}: {result.stderr.strip()}")
    if result.returncode != 0:
        failed = True

sys.exit(1 if failed else 0)
