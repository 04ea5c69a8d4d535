#!/usr/bin/env python3
"""The Flatpak manifest, checked offline (the GNOME runtime cannot be
downloaded here): it parses, names this app and its command, asks for no
network or host files, and builds every dependency the runtime lacks."""
import json
import re
import sys

path, app_id, command = sys.argv[1:4]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

errors = []

TOP_KEYS = {"id", "app-id", "runtime", "runtime-version", "sdk", "command",
            "finish-args", "cleanup", "modules", "build-options", "sdk-extensions"}
MODULE_KEYS = {"name", "buildsystem", "config-opts", "sources", "cleanup",
               "build-options", "builddir", "post-install", "modules"}
SOURCE_KEYS = {"type", "url", "sha256", "path", "tag", "commit", "branch"}

# flatpak-builder only warns about misspelt keys, so check them here.
for key in manifest:
    if key not in TOP_KEYS:
        errors.append(f"unknown top-level key {key!r}")

if manifest.get("id", manifest.get("app-id")) != app_id:
    errors.append(f"id is not {app_id}")
if manifest.get("command") != command:
    errors.append(f"command is not {command}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    errors.append("runtime/sdk must be org.gnome.Platform / org.gnome.Sdk")
if not re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))):
    errors.append("runtime-version must be a stable GNOME release")

allowed = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
finish_args = set(manifest.get("finish-args", []))
if finish_args != allowed:
    errors.append(f"finish-args must be exactly {sorted(allowed)}, got {sorted(finish_args)}")
for arg in finish_args:
    if arg.startswith(("--share=network", "--filesystem", "--device=all", "--socket=session-bus")):
        errors.append(f"forbidden finish-arg {arg}")

modules = manifest.get("modules", [])
names = [m.get("name") for m in modules if isinstance(m, dict)]
for module in modules:
    for key in module:
        if key not in MODULE_KEYS:
            errors.append(f"module {module.get('name')}: unknown key {key!r}")
    for source in module.get("sources", []):
        for key in source:
            if key not in SOURCE_KEYS:
                errors.append(f"module {module.get('name')}: unknown source key {key!r}")
        if source.get("type") == "archive":
            if not source.get("url", "").startswith("https://"):
                errors.append(f"module {module.get('name')}: archive needs an https url")
            if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                errors.append(f"module {module.get('name')}: archive needs a sha256")

# The GNOME runtime has GTK, libadwaita, json-glib, librsvg, libnotify,
# sqlite and libportal; libical is not in it.
if "libical" not in names:
    errors.append("libical is not in the GNOME runtime: it needs a module")
app = modules[-1] if modules else {}
if app.get("name") != "backcare" or app.get("buildsystem") != "meson":
    errors.append("the last module must build backcare with meson")
if {"type": "dir", "path": "."} not in app.get("sources", []):
    errors.append("backcare must build from the local directory")

for error in errors:
    print(error)
print(f"{len(modules)} modules: {', '.join(map(str, names))}")
sys.exit(1 if errors else 0)
