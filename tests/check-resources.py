#!/usr/bin/env python3
"""Every illustration and template in data/ is compiled into the core
resources, and every listed file exists."""
import os
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
xml = ET.parse(os.path.join(root, "src", "core", "bc-core.gresource.xml"))
listed = {f.text for f in xml.iter("file")}
data = os.path.join(root, "data")

wanted = {"exercises/exercises.xml"}
wanted |= {"exercises/illustrations/" + n
           for n in os.listdir(os.path.join(data, "exercises", "illustrations"))}
wanted |= {"templates/" + n for n in os.listdir(os.path.join(data, "templates"))}

failed = False
for name in sorted(wanted - listed):
    print(f"data/{name} is not in src/core/bc-core.gresource.xml")
    failed = True
for name in sorted(listed - wanted):
    print(f"src/core/bc-core.gresource.xml lists data/{name}, which does not exist")
    failed = True
print(f"{len(listed)} resources listed")
sys.exit(1 if failed else 0)
