using Fabula.Dialogue;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// People the text only describes. Someone introduced by an indefinite description ("a man started
/// up from among the graves", "said a tall woman") and referred to again by the definite one ("the
/// man", "the tall woman") is one character, named by the description ("the man"), within the
/// scene it was introduced in; the definite one may use another noun of the same kind ("a small boy ... The child",
/// data/cast/described-kinds.txt) just after, and "this" or "that" points back to the latest one of its kind ("This little
/// boy stepped forward"). In the narration a first-person possessive introduces as "a" does ("our last guide ... The
/// guide drank"), and a noun the text says the person is ("the man, who was a porter", "our guide, a rather superior
/// fellow") is one more they may be known by ("said the porter"). One counted off as they come ("The first man who came
/// in", data/cast/ordinal-modifiers.txt) needs no introduction; a definite one named where it stands ("The young man whose
/// name was Barney") is that named character. A definite description with no introduction ("the painter", "the
/// girl") is left to the named character it stands for, unless its noun says the person is unnamed
/// ("The stranger came early in February"), or it speaks where no named person present could be the one it means
/// ("'Wake up!' said the man" to Dick, who answers): then it is someone new, or the described person of its scene
/// that just spoke ("said the parson ... the clergyman replied"). A description becomes a character only on
/// evidence: it speaks (a speech verb beside it: "said the man"), or the text refers to it three
/// times. Its pronouns come from its noun ("man": he), else from the pronouns that follow it. A
/// description followed within a few paragraphs by a name the narration uses for the first time, of a
/// fitting gender, was of that named character: its mentions go to it, unless the lines beside it, or its he or she's
/// lines in the next paragraph, call that character by name ("'Barney!' he cried out").
/// </summary>
internal static class DescribedPeople
{
    /// <summary>A description not mentioned again for this many paragraphs has left the story.</summary>
    private const int MaxGap = 40;

    /// <summary>How many paragraphs after a description's mention a newly named character may still be the one it described.</summary>
    // Measured on LitBank: 3 paragraphs keep speakers at 923/1394 (pronoun accuracy 0.770), 10 give 931 (0.769):
    // "the gentleman" of four tagged lines is named "Mr. Greyson" ten paragraphs on.
    private const int Handover = 10;


    private sealed class Chain(int head, string kind, int scene)
    {
        /// <summary>The word type of the noun ("man").</summary>
        public readonly int Head = head;
        /// <summary>The kind of person its nouns name ("child" of "boy" and "urchin"; else the noun itself).</summary>
        public readonly string Kind = kind;
        /// <summary>The pronoun set of its first noun with a gender ("boy": he/him), or null.</summary>
        public string? Set;
        /// <summary>The word types of the nouns its mentions used ("urchin", "child").</summary>
        public readonly List<int> Nouns = [head];
        /// <summary>The word types of the modifiers the introductions gave ("old", "fearful").</summary>
        public readonly List<int> Modifiers = [];
        public readonly int Scene = scene;
        public int LastParagraph;
        /// <summary>Referred to again by the definite description ("the man").</summary>
        public bool Definite;
        /// <summary>Begun by a first-person possessive ("our last guide").</summary>
        public bool Possessive;
        /// <summary>Speech tags beside its mentions ("said the man").</summary>
        public int Tags;
        /// <summary>Its mentions, as indexes into the nominal mentions.</summary>
        public readonly List<int> Members = [];
        /// <summary>Begun by a definite description beside a speech tag, with no introduction ("said the porter").</summary>
        public bool Unintroduced;
        /// <summary>Set apart from someone already described by its modifiers ("the other woman"), or known by a title ("the colonel").</summary>
        public bool Apart;
        /// <summary>The paragraphs of its speech tags.</summary>
        public readonly List<int> TagParagraphs = [];
        /// <summary>Brought in by a speech tag with a word for someone unnamed ("said another", "somebody exclaimed").</summary>
        public bool Someone;
    }

    /// <summary>
    /// Adds a character for each described person with evidence to <paramref name="characters"/> and points its
    /// nominal mentions at it; returns, for each character added (in order), its pronoun set or null.
    /// </summary>
    public static List<string?> Find(Story story, TokenView view, WordTypes types, List<NameMention> names, int[] characterOf,
                                     string?[] namedSets, List<NominalMention> nominals, List<Character> characters)
    {
        var sets = new List<string?>();
        if (nominals.Count == 0) return sets;
        var scenes = story.Has<Scene>() ? story.Layer<Scene>() : null;
        var noIntroduction = CastTables.Shared.NoIntroduction;
        var open = new List<Chain>();
        var kept = new List<Chain>();
        int scene = 0, lastHead = -1;
        Chain? lastChain = null;
        for (int n = 0; n < nominals.Count; n++)
        {
            var nominal = nominals[n];
            int first = nominal.FirstToken, head = nominal.HeadToken;
            // Descriptions in the lines are the speakers' own ("the man I saw"), and a title holder is already someone.
            if (nominal.Character >= 0 || view.QuotationOf[first] >= 0) continue;
            var determiner = view[first];
            bool indefinite = determiner.Equals("a", StringComparison.OrdinalIgnoreCase) || determiner.Equals("an", StringComparison.OrdinalIgnoreCase);
            bool definite = determiner.Equals("the", StringComparison.OrdinalIgnoreCase);
            bool pointing = determiner.Equals("this", StringComparison.OrdinalIgnoreCase) || determiner.Equals("that", StringComparison.OrdinalIgnoreCase);
            // "I happened to speak of that river to our last guide": in the narration, a first-person possessive with a noun of no
            // relation introduces someone as "a" does, unless it refers back as "the" does ("Our guide told us").
            bool ours = determiner.Equals("our", StringComparison.OrdinalIgnoreCase) || determiner.Equals("my", StringComparison.OrdinalIgnoreCase);
            if (ours && CastTables.Shared.RelationNouns.Contains(view[head])) continue; // "his mother", "my friend": kin is no description
            // "said another", "somebody exclaimed", "cried another female": a tag that brings in someone of their own (NominalMentions).
            bool someone = types.Is(first, WordFlags.Someone);
            if (!indefinite && !definite && !pointing && !ours && !someone) continue;
            int start = view.Tokens[first].Span.Start, paragraph = view.ParagraphOf[first];
            if (scenes is not null)
                while (scene + 1 < scenes.Count && scenes[scene].Span.End <= start) scene++;
            // PERF: a loop, not RemoveAll with a lambda.
            int still = 0;
            for (int c = 0; c < open.Count; c++)
                if (open[c].Scene == scene && paragraph - open[c].LastParagraph <= MaxGap) open[still++] = open[c];
            open.RemoveRange(still, open.Count - still);

            // "The young man whose name was Barney looked at her": a definite description whose clause, with no comma, says which one by
            // naming them is that named one, not the young man described before. ("The officer, whose name was Blakeney," refers back
            // and names the one it refers to; "a young man named Barney" introduces them: see NamedInApposition.)
            if (definite && NamedThere(view, names, characterOf, head) is var namedThere and >= 0)
            {
                nominals[n] = nominal with { Character = namedThere, Chained = true };
                continue;
            }
            int type = types.TypeOf[head];
            // "a man", "the stranger": a noun a person may be known by; not "a voice", "the letter", "his mother".
            bool gendered = DialogueWords.PronounOfNoun(view[head], out var pronoun);
            // "continued the undertaker": any noun for a person, once a tag makes it speak.
            if (!types.Is(head, WordFlags.DescribedNoun) && !gendered && !someone
                && !(definite && types.Is(head, WordFlags.PersonNoun) && IsTagged(view, types, first, head))) continue;
            string kind = CastTables.Shared.DescribedKinds.TryGetValue(view[head], out var listed) ? listed : types.WordOf(type);
            string? set = gendered ? pronoun == "he" ? "he/him" : "she/her" : null;
            Chain? chain = null;
            // "was a man", "like a man", "would be that man": said of someone, not someone there.
            bool predicate = first > 0 && view.IsWord(first - 1) && view.SentenceOf[first - 1] == view.SentenceOf[first] && noIntroduction.Contains(view[first - 1]);
            if (someone)
            {
                // Each one someone new: "said another" is not the one who spoke before.
                chain = new Chain(type, kind, scene) { Someone = true };
                open.Add(chain);
                kept.Add(chain);
            }
            else if (indefinite && lastChain is not null && IsSaidOf(view, first, lastHead))
            {
                // "asked the man, who was a porter ... said the porter", "our guide, a rather superior fellow": the one just
                // mentioned, known from now on by this noun too.
                chain = lastChain;
                for (int k = first + 1; k < head; k++)
                    if (!chain.Modifiers.Contains(types.TypeOf[k])) chain.Modifiers.Add(types.TypeOf[k]);
            }
            else if (indefinite || ours)
            {
                if (predicate) continue;
                // "A fearful man, all in coarse gray. A man with no hat.": described again before the text refers back, the same one.
                for (int c = open.Count - 1; c >= 0 && chain is null; c--)
                    if (open[c].Head == type && !open[c].Definite && paragraph - open[c].LastParagraph <= 1) chain = open[c];
                // "our last guide ... Our guide told us": the possessive refers back as "the" does, else introduces as "a".
                for (int c = open.Count - 1; ours && c >= 0 && chain is null; c--)
                    if (SameKind(open[c], type, kind, set, paragraph) && Repeats(types, first, head, open[c])) chain = open[c];
                if (chain is null)
                {
                    chain = new Chain(type, kind, scene) { Possessive = ours };
                    open.Add(chain);
                    kept.Add(chain);
                }
                for (int k = first + 1; k < head; k++)
                    if (!chain.Modifiers.Contains(types.TypeOf[k])) chain.Modifiers.Add(types.TypeOf[k]);
            }
            else if (pointing)
            {
                // "a small boy came walking ... This little boy stepped forward ... this vivacious infant": pointing back, with what
                // it adds, to the latest one of its kind the text has just described; it begins no one.
                if (predicate || HasContrast(view, first, head)) continue;
                for (int c = open.Count - 1; c >= 0 && chain is null; c--)
                    if (SameKind(open[c], type, kind, set, paragraph) && paragraph - open[c].LastParagraph <= Pointing) chain = open[c];
                if (chain is null) continue;
                chain.Definite = true;
                for (int k = first + 1; k < head; k++)
                    if (!chain.Modifiers.Contains(types.TypeOf[k])) chain.Modifiers.Add(types.TypeOf[k]);
            }
            else
            {
                // "the man" refers back to the latest "a man" whose description it repeats ("the old man" to "an old man", not to "a young man"),
                // or to one of its kind ("a small boy ... The child").
                for (int c = open.Count - 1; c >= 0 && chain is null; c--)
                    if (SameKind(open[c], type, kind, set, paragraph) && Repeats(types, first, head, open[c])) chain = open[c];
                // "The stranger came early in February": a noun that itself says the person is unnamed needs no "a stranger" first;
                // nor does one counted off as they come ("The first man who came in was a large officer").
                if (chain is null && (CastTables.Shared.StrangerNouns.Contains(view[head]) || IsCounted(view, first, head)))
                {
                    chain = new Chain(type, kind, scene);
                    for (int k = first + 1; k < head; k++) chain.Modifiers.Add(types.TypeOf[k]);
                    open.Add(chain);
                    kept.Add(chain);
                }
                // "'Wake up!' said the man": a description that speaks may be someone new with no introduction; kept below
                // only when no named person present could be the one it means.
                if (chain is null && IsTagged(view, types, first, head) && !CastTables.Shared.RelationNouns.Contains(view[head]))
                {
                    chain = new Chain(type, kind, scene) { Unintroduced = true, Apart = CastTables.Shared.IsTitle(view[head], out _) };
                    for (int k = first + 1; k < head; k++)
                    {
                        chain.Modifiers.Add(types.TypeOf[k]);
                        if (CastTables.Shared.ContrastModifiers.Contains(view[k])) chain.Apart = true;
                    }
                    open.Add(chain);
                    kept.Add(chain);
                }
                if (chain is null) continue;
                chain.Definite = true;
            }
            chain.Set ??= set;
            if (!chain.Nouns.Contains(type)) chain.Nouns.Add(type);
            (lastChain, lastHead) = (chain, head);
            chain.Members.Add(n);
            chain.LastParagraph = paragraph;
            if (IsTagged(view, types, first, head))
            {
                chain.Tags++;
                chain.TagParagraphs.Add(paragraph);
            }
        }

        var introduced = FirstNarrated(view, names, characterOf);
        var calledIn = CalledInLines(view, names, characterOf);
        Dictionary<int, List<int>>? taggedIn = null, vocativeIn = null;
        var made = new List<(Chain Chain, int Character, string? Set)>();
        HashSet<string>? heldTitles = null;
        string? mainSet = null;
        foreach (var chain in kept)
        {
            // "The stranger came early in February ... carrying a little black portmanteau in his thickly gloved hand": a noun that
            // says the person is unnamed, twice, with the pronouns that follow it, is someone even before it speaks or is named.
            bool stranger = chain.Definite && chain.Members.Count >= 2 && CastTables.Shared.StrangerNouns.Contains(types.WordOf(chain.Head));
            string? set = chain.Set;
            bool gendered = set is not null;
            // "conscious of a man behind. She felt him observing her ... 'And so this is your first visit,' he observed": one introduced
            // and never referred to again by the description, whose he or she the tags that follow make speak, with no named one between.
            // Not of the main character's pronouns: a he or she no name stands near is theirs as often as not.
            bool speaksAfter = chain.Tags == 0 && !chain.Definite && gendered && !CastTables.Shared.RelationNouns.Contains(types.WordOf(chain.Head))
                               && set != (mainSet ??= MainSet(characterOf, namedSets))
                               && PronounTagsAfter(view, types, names, characterOf, namedSets, nominals, chain, set!);
            if (chain.Tags == 0 && !(chain.Definite && chain.Members.Count >= 3) && !stranger && !speaksAfter) continue;
            // "said my companion": one the narrator only ever calls theirs is someone the narrator knows, named elsewhere;
            // "our last guide ... The guide drank" is someone the text describes.
            if (chain.Possessive && !chain.Definite) continue;

            if (!gendered) set = FollowingPronouns(view, types, names, characterOf, nominals, chain);
            if (chain.Tags == 0 && !(chain.Definite && chain.Members.Count >= 3) && set is null) continue; // a stranger of no known pronouns
            int sceneStart = scenes is null ? 0 : scenes[chain.Scene].Span.Start;
            int sceneEnd = scenes is null ? int.MaxValue : scenes[chain.Scene].Span.End;
            // "said the squire" in a story with a Squire Western: the speaker stage finds which squire is present.
            if (chain.Unintroduced && (heldTitles ??= HeldTitles(characters, namedSets.Length)).Contains(types.WordOf(chain.Head))) continue;
            if ((chain.Unintroduced || speaksAfter) && MayBeNamed(view, types, names, characterOf, namedSets, characters, nominals, chain, set, sceneStart,
                    vocativeIn ??= CalledInLines(view, names, characterOf, vocativesOnly: true), taggedIn ??= TaggedNames(view, types, names, characterOf))) continue;
            // "an elderly parson ... said the parson ... the clergyman replied": a description that speaks with no introduction,
            // beside a described person of its scene who may be the one it means, is that person.
            if (chain.Unintroduced && SameDescribed(made, chain, set) is { } same)
            {
                Join(view, nominals, characters[same.Character], chain);
                same.Chain.TagParagraphs.AddRange(chain.TagParagraphs);
                same.Chain.LastParagraph = Math.Max(same.Chain.LastParagraph, chain.LastParagraph);
                continue;
            }
            // "The officer, whose name was Blakeney, tapped at the door": the narration gives the described one's name.
            int named = NamedInApposition(view, names, characterOf, nominals, chain);
            // "said another": someone the text does not mean to name, not whoever it names next; nor is "said the undertaker", who
            // spoke with no introduction where no named person present could be them ("At noon Ned Crane came down the street").
            for (int m = 0; m < chain.Members.Count && named < 0 && !chain.Someone && !chain.Unintroduced; m++)
            {
                int from = nominals[chain.Members[m]].FirstToken;
                int naming = NamedMeanwhile(view, introduced, namedSets, from, view.ParagraphOf[from], sceneEnd, set);
                if (naming < 0) continue;
                named = introduced[naming].Character;
                // "'I did,' said the parson. ... 'Don't you know, Durbeyfield?'": whom the lines beside the description call by name is someone else;
                // not once the narration has long named them ("'Randolph C. Miller,' said the boy" a page after "replied Randolph").
                // "The first man who came in ... when he saw her he was so startled. / 'Barney!' he cried out.": nor whom the lines its
                // he or she says in the next paragraph call.
                if (IsCalledBeside(view, nominals, chain, calledIn, named, view.ParagraphOf[introduced[naming].Token] + Handover)
                    || set is not null && IsCalledNext(view, types, nominals, chain, vocativeIn ??= CalledInLines(view, names, characterOf, vocativesOnly: true), named, set))
                    named = -1;
            }
            if (named >= 0)
            {
                // The description was of the one the narration goes on to name: its mentions are that character's.
                foreach (int n in chain.Members) nominals[n] = nominals[n] with { Character = named, Chained = true };
                continue;
            }
            var character = new Character(characters.Count) { Described = true };
            var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
            string? definiteName = null;
            foreach (int n in chain.Members)
            {
                var mention = NominalMentions.AsMention(view, nominals[n]);
                string surface = Surface(view.Text[mention.Span]);
                aliases[surface] = aliases.GetValueOrDefault(surface) + 1;
                if (definiteName is null && surface.StartsWith("the ", StringComparison.Ordinal)) definiteName = surface;
                nominals[n] = nominals[n] with { Character = character.Index, Chained = true };
            }
            // Named as the text refers back to it ("the man"); one only introduced ("said a tall woman") by its description made definite.
            var introduction = NominalMentions.AsMention(view, nominals[chain.Members[0]]);
            character.Name = definiteName ?? (chain.Someone ? Surface(view.Text[introduction.Span]) : "the " + Surface(view.Text[TextSpan.FromBounds(view.Tokens[nominals[chain.Members[0]].FirstToken + 1].Span.Start, introduction.Span.End)]));
            foreach (var (surface, count) in aliases) character.Aliases.Add(new Alias(surface, count));
            character.Aliases.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Text, b.Text));
            character.Prior = set == "he/him" ? Gender.Male : set == "she/her" ? Gender.Female : Gender.Unknown;
            characters.Add(character);
            sets.Add(set);
            made.Add((chain, character.Index, set));
        }
        return sets;
    }

    /// <summary>How many paragraphs after an introduction the pronoun tags that make it speak may come.</summary>
    private const int Follow = 6;

    /// <summary>The pronoun set of the character named most, or "" when it has none.</summary>
    private static string MainSet(int[] characterOf, string?[] namedSets)
    {
        var counts = new int[namedSets.Length];
        int main = -1;
        foreach (int c in characterOf)
            if (c >= 0 && c < counts.Length && ++counts[c] > (main >= 0 ? counts[main] : 0)) main = c;
        return main >= 0 ? namedSets[main] ?? "" : "";
    }

    /// <summary>
    /// Whether pronoun tags of a description's gender ("he observed") follow its last mention within a few paragraphs, before any
    /// named person who may be the one they mean; their paragraphs become its tag paragraphs.
    /// </summary>
    private static bool PronounTagsAfter(TokenView view, WordTypes types, List<NameMention> names, int[] characterOf, string?[] namedSets,
                                         List<NominalMention> nominals, Chain chain, string set)
    {
        int from = nominals[chain.Members[^1]].HeadToken, paragraph = view.ParagraphOf[from];
        // The first named person after it who may be the one the pronouns mean ends the search.
        int until = view.Count;
        for (int m = FirstNameFrom(names, from + 1); m < names.Count && view.ParagraphOf[names[m].FirstToken] <= paragraph + Follow; m++)
        {
            int c = characterOf[m];
            if (c < 0 || c >= namedSets.Length || view.QuotationOf[names[m].FirstToken] >= 0 || namedSets[c] is { } named && named != set) continue;
            until = names[m].FirstToken;
            break;
        }
        var pronouns = types.PronounTokens;
        int p = Array.BinarySearch(pronouns, from + 1);
        if (p < 0) p = ~p;
        int found = chain.TagParagraphs.Count;
        for (; p < pronouns.Length && pronouns[p] < until && view.ParagraphOf[pronouns[p]] <= paragraph + Follow; p++)
        {
            int t = pronouns[p];
            if (view.QuotationOf[t] >= 0) continue;
            var pronoun = types.Pronouns[types.TypeOf[t]];
            if (pronoun.Set != set || pronoun.Case != PronounCase.Subject) continue;
            if (types.Is(t + 1, WordFlags.SpeechVerb) || types.Is(t - 1, WordFlags.SpeechVerb)) chain.TagParagraphs.Add(view.ParagraphOf[t]);
        }
        return chain.TagParagraphs.Count > found;
    }

    /// <summary>How many paragraphs before an unintroduced description's first tag a described person must have spoken to be the one it means.</summary>
    private const int Conversation = 10;

    /// <summary>
    /// The one described person an unintroduced description may mean: in its scene, of the same known gender, who spoke
    /// a few paragraphs before it and not in the paragraph of one of its tags or next to it; null when there is none or
    /// more than one.
    /// </summary>
    private static (Chain Chain, int Character)? SameDescribed(List<(Chain Chain, int Character, string? Set)> made, Chain chain, string? set)
    {
        if (set is null || chain.Apart || chain.TagParagraphs.Count == 0) return null;
        int first = chain.TagParagraphs[0];
        (Chain, int)? found = null;
        for (int d = made.Count - 1; d >= 0; d--)
        {
            var (other, character, otherSet) = made[d];
            if (other.Scene != chain.Scene || other.LastParagraph < first - Presence) continue;
            if (otherSet is not null && otherSet != set) continue;
            if (otherSet is null || TagsBeside(chain.TagParagraphs, other.TagParagraphs) || !SpokeBefore(other, first)) return null;
            // "the loud soldier" beside "the tall soldier": one noun, told apart by what the descriptions add.
            if (other.Head == chain.Head && other.Modifiers.Count > 0) return null;
            if (found is not null && found.Value.Item2 != character) return null;
            found = (other, character);
        }
        return found;
    }

    private static bool SpokeBefore(Chain chain, int paragraph)
    {
        foreach (int p in chain.TagParagraphs)
            if (p < paragraph && p >= paragraph - Conversation) return true;
        return false;
    }

    private static bool TagsBeside(List<int> these, List<int> those)
    {
        foreach (int p in these)
            foreach (int q in those)
                if (q >= p - 1 && q <= p + 1) return true;
        return false;
    }

    // A description's mentions become the described character's, and their wording its aliases.
    private static void Join(TokenView view, List<NominalMention> nominals, Character character, Chain chain)
    {
        foreach (int n in chain.Members)
        {
            string surface = Surface(view.Text[NominalMentions.AsMention(view, nominals[n]).Span]);
            int a = character.Aliases.FindIndex(alias => alias.Text == surface);
            if (a >= 0) character.Aliases[a] = character.Aliases[a] with { Count = character.Aliases[a].Count + 1 };
            else character.Aliases.Add(new Alias(surface, 1));
            nominals[n] = nominals[n] with { Character = character.Index, Chained = true };
        }
        character.Aliases.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Text, b.Text));
    }

    /// <summary>The titles the named characters' names begin with ("squire" of "Squire Western", "doctor" of "Dr. Archie"), in lower case.</summary>
    private static HashSet<string> HeldTitles(List<Character> characters, int named)
    {
        var held = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < named && c < characters.Count; c++)
            foreach (var alias in characters[c].Aliases)
            {
                int space = alias.Text.IndexOf(' ');
                if (space < 0) continue;
                string title = alias.Text[..space].TrimEnd('.');
                if (!CastTables.Shared.IsTitle(title, out _)) continue;
                held.Add(title);
                held.Add(title.ToLowerInvariant() switch { "dr" => "doctor", "capt" => "captain", "prof" => "professor", "rev" => "reverend", "col" => "colonel", "lt" => "lieutenant", "gen" => "general", _ => title });
            }
        return held;
    }

    // "said the man", "the man asked": a speech verb just after the noun or just before the description; not "said the man's dog".
    private static bool IsTagged(TokenView view, WordTypes types, int first, int head) =>
        types.Is(head + 1, WordFlags.SpeechVerb)
        || first > 0 && types.Is(first - 1, WordFlags.SpeechVerb) && !(head + 1 < view.Count && IsPossessive(view[head + 1]));

    private static bool IsPossessive(ReadOnlySpan<char> token) =>
        token is "'s" or "\u2019s" or "'S" or "\u2019S";

    /// <summary>How many paragraphs before an unintroduced description's first mention a named person may still be present.</summary>
    private const int Presence = 20;

    /// <summary>How many paragraphs before an unintroduced description's first mention a person named once is present.</summary>
    private const int Near = 3;

    /// <summary>
    /// Whether a named character could be the one an unintroduced description ("said the man") means: named in the narration
    /// of its scene, from a few paragraphs before its first mention to its last, of a fitting gender, and not shown to be
    /// someone else (called by name in the description's lines, or speaking in the paragraph of one of its tags or next to it:
    /// "'Wake up!' said the man. / 'What time is it?' asked Dick." are two people).
    /// </summary>
    private static bool MayBeNamed(TokenView view, WordTypes types, List<NameMention> names, int[] characterOf, string?[] namedSets, List<Character> characters,
                                   List<NominalMention> nominals, Chain chain, string? set, int sceneStart, Dictionary<int, List<int>> calledIn,
                                   Dictionary<int, List<int>> taggedIn)
    {
        int firstToken = nominals[chain.Members[0]].FirstToken, lastToken = nominals[chain.Members[^1]].FirstToken;
        int from = view.ParagraphOf[firstToken] - Presence;
        var seen = new HashSet<int>();
        for (int m = FirstNameFrom(names, lastToken + 1) - 1; m >= 0; m--)
        {
            int token = names[m].FirstToken, c = characterOf[m];
            if (view.ParagraphOf[token] < from || view.Tokens[token].Span.Start < sceneStart) break;
            if (c < 0 || c >= namedSets.Length || characters[c].Narrator) continue;
            // Called by name in a line before the description comes in: present too (once it has, its own lines call the others by name).
            bool called = view.QuotationOf[token] >= 0;
            if (called && (token > firstToken || !IsVocative(view, names[m]))) continue;
            if (set is not null && namedSets[c] is not null && namedSets[c] != set) continue;
            if (CalledInTagged(chain, calledIn, c) || SpeaksBeside(chain, taggedIn, c)) continue;
            // Present, not only spoken of ("the notice of the English church (Rev. Cuthbert Eager)"): named as the subject of a
            // sentence, in a speech tag, twice, or just before the description comes in ("sat at the table with Mr. Beebe").
            if (!called && !PronounResolver.IsSubjectPosition(view, token) && !IsTaggedName(view, types, names[m])
                && view.ParagraphOf[token] < view.ParagraphOf[firstToken] - Near && seen.Add(c)) continue;
            return true;
        }
        return false;
    }

    private static bool IsTaggedName(TokenView view, WordTypes types, NameMention name) =>
        name.LastToken + 1 < view.Count && types.Is(name.LastToken + 1, WordFlags.SpeechVerb)
        || name.FirstToken > 0 && types.Is(name.FirstToken - 1, WordFlags.SpeechVerb);

    // Whether the lines of a paragraph where the description speaks call the character by name: it speaks to them.
    private static bool CalledInTagged(Chain chain, Dictionary<int, List<int>> calledIn, int character)
    {
        foreach (int p in chain.TagParagraphs)
            if (calledIn.TryGetValue(p, out var called) && called.Contains(character)) return true;
        return false;
    }

    private static bool SpeaksBeside(Chain chain, Dictionary<int, List<int>> taggedIn, int character)
    {
        foreach (int p in chain.TagParagraphs)
            for (int q = p - 1; q <= p + 1; q += 2) // not p itself: "returned Mr. Bumble ... said the beadle" is one speaker
                if (taggedIn.TryGetValue(q, out var tagged) && tagged.Contains(character)) return true;
        return false;
    }

    /// <summary>For each paragraph with a speech tag of a name in the narration ("asked Dick"), the characters so tagged.</summary>
    private static Dictionary<int, List<int>> TaggedNames(TokenView view, WordTypes types, List<NameMention> names, int[] characterOf)
    {
        var tagged = new Dictionary<int, List<int>>();
        for (int m = 0; m < names.Count; m++)
        {
            var name = names[m];
            if (characterOf[m] < 0 || view.QuotationOf[name.FirstToken] >= 0) continue;
            if (!IsTaggedName(view, types, name)) continue;
            int paragraph = view.ParagraphOf[name.FirstToken];
            if (!tagged.TryGetValue(paragraph, out var list)) tagged[paragraph] = list = [];
            if (!list.Contains(characterOf[m])) list.Add(characterOf[m]);
        }
        return tagged;
    }

    /// <summary>
    /// For each paragraph with a line that names someone, the characters named inside its lines; with <paramref name="vocativesOnly"/>,
    /// only those the lines call by name ("there's some good in you, Dick, after all"), not those they speak of or who name themselves
    /// ("Sir John d'Urberville--that's who I am").
    /// </summary>
    private static Dictionary<int, List<int>> CalledInLines(TokenView view, List<NameMention> names, int[] characterOf, bool vocativesOnly = false)
    {
        var called = new Dictionary<int, List<int>>();
        for (int m = 0; m < names.Count; m++)
        {
            int token = names[m].FirstToken;
            if (characterOf[m] < 0 || view.QuotationOf[token] < 0) continue;
            if (vocativesOnly ? !IsVocative(view, names[m]) : IsIdentified(view, token)) continue;
            int paragraph = view.ParagraphOf[token];
            if (!called.TryGetValue(paragraph, out var list)) called[paragraph] = list = [];
            if (!list.Contains(characterOf[m])) list.Add(characterOf[m]);
        }
        return called;
    }

    // "Why, it's Mr. Beebe!": a name that says who someone there is, not someone the line talks to.
    private static bool IsIdentified(TokenView view, int token)
    {
        int before = token - 1;
        if (before < 0 || !view.IsWord(before)) return false;
        var word = view[before];
        if (word.Equals("it's", StringComparison.OrdinalIgnoreCase) || word.Equals("it’s", StringComparison.OrdinalIgnoreCase)) return true;
        return (word is "is" or "'s" or "’s" or "s") && before > 0 && view[before - 1].Equals("it", StringComparison.OrdinalIgnoreCase);
    }

    // "..., Dick, ...", "Dick, come here", "Come here, Dick!": a name set off by a comma before it, or by a comma, "!" or "?"
    // after it where nothing but punctuation stands before it.
    private static bool IsVocative(TokenView view, NameMention name)
    {
        int before = name.FirstToken - 1, after = name.LastToken + 1;
        if (view.Is(before, ',')) return true;
        bool opens = before < 0 || !view.IsWord(before) || view.QuotationOf[before] != view.QuotationOf[name.FirstToken];
        return opens && (view.Is(after, ',') || view.Is(after, '!') || view.Is(after, '?'));
    }

    // Whether the lines of a paragraph where the description stands name the character: the described one is then talking with them.
    private static bool IsCalledBeside(TokenView view, List<NominalMention> nominals, Chain chain, Dictionary<int, List<int>> calledIn, int character, int until)
    {
        foreach (int n in chain.Members)
        {
            int paragraph = view.ParagraphOf[nominals[n].FirstToken];
            if (paragraph > until) break;
            if (calledIn.TryGetValue(paragraph, out var called) && called.Contains(character)) return true;
        }
        return false;
    }

    // Whether the lines of the paragraph after one where the description stands, tagged with a pronoun of its set, call the character by name.
    private static bool IsCalledNext(TokenView view, WordTypes types, List<NominalMention> nominals, Chain chain, Dictionary<int, List<int>> vocativeIn,
                                     int character, string set)
    {
        foreach (int n in chain.Members)
        {
            int head = nominals[n].HeadToken, next = view.ParagraphOf[head] + 1;
            if (!vocativeIn.TryGetValue(next, out var called) || !called.Contains(character)) continue;
            var pronouns = types.PronounTokens;
            int p = Array.BinarySearch(pronouns, head + 1);
            if (p < 0) p = ~p;
            for (; p < pronouns.Length && view.ParagraphOf[pronouns[p]] <= next; p++)
            {
                int t = pronouns[p];
                if (view.ParagraphOf[t] != next || view.QuotationOf[t] >= 0) continue;
                var pronoun = types.Pronouns[types.TypeOf[t]];
                if (pronoun.Set == set && pronoun.Case == PronounCase.Subject && (types.Is(t + 1, WordFlags.SpeechVerb) || types.Is(t - 1, WordFlags.SpeechVerb)))
                    return true;
            }
        }
        return false;
    }

    /// <summary>The named characters by the first token at which the narration names them (outside the lines), in text order.</summary>
    private static List<(int Token, int Character)> FirstNarrated(TokenView view, List<NameMention> names, int[] characterOf)
    {
        var seen = new HashSet<int>();
        var first = new List<(int, int)>();
        for (int m = 0; m < names.Count; m++)
            if (characterOf[m] >= 0 && view.QuotationOf[names[m].FirstToken] < 0 && seen.Add(characterOf[m]))
                first.Add((names[m].FirstToken, characterOf[m]));
        return first;
    }

    /// <summary>
    /// The named character the narration names for the first time just after a mention of a description (in its
    /// scene, within a few paragraphs), who may be the one described, as an index into <paramref name="introduced"/>, or -1: "The young woman was tall ... And never had
    /// Hester Prynne appeared more ladylike", "The young man whose name was Barney". The description is that character's.
    /// </summary>
    private static int NamedMeanwhile(TokenView view, List<(int Token, int Character)> introduced, string?[] namedSets, int from, int paragraph, int sceneEnd, string? set)
    {
        int lo = 0, hi = introduced.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (introduced[mid].Token <= from) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < introduced.Count && view.ParagraphOf[introduced[i].Token] <= paragraph + Handover
                         && view.Tokens[introduced[i].Token].Span.Start < sceneEnd; i++)
        {
            string? named = namedSets[introduced[i].Character];
            if (set is null || named is null || named == set) return i;
        }
        return -1;
    }

    /// <summary>
    /// The character a mention of the chain is given the name of, just after it in its sentence ("The officer, whose name
    /// was Blakeney", "a young man named Barney", "the girl, called Nell by all"), or -1.
    /// </summary>
    private static int NamedInApposition(TokenView view, List<NameMention> names, int[] characterOf, List<NominalMention> nominals, Chain chain)
    {
        foreach (int n in chain.Members)
        {
            int head = nominals[n].HeadToken, k = head + 1;
            if (view.Is(k, ',')) k++;
            if (NameGivenAt(view, names, characterOf, k, view.SentenceOf[head]) is var named and >= 0) return named;
        }
        return -1;
    }

    /// <summary>How many paragraphs after a description's last mention "this boy" may still point back to it.</summary>
    private const int Pointing = 3;

    /// <summary>
    /// The character a description names where it stands, in a clause with no comma before it ("the young man whose name was
    /// Barney", "the nurse called Hannah Bell", "the boy named Tom"), or -1.
    /// </summary>
    private static int NamedThere(TokenView view, List<NameMention> names, int[] characterOf, int head) =>
        NameGivenAt(view, names, characterOf, head + 1, view.SentenceOf[head]);

    /// <summary>
    /// The character a phrase at <paramref name="t"/> gives the name of ("whose name was Barney", "named Tom", "called Nell"),
    /// when that name stands in <paramref name="sentence"/>; or -1.
    /// </summary>
    private static int NameGivenAt(TokenView view, List<NameMention> names, int[] characterOf, int t, int sentence)
    {
        if (t + 2 < view.Count && view[t].Equals("whose", StringComparison.OrdinalIgnoreCase) && view[t + 1].Equals("name", StringComparison.OrdinalIgnoreCase)
            && view[t + 2] is "was" or "is")
            t += 3;
        else if (t < view.Count && view[t] is "named" or "called") t += 1;
        else return -1;
        if (t >= view.Count || view.SentenceOf[t] != sentence) return -1;
        int m = FirstNameFrom(names, t);
        return m < names.Count && names[m].FirstToken == t && characterOf[m] >= 0 ? characterOf[m] : -1;
    }

    // Whether an indefinite description says what the one just mentioned is: "the man, who was a porter", "the man, a porter".
    private static bool IsSaidOf(TokenView view, int first, int mentioned)
    {
        if (mentioned < 0 || view.SentenceOf[mentioned] != view.SentenceOf[first]) return false;
        if (first - 2 == mentioned && view.Is(first - 1, ',')) return true;
        return first - 4 == mentioned && view.Is(first - 3, ',') && view[first - 2].Equals("who", StringComparison.OrdinalIgnoreCase)
               && view[first - 1] is "was" or "is";
    }

    // Whether a description names the kind of person a chain is, of no other gender ("the child" of "a small boy"; not "the girl"):
    // by a noun the chain has used, or by another noun of its kind just after its last mention.
    private static bool SameKind(Chain chain, int type, string kind, string? set, int paragraph) =>
        (set is null || chain.Set is null || chain.Set == set)
        && (chain.Nouns.Contains(type) || string.Equals(chain.Kind, kind, StringComparison.OrdinalIgnoreCase) && paragraph - chain.LastParagraph <= Pointing);

    // Whether a description counts someone off as they come: "the first man", "the second woman".
    private static bool IsCounted(TokenView view, int first, int head)
    {
        for (int k = first + 1; k < head; k++)
            if (CastTables.Shared.OrdinalModifiers.Contains(view[k])) return true;
        return false;
    }

    // Whether a description sets itself apart from those before it ("that other man").
    private static bool HasContrast(TokenView view, int first, int head)
    {
        for (int k = first + 1; k < head; k++)
            if (CastTables.Shared.ContrastModifiers.Contains(view[k])) return true;
        return false;
    }

    // Whether a definite description repeats a chain's: its modifiers ("old" in "the old man") are among those the chain was given.
    private static bool Repeats(WordTypes types, int first, int head, Chain chain)
    {
        for (int k = first + 1; k < head; k++)
            if (!chain.Modifiers.Contains(types.TypeOf[k])) return false;
        return true;
    }

    // Lower-case first letter ("A man" at a sentence start is "a man"), spacing made single.
    private static string Surface(ReadOnlySpan<char> written)
    {
        var words = written.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words[0].Length > 0) words[0] = char.ToLowerInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    /// <summary>
    /// The pronouns of a description whose noun has no gender ("the stranger"): the he or she that follows its
    /// mentions in the narration, in the same sentence or the next, with no name between; when one clearly leads.
    /// </summary>
    private static string? FollowingPronouns(TokenView view, WordTypes types, List<NameMention> names, int[] characterOf, List<NominalMention> nominals, Chain chain)
    {
        int he = 0, she = 0;
        var pronouns = types.PronounTokens;
        foreach (int n in chain.Members)
        {
            int head = nominals[n].HeadToken, sentence = view.SentenceOf[head];
            int p = Array.BinarySearch(pronouns, head + 1);
            if (p < 0) p = ~p;
            for (; p < pronouns.Length && view.SentenceOf[pronouns[p]] <= sentence + 1; p++)
            {
                int t = pronouns[p];
                if (view.QuotationOf[t] >= 0) continue;
                if (NameBetween(names, characterOf, SentenceStart(view, head), t)) break;
                var set = types.Pronouns[types.TypeOf[t]].Set;
                if (set == "he/him") he++;
                else if (set == "she/her") she++;
                break;
            }
        }
        if (he > 0 && he > 2 * she) return "he/him";
        if (she > 0 && she > 2 * he) return "she/her";
        return null;
    }

    // Whether a person's name stands between two tokens: the pronoun may be theirs ("When Mrs. Hall cleared away the stranger's lunch, her idea").
    private static bool NameBetween(List<NameMention> names, int[] characterOf, int from, int to)
    {
        for (int m = FirstNameFrom(names, from); m < names.Count && names[m].FirstToken < to; m++)
            if (characterOf[m] >= 0) return true;
        return false;
    }

    /// <summary>The index of the first name mention starting at or after <paramref name="token"/> (names are in text order).</summary>
    private static int FirstNameFrom(List<NameMention> names, int token)
    {
        int lo = 0, hi = names.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (names[mid].FirstToken < token) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int SentenceStart(TokenView view, int token)
    {
        int sentence = view.SentenceOf[token];
        while (token > 0 && view.SentenceOf[token - 1] == sentence) token--;
        return token;
    }
}
