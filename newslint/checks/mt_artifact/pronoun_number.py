"""NL404: "He" or "She" where the people just described are plural."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import pos, zipf
from ...text.calendar import CALENDAR_WORDS
from ..capitalization._names import case_bytes

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
        bad("The sources said the plan was dropped. He said the banks were not told.", "He said the banks",
            note="a plural speaker before; the names and places inside what they said are not people"),
        bad("Union sources said on Monday the strike would go on. They said members voted late. "
            "She said the vote was close.", "She said the vote",
            note="a person named before the group took over (two sentences about the group) is no "
                 "longer the one a pronoun points to"),
        bad("The lawyers met the court on Monday. His clients want the case heard in May.", "His clients",
            note="a possessive that should be \"Their\""),
        good("Traders said prices fell. One dealer said the fall was overdone. He expects a rebound."),
        good("Analysts said the bank would report a loss, its spokesman said. He declined to comment."),
        good("The directors met on Monday, Sen. Ann Cole said. She said the vote was close."),
        good("Walsh said the talks were useful. The banks agreed to wait. He said they would meet again."),
        good("Investors sold the shares. He said the market was nervous, Mark Zurack of Goldman said."),
        good("House Speaker Jim Wright is lobbying for the plan, congressional sources said. He is "
             "backing a half and half plan.", note="a named person is the subject; the sources only speak"),
        good("The cells were studied. Vaughan began to wonder whether they mattered. He and Herbert "
             "infected mice."),
        bad("Talks in South Korea stalled. South Korea cut loans to exporters. The banks said they would "
            "wait. She said rates would rise.", "She said rates",
            note="a place opening a sentence is no person: \"South Korea\" is written after \"in\""),
        good("Secretary General Javier Perez de Cuellar has proposed an inquiry, diplomatic sources "
             "said. His plan was delivered last week."),
        good("Marks steps down as chairman in March, Marks said. He will stay on the board.",
             note="a capitalised plural-looking word the article uses as a name is a person"),
    ],
)
def pronoun_number(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A sentence starts with "He"/"She" (or "His"/"Her") right after a plural group was described.

    What it does:
        Flags a sentence that opens with a singular pronoun when the antecedent a reader looks
        for, the group of the sentence before, is plural and no single person could be meant.
        The small grammar of who the antecedent can be:

        * the sentence before is about a group: it opens with "They", its subject (the words
          before the first verb) has a plural head noun ("The detainees were", "Some Japanese
          trading houses ... may"), or a plural speaker says it ("..., oil industry sources
          said.");
        * a single person is a possible antecedent when the sentences before name one: a
          personal pronoun (he, his, she, her), a title and a name ("Sen. Cole", "Mr. Tan"), a
          named speaker ("Walsh said", "said Mark Zurack", a role and a name: "oil minister
          Hisham Nazer"), a singular speaker by role ("one dealer said", "a spokesman said");
          or the pronoun's own sentence ends by naming its speaker ("..., Tom Smith said");
        * how far back a person still counts: three sentences, but when the two sentences
          before are both about the group, only those two (the group has taken over);
        * names that are not speakers (places, companies, people talked about inside what the
          group said: "The sources said Romero urged ...") do not count: a pronoun that opens
          a sentence refers to a subject, not to someone mentioned.

        A "He"/"She" followed by a verb only a plural subject takes ("He are", "She have
        been") is flagged whatever comes before.

    Why it matters:
        Machine translation from languages without grammatical number (or with a dropped
        subject) turns "they" into "he". The reader is told about one man where there were 250.
    """
    if not any(opener in article.text for opener in _OPENERS):
        return  # no sentence can open with one: nothing to judge (most articles), no list built
    sentences = [s for p in article.layout.prose for s in article.sentences_of(p)]
    # Only a sentence opening with "He", "She", "His" or "Her" is judged: the article's names
    # are read only when there is one, its places only when a subject's first word asks.
    opening = [i for i in range(1, len(sentences)) if sentences[i].text.startswith(_OPENERS)]
    if not opening:
        return
    names = _names_in(article)
    places = _LazyPlaces(article)
    for i in opening:
        s = sentences[i]
        if article.in_quote(s.start):
            continue
        pronoun = s.text.split()[0]
        if s.text.split()[1:2] == ["and"]:
            continue  # "He and Herbert infected mice": a plural subject
        plural_form = _PLURAL_FORM[pronoun]
        if pronoun in ("He", "She") and _PLURAL_VERB.match(s.text):
            # "He are", "She have been": the verb still agrees with the "They" it replaced.
            yield Hit(s.start, s.end,
                      f"\"{pronoun}\" takes a plural verb here: probably \"They\" (a pronoun-number "
                      "slip typical of machine translation)",
                      suggestion="They" + s.text[len(pronoun):], confidence=0.8)
            continue
        prev = sentences[i - 1]
        if prev.paragraph < s.paragraph - 1 or article.in_quote(prev.start) or not _about_group(prev.text, names, places):
            continue
        run = i - 2 >= 0 and sentences[i - 2].paragraph >= s.paragraph - 2 and \
            _about_group(sentences[i - 2].text, names, places)
        window = [sentences[j].text for j in range(max(0, i - (2 if run else _WINDOW)), i)]
        if any(_one_person(text, names, places) for text in window) or _END_SPEAKER.search(s.text):
            continue  # a single person was just mentioned: the pronoun may well be that person
        yield Hit(s.start, s.end,
                  f"\"{pronoun}\" follows a plural group (\"{prev.text.split()[0]} ...\") with no single "
                  f"person named: probably \"{plural_form}\" (a pronoun-number slip typical of machine "
                  "translation)",
                  suggestion=plural_form + s.text[len(pronoun):], confidence=0.7)


_OPENERS = ("He ", "She ", "His ", "Her ")
_PLURAL_FORM = {"He": "They", "She": "They", "His": "Their", "Her": "Their"}
#: "He"/"She" followed by a verb form that only a plural subject takes.
_PLURAL_VERB = re.compile(r"(?:He|She) (?:(?:also|still|now|never|then|all) )?(?:are|were|have|do|don't|"
                          r"aren't|weren't|haven't)\b(?! (?:to|been)\b)")
#: How many sentences back a single person could still be the "He".
_WINDOW = 3
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Sir|Lady|Lord|Dame|Prince|Princess|King|Queen|"
                    r"Pope|President|Chancellor)\b\.? ?[A-Z]")
#: Nouns of people that take "they" though they look singular ("the team are", "the crew").
_PEOPLE = frozenset("people men women children police staff personnel clergy team crew couple family panel "
                    "jury".split())
#: Verbs of saying: their subject (or the name after them) is a speaker.
_SAY = r"(?:said|says|told|added|noted|wrote|stressed|explained|argued|declined|reiterated|predicted|insisted)"
#: A speaker word: "Walsh said", "Tokayev noted", "said Smith", "Zurack of Goldman said".
_SPEAKER = re.compile(r"\b([A-Z][a-z]+)(?:’s|'s)?,? " + _SAY + r"\b|\b(?:said|says|told|added) ([A-Z][a-z]+)\b")
#: A singular speaker by role: "one dealer said", "a company spokesman said", "the source told".
_ROLE_SPEAKER = re.compile(r"\b(?:a|an|one|another|the|its|their|his|her|our)\s+(?:[\w-]+\s+){0,3}?([a-z]+) " + _SAY + r"\b")
#: The pronoun's own sentence names its speaker at the end: "..., Tom Smith said."
_END_SPEAKER = re.compile(r", (?:(?:[a-z]+ )?[A-Z][a-z]+ )+(?:said|says|told)\b[^,]*\.?[\"”]?$|"
                          r", (?:said|says) [A-Z][a-z]+")
#: "John M. Ford": a middle initial makes a person's name.
_INITIAL_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+")
#: Endings of role nouns that introduce a person's name ("minister", "spokesman", "director").
_ROLE_ENDINGS = ("er", "or", "ist", "ent", "man", "woman", "person", "ary", "ant", "ive")
_SINGULAR = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_PARTICLES = frozenset("de del della da di van von der den la le al el bin ibn ben st".split())
_COMPANY = frozenset("Inc Corp Co Ltd Plc AG SA NV Group Bank Company Corporation Holdings".split())
#: Months and weekdays open sentences ("August Dubai was discussed") but name no person.
_CALENDAR = CALENDAR_WORDS
_QUANTIFIERS = frozenset("some many most both all others several few".split())
#: "SEOUL, April 4 - ", "LONDON (Reuters) - ": a dateline is not the sentence's subject.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,[^-—–\n]{2,40})?(?:\s*\([A-Za-z. ]{2,20}\))?\s*[-—–]{1,2}\s")
_NOT_PEOPLE = frozenset("they we it this that these those there some many others all both most".split())


#: ``(?<=[a-z,] )([A-Z][a-z]+)\b`` with the capital consumed before the look-behind, so that re
#: skips to capitals in C (same matches).
_NAME_AFTER_LOWER = re.compile(r"[A-Z](?<=[a-z,] [A-Z])[a-z]+\b")
#: ``_NAME_AFTER_LOWER`` for the article's ``case_bytes`` (capitals are "U"): the same spans.
_NAME_AFTER_LOWER_BYTES = re.compile(rb"U(?<=[a-z,] U)[a-z]+\b")
#: ``\b(?:in|from|...) ((?:[A-Z][a-z]+ )*[A-Z][a-z]+)\b`` started at the name's capital: re skips
#: to capitals in C and tests the preposition behind (same groups).
_PLACE_WORDS = ("in", "from", "to", "at", "across", "throughout", "into", "near")
#: The first look-behind, the last letter of every place word before the space, turns most
#: capitals away with one test instead of eight.
_AFTER_PLACE_WORD = re.compile(
    r"([A-Z](?<=[" + "".join(sorted({w[-1] for w in _PLACE_WORDS})) + r"] [A-Z])(?:"
    + "|".join(rf"(?<=\b{w} [A-Z])" for w in _PLACE_WORDS) + r")[a-z]+(?: [A-Z][a-z]+)*)\b")


def _names_in(article: Article) -> frozenset[str]:
    """Capitalised words the article writes mid-sentence (after a lowercase word or a comma):
    its names, whatever the lexicon says ("Marks", a surname, not the plural of "mark")."""
    def build(a: Article) -> frozenset[str]:
        raw = case_bytes(a)
        if raw is None:
            return frozenset(_NAME_AFTER_LOWER.findall(a.text))
        text = a.text  # the same spans in the shared bytes, where re skips to capitals by a byte search
        return frozenset(text[s:e] for s, e in map(re.Match.span, _NAME_AFTER_LOWER_BYTES.finditer(raw)))

    return article.memo("mt.pronoun_names", build)


def _places_in(article: Article) -> frozenset[str]:
    """Capitalised words the article writes after a preposition of place ("in Georgia", "from
    South Korea", "at Abu Dhabi"): places, not people, when they open a sentence."""
    def build(a: Article) -> frozenset[str]:
        out = {w for m in _AFTER_PLACE_WORD.finditer(a.text) for w in m.group(1).split()}
        dateline = _DATELINE.match(a.text.lstrip())
        if dateline:  # "KUWAIT, April 13 - Kuwait has agreed ...": the dateline names a place
            out.update(w.capitalize() for w in re.findall(r"[A-Z]{3,}", dateline.group(0)))
        return frozenset(out)

    return article.memo("mt.pronoun_places", build)


class _LazyPlaces:
    """:func:`_places_in` of an article, computed on the first membership test: only a
    sentence subject opening with a capitalised word the lexicon does not rule out asks (a
    scan of the whole text for capitals after prepositions, most articles never need it)."""

    __slots__ = ("_article", "_places")

    def __init__(self, article: Article) -> None:
        self._article = article
        self._places: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._places is None:
            self._places = _places_in(self._article)
        return word in self._places


def _tag(word: str, names: frozenset[str]) -> str:
    bare = word.strip(",.;:\"“”()")
    if bare[:1].isupper() and bare in names:
        return "NNP"
    return pos(bare) or pos(bare.lower()) or ""


def _subject(text: str, names: frozenset[str], places: Container[str] = frozenset()) -> str:
    """What the subject of a sentence (the words before its first verb) is: ``"plural"`` (a
    plural head: "The detainees were", "250 Venezuelan men", "Some Japanese trading houses with
    offices in the U.S. may"), ``"person"`` (a bare name, no determiner: "Takeshita has", "House
    Speaker Jim Wright is"), or ``"other"``."""
    text = _DATELINE.sub("", text, count=1)
    words = text.split()
    if not words:
        return "other"
    if words[0] == "They":
        return "plural"
    if words[0].lower() in _QUANTIFIERS and len(words) > 1 and \
            (words[1] == "of" or (pos(words[1]) or "").startswith(("VBD", "VBZ", "VBP", "MD", "RB"))):
        return "plural"  # "Some wore clothing ...", "Most had earlier dismissed ..."
    plural = person = noun = False
    first = 0
    if (pos(words[0].strip(",").lower()) or "").startswith(("RB", "CC", "IN", "WRB")):
        # "However, diplomats said ...", "If anything, the negotiations ...", "Across the U.S.,
        # people who ...": an opening phrase before the subject.
        first = next((k + 1 for k, w in enumerate(words[:7]) if w.endswith(",")), 0)
    for k, w in enumerate(words[first:8], start=first):
        bare = w.strip(",.;:\"“”()")
        tag = _tag(bare, names)
        low = bare.lower()
        capital_run = k > first and words[k - 1][:1].isupper() and \
            words[k - 1].strip(",").lower() not in ("the", "a", "an", "this", "that", "its", "their")
        if low in _PEOPLE or (tag == "NNS" and not bare[:1].isupper()) or \
                (tag == "NNS" and k == first and bare not in names):
            plural, person, noun = True, False, True  # the head is the last noun before the verb
        elif bare[:1].isupper() and bare.isalpha() and (k == first or capital_run) and \
                low not in _NOT_PEOPLE and not tag.startswith(("DT", "IN", "CC", "RB", "PRP", "JJ", "CD")):
            plural, noun = False, True
            # A person's name: several capitalised words ("Herbert Edelman"), or one that is no
            # common word ("Takeshita has"); "Trade at the exchange", "Hibernation would" are not.
            person = (person and capital_run) or (k == first and bare not in places and not bare.isupper() and
                                                   bare not in _CALENDAR and (
                zipf(low) < 2.8 or (bare in names and zipf(low) < 4.0)
                or (k + 1 < len(words) and words[k + 1][:1].isupper() and words[k + 1].strip(",").isalpha())))
        elif tag.startswith("NN") and noun and not bare[:1].isupper():
            plural = person = False  # "the workers' union": a singular head after all
        elif (tag.startswith(("VB", "MD")) and tag != "VBG" and (tag != "VBN" or noun)) or low in ("said", "say"):
            break
        elif low in _PARTICLES and person:
            pass  # "Javier Perez de Cuellar", "Abdul Aziz bin Salman"
        else:
            person = person and tag.startswith("NN")
        if w.endswith(","):
            break  # an apposition or a clause starts: the subject is over
    return "plural" if plural else "person" if person else "other"


def _about_group(text: str, names: frozenset[str], places: Container[str]) -> bool:
    """Whether a sentence is about a plural group: it opens with "They", its subject is plural,
    or (its subject being no person) a plural speaker closes it ("..., oil industry sources
    said.")."""
    subject = _subject(text, names, places)
    if subject != "other":
        return subject == "plural"
    for end in _GROUP_SPEAKER.finditer(text):
        word = end.group(1) or end.group(2)
        if pos(word) == "NNS" or word in _PEOPLE:
            return True  # "..., oil industry sources said.", "Once the talks end, analysts said ..."
    return False


#: A speaker closing the sentence or opening its main clause after a comma.
_GROUP_SPEAKER = re.compile(r"\b([a-z]+) (?:said|say|told|reported|added)\.[\"”]?$|, (?:[a-z]+ ){0,2}?([a-z]+) "
                            r"(?:said|say)\b")


def _one_person(text: str, names: frozenset[str], places: Container[str]) -> bool:
    """Whether ``text`` mentions a single person a "He"/"She" could refer to."""
    text = _DATELINE.sub("", text, count=1)
    if _SINGULAR.search(text) or _TITLE.search(text) or _INITIAL_NAME.search(text) or \
            _subject(text, names, places) == "person":
        return True
    for m in _SPEAKER.finditer(text):
        word = m.group(1) or m.group(2)
        if word.lower() in _NOT_PEOPLE or word in _COMPANY:
            continue  # "Woolcott and Co Inc, said": a company, not a person
        if m.start() == 0 and word not in names and not (pos(word) or "").startswith("NNP") and \
                zipf(word.lower()) >= 4.0:
            continue  # "Officials said", "Prices said": a common word opening the sentence
        tag = pos(word) or ""
        if tag in ("NNS", "NNPS", "PRP") or (tag == "" and (pos(word.lower()) or "") == "NNS"):
            continue  # "Traders said", "Diplomats said": a group
        return True
    for m in _ROLE_SPEAKER.finditer(text):
        after = text[m.end():].split()[:1]
        if after and (pos(after[0].strip(",.")) or "").startswith("NN"):
            continue  # "a five pct value added sales tax": no verb of saying
        if (pos(m.group(1)) or "").startswith("NN") and pos(m.group(1)) != "NNS":
            return True  # "one dealer said", "a company spokesman said"
    words = text.split()
    for k in range(1, len(words) - 1):  # a role and a name: "oil minister Hisham Nazer"
        a, b = words[k], words[k + 1]
        if a[:1].isupper() and b[:1].isupper() and a.isalpha() and not a.isupper() and \
                words[k - 1].islower() and words[k - 1].endswith(_ROLE_ENDINGS) and zipf(a.lower()) < 4.5:
            return True
    return False
