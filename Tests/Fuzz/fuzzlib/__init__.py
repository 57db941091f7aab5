"""PlaceMap's robustness tools (issue 15): a seeded mutation fuzzer and a kill test for `placemap`.

They build nothing: they run the built binary (`.build/debug/placemap`, or `PLACEMAP=`) on inputs they
write, and report crashes, hangs, errors that are not one line, injections and silent acceptances.
Standard library only. Entry point: `Tests/Fuzz/fuzz.py`.
"""
