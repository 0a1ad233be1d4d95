"""Events an article is about beyond speech, meetings and violence: courts, votes, awards, launches, investments.

The guidelines type a ceremony, a contest, a court's act, a vote or an investment as ``Other`` (an election
stays ``Personnel``).  Each word here has a commoner sense somewhere, so each comes with the check that
reads it as the happening:

- justice verbs: "was convicted", "acquitted", "indicted", "sentenced", "jailed", "arrested", "sued",
  "prosecuted", "detained"; "charged" only "with" an offence ("charged a fee" is no event); "ruled" only
  with a court or a judge as its subject ("the Law Lords ruled", not "ruled the country", "ruled out");
  "pleaded guilty" (a plea in court, not a request);
- justice nouns: "ruling", "arrest" ("cardiac arrest" is none), "acquittal", "indictment", "lawsuit", and a
  "trial" with someone tried ("Smith's trial", "the trial of X", "went on trial", "a murder trial"; not
  "clinical trials", "detention without trial");
- votes: "MPs voted ..." when a named body, party or person votes ("Labour MPs voted against"; not "people
  who vote", nor "was voted best film"), "a vote on the bill", "lost the vote" (not "the Labour vote",
  a share of the votes); a "referendum";
- awards and ceremonies: "awarded X the prize" (not "awarded a penalty" in a match), "the ceremony";
- launches: "launched a website", "the launch of the console", when the object is no event word of its
  own ("launched an attack" is the attack);
- investments: "Dow will invest $4bn".

The rule of a verb is ``event.other.<class>``; a noun's is ``event.noun`` (so it joins and merges as the
other event nouns do).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graphbuild.extract.common import Hit

__all__ = ["OTHER_NOUNS", "OTHER_VERBS", "fix_other_roles", "keeps_other", "other_class", "other_noun", "other_trigger"]

#: Verb lemma -> class (the rule's suffix).
OTHER_VERBS: Final[dict[str, str]] = {
    "convict": "justice", "acquit": "justice", "indict": "justice", "sentence": "justice", "jail": "justice",
    "imprison": "justice", "arrest": "justice", "sue": "justice", "prosecute": "justice", "detain": "justice",
    "charge": "justice", "rule": "justice", "plead": "justice",
    "vote": "vote", "award": "award", "launch": "launch", "invest": "invest",
}
#: Noun forms (lemma or lower-case word) of the same happenings.
OTHER_NOUNS: Final[frozenset[str]] = frozenset(
    {"ruling", "arrest", "acquittal", "indictment", "lawsuit", "trial", "vote", "referendum", "ceremony", "launch"}
)

_COURTS: Final = frozenset(
    {"court", "courts", "judge", "judges", "justice", "justices", "tribunal", "jury", "lord", "lords", "magistrate",
     "magistrates", "panel", "sheriff", "coroner", "ombudsman"}
)
#: What one is charged with that is no offence ("charged with the task", "charged with running the agency").
_NO_OFFENCE: Final = frozenset({"task", "duty", "responsibility", "job", "role", "running", "overseeing"})
_SPORT_AWARDS: Final = frozenset({"penalty", "kick", "free-kick", "corner", "try", "goal", "point", "points"})
#: Modifiers of a trial that is a test, not a court case.
_TEST_TRIALS: Final = frozenset(
    {"clinical", "drug", "field", "time", "free", "pilot", "medical", "human", "animal", "world", "olympic",
     "indoor", "national", "european", "scheme", "large-scale", "successful", "further"}
)
_CRIMES: Final = frozenset(
    {"murder", "fraud", "terror", "terrorism", "corruption", "libel", "rape", "manslaughter", "crimes",
     "crime", "criminal", "treason", "bribery", "assault", "drugs", "conspiracy", "show", "retrial", "jury"}
)
#: Verbs whose object or subject "trial" is a court case ("stand trial", "the trial opened").
_TRIAL_VERBS: Final = frozenset(
    {"stand", "face", "await", "hold", "begin", "open", "collapse", "adjourn", "halt", "postpone", "delay",
     "start", "resume", "end", "hear", "order", "attend"}
)
#: Verbs over a vote noun that make it a vote taken ("lost the vote", "a vote was held").
_VOTE_VERBS: Final = frozenset(
    {"hold", "win", "lose", "force", "call", "face", "pass", "take", "delay", "postpone", "stage", "schedule",
     "allow", "promise", "demand", "survive", "defeat", "expect", "go", "follow", "precede", "seek", "block"}
)


#: Words of an award poll ("voted it best film").
_ACCOLADES: Final = frozenset({"best", "worst", "favourite", "favorite", "greatest", "top"})
#: Subjects who vote as the public does, in an election or a poll, not as a body taking a vote.
_PUBLIC: Final = frozenset(
    {"voter", "people", "public", "fan", "reader", "viewer", "listener", "user", "visitor", "child", "you", "we",
     "elector", "electorate", "consumer", "customer", "audience"}
)


#: Objects of "sentencing" that are rules about sentences, not a sentence passed.
_NOT_SENTENCED: Final = frozenset({"guideline", "guidelines", "policy", "rule", "rules", "law", "laws", "power",
                                   "powers", "reform", "reforms", "system", "council"})
_NOUN_CLASS: Final = {"vote": "vote", "referendum": "vote", "ceremony": "ceremony", "launch": "launch"}


def other_class(rule: str, trigger: Token) -> str:
    """The kind of an ``Other`` event (justice, vote, ceremony, award, launch, invest): two mentions of one
    happening are of one kind ("the trial" is not "the vote")."""
    if rule.startswith("event.other."):
        return rule.rsplit(".", 1)[1]
    word = trigger.lemma_.lower()
    return _NOUN_CLASS.get(word) or _NOUN_CLASS.get(trigger.lower_) or "justice"


def _subject_word(verb: Token) -> Token | None:
    """The subject of ``verb`` or of the verb it depends on ("voters have to re-register to vote")."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _court_subject(verb: Token) -> bool:
    """The subject of "ruled" is a court or a judge ("the High Court ruled", "Lord Bingham ruled")."""
    for s in _children(verb, "nsubj"):
        words = {t.lower_ for t in s.subtree}
        if words & _COURTS:
            return True
    return False


def other_trigger(tok: Token, event_words: frozenset[str]) -> tuple[str, str] | None:
    """("Other", rule) when the verb ``tok`` names a court's act, a vote, an award, a launch or an investment.

    ``event_words`` are the nouns that trigger events of their own ("launched an attack" is the attack).
    """
    lemma = tok.lemma_.lower()
    cls = OTHER_VERBS.get(lemma)
    if cls is None or not tok.text.isalpha():
        return None
    kids = list(tok.children)
    prts = {c.lower_ for c in kids if c.dep_ == "prt"}
    objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    # "launched a series of attacks": what a quantity counts is the object
    counted = [p for c in objs for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "of"
               for p in pr.children if p.dep_ == "pobj"]
    obj_words = {c.lemma_.lower() for c in (*objs, *counted)} | {c.lower_ for c in objs}
    preps = {c.lower_: c for c in kids if c.dep_ == "prep"}
    if lemma == "charge":
        with_ = preps.get("with")
        if with_ is None or any(p.lemma_.lower() in _NO_OFFENCE for p in with_.children):
            return None  # "charged customers £10", "charged with the task of ..."
    elif lemma == "rule":
        if prts or not _court_subject(tok) or (tok.tag_ == "VBN" and tok.dep_ == "amod"):
            return None  # "ruled out", "ruled the country", "the ruling party"
    elif lemma == "plead":
        if not any(c.lower_ in ("guilty", "innocent") for c in kids) and not any(
            g.lower_ in ("guilty", "innocent") for c in kids for g in c.children
        ):
            return None  # "pleaded with him to stay" is a request (the hand lexicon's)
    elif lemma == "vote":
        if any(c.dep_ in ("nsubjpass", "agent") for c in kids) or tok.dep_ == "amod" or (
            tok.tag_ == "VBN" and tok.dep_ == "acl"
        ):
            return None  # "was voted best film", "a film voted for by the public": award polls
        if any(t.lower_ in _ACCOLADES for c in kids if c.dep_ != "nsubj" for t in c.subtree):
            return None  # "fans voted Shrek 2 best film"
        if (subject := _subject_word(tok)) is not None and subject.lemma_.lower() in _PUBLIC:
            return None  # "voters have to re-register to vote", "readers voted": the public, no vote taken
    elif lemma == "award":
        if obj_words & _SPORT_AWARDS:
            return None  # "awarded a penalty": a referee's call
    elif lemma == "launch":
        if not objs or obj_words & event_words or prts:
            return None  # "launched an attack", "a campaign launched": the noun is the event
    elif lemma == "sentence" and obj_words & _NOT_SENTENCED:
        return None  # "sentencing guidelines", "sentencing policy"
    elif lemma == "detain" and "for" in preps and not objs:
        return None
    return "Other", f"event.other.{cls}"


def other_noun(tok: Token) -> bool:
    """Whether the noun ``tok`` (one of :data:`OTHER_NOUNS`) names a happening: a trial with someone tried, a
    vote taken, an arrest (not a cardiac arrest), a launch of something."""
    word = tok.lemma_.lower() if tok.lemma_.lower() in OTHER_NOUNS else tok.lower_
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    has_poss = any(c.dep_ == "poss" for c in tok.children)
    head = tok.head
    if word == "arrest":
        return not mods & {"cardiac", "heart", "respiratory", "house"}  # "a cardiac arrest"; "house arrest" a regime
    if word == "indictment":
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        return all(p.ent_type_ in ("PERSON", "ORG") for p in of)  # "a powerful indictment of the failure": words
    if word == "trial":
        if mods & _TEST_TRIALS or (tok.lower_ == "trials" and not has_poss):
            return False  # "clinical trials", "world trials"
        if head.dep_ == "prep" and head.lower_ == "without":
            return False  # "detention without trial": no trial held
        if head.lower_ == "on" or (tok.dep_ in ("dobj", "nsubj", "nsubjpass") and head.lemma_.lower() in _TRIAL_VERBS):
            return True  # "went on trial", "will stand trial", "the trial opened"
        return has_poss or "of" in preps or bool(mods & _CRIMES)
    if word == "vote":
        if tok.lower_ == "votes" and not preps & {"on", "over"}:
            return False  # "won 20,000 votes": ballots counted
        if preps & {"on", "over"}:
            return True  # "a vote on the bill"
        return tok.dep_ in ("dobj", "nsubjpass", "nsubj") and head.lemma_.lower() in _VOTE_VERBS
    if word == "launch":
        return has_poss or "of" in preps
    if word == "ruling":
        return tok.pos_ == "NOUN" and tok.dep_ != "amod"
    return True


#: Nouns whose possessor or governing subject is who undergoes them ("Smith's trial", "faces trial").
_UNDERGONE: Final = frozenset({"trial", "arrest", "acquittal", "indictment"})


def fix_other_roles(trigger: Token, args: dict[str, list[Hit]]) -> None:
    """Roles of an ``Other`` event read as they are meant: who is tried or arrested is its target, never a
    place ("Smith's trial", "awaiting trial"); who is talked into an act ("attracting firms to invest") does
    it, not the subject of the verb above."""
    word = trigger.lemma_.lower()
    if trigger.pos_ == "NOUN" and (word in _UNDERGONE or trigger.lower_ in _UNDERGONE):
        moved = args.pop("agent", [])
        for role in ("target",):
            args[role] = [h for h in args.get(role, []) if h.entity.type not in ("Place", "Country")]
        args["target"] = args.get("target", []) + [h for h in moved if h.entity.type not in ("Place", "Country")]
        if not args["target"]:
            del args["target"]
    if trigger.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in trigger.head.children) and args.get("agent"):
        lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge.text)
        own = [h for h in args["agent"] if lo <= h.mention.start < hi]
        if own:
            args["agent"] = own
        else:
            del args["agent"]


def keeps_other(rule: str, agents: int) -> bool:
    """A vote is kept only when who votes is named ("Labour MPs voted", "the Commons voted"): "people who
    vote", "you can vote" tell of no vote taken."""
    return rule != "event.other.vote" or agents > 0
