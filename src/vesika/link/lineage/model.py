"""The link model: a logistic regression over pair features, shipped as data.

The weights in `src/vesika/data/lineage_model.json` were fitted by `bench/fit_lineage.py` on
the *training* gold (tests/data/lineage/training.json: Virginia Declaration -> Déclaration de
1789 -> UDHR, Bill of Rights -> UDHR), which no benchmark scores. The default threshold is 0.5:
a link is proposed when the model finds it more likely than not, a rule fixed before any
benchmark ran.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

from vesika.link.lineage.features import FEATURES

DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class LinkModel:
    weights: dict[str, float]
    intercept: float
    meta: dict[str, Any]

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights[f] * features[f] for f in FEATURES)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {"schema": "vesika.lineage-model/1", "features": list(FEATURES),
                "weights": self.weights, "intercept": self.intercept, **self.meta}


def load_model() -> LinkModel:
    raw = json.loads(resources.files("vesika.data").joinpath("lineage_model.json")
                     .read_text(encoding="utf-8"))
    weights = {f: float(raw["weights"][f]) for f in FEATURES}
    meta = {k: v for k, v in raw.items()
            if k not in ("schema", "features", "weights", "intercept")}
    return LinkModel(weights, float(raw["intercept"]), meta)
