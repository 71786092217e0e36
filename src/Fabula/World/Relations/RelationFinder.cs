using System.Collections.Frozen;
using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.World.Relations;

/// <summary>
/// The relation stage: reads the text once for the places that say how two characters are related,
/// and adds them as the <see cref="RelationAssertion"/> layer; then gathers them, with what family
/// names and forms of address add, into the <see cref="RelationList"/>. What it reads:
/// <list type="bullet">
/// <item>a possessive and a noun of relation with a name after it or before it: "his sister Izzy",
///   "Alec's brother, Jace", "Izzy, his sister";</item>
/// <item>a copula: "Jace was his brother", "Mr. Craven is my uncle", "Alec and Jace were brothers";</item>
/// <item>"the son of Valentine", after a name or a copula;</item>
/// <item>verbs: "Alec married Magnus", "Clary was engaged to Simon", "Maryse adopted Max", "the
///   trader bought Ash", "sold him to Imre", "Jace freed her";</item>
/// <item>with the dialogue stage's attributions: forms of address ("Mama, look!" makes the addressee
///   the speaker's parent) and a speech tag of relation ("said her father").</item>
/// </list>
/// Whose "his sister" it is comes from the cast stage's resolved pronouns; "my" and "your" inside a
/// quotation from its speaker and addressee (the dialogue stage's, or else the speech tag beside it).
/// </summary>
public sealed class RelationFinder : IStage
{
    private const int NoMention = -2;

    // How many paragraphs back the other party of an exchange may have last spoken.
    private const int TurnWindow = 6;

    private static readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> Modifiers = LoadModifiers();

    private static FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> LoadModifiers()
    {
        var d = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("world/relation-modifiers.txt"))
        {
            var f = line.Split('\t', StringSplitOptions.TrimEntries);
            d[f[0]] = f.Length > 1 && f[1] == "ends";
        }
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Run(Story story)
    {
        if (story.Find<CastList>() is not { } cast || !story.Has<Mention>())
        {
            story.Add(Array.Empty<RelationAssertion>(), allowOverlap: true);
            story.Set(new RelationList([]));
            return;
        }
        var reader = new Reader(story, cast);
        reader.ReadAll();
        reader.Found.Sort((x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : x.Span.Length.CompareTo(y.Span.Length));
        story.Add(reader.Found, allowOverlap: true);
        var family = FamilyNames.Find(story, cast, reader.Children);
        var findings = story.Find<ConsistencyFindings>() ?? new ConsistencyFindings();
        story.Set(RelationMerger.Merge(reader.Found, family, cast, story.Text, findings));
        story.Set(findings);
    }

    /// <summary>Whether a character can be what a gendered noun names: no "Mr." is a sister.</summary>
    internal static bool Fits(Character c, Gender gender)
    {
        if (gender == Gender.Unknown) return true;
        var own = c.Pronouns switch { "he/him" => Gender.Male, "she/her" => Gender.Female, null => c.Prior, _ => Gender.Unknown };
        return own == Gender.Unknown || own == gender;
    }

    /// <summary>A plural noun of children owned by a character ("her daughters", "Mr. Bennet's sons"): evidence of a family.</summary>
    internal readonly record struct ChildrenEvidence(int Parent, TextSpan Span, Gender Gender, bool ByName);

    private sealed class Reader
    {
        private readonly StoryText _text;
        private readonly TokenView _view;
        private readonly CastList _cast;
        private readonly RelationWords _words = RelationWords.Shared;
        private readonly WordTypes? _types;
        // Per token: the character of the name or pronoun mention over it (-1 unresolved, NoMention
        // none), and the first and last token of that mention.
        private readonly int[] _who, _first, _last;
        // Whether the mention over a token is a name (not a pronoun, nor the dialogue stage's "I" and "you").
        private readonly bool[] _named;
        private readonly int[] _speaker, _addressee;
        private readonly bool _attributed;
        public readonly List<RelationAssertion> Found = [];
        public readonly List<ChildrenEvidence> Children = [];

        public Reader(Story story, CastList cast)
        {
            _text = story.Text;
            _cast = cast;
            _view = story.Find<TokenView>() ?? new TokenView(story);
            _types = story.Find<WordTypes>() is { } types && types.TypeOf.Length == _view.Count ? types : null;
            int n = _view.Count;
            _who = new int[n];
            _first = new int[n];
            _last = new int[n];
            _named = new bool[n];
            Array.Fill(_who, NoMention);
            // Mentions are sorted by start: one walk along the tokens places them all.
            int t = 0;
            foreach (ref readonly var m in story.Layer<Mention>().Items)
            {
                if (m.Kind == MentionKind.Nominal) continue;
                while (t < n && _view.Tokens[t].Span.Start < m.Span.Start) t++;
                int end = t;
                while (end < n && _view.Tokens[end].Span.Start < m.Span.End) end++;
                for (int k = t; k < end; k++) { _who[k] = m.Character; _first[k] = t; _last[k] = end - 1; _named[k] = m.Kind == MentionKind.Name; }
            }
            int quotes = story.Layer<Quotation>().Count;
            _speaker = new int[quotes];
            _addressee = new int[quotes];
            Array.Fill(_speaker, -1);
            Array.Fill(_addressee, -1);
            if (story.Has<Attribution>())
            {
                _attributed = true;
                foreach (ref readonly var a in story.Layer<Attribution>().Items)
                    if (a.Quotation >= 0 && a.Quotation < quotes) { _speaker[a.Quotation] = a.Speaker; _addressee[a.Quotation] = a.Addressee; }
            }
            // Where the dialogue stage names nobody (or did not run), the speech tag, a self-introduction
            // or the turns of the exchange may.
            if (story.Has<Conversation>()) AddresseesFromConversations(story.Layer<Conversation>().Items, story.Layer<Quotation>().Items);
            FindTagSpeakers();
            TakeTurns(story.Layer<Quotation>().Items);
        }

        public void ReadAll()
        {
            // PERF: the tables asked only for the tokens whose word (in any case) they hold, found once per distinct word.
            var typeOf = _types?.TypeOf;
            var listed = _types?.Marking(_words.Keys);
            for (int i = 0; i < _view.Count; i++)
            {
                if (listed is not null && (i = NextListed(typeOf!, listed, i)) >= _view.Count) break;
                if (!_view.IsWord(i)) continue;
                var w = _view[i];
                if (w.Length < 2 || w.Length > _words.LongestWord) continue;
                if (char.IsLower(w[0]))
                {
                    if (_words.Nouns.TryGetValue(w, out var noun)) ReadNoun(i, noun);
                    else if (_words.Verbs.TryGetValue(w, out var verb)) ReadVerb(i, verb);
                }
                else if (_attributed && _view.QuotationOf[i] >= 0 && _words.Address.TryGetValue(w, out var address)) ReadAddress(i, address);
            }
        }

        // The first token at or after i whose word the tables list (PERF: a loop of its own over the others), or the count.
        private static int NextListed(int[] typeOf, bool[] listed, int i)
        {
            for (; (uint)i < (uint)typeOf.Length; i++)
                if (typeOf[i] is int t and >= 0 && listed[t]) return i;
            return typeOf.Length;
        }

        // ---- people -------------------------------------------------------------------------

        /// <summary>The character a name or pronoun at token i is (or "I"/"you" in a quotation), -1 if unknown; <paramref name="first"/> and <paramref name="last"/> its tokens.</summary>
        private int PersonAt(int i, out int first, out int last, bool namesOnly = false)
        {
            first = last = i;
            if (i < 0 || i >= _view.Count) return -1;
            if (_who[i] != NoMention)
            {
                first = _first[i];
                last = _last[i];
                if (namesOnly && !_named[i]) return -1;
                return _who[i];
            }
            if (namesOnly) return -1;
            int q = _view.QuotationOf[i];
            if (q < 0 || !_view.IsWord(i)) return -1;
            var w = _view[i];
            if (w is "I" or "me" or "Me" or "myself") return _speaker[q];
            if (w is "you" or "You" or "yourself") return _addressee[q];
            return -1;
        }

        private bool IsPronoun(int i) => CastTables.Shared.Pronouns.ContainsKey(_view[i]);

        /// <summary>The last token of a person ending at token i (a name's last token, a pronoun), with its character.</summary>
        private int PersonEndingAt(int i, out int first)
        {
            first = i;
            if (i < 0) return -1;
            if (_who[i] != NoMention)
            {
                if (_last[i] != i) return -1;
                first = _first[i];
                return _who[i];
            }
            return PersonAt(i, out first, out _);
        }

        /// <summary>The owner of a possessive that ends at token o ("Alec 's", "his", "my"): its character or -1, and its first token.</summary>
        private int OwnerEndingAt(int o, out int first)
        {
            first = o;
            if (o < 0 || o >= _view.Count) return -1;
            var w = _view[o];
            if (w is "'s" or "’s" or "'" or "’")
            {
                if (o == 0 || _who[o - 1] < 0 || _last[o - 1] != o - 1) return -1;
                first = _first[o - 1];
                return _who[o - 1];
            }
            if (!_view.IsWord(o)) return -1;
            if (w is "his" or "His" or "her" or "Her") return _who[o] >= 0 ? _who[o] : -1;
            int q = _view.QuotationOf[o];
            if (q < 0) return -1;
            if (w is "my" or "My") return _speaker[q];
            if (w is "your" or "Your") return _addressee[q];
            return -1;
        }

        private bool Same(int a, int b) => _view.SentenceOf[a] == _view.SentenceOf[b];

        // PERF: the length first, so that most tokens are told apart without a comparison.
        private bool Is(int i, string word) => i >= 0 && i < _view.Count && _view.Tokens[i].Span.Length == word.Length && _view[i].Equals(word, StringComparison.OrdinalIgnoreCase);

        private static bool IsFamily(RelationType type) => type is RelationType.Parent or RelationType.Sibling or RelationType.Relative or RelationType.Partner;

        private static bool IsModal(ReadOnlySpan<char> w) =>
            w is "would" or "will" or "could" or "should" or "might" or "may" or "must" or "shall" or "can" or "'d" or "’d" or "'ll" or "’ll";

        // "if she were married to him", "unless he is her brother": a condition, not a fact.
        // "had she been his relation", "Was he her brother?": an inversion is a condition or a question.
        private bool IsCondition(int i) => i >= 0 && _view.IsWord(i) && _view[i] is "if" or "If" or "unless" or "Unless" or "whether" or "though" or "wish" or "wished"
            or "had" or "Had" or "were" or "Were" or "should" or "Should" or "Was" or "Is" or "Are";

        private static bool IsCopula(ReadOnlySpan<char> w) =>
            w is "is" or "was" or "are" or "were" or "'s" or "’s" or "became" or "becomes" or "be" or "been" or "am" or "'m" or "’m" or "'re" or "’re";

        // ---- nouns of relation ---------------------------------------------------------------

        private void ReadNoun(int k, RelationNoun noun)
        {
            // Modifiers between the possessive and the noun: "his dear little sister", "my late husband".
            int o = k - 1;
            bool ends = false;
            while (o >= 0 && k - o <= 3 && _view.IsWord(o) && Modifiers.TryGetValue(_view[o], out bool modifierEnds) && Same(o, k))
            {
                // "He is his own master": nobody's employer.
                if (_view[o] is "own" && noun.Type is RelationType.Employer or RelationType.Captor) return;
                ends |= modifierEnds;
                o--;
            }
            // "ex-" written apart or "half-" are one token with the noun; a hyphenated form is in the table.
            // A former partner is a relation of its own that still holds; a late father is still a father;
            // a former master is no longer one.
            if (ends && noun.Type == RelationType.Partner) noun = noun with { Type = RelationType.FormerPartner, Stage = PartnerStage.None };
            if (noun.Type is not (RelationType.Employer or RelationType.Captor or RelationType.Friend or RelationType.Adversary)) ends = false;

            // "my wife's brother": the noun is itself an owner, of the next noun.
            if (k + 1 < _view.Count && _view[k + 1] is "'s" or "’s" or "'" or "’") return;
            // "her mother's brother", "his wife's sister": a relative of the first owner, by a chain of two family nouns.
            if (o >= 2 && _view[o] is "'s" or "’s" && IsFamily(noun.Type) && _words.Nouns.TryGetValue(_view[o - 1], out var link) && IsFamily(link.Type) && !link.Plural)
            {
                o -= 2;
                noun = noun with { Type = RelationType.Relative, Holder = RelationEnd.Either, Stage = PartnerStage.None };
            }
            int owner = OwnerEndingAt(o, out int ownerFirst);
            if (owner < 0 && o >= 0 && (Is(o, "the") || Is(o, "a")) && Is(k + 1, "of"))
            {
                // "the son of Valentine": the owner follows "of".
                owner = PersonAt(k + 2, out _, out int ownerLast, namesOnly: true);
                if (owner < 0) return;
                int holderFirst = HolderBefore(o - 1, out int holder);
                if (holder >= 0) Add(noun, owner, holder, holderFirst, ownerLast, ends);
                return;
            }
            if (owner < 0)
            {
                // "Alec and Jace were brothers", "We are cousins".
                if (noun.Plural && noun.Holder == RelationEnd.Either) ReadPluralCopula(o, k, noun, ends);
                else if (o >= 0 && _view[o] is "their" or "Their" && !noun.Plural && noun.Type is RelationType.Parent or RelationType.Sibling or RelationType.Relative) ReadTheirNoun(o, k, noun, ends);
                return;
            }

            // After: "his sister Izzy", "her cousin, Mr. Collins", "her sisters, Jane and Kitty".
            int j = k + 1;
            if (j < _view.Count && _view.Is(j, ',')) j++;
            int afterLast = j;
            int after = j < _view.Count && Same(j, k) ? PersonAt(j, out _, out afterLast, namesOnly: true) : -1;
            // In speech, "His father, Miss Bennet, was ..." names the one spoken to, not the father.
            if (after >= 0 && j > k + 1 && _view.QuotationOf[k] >= 0
                && afterLast + 2 < _view.Count && _view.Is(afterLast + 1, ',') && _view.IsWord(afterLast + 2)
                && _view.QuotationOf[afterLast + 2] == _view.QuotationOf[k])
                after = -1;
            if (after >= 0)
            {
                Add(noun, owner, after, ownerFirst, afterLast, ends, o);
                if (noun.Plural)
                {
                    int next = afterLast + 1;
                    while (next < _view.Count && Same(next, k) && (_view.Is(next, ',') || Is(next, "and")))
                    {
                        int n2 = next + 1;
                        if (Is(n2, "and")) n2++;
                        int other = PersonAt(n2, out _, out int otherLast, namesOnly: true);
                        if (other < 0) break;
                        Add(noun, owner, other, ownerFirst, otherLast, ends, o);
                        next = otherLast + 1;
                    }
                }
                return;
            }
            // Before: "Izzy, his sister", "Jace was his brother", "He is my father".
            int before = HolderBefore(ownerFirst - 1, out int holderBefore, o);
            if (holderBefore >= 0)
            {
                Add(noun, owner, holderBefore, before, k, ends, o);
                return;
            }
            // "her daughters" with no names: evidence that the owner has children.
            if (noun.Plural && noun.Type == RelationType.Parent && noun.Holder == RelationEnd.B && !(_view[o] is "my" or "My" or "your" or "Your"))
            {
                var w = _view[k];
                var gender = w.StartsWith("daughter", StringComparison.OrdinalIgnoreCase) ? Gender.Female
                    : w.StartsWith("son", StringComparison.OrdinalIgnoreCase) ? Gender.Male : Gender.Unknown;
                Children.Add(new ChildrenEvidence(owner, TextSpan.FromBounds(_view.Tokens[ownerFirst].Span.Start, _view.Tokens[k].Span.End), gender,
                    ByName: !_view.IsWord(o)));
            }
            else if (_attributed && !noun.Plural) ReadTagNoun(ownerFirst, k, owner, noun, ends);
        }

        /// <summary>
        /// The person a noun phrase ending before token p is said of: "Izzy, ..." (an apposition) or
        /// "Jace was ..." / "Jace had been ..." (a copula). Returns the holder's first token.
        /// </summary>
        private int HolderBefore(int p, out int holder, int ownerToken = -1)
        {
            holder = -1;
            if (p < 1) return p;
            if (_view.Is(p, ',') && Same(p - 1, p + 1))
            {
                int h = PersonEndingAt(p - 1, out int hf);
                if (h < 0 || !_named[p - 1]) return p;
                // "Izzy, his sister" is an apposition; "Lady Catherine, her daughter" is as likely a
                // list, with the "her" Lady Catherine's: a pronoun that could be the named one owns nothing.
                if (ownerToken >= 0 && IsPronoun(ownerToken) && CastTables.Shared.Pronouns.TryGetValue(_view[ownerToken], out var pronoun)
                    && Fits(_cast[h], pronoun.Gender)) return p;
                holder = h;
                return hf;
            }
            if (!_view.IsWord(p) || !IsCopula(_view[p])) return p;
            int s = p - 1;
            if (s >= 0 && _view.IsWord(s) && IsModal(_view[s])) return p;   // "he would be her husband": not a fact
            if (s >= 0 && _view.IsWord(s) && _view[s] is "had" or "has" or "have") s--;   // "had been"
            if (s >= 0 && (_view[p] is "'s" or "’s") && !IsPronoun(s) && _who[s] < 0) return p;   // "Alec's" is a possessive
            if (s < 0 || !Same(s, p)) return p;
            int c = PersonEndingAt(s, out int first);
            if (c < 0 || IsCondition(first - 1)) return first;
            // In speech, "she" is seldom the one speaking or spoken to ("She is my mother", of a portrait).
            if (IsPronoun(s) && _view.QuotationOf[s] is int q and >= 0 && (c == _speaker[q] || c == _addressee[q])) return first;
            holder = c;
            return first;
        }

        /// <summary>
        /// "Her brother Tobias baked a cake, and their father, Captain Quill, ...": a family noun owned by
        /// "their" and followed by a name belongs to each of the two people the sentence named before it
        /// outside quotations (names and resolved pronouns); with one or with three and more, "their" is
        /// too uncertain and it belongs to nobody.
        /// </summary>
        private void ReadTheirNoun(int o, int k, RelationNoun noun, bool ends)
        {
            int j = k + 1;
            if (j < _view.Count && _view.Is(j, ',')) j++;
            if (j >= _view.Count || !Same(j, k) || _view.QuotationOf[k] >= 0) return;
            int named = PersonAt(j, out _, out int namedLast, namesOnly: true);
            if (named < 0) return;
            int first = -1, second = -1;
            for (int t = o - 1; t >= 0 && Same(t, o); t--)
            {
                int c = _who[t];
                if (c < 0 || c == named || c == first || c == second || _view.QuotationOf[t] >= 0) continue;
                if (first < 0) first = c;
                else if (second < 0) second = c;
                else return;   // a third person: a crowd, not a pair
            }
            if (second < 0) return;
            Add(noun, first, named, o, namedLast, ends);
            Add(noun, second, named, o, namedLast, ends);
        }

        // "Alec and Jace were brothers", "Jane and Elizabeth are sisters", "We are cousins".
        private void ReadPluralCopula(int o, int k, RelationNoun noun, bool ends)
        {
            int p = o;
            if (p < 1 || !_view.IsWord(p) || !IsCopula(_view[p])) return;
            int s = p - 1;
            if (_view.IsWord(s) && (_view[s] is "We" or "we") && _view.QuotationOf[s] >= 0)
            {
                int q = _view.QuotationOf[s];
                if (_speaker[q] >= 0 && _addressee[q] >= 0) Add(noun, _speaker[q], _addressee[q], s, k, ends);
                return;
            }
            int second = PersonEndingAt(s, out int secondFirst);
            if (second < 0 || secondFirst < 2 || !Is(secondFirst - 1, "and")) return;
            int firstPerson = PersonEndingAt(secondFirst - 2, out int firstFirst);
            if (firstPerson < 0 || !Same(firstFirst, k)) return;
            Add(noun, firstPerson, second, firstFirst, k, ends);
        }

        // "said her father" beside a quotation the dialogue stage attributes: the speaker is the father.
        private void ReadTagNoun(int ownerFirst, int k, int owner, RelationNoun noun, bool ends)
        {
            int v = ownerFirst - 1;
            int quoteToken = -1;
            if (v >= 0 && _view.IsWord(v) && CastTables.Shared.SpeechVerbs.Contains(_view[v]))
                quoteToken = QuoteTokenBefore(v);
            else if (k + 1 < _view.Count && _view.IsWord(k + 1) && CastTables.Shared.SpeechVerbs.Contains(_view[k + 1]))
                quoteToken = QuoteTokenBefore(ownerFirst);
            if (quoteToken < 0) return;
            int speaker = _speaker[_view.QuotationOf[quoteToken]];
            if (speaker >= 0) Add(noun, owner, speaker, ownerFirst, k, ends);
        }

        // The last token of a quotation that ends just before token t (skipping a comma), or -1.
        private int QuoteTokenBefore(int t)
        {
            for (int i = t - 1; i >= 0 && t - i <= 3; i--)
            {
                if (_view.QuotationOf[i] >= 0) return i;
                if (_view.IsWord(i)) return -1;
            }
            return -1;
        }

        /// <summary>Adds "holder is owner's noun": the holder takes the end of the relation the noun names.</summary>
        private void Add(RelationNoun noun, int owner, int holder, int firstToken, int lastToken, bool ends, int ownerToken = -1)
        {
            // "Maia was her cousin": the "her" is not Maia, though she is the nearest "she"; it is the
            // one named before her.
            if (owner == holder && ownerToken >= 0 && IsPronoun(ownerToken)) owner = OtherBefore(ownerToken, holder);
            if (owner == holder || owner < 0 || holder < 0 || !Fits(_cast[holder], noun.Gender)) return;
            int a = noun.Holder == RelationEnd.B ? owner : holder;
            int b = noun.Holder == RelationEnd.B ? holder : owner;
            AddAssertion(noun.Type, a, b, noun.Stage, ends, firstToken, lastToken);
        }

        // How far back (in tokens) to look for the other antecedent of a possessive.
        private const int OtherWindow = 80;

        /// <summary>The character of the nearest mention before token t that is not <paramref name="not"/> and fits the pronoun at t, or -1.</summary>
        private int OtherBefore(int t, int not)
        {
            var gender = CastTables.Shared.Pronouns.TryGetValue(_view[t], out var pronoun) ? pronoun.Gender : Gender.Unknown;
            for (int i = t - 1; i >= 0 && t - i <= OtherWindow; i--)
            {
                int c = _who[i];
                if (c < 0 || c == not) continue;
                if (Fits(_cast[c], gender)) return c;
            }
            return -1;
        }

        private void AddAssertion(RelationType type, int a, int b, PartnerStage stage, bool ends, int firstToken, int lastToken)
        {
            if (a == b || a < 0 || b < 0) return;
            if (!Relation.IsDirected(type) && a > b) (a, b) = (b, a);
            if (lastToken < firstToken) (firstToken, lastToken) = (lastToken, firstToken);
            var span = TextSpan.FromBounds(_view.Tokens[firstToken].Span.Start, _view.Tokens[lastToken].Span.End);
            Found.Add(new RelationAssertion(span, type, a, b, stage, ends));
        }

        // ---- verbs ------------------------------------------------------------------------------

        private void ReadVerb(int v, RelationVerb verb)
        {
            // Subject: before the verb, past auxiliaries and adverbs ("had secretly married").
            int s = v - 1;
            bool passive = false;
            while (s >= 0 && v - s <= 4 && _view.IsWord(s) && Same(s, v))
            {
                var w = _view[s];
                if (w is "not" or "never" or "n't" or "n’t" or "Not" or "Never" || IsModal(w) || w is "to") return;
                if (w is "was" or "were" or "is" or "are" or "been" or "be" or "being" or "got" or "get") passive = true;
                else if (w is not ("had" or "has" or "have" or "'d" or "’d" or "later" or "then" or "finally" or "secretly" or "soon" or "already"
                         or "just" or "recently" or "once" or "also" or "eventually" or "quietly" or "happily")) break;
                s--;
            }
            int subject = PersonEndingAt(s, out int subjectFirst);
            if (subject >= 0 && IsCondition(subjectFirst - 1)) return;
            if (subject < 0 && _view.QuotationOf[v] is int q and >= 0 && s >= 0 && !_view.IsWord(s) && !passive && v - s == 1
                && (_view.Is(s, '!') || _view.Is(s, '-') || _view.Tokens[s].Kind is TokenKind.Dash or TokenKind.Quote))
            {
                // "Engaged to Mr. Darcy!" said to Lizzy: a verb without a subject is about the one spoken to.
                subject = _addressee[q];
                subjectFirst = v;
            }
            if (subject < 0) return;
            int j = v + 1;
            bool afterTo = false;
            if (Is(j, "to") && verb.Object != VerbObject.Direct) { j++; afterTo = true; }
            else if (passive && Is(j, "by")) { j++; }
            else if (verb.Object == VerbObject.To) j = -1;
            int objLast = j;
            int obj = j >= 0 && j < _view.Count && Same(j, v) ? PersonAt(j, out _, out objLast) : -1;
            if (j >= 0 && obj >= 0 && passive && Is(v + 1, "by"))
            {
                // "Ash was bought by the trader": the one after "by" is the verb's subject.
                (subject, obj) = (obj, subject);
            }
            else if (obj < 0 || (passive && !afterTo && verb.Object == VerbObject.Direct))
            {
                // "Alec and Magnus were married": two subjects, no object.
                if (!Relation.IsDirected(verb.Type) && subjectFirst >= 2 && Is(subjectFirst - 1, "and") && !Is(v + 1, "to"))
                {
                    int other = PersonEndingAt(subjectFirst - 2, out int otherFirst);
                    if (other >= 0 && Same(otherFirst, v)) AddVerb(verb, other, subject, otherFirst, v, verb.Effect == VerbEffect.Ends);
                }
                return;
            }
            if (verb.Effect == VerbEffect.Passes)
            {
                // "sold Ash to Imre": the seller's hold ends, the buyer's starts.
                int to = objLast + 1;
                if (!Is(to, "to")) return;
                int buyer = PersonAt(to + 1, out _, out int buyerLast);
                if (buyer < 0 || buyer == obj) return;
                AddVerb(verb, subject, obj, subjectFirst, objLast, ends: true);
                AddVerb(verb, buyer, obj, subjectFirst, buyerLast, ends: false);
                return;
            }
            AddVerb(verb, subject, obj, subjectFirst, objLast, verb.Effect == VerbEffect.Ends);
        }

        private void AddVerb(RelationVerb verb, int subject, int obj, int first, int last, bool ends)
        {
            int a = verb.Subject == RelationEnd.B ? obj : subject;
            int b = verb.Subject == RelationEnd.B ? subject : obj;
            AddAssertion(verb.Type, a, b, verb.Stage, ends, first, last);
        }

        // ---- dialogue -------------------------------------------------------------------------

        // "Mama, look!": a form of address, in vocative position, makes the addressee the speaker's relation.
        private void ReadAddress(int i, AddressWord word)
        {
            int q = _view.QuotationOf[i];
            if (q < 0 || _speaker[q] < 0 || _addressee[q] < 0 || !char.IsUpper(_view[i][0])) return;
            // At the quotation's start, or after a comma or "dear"; not after a mark inside it, which opens
            // speech reported within the speech ("I says to mother, 'Mother, ...'").
            bool opening = i < 2 || _view.QuotationOf[i - 2] != q;
            bool before = i == 0 || _view.QuotationOf[i - 1] != q || opening && _view.Tokens[i - 1].Kind == TokenKind.Quote
                          || _view.Is(i - 1, ',') || Is(i - 1, "dear") || Is(i - 1, "oh");
            bool after = i + 1 >= _view.Count || _view.QuotationOf[i + 1] != q || _view.Is(i + 1, ',') || _view.Is(i + 1, '!')
                         || _view.Is(i + 1, '?') || _view.Is(i + 1, '.');
            if (!before || !after) return;
            // "Father" said to a woman is someone else's father (or a priest): the word's gender must fit.
            if (_words.Nouns.TryGetValue(_view[i].ToString().ToLowerInvariant(), out var noun) && !Fits(_cast[_addressee[q]], noun.Gender)) return;
            int a = word.Addressee == RelationEnd.B ? _speaker[q] : _addressee[q];
            int b = word.Addressee == RelationEnd.B ? _addressee[q] : _speaker[q];
            AddAssertion(word.Type, a, b, PartnerStage.None, false, i, i);
        }

        /// <summary>A quotation in a conversation of two is said to the one of them who does not say it.</summary>
        private void AddresseesFromConversations(ReadOnlySpan<Conversation> conversations, ReadOnlySpan<Quotation> quotes)
        {
            int q = 0;
            foreach (ref readonly var conversation in conversations)
            {
                while (q < quotes.Length && quotes[q].Span.Start < conversation.Span.Start) q++;
                for (; q < quotes.Length && quotes[q].Span.Start < conversation.Span.End; q++)
                {
                    if (_addressee[q] >= 0 || _speaker[q] < 0 || conversation.Participants.Length != 2) continue;
                    int a = conversation.Participants[0], b = conversation.Participants[1];
                    _addressee[q] = a == _speaker[q] ? b : b == _speaker[q] ? a : -1;
                }
            }
        }

        /// <summary>
        /// Where no speaker is known, the two parties of an exchange: quotations of one paragraph share
        /// a speaker; in a run of paragraphs of speech, an untagged one is said by whoever spoke two
        /// paragraphs back when the two before it had different speakers; and each is said to the
        /// latest other speaker, if they spoke within <see cref="TurnWindow"/> paragraphs (unless it
        /// names the one it is said to).
        /// </summary>
        private void TakeTurns(ReadOnlySpan<Quotation> quotes)
        {
            int prevParagraph = -2, prevSpeaker = -1, prevPrevParagraph = -3, prevPrevSpeaker = -1;
            // The two latest speakers, with the paragraphs they last spoke in.
            int latest = -1, latestParagraph = -1, other = -1, otherParagraph = -1;
            for (int q = 0; q < quotes.Length; )
            {
                int paragraph = quotes[q].Paragraph, end = q, speaker = -1;
                while (end < quotes.Length && quotes[end].Paragraph == paragraph) { if (speaker < 0) speaker = _speaker[end]; end++; }
                bool run = paragraph == prevParagraph + 1;
                if (speaker < 0 && run && prevPrevParagraph == prevParagraph - 1 && prevSpeaker >= 0 && prevPrevSpeaker >= 0 && prevSpeaker != prevPrevSpeaker)
                    speaker = prevPrevSpeaker;
                // Said to the other party of the exchange: the latest other speaker, a few paragraphs back at most.
                int addressee = speaker < 0 ? -1
                    : latest != speaker && latest >= 0 && paragraph - latestParagraph <= TurnWindow ? latest
                    : latest == speaker && other >= 0 && paragraph - otherParagraph <= TurnWindow ? other : -1;
                for (int k = q; k < end; k++)
                {
                    if (_speaker[k] < 0) _speaker[k] = speaker;
                    if (_addressee[k] < 0 && addressee != _speaker[k]) _addressee[k] = addressee;
                }
                if (speaker >= 0)
                {
                    if (speaker != latest) { other = latest; otherParagraph = latestParagraph; }
                    latest = speaker;
                    latestParagraph = paragraph;
                }
                (prevPrevParagraph, prevPrevSpeaker, prevParagraph, prevSpeaker) = (prevParagraph, prevSpeaker, paragraph, speaker);
                q = end;
            }
        }

        /// <summary>
        /// Where no speaker is known: a quotation's speaker from the speech tag beside it ("…,” said
        /// Alec", "“…,” he whispered", "Alec said, “…”"), or from "I am Alec" inside it.
        /// </summary>
        private void FindTagSpeakers()
        {
            var verbs = CastTables.Shared.SpeechVerbs;
            int n = _view.Count;
            int lastQuote = -1;
            for (int i = 0; i < n; i++)
            {
                int q = _view.QuotationOf[i];
                if (q >= 0)
                {
                    // "I am Alec", "My name is Alec".
                    if (_speaker[q] < 0 && _view.IsWord(i) && (Is(i, "I") && (Is(i + 1, "am") || Is(i + 1, "'m") || Is(i + 1, "’m"))
                                                                || Is(i, "name") && Is(i - 1, "my") && Is(i + 1, "is")))
                    {
                        int c = PersonAt(i + 2, out _, out _, namesOnly: true);
                        if (c >= 0) _speaker[q] = c;
                    }
                    // "Lizzy, you are joking": a name between the quotation's edge or a comma and a mark is the one spoken to.
                    if (_who[i] >= 0 && _first[i] == i && !IsPronoun(i) && _addressee[q] < 0)
                    {
                        int before = i - 1, after = _last[i] + 1;
                        bool open = before < 0 || _view.QuotationOf[before] != q || _view.Is(before, ',') || _view.Tokens[before].Kind == TokenKind.Quote;
                        bool close = after >= n || _view.Is(after, ',') || _view.Is(after, '!') || _view.Is(after, '?') || _view.Is(after, '.');
                        if (open && close) _addressee[q] = _who[i];
                    }
                    lastQuote = q;
                    continue;
                }
                if (lastQuote >= 0 && _speaker[lastQuote] < 0)
                {
                    if (!_view.IsWord(i)) continue;
                    ReadTagAfter(i, lastQuote, verbs);
                }
                // PERF: the narration's later words follow a word of narration, not the quotation, so none reads a tag
                // (nor does any when the quotation's speaker is known): they are passed up to the next quotation.
                while (i + 1 < n && _view.QuotationOf[i + 1] < 0) i++;
            }
        }

        // The first words after the quotation: "said Alec", "Alec said", "he said".
        private void ReadTagAfter(int i, int lastQuote, System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> verbs)
        {
            int n = _view.Count;
            int prev = i - 1;
            while (prev >= 0 && !_view.IsWord(prev) && _view.QuotationOf[prev] < 0) prev--;
            if (prev < 0 || _view.QuotationOf[prev] != lastQuote || _view.ParagraphOf[prev] != _view.ParagraphOf[i]) return;
            int speaker = -1;
            if (verbs.Contains(_view[i])) speaker = PersonAt(i + 1, out _, out _);
            else if (i + 1 < n)
            {
                int c = PersonAt(i, out _, out int last);
                if (c >= 0 && last + 1 < n && _view.IsWord(last + 1) && verbs.Contains(_view[last + 1])) speaker = c;
            }
            if (speaker >= 0) _speaker[lastQuote] = speaker;
        }
    }
}
