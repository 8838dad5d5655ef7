"""The same key normalisation as Marsad.Text.ArabicNormalizer, for the compile scripts."""
import re
import unicodedata

_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")
_MAP = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "ء", "ئ": "ء", "ک": "ك", "ی": "ي"})
# Words that begin like the article but are not article + stem.
ARTICLE_LIKE = {"الله", "الذي", "التي", "الذين", "الا", "الي", "الان"}


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text) if any("\uFB50" <= c <= "\uFEFF" for c in text) else text
    text = _DIACRITICS.sub("", text).translate(_MAP)
    text = "".join(chr(ord(c) - 0x0660 + 48) if "\u0660" <= c <= "\u0669" else c for c in text)
    return re.sub(r"\s+", " ", text.replace("\u00A0", " ")).strip().lower()


def bare_word(word: str) -> str:
    """A normalised word without the article (and ل+ال fused as لل)."""
    if word in ARTICLE_LIKE:
        return word
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


def bare(phrase: str) -> str:
    """A normalised phrase with the article taken off every word: the key the matcher builds from tokens."""
    return " ".join(bare_word(w) for w in normalize(phrase).replace("«", " ").replace("»", " ").split())
