"""Byte- and text-level mutations, each a function (rng, data) -> (data, name). They know nothing of the
format; the structure-aware ones (cells, JSON values, sentences) are in structured.py."""

import random
import re

# Counts no report or table could mean, and spellings a number parser may take or choke on.
NASTY_NUMBERS = ["99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                 "18446744073709551616", "1e308", "1e309", "-1e309", "4294967296", "1.5e19", "-1", "-0", "0",
                 "NaN", "nan", "Infinity", "-inf", "0x10", "1_000", "1,000,000,000,000,000,000,000",
                 "\u0661\u0662\u0663", "1e-400", "00000000000000000000000000000001", "9" * 400]
EXTREME_DATES = ["0001-01-01", "9999-12-31", "0000-00-00", "2020-02-30", "2020-13-01", "1969-12-31",
                 "2038-01-19", "-001-01-01", "99999-01-01", "2020-2-5", "2020-02-05T25:00", "1582-10-10"]
FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "=1+1", "+1+1", "-1+1", "@SUM(1,1)",
            "=cmd|' /C calc'!A0", "\t=1", "\r=1"]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\x9b"]
ANSI = ["\x1b[2J\x1b[H", "\x1b]0;fuzzed title\x07", "\x1b[31mred\x1b[0m", "\x1b[1A\x1b[K", "\x9b2J"]
NONCHARACTERS = ["\ufffe", "\uffff", "\ufffe\uffff", "\U0010ffff", "\ufdd0"]


def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data)) if data else 0


def _insert(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    # Half of the time at a line start or after a separator, where a parser looks first.
    if data and rng.random() < 0.5:
        stops = [m.end() for m in re.finditer(rb"[\n,:\" ]", data)]
        if stops:
            p = rng.choice(stops)
            return data[:p] + piece + data[p:]
    p = _pos(rng, data)
    return data[:p] + piece + data[p:]


def flip_bits(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return bytes(b), "flip-bits"


def random_bytes(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b), "random-bytes"


def insert_bytes(rng, data):
    return _insert(rng, data, bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))), "insert-bytes"


def delete_range(rng, data):
    if not data:
        return data, "delete-range"
    a = rng.randrange(len(data))
    return data[:a] + data[a + rng.randint(1, max(1, len(data) // 4)):], "delete-range"


def duplicate_range(rng, data):
    if not data:
        return data, "duplicate-range"
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 400))
    return data[:b] + data[a:b] * rng.randint(1, 20) + data[b:], "duplicate-range"


def truncate(rng, data):
    return data[:rng.randint(0, len(data))], "truncate"


def nul_bytes(rng, data):
    if rng.random() < 0.15:
        return b"\x00" * rng.randint(1, 4096), "all-nul"
    return _insert(rng, data, b"\x00" * rng.randint(1, 8)), "insert-nul"


def utf16(rng, data):
    text = data.decode("utf-8", "replace")
    le = rng.random() < 0.5
    bom = rng.random() < 0.5
    body = text.encode("utf-16-le" if le else "utf-16-be")
    mark = (b"\xff\xfe" if le else b"\xfe\xff") if bom else b""
    return mark + body, f"utf16{'le' if le else 'be'}-{'bom' if bom else 'nobom'}"


def noncharacters(rng, data):
    return _insert(rng, data, rng.choice(NONCHARACTERS).encode("utf-8", "surrogatepass")), "noncharacter"


def control_chars(rng, data):
    piece = "".join(rng.choice(CONTROLS) for _ in range(rng.randint(1, 3)))
    return _insert(rng, data, piece.encode("utf-8")), "control-chars"


def ansi_escape(rng, data):
    return _insert(rng, data, rng.choice(ANSI).encode("utf-8")), "ansi-escape"


def long_line(rng, data):
    size = rng.choice([10_000, 100_000, 1_000_000])
    piece = rng.choice([b"x", b"Saraqeb ", b"9", b",", b"\"", b"{", b"-"]) * (size // 2)
    return _insert(rng, data, piece[:size]), f"long-line-{size}"


def line_ends(rng, data):
    if rng.random() < 0.5:
        return data.replace(b"\n", b"\r\n"), "crlf"
    return data.replace(b"\n", b"\r"), "cr-only"


def byte_order_mark(rng, data):
    return b"\xef\xbb\xbf" * rng.randint(1, 3) + data, "utf8-bom"


def huge_number(rng, data):
    spans = [m.span() for m in re.finditer(rb"\d+(\.\d+)?", data)]
    if not spans:
        return _insert(rng, data, rng.choice(NASTY_NUMBERS).encode()), "huge-number"
    a, b = rng.choice(spans)
    return data[:a] + rng.choice(NASTY_NUMBERS).encode() + data[b:], "huge-number"


def extreme_date(rng, data):
    spans = [m.span() for m in re.finditer(rb"\d{4}-\d{2}-\d{2}", data)]
    if not spans:
        return data, "extreme-date"
    for _ in range(rng.randint(1, 3)):
        a, b = rng.choice(spans)
        piece = rng.choice(EXTREME_DATES).encode()
        data = data[:a] + piece + data[a + 10:]
        spans = [m.span() for m in re.finditer(rb"\d{4}-\d{2}-\d{2}", data)] or [(a, b)]
    return data, "extreme-date"


def formula_prefix(rng, data):
    words = [m.start() for m in re.finditer(rb"(?<=[,\"\n])[A-Za-z]", data)]
    p = rng.choice(words) if words else _pos(rng, data)
    return data[:p] + rng.choice(FORMULAS).encode() + data[p:], "formula-prefix"


BYTE_MUTATIONS = [flip_bits, random_bytes, insert_bytes, delete_range, duplicate_range, truncate, nul_bytes,
                  utf16, noncharacters, control_chars, ansi_escape, long_line, line_ends, byte_order_mark,
                  huge_number, extreme_date, formula_prefix]


def mutate_bytes(rng: random.Random, data: bytes, count: int) -> tuple:
    """`count` byte-level mutations stacked; returns the data and their names."""
    names = []
    for _ in range(count):
        data, name = rng.choice(BYTE_MUTATIONS)(rng, data)
        names.append(name)
    return data, names
