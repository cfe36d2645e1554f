"""Language-aware text handling shared by the stages (search, matching)."""

from vesika.lang.fold import FOLD_VERSION, fold, fold_query, fold_with_offsets, tokens

__all__ = ["FOLD_VERSION", "fold", "fold_query", "fold_with_offsets", "tokens"]
