"""Derive graphbuild's role and organisation tables from the PETRARCH2 / Phoenix dictionaries (MIT).

    python scripts/petrarch_tables.py [PETRARCH_DIR]      (default: ../shared/data/petrarch)

Writes, with the MIT notice of the source in each file's header (and graphbuild/data/NOTICE-petrarch.txt):

- ``graphbuild/data/petrarch_roles.tsv``: role nouns and phrases that name a post a person holds ("finance
  minister", "government spokesman", "national security adviser"), lower case, with their CAMEO agent code
  (GOV, MIL, BUS, ...), from ``Phoenix.agents.txt``. Only phrases whose last word is a post noun (minister,
  secretary, spokesman, chief, director...) and of at most four words are kept: occupations ("farmer") and
  bodies ("ministry", "council") are not posts.
- ``graphbuild/data/petrarch_orgs.tsv``: international organisations and non-state groups with their other
  names, from ``Phoenix.International.actors.txt`` and ``Phoenix.MilNonState.actors.txt``: entries whose
  name ends in an organisation noun (agency, front, army, party...), label in title case, acronyms kept.

Run it again after the dictionaries change; the output is deterministic.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "petrarch"
OUT = ROOT / "graphbuild" / "data"

#: Last words of role phrases that name a post held by one person.
POST_HEADS = frozenset(
    """minister secretary spokesman spokeswoman spokesperson chief leader president director chairman chairwoman
    chairperson commander governor ambassador envoy adviser advisor executive prosecutor judge speaker mayor
    commissioner lawmaker legislator senator congressman congresswoman negotiator representative official
    officer diplomat premier chancellor treasurer comptroller auditor rapporteur mediator emissary consul
    attorney counsel head coordinator inspector superintendent editor general admiral marshal""".replace("\n", " ").split()
)
#: Words that make a phrase a group or an occupation, not one post ("police officer" is kept by its head).
SKIP_WORDS = frozenset({"former", "ex", "retired", "of", "at", "to", "for", "in", "on", "the"})
#: Last words of actor names that make them an organisation.
ORG_HEADS = frozenset(
    """organization organisation agency fund bank council commission court union association front army brigade
    brigades party movement group groups force forces committee programme program institute foundation alliance
    league network centre center tribunal panel federation conference mission office society watch coalition
    secretariat assembly parliament authority board bureau corps guard guards jihad hezbollah hamas taliban
    qaeda qaida council""".replace("\n", " ").split()
)
SMALL = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "del", "du", "la", "le", "al", "el", "a"})
NOTICE = """# Derived from the PETRARCH2 / Phoenix dictionaries (openeventdata/petrarch2, commit 676801c), MIT licence:
# Copyright (c) 2014 Open Event Data Alliance; the dictionaries: Copyright (c) 2015 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction, including without
# limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the
# Software, and to permit persons to whom the Software is furnished to do so, subject to the following
# conditions: The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
# Regenerate with scripts/petrarch_tables.py.
"""


def roles(path: Path) -> list[tuple[str, str]]:
    """(phrase, agent code) for every post phrase of ``Phoenix.agents.txt``."""
    subst: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            subst[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]*)\]", line)
        if m is None:
            continue
        phrase, code = m.group(1).strip(), m.group(3) or "?"
        forms = [phrase]
        for name, values in subst.items():
            if name in phrase:
                # singular person forms only: "spokes!PERSON!" -> spokesman, spokeswoman, spokesperson
                keep = [v for v in values if v in ("MAN", "WOMAN", "PERSON", "MINISTER")]
                forms = [f.replace(name, v) for f in forms for v in keep]
        for form in forms:
            words = [w for w in re.split(r"[_\s]+", form.lower()) if w]
            if not words or any(not re.fullmatch(r"[a-z][a-z.'-]*", w) for w in words):
                continue
            if words[-1] == "minist":
                words[-1] = "minister"
            if words[-1] not in POST_HEADS or len(words) > 4 or SKIP_WORDS & set(words):
                continue
            out.setdefault(" ".join(words), code)
    return sorted(out.items())


#: Acronyms known without the dictionaries' help (they also occur as ordinary words inside longer names).
KNOWN_ACRONYMS = frozenset({"UN", "EU", "US", "UK", "NATO", "OPEC", "ASEAN", "NGO"})


def _label(words: list[str], acronyms: frozenset[str] = KNOWN_ACRONYMS) -> str:
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in SMALL:
            out.append(lw)
        elif w in acronyms or w in KNOWN_ACRONYMS:
            out.append(w)  # an acronym ("UN", "NATO", "PKK")
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _acronyms(paths: list[Path]) -> frozenset[str]:
    """Words written as acronyms: in brackets ("(MNLF)") or as a whole name ("+RUF"), and never as an ordinary
    word inside a longer name ("ARMY" in "ISLAMIC_ARMY_OF_ADEN")."""
    whole: set[str] = set()
    inner: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        whole |= set(re.findall(r"\(([A-Z]{2,8})\)", text))
        for m in re.finditer(r"^\+?([A-Z0-9_.'&()/-]+?)_*(?:\s|$)", text, re.M):
            words = [w for w in m.group(1).split("_") if w]
            if len(words) == 1 and re.fullmatch(r"[A-Z]{2,8}", words[0]):
                whole.add(words[0])
            elif len(words) > 1:
                inner |= set(words)
    return frozenset(whole - inner)


def organisations(paths: list[Path]) -> list[tuple[str, list[str], str]]:
    """(label, other names, code) of the organisations in the actor dictionaries."""
    out: dict[str, tuple[list[str], str]] = {}
    block: list[str] = []
    code = ""
    acronyms = _acronyms(paths)

    dated = False

    def flush() -> None:
        nonlocal block, code, dated
        names = []
        for name in block:
            name = re.sub(r"_+$", "", name.strip().lstrip("+")).strip()
            acr = re.findall(r"\(([A-Z]{2,8})\)", name)
            name = re.sub(r"_?\([^)]*\)_?", "", name).strip("_")
            words = [w for w in name.split("_") if w]
            if words:
                names.append(words)
            names += [[a] for a in acr]
        block, c, was_dated = [], code, dated
        code, dated = "", False
        if not names:
            return
        first = names[0]
        # one-word names only for undated NGO/IGO codes: "OXFAM_ [NGOXFM]" (people carry dates or [ELI])
        single = len(first) == 1 and c[:3] in ("NGO", "IGO") and not was_dated and len(first[0]) >= 3
        if not single and (first[-1].lower() not in ORG_HEADS or len(first) < 2):
            return
        label = first[0] if single and len(first[0]) <= 5 else _label(first, acronyms)
        alts = []
        if label.startswith("The ") and len(label.split()) > 2:
            # a label never starts with an article ("The European Union" is the European Union); the
            # written form stays an alias
            alts.append(label)
            label = label[4:]
        for words in names[1:]:
            if len(words) == 1 and not re.fullmatch(r"[A-Z]{3,8}", words[0]):
                continue  # single words other than acronyms are too ambiguous
            if len(words) == 2 and words[0].lower() in SMALL:
                continue  # "La Liga", "The Front": an article and one word name too many things
            alt = _label(words, acronyms)
            if alt != label and alt not in alts:
                alts.append(alt)
        if label not in out:
            out[label] = (alts, c)

    for path in paths:
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                if block:
                    flush()
                continue
            m = re.search(r"\[([A-Z]{3,})[^\]]*\]", line)
            if re.search(r"\[[A-Z]* *[<>]?\d|\[ELI\]|\[---\]", line):
                dated = True
            body = re.sub(r"\[[^\]]*\]", "", line).strip()
            if not body:
                if m and not code:
                    code = m.group(1)
                continue
            if not body.startswith("+") and block:
                flush()
            if m and not code:
                code = m.group(1)
            if re.fullmatch(r"\+?[A-Z0-9_.'&()/-]+", body.replace(" ", "_")):
                block.append(body.replace(" ", "_"))
        if block:
            flush()
    return sorted((label, alts, c) for label, (alts, c) in out.items())


#: Endings of nouns for a person (and whole plural forms); a noun of the agents file counts as a people noun
#: when it has one of them, is in PEOPLE_EXTRA, and is not in NOT_PEOPLE (vehicles, bodies, places).
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "ive", "ic", "ar", "ier", "ite")
PEOPLE_EXTRA = frozenset(
    """people person persons police troop troops staff personnel child children youth family families citizen
    civilian pilgrim refugee rebel militant guerrilla guerilla bandit convict spy exile crook felon culprit
    girl woman women man men mp mps ceo nurse native native expatriate delegate envoy deputy aide boss
    diplomat bureaucrat autocrat democrat technocrat pirate rapist marine marines victim victims force forces
    authorities official officials cleric medic mullah imam rabbi monk priest bishop abbot prelate
    hasid hasidim janjaweed mercenary missionary nanny mafioso captain corporal lieutenant colonel constable
    ensign detainee hostage prisoner""".replace("\n", " ").split()
)
#: Plain nouns for people that the agents file lacks (plural forms; added to its nouns).
PLAIN_PEOPLE = frozenset(
    """protesters protestors crowds fans players patients hostages suspects inmates relatives parents boys
    teenagers adults locals shoppers visitors spectators survivors casualties bystanders pedestrians drivers
    motorists commuters guards paramedics analysts experts researchers crew crews athletes attackers gunmen
    families relatives neighbours neighbors colleagues friends partners members volunteers recruits cadets
    guests customers consumers shareholders viewers listeners readers audiences""".replace("\n", " ").split()
)
NOT_PEOPLE = frozenset(
    """carrier destroyer freighter tanker supertanker cruiser airliner jetliner oiler tourer corvette frigate
    government parliament department movement enforcement environment management settlement establishment
    order border center centre corner container computer sector corridor reactor manufacture
    islamic jewish hebrew muslim moslem christian hindu buddhist sunni maronite anglican unitarian jew
    republic public traffic clinic republican gazette junta student-union court tribunal senate chamber
    regiment cabinetmaker aerospace blog website tv media helicopter humvee interior labor minist minster newspaper
    poor rover site schooler war triggerman committee detachment grader hugger jetfighter automaker carmaker
    steelmaker manufacturer maker provider publisher branokker brigaider tinginist unrepresentative janjaweed
    mafioso hasid exporter producer monger merchandiser for""".replace("\n", " ").split()
)


def _plural(word: str) -> str:
    if word.endswith(("man", "woman")) and not word.endswith(("human", "german", "shaman")):
        return word[:-2] + "en"
    if word in PLAIN_PEOPLE and word.endswith("s"):
        return word
    if word.endswith(("men", "people", "police", "staff", "personnel", "children", "hasidim", "troops", "forces",
                      "authorities", "marines", "victims", "persons", "mps", "officials")):
        return word
    if word == "person":
        return "people"
    if word == "child":
        return "children"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def group_nouns(path: Path) -> list[tuple[str, str, str]]:
    """(plural, singular, agent code) of the nouns for people in ``Phoenix.agents.txt``: single-word entries
    and the last word of longer ones ("police officer" -> officer), filtered by PERSON_ENDINGS, PEOPLE_EXTRA and
    NOT_PEOPLE. Only the plural (or collective) form names a group of people."""
    out: dict[str, tuple[str, str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z!'_-]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]*)\]", line)
        if m is None:
            continue
        phrase = m.group(1).replace("!PERSON!", "_PERSON").replace("!MINIST!", "_MINISTER")
        words = [w for w in phrase.lower().split("_") if w]
        if not words or not re.fullmatch(r"[a-z][a-z-]*", words[-1]):
            continue
        word = words[-1]
        code = m.group(3) or "?"
        if word in NOT_PEOPLE or len(word) < 3:
            continue
        if word not in PEOPLE_EXTRA and not word.endswith(PERSON_ENDINGS):
            continue
        plural = _plural(word)
        singular = word
        if len(words) == 1 or plural not in out:
            out.setdefault(plural, (singular, code))
    for plural in PLAIN_PEOPLE:
        single = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1] if plural.endswith("s") else plural
        out.setdefault(plural, (single, "-"))
    return sorted((p, s, c) for p, (s, c) in out.items())


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    agents = src / "Phoenix.agents.txt"
    if not agents.is_file():
        raise SystemExit(f"{agents}: not found (pass the PETRARCH dictionaries folder)")
    rows = roles(agents)
    (OUT / "petrarch_roles.tsv").write_text(
        NOTICE + "# Post phrases (lower case) and their CAMEO agent code, from Phoenix.agents.txt.\n# phrase\tcode\n"
        + "".join(f"{p}\t{c}\n" for p, c in rows), encoding="utf-8")
    groups = group_nouns(agents)
    (OUT / "petrarch_groups.tsv").write_text(
        NOTICE + "# Nouns for people, plural (a group's label), singular and CAMEO agent code, from Phoenix.agents.txt.\n"
        "# plural\tsingular\tcode\n" + "".join(f"{p}\t{s}\t{c}\n" for p, s, c in groups), encoding="utf-8")
    orgs = organisations([src / "Phoenix.International.actors.txt", src / "Phoenix.MilNonState.actors.txt"])
    (OUT / "petrarch_orgs.tsv").write_text(
        NOTICE + "# International organisations and non-state groups: label, other names (|), CAMEO actor code.\n"
        "# label\taliases\tcode\n" + "".join(f"{lab}\t{'|'.join(alts)}\t{c}\n" for lab, alts, c in orgs),
        encoding="utf-8")
    (OUT / "NOTICE-petrarch.txt").write_text((src / "LICENSE").read_text(encoding="utf-8") + (
        "\nThe tables graphbuild/data/petrarch_roles.tsv, petrarch_orgs.tsv and petrarch_groups.tsv are derived from the\n"
        "PETRARCH2 / Phoenix dictionaries (https://github.com/openeventdata/petrarch2, commit\n"
        "676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/) by scripts/petrarch_tables.py.\n"),
        encoding="utf-8")
    print(f"{len(rows)} post phrases, {len(orgs)} organisations")


if __name__ == "__main__":
    main()
