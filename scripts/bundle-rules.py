#!/usr/bin/env python3
"""Embeds rules/*.yaml into the audit binary as Swift string literals.

The shipped rule packs, report schema and calendar must travel with the executable so
`audit outlet.yaml` works from any folder. Run by `make` before every build; a test fails
when the generated file is stale.
"""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "Sources" / "AuditRules" / "BundledRules.swift"
files = sorted((root / "rules").glob("*.yaml"))

lines = [
    "// GENERATED FILE. DO NOT EDIT! Made by scripts/bundle-rules.py from rules/*.yaml.",
    "",
    "/// The shipped rule files, embedded so the binary works from any folder.",
    "public enum BundledRules {",
    "    /// (path relative to the repository, contents), sorted by path.",
    "    public static let files: [(path: String, text: String)] = [",
]
for f in files:
    text = f.read_text(encoding="utf-8")
    fence = "#"
    while ('"""' + fence) in text:
        fence += "#"
    lines.append(f'        ("rules/{f.name}", {fence}"""')
    lines.extend(text.rstrip("\n").split("\n"))
    lines.append(f'"""{fence}),')
lines.append("    ]")
lines.append("}")
content = "\n".join(lines) + "\n"
if "--check" in sys.argv:
    sys.exit(0 if out.exists() and out.read_text(encoding="utf-8") == content else 1)
if not out.exists() or out.read_text(encoding="utf-8") != content:
    out.write_text(content, encoding="utf-8")
