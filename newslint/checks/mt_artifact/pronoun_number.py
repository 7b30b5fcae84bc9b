"""NL404: "He" or "She" where the people just described are plural."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import pos, zipf

_SINGULAR = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_PLURAL_PEOPLE = re.compile(
    r"\b(?:\d[\d,]*|dozens|hundreds|thousands|many|several|some)\s+(?:[A-Za-z-]+\s+){0,2}"
    r"(?:men|women|people|migrants|detainees|prisoners|workers|children|members|deportees|"
    r"Venezuelans|[A-Z][a-z]+ans|residents|officials|students|soldiers|refugees)\b"
)


@check(
    code="NL404",
    name="pronoun-number",
    category="mt_artifact",
    severity="warning",
    examples=[
        bad("Approximately 250 Venezuelan men were shackled and jailed.\n"
            "They were not allowed to speak to families. He never stepped out.",
            "He never stepped out."),
        bad("The detainees were moved at night. They were not allowed to call their families. "
            "He never stepped out of the cell.", "He never stepped out",
            note="a plural noun phrase as the subject before, no single person anywhere near"),
        bad("Mr. Tan met the families on Monday. She are due to appear in court on Friday.", "She are due",
            note="the verb still agrees with the plural subject the pronoun replaced"),
        good("He has been to Paris, and she was there too. He were to resign, the paper said."),
        good("The workers said the talks had failed. Union leader Ann Cole spoke later. She said a "
             "strike was likely."),
        good("Approximately 250 men were jailed. They were not allowed to speak to families. "
             "The warden said he never let them out."),
        good("The Smith brothers, two men from Ohio, sued. They lost. He appealed alone, Tom Smith "
             "said."),
    ],
)
def pronoun_number(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A sentence starts with "He" or "She" right after a plural group was described.

    What it does:
        Flags a sentence that opens with "He" or "She" when the sentence before is about a
        plural group (it opens with "They", or its subject is a plural noun phrase: "The
        detainees were ...", "250 Venezuelan men ...") and no single person (a he/she, a title,
        a name) appears in the three sentences before.

    Why it matters:
        Machine translation from languages without grammatical number (or with a dropped
        subject) turns "they" into "he". The reader is told about one man where there were 250.
    """
    sentences = [s for p in article.layout.prose for s in article.sentences_of(p)]
    for i in range(1, len(sentences)):
        s = sentences[i]
        if not s.text.startswith(("He ", "She ")) or article.in_quote(s.start):
            continue
        pronoun = s.text.split()[0]
        if _PLURAL_VERB.match(s.text):
            # "He are", "She have been": the verb still agrees with the "They" it replaced.
            yield Hit(s.start, s.end,
                      f"\"{pronoun}\" takes a plural verb here: probably \"They\" (a pronoun-number "
                      "slip typical of machine translation)",
                      suggestion="They" + s.text[len(pronoun):], confidence=0.8)
            continue
        prev = sentences[i - 1]
        if prev.paragraph < s.paragraph - 1 or not _plural_subject(prev.text):
            continue
        context = [sentences[j].text for j in range(max(0, i - _WINDOW), i)]
        joined = " ".join(context)
        if _SINGULAR.search(joined) or _TITLE.search(joined) or _person_named([*context, s.text]):
            continue  # a single person was just mentioned: "He" may well be that person
        yield Hit(s.start, s.end,
                  f"\"{pronoun}\" follows a plural group (\"{prev.text.split()[0]} ...\") with no single "
                  "person named: probably \"They\" (a pronoun-number slip typical of machine translation)",
                  suggestion="They" + s.text[len(pronoun):], confidence=0.7)


#: "He"/"She" followed by a verb form that only a plural subject takes.
_PLURAL_VERB = re.compile(r"(?:He|She) (?:(?:also|still|now|never|then|all) )?(?:are|were|have|do|don't|"
                          r"aren't|weren't|haven't)\b(?! (?:to|been)\b)")
#: How many sentences back a single person could still be the "He".
_WINDOW = 3
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord|Dame)\b\.?")
_GROUP_START = frozenset("the these those some many both all most several few other their our".split())


def _plural_subject(text: str) -> bool:
    """Whether a sentence is about a plural group: it opens with "They", or with a plural noun
    phrase, with or without a determiner or number ("The detainees were ...", "250 Venezuelan
    men were ...", "Many residents ...", "Government ministers told ...")."""
    words = text.split()
    if not words:
        return False
    if words[0] == "They" or (_PLURAL_PEOPLE.match(text) is not None):
        return True
    first = words[0].lower().rstrip(",")
    for w in words[:4] if first not in _GROUP_START and not first.replace(",", "").isdigit() else words[1:4]:
        bare = w.rstrip(",.;:")
        tag = pos(bare.lower()) or pos(bare) or ""
        if tag in ("NNS", "NNPS") or bare.lower() in ("people", "men", "women", "children", "police"):
            return True
        if not tag.startswith(("JJ", "NN", "VBN", "VBG", "CD")):
            return False
    return False


def _person_named(context: list[str]) -> bool:
    """A person's name in the sentences before: two capitalised words in a row, not a
    sentence's first word, introduced by a role ("oil minister Hisham Nazer", "spokesman John
    Roe": a lowercase noun in -er, -or, -ist, -ent, -man) or followed by a verb of saying
    ("Jane Smith said"), or one capitalised word as a speaker ("Claure said"). Names of places and companies ("Saudi Arabia", "Seiko Epson") are
    not people, so a capitalised pair alone is not enough."""
    for text in context:
        if _SPEAKER.search(text) or _INITIAL_NAME.search(text):
            return True
        lead = _LEAD_SPEAKER.match(text)
        if (lead and (pos(lead.group(1)) or "").startswith("NNP")) or (lead and zipf(lead.group(1)) < 4.0):
            return True  # "Wang said ...": a named speaker opening the sentence
        words = text.split()
        for k in range(1, len(words) - 1):
            a, b = words[k], words[k + 1]
            if not (a[:1].isupper() and b[:1].isupper() and a.isalpha() and not a.isupper()
                    and b.rstrip(",.;:'’s").isalpha() and not b.isupper()):
                continue
            before = words[k - 1]
            after = words[k + 2].lower().rstrip(",.;:") if k + 2 < len(words) else ""
            if before.islower() and before.endswith(_ROLE_ENDINGS):
                return True
            if after in ("said", "says", "told", "added", "wrote") or b.endswith(","):
                return True
    return False


#: One named speaker: "..., Claure said", "Tokayev noted", "said Smith" (a company may speak
#: too, but a "He" after a named speaker is most likely that speaker).
_SPEAKER = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+(?:’s|'s)? (?:said|says|noted|told|added|wrote|stressed|"
                      r"explained|argued)\b|\b(?:said|says|noted|added) [A-Z][a-z]+\b(?! [A-Z])")
_LEAD_SPEAKER = re.compile(r"([A-Z][a-z]+) (?:said|says|noted|told|added|wrote|stressed|explained|argued)\b")
#: "John M. Ford": a middle initial makes a person's name.
_INITIAL_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+")
#: Endings of role nouns that introduce a person's name ("minister", "spokesman", "director").
_ROLE_ENDINGS = ("er", "or", "ist", "ent", "man", "woman", "person", "ary", "ant", "ive")
