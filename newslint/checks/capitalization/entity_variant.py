"""NL301: one name written with different capitalisation in one article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ...analysis.prose import chrome, sentence_start_offsets
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...text.tokens import looks_like_address, token_around
from ._names import CONNECTORS, name_runs, proper_nouns, title_words

#: Name particles written either way ("bin Laden" / "Bin Laden" at a sentence start).
PARTICLES = frozenset("bin ibn al van von da di du del le la".split())
#: Generic head nouns that house styles lowercase after a name ("Merseyside police").
GENERIC_HEADS = frozenset("""police force party university college school hospital court agency
    bureau union club team company group foundation institute association commission authority
    council service services department government administration ministry committee""".split())

#: Capitalised only because they start a sentence or heading: not part of the name after them.
LEADING_FUNCTION_WORDS = frozenset(
    """the a an in on at and but or for to of by with from as they we he she it i this that these
    those when while after before if so then there here what who why how his her their our my
    your its do does did is are was were be has have had not no yes also last next every each
    should would could can will may might must""".split()
)


@check(
    code="NL301",
    name="entity-variant",
    category="capitalization",
    severity="warning",
    fixable=True,
    options={"extra-names": []},
    examples=[
        bad("Officials at the Justice Department objected. Current and former justice Department "
            "officials agreed.", "justice Department", fixed="Officials at the Justice Department "
            "objected. Current and former Justice Department officials agreed."),
        bad("An agreement between the united States and Mexico was signed.", "united States"),
        bad("It sits in El Salvador. CECOT is el Salvador’s most secure prison.", "el Salvador"),
        good("Attorney General Pam Bondi spoke. The attorney general said little."),
        good("The Core of the Agreement\n\nThe core of the plan is simple."),
        good("Read more at newyork.example.com or follow @unitedstates."),
    ],
)
def entity_variant(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A name is written with different capitalisation in the same article.

    What it does:
        Collects the multi-word names the article writes capitalised mid-sentence ("Justice
        Department", "Centro de Confinamiento de Terroristas") and flags other spellings of the
        same words with different case ("justice Department"), suggesting the majority form.
        Also flags well-known names written in lowercase ("the united States", "el Salvador")
        from a data list (countries, US states, capitals, institutions). Titles that are
        correctly lowercase without a name ("the attorney general"), sentence starts, headings
        and addresses are left alone.

    Why it matters:
        A name in two cases looks careless and confuses search and entity extraction; a
        lowercased country is a typical trace of machine rewriting.

    Options:
        extra-names: more names to hold to one spelling (e.g. a newsroom's own brands).
    """
    text = article.text
    skip = chrome(article)
    starts = sentence_start_offsets(article)
    canonical: Counter[str] = Counter()
    for run in name_runs(article):
        para = article.paragraph_at(run.start)
        if para is None or para.index in skip or para.is_heading:
            continue
        words = run.text.split()
        while words and _leading_function_word(words[0]):
            words = words[1:]  # "The Bureau of Prisons" at a sentence start: the name is the rest
        if len(words) < 2 or words[-1].lower() in CONNECTORS or "I" in words:
            continue
        if all(w.lower() in title_words() or w.lower() in CONNECTORS for w in words):
            continue  # "Attorney General": a title, correctly lowercase when it stands alone
        canonical[" ".join(words)] += 1
    known = dict(proper_nouns())
    extra = {n.lower(): n for n in ctx.options.get("extra-names", [])}
    known.update(extra)
    for name in canonical:
        known.setdefault(name.lower(), name)
    matches = _find_names(text, known)
    seen_at: set[int] = set()
    for start, end in matches:
        written = text[start:end]
        want = known.get(written.lower())
        if want is None or written == want:
            continue
        if not _differs_in_content_word(written, want, start in starts):
            continue
        if not any(w[:1].isupper() for w in written.split()):
            continue  # all lowercase: a generic use ("a ranking member", "homeland security")
        para = article.paragraph_at(start)
        if para is None or para.index in skip or para.is_heading:
            continue
        tok_start, tok_end = token_around(text, start)
        if looks_like_address(text[tok_start:tok_end]) or start in seen_at:
            continue
        seen_at.add(start)
        elsewhere = canonical.get(want, 0)
        why = (f"written \"{want}\" elsewhere in this article" if elsewhere
               else f"a proper name, written \"{want}\"")
        yield Hit(start, end, f"\"{written}\" is {why}", suggestion=want,
                  confidence=0.9 if elsewhere else 0.85, fix=Fix.replace(start, end, want))


#: Contraction stems that open slogans and headlines ("Don’t Jerk and Drive", "We’re On It").
CONTRACTION_STEMS = frozenset("don won can let isn aren wasn weren doesn didn haven hasn".split())


def _leading_function_word(word: str) -> bool:
    """A word capitalised only by its position, contractions included ("We’re", "Don’t"), so
    that a capitalised slogan is not taken for a name."""
    lower = word.lower()
    stem = lower.replace("\u2019", "'").split("'")[0]
    return lower in LEADING_FUNCTION_WORDS or (stem != lower and (
        stem in LEADING_FUNCTION_WORDS or stem in CONTRACTION_STEMS))


def _find_names(text: str, known: dict[str, str]) -> list[tuple[int, int]]:
    """Case-insensitive occurrences of every name on word boundaries, longest name first at a
    position. ``str.find`` on the lowered text: no per-article regex to compile."""
    lower = text.lower()
    n = len(text)
    found: dict[int, int] = {}
    for key in known:
        i = lower.find(key)
        while i >= 0:
            end = i + len(key)
            before = text[i - 1] if i else " "
            after = text[end] if end < n else " "
            if not (before.isalnum() or before in "’'-") and not (after.isalnum() or after == "-"):
                if end - i > found.get(i, 0) - i:
                    found[i] = end
            i = lower.find(key, i + 1)
    spans = sorted(found.items())
    out: list[tuple[int, int]] = []
    last_end = -1
    for start, end in spans:
        if start >= last_end:
            out.append((start, end))
            last_end = end
    return out


def _differs_in_content_word(written: str, want: str, at_sentence_start: bool) -> bool:
    """A real case difference: a lowercase letter where the name has a capital (ignoring the
    first letter at a sentence start, connectors like "de", name particles like "bin", and a
    generic last word like "police" in "Merseyside police")."""
    pairs = list(zip(written.split(), want.split(), strict=False))
    for i, (a, b) in enumerate(pairs):
        if a == b:
            continue
        if i == 0 and at_sentence_start and a[:1].isupper():
            continue
        if (b.lower() in CONNECTORS and i > 0) or b.lower() in PARTICLES:
            continue
        if i == len(pairs) - 1 and i > 0 and a.lower() in GENERIC_HEADS:
            continue
        if a[:1].islower() and b[:1].isupper():
            return True
    return False


def _keep_spacing(written: str, want: str) -> str:
    """``want`` with the white space of ``written`` (a name may wrap over a line)."""
    parts = re.split(r"(\s+)", written)
    words = iter(want.split())
    return "".join(p if p.isspace() else next(words, p) for p in parts)

