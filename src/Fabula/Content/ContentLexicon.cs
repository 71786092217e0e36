using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.Content;

/// <summary>What a word (or a signal phrase over it) tells the context rules. Bits, so a word can be several.</summary>
[Flags]
public enum Signal : uint
{
    None = 0,
    Negation = 1 << 0,
    NearMiss = 1 << 1,
    Hypothetical = 1 << 2,
    Perfect = 1 << 3,
    Backstory = 1 << 4,
    Graphic = 1 << 5,
    Person = 1 << 6,
    Animal = 1 << 7,
    Child = 1 << 8,
    Partner = 1 << 9,
    Medical = 1 << 10,
    Refusal = 1 << 11,
    Force = 1 << 12,
    Consent = 1 << 13,
    Figurative = 1 << 14,
    Clause = 1 << 15,
    Passive = 1 << 16,
    Parent = 1 << 17,
    Minor = 1 << 18,
    Plain = 1 << 19,
    Possessive = 1 << 20,
    NotName = 1 << 21,
    Time = 1 << 22,
    Game = 1 << 23,
    Abstract = 1 << 24,
}

/// <summary>Options of a trigger entry (triggers.txt).</summary>
[Flags]
public enum TriggerOptions : byte { None = 0, NeedsObject = 1, Ideation = 2, Consent = 4, Participle = 8, Gerund = 16, PassesTime = 32 }

public enum PhraseKind : byte { Trigger, Idiom, Signal }

/// <summary>
/// One entry of the lexicon: a sequence of lemma ids and what a match means. A trigger names its
/// categories; an idiom names the categories it cancels (all: ~0); a signal sets flags on its words.
/// </summary>
public sealed record Phrase(
    int[] Lemmas, PhraseKind Kind, ulong Categories, Severity Severity, float Confidence,
    TriggerOptions Options, Signal Signal, string Text)
{
    /// <summary>Written with a hyphen ("he-she", "half-breed"): its words must be joined by hyphens in the text too.</summary>
    public bool Hyphenated { get; } = Text.Contains('-');
}

/// <summary>A surface word form: its lemma id (or -1 if the lexicon has no phrase with it), its own signals, its number value.</summary>
public readonly record struct WordForm(int Lemma, Signal Signals, int Number);

/// <summary>
/// The compiled trigger lexicon: every surface form of every lexicon word (inflections made once
/// here, so the scan is one dictionary look-up per word), and for each lemma the phrases that
/// start with it, longest first.
/// </summary>
public sealed class ContentLexicon
{
    public static ContentLexicon Default { get; } = Load();

    private readonly FrozenDictionary<string, WordForm> _forms;
    private readonly FrozenDictionary<string, WordForm>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Phrase[][] _startingWith;
    private readonly int[][] _secondLemmas;
    private readonly int[][] _triggerSeconds;
    private readonly HashSet<int> _triggerSecondSet = [];

    private ContentLexicon(Dictionary<string, WordForm> forms, Phrase[][] startingWith)
    {
        _forms = forms.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
        _startingWith = startingWith;
        _secondLemmas = new int[startingWith.Length][];
        for (int i = 0; i < startingWith.Length; i++)
        {
            var phrases = startingWith[i];
            _secondLemmas[i] = new int[phrases.Length];
            for (int k = 0; k < phrases.Length; k++) _secondLemmas[i][k] = phrases[k].Lemmas.Length > 1 ? phrases[k].Lemmas[1] : OneWord;
        }
        _triggerSeconds = new int[startingWith.Length][];
        for (int i = 0; i < startingWith.Length; i++)
        {
            var seconds = new List<int>();
            foreach (var phrase in startingWith[i])
                if (phrase.Kind == PhraseKind.Trigger && !seconds.Contains(phrase.Lemmas.Length > 1 ? phrase.Lemmas[1] : OneWord))
                    seconds.Add(phrase.Lemmas.Length > 1 ? phrase.Lemmas[1] : OneWord);
            _triggerSeconds[i] = [.. seconds];
            foreach (int second in seconds)
                if (second != OneWord) _triggerSecondSet.Add(second);
        }
    }

    /// <summary>The second lemma of a phrase of one word (<see cref="SecondLemmas"/>).</summary>
    public const int OneWord = int.MinValue;

    public int PhraseCount { get; private init; }

    /// <summary>The form of a lowercase word, or false.</summary>
    public bool TryGet(ReadOnlySpan<char> lowercase, out WordForm form) => _lookup.TryGetValue(lowercase, out form);

    /// <summary>The phrases whose first word has this lemma, longest first.</summary>
    public ReadOnlySpan<Phrase> StartingWith(int lemma) => lemma >= 0 && lemma < _startingWith.Length ? _startingWith[lemma] : [];

    /// <summary>
    /// The second lemma of each phrase of <see cref="StartingWith"/> (<see cref="OneWord"/> for a phrase of one word),
    /// in the same order: "the" starts seventeen phrases, and the word after it turns most of them away unread.
    /// </summary>
    public ReadOnlySpan<int> SecondLemmas(int lemma) => lemma >= 0 && lemma < _secondLemmas.Length ? _secondLemmas[lemma] : [];

    /// <summary>
    /// The second lemma of each trigger phrase that starts with this lemma, once each (<see cref="OneWord"/> for a
    /// trigger of one word): a passage holds a trigger only where a word of such a lemma comes before one of these.
    /// </summary>
    public ReadOnlySpan<int> TriggerSeconds(int lemma) => lemma >= 0 && lemma < _triggerSeconds.Length ? _triggerSeconds[lemma] : [];

    /// <summary>Whether this lemma is the second lemma of some trigger phrase (one of some lemma's <see cref="TriggerSeconds"/>).</summary>
    public bool IsTriggerSecond(int lemma) => _triggerSecondSet.Contains(lemma);

    private static ContentLexicon Load()
    {
        var builder = new Builder();
        foreach (var line in WordList.Lines("content/triggers.txt")) builder.AddTrigger(line);
        foreach (var line in WordList.Lines("content/slurs.txt")) builder.AddSlur(line);
        foreach (var line in WordList.Lines("content/idioms.txt")) builder.AddIdiom(line);
        foreach (var line in WordList.Lines("content/signals.txt")) builder.AddSignals(line);
        return builder.Build();
    }

    /// <summary>Splits a phrase of a data file into lowercase words the way the scanner splits text.</summary>
    internal static List<string> Words(string phrase)
    {
        var words = new List<string>();
        var scan = new List<ScannedWord>();
        WordScanner.Split(phrase.AsSpan(), 0, phrase.Length, scan);
        foreach (var w in scan)
        {
            string word = phrase.Substring(w.Start, w.Length).ToLowerInvariant().Replace('’', '\'');
            words.Add(word);
        }
        return words;
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, int> _lemmaIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, WordForm> _forms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _generated = new(StringComparer.Ordinal); // form -> lemma
        private readonly Dictionary<string, string[]> _irregular = LoadIrregular();
        private readonly Dictionary<string, int> _numbers = LoadNumbers();
        private readonly List<(string[] Words, bool[] Exact, PhraseKind Kind, ulong Categories, Severity Severity, float Confidence, TriggerOptions Options, Signal Signal, string Text)> _pending = [];
        private readonly Dictionary<string, Signal> _wordSignals = new(StringComparer.Ordinal);

        public void AddTrigger(string line)
        {
            var f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f.Length < 3) throw new InvalidOperationException($"triggers.txt: expected 'categories | severity | phrase | options' in '{line}'.");
            ulong categories = Categories(f[0], line);
            var severity = f[1] switch
            {
                "mentioned" => Severity.Mentioned,
                "depicted" => Severity.Depicted,
                "graphic" => Severity.Graphic,
                _ => throw new InvalidOperationException($"triggers.txt: unknown severity '{f[1]}' in '{line}'."),
            };
            float confidence = 0.7f;
            var options = TriggerOptions.None;
            if (f.Length > 3)
                foreach (var option in f[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (option == "obj") options |= TriggerOptions.NeedsObject;
                    else if (option == "ideation") options |= TriggerOptions.Ideation;
                    else if (option == "consent") options |= TriggerOptions.Consent;
                    else if (option == "ed") options |= TriggerOptions.Participle;
                    else if (option == "ing") options |= TriggerOptions.Gerund;
                    else if (option == "time") options |= TriggerOptions.PassesTime;
                    else if (option.StartsWith("conf=", StringComparison.Ordinal))
                        confidence = float.Parse(option.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
                    else throw new InvalidOperationException($"triggers.txt: unknown option '{option}' in '{line}'.");
                }
            AddPhrase(f[2], PhraseKind.Trigger, categories, severity, confidence, options, Signal.None, inflect: true);
        }

        public void AddSlur(string line)
        {
            var f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f.Length != 3) throw new InvalidOperationException($"slurs.txt: expected 'category | word | confidence' in '{line}'.");
            ulong categories = Categories(f[0], line) | ContentTaxonomy.Get("slurs").Bit;
            float confidence = float.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
            AddPhrase("=" + f[1], PhraseKind.Trigger, categories, Severity.Depicted, confidence, TriggerOptions.None, Signal.None, inflect: false);
            AddPhrase("=" + f[1] + "s", PhraseKind.Trigger, categories, Severity.Depicted, confidence, TriggerOptions.None, Signal.None, inflect: false);
        }

        public void AddIdiom(string line)
        {
            var f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f.Length != 2) throw new InvalidOperationException($"idioms.txt: expected 'categories | phrase' in '{line}'.");
            ulong categories = f[0] == "*" ? ~0UL : Categories(f[0], line);
            AddPhrase(f[1], PhraseKind.Idiom, categories, Severity.Mentioned, 1, TriggerOptions.None, Signal.None, inflect: true);
        }

        public void AddSignals(string line)
        {
            var f = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2) throw new InvalidOperationException($"signals.txt: expected 'signal | phrase ...' in '{line}'.");
            var signal = f[0] switch
            {
                "negation" => Signal.Negation,
                "nearmiss" => Signal.NearMiss,
                "hypothetical" => Signal.Hypothetical,
                "perfect" => Signal.Perfect,
                "backstory" => Signal.Backstory,
                "graphic" => Signal.Graphic,
                "person" => Signal.Person,
                "animal" => Signal.Animal,
                "child" => Signal.Child,
                "partner" => Signal.Partner,
                "parent" => Signal.Parent,
                "minor" => Signal.Minor,
                "medical" => Signal.Medical,
                "refusal" => Signal.Refusal,
                "force" => Signal.Force,
                "consent" => Signal.Consent,
                "figurative" => Signal.Figurative,
                "clause" => Signal.Clause,
                "passive" => Signal.Passive,
                "plain" => Signal.Plain,
                "possessive" => Signal.Possessive,
                "notname" => Signal.NotName,
                "time" => Signal.Time,
                "game" => Signal.Game,
                "abstract" => Signal.Abstract,
                _ => throw new InvalidOperationException($"signals.txt: unknown signal '{f[0]}' in '{line}'."),
            };
            for (int i = 1; i < f.Length; i++)
            {
                var words = Words(f[i]);
                if (words.Count == 1)
                    _wordSignals[words[0]] = _wordSignals.GetValueOrDefault(words[0]) | signal;
                else
                    AddPhrase(f[i], PhraseKind.Signal, 0, Severity.Mentioned, 1, TriggerOptions.None, signal, inflect: false);
            }
        }

        private static ulong Categories(string field, string line)
        {
            ulong mask = 0;
            foreach (var id in field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!ContentTaxonomy.TryGet(id, out var category))
                    throw new InvalidOperationException($"Unknown category '{id}' in '{line}'.");
                mask |= category.Bit;
            }
            return mask;
        }

        private void AddPhrase(string text, PhraseKind kind, ulong categories, Severity severity, float confidence,
            TriggerOptions options, Signal signal, bool inflect)
        {
            bool allExact = text.StartsWith('=');
            var words = Words(allExact ? text[1..] : text);
            if (words.Count == 0) throw new InvalidOperationException($"Empty phrase '{text}'.");
            var exact = new bool[words.Count];
            for (int i = 0; i < words.Count; i++) exact[i] = allExact || !inflect;
            _pending.Add(([.. words], exact, kind, categories, severity, confidence, options, signal, text));
        }

        private int Lemma(string lemma)
        {
            if (!_lemmaIds.TryGetValue(lemma, out int id))
            {
                id = _lemmaIds.Count;
                _lemmaIds.Add(lemma, id);
            }
            return id;
        }

        public ContentLexicon Build()
        {
            // 1. Inflecting words are folded onto their base: "shot" in "shot a glance" is shoot,
            //    "tortured" is torture, so one surface form has one lemma.
            var bases = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in _pending)
                for (int i = 0; i < p.Words.Length; i++)
                    if (!p.Exact[i]) bases.Add(p.Words[i]);
            var formOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var b in bases)
                foreach (var form in Inflections(b))
                    if (form != b && !bases.Contains(form)) formOf.TryAdd(form, b);
            foreach (var b in bases)
                foreach (var form in Inflections(b))
                    if (form != b && bases.Contains(form) && !formOf.ContainsKey(b)) formOf.TryAdd(form, b);
            string Canonical(string w) => formOf.TryGetValue(w, out var b) ? b : w;
            // 2. Every base and its inflections map to the base's lemma.
            foreach (var b in bases)
            {
                string canonical = Canonical(b);
                int id = Lemma(canonical);
                _forms.TryAdd(canonical, new WordForm(id, Signal.None, -1));
            }
            foreach (var b in bases)
            {
                string canonical = Canonical(b);
                foreach (var form in Inflections(canonical))
                    _forms.TryAdd(form, new WordForm(_lemmaIds[canonical], Signal.None, -1));
            }
            // 3. Exact words (signal phrases, "=" entries) keep whatever lemma their surface has, or their own.
            foreach (var p in _pending)
                for (int i = 0; i < p.Words.Length; i++)
                    if (p.Exact[i] && !_forms.ContainsKey(p.Words[i])) _forms[p.Words[i]] = new WordForm(Lemma(p.Words[i]), Signal.None, -1);
            // 4. Signals of single words, and number words, on whatever lemma the surface has.
            foreach (var (word, signal) in _wordSignals)
                _forms[word] = _forms.TryGetValue(word, out var f) ? f with { Signals = f.Signals | signal } : new WordForm(-1, signal, -1);
            foreach (var (word, value) in _numbers)
                _forms[word] = _forms.TryGetValue(word, out var f) ? f with { Number = value } : new WordForm(-1, Signal.None, value);
            // 5. Phrases by first lemma, longest first (the scanner prefers the longest match).
            var starting = new List<Phrase>[_lemmaIds.Count];
            foreach (var p in _pending)
            {
                var lemmas = new int[p.Words.Length];
                for (int i = 0; i < lemmas.Length; i++)
                    lemmas[i] = p.Exact[i] ? _forms[p.Words[i]].Lemma : _lemmaIds[Canonical(p.Words[i])];
                var phrase = new Phrase(lemmas, p.Kind, p.Categories, p.Severity, p.Confidence, p.Options, p.Signal, p.Text);
                (starting[lemmas[0]] ??= []).Add(phrase);
            }
            var startingWith = new Phrase[starting.Length][];
            for (int i = 0; i < starting.Length; i++)
            {
                var list = starting[i] ?? [];
                // Longest first; among equals, file order (a stable sort by length).
                startingWith[i] = [.. list.OrderByDescending(x => x.Lemmas.Length)];
            }
            return new ContentLexicon(_forms, startingWith) { PhraseCount = _pending.Count };
        }

        /// <summary>Regular English inflections (-s, -es, -ed, -d, -ing, doubled consonants, -ies/-ied, -ying) and listed irregulars.</summary>
        private IEnumerable<string> Inflections(string w)
        {
            if (_irregular.TryGetValue(w, out var irregular))
                foreach (var form in irregular) yield return form;
            if (w.Length < 2 || !char.IsLetter(w[^1])) yield break;
            char last = w[^1];
            bool sibilant = w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal) || w.EndsWith('o');
            if (w.EndsWith("ie", StringComparison.Ordinal)) { yield return w + "s"; yield return w + "d"; yield return w[..^2] + "ying"; yield break; }
            if (last == 'e') { yield return w + "s"; yield return w + "d"; yield return w[..^1] + "ing"; yield break; }
            if (last == 'y' && !IsVowel(w[^2])) { yield return w[..^1] + "ies"; yield return w[..^1] + "ied"; yield return w + "ing"; yield break; }
            yield return sibilant ? w + "es" : w + "s";
            yield return w + "ed";
            yield return w + "ing";
            // Consonant-vowel-consonant ends double before -ed and -ing: stab, stabbed, stabbing.
            if (w.Length >= 3 && !IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(w[^2]) && !IsVowel(w[^3]))
            {
                yield return w + last + "ed";
                yield return w + last + "ing";
            }
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

        private static Dictionary<string, string[]> LoadIrregular()
        {
            var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var line in WordList.Lines("content/irregular.txt"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                map[parts[0]] = parts[1..];
            }
            return map;
        }

        private static Dictionary<string, int> LoadNumbers()
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in WordList.Lines("content/numbers.txt"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                map[parts[0]] = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            return map;
        }
    }
}
