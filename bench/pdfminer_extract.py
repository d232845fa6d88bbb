#!/usr/bin/env python3
"""Bare character extraction with pdfminer.six (the engine under pdfplumber), for bench/pdf.mjs.

Reads every page of each PDF given, collects its LTChar objects (text and position) through the
high-level API without layout analysis (laparams=None), and prints one JSON line:
{"pages": N, "chars": N, "maxrss_kb": N}. Debian: apt-get install python3-pdfminer.
"""
import json
import resource
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar


def chars_of(obj, out):
    if isinstance(obj, LTChar):
        out.append((obj.get_text(), obj.x0, obj.y0, obj.x1, obj.y1))
        return
    for child in getattr(obj, "_objs", None) or []:
        chars_of(child, out)


def main(paths):
    pages = 0
    chars = 0
    for path in paths:
        for page in extract_pages(path, laparams=None):
            pages += 1
            found = []
            chars_of(page, found)
            chars += len(found)
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"pages": pages, "chars": chars, "maxrss_kb": maxrss}))


if __name__ == "__main__":
    main(sys.argv[1:])
