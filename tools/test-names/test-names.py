#!/usr/bin/env python3
"""Test methods whose names do not follow STYLE.md's `subject_does_whenCondition` / `subject_does`.

Usage: tools/test-names/test-names.py [--list] [module ...]   (default: every module with src/test)

A test method is one annotated @Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @Property, @Example or
@ArchTest. Its name follows the style when it is lowerCamel parts joined by single underscores, at least two parts,
and:
  - no part starts with a digit or a capital, and none is empty (no `__`);
  - it is not a sentence in snake_case (three or more parts that are a single lowercase word);
  - a condition has a part of its own: `runsAtOnce_whenGone` (or `_evenWhenGone`), not `runsAtOnceWhenGone`;
  - it does not start with `test` or `should` (`testFoo`, `shouldDoX`).
Prints per module the test methods and how many do not follow; --list prints each one with its file.
Exit code 1 when any does not follow.
"""
import os
import re
import sys

ANNOTATIONS = ("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "Property", "Example", "ArchTest")
ANNOTATION = re.compile(r"@(?:org\.junit\.jupiter\.api\.|net\.jqwik\.api\.)?(" + "|".join(ANNOTATIONS) + r")\b(?!\.)")
PART = re.compile(r"^[a-z][A-Za-z0-9]*$")
WORD = re.compile(r"^[a-z]+$")


def problems(name):
    """Why a test method name does not follow the style (empty when it does)."""
    why = []
    parts = name.split("_")
    if len(parts) < 2:
        why.append("no underscore")
    if any(not PART.match(p) for p in parts):
        why.append("a part that is not lowerCamel")
    if len(parts) >= 3 and sum(1 for p in parts if WORD.match(p)) >= 3:
        why.append("snake_case sentence")
    if any(re.search(r"[a-z0-9]When[A-Z]", p) and not p.startswith("evenWhen") for p in parts):
        why.append("condition not in a _when part of its own")
    if re.match(r"^(test|should)[A-Z_]", name):
        why.append("test/should prefix")
    return why


def test_methods(path):
    """(line, name) of every test method in a Java file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found = []
    for match in ANNOTATION.finditer(text):
        rest = text[match.end():]
        # skip the annotation's arguments, further annotations and modifiers up to the declaration
        depth = 0
        i = 0
        while i < len(rest):
            c = rest[i]
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif depth == 0 and c in "{;=":
                break
            i += 1
        # string literals first: a parenthesis inside one ("decimal(s)") must not end an annotation's arguments
        declaration = re.sub(r'"(?:[^"\\]|\\.)*"', '""', rest[:i])
        declaration = re.sub(r"@\w+(\.\w+)*(\([^)]*\))?", " ", declaration)
        if "=" == rest[i:i + 1] or ";" == rest[i:i + 1]:
            continue  # an @ArchTest field
        method = re.search(r"(\w+)\s*\(", declaration)
        if method:
            found.append((text.count("\n", 0, match.start()) + 1, method.group(1)))
    return found


def main(argv):
    listing = "--list" in argv
    modules = [a.rstrip("/") for a in argv if not a.startswith("--")]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if not modules:
        modules = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d, "src", "test")))
    total = bad_total = 0
    for module in modules:
        methods = bad = 0
        lines = []
        for directory, _, files in os.walk(os.path.join(root, module, "src", "test")):
            for file in sorted(files):
                if not file.endswith(".java"):
                    continue
                path = os.path.join(directory, file)
                for line, name in test_methods(path):
                    methods += 1
                    why = problems(name)
                    if why:
                        bad += 1
                        lines.append("  %s:%d %s (%s)" % (os.path.relpath(path, root), line, name, ", ".join(why)))
        total += methods
        bad_total += bad
        print("%-22s %4d test methods, %4d not following the style" % (module, methods, bad))
        if listing:
            print("\n".join(lines))
    print("%-22s %4d test methods, %4d not following the style" % ("total", total, bad_total))
    return 1 if bad_total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
