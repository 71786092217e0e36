using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// Groups the names of people into characters. Full names ("Mary Lennox") found the characters;
/// a title and surname ("Mrs. Medlock") is its own character unless exactly one full name fits it;
/// a single name joins the one character whose first name, surname or formal name (through the
/// nickname table) it is. Two titles with one surname ("Mr. Bennet", "Mrs. Bennet") never merge,
/// and a surname shared by several characters joins none of them.
/// </summary>
internal sealed class CharacterBuilder
{
    /// <summary>One distinct way of naming: a title (normalized, or "") and the name words.</summary>
    private sealed class NameForm(string title, string[] words, bool givenTitle, bool surnameTitle)
    {
        public readonly string Title = title;
        /// <summary>The title goes with a given name ("Lady Catherine"), a surname ("Mr. Darcy"), or either ("Miss").</summary>
        public readonly bool GivenTitle = givenTitle, SurnameTitle = surnameTitle;
        public readonly string[] Words = words;
        /// <summary>The gender of the first word as a first name. PERF: looked up once per form, not at each question about its character.</summary>
        public readonly Gender FirstGender = CastTables.Shared.FirstNames.TryGetValue(words[0], out var g) ? g : Gender.Unknown;
        public Gender TitleGender;
        public int Count;
        /// <summary>Uses inside quotations: how the characters address or speak of each other.</summary>
        public int InDialogue;
        /// <summary>Uses after "the" ("the Lightwoods").</summary>
        public int AfterThe;
        public int Character = -1;
        public readonly Dictionary<string, int> Surfaces = [];
        public string First => Words[0];
        public string Last => Words[^1];
        public bool IsFull => Words.Length >= 2;
    }

    private readonly CastTables _tables = CastTables.Shared;
    // The text being read: each name mention's form, for asking where a form is used.
    private NameForm?[] _formOf = [];
    private TokenView _view = null!;
    private List<NameMention> _names = [];
    private readonly Dictionary<(string Title, string Name), NameForm> _forms = [];
    private readonly List<List<NameForm>> _characters = [];

    /// <summary>Returns, for each name mention, the index of its character (or -1), and the characters' forms.</summary>
    public (int[] CharacterOf, List<Character> Characters) Build(TokenView view, WordTypes types, List<NameMention> names, bool[] isPerson)
    {
        var formOf = _formOf = new NameForm?[names.Count];
        (_view, _names) = (view, names);
        var titleOfType = new string?[types.Count];
        for (int m = 0; m < names.Count; m++)
        {
            if (!isPerson[m]) continue;
            var name = names[m];
            string title = !name.Titled ? "" : titleOfType[types.TypeOf[name.FirstToken]] ??= NormalizeTitle(view[name.FirstToken]);
            string formText = name.Form;
            // "Mrs. Newland Archer" is named after her husband: she is "Mrs. Archer", not Newland.
            if (title == "mrs" && formText.IndexOf(' ') is int space and > 0 && FirstNameGender(formText[..space]) != Gender.Female)
                formText = formText[(formText.LastIndexOf(' ') + 1)..];
            var key = (title, formText);
            if (!_forms.TryGetValue(key, out var form))
            {
                var raw = view[name.FirstToken].TrimEnd('.').ToString();
                form = new NameForm(title, formText.Split(' '), !name.Titled || _tables.TakesGivenName.Contains(raw),
                                    !name.Titled || _tables.TakesSurname.Contains(raw)) { TitleGender = name.TitleGender };
                _forms[key] = form;
            }
            form.Count++;
            if (view.QuotationOf[name.FirstToken] >= 0) form.InDialogue++;
            if (name.FirstToken > 0 && view[name.FirstToken - 1] is "the" or "The") form.AfterThe++;
            // The surface as written, with its spacing made single ("Mrs.\nMedlock" is "Mrs. Medlock").
            var written = view.Text[name.Span];
            var surfaces = form.Surfaces.GetAlternateLookup<ReadOnlySpan<char>>();
            if (IsSingleSpaced(written))
                surfaces[written] = surfaces.TryGetValue(written, out int seen) ? seen + 1 : 1;
            else
            {
                string surface = string.Join(' ', written.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                form.Surfaces[surface] = form.Surfaces.GetValueOrDefault(surface) + 1;
            }
            formOf[m] = form;
        }

        var ordered = _forms.Values.OrderByDescending(f => f.Words.Length).ThenByDescending(f => f.Count).ThenBy(f => f.Title + f.First, StringComparer.Ordinal).ToList();
        // PERF: the forms by last word, in order, and the untitled form of the same words looked up by key: finding
        // the longer form or the untitled one asks a few forms, not all of them (a novel has thousands).
        var byLast = new Dictionary<string, List<NameForm>>(StringComparer.Ordinal);
        foreach (var f in ordered) (byLast.TryGetValue(f.Last, out var list) ? list : byLast[f.Last] = []).Add(f);
        // 1. Full names found characters; a titled full name joins the same untitled one.
        foreach (var form in ordered)
        {
            if (!form.IsFull || form.Title != "" && Untitled(form) is not null) continue;
            // "Martha Sowerby" beside "Martha Phoebe Sowerby": the same first name and surname.
            // "Lambert Strether" beside "Mr. Lewis Lambert Strether": the longer name ends with the shorter.
            NameForm? longer = null;
            foreach (var f in byLast[form.Last])
                if (f.Character >= 0 && f != form
                    && (f.Title == "" && (f.Words.Length > form.Words.Length && f.First == form.First || f.Words.Length == form.Words.Length && IsNickname(form.First, f.First))
                        || f.Title != "" && f.TitleGender != Gender.Female && f.Words.Length > form.Words.Length && EndsWith(f.Words, form.Words)
                           && Compatible(form.TitleGender, GenderOf(f.Character)) && Compatible(form.FirstGender, GenderOf(f.Character))))
                { longer = f; break; }
            if (longer is not null) Join(form, longer.Character);
            else Found(form);
        }
        foreach (var form in ordered)
        {
            if (!form.IsFull || form.Title == "" || form.Character >= 0) continue;
            var same = Untitled(form) is { Character: >= 0 } u ? u : null;
            if (same is not null && Compatible(form.TitleGender, GenderOf(same.Character))) Join(form, same.Character);
            else Found(form);
        }
        // 2. Title and one name: a first name joins the one full name it begins ("Miss Mary");
        //    a surname joins the one full name that fits it, else it is a character of its own.
        foreach (var form in ordered.Where(f => !f.IsFull && f.Title != ""))
        {
            string word = form.Words[0];
            // "Mr. Franklin" beside "Mr. Franklin Blake", "Lord Henry" beside "Lord Henry Wotton": the text's own full
            // name with this title begins with this word, so the short form is that name cut, whatever the title takes.
            var titledFull = Candidates(_byFirst, word, c => HasTitledFirst(c, form.Title, word), form.TitleGender);
            if (titledFull.Count == 1 && Pool(_byLast, word).Count == 0) { Join(form, titledFull[0]); continue; }
            if (form.GivenTitle)
            {
                var byFirst = Candidates(_byFirst, word, c => HasFirst(c, word), form.TitleGender);
                if (byFirst.Count == 1) { Join(form, byFirst[0]); continue; }
                // "Lady Bridget" beside "Bridget O'Hara" (20 times) and "Bridget McKeith" (once, married): the one far more named.
                if (byFirst.Count > 1 && FarMoreNamed(byFirst) is int most and >= 0) { Join(form, most); continue; }
                var byNick = Candidates(NicknamePool(word), c => IsNicknameOf(word, c), form.TitleGender);
                if (byNick.Count == 1) { Join(form, byNick[0]); continue; }
                if (!form.SurnameTitle) { Found(form); continue; }
            }
            var bySurname = Candidates(_byLast, word, c => HasLast(c, word), form.TitleGender);
            // "Mrs. Archer" is not "Newland Archer": a woman's title joins only a full name known to be a woman's.
            if (form.TitleGender == Gender.Female) bySurname.RemoveAll(c => GenderOf(c) != Gender.Female);
            // A family's titles (Mr., Miss) are shared by its members; a rank ("Captain Percy") is one man's.
            bool severalBearers = bySurname.Count > 1 && form.TitleGender != Gender.Unknown;
            var sameTitle = bySurname.FindAll(c => _characters[c].Exists(f => f.Title == form.Title) && !(severalBearers && ToldApartByGivenName(c, form.Title)));
            if (sameTitle.Count == 1) { Join(form, sameTitle[0]); continue; }
            int chosen = OnlyFormallyNamed(bySurname);
            if (chosen < 0 && bySurname.Count == 1 && IsFormOfAddress(form, bySurname[0])) chosen = bySurname[0];
            // "Miss Marjoribanks" beside Lucilla Marjoribanks, the one woman of that surname: a daughter keeps her
            // father's surname and is "Miss" to all (her mother is "Mrs.").
            bool onlyDaughter = chosen < 0 && bySurname.Count == 1 && form.Title == "miss" && GenderOf(bySurname[0]) == Gender.Female;
            if (onlyDaughter) chosen = bySurname[0];
            // "Dr. Craven" beside the "Mr. Craven" the character already is: another man of that family.
            if (chosen >= 0 && form.Count >= 3 && AnotherTitleOf(form, chosen)) chosen = -1;
            if (chosen >= 0 && (onlyDaughter || !OtherTitleHolds(form))) Join(form, chosen);
            else Found(form);
        }
        // 3. One name alone: first name, surname, or nickname of exactly one character.
        foreach (var form in ordered.Where(f => !f.IsFull && f.Title == ""))
        {
            string word = form.Words[0];
            // "the Lightwoods", "Pontelliers": a family, its own (plural) character, never one of its members.
            if (form.AfterThe > 0 && IsFamily(word)) { Found(form); continue; }
            var byFirst = Candidates(_byFirst, word, c => HasFirst(c, word), Gender.Unknown);
            if (byFirst.Count >= 1) { Join(form, MostMentioned(byFirst)); continue; }
            var bySurname = Candidates(_byLast, word, c => HasLast(c, word), Gender.Unknown);
            // A surname alone names a man ("Pontellier" beside "Edna Pontellier" and "Mr. Pontellier"):
            // when a man bears it, the women who bear it are not candidates.
            var holders = Candidates(Union(Pool(_byLast, word), Pool(_byTitledName, word)),
                                     c => HasLast(c, word) || _characters[c].Exists(f => f.Title != "" && !f.IsFull && f.First == word), Gender.Unknown);
            var notWomen = holders.FindAll(c => GenderOf(c) != Gender.Female && Mentions(c) >= 3);
            if (notWomen.Count > 0 && notWomen.Count < holders.Count) bySurname = notWomen;
            if (bySurname.Count == 1) { Join(form, bySurname[0]); continue; }
            // "Bennet" alone: which Bennet? The one the text names far more than the others, else none.
            if (bySurname.Count > 1) { if (Dominant(bySurname) is int d and >= 0) Join(form, d); continue; }
            var byTitledSurname = Candidates(_byTitledName, word, c => _characters[c].Exists(f => f.Title != "" && !f.IsFull && f.First == word), Gender.Unknown);
            if (byTitledSurname.Count == 1) { Join(form, byTitledSurname[0]); continue; }
            if (byTitledSurname.Count > 1) { if (Dominant(byTitledSurname) is int d and >= 0) Join(form, d); continue; }
            // "You don't understand me, Harry," to the man the narration calls "Lord Henry": a nickname said mostly in the lines
            // (three times in four, and at least three times) is how the others address the one of the given names it shortens
            // whom the narration names beside it, whatever his title.
            if (form.Count >= 3 && form.InDialogue * 4 >= form.Count * 3)
            {
                var addressed = Candidates(NicknamePool(word), c => HasNicknamedGiven(word, c), Gender.Unknown);
                if (addressed.Count > 0 && NamedBeside(form, addressed) is int addressee and >= 0) { Join(form, addressee); continue; }
            }
            var byNickname = Candidates(NicknamePool(word), c => IsNicknameOf(word, c), Gender.Unknown);
            if (byNickname.Count == 1) { Join(form, byNickname[0]); continue; }
            // "to be sure, Jack" when John Reed, not John Eyre, has just been named: of several it may shorten, the one named beside it.
            if (byNickname.Count > 1 && NamedBeside(form, byNickname) is int beside and >= 0) { Join(form, beside); continue; }
            // "But Sidney said" once, beside "Sid" all through: a given name alone whose nickname one character goes by.
            if (CalledByNickname(word) is var bearer and >= 0) { Join(form, bearer); continue; }
            Found(form);
        }

        var characterOf = new int[names.Count];
        for (int m = 0; m < names.Count; m++) characterOf[m] = formOf[m]?.Character ?? -1;
        var characters = new List<Character>(_characters.Count);
        for (int c = 0; c < _characters.Count; c++)
        {
            var forms = _characters[c];
            var character = new Character(c) { Prior = GenderOf(c), TitledPrior = forms.Exists(f => f.TitleGender is Gender.Male or Gender.Female), Family = forms.Count == 1 && forms[0].Title == "" && !forms[0].IsFull && forms[0].AfterThe > 0 && IsFamily(forms[0].First) };
            foreach (var form in forms)
                foreach (var (surface, count) in form.Surfaces)
                    character.Aliases.Add(new Alias(surface, count));
            character.Aliases.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Text, b.Text));
            character.Name = FullestCommonName(forms);
            characters.Add(character);
        }
        return (characterOf, characters);
    }

    /// <summary>The untitled form of the same words as <paramref name="form"/> (a form's words are its key's name split at spaces).</summary>
    private NameForm? Untitled(NameForm form) => _forms.GetValueOrDefault(("", string.Join(' ', form.Words)));

    // "Lightwoods", "Joneses": a plural of a surname the text also uses in the singular.
    private bool IsFamily(string word)
    {
        if (word.Length < 4 || word[^1] != 's' || word[^2] == 's') return false;
        string stem = word[..^1];
        string stem2 = word.EndsWith("es", StringComparison.Ordinal) ? word[..^2] : "";
        foreach (var f in _forms.Values)
            if (f.Last == stem || f.Last == stem2) return true;
        return false;
    }

    private static bool IsSingleSpaced(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i + 1 < text.Length && text[i + 1] == ' ')) return false;
        return true;
    }

    private void Found(NameForm form)
    {
        form.Character = _characters.Count;
        _characters.Add([form]);
        Index(form);
    }

    private void Join(NameForm form, int character)
    {
        form.Character = character;
        _characters[character].Add(form);
        Index(form);
    }

    // PERF: the characters each name word can belong to, kept as forms join characters, so that finding
    // the candidates for a name asks a few characters, not all of them (a novel has hundreds).
    private readonly Dictionary<string, List<int>> _byFirst = new(StringComparer.Ordinal), _byLast = new(StringComparer.Ordinal),
        _byTitledName = new(StringComparer.Ordinal), _byGivenName = new(StringComparer.Ordinal);

    private void Index(NameForm form)
    {
        if (form.IsFull) { Add(_byFirst, form.First, form.Character); Add(_byLast, form.Last, form.Character); }
        if (form.Title != "" && !form.IsFull) Add(_byTitledName, form.First, form.Character);
        else Add(_byGivenName, form.First.ToLowerInvariant(), form.Character);

        static void Add(Dictionary<string, List<int>> index, string word, int character)
        {
            if (!index.TryGetValue(word, out var list)) index[word] = list = [];
            int at = list.BinarySearch(character);
            if (at < 0) list.Insert(~at, character);
        }
    }

    private static readonly List<int> NoCharacters = [];

    private static List<int> Pool(Dictionary<string, List<int>> index, string word) => index.GetValueOrDefault(word) ?? NoCharacters;

    private static List<int> Union(List<int> a, List<int> b)
    {
        if (b.Count == 0) return a;
        if (a.Count == 0) return b;
        var union = new List<int>(a.Count + b.Count);
        union.AddRange(a);
        foreach (int c in b) if (a.BinarySearch(c) < 0) union.Add(c);
        union.Sort();
        return union;
    }

    // The characters called by a given name that a nickname shortens ("Lizzy": the Elizabeths).
    private List<int> NicknamePool(string nickname)
    {
        if (!_tables.FormalNames.TryGetValue(nickname.ToLowerInvariant(), out var formal)) return NoCharacters;
        var pool = NoCharacters;
        foreach (string given in formal) pool = Union(pool, Pool(_byGivenName, given));
        return pool;
    }

    private List<int> Candidates(Dictionary<string, List<int>> index, string word, Func<int, bool> fits, Gender gender) =>
        Candidates(Pool(index, word), fits, gender);

    /// <summary>The characters of <paramref name="pool"/> (ascending; a superset of the answer) that fit, of a compatible gender.</summary>
    private List<int> Candidates(List<int> pool, Func<int, bool> fits, Gender gender)
    {
        var found = new List<int>();
        foreach (int c in pool)
            if (fits(c) && Compatible(gender, GenderOf(c))) found.Add(c);
        return found;
    }

    // Of several bearers of one surname, the one named at least three times as often as all the others
    // together, and not a woman (a surname alone is how the narration names men: "Strether", "Waymarsh"); else -1.
    private int Dominant(List<int> characters)
    {
        int best = MostMentioned(characters), others = 0;
        foreach (int c in characters) if (c != best) others += Mentions(c);
        return Mentions(best) >= 3 * others && others > 0 && GenderOf(best) != Gender.Female ? best : -1;
    }

    // Another title used with this surname ("Mr. Craven" beside "Dr. Craven") that the character
    // already goes by, in full ("Mr. Archibald Craven") or alone.
    private bool AnotherTitleOf(NameForm form, int character)
    {
        foreach (var other in _forms.Values)
            if (other.Title != "" && other.Title != form.Title && !other.IsFull && other.First == form.Words[0] && other.Count >= 3
                && _characters[character].Exists(f => f.Title == other.Title))
                return true;
        return false;
    }

    private static bool EndsWith(string[] longer, string[] shorter)
    {
        for (int i = 1; i <= shorter.Length; i++)
            if (longer[^i] != shorter[^i]) return false;
        return true;
    }

    // The one named at least three times as often as all the others together, or -1.
    private int FarMoreNamed(List<int> characters)
    {
        int best = MostMentioned(characters), others = 0;
        foreach (int c in characters) if (c != best) others += Mentions(c);
        return Mentions(best) >= 3 * others ? best : -1;
    }

    private int MostMentioned(List<int> characters)
    {
        int best = characters[0];
        foreach (int c in characters)
            if (Mentions(c) > Mentions(best)) best = c;
        return best;
    }

    private int Mentions(int c)
    {
        int n = 0;
        foreach (var f in _characters[c]) n += f.Count;
        return n;
    }

    // "Mr. Lightwood" said mostly in dialogue, of a man the narration calls "Alec" (Alec Lightwood, the
    // only Lightwood): how others address him. A title of no gender ("Captain") or of the other gender,
    // or a title the narration uses ("Mrs. Lennox gasped", of Mary Lennox's mother), is someone else.
    private bool IsFormOfAddress(NameForm form, int character)
    {
        var gender = GenderOf(character);
        return form.TitleGender != Gender.Unknown && form.TitleGender == gender && form.InDialogue * 2 > form.Count;
    }

    private bool HasTitledFirst(int c, string title, string word)
    {
        foreach (var f in _characters[c])
            if (f.IsFull && f.Title == title && f.First == word) return true;
        return false;
    }

    private bool HasFirst(int c, string word)
    {
        foreach (var f in _characters[c])
            if (f.IsFull && f.First == word) return true;
        return false;
    }

    // Of the full names that fit a title and surname ("Mr. Craven": Archibald Craven, Colin Craven),
    // the one whose first name the text never uses alone is the one it calls by title; a character
    // the text calls by first name ("Mary") is not the one it calls "Mrs. Lennox" or "Captain Lennox".
    // -1 unless exactly one such.
    private int OnlyFormallyNamed(List<int> candidates)
    {
        int found = -1;
        foreach (int c in candidates)
        {
            bool firstUsedAlone = false;
            foreach (var f in _characters[c])
                if (f.IsFull && _forms.TryGetValue(("", f.First), out var alone) && alone.Count > 2) firstUsedAlone = true;
            if (firstUsedAlone) continue;
            if (found >= 0) return -1;
            found = c;
        }
        return found;
    }

    // Of several bearers of a surname, one the text calls by title and given name ("Miss Anne", beside
    // "Miss Elliot", her elder sister) or by given name alone ("Charles", beside "Mr. Wilcox", his father)
    // is not the one it calls by title and surname, even if it once says "Miss Anne Elliot" or "Mr. Charles Wilcox".
    // (The only bearer is: "Miss Amelia" is "Miss Sedley".)
    private bool ToldApartByGivenName(int c, string title)
    {
        foreach (var f in _characters[c])
        {
            if (!f.IsFull) continue;
            if (_forms.TryGetValue((title, f.First), out var given) && given.Count >= 2) return true;
            if (_forms.TryGetValue(("", f.First), out var alone) && alone.Count > 2) return true;
        }
        return false;
    }

    private bool HasLast(int c, string word)
    {
        foreach (var f in _characters[c])
            if (f.IsFull && f.Last == word) return true;
        return false;
    }

    // A nickname ("Lizzy") belongs to a character the text calls by a given name it shortens
    // ("Elizabeth"), and only to one it calls by that name more often than by a title: "Kitty" is not
    // "Lady Catherine".
    private bool IsNicknameOf(string word, int c)
    {
        foreach (var f in _characters[c])
        {
            if (f.Title != "" && !f.IsFull || !IsNickname(word, f.First)) continue;
            int alone = _forms.TryGetValue(("", f.First), out var a) ? a.Count : 0;
            int titled = 0;
            foreach (var g in _characters[c]) if (g.Title != "" && !g.IsFull && g.First == f.First) titled += g.Count;
            if (alone >= titled) return true;
        }
        return false;
    }

    /// <summary>
    /// Of the <paramref name="candidates"/>, the one named (by a form already theirs) within two paragraphs of at least half
    /// the uses of <paramref name="form"/>, and beside at least twice as many of them as any other candidate; else -1.
    /// </summary>
    private int NamedBeside(NameForm form, List<int> candidates)
    {
        var uses = new List<int>();
        var named = new List<int>[candidates.Count];
        for (int k = 0; k < named.Length; k++) named[k] = [];
        for (int m = 0; m < _formOf.Length; m++)
        {
            var f = _formOf[m];
            if (f is null) continue;
            int p = _view.ParagraphOf[_names[m].FirstToken];
            if (f == form) uses.Add(p);
            else if (f.Character >= 0 && candidates.IndexOf(f.Character) is int k and >= 0) named[k].Add(p);
        }
        int best = -1, bestNear = 0, secondNear = 0;
        for (int k = 0; k < named.Length; k++)
        {
            int near = 0;
            foreach (int p in uses)
            {
                int at = named[k].BinarySearch(p - 2);
                if (at < 0) at = ~at;
                if (at < named[k].Count && named[k][at] <= p + 2) near++;
            }
            if (near > bestNear) { secondNear = bestNear; bestNear = near; best = candidates[k]; }
            else if (near > secondNear) secondNear = near;
        }
        return bestNear * 2 >= uses.Count && bestNear >= 2 * secondNear ? best : -1;
    }

    // A character with a given name (alone, in full, or after a title) that the nickname shortens.
    private bool HasNicknamedGiven(string nickname, int c)
    {
        foreach (var f in _characters[c])
            if ((f.IsFull || f.GivenTitle) && IsNickname(nickname, f.First)) return true;
        return false;
    }

    // The nicknames of each given name ("sidney": "sid", "syd"), from the table of the given names each nickname shortens.
    private static readonly Lazy<Dictionary<string, List<string>>> NicknamesOf = new(() =>
    {
        var of = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (nickname, givens) in CastTables.Shared.FormalNames)
            foreach (string given in givens)
                (of.TryGetValue(given, out var list) ? list : of[given] = []).Add(nickname);
        return of;
    });

    /// <summary>The one character already called, alone, by a nickname of the given name <paramref name="word"/>; -1 for none or several.</summary>
    private int CalledByNickname(string word)
    {
        if (!NicknamesOf.Value.TryGetValue(word.ToLowerInvariant(), out var nicknames)) return -1;
        int bearer = -1;
        foreach (string nickname in nicknames)
        {
            string form = char.ToUpperInvariant(nickname[0]) + nickname[1..];
            if (!_forms.TryGetValue(("", form), out var f) || f.Character < 0 || f.Character == bearer) continue;
            if (bearer >= 0) return -1;
            bearer = f.Character;
        }
        return bearer;
    }

    private bool IsNickname(string nickname, string given) =>
        _tables.FormalNames.TryGetValue(nickname.ToLowerInvariant(), out var formal)
        && Array.IndexOf(formal, given.ToLowerInvariant()) >= 0;

    // Another titled form with the same surname but another title ("Mr. Bennet" beside "Mrs. Bennet"):
    // the surname names a family, so no full name can be assumed to be this one.
    private bool OtherTitleHolds(NameForm form)
    {
        foreach (var other in _forms.Values)
            if (other != form && other.Title != "" && other.Title != form.Title && !other.IsFull && other.Words[0] == form.Words[0]
                && other.TitleGender != Gender.Unknown && form.TitleGender != Gender.Unknown && other.TitleGender == form.TitleGender)
                return true;
        return false;
    }

    private Gender GenderOf(int c)
    {
        foreach (var f in _characters[c])
            if (f.TitleGender != Gender.Unknown) return f.TitleGender;
        foreach (var f in _characters[c])
        {
            var g = f.FirstGender;
            if (g != Gender.Unknown && (f.IsFull || f.Title == "")) return g;
        }
        return Gender.Unknown;
    }

    private Gender FirstNameGender(string word) => _tables.FirstNames.TryGetValue(word, out var g) ? g : Gender.Unknown;

    private static bool Compatible(Gender a, Gender b) => a == Gender.Unknown || b == Gender.Unknown || a == b;

    private static string NormalizeTitle(ReadOnlySpan<char> title)
    {
        string t = title.TrimEnd('.').ToString().ToLowerInvariant();
        return t switch
        {
            "mister" or "mester" => "mr", "missus" => "mrs", "doctor" => "dr", "capt" => "captain", "col" => "colonel",
            "gen" => "general", "lt" => "lieutenant", "sgt" => "sergeant", "maj" => "major", "prof" => "professor",
            "rev" or "revd" => "reverend", "st" => "saint", "mme" => "madame", "mlle" => "mademoiselle",
            _ => t,
        };
    }

    // Words count two, a title one; but not a title the text mostly leaves off ("Mester Colin" 13 times, "Colin" 305).
    private static int NameSize(NameForm f, List<NameForm> forms)
    {
        int size = 2 * f.Words.Length;
        if (f.Title == "") return size;
        foreach (var g in forms)
            if (g.Title == "" && g.Count > f.Count && g.Words.AsSpan().SequenceEqual(f.Words)) return size;
        return size + 1;
    }

    // The fullest form used at least twice (or the most used), with its most frequent spelling.
    private static string FullestCommonName(List<NameForm> forms)
    {
        NameForm? best = null;
        int total = 0;
        foreach (var f in forms) total += f.Count;
        foreach (var f in forms)
        {
            bool common = f.Count >= 2 || f.Count * 10 >= total;
            if (!common) continue;
            // A title counts half a word: "Mary Lennox" is fuller than "Mistress Mary".
            int size = NameSize(f, forms);
            int bestSize = best is null ? -1 : NameSize(best, forms);
            if (best is null || size > bestSize || size == bestSize && f.Count > best.Count) best = f;
        }
        best ??= forms[0];
        string surface = "";
        int most = -1;
        foreach (var (s, n) in best.Surfaces)
            if (n > most || n == most && string.CompareOrdinal(s, surface) < 0) { surface = s; most = n; }
        return string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
