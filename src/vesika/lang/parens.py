"""Parenthesised stretches of text: where historians put references and asides."""

from __future__ import annotations

# A parenthesis still open this many characters on is taken to be unbalanced (a stray `(`),
# not a reference: nothing after it is treated as enclosed.
LIMIT = 600


def parenthesized(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Outermost `( … )` spans of `text[start:end]`, nesting allowed (`(…, S. 174 (1980), …)`),
    as (start, end) offsets in `text`, in order."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    depth = opened = 0
    for i in range(start, stop):
        ch = text[i]
        if ch == "(":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0 and i - opened <= LIMIT:
                spans.append((opened, i + 1))
        elif depth and i - opened > LIMIT:
            depth = 0
    return spans
