"""Write the data dictionary (analysis.schema) to book/dictionary.md, which the methods page includes.

Usage: python tools/write_dictionary.py
The tests fail when the committed file differs from what this script writes.
"""
from analysis import ROOT
from analysis.schema import markdown

if __name__ == "__main__":
    path = ROOT / "book" / "dictionary.md"
    path.write_text(markdown(), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
