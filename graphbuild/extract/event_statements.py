"""Statements: one per speaker in a document unless their occasions differ, and who "he said" is.

The guidelines ask for one Statement per speaker and topic in an article: a news story quotes a speaker
over several paragraphs ("Michael Howard has said ..." in the lead, "In a speech in London on Monday,
Mr Howard said ..." further down) and all of it is one Statement carrying its quotes. Two statements of
one speaker stay apart only when each names an occasion of its own and the occasions share nothing: a
place ("said in Madrid" ... "speaking in Lisbon") or an event it was made at ("At three-way talks with
their Ukrainian counterpart, Blinken said ..." ... "Blinken, speaking Tuesday in London, said ...").
A statement that names no occasion (the lead seldom does) joins the speaker's other words, and a time
does not set two apart: "Chernomyrdin said on Friday ... said on Thursday after a meeting" about one peace
plan is one Statement.

Whose words a sentence holds: a speaker is never a name inside its own reported words ("the minister said
Mr Ford was 'misleading MPs'" is the minister's, not Ford's: :func:`speaker_outside_words`), and a speech verb
inside another speaker's reported words ("Ross said Lee had promised him a rise") is part of what that speaker
said, not a Statement of its own (:func:`drop_reported_speech`): one sentence, one speaker, unless the sentence
has two speakers side by side ("Lee denied it, but Ross said ...").

"..., he said" names the speaker by a pronoun; the name a pronoun resolves to is never one inside the
speaker's own reported words ("Tony Blair would be in the front line, he said" is not Blair speaking):
:func:`fix_quoted_speakers` moves such a speaker to the person named before the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import Hit
from graphbuild.model import Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from graphbuild.extract.common import EntityIndex
    from graphbuild.extract.events import Candidate

#: The clause of a speech verb that holds what was said.
#: Event nouns a statement is made at ("at three-way talks", "told a news conference", "in a speech").
_OCCASIONS: Final = frozenset(
    {"talk", "talks", "meeting", "summit", "conference", "negotiation", "rally", "hearing", "session", "debate",
     "speech", "interview", "briefing", "visit", "trip", "ceremony", "congress", "convention", "forum"}
)
_SETTING_PREPS: Final = frozenset({"at", "during", "in", "after", "before"})
_CONTENT_DEPS: Final = frozenset({"ccomp", "parataxis", "xcomp"})
_PRONOUN_SEX: Final = {"he": "m", "she": "f"}
#: How far before a "he said" sentence its speaker may be named (tokens).
_REACH: Final = 80
#: Nouns for an unnamed speaker ("a spokesman for the Treasury rejected the plan. He said ..."), with the
#: pronoun each can stand for ("m", "f", or both).
_UNNAMED_SPEAKERS: Final = {
    **dict.fromkeys(("spokesman", "chairman", "businessman"), "m"),
    **dict.fromkeys(("spokeswoman", "chairwoman", "businesswoman"), "f"),
    **dict.fromkeys(("spokesperson", "official", "source", "aide", "representative", "lawyer", "minister",
                     "secretary", "spokesmen", "chief", "executive", "director", "adviser", "advisor",
                     "analyst", "expert", "officer", "insider"), "mf"),
}


def _settings(verb: Token) -> set[str]:
    """The occasions a speech verb names by an event noun ("At three-way talks ..., Blinken said", "told a
    news conference", "Speaking at the London conference, ..."): the nouns' lemmas and the names of places
    inside their phrases ("london")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG")]
    nouns: list[Token] = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _SETTING_PREPS:
                nouns.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in _OCCASIONS)
            elif c.dep_ == "dobj" and c.lemma_.lower() in _OCCASIONS:
                nouns.append(c)  # "told a news conference"
    out: set[str] = set()
    for n in nouns:
        out.add(n.lemma_.lower())
        out.update(t.lower_ for t in n.subtree if t.ent_type_ in ("GPE", "LOC", "FAC"))
    return out


def _occasion(c: Candidate) -> set[str]:
    """What sets a statement's occasion apart: the places it names and the event nouns it was said at."""
    return {w for h in c.args.get("place", []) for w in h.entity.label.lower().split()} | _settings(c.trigger)


def _occasions_differ(a: Candidate, b: Candidate) -> bool:
    """Both statements name an occasion of their own (a place or an event they were said at) and the
    occasions share nothing (a place is compared by the words of its name: "London" and "the City of London
    speech" share one)."""
    oa, ob = _occasion(a), _occasion(b)
    return bool(oa and ob and not oa & ob)


def same_statement(a: Candidate, b: Candidate) -> bool:
    """Whether Statement ``b`` (told in a later sentence) is more of the words of Statement ``a``: they share
    a speaker and the article does not set them apart by their occasions (see the module's docstring)."""
    if not a.keys("agent") & b.keys("agent"):
        return False
    return not _occasions_differ(a, b)


def _content_tokens(verb: Token) -> set[int]:
    """Token indices of what a speech verb reports ("[Blair would be in the front line], he said")."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in _CONTENT_DEPS:
            out.update(t.i for t in c.subtree)
    return out


#: Words that set a clause against the one it hangs on ("Labour say ..., while the Tories say ..."): what
#: follows them is not part of what the first speaker reports.
_CONTRAST: Final = frozenset({"while", "whereas", "but", "although", "though", "whilst"})


def _content_path(verb: Token, inner: Token) -> bool:
    """Whether ``inner`` lies in what ``verb`` reports: below a clausal complement of it ("said [Lee had
    promised ...]"), not in the verb's own clause nor in a quotation it is set after (in '"...," he said' the
    quotation is the head of "said", not its content). A clause set against the reported words ("..., while
    the Tories say ...", "... but Lee denied it") is not part of them, and words before the verb count only
    inside quotation marks ("Fiat claims ...; GM says ..." are two speakers side by side)."""
    if inner.i < verb.i and not _in_quotes(inner.doc, inner.i):
        return False
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    t = inner
    while t.i != t.head.i and t.i != verb.i:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children):
            return False
        if t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in _CONTRAST for c in t.head.children):
            return False
        if t in comps:
            return True
        t = t.head
    return False


def speaker_outside_words(cands: Sequence[Candidate], index: EntityIndex) -> None:
    """A Statement's speaker named inside its own reported words is not its speaker: "the minister said Mr Ford
    was 'misleading MPs'" -- Ford is what the minister spoke of. Such a speaker is taken off (a Statement left
    with no speaker is dropped later)."""
    for cand in cands:
        agents = cand.args.get("agent") if cand.event_type == "Statement" else None
        if not agents:
            continue
        content = _content_tokens(cand.trigger)
        if not content:
            continue
        keep = [h for h in agents if not _inside(index, h, content)]
        if len(keep) == len(agents):
            continue
        if keep:
            cand.args["agent"] = keep
        else:
            del cand.args["agent"]


def drop_reported_speech(cands: list[Candidate]) -> list[Candidate]:
    """Speech verbs inside another speaker's reported words, dropped: "Ross said Lee had promised him a rise"
    is one Statement, Ross's; Lee's promise is what Ross said. A verb whose speakers are all the outer
    speaker's ("Ross said he had told them") stays and joins the outer Statement; a noun ("criticised Lee's
    remarks") names a Statement told elsewhere and stays too."""
    statements = [c for c in cands if c.event_type == "Statement" and c.args.get("agent")]
    if len(statements) < 2:
        return cands
    drop: set[int] = set()
    for inner in statements:
        if inner.trigger.pos_ not in ("VERB", "AUX"):
            continue
        mine = inner.keys("agent")
        for outer in statements:
            if (outer is not inner and outer.sent.start == inner.sent.start and not mine <= outer.keys("agent")
                    and _content_path(outer.trigger, inner.trigger)):
                drop.add(id(inner))
                break
    return [c for c in cands if id(c) not in drop] if drop else cands


def _pronoun_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _PRONOUN_SEX), None)


def _fits(index: EntityIndex, hit: Hit, pron: Token) -> bool:
    want = _PRONOUN_SEX[pron.lower_]
    return hit.entity.type == "Person" and index.sex.get(hit.entity.key, want) == want


def _earlier_subject(index: EntityIndex, pron: Token, before: int) -> Hit | None:
    """The nearest person the pronoun fits who is a clause's subject before token ``before`` (within
    :data:`_REACH` tokens)."""
    for s, _e, hit in reversed(index.within(max(0, before - _REACH), before)):
        if _fits(index, hit, pron) and index.doc[s:_e].root.dep_ in ("nsubj", "nsubjpass"):
            return hit
    return None


def fix_quoted_speakers(cands: Sequence[Candidate], index: EntityIndex) -> None:
    """A "he/she said" Statement whose pronoun was resolved to a person named only inside reported words (its
    own or an earlier Statement's: "Milburn explained the public believe Labour and Tony Blair are the future.
    'Not many people ...,' he declared") takes the speaker of the Statement before it (when the pronoun fits,
    within :data:`_REACH` tokens), else the nearest fitting person who is a clause's subject before the
    sentence; with neither, the guess is dropped (a Statement left with no speaker is dropped later). So does a
    "he said" resolved to a person named in its own reported words ("He said Lee had lied" is not Lee's). A later
    "he said" that was given to such a wrong speaker as the speaker before it follows the correction."""
    statements = [c for c in cands if c.event_type == "Statement"]
    _conjoined_speakers(statements, index)
    reported: set[int] = set()  # tokens of what any statement reports
    for cand in statements:
        reported |= _content_tokens(cand.trigger)
    last: tuple[Hit, int] | None = None  # the latest named person speaker and its verb's token
    moved: set[str] = set()  # entity keys taken away as speakers of reported words
    for cand in statements:
        pron = _pronoun_subject(cand.trigger)
        agents = cand.args.get("agent", [])
        if pron is not None and agents and reported:
            ante = index.antecedent_person(pron)
            quoted = ante.entity.key if ante is not None and _inside(index, ante, reported) else None
            in_words = _named_in_words(index, cand.trigger)
            wrong = [h for h in agents if h.entity.key == quoted or (
                h.mention.start == pron.idx and (h.entity.key in moved or h.entity.key in in_words))]
            if wrong:
                moved.update(h.entity.key for h in wrong)
                agents = _replace(cand, index, pron, wrong, last)
        if pron is not None and agents:
            agents = _unnamed_between(cand, index, pron, agents, reported)
        if pron is not None and agents:
            agents = _later_subject(cand, index, pron, agents, reported)
        named = next((h for h in agents if h.entity.type == "Person"), None)
        if named is not None:
            last = (named, cand.trigger.i)


def _named_in_words(index: EntityIndex, verb: Token) -> set[str]:
    """The entities named in what a speech verb reports: "he" cannot be one of them ("He said Lee had lied"
    is not Lee speaking, or it would read "he had lied")."""
    content = _content_tokens(verb)
    if not content:
        return set()
    return {h.entity.key for s, e, h in index.within(min(content), max(content) + 1)
            if all(i in content for i in range(s, e))}


def _named_before(index: EntityIndex, verb: Token) -> Hit | None:
    """The person named right before a speech verb, past commas ("his lawyer, Tom Hale, told"), who is not a
    clause's subject in the parse."""
    doc = index.doc
    j = verb.i - 1
    while j > verb.sent.start and doc[j].is_punct and doc[j].text == ",":
        j -= 1
    hit = index.by_token.get(j)
    if hit is None or hit.entity.type != "Person":
        return None
    try:
        start, end = index.span_of(hit)
    except KeyError:
        return None
    root = doc[start:end].root
    while root.dep_ == "appos" and root.head.i != root.i:
        root = root.head  # "the general, Tom Hale,": what the general is
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "poss"):
        return None  # a subject the parse saw, or the object of the verb before: "praised John Brown, said"
    return hit


def _conjoined_speakers(statements: Sequence[Candidate], index: EntityIndex) -> None:
    """A speech verb conjoined to another without a subject of its own shares the other's speaker, unless
    a person is named right before it: "Interpol claimed he led the group but his lawyer, Tom Hale, told
    reporters it was absurd and added: ..." -- "told" (and "added", conjoined to it) are Hale's, not
    Interpol's."""
    fixed: dict[int, list[Hit]] = {}  # a speech verb's token -> its corrected speakers
    for cand in sorted(statements, key=lambda c: c.trigger.i):
        verb = cand.trigger
        if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if verb.head.i in fixed:
            speakers = fixed[verb.head.i]
        else:
            hit = _named_before(index, verb)
            if hit is None:
                continue
            speakers = [hit]
        agents = cand.args.get("agent", [])
        keys = {h.entity.key for h in speakers}
        if agents and {h.entity.key for h in agents} <= keys:
            continue
        cand.args["agent"] = list(speakers)
        fixed[verb.i] = cand.args["agent"]


def _finite_subject(t: Token) -> bool:
    """Whether the token is the subject of a finite verb ("Smith accused Jones of lying": Jones is not)."""
    return t.dep_ in ("nsubj", "nsubjpass") and (t.head.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in t.head.children))


def _last_named(index: EntityIndex, key: str, pron: Token, before: int, *, subject: bool = False) -> int | None:
    """The token where entity ``key`` was last named before token ``before`` (within reach of ``pron``); with
    ``subject``, only as a clause's subject ("Rennie's view" does not count)."""
    return max((s for s, e, h in index.within(max(0, pron.i - 3 * _REACH), before) if h.entity.key == key
                and (not subject or index.doc[s:e].root.dep_ in ("nsubj", "nsubjpass"))), default=None)


def _in_quotes(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is inside quotation marks opened in its paragraph."""
    text = doc.text
    at = doc[i].idx
    para = text[text.rfind("\n", 0, at) + 1 : at]
    return para.count('"') % 2 == 1 or para.count("\u201c") > para.count("\u201d")


def _later_subject(cand: Candidate, index: EntityIndex, pron: Token, agents: list[Hit],
                   reported: set[int]) -> list[Hit]:
    """A "he/she said" whose speaker was carried over from a person named earlier goes to the person the
    pronoun fits who is the latest main-clause subject since ("'We want him to stay,' said Jim Rennie. Keeper
    Tony Baxter echoed Rennie's view. 'We are behind him,' he added" is Baxter's). Only the latest main
    clause's subject counts: when it is anyone else ("The Tory leader was asked ...", "He went on to ..."),
    the speaker stays; subjects inside reported words or quotation marks never count. Returns the
    Statement's speakers."""
    guessed = [h for h in agents if h.mention.start == pron.idx and h.entity.type == "Person"]
    if not guessed:
        return agents
    named_at = _last_named(index, guessed[0].entity.key, pron, cand.sent.start, subject=True)
    if named_at is None:
        return agents
    doc = index.doc
    for i in range(cand.sent.start - 1, named_at, -1):
        t = doc[i]
        if t.head.dep_ != "ROOT" or i in reported or not _finite_subject(t) or _in_quotes(doc, i):
            continue
        hit = index.by_token.get(i)
        if hit is None or hit.entity.key == guessed[0].entity.key or not _fits(index, hit, pron):
            return agents  # the latest main clause is someone else's, or the speaker's own
        sent = cand.sent
        said = Mention(pron.idx, pron.idx + len(pron.text), pron.text, sent.start_char, sent.end_char, "pronoun")
        keep = [Hit(hit.entity, said), *(h for h in agents if h not in guessed and h.entity.key != hit.entity.key)]
        cand.args["agent"] = keep
        return keep
    return agents


def _unnamed_between(cand: Candidate, index: EntityIndex, pron: Token, agents: list[Hit],
                     reported: set[int]) -> list[Hit]:
    """A "he/she said" whose speaker was taken from a person named before an unnamed speaker the pronoun can
    stand for ("Minister Paul Grant said ... But a spokesman for the Treasury rejected the plan. He said:
    ...") is that speaker's: the organisation named with the noun ("for the Treasury", "Treasury
    spokesman") becomes the speaker, else the guess is dropped. A noun with neither an organisation nor an
    indefinite article ("The minister added ...") may be the person named before, and blocks nothing.
    Returns the Statement's speakers."""
    doc = index.doc
    guessed = [h for h in agents if h.mention.start == pron.idx and h.entity.type == "Person"]
    if not guessed:
        return agents
    key = guessed[0].entity.key
    named_at = _last_named(index, key, pron, cand.sent.start)
    if named_at is None:
        return agents
    for i in range(cand.sent.start - 1, named_at, -1):
        t = doc[i]
        fits = _PRONOUN_SEX[pron.lower_] in _UNNAMED_SPEAKERS.get(t.lemma_.lower(), "")
        if i in reported or not fits or not _finite_subject(t):
            continue
        inside = [index.by_token.get(j.i) for j in t.subtree if j.i != i]
        if any(h is not None and h.entity.type == "Person" for h in inside):
            continue  # "spokesman John Reid": a named person (the pronoun's resolution handles it)
        orgs = [h for h in inside if h is not None and h.entity.type != "Person"]
        if not orgs and not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children):
            continue  # "the minister added": may be the person named before
        keep = [h for h in agents if h not in guessed]
        if orgs:
            sent = cand.sent
            said = Mention(pron.idx, pron.idx + len(pron.text), pron.text, sent.start_char, sent.end_char, "pronoun")
            keep.insert(0, Hit(orgs[0].entity, said))
        if keep:
            cand.args["agent"] = keep
        else:
            del cand.args["agent"]
        return keep
    return agents


def _replace(cand: Candidate, index: EntityIndex, pron: Token, wrong: list[Hit],
             last: tuple[Hit, int] | None) -> list[Hit]:
    """Take the ``wrong`` speakers off ``cand`` and give it the one "he"/"she" stands for (see
    :func:`fix_quoted_speakers`); returns its speakers."""
    keep = [h for h in cand.args["agent"] if h not in wrong]
    found = None
    if last is not None and cand.trigger.i - last[1] <= _REACH and _fits(index, last[0], pron):
        found = last[0]
    found = found or _earlier_subject(index, pron, cand.sent.start)
    if found is not None and found.entity.key not in {h.entity.key for h in wrong + keep}:
        sent = cand.sent
        said = Mention(pron.idx, pron.idx + len(pron.text), pron.text, sent.start_char, sent.end_char, "pronoun")
        keep.insert(0, Hit(found.entity, said))
    if keep:
        cand.args["agent"] = keep
    else:
        del cand.args["agent"]
    return keep


def _inside(index: EntityIndex, hit: Hit, tokens: set[int]) -> bool:
    """Whether the hit's mention lies inside the given tokens (a pronoun's own mention never does)."""
    try:
        start, end = index.span_of(hit)
    except KeyError:
        return False  # a mention made for the pronoun itself
    return all(i in tokens for i in range(start, end))
