"""Train and evaluate the page-furniture line model (``newslint/analysis/data/furniture_model.json``).

Distant supervision on real news pages (``../shared/corpus/html`` and ``html-more``):

1. the page's visible text is cut into lines at block elements (``p``, ``div``, ``li``, ``h1``...),
   scripts and styles dropped, the way a scraper flattens a page;
2. a line whose words are in the page's ground-truth article body (``manifests/*.jsonl``: the
   scrapinghub ``articleBody``, the newspaper test's expected text; trafilatura's extraction for the
   trafilatura evaluation pages, which have none) is ARTICLE; a line with none of its words there is
   FURNITURE; lines in between, the headline and the byline are left out;
3. only the region a scraper keeps is used: from 15 lines above the first body line to 25 below the
   last one (the menus and footers farther out are easy and would flatter the figures).

Evaluation is leave-one-site-out (a site = the page's domain): each site's lines are scored by a
model trained on the other sites. The threshold is chosen on those held-out scores for precision
(the lowest threshold whose pooled precision is >= 0.95), and precision/recall are reported per
furniture kind (:func:`newslint.analysis.furniture.kind_of`). The final model is trained on every
site; only its weights are written, as JSON.

Needs scikit-learn (not a newslint dependency)::

    .venv/bin/pip install scikit-learn
    .venv/bin/python benchmarks/furniture_model.py --corpus ../shared/corpus \
        --out newslint/analysis/data/furniture_model.json --report /tmp/furniture_model.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

from newslint.analysis.furniture import kind_of, line_features, normalise
from newslint.analysis.layout import LayoutSettings, phrase_match
from newslint.article import Article

BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul button label option select caption".split())
DROP = "//script|//style|//noscript|//template|//head|//svg|//iframe|//select"
ABOVE, BELOW = 15, 25
_WS = re.compile(r"\s+")


def page_lines(data: bytes) -> tuple[list[str], set[str]]:
    """Visible text lines of a page, and the normalised texts of its ``h1``/``title`` (the headline)."""
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        return [], set()
    titles = {normalise(t.text_content()) for t in tree.xpath("//title|//h1")}
    for bad in tree.xpath(DROP):
        bad.drop_tree()
    out: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(cur)).strip()
        if text:
            out.append(text)
        cur.clear()

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in BLOCK:
            flush()
        if el.text and tag:
            cur.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                cur.append(child.tail)
        if tag in BLOCK:
            flush()

    walk(tree)
    flush()
    return out, titles


def site_of(row: dict) -> str:
    url = row.get("url_if_known")
    if url:
        host = urlparse(url).netloc.lower()
        return host[4:] if host.startswith("www.") else host
    rid = row["id"]
    if rid.startswith("np-"):
        return re.sub(r"\d+$", "", rid[3:]).removeprefix("www.")
    return rid.split("-")[1] if rid.startswith("traf-") else rid


def ground_truth(row: dict, corpus: Path, data: bytes) -> str | None:
    if row.get("ground_truth"):
        return row["ground_truth"]
    if row.get("ground_truth_text_in"):
        return (corpus / row["ground_truth_text_in"]).read_text(encoding="utf-8")
    import trafilatura

    return trafilatura.extract(data, include_comments=False, include_tables=False)


def label_page(lines: list[str], titles: set[str], body: str) -> list[int | None]:
    """1 furniture, 0 article, None left out (partly in the body, the headline, a byline)."""
    body_words = set(normalise(body).split())
    body_norm = " " + normalise(body) + " "
    labels: list[int | None] = []
    for line in lines:
        norm = normalise(line)
        words = norm.split()
        if not words:
            labels.append(None)
            continue
        if norm in titles or re.match(r"^(?:by|written by)\s", norm):
            labels.append(None)
        elif len(words) >= 3 and f" {norm} " in body_norm:
            labels.append(0)
        else:
            share = sum(w in body_words for w in words) / len(words)
            if len(words) >= 4 and share >= 0.9:
                labels.append(0)
            elif share == 0.0 or (len(words) >= 6 and share < 0.3):
                labels.append(1)
            else:
                labels.append(None)
    return labels


def load_pages(corpus: Path) -> list[dict]:
    """Every English page with its window of labelled lines."""
    pages = []
    for manifest in ("html", "html-more"):
        for raw in (corpus / "manifests" / f"{manifest}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(raw)
            if row.get("ground_truth_english") is False:
                continue
            data = (corpus / row["file"]).read_bytes()
            body = ground_truth(row, corpus, data)
            if not body or len(body.split()) < 50:
                continue
            lines, titles = page_lines(data)
            labels = label_page(lines, titles, body)
            article = [i for i, lab in enumerate(labels) if lab == 0]
            if len(article) < 3:
                continue
            lo, hi = max(0, article[0] - ABOVE), min(len(lines), article[-1] + BELOW + 1)
            pages.append({"id": row["id"], "site": site_of(row), "lines": lines[lo:hi], "labels": labels[lo:hi]})
    return leave_out_template(pages)


def _template_key(text: str) -> str:
    return re.sub(r"\d+", "0", normalise(text))


def leave_out_template(pages: list[dict]) -> list[dict]:
    """Leave out the ground-truth lines that recur on their site (numbers folded): twice in one
    page or once on each of two pages ("UK news in pictures" under every photo, "Get it on Amazon
    for $139", "BGR may receive a commission"). Article text does not repeat itself; a template
    does, and these are template lines the ground truth failed to remove, so labelling them
    article would count the model's right answers as false furniture. Like partial overlaps, they
    are left out (neither article nor furniture)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for page in pages:
        counts[page["site"]].update(_template_key(t) for t, lab in zip(page["lines"], page["labels"], strict=True)
                                    if lab == 0)
    for page in pages:
        site = counts[page["site"]]
        page["raw_labels"] = list(page["labels"])
        page["labels"] = [None if lab == 0 and site[_template_key(t)] >= 2 else lab
                          for t, lab in zip(page["lines"], page["labels"], strict=True)]
    return pages


def tuning_half(name: str) -> bool:
    """The fixed tuning/checking split of the clean material: tuning when the first byte of the
    SHA-1 of the base name is even."""
    import hashlib

    return hashlib.sha1(name.encode()).digest()[0] % 2 == 0


def clean_pages(corpus: Path) -> list[dict]:
    """Every paragraph of the TUNING half of ``clean/`` and ``dev-clean/`` as article lines: edited
    copy has headings, rules and short sentences that pages' ground truth under-represents."""
    pages = []
    for folder in ("clean", "dev-clean"):
        for path in sorted((corpus / folder).glob("*.txt")):
            if not tuning_half(path.name):
                continue
            lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
            if lines:
                pages.append({"id": path.stem, "site": "clean:" + folder, "lines": lines, "labels": [0] * len(lines)})
    return pages


def featurise(pages: list[dict]) -> tuple[list[dict[str, float]], list[int], list[str], list[str], list[str]]:
    feats, ys, groups, kinds, texts = [], [], [], [], []
    for page in pages:
        lines = page["lines"]
        rows = line_features(lines, [phrase_match(t) for t in lines])
        for text, f, label in zip(lines, rows, page["labels"], strict=True):
            if label is None:
                continue
            feats.append(f)
            ys.append(label)
            groups.append(page["site"])
            kinds.append(kind_of(text) if len(text.split()) <= 40 else "furniture")
            texts.append(text)
    return feats, ys, groups, kinds, texts


def word_vocabulary(feats: list[dict[str, float]], groups: list[str], min_sites: int) -> set[str]:
    """Word features seen on at least ``min_sites`` sites (a word of one site would be fitted)."""
    sites: dict[str, set[str]] = defaultdict(set)
    for f, g in zip(feats, groups, strict=True):
        for name in f:
            if name.startswith("w="):
                sites[name].add(g)
    return {name for name, s in sites.items() if len(s) >= min_sites}


def fit(feats, ys, vocab, c: float):  # type: ignore[no-untyped-def]
    """A logistic regression on scaled dense features and raw word features (sparse)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [{k: v for k, v in f.items() if not k.startswith("w=") or k in vocab} for f in feats]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(rows).tocsc()
    names = vec.get_feature_names_out()
    dense = np.array([not n.startswith("w=") for n in names])
    # Dense features are scaled, not centred (centring would densify the matrix): the intercept
    # absorbs the means. Inference divides by the same scales.
    sq = np.asarray(x.multiply(x).mean(axis=0)).ravel()
    mean = np.asarray(x.mean(axis=0)).ravel()
    std = np.sqrt(np.maximum(sq - mean ** 2, 0.0))
    scales = np.where(dense & (std > 0), std, 1.0)
    x = x.multiply(1.0 / scales).tocsr()
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    clf.fit(x, ys)
    weights = dict(zip(names, clf.coef_[0].tolist(), strict=True))
    return {
        "bias": float(clf.intercept_[0]),
        "weights": {k: round(v, 5) for k, v in weights.items() if abs(v) >= 1e-4},
        "scales": {n: round(float(s), 6) for n, s, d in zip(names, scales, dense, strict=True) if d},
    }


def pr(pred: list[bool], ys: list[int]) -> tuple[float, float, int, int]:
    tp = sum(p and y for p, y in zip(pred, ys, strict=True))
    fp = sum(p and not y for p, y in zip(pred, ys, strict=True))
    fn = sum((not p) and y for p, y in zip(pred, ys, strict=True))
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp + fn, tp + fp


def read_verdicts(path: Path) -> dict[tuple[str, int], str]:
    """(page, line) -> verdict of the raw-label audit file."""
    return {(v["page"], v["line"]): v["verdict"]
            for v in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())}


def corrected(verdicts: dict[tuple[str, int], str], rows: list[dict]) -> float:
    """Precision on the raw labels with the flagged lines read as furniture counted right."""
    tp = sum(r["flagged"] and r["raw"] == 1 for r in rows)
    false = [r for r in rows if r["flagged"] and r["raw"] == 0]
    kept = sum(verdicts.get((r["page"], r["line"])) == "furniture" for r in false)
    return (tp + kept) / max(tp + len(false), 1)


def audit_lines(path: Path, rows: list[dict]) -> list[str]:
    """The raw-label precision corrected by reading: every held-out line NL110 flags that the raw
    labels call article has a verdict in ``path`` (``furniture``: page furniture the ground truth
    kept; ``article``; ``unclear``, counted as article). A flagged line with no verdict (read for
    another version of the layout) counts as article, so the figure is a lower bound."""
    verdicts = read_verdicts(path)
    tp = sum(r["flagged"] and r["raw"] == 1 for r in rows)
    false = [r for r in rows if r["flagged"] and r["raw"] == 0]
    kept = [r for r in false if verdicts.get((r["page"], r["line"])) == "furniture"]
    unread = [r for r in false if (r["page"], r["line"]) not in verdicts]
    wrong = len(false) - len(kept)
    return [f"raw labels corrected by reading ({path.name}): {len(false)} flagged lines the raw labels call article, "
            f"{len(kept)} read as furniture the ground truth kept, {wrong - len(unread)} article or unclear, "
            f"{len(unread)} unread (counted article): precision {(tp + len(kept)) / max(tp + len(false), 1):.3f}"]


def main(argv: list[str] | None = None) -> int:
    from newslint.analysis.furniture import FurnitureModel

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="../shared/corpus", type=Path)
    ap.add_argument("--out", type=Path, help="write the final model's weights here (JSON)")
    ap.add_argument("--report", type=Path, help="write the evaluation report here")
    ap.add_argument("--scores", type=Path, help="write the held-out score of every page line here (JSON)")
    ap.add_argument("--folds", type=int, default=10,
                    help="site-grouped folds; 0 = one per site (leave-one-site-out, slow)")
    ap.add_argument("--lint-threshold", type=float, default=0.75,
                    help="model probability the lint-time layout requires (shipped as the model's threshold)")
    ap.add_argument("--min-precision", type=float, default=0.95)
    ap.add_argument("--audit", type=Path, default=Path(__file__).parent / "page_verdicts" / "furniture-raw-labels.jsonl",
                    help="verdicts read on the raw-label false lines (page, line, verdict): furniture the ground "
                         "truth kept, article, or unclear; reported as the raw-label precision corrected by reading")
    ap.add_argument("--dump", type=Path, help="write every held-out lint-time verdict on a labelled line here "
                                              "(JSONL: page, line, label, raw label, flagged, evidence, text)")
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation strength")
    ap.add_argument("--min-sites", type=int, default=3)
    ap.add_argument("--clean-negatives", action=argparse.BooleanOptionalAction, default=True,
                    help="train also on the tuning half of clean/ and dev-clean/ as article lines")
    args = ap.parse_args(argv)

    pages = load_pages(args.corpus)
    feats, ys, groups, kinds, texts = featurise(pages)
    n_page_lines = len(ys)
    if args.clean_negatives:
        cf, cy, cg, ck, ct = featurise(clean_pages(args.corpus))
        feats, ys, groups, kinds, texts = feats + cf, ys + cy, groups + cg, kinds + ck, texts + ct
    sites = sorted({g for g in groups if not g.startswith("clean:")})
    out = [f"pages {len(pages)}, sites {len(sites)}, page lines {n_page_lines} (furniture {sum(ys)}, "
           f"article {n_page_lines - sum(ys)}); clean tuning-half lines in training: {len(ys) - n_page_lines}"]
    # Leave one site out.
    scores = [0.0] * len(ys)

    by_site: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_site[g].append(i)
    lint: list[tuple[bool, int, str]] = []
    #: (flagged, raw label) of every line with a raw label: template lines counted as article.
    lint_raw: list[tuple[bool, int]] = []
    dump: list[dict] = []
    dump_rows: list[dict] = []
    read = read_verdicts(args.audit) if args.audit and args.audit.exists() else {}
    fold_rows: list[str] = []
    # Folds of whole sites: with --folds 0 one fold per site (leave-one-site-out proper); else the
    # sites are dealt round-robin (largest first) into that many folds, each site held out entirely.
    n_folds = len(sites) if args.folds <= 0 else min(args.folds, len(sites))
    folds: list[list[str]] = [[] for _ in range(n_folds)]
    for k, site in enumerate(sorted(sites, key=lambda s_: -len(by_site[s_]))):
        folds[k % n_folds].append(site)
    for k_fold, fold in enumerate(folds):
        held = {i for site in fold for i in by_site[site]}
        n_lint, n_raw, n_rows = len(lint), len(lint_raw), len(dump_rows)
        train = [i for i in range(len(ys)) if i not in held]
        tf = [feats[i] for i in train]
        model = FurnitureModel({**fit(tf, [ys[i] for i in train],
                                      word_vocabulary(tf, [groups[i] for i in train], args.min_sites), args.c),
                                "threshold": args.lint_threshold})
        for i in held:
            scores[i] = model.score(feats[i])
        # The lint-time layout (phrases, shape, position and the gated model) with this fold's model.
        for page in pages:
            if page["site"] not in fold:
                continue
            article = Article("\n\n".join(page["lines"]))
            article.layout_settings = LayoutSettings(line_model=model)
            furniture_ = article.layout.furniture
            flagged = article.layout.furniture_indices
            assert len(article.paragraphs) == len(page["lines"])
            for j, raw in enumerate(page["raw_labels"]):
                if raw is not None:
                    lint_raw.append((j in flagged, raw))
                    dump_rows.append({"page": page["id"], "line": j, "raw": raw, "flagged": j in flagged})
                    if args.dump:
                        dump.append({"page": page["id"], "site": page["site"], "fold": k_fold + 1, "line": j,
                                     "label": page["labels"][j], "raw": raw, "flagged": j in flagged,
                                     "evidence": furniture_[j].evidence if j in flagged else None,
                                     "text": page["lines"][j]})
            for j, label in enumerate(page["labels"]):
                if label is not None:
                    lint.append((j in flagged, label, kind_of(page["lines"][j]) if len(page["lines"][j].split()) <= 40
                                 else "furniture"))
        # This fold's figures: its sites' lines, scored by a model and a layout that never saw them.
        held_sorted = sorted(held)
        mp, mr, mn, _ = pr([scores[i] >= args.lint_threshold for i in held_sorted], [ys[i] for i in held_sorted])
        fp_, fr_, _, _ = pr([x[0] for x in lint[n_lint:]], [x[1] for x in lint[n_lint:]])
        rp_, rr_, _, _ = pr([x[0] for x in lint_raw[n_raw:]], [x[1] for x in lint_raw[n_raw:]])
        read_ = f"; read: precision {corrected(read, dump_rows[n_rows:]):.3f}" if read else ""
        fold_rows.append(f"  fold {k_fold + 1:3}: {len(fold):3} sites, {mn:5} furniture lines; model at "
                         f"{args.lint_threshold}: precision {mp:.3f} recall {mr:.3f}; lint-time: precision {fp_:.3f} "
                         f"recall {fr_:.3f}; raw labels: precision {rp_:.3f} recall {rr_:.3f}{read_}")
    all_feats, all_ys, all_groups = feats, ys, groups
    # Evaluation is over page lines only (the clean lines are never held out).
    scores, ys, kinds, texts = scores[:n_page_lines], ys[:n_page_lines], kinds[:n_page_lines], texts[:n_page_lines]
    if args.scores:
        args.scores.write_text(json.dumps({"texts": texts, "ys": ys, "scores": scores, "sites": groups[:n_page_lines]}),
                               encoding="utf-8")
    # Threshold for precision.
    best = 0.99
    for t in [x / 200 for x in range(100, 200)]:
        p, r, _, _ = pr([s >= t for s in scores], ys)
        if p >= args.min_precision:
            best = t
            break
    pred = [s >= best for s in scores]
    p, r, n_true, n_pred = pr(pred, ys)
    out.append(f"held-out sites ({n_folds} site-grouped folds), model alone, threshold {best:.3f}: precision {p:.3f} recall {r:.3f} "
               f"(furniture lines {n_true}, flagged {n_pred})")
    for t in (0.5, 0.7, 0.8, 0.9, 0.95):
        pt, rt, _, _ = pr([s >= t for s in scores], ys)
        out.append(f"  at {t:.2f}: precision {pt:.3f} recall {rt:.3f}")
    lp, lr, ln, lf = pr([x[0] for x in lint], [x[1] for x in lint])
    out.append(f"lint-time layout (rules + gated model, threshold {args.lint_threshold}), held-out sites: precision {lp:.3f} recall {lr:.3f} "
               f"(furniture lines {ln}, flagged {lf})")
    rp, rr, rn, rf = pr([x[0] for x in lint_raw], [x[1] for x in lint_raw])
    out.append(f"lint-time layout on the raw labels (template lines counted as article): precision {rp:.3f} "
               f"recall {rr:.3f} (furniture lines {rn}, flagged {rf})")
    if args.audit and args.audit.exists():
        out += audit_lines(args.audit, dump_rows)
    out.append("per site-grouped fold (held-out sites of each fold):")
    out += fold_rows
    out.append("lint-time per kind (kind named by the line's words):")
    for kind in sorted({x[2] for x in lint}):
        sub = [x for x in lint if x[2] == kind]
        kp, kr, kn, kf = pr([x[0] for x in sub], [x[1] for x in sub])
        out.append(f"  {kind:11} furniture {kn:5}  flagged {kf:5}  precision {kp:.3f}  recall {kr:.3f}")
    out.append("per kind (kind named by the line's words; precision over lines flagged with that kind):")
    for kind in sorted(set(kinds), key=lambda k: -sum(1 for x, y in zip(kinds, ys, strict=True) if x == k and y)):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        pk, rk, nk, fk = pr([pred[i] for i in idx], [ys[i] for i in idx])
        out.append(f"  {kind:11} furniture {nk:5}  flagged {fk:5}  precision {pk:.3f}  recall {rk:.3f}")
    per_site = []
    for site in sites:
        idx = by_site[site]
        ps, rs, ns, _ = pr([pred[i] for i in idx], [ys[i] for i in idx])
        per_site.append((rs, site, ps, ns))
    out.append("weakest sites (recall, precision, furniture lines): " + ", ".join(
        f"{s} {r:.2f}/{p:.2f}/{n}" for r, s, p, n in sorted(per_site)[:10] if n))
    fps = [(scores[i], texts[i]) for i in range(len(ys)) if pred[i] and not ys[i]]
    out.append("highest-scored article lines (false furniture):")
    out += [f"  {s:.3f} {t[:100]}" for s, t in sorted(fps, reverse=True)[:25]]
    misses = Counter(kinds[i] for i in range(len(ys)) if ys[i] and not pred[i])
    out.append(f"missed furniture by kind: {dict(misses.most_common())}")
    final = fit(all_feats, all_ys, word_vocabulary(all_feats, all_groups, args.min_sites), args.c)
    final["threshold"] = args.lint_threshold
    final["meta"] = {"loso_threshold": best, "lint_loso_precision": round(lp, 4), "lint_loso_recall": round(lr, 4),"trained_on": f"{len(pages)} pages of {len(sites)} sites, {len(ys)} lines",
                     "loso_precision": round(p, 4), "loso_recall": round(r, 4), "c": args.c,
                     "script": "benchmarks/furniture_model.py"}
    report = "\n".join(out)
    if args.dump:
        args.dump.write_text("".join(json.dumps(row) + "\n" for row in dump), encoding="utf-8")
    print(report)
    if args.report:
        args.report.write_text(report + "\n", encoding="utf-8")
    if args.out:
        args.out.write_text(json.dumps(final, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
