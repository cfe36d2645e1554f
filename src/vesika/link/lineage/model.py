"""The link model: a logistic regression over pair features, shipped as data.

The weights in `src/vesika/data/lineage_model.json` (and, for the optional embeddings,
`lineage_model_embeddings.json`) were fitted by `bench/fit_lineage.py` on
the *training* gold (tests/data/lineage/training.json: Virginia Declaration -> Déclaration de
1789 -> UDHR, Bill of Rights -> UDHR, the seed article's Turkish abstract -> its English one;
the links into the UDHR repeated for its Turkish and Russian texts), which no benchmark scores.
The default threshold is 0.5: a link is proposed when the model finds it more likely than not,
a rule fixed before any benchmark ran.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from vesika.link.lineage.features import EMBEDDING_FEATURE

DEFAULT_THRESHOLD = 0.5
MODEL_FILES = {False: "lineage_model.json", True: "lineage_model_embeddings.json"}


@dataclass(frozen=True)
class LinkModel:
    """Two logistic stages. The ranking stage reads only what a pair shares (concepts, words,
    n-grams, numbers); the final stage adds how the pair ranks by the first stage among the
    target's candidates and the source's. Both were fitted on the training gold."""

    weights: dict[str, float]
    intercept: float
    meta: dict[str, Any]
    ranking: dict[str, float] = field(default_factory=dict)
    ranking_intercept: float = 0.0

    def ranking_score(self, features: dict[str, float]) -> float:
        z = self.ranking_intercept + sum(w * features[f] for f, w in self.ranking.items())
        return 1.0 / (1.0 + math.exp(-z))

    @property
    def uses_embeddings(self) -> bool:
        return EMBEDDING_FEATURE in self.weights

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(w * features[f] for f, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {"schema": "vesika.lineage-model/2", "features": list(self.weights),
                "weights": self.weights, "intercept": self.intercept,
                "ranking": {"weights": self.ranking, "intercept": self.ranking_intercept},
                **self.meta}


def load_model(*, embeddings: bool = False) -> LinkModel:
    raw = json.loads(resources.files("vesika.data").joinpath(MODEL_FILES[embeddings])
                     .read_text(encoding="utf-8"))
    weights = {f: float(raw["weights"][f]) for f in raw["features"]}
    meta = {k: v for k, v in raw.items()
            if k not in ("schema", "features", "weights", "intercept", "ranking")}
    ranking = raw["ranking"]
    return LinkModel(weights, float(raw["intercept"]), meta,
                     {f: float(w) for f, w in ranking["weights"].items()},
                     float(ranking["intercept"]))
