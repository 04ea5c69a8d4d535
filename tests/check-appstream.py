#!/usr/bin/env python3
"""appstreamcli validate --no-net, failing on warnings too (Flathub does)."""
import subprocess
import sys

result = subprocess.run(
    ["appstreamcli", "validate", "--no-net", "--no-color", sys.argv[1]],
    capture_output=True, text=True)
output = result.stdout + result.stderr
print(output)
problems = [line for line in output.splitlines()
            if line.startswith(("E:", "W:"))]
if result.returncode != 0 or problems:
    print("metainfo has errors or warnings", file=sys.stderr)
    sys.exit(1)
