#!/usr/bin/env python3
"""Fails when a source with translatable strings is missing from
po/POTFILES.in, or when POTFILES.in names a file that does not exist."""
import os
import re
import sys

root = sys.argv[1]
MARKERS = {
    ".c": re.compile(r'\b(?:_|N_|C_|NC_|g_dgettext|ngettext)\s*\(\s*"'),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r"^(Name|Comment|GenericName|Keywords)=|<summary>|<name>", re.M),
    ".xml": re.compile(r"<summary>|<description>"),
}

with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    listed = {line.strip() for line in f
              if line.strip() and not line.startswith("#")}

failed = False
for path in sorted(listed):
    if not os.path.exists(os.path.join(root, path)):
        print(f"POTFILES.in lists {path}, which does not exist")
        failed = True

found = []
for top in ("src", "data"):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for name in files:
            ext = os.path.splitext(name)[1]
            pattern = MARKERS.get(ext)
            if pattern is None or name.endswith(".gresource.xml"):
                continue
            if top == "data" and "exercises" in dirpath.split(os.sep):
                # The exercise catalog is extracted through its ITS rules.
                pattern = re.compile(r"<name>")
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                if pattern.search(f.read()):
                    found.append(rel)

for rel in found:
    if rel not in listed:
        print(f"{rel} has translatable strings but is not in po/POTFILES.in")
        failed = True

print(f"{len(found)} translatable sources, {len(listed)} listed")
sys.exit(1 if failed else 0)
