"""Which of the dossier languages a text is written in, from word frequencies.

No model: each word's Zipf frequency in each candidate language (wordfreq, Speer et al.) is
summed and the language with the highest total wins. Enough to tell Turkish from English,
French, German and Russian in a paragraph; not meant for a sentence or a mixed page.
"""

from __future__ import annotations

import re
from collections import Counter

from wordfreq import zipf_frequency

CANDIDATES = ("tr", "en", "fr", "de", "ru")
_WORD = re.compile(r"[^\W\d_]{2,}")


def detect_language(text: str, sample: int = 400) -> str:
    """The likeliest language code, or "" for a text with too few words to tell."""
    words = Counter(w.lower() for w in _WORD.findall(text[:20000]))
    common = [w for w, _ in words.most_common(sample)]
    if len(common) < 5:
        return ""
    if sum(1 for w in common if re.search(r"[а-яё]", w)) > len(common) / 2:
        return "ru"
    scores = {lang: sum(zipf_frequency(w, lang) for w in common) for lang in CANDIDATES
              if lang != "ru"}
    return max(scores, key=lambda lang: scores[lang])
