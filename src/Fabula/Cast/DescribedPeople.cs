using Fabula.Dialogue;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// People the text only describes. Someone introduced by an indefinite description ("a man started
/// up from among the graves", "said a tall woman") and referred to again by the definite one ("the
/// man", "the tall woman") is one character, named by the description ("the man"), within the
/// scene it was introduced in. A definite description with no introduction ("the painter", "the
/// girl") is left to the named character it stands for, unless its noun says the person is unnamed
/// ("The stranger came early in February"). A description becomes a character only on
/// evidence: it speaks (a speech verb beside it: "said the man"), or the text refers to it three
/// times. Its pronouns come from its noun ("man": he), else from the pronouns that follow it. A
/// description followed within a few paragraphs by a name the narration uses for the first time, of a
/// fitting gender, was of that named character: its mentions go to it.
/// </summary>
internal static class DescribedPeople
{
    /// <summary>A description not mentioned again for this many paragraphs has left the story.</summary>
    private const int MaxGap = 40;

    /// <summary>How many paragraphs after a description's mention a newly named character may still be the one it described.</summary>
    // Measured on LitBank: 3 paragraphs keep speakers at 923/1394 (pronoun accuracy 0.770), 10 give 931 (0.769):
    // "the gentleman" of four tagged lines is named "Mr. Greyson" ten paragraphs on.
    private const int Handover = 10;


    private sealed class Chain(int head, int scene)
    {
        /// <summary>The word type of the noun ("man").</summary>
        public readonly int Head = head;
        /// <summary>The word types of the modifiers the introductions gave ("old", "fearful").</summary>
        public readonly List<int> Modifiers = [];
        public readonly int Scene = scene;
        public int LastParagraph;
        /// <summary>Referred to again by the definite description ("the man").</summary>
        public bool Definite;
        /// <summary>Speech tags beside its mentions ("said the man").</summary>
        public int Tags;
        /// <summary>Its mentions, as indexes into the nominal mentions.</summary>
        public readonly List<int> Members = [];
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
        int scene = 0;
        for (int n = 0; n < nominals.Count; n++)
        {
            var nominal = nominals[n];
            int first = nominal.FirstToken, head = nominal.HeadToken;
            // Descriptions in the lines are the speakers' own ("the man I saw"), and a title holder is already someone.
            if (nominal.Character >= 0 || view.QuotationOf[first] >= 0) continue;
            var determiner = view[first];
            bool indefinite = determiner.Equals("a", StringComparison.OrdinalIgnoreCase) || determiner.Equals("an", StringComparison.OrdinalIgnoreCase);
            bool definite = determiner.Equals("the", StringComparison.OrdinalIgnoreCase);
            if (!indefinite && !definite) continue; // "his mother", "that man": kin and pointing are not descriptions
            int start = view.Tokens[first].Span.Start, paragraph = view.ParagraphOf[first];
            if (scenes is not null)
                while (scene + 1 < scenes.Count && scenes[scene].Span.End <= start) scene++;
            // PERF: a loop, not RemoveAll with a lambda.
            int still = 0;
            for (int c = 0; c < open.Count; c++)
                if (open[c].Scene == scene && paragraph - open[c].LastParagraph <= MaxGap) open[still++] = open[c];
            open.RemoveRange(still, open.Count - still);

            int type = types.TypeOf[head];
            // "a man", "the stranger": a noun a person may be known by; not "a voice", "the letter", "his mother".
            if (!types.Is(head, WordFlags.DescribedNoun) && !DialogueWords.PronounOfNoun(view[head], out _)) continue;
            Chain? chain = null;
            if (indefinite)
            {
                if (first > 0 && view.IsWord(first - 1) && view.SentenceOf[first - 1] == view.SentenceOf[first] && noIntroduction.Contains(view[first - 1])) continue;
                // "A fearful man, all in coarse gray. A man with no hat.": described again before the text refers back, the same one.
                for (int c = open.Count - 1; c >= 0 && chain is null; c--)
                    if (open[c].Head == type && !open[c].Definite && paragraph - open[c].LastParagraph <= 1) chain = open[c];
                if (chain is null)
                {
                    chain = new Chain(type, scene);
                    open.Add(chain);
                    kept.Add(chain);
                }
                for (int k = first + 1; k < head; k++)
                    if (!chain.Modifiers.Contains(types.TypeOf[k])) chain.Modifiers.Add(types.TypeOf[k]);
            }
            else
            {
                // "the man" refers back to the latest "a man" whose description it repeats ("the old man" to "an old man", not to "a young man").
                for (int c = open.Count - 1; c >= 0 && chain is null; c--)
                    if (open[c].Head == type && Repeats(types, first, head, open[c])) chain = open[c];
                // "The stranger came early in February": a noun that itself says the person is unnamed needs no "a stranger" first.
                if (chain is null && CastTables.Shared.StrangerNouns.Contains(view[head]))
                {
                    chain = new Chain(type, scene);
                    for (int k = first + 1; k < head; k++) chain.Modifiers.Add(types.TypeOf[k]);
                    open.Add(chain);
                    kept.Add(chain);
                }
                if (chain is null) continue;
                chain.Definite = true;
            }
            chain.Members.Add(n);
            chain.LastParagraph = paragraph;
            if (types.Is(head + 1, WordFlags.SpeechVerb) || first > 0 && types.Is(first - 1, WordFlags.SpeechVerb)) chain.Tags++;
        }

        var introduced = FirstNarrated(view, names, characterOf);
        var calledIn = CalledInLines(view, names, characterOf);
        foreach (var chain in kept)
        {
            if (chain.Tags == 0 && !(chain.Definite && chain.Members.Count >= 3)) continue;
            string? set = null;
            if (DialogueWords.PronounOfNoun(types.WordOf(chain.Head), out var pronoun)) set = pronoun == "he" ? "he/him" : "she/her";
            else set = FollowingPronouns(view, types, names, nominals, chain);
            int sceneEnd = scenes is null ? int.MaxValue : scenes[chain.Scene].Span.End;
            int named = -1;
            for (int m = 0; m < chain.Members.Count && named < 0; m++)
            {
                named = NamedMeanwhile(view, introduced, namedSets, nominals[chain.Members[m]].FirstToken, view.ParagraphOf[nominals[chain.Members[m]].FirstToken], sceneEnd, set);
                // "'I did,' said the parson. ... 'Don't you know, Durbeyfield?'": whom the lines beside the description call by name is someone else.
                if (named >= 0 && IsCalledBeside(view, nominals, chain, calledIn, named)) named = -1;
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
            character.Name = definiteName ?? "the " + Surface(view.Text[TextSpan.FromBounds(view.Tokens[nominals[chain.Members[0]].FirstToken + 1].Span.Start, introduction.Span.End)]);
            foreach (var (surface, count) in aliases) character.Aliases.Add(new Alias(surface, count));
            character.Aliases.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Text, b.Text));
            character.Prior = set == "he/him" ? Gender.Male : set == "she/her" ? Gender.Female : Gender.Unknown;
            characters.Add(character);
            sets.Add(set);
        }
        return sets;
    }

    /// <summary>For each paragraph with a line that calls someone by name, the characters named inside its lines.</summary>
    private static Dictionary<int, List<int>> CalledInLines(TokenView view, List<NameMention> names, int[] characterOf)
    {
        var called = new Dictionary<int, List<int>>();
        for (int m = 0; m < names.Count; m++)
        {
            int token = names[m].FirstToken;
            if (characterOf[m] < 0 || view.QuotationOf[token] < 0) continue;
            int paragraph = view.ParagraphOf[token];
            if (!called.TryGetValue(paragraph, out var list)) called[paragraph] = list = [];
            if (!list.Contains(characterOf[m])) list.Add(characterOf[m]);
        }
        return called;
    }

    // Whether the lines of a paragraph where the description stands name the character: the described one is then talking with them.
    private static bool IsCalledBeside(TokenView view, List<NominalMention> nominals, Chain chain, Dictionary<int, List<int>> calledIn, int character)
    {
        foreach (int n in chain.Members)
            if (calledIn.TryGetValue(view.ParagraphOf[nominals[n].FirstToken], out var called) && called.Contains(character)) return true;
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
    /// scene, within a few paragraphs), who may be the one described, or -1: "The young woman was tall ... And never had
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
            if (set is null || named is null || named == set) return introduced[i].Character;
        }
        return -1;
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
    private static string? FollowingPronouns(TokenView view, WordTypes types, List<NameMention> names, List<NominalMention> nominals, Chain chain)
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
                if (NameBetween(names, head, t)) break;
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

    private static bool NameBetween(List<NameMention> names, int from, int to)
    {
        int lo = 0, hi = names.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (names[mid].FirstToken <= from) lo = mid + 1; else hi = mid;
        }
        return lo < names.Count && names[lo].FirstToken < to;
    }
}
