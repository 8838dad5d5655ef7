#!/usr/bin/env python3
"""List UniversalPetrarch's Arabic verb dictionary (CAMEO.ar.0.5.txt, MIT, machine-translated) as review candidates.

Prints, per CAMEO root, the lemmas that carry a code of that root on a verb line or in a pattern of their block.
The output is a checklist for curating src/Marsad.Core/Events/Data/triggers.tsv by hand: an entry taken from
it is marked `up` in the `prov` column (reviewed UP candidate, rewritten with our own forms and frames), every
other entry is `hand`. Nothing is loaded from UP at run time.

Usage: python3 tools/events/up_candidates.py [--root 18] [--shared ../shared]
"""
import argparse
import collections
import os
import re


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "shared"))
    ap.add_argument("--root", help="only this root (01-20)")
    a = ap.parse_args()
    path = os.path.join(a.shared, "data", "events", "arabic", "CAMEO.ar.0.5.txt")
    block = None
    codes = collections.defaultdict(lambda: collections.defaultdict(set))
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^--- (\S+) \[(.*?)\] ---", line)
            if m:
                block = m.group(1)
                continue
            if block is None or line.startswith("#") or not line.strip():
                continue
            if line.startswith("-"):
                m = re.search(r"\[(\d+)\]", line)
                if m:
                    codes[m.group(1)[:2]][block].add(m.group(1))
            else:
                m = re.match(r"^(\S+)\s+(?:\[(\d+)\])?", line)
                if m and m.group(2):
                    codes[m.group(2)[:2]][m.group(1)].add(m.group(2))
    for root in sorted(codes):
        if a.root and root != a.root.zfill(2):
            continue
        items = ", ".join(f"{lemma} {'/'.join(sorted(c))}" for lemma, c in sorted(codes[root].items()))
        print(f"{root}: {items}")


if __name__ == "__main__":
    main()
