using Fabula.Cast;
using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// What the text states about its characters (docs/json.md, <c>attributes</c>): ages, eyes, hair,
/// height, build, occupation, scent, origin and class, each with the words that state it, found in
/// one pass over the tokens at a few trigger words (a copula, "eyes", "birthday", "scent" ...). The
/// character is the one the cast stage's mention before the trigger refers to. Also finds deaths
/// and the story's own class systems (<see cref="Taxonomy"/>). Adds the
/// <see cref="CharacterAttribute"/> layer and <see cref="CharacterFacts"/>.
/// </summary>
public sealed class AttributeFinder : IStage
{
    public void Run(Story story)
    {
        if (story.Find<CastList>() is null || !story.Has<Mention>()) return;
        var reader = new Reader(story, WorldView.Of(story), WorldTables.Shared);
        reader.Read();
        var facts = reader.Facts;
        facts.Taxonomies.AddRange(Taxonomies.Find(reader.View, reader.Predicates, reader.StatedClasses, reader.Attributes, WorldTables.Shared));

        reader.Attributes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        story.Add(reader.Attributes, allowOverlap: true);
        facts.Ages.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        facts.Deaths.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        story.Set(facts);
    }

    /// <summary>
    /// A noun predicated of a character ("Izzy was a beta"): the class candidates of <see cref="Taxonomies"/>.
    /// A capitalized one ("Wren was a Keeper") or an occupation counts only where the story states its classes.
    /// </summary>
    internal readonly record struct Predicate(string Term, int Character, TextSpan Span, bool OnlyIfStated = false);

    /// <summary>A closed list of classes the story states of everyone: "Everyone was born either a Keeper or a Drifter".</summary>
    internal readonly record struct StatedClasses(string[] Terms, TextSpan Span);

    private sealed class Reader(Story story, WorldView view, WorldTables words)
    {
        public readonly WorldView View = view;
        public readonly List<CharacterAttribute> Attributes = [];
        public readonly List<Predicate> Predicates = [];
        public readonly List<StatedClasses> StatedClasses = [];
        public readonly CharacterFacts Facts = new();
        private readonly HashSet<(int, string, string)> _stated = [];
        private readonly StoryText _text = story.Text;
        // PERF: screens of the tables asked of tokens (WorldView.Screen): a table is asked only of the tokens whose word
        // it may hold. The small tables' entries are looked up among the story's words; the large ones are asked
        // once per distinct word, when first met.
        private readonly bool[] _degree = view.Screen(words.DegreeWords.Set), _pastMarkers = view.Screen(words.PastMarkers.Set),
            _negations = view.Screen(words.Negations.Set), _boundaries = view.Screen(words.Boundaries.Set), _copulas = view.Screen(words.Copulas.Set),
            _deaths = view.Screen(words.Deaths.Dictionary.Keys), _appearance = view.Screen(words.Appearance.Dictionary.Keys);
        private readonly WorldView.WordScreen _personNouns = view.LazyScreen(w => words.PersonNouns.Contains(w)),
            _occupations = view.LazyScreen(w => words.Occupations.Contains(w)), _numbers = view.LazyScreen(w => words.NumberValue(w) > 0);

        private bool In(bool[] screen, System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> table, int k) =>
            View.May(screen, k) && table.Contains(View[k]);

        private bool In(WorldView.WordScreen screen, System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> table, int k) =>
            screen.May(k) && table.Contains(View[k]);

        // The owner of the last eyes or hair read, for "had dark eyes and long black hair".
        private (int Character, int Start, int Token) _lastFeature = (-1, -1, -1);

        /// <summary>What a trigger word starts (Data/world/attribute-triggers.txt, copulas.txt, deaths.txt).</summary>
        private enum Trigger : byte { None, Copula, Eyes, Hair, Birthday, Age, Aged, Old, Scent, Smelled, Came, DeathAfter, DeathPossessive, DeathBefore, Other }

        private static Trigger TriggerOf(string? name) => name switch
        {
            null => Trigger.None,
            "copula" => Trigger.Copula,
            "eyes" => Trigger.Eyes,
            "hair" => Trigger.Hair,
            "birthday" => Trigger.Birthday,
            "age" => Trigger.Age,
            "aged" => Trigger.Aged,
            "old" => Trigger.Old,
            "scent" => Trigger.Scent,
            "smelled" => Trigger.Smelled,
            "came" => Trigger.Came,
            "death-after" => Trigger.DeathAfter,
            "death-possessive" => Trigger.DeathPossessive,
            "death-before" => Trigger.DeathBefore,
            _ => Trigger.Other,
        };

        // A word that may state an age without a trigger: "twelve-year-old", "twenties", "teens".
        private static bool MayStateAge(ReadOnlySpan<char> word) =>
            word.Length > 8 && word.IndexOf('-') > 0 && word.Contains("-year", StringComparison.OrdinalIgnoreCase)
            || word.Length >= 5 && (word[^1] | 0x20) == 's' && (word[^2] | 0x20) == 'e'
               && (word.EndsWith("ties", StringComparison.OrdinalIgnoreCase) || word.Equals("teens", StringComparison.OrdinalIgnoreCase));

        public void Read()
        {
            // PERF: each distinct word's trigger is looked up once (an array per token), and whether it may
            // state an age (a word outside ASCII is asked as before, token by token).
            var triggers = View.PerWord(words.Triggers.Dictionary.Keys, w => TriggerOf(words.Triggers.TryGetValue(w, out var t) ? t : null), Trigger.None);
            var ageWords = View.PerWord(w => !System.Text.Ascii.IsValid(w) || MayStateAge(w));
            var mentionEnding = View.MentionEnding;
            var types = View.Types;
            var marked = new bool[triggers.Length];
            for (int k = 0; k < marked.Length; k++) marked[k] = triggers[k] != Trigger.None || ageWords[k];
            for (int i = 0; i < types.Length; i++)
            {
                // PERF: the words that trigger nothing and end no mention are passed in a loop of their own.
                if ((i = NextToRead(types, marked, mentionEnding, View.Mentions, i)) >= types.Length) break;
                int type = types[i];
                if (type < 0 && !View.IsWord(i)) continue;
                if (mentionEnding[i] >= 0 && View.Mentions[mentionEnding[i]].Kind == MentionKind.Name && View.IsMark(i + 1, ','))
                    Apposition(i);
                var trigger = type >= 0 ? triggers[type] : TriggerOf(words.Triggers.TryGetValue(View[i], out var t) ? t : null);
                if (trigger == Trigger.None)
                {
                    if (type >= 0 && !ageWords[type]) continue;
                    // PERF: plain character tests before any string search.
                    var word = View[i];
                    if (word.Length > 8 && word.IndexOf('-') > 0 && word.Contains("-year", StringComparison.OrdinalIgnoreCase)) HyphenAge(i, -1);
                    else if (word.Length >= 5 && (word[^1] | 0x20) == 's' && (word[^2] | 0x20) == 'e'
                             && (word.EndsWith("ties", StringComparison.OrdinalIgnoreCase) || word.Equals("teens", StringComparison.OrdinalIgnoreCase))) Decade(i);
                    continue;
                }
                switch (trigger)
                {
                    case Trigger.Copula: i = Copula(i); break;
                    case Trigger.Eyes: Feature(i, "eyes"); break;
                    case Trigger.Hair: Feature(i, "hair"); break;
                    case Trigger.Birthday: Birthday(i); break;
                    case Trigger.Age: if (View.Is(i - 1, "the") && View.Is(i + 1, "of")) StatedAge(i, i + 2); break;
                    case Trigger.Aged: StatedAge(i, i + 1); break;
                    case Trigger.Old: if (View.Is(i - 1, "years") || View.Is(i - 1, "year")) StatedAge(i, i - 2, backwards: true); break;
                    case Trigger.Scent: Scent(i, View.OwnerAt(i - 1), verb: false); break;
                    case Trigger.Smelled: Scent(i, (View.CharacterEndingAt(i - 1), View.MentionEnding[Math.Max(0, i - 1)] >= 0 ? View.StartToken(i - 1, View.MentionEnding[i - 1]) : i - 1), verb: true); break;
                    case Trigger.Came: Origin(i); break;
                    case Trigger.DeathAfter: Died(i); break;
                    case Trigger.DeathPossessive: if (View.OwnerAt(i - 1) is { Character: >= 0 } owner) AddDeath(owner.Character, owner.Start, i); break;
                    case Trigger.DeathBefore: TheLate(i); break;
                }
            }
            foreach (var mention in View.Mentions)
                if (mention.Character >= 0 && mention.Kind != MentionKind.Pronoun) Role(mention);
        }

        // The first token at or after i that is no word of an unmarked type ending no name (an apposition may follow a name), or types.Length.
        private static int NextToRead(int[] types, bool[] marked, int[] mentionEnding, Mention[] mentions, int i)
        {
            for (; (uint)i < (uint)types.Length && (uint)i < (uint)mentionEnding.Length; i++)
            {
                int t = types[i];
                if (t < 0 || marked[t] || mentionEnding[i] is int m and >= 0 && mentions[m].Kind == MentionKind.Name) return i;
            }
            return types.Length;
        }

        // ---- copulas: "Izzy was a beta", "she was seventeen", "he was tall and lean" ----

        private int Copula(int i)
        {
            int subjectEnd = i - 1;
            if (View.IsWord(subjectEnd) && (In(_degree, words.DegreeWords, subjectEnd) || View.Is(subjectEnd, "had") || View.Is(subjectEnd, "has")))
                subjectEnd--;
            int c = View.CharacterEndingAt(subjectEnd);
            bool unnamedPerson = false;
            if (StateClasses(i)) return i;
            if (c < 0)
            {
                // "your son is an omega": a person noun the cast could not resolve still predicates a class.
                if (!View.IsLower(subjectEnd) || !In(_personNouns, words.PersonNouns, subjectEnd)) return i;
                unnamedPerson = true;
            }
            int subjectStart = c >= 0 ? View.StartToken(subjectEnd, View.MentionEnding[subjectEnd]) : subjectEnd;
            bool past = View.IsWord(subjectStart - 1) && In(_pastMarkers, words.PastMarkers, subjectStart - 1);
            int j = i + 1;
            while (View.IsWord(j) && In(_degree, words.DegreeWords, j)) j++;
            if (!View.IsWord(j) || In(_negations, words.Negations, j)) return i;
            var word = View[j];
            if (unnamedPerson)
            {
                if (View.Is(j, "a") || View.Is(j, "an")) Phrase(j, -1, subjectStart, classOnly: true);
                return i;
            }
            if (View.Is(j, "born")) { Born(j, c, subjectStart); return j; }
            if (View.May(_deaths, j) && words.Deaths.TryGetValue(word, out var how) && how == "passive" && !past)
            {
                // "were dead", "be killed": a wish or a fear, not a death.
                AddDeath(c, subjectStart, j, Certain(subjectStart) && !View.Is(i, "were") && !View.Is(i, "be"));
                return j;
            }
            if (View.Is(j, "from")) { OriginAt(j + 1, c, subjectStart); return j; }
            if (View.Is(j, "a") || View.Is(j, "an") || View.Is(j, "the")) return Phrase(j, c, subjectStart, classOnly: false, past);
            if (_numbers.May(j) && words.NumberValue(word) > 0) return Age(j, c, subjectStart, past);
            if (word.Contains("-year", StringComparison.OrdinalIgnoreCase)) { HyphenAge(j, c, subjectStart, past); return j; }
            if (View.May(_appearance, j) && words.Appearance.ContainsKey(word)) return Looks(j, c, subjectStart);
            return i;
        }

        // "seventeen", "twenty one", "12 years old" after a copula.
        private int Age(int j, int c, int subjectStart, bool past)
        {
            int value = words.NumberValue(View[j]);
            int end = j;
            if (value >= 20 && value % 10 == 0 && View.IsWord(j + 1) && words.NumberValue(View[j + 1]) is > 0 and < 10 and var units)
            {
                value += units;
                end = j + 1;
            }
            int k = end + 1;
            if (View.Is(k, "years") || View.Is(k, "year"))
            {
                if (!View.Is(k + 1, "old")) return j;
                end = k + 1;
            }
            else if (!View.IsBoundary(k) && !In(_boundaries, words.Boundaries, k) && !View.Is(k, "today")) return j;
            if (value is < 1 or > 119) return j;
            AddAge(c, subjectStart, end, value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), past);
            return end;
        }

        // After an article: "a beta", "a tall thin man", "the gardener", "the CEO of a company", "a twelve-year-old".
        private int Phrase(int article, int c, int subjectStart, bool classOnly, bool past = false)
        {
            bool definite = View.Is(article, "the");
            for (int k = article + 1; k < article + 6 && View.IsWord(k); k++)
            {
                var word = View[k];
                if (classOnly)
                {
                    if (Ends(k)) { Predicate(k, c, subjectStart); return k; }
                    continue;
                }
                if (word.Contains("-year", StringComparison.OrdinalIgnoreCase)) { HyphenAge(k, c, subjectStart, past); return k; }
                if (View.May(_appearance, k) && words.Appearance.TryGetValue(word, out var feature)) { Add(c, feature, Lower(k), subjectStart, k); continue; }
                if ((View.IsLower(k) || View[k].Length <= 4 && IsCapitals(View[k])) && In(_occupations, words.Occupations, k) && HeadEnds(k))
                {
                    // "the CEO of a company", "the Bishop of Barchester": an "of" phrase with an article or a name.
                    int end = k;
                    if (View.Is(k + 1, "of") && (View.Is(k + 2, "a") || View.Is(k + 2, "an") || View.Is(k + 2, "the") || View.IsWord(k + 2) && !View.IsLower(k + 2)))
                        for (int e = k + 2; e < k + 6 && View.IsWord(e) && !In(_boundaries, words.Boundaries, e); e++)
                        {
                            end = e;
                            if (e > k + 2 && !View.Is(e, "of")) break;
                        }
                    Add(c, "occupation", _text.Copy(TextSpan.FromBounds(View.Span(k).Start, View.Span(end).End)), subjectStart, end);
                    if (end == k && !definite && Ends(k)) Predicate(k, c, subjectStart);
                    return end;
                }
                if (!definite && Ends(k)) { Predicate(k, c, subjectStart); return k; }
            }
            return article;
        }

        private bool Ends(int k) => View.IsBoundary(k + 1) || In(_boundaries, words.Boundaries, k + 1);

        // An occupation noun heads its phrase: a mark, a clause word or a preposition follows ("a doctor in London").
        private bool HeadEnds(int k) => Ends(k) || View.Is(k + 1, "of") || View.Is(k + 1, "in") || View.Is(k + 1, "at") || View.Is(k + 1, "for")
                                        || View.Is(k + 1, "to") || View.Is(k + 1, "with") || View.Is(k + 1, "by") || View.Is(k + 1, "on");

        private void Predicate(int k, int c, int subjectStart)
        {
            var word = View[k];
            bool capitalized = !View.IsLower(k);
            if (capitalized && (View.IsAllCaps(k) || View.Initial[k])) return;
            // An occupation ("Fenn was a Weaver") is a class only where the story states it as one.
            bool onlyIfStated = capitalized || words.Occupations.Contains(word);
            if (word.Length < 3 || words.Appearance.ContainsKey(word)
                || words.GenericPersonNouns.Contains(word) || words.NotNouns.Contains(word) || words.NotNames.Contains(word) || words.NumberValue(word) > 0) return;
            foreach (char ch in word) if (!char.IsLetter(ch)) return;
            Predicates.Add(new Predicate(word.ToString().ToLowerInvariant(), c, TextSpan.FromBounds(View.Span(subjectStart).Start, View.Span(k).End), onlyIfStated));
        }

        // How far before its copula a subject of everyone may start: "Every child in the old city is born ...".
        private const int EveryoneWindow = 8;

        /// <summary>
        /// "Everyone in Saltmere was born either a Keeper or a Drifter", "every child is born an X, a Y or
        /// a Z": after a copula of a subject of everyone ("everyone", "every", "all"), "born" and a list of
        /// two or more single nouns with "a"/"an", closed by "or" or "and". Returns whether it found one.
        /// </summary>
        private bool StateClasses(int copula)
        {
            int j = copula + 1;
            if (!View.Is(j, "born")) return false;
            bool everyone = false;
            for (int s = copula - 1; s >= 0 && copula - s <= EveryoneWindow && !View.IsBoundary(s + 1); s--)
                if (View.IsWord(s) && words.Everyone.Contains(View[s])) { everyone = true; j = s; break; }
            if (!everyone) return false;
            int start = j, k = copula + 2;
            if (View.Is(k, "either")) k++;
            var terms = new List<string>(4);
            bool closed = false;
            while ((View.Is(k, "a") || View.Is(k, "an")) && View.IsWord(k + 1))
            {
                foreach (char ch in View[k + 1]) if (!char.IsLetter(ch)) return false;
                terms.Add(View[k + 1].ToString().ToLowerInvariant());
                k += 2;
                if (closed) break;
                if (View.IsMark(k, ',')) k++;
                if (View.Is(k, "or") || View.Is(k, "and")) { closed = true; k++; }
                else if (!View.IsMark(k - 1, ',')) break;
            }
            if (!closed || terms.Count < 2 || !Ends(k - 1)) return false;
            StatedClasses.Add(new StatedClasses([.. terms], TextSpan.FromBounds(View.Span(start).Start, View.Span(k - 1).End)));
            return true;
        }

        // "was born in Idris", "was born an omega".
        private void Born(int j, int c, int subjectStart)
        {
            if (View.Is(j + 1, "in") || View.Is(j + 1, "at")) OriginAt(j + 2, c, subjectStart);
            else if (View.Is(j + 1, "a") || View.Is(j + 1, "an")) Phrase(j + 1, c, subjectStart, classOnly: true);
        }

        // "tall and lean", "very thin".
        private int Looks(int j, int c, int subjectStart)
        {
            int k = j, last = j;
            while (View.IsWord(k))
            {
                if (words.Appearance.TryGetValue(View[k], out var feature))
                {
                    if (!Ends(k) && !words.Appearance.ContainsKey(View[k + 1])) break;
                    Add(c, feature, Lower(k), subjectStart, k);
                    last = k;
                }
                else if (!View.Is(k, "and") && !In(_degree, words.DegreeWords, k)) break;
                k++;
                if (View.IsMark(k, ',')) k++;
            }
            return last;
        }

        // ---- eyes and hair: "his green eyes", "Izzy's long red hair", "her eyes were grey" ----

        private void Feature(int i, string name)
        {
            var shades = new List<int>(3);
            (int Character, int Start) owner = (-1, -1);
            int ownerToken = -1;
            for (int k = i - 1; k >= i - 5 && View.IsWord(k); k--)
            {
                owner = View.OwnerAt(k);
                ownerToken = k;
                if (owner.Character >= 0) break;
                if (View.Is(k, "had") || View.Is(k, "has"))
                {
                    int c = View.CharacterEndingAt(k - 1);
                    if (c >= 0) owner = (c, View.StartToken(k - 1, View.MentionEnding[k - 1]));
                    break;
                }
                if (View.Is(k, "and") && _lastFeature.Token == k - 1)
                {
                    owner = (_lastFeature.Character, _lastFeature.Start);
                    break;
                }
                if (View.Is(k, "the") || View.Is(k, "a") || View.Is(k, "an")) break;
                if (words.IsShade(View[k])) shades.Insert(0, k);
            }
            if (owner.Character < 0) return;
            _lastFeature = (owner.Character, owner.Start, i);
            int end = i;
            if (shades.Count == 0 && ownerToken == i - 1 && View.IsWord(i + 1) && In(_copulas, words.Copulas, i + 1))
            {
                for (int k = i + 2; k < i + 7 && View.IsWord(k); k++)
                {
                    if (words.IsShade(View[k])) { shades.Add(k); end = k; }
                    else if (!View.Is(k, "and") && !In(_degree, words.DegreeWords, k)) break;
                }
            }
            if (shades.Count == 0) return;
            var value = new System.Text.StringBuilder();
            foreach (int k in shades)
            {
                if (value.Length > 0) value.Append(' ');
                value.Append(Shade(View[k]));
            }
            Add(owner.Character, name, value.ToString(), owner.Start, end);
        }

        // One spelling for the shades written two ways.
        private static string Shade(ReadOnlySpan<char> word)
        {
            string s = word.ToString().ToLowerInvariant();
            return s switch { "gray" => "grey", "blonde" => "blond", _ => s.Replace("gray", "grey") };
        }

        // ---- ages ----

        private void Birthday(int i)
        {
            int value = View.IsWord(i - 1) ? words.OrdinalValue(View[i - 1]) : -1;
            if (value is < 1 or > 119) return;
            var owner = View.OwnerAt(i - 2);
            if (owner.Character < 0) return;
            AddAge(owner.Character, owner.Start, i, value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), false);
        }

        // "at the age of seventeen", "aged twelve", "twelve years old" (the character named nearest in the sentence).
        private void StatedAge(int trigger, int number, bool backwards = false)
        {
            if (!View.IsWord(number)) return;
            int value = words.NumberValue(View[number]);
            if (value is < 1 or > 119) return;
            int first = backwards ? number : trigger - (View.Is(trigger, "age") ? 2 : 0);
            int last = backwards ? trigger : number;
            var (c, at) = Nearest(first, last);
            if (c < 0) return;
            AddAge(c, Math.Min(at, first), Math.Max(at, last), value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), PastBefore(at));
        }

        // "a twelve-year-old", "the 17-year-old girl".
        private void HyphenAge(int k, int c, int subjectStart = -1, bool past = false)
        {
            var word = View[k];
            int cut = word.IndexOf("-year", StringComparison.OrdinalIgnoreCase);
            if (cut <= 0 || !word.EndsWith("-old", StringComparison.OrdinalIgnoreCase)) return;
            int value = words.NumberValue(word[..cut]);
            if (value is < 1 or > 119) return;
            if (c < 0)
            {
                (c, subjectStart) = Nearest(k, k);
                if (c < 0) return;
                past = PastBefore(subjectStart);
            }
            AddAge(c, Math.Min(subjectStart, k), Math.Max(subjectStart, k), value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), past);
        }

        // "in her early twenties", "in his teens".
        private void Decade(int i)
        {
            var word = View[i];
            int tens;
            if (word.Equals("teens", StringComparison.OrdinalIgnoreCase)) tens = 13;
            else
            {
                Span<char> singular = stackalloc char[word.Length - 2];
                word[..^3].CopyTo(singular);
                singular[^1] = 'y';
                tens = words.NumberValue(singular);
                if (tens is < 20 or > 90 || tens % 10 != 0) return;
            }
            int k = i - 1;
            string modifier = "";
            if (View.Is(k, "early") || View.Is(k, "mid") || View.Is(k, "late") || View.Is(k, "mid-"))
            {
                modifier = View[k].ToString().ToLowerInvariant();
                k--;
            }
            var owner = View.OwnerAt(k);
            if (owner.Character < 0 || owner.Start != k) return;
            int low = tens == 13 ? (modifier == "late" ? 17 : 13) : tens + (modifier switch { "mid" => 4, "late" => 7, _ => 0 });
            string value = (modifier.Length > 0 ? modifier + " " : "") + (tens == 13 ? "teens" : tens.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s");
            AddAge(owner.Character, owner.Start, i, low, value, false);
        }

        // "when she was about nine years old", "by the time Izzy was six": an earlier time.
        private bool PastBefore(int subjectStart) => View.IsWord(subjectStart - 1) && In(_pastMarkers, words.PastMarkers, subjectStart - 1);

        // The character named nearest to [first, last] in its sentence: before it (8 tokens) first, else after it.
        private (int Character, int Start) Nearest(int first, int last)
        {
            int sentence = View.SentenceOf[first];
            for (int k = first - 1; k >= 0 && k >= first - 8 && View.SentenceOf[k] == sentence; k--)
                if (View.MentionEnding[k] >= 0)
                    return (View.Mentions[View.MentionEnding[k]].Character, View.StartToken(k, View.MentionEnding[k]));
            for (int k = last + 1; k < View.Count && k <= last + 8 && View.SentenceOf[k] == sentence; k++)
                if (View.MentionStarting[k] >= 0)
                    return (View.Mentions[View.MentionStarting[k]].Character, k);
            return (-1, -1);
        }

        private void AddAge(int c, int startToken, int endToken, int age, string value, bool past)
        {
            var span = TextSpan.FromBounds(View.Span(startToken).Start, View.Span(endToken).End);
            Facts.Ages.Add(new AgeStatement(span, c, age, value, past));
            if (!past) Add(c, "age", value, startToken, endToken);
        }

        // ---- scent, origin, roles ----

        // "his scent of pine and smoke", "her scent, like vanilla", "her scent was rain", "she smelled of rain".
        private void Scent(int i, (int Character, int Start) owner, bool verb)
        {
            if (owner.Character < 0) return;
            int k = i + 1;
            if (View.IsMark(k, ',')) k++;
            if (!verb && View.IsWord(k) && In(_copulas, words.Copulas, k)) k++;
            if (View.Is(k, "of") || View.Is(k, "like")) k++;
            else if (verb || k == i + 1) return;
            // The smell is a short phrase: it ends at a mark, a clause word or a verb in the past ("filled").
            int first = k, last = -1;
            for (; k < first + 4 && View.IsWord(k); k++)
            {
                if (k > first && (View[k].EndsWith("ed", StringComparison.OrdinalIgnoreCase) || In(_boundaries, words.Boundaries, k) && !View.Is(k, "and"))) break;
                last = k;
            }
            if (last < first || View.Is(last, "and")) return;
            Add(owner.Character, "scent", _text.Copy(TextSpan.FromBounds(View.Span(first).Start, View.Span(last).End)), owner.Start, last);
        }

        // "Izzy came from Alicante", "who came from the north".
        private void Origin(int i)
        {
            if (!View.Is(i + 1, "from")) return;
            int subject = i - 1;
            if (View.Is(subject, "who")) subject -= View.IsMark(subject - 1, ',') ? 2 : 1;
            int c = View.CharacterEndingAt(subject);
            if (c < 0) return;
            OriginAt(i + 2, c, View.StartToken(subject, View.MentionEnding[subject]));
        }

        private void OriginAt(int k, int c, int subjectStart)
        {
            if (View.Is(k, "the")) k++;
            int last = -1;
            for (int e = k; e < k + 4 && View.IsWord(e) && !View.IsLower(e) && View.MentionStarting[e] < 0; e++) last = e;
            if (last < k || words.NotNames.Contains(View[k]) || words.NotPlaces.Contains(View[k])) return;
            Add(c, "origin", _text.Copy(TextSpan.FromBounds(View.Span(k).Start, View.Span(last).End)), subjectStart, last);
        }

        // "Ben Weatherstaff, the gardener," and "Mrs. Medlock, the housekeeper".
        private void Apposition(int i)
        {
            int c = View.CharacterEndingAt(i);
            int k = i + 2;
            if (!View.Is(k, "the") && !View.Is(k, "a") && !View.Is(k, "an") && !View.Is(k, "his") && !View.Is(k, "her")) return;
            for (int e = k + 1; e < k + 4 && View.IsWord(e); e++)
                if (View.IsLower(e) && In(_occupations, words.Occupations, e))
                {
                    Add(c, "occupation", Lower(e), View.StartToken(i, View.MentionEnding[i]), e);
                    return;
                }
        }

        // A nominal the cast resolved ("the gardener") or a title ("Dr. Craven") names an occupation.
        private void Role(Mention mention)
        {
            var span = mention.Span;
            var words_ = _text[span];
            if (mention.Kind == MentionKind.Nominal)
            {
                int space = words_.LastIndexOf(' ');
                var head = words_[(space + 1)..];
                if (words.Occupations.Contains(head))
                    AddSpan(mention.Character, "occupation", head.ToString().ToLowerInvariant(), span);
                return;
            }
            int cut = words_.IndexOfAny(' ', '.');
            if (cut > 0 && words.TitleRoles.TryGetValue(words_[..cut], out var role))
                AddSpan(mention.Character, "occupation", role, span);
        }

        // ---- deaths ----

        private void Died(int i)
        {
            int subject = i - 1;
            if (View.Is(subject, "had") || View.Is(subject, "has") || View.Is(subject, "just") || View.Is(subject, "then")) subject--;
            if (View.IsWord(subject) && In(_negations, words.Negations, subject)) return;
            int c = View.CharacterEndingAt(subject);
            if (c < 0) return;
            int start = View.StartToken(subject, View.MentionEnding[subject]);
            AddDeath(c, start, i, Certain(start));
        }

        // "the late Mr. Bennet"
        private void TheLate(int i)
        {
            if (!View.Is(i - 1, "the") || i + 1 >= View.Count) return;
            int m = View.MentionStarting[i + 1];
            if (m < 0 || View.Mentions[m].Kind != MentionKind.Name) return;
            Facts.Deaths.Add(new Death(TextSpan.FromBounds(View.Span(i - 1).Start, View.Mentions[m].Span.End), View.Mentions[m].Character));
        }

        private void AddDeath(int c, int startToken, int endToken, bool certain = false) =>
            Facts.Deaths.Add(new Death(TextSpan.FromBounds(View.Span(startToken).Start, View.Span(endToken).End), c, certain));

        // Said in narration of a character by name, not a pronoun, not in speech, not in a condition ("if Jace died").
        private bool Certain(int subjectStart)
        {
            if (View.MentionStarting[subjectStart] < 0 || View.Mentions[View.MentionStarting[subjectStart]].Kind != MentionKind.Name || View.InQuotation(subjectStart)) return false;
            for (int k = subjectStart - 1; k >= subjectStart - 3 && View.IsWord(k); k--)
                if (words.Conditions.Contains(View[k])) return false;
            return true;
        }

        // ---- output ----

        private string Lower(int k) => View[k].ToString().ToLowerInvariant();

        private void Add(int c, string name, string value, int startToken, int endToken) =>
            AddSpan(c, name, value, TextSpan.FromBounds(View.Span(startToken).Start, View.Span(endToken).End));

        // One attribute per character, name and value: the first passage that states it.
        private void AddSpan(int c, string name, string value, TextSpan span)
        {
            if (c < 0 || !_stated.Add((c, name, value))) return;
            Attributes.Add(new CharacterAttribute(span, c, name, value));
        }

        private static bool IsCapitals(ReadOnlySpan<char> word)
        {
            foreach (char ch in word) if (!char.IsUpper(ch)) return false;
            return true;
        }
    }
}
