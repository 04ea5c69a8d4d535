#!/usr/bin/env python3
"""The shared-mime-info file parses, defines the plan type with its glob,
and the desktop file claims exactly the types it defines."""
import configparser
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
mime_path, desktop_path = sys.argv[1:3]

root = ET.parse(mime_path).getroot()
types = {t.get("type"): [g.get("pattern") for g in t.iter(NS + "glob")]
         for t in root.iter(NS + "mime-type")}

desktop = configparser.ConfigParser(interpolation=None)
desktop.optionxform = str
desktop.read(desktop_path, encoding="utf-8")
entry = desktop["Desktop Entry"]
claimed = {t for t in entry.get("MimeType", "").split(";") if t}

errors = []
if types.get("application/x-backcare-plan") != ["*.backcare-plan"]:
    errors.append("application/x-backcare-plan must have the glob *.backcare-plan")
if claimed != set(types):
    errors.append(f"desktop MimeType {sorted(claimed)} != defined {sorted(types)}")
if "%U" not in entry.get("Exec", "") and "%F" not in entry.get("Exec", ""):
    errors.append("Exec must take files (%U or %F) to open plans")

for error in errors:
    print(error)
print(f"types: {types}")
sys.exit(1 if errors else 0)
