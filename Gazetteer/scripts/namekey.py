"""A Python reading of PlaceMap's name folding (Sources/Places/NameKey.swift), for the build only.

The build uses it to decide that two records of one settlement (OpenStreetMap and GeoNames, or a hand row)
carry the same name. It follows the Swift rules step by step (articles, ayn and hamza marks, q/k, kh/h,
ch/sh, dh/d, th/t, gh/g, ph/f, dj/j, ck/k, every vowel to one class, the ta marbuta, doubled letters; in
Arabic script the alif forms, hamza carriers, ta marbuta, alif maqsura, tatweel and the article); a test
(Tests/PlacesTests/BuildFoldingTests.swift) checks that the two agree on every name of the bundled Syrian
settlements. It is not used at run time.
"""
import unicodedata

ARTICLES = {"al", "el", "il", "ul", "as", "ash", "es", "esh", "ad", "ed", "ar", "er", "at", "et", "an", "en",
            "az", "ez", "ath", "adh", "ud", "ut", "us", "ur", "un", "uz"}
MARKS = {0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2BD, 0x2BE, 0x2BF, 0x2018, 0x2019, 0x2032}
HYPHENS = {"-", "\u2010", "\u2011"}
# Latin letters that do not decompose (as LatinBase.swift maps them by hand).
SPECIAL = {"ı": "i", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
           "ħ": "h", "Ħ": "h", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"}
# Arabic script: letters folded to one form (NameKey.foldOtherScript).
ARABIC = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و", "ک": "ك", "ی": "ي",
          "ە": "ه", "ء": "", "ـ": ""}


def is_letter_or_digit(ch):
    cat = unicodedata.category(ch)
    return cat[0] in "LN" or (cat == "Mn" and False)


def latin_base(ch):
    """The ASCII base letters of a Latin letter with diacritics, or None for other scripts."""
    if ch in SPECIAL:
        return SPECIAL[ch]
    if ch.isascii():
        return ch.lower()
    d = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in d if unicodedata.category(c) != "Mn")
    if base and all(c.isascii() for c in base):
        return base.lower()
    return None


def scan(text):
    """The raw tokens of `text` (letters and digits; marks dropped; a possessive 's ends a word)."""
    tokens, cur = [], []
    i = 0
    while i < len(text):
        ch = text[i]
        o = ord(ch)
        if o in MARKS:
            if cur and i + 1 < len(text) and text[i + 1] in "sS" and (i + 2 >= len(text) or not is_letter_or_digit(text[i + 2])):
                tokens.append("".join(cur)); cur = []
                i += 2
                continue
        elif is_letter_or_digit(ch):
            cur.append(ch)
        elif unicodedata.category(ch) == "Mn":
            pass
        else:
            if cur:
                tokens.append("".join(cur)); cur = []
        i += 1
    if cur:
        tokens.append("".join(cur))
    return tokens


def fold_other_script(raw):
    out = []
    for ch in raw:
        if unicodedata.category(ch) == "Mn":
            continue
        if ch in ARABIC:
            out.append(ARABIC[ch])
            continue
        b = latin_base(ch)
        out.append(b if b is not None else ch.lower())
    folded = "".join(out)
    if folded.startswith("ال") and len(folded) > 3:
        folded = folded[2:]
    return folded


def fold_latin(c):
    digraphs = {"kh": "h", "ch": "sh", "dh": "d", "th": "t", "gh": "g", "ph": "f", "dj": "j", "ck": "k"}
    out, k = [], 0
    while k < len(c):
        pair = c[k:k + 2]
        if pair in digraphs:
            out.append(digraphs[pair]); k += 2
        elif c[k] == "q":
            out.append("k"); k += 1
        else:
            out.append(c[k]); k += 1
    s = list("".join(out))
    vowels = set("aeiou")
    for j, x in enumerate(s):
        if x in vowels:
            s[j] = "a"
        elif x == "y" and not (j + 1 < len(s) and s[j + 1] in vowels):
            s[j] = "a"
    if len(s) > 2 and s[-1] == "h" and s[-2] == "a":
        s.pop()
    m = []
    for x in s:
        if not m or m[-1] != x or x.isdigit():
            m.append(x)
    key = "".join(m)
    # Whole words spelled without their vowel where others write one: Kfar, Kfr are Kafr.
    return "kafr" if key in ("kfar", "kfr") else key


def fold_token(raw):
    """(key, is_article) of one raw token."""
    latin, other = [], False
    for ch in raw:
        if unicodedata.category(ch) == "Mn" or ord(ch) in MARKS:
            continue
        b = latin_base(ch)
        if b is None:
            other = True
        else:
            latin.append(b)
    if other:
        letters = "".join(ch for ch in raw if ord(ch) not in MARKS and unicodedata.category(ch) != "Mn")
        key = fold_other_script(letters)
        return key, letters == "ال"
    c = "".join(latin)
    if c in ARTICLES:
        return "-", True
    return fold_latin(c), False


def tokens(name):
    out = []
    for raw in scan(name):
        key, article = fold_token(raw)
        if not article and key:
            out.append(key)
    return out


def fold(name):
    """The folding key of `name` (NameKey.fold)."""
    return " ".join(tokens(name))
