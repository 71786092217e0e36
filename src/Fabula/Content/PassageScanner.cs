using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Fabula.Text;
using static Fabula.Content.ContentTaxonomy;

namespace Fabula.Content;

/// <summary>
/// Scans one paragraph, sentence by sentence: one dictionary look-up per word against the compiled
/// lexicon, phrase matches from the words that start one, then the context rules — only around the
/// trigger hits, so the cost stays linear in the text. Sentence-level rules (Idiom, Figurative,
/// Negation, Hypothetical, Question, NearMiss, ObjectRequired, targets, Backstory, GraphicDetail) run
/// first; paragraph-level rules (Corroboration, ConsentSignals, AgeSignals, ConsensualScene) after.
/// Not thread-safe: one scanner per story run (it reuses its buffers).
/// </summary>
public sealed class PassageScanner(ContentLexicon lexicon)
{
    // Negation reaches four words back ("did not even hit"); a hypothetical the whole clause, up to six.
    private const int NegationReach = 4;
    private const int HypotheticalReach = 6;
    private const int ObjectReach = 4;
    // A hit weaker than this needs another hit of its category in the paragraph (rule Corroboration).
    internal const float WeakConfidence = 0.5f;

    private struct Word
    {
        public int Start, Length, Lemma, Number;
        public Signal Signals;
        public bool Break, Hyphen, Capital, Ing, Ed, ApostropheD;
        public ulong IdiomCategories;
        public int End => Start + Length;
    }

    private readonly record struct SentenceRange(int From, int To, TextSpan Span);

    private readonly record struct Match(int Sentence, int From, int To, Phrase Phrase);

    private readonly ContentLexicon _lexicon = lexicon;
    private readonly SeenWords _seen = SeenWords.For(lexicon);
    private Word[] _words = new Word[256];
    // The words of the paragraph as split (_count of them) and the number of each one's form in the table of seen words.
    private ScannedWord[] _scanned = new ScannedWord[256];
    private int[] _formOf = new int[256];
    private int _count;
    private readonly List<SentenceRange> _sentences = [];
    private readonly List<Match> _matches = [];
    private readonly List<ContentHit> _paragraphHits = [];
    private readonly List<float> _baseConfidence = [];
    private readonly List<int> _hitSentence = [];
    private int _currentSentence;
    // Per sentence of the paragraph: the youngest stated age, its confidence and span; consent signal counts.
    private readonly List<(int Age, float Confidence, TextSpan Span)> _ages = [];
    private readonly List<(int Force, int Refusal, int Consent)> _consent = [];

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles =
        WordList.Load("structure/titles.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Rule ChildTarget: how much less sure the child-abuse hit is than the violence it comes from.</summary>
    private const float ChildTargetDoubt = 0.1f;
    /// <summary>Rule AgeSignals: an age this sure is stated ("fourteen-year-old") or known from the world stage.</summary>
    private const float StatedAgeConfidence = 0.8f;
    /// <summary>Rule AgeSignals: a sexual trigger this sure is a clear act ("have sex"), not "sleep with" or "fondle".</summary>
    private const float ClearActConfidence = 0.7f;
    private static readonly ulong WordLevel = Profanity.Bit | Get("slurs").Bit;
    private static readonly ulong GraphicEligible = Violence.Bit | Torture.Bit | SelfHarm.Bit | Suicide.Bit | ChildAbuse.Bit
        | DomesticAbuse.Bit | AnimalCruelty.Bit | SexualViolence.Bit | Death.Bit | Medical.Bit;
    private static readonly ulong FigurativeEligible = Torture.Bit | Violence.Bit | Get("eating-disorder").Bit | Get("captivity").Bit | Death.Bit;

    /// <summary>
    /// Scans the sentences of one paragraph and adds its hits (and, when asked, the dropped ones).
    /// The world stage's ages (<paramref name="ages"/>, may be null) are asked about the paragraph only when it holds a trigger.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // PERF: see WordScanner.Split
    public void ScanParagraph(StoryText text, ReadOnlySpan<TextSpan> sentences, ICharacterAges? ages, TextSpan paragraph,
        List<ContentHit> hits, List<DroppedHit>? dropped)
    {
        var chars = text.AsSpan();
        _count = 0;
        _sentences.Clear();
        _matches.Clear();
        _paragraphHits.Clear();
        _baseConfidence.Clear();
        _hitSentence.Clear();
        _ages.Clear();
        _consent.Clear();
        foreach (var sentence in sentences)
        {
            int from = _count;
            var words = new SentenceWords(this);
            WordScanner.Split(chars, sentence.Start, sentence.End, ref words);
            _sentences.Add(new SentenceRange(from, _count, sentence));
        }
        if (_count == 0) return;
        var flags = FindForms(chars);
        // PERF: most sentences hold no trigger phrase (HoldsTrigger, tried where a word starts one and the phrase's
        // second word is next): no hit can come from them. Only the sentences that do, and their neighbours (whose
        // ages and consent signals the paragraph rules read), are read further; most paragraphs have none.
        if (!MarkSentencesRead()) return;
        ReadWords(chars);
        if ((flags & FormFlags.ApostropheD) != 0) ResolveApostropheD(chars);
        for (int s = 0; s < _sentences.Count; s++)
            if (_read[s]) FindPhrases(s);
        // Most paragraphs hold no trigger: the rules below only ever run around one.
        if (!AnyTrigger()) return;
        int? youngestKnownAge = ages?.YoungestAgeIn(paragraph);
        ApplySignalPhrases();
        for (int s = 0; s < _sentences.Count; s++)
        {
            int age = youngestKnownAge ?? int.MaxValue;
            float ageConfidence = youngestKnownAge is null ? 0 : 0.8f;
            TextSpan ageSpan = default;
            // A sentence not read is no neighbour of a hit's: its ages and signals are never asked.
            if (_read[s]) FindAge(chars, _sentences[s], ref age, ref ageConfidence, ref ageSpan);
            _ages.Add((age, ageConfidence, ageSpan));
            _consent.Add(_read[s] ? CountConsentSignals(_sentences[s]) : default);
        }
        RemoveNestedTriggers();
        foreach (var m in _matches)
            if (m.Phrase.Kind == PhraseKind.Trigger) Evaluate(chars, m, dropped);
        ApplyParagraphRules(dropped);
        hits.AddRange(_paragraphHits);
    }

    private bool AnyTrigger()
    {
        foreach (var m in _matches)
            if (m.Phrase.Kind == PhraseKind.Trigger) return true;
        return false;
    }

    // ---- words ----

    /// <summary>Lists each word of a sentence as the word scan finds it.</summary>
    private readonly struct SentenceWords(PassageScanner scanner) : IWordReceiver
    {
        public void Add(ReadOnlySpan<char> text, ScannedWord word)
        {
            if (scanner._count == scanner._scanned.Length) scanner.GrowWords();
            scanner._scanned[scanner._count++] = word;
        }
    }

    private void GrowWords()
    {
        Array.Resize(ref _scanned, _scanned.Length * 2);
        Array.Resize(ref _formOf, _scanned.Length);
        Array.Resize(ref _words, _scanned.Length);
    }

    /// <summary>
    /// Finds the form of each word of the paragraph in the table of seen words and marks the sentences that may hold
    /// a trigger (<see cref="SeenWords.FindAll"/>); returns the flags of all the forms.
    /// </summary>
    // PERF: a story uses a few thousand distinct words; each is read once (lowered, its suffixes
    // and its lexicon entry) and every later use is one probe of the scanner's word table.
    private FormFlags FindForms(ReadOnlySpan<char> chars)
    {
        var flags = FormFlags.None;
        if (_trigger.Length < _sentences.Count)
        {
            _trigger = new bool[Math.Max(_sentences.Count, _trigger.Length * 2)];
            _read = new bool[_trigger.Length];
        }
        for (int s = 0; s < _sentences.Count; s++)
        {
            var range = _sentences[s];
            flags |= _seen.FindAll(chars, _scanned.AsSpan(range.From, range.To - range.From), _formOf.AsSpan(range.From), out _trigger[s]);
            if (_trigger[s]) _trigger[s] = HoldsTrigger(chars, range);
        }
        return flags;
    }

    /// <summary>
    /// Whether a trigger phrase matches in a sentence, by the test of <see cref="FindPhrases"/> (on the words' forms
    /// and the scan, before the words are read): a sentence that may hold one often holds none ("the" and "in" start
    /// triggers of three words).
    /// </summary>
    private bool HoldsTrigger(ReadOnlySpan<char> chars, SentenceRange range)
    {
        for (int i = range.From; i < range.To; i++)
        {
            ref readonly var form = ref _seen.Form(_formOf[i]);
            if ((form.Flags & (FormFlags.TriggerAlone | FormFlags.TriggerFirst)) == 0) continue;
            var phrases = _lexicon.StartingWith(form.Lemma);
            var seconds = _lexicon.SecondLemmas(form.Lemma);
            int next = i + 1 < range.To ? _seen.Form(_formOf[i + 1]).Lemma : -1;
            for (int p = 0; p < phrases.Length; p++)
            {
                var phrase = phrases[p];
                if (phrase.Kind != PhraseKind.Trigger || seconds[p] != next && seconds[p] != ContentLexicon.OneWord) continue;
                int n = phrase.Lemmas.Length;
                if (i + n > range.To) continue;
                if ((phrase.Options & TriggerOptions.Participle) != 0 && (form.Flags & FormFlags.Ed) == 0) continue;
                if ((phrase.Options & TriggerOptions.Gerund) != 0 && (form.Flags & FormFlags.Ing) == 0) continue;
                bool match = true;
                for (int k = 1; k < n && match; k++)
                {
                    var w = _scanned[i + k];
                    match = _seen.Form(_formOf[i + k]).Lemma == phrase.Lemmas[k] && !w.BreakBefore
                            && (!phrase.Hyphenated || w.Start > 0 && chars[w.Start - 1] == '-');
                }
                if (match) return true;
            }
        }
        return false;
    }

    // Per sentence of the paragraph: whether a trigger may start in it, and whether it is read (one that may, or its neighbour).
    private bool[] _trigger = new bool[64], _read = new bool[64];

    /// <summary>Marks the sentences to read: those that may hold a trigger, and their neighbours. False when there are none.</summary>
    private bool MarkSentencesRead()
    {
        int n = _sentences.Count;
        bool any = false;
        for (int s = 0; s < n; s++)
        {
            _read[s] = _trigger[s] || s > 0 && _trigger[s - 1] || s + 1 < n && _trigger[s + 1];
            any |= _trigger[s];
        }
        return any;
    }

    /// <summary>The words of the sentences read, with what their forms and places say.</summary>
    private void ReadWords(ReadOnlySpan<char> chars)
    {
        for (int s = 0; s < _sentences.Count; s++)
        {
            if (!_read[s]) continue;
            var range = _sentences[s];
            for (int k = range.From; k < range.To; k++)
            {
                var w = _scanned[k];
                ref readonly var form = ref _seen.Form(_formOf[k]);
                _words[k] = new Word
                {
                    Start = w.Start, Length = w.Length,
                    Lemma = form.Lemma, Number = form.Number, Signals = form.Signals,
                    Ing = (form.Flags & FormFlags.Ing) != 0, Ed = (form.Flags & FormFlags.Ed) != 0, ApostropheD = (form.Flags & FormFlags.ApostropheD) != 0,
                    Break = w.BreakBefore,
                    Hyphen = !w.BreakBefore && w.Start > 0 && chars[w.Start - 1] == '-',
                    Capital = k != range.From && (form.Flags & FormFlags.Upper) != 0 && !IsAfterQuote(chars, w.Start),
                };
            }
        }
    }

    [Flags]
    private enum FormFlags : byte
    {
        None = 0, Ing = 1, Ed = 2, ApostropheD = 4,
        /// <summary>The first letter is upper case.</summary>
        Upper = 8,
        /// <summary>Its lemma is a trigger of one word (<see cref="ContentLexicon.TriggerSeconds"/>).</summary>
        TriggerAlone = 16,
        /// <summary>Its lemma starts a trigger of two words or more.</summary>
        TriggerFirst = 32,
        /// <summary>Its lemma is the second of a trigger of two words or more (<see cref="ContentLexicon.IsTriggerSecond"/>).</summary>
        TriggerSecond = 64,
    }

    /// <summary>
    /// A surface form in the <see cref="SeenWords"/> table: its key (<see cref="WordScanner.Key"/>: its first eight letters;
    /// the rest in the table's letters) and what <see cref="Read"/> says of it. 32 bytes, two to a cache line.
    /// </summary>
    private struct Form
    {
        public ulong Head, Next;
        public int Rest;
        public int Lemma;
        public Signal Signals;
        public short Number;
        public byte Length;
        public FormFlags Flags;
    }

    /// <summary>Longer words are read as no word of the lexicon, and not kept.</summary>
    private const int MaxFormLength = 48;

    /// <summary>The form of a surface word (case kept): what the lexicon and the word's own letters say of it.</summary>
    private static Form FormOf(ReadOnlySpan<char> surface, ContentLexicon lexicon)
    {
        var word = Read(surface, lexicon);
        var flags = (word.Ing ? FormFlags.Ing : 0) | (word.Ed ? FormFlags.Ed : 0) | (word.ApostropheD ? FormFlags.ApostropheD : 0)
                    | (char.IsUpper(surface[0]) ? FormFlags.Upper : 0) | (lexicon.IsTriggerSecond(word.Lemma) ? FormFlags.TriggerSecond : 0);
        foreach (int second in lexicon.TriggerSeconds(word.Lemma))
            flags |= second == ContentLexicon.OneWord ? FormFlags.TriggerAlone : FormFlags.TriggerFirst;
        return new Form { Lemma = word.Lemma, Signals = word.Signals, Number = (short)word.Number, Flags = flags };
    }

    /// <summary>What the lexicon and the word's own letters say of a surface form (case kept): all but its position.</summary>
    private static Word Read(ReadOnlySpan<char> surface, ContentLexicon lexicon)
    {
        var word = new Word { Lemma = -1, Number = -1 };
        if (surface.Length > MaxFormLength) return word;
        Span<char> lower = stackalloc char[surface.Length];
        for (int i = 0; i < surface.Length; i++)
        {
            char c = surface[i];
            lower[i] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }
        word.Ing = lower.EndsWith("ing");
        word.Ed = lower.EndsWith("ed");
        if (char.IsDigit(lower[0]))
        {
            if (lower.Length <= 3 && int.TryParse(lower, out int n)) word.Number = n;
            return word;
        }
        int apostrophe = lower.IndexOf('\'');
        if (apostrophe > 0)
        {
            var suffix = lower[apostrophe..];
            if (suffix.SequenceEqual("'ll")) word.Signals |= Signal.Hypothetical;
            else if (suffix.SequenceEqual("'d")) word.ApostropheD = true;
            else if (suffix.SequenceEqual("'t") && lower[apostrophe - 1] == 'n') word.Signals |= Signal.Negation;
        }
        if (lexicon.TryGet(lower, out var form) || apostrophe > 0 && lexicon.TryGet(lower[..apostrophe], out form))
        {
            word.Lemma = form.Lemma;
            word.Signals |= form.Signals;
            word.Number = form.Number;
        }
        // "can't", "won't": the stem before n't is no word of the lexicon, the negation is what counts.
        return word;
    }

    /// <summary>
    /// The distinct surface forms the scanners of this thread have met, each with its <see cref="FormOf"/>:
    /// an open-addressing table on the words' keys, so no string is made per word. One table per thread and
    /// lexicon, kept from story to story (a batch's novels share most of their words), and emptied when it
    /// passes <see cref="MaxForms"/>.
    /// </summary>
    /// <remarks>
    /// PERF: one probe reads one slot (the form's number) and compares the form's key with the word's: two
    /// ulongs, the whole of a word of eight letters or fewer (most words). The forms and their letters lie in
    /// the order they were first met, so the common words of a story share a few cache lines. Slots are
    /// chosen by the high bits of the key's hash.
    /// </remarks>
    private sealed class SeenWords
    {
        private const int MaxForms = 1 << 18;
        [ThreadStatic] private static SeenWords? _ofThread;

        private readonly ContentLexicon _lexicon;
        private int[] _slots = new int[1 << 14];  // form number + 1; 0 is an empty slot
        private int _shift = 32 - 14;
        private Form[] _forms = new Form[1 << 13];
        private char[] _letters = new char[1 << 15];
        private int _used, _lettersUsed;

        // Forms 0 and 1: words longer than MaxFormLength, which are no word of the lexicon (lower and upper case).
        private const int LongForm = 0, LongUpperForm = 1;

        private SeenWords(ContentLexicon lexicon)
        {
            _lexicon = lexicon;
            _forms[LongForm] = new Form { Lemma = -1, Number = -1 };
            _forms[LongUpperForm] = new Form { Lemma = -1, Number = -1, Flags = FormFlags.Upper };
            _used = 2;
        }

        public static SeenWords For(ContentLexicon lexicon)
        {
            var seen = _ofThread;
            if (seen is null || seen._lexicon != lexicon || seen._used > MaxForms) _ofThread = seen = new SeenWords(lexicon);
            return seen;
        }

        /// <summary>A form of the table, by its number.</summary>
        public ref readonly Form Form(int f) => ref _forms[f];

        /// <summary>
        /// The form numbers of the words of a sentence (into <paramref name="formOf"/>), new forms added; returns the
        /// flags of all the forms, and in <paramref name="trigger"/> whether a trigger phrase may start in the sentence:
        /// a word of a one-word trigger's lemma, or of the first lemma of a longer one with its second lemma next.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public FormFlags FindAll(ReadOnlySpan<char> chars, ReadOnlySpan<ScannedWord> words, Span<int> formOf, out bool trigger)
        {
            // PERF: the table's arrays in locals (read again only after a form is added); a word found in the table
            // (almost every one) is probed here, long words and slots taken by another form too, without a call.
            var slots = _slots;
            var forms = _forms;
            int shift = _shift;
            var lexicon = _lexicon;
            // PERF: the masks in locals too (this method is compiled before the class's statics are known to be set).
            ReadOnlySpan<ulong> headMasks = HeadMasks, nextMasks = NextMasks;
            var flags = FormFlags.None;
            bool mayTrigger = false;
            int previous = -1;
            formOf = formOf[..words.Length];
            for (int k = 0; k < words.Length; k++)
            {
                int start = words[k].Start, length = words[k].Length, f = -1;
                if (length <= WordScanner.KeyLength && start <= chars.Length - WordScanner.KeyLength)
                {
                    // The key of a word of up to eight letters: two ulongs read from the text, cut at its length.
                    var raw = MemoryMarshal.Cast<char, ulong>(chars.Slice(start, WordScanner.KeyLength));
                    ulong head = raw[0] & headMasks[length], next = raw[1] & nextMasks[length];
                    f = slots[(int)(WordScanner.Hash(head, next) >> shift)] - 1;
                    if (f >= 0 && !Holds(in forms[f], head, next, length)) f = -1;
                }
                if (f < 0)
                {
                    f = Find(chars, start, length, lexicon);
                    slots = _slots;
                    forms = _forms;
                    shift = _shift;
                }
                formOf[k] = f;
                var formFlags = forms[f].Flags;
                flags |= formFlags;
                if ((formFlags & FormFlags.TriggerAlone) != 0
                    || previous >= 0 && (formFlags & FormFlags.TriggerSecond) != 0 && lexicon.TriggerSeconds(previous).Contains(forms[f].Lemma))
                    mayTrigger = true;
                previous = (formFlags & FormFlags.TriggerFirst) != 0 ? forms[f].Lemma : -1;
            }
            trigger = mayTrigger;
            return flags;
        }

        // The bits of the first and the next four characters that a word of 0 to 8 letters keeps in its key.
        private static readonly ulong[] HeadMasks = [0, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF_FFFF, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue];
        private static readonly ulong[] NextMasks = [0, 0, 0, 0, 0, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF_FFFF, ulong.MaxValue];

        /// <summary>The number of the form of the word at [<paramref name="start"/>, +<paramref name="length"/>) of the text, added if new.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private int Find(ReadOnlySpan<char> chars, int start, int length, ContentLexicon lexicon)
        {
            var (head, next) = WordScanner.Key(chars, start, length);
            uint hash = WordScanner.Hash(head, next, length > WordScanner.KeyLength ? chars.Slice(start + WordScanner.KeyLength, length - WordScanner.KeyLength) : []);
            int slot = (int)(hash >> _shift);
            return Add(chars.Slice(start, length), head, next, slot, lexicon);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Holds(in Form form, ulong head, ulong next, int length) =>
            form.Head == head && form.Next == next && form.Length == length;

        /// <summary>Whether the letters of a long word after its first eight are a form's.</summary>
        private bool SameRest(in Form form, ReadOnlySpan<char> chars, int start, int length) =>
            chars.Slice(start + WordScanner.KeyLength, length - WordScanner.KeyLength).SequenceEqual(_letters.AsSpan(form.Rest, length - WordScanner.KeyLength));

        private int Add(ReadOnlySpan<char> surface, ulong head, ulong next, int slot, ContentLexicon lexicon)
        {
            if (surface.Length > MaxFormLength) return char.IsUpper(surface[0]) ? LongUpperForm : LongForm;
            var slots = _slots;
            int mask = slots.Length - 1, f;
            while ((f = slots[slot] - 1) >= 0)
            {
                if (Holds(in _forms[f], head, next, surface.Length) && (surface.Length <= WordScanner.KeyLength || SameRest(in _forms[f], surface, 0, surface.Length)))
                    return f;
                slot = (slot + 1) & mask;
            }
            f = _used++;
            if (f == _forms.Length) Array.Resize(ref _forms, f * 2);
            ref var form = ref _forms[f];
            form = FormOf(surface, lexicon);
            form.Head = head;
            form.Next = next;
            form.Length = (byte)surface.Length;
            form.Rest = _lettersUsed;
            if (surface.Length > WordScanner.KeyLength)
            {
                var rest = surface[WordScanner.KeyLength..];
                if (_lettersUsed + rest.Length > _letters.Length) Array.Resize(ref _letters, Math.Max(_letters.Length * 2, _lettersUsed + rest.Length));
                rest.CopyTo(_letters.AsSpan(_lettersUsed));
                _lettersUsed += rest.Length;
            }
            slots[slot] = f + 1;
            if (_used * 2 > slots.Length) Grow();
            return f;
        }

        private void Grow()
        {
            _slots = new int[_slots.Length * 2];
            _shift--;
            int mask = _slots.Length - 1;
            for (int f = LongUpperForm + 1; f < _used; f++)
            {
                ref readonly var form = ref _forms[f];
                var rest = form.Length > WordScanner.KeyLength ? _letters.AsSpan(form.Rest, form.Length - WordScanner.KeyLength) : [];
                int slot = (int)(WordScanner.Hash(form.Head, form.Next, rest) >> _shift);
                while (_slots[slot] != 0) slot = (slot + 1) & mask;
                _slots[slot] = f + 1;
            }
        }
    }

    private static bool IsAfterQuote(ReadOnlySpan<char> chars, int start)
    {
        int i = start - 1;
        while (i >= 0 && chars[i] == ' ') i--;
        return i < 0 || chars[i] is '"' or '“' or '‘' or '\'' or '—' or '\n' or '(' or '.' or '!' or '?';
    }

    // "he'd killed" is had (backstory), "he'd kill" would (hypothetical).
    private void ResolveApostropheD(ReadOnlySpan<char> chars)
    {
        for (int s = 0; s < _sentences.Count; s++)
        {
            if (!_read[s]) continue;
            for (int i = _sentences[s].From; i < _sentences[s].To; i++) ResolveApostropheD(chars, i);
        }
    }

    private void ResolveApostropheD(ReadOnlySpan<char> chars, int i)
    {
        if (!_words[i].ApostropheD) return;
        bool participle = false;
        if (i + 1 < _count)
        {
            // The next word may be in a sentence not read: its letters are those of the scan.
            var next = chars.Slice(_scanned[i + 1].Start, _scanned[i + 1].Length);
            participle = next.EndsWith("ed") || next.EndsWith("en") || next.Equals("been", StringComparison.OrdinalIgnoreCase);
        }
        _words[i].Signals |= participle ? Signal.Perfect : Signal.Hypothetical;
    }

    // ---- phrases ----

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // PERF: see WordScanner.Split
    private void FindPhrases(int s)
    {
        var range = _sentences[s];
        for (int i = range.From; i < range.To; i++)
        {
            var phrases = _lexicon.StartingWith(_words[i].Lemma);
            if (phrases.IsEmpty) continue;
            var seconds = _lexicon.SecondLemmas(_words[i].Lemma);
            int next = i + 1 < range.To ? _words[i + 1].Lemma : -1;
            for (int p = 0; p < phrases.Length; p++)
            {
                // PERF: a phrase whose second word is not the next one cannot match (most of the phrases tried).
                if (seconds[p] != next && seconds[p] != ContentLexicon.OneWord) continue;
                var phrase = phrases[p];
                int n = phrase.Lemmas.Length;
                if (i + n > range.To) continue;
                if ((phrase.Options & TriggerOptions.Participle) != 0 && !_words[i].Ed) continue;
                if ((phrase.Options & TriggerOptions.Gerund) != 0 && !_words[i].Ing) continue;
                // A phrase never spans a clause break ("says he, 'she is'" is no "he-she"), and one
                // written with a hyphen needs its hyphens.
                bool match = true;
                for (int k = 1; k < n && match; k++)
                    match = _words[i + k].Lemma == phrase.Lemmas[k] && !_words[i + k].Break && (!phrase.Hyphenated || _words[i + k].Hyphen);
                if (match) _matches.Add(new Match(s, i, i + n, phrase));
            }
        }
    }

    private void ApplySignalPhrases()
    {
        foreach (var m in _matches)
        {
            if (m.Phrase.Kind == PhraseKind.Idiom)
                for (int k = m.From; k < m.To; k++) _words[k].IdiomCategories |= m.Phrase.Categories;
            else if (m.Phrase.Kind == PhraseKind.Signal && m.Phrase.Signal != Signal.Plain)
                for (int k = m.From; k < m.To; k++) _words[k].Signals |= m.Phrase.Signal;
        }
        // "no doubt", "not only": their words are no negation.
        foreach (var m in _matches)
            if (m.Phrase.Kind == PhraseKind.Signal && m.Phrase.Signal == Signal.Plain)
                for (int k = m.From; k < m.To; k++) _words[k].Signals &= ~(Signal.Negation | Signal.Hypothetical | Signal.NearMiss);
    }

    // A trigger inside a longer trigger ("kill" in "kill himself", "death" in "stab to death") gives way to it.
    // Matches come in sentence order, so only the neighbours in the same sentence are compared.
    private void RemoveNestedTriggers()
    {
        int kept = 0;
        for (int a = 0; a < _matches.Count; a++)
        {
            var m = _matches[a];
            bool nested = false;
            if (m.Phrase.Kind == PhraseKind.Trigger)
            {
                for (int b = a - 1; b >= 0 && !nested && _matches[b].Sentence == m.Sentence; b--) nested = Covers(_matches[b], m);
                for (int b = a + 1; b < _matches.Count && !nested && _matches[b].Sentence == m.Sentence; b++) nested = Covers(_matches[b], m);
            }
            if (!nested) _matches[kept++] = m;
        }
        _matches.RemoveRange(kept, _matches.Count - kept);
    }

    private static bool Covers(Match o, Match m) =>
        o.Phrase.Kind == PhraseKind.Trigger && o.From <= m.From && o.To >= m.To && o.To - o.From > m.To - m.From;

    // ---- ages (rule AgeSignals) ----

    private void FindAge(ReadOnlySpan<char> chars, SentenceRange range, ref int age, ref float confidence, ref TextSpan span)
    {
        for (int i = range.From; i < range.To; i++)
        {
            ref readonly var w = ref _words[i];
            if (w.Number >= 0)
            {
                int value = w.Number;
                int j = i + 1;
                // "twenty-one": tens and units.
                if (value >= 20 && value % 10 == 0 && j < range.To && _words[j].Number is > 0 and < 10 && !_words[j].Break) { value += _words[j].Number; j++; }
                bool stated =
                    j + 1 < range.To && Is(chars, j, "year", "years") && Is(chars, j + 1, "old")            // twelve-year-old, 12 years old
                    || i > range.From && Is(chars, i - 1, "aged", "age")                                   // aged twelve, at age 12
                    || i > range.From + 1 && Is(chars, i - 1, "of") && Is(chars, i - 2, "age", "girl", "boy", "child") // at the age of twelve, a girl of twelve
                    || i > range.From && IsBeVerb(chars, i - 1) && NothingUnitLike(chars, j, range)        // she was twelve
                    || i > range.From + 1 && Is(chars, i - 1, "only", "just", "barely", "nearly", "almost", "not") && IsBeVerb(chars, i - 2) && NothingUnitLike(chars, j, range);
                // "the twelve-year-old": a stated age stands for a person (an object for ObjectRequired).
                if (stated) _words[i].Signals |= Signal.Person;
                if (stated && value < age) { age = value; confidence = 0.85f; span = TextSpan.FromBounds(w.Start, _words[j - 1].End); }
                continue;
            }
            if ((w.Signals & Signal.Minor) != 0)
            {
                bool possessed = i > range.From && (_words[i - 1].Signals & Signal.Possessive) != 0;
                bool withChild = i > range.From && Is(chars, i - 1, "with") && Is(chars, i, "child");
                bool teen = Is(chars, i, "teenager", "teen", "adolescent");
                if (!possessed && !withChild)
                {
                    int value = teen ? 16 : 12;
                    float c = teen ? 0.5f : 0.6f;
                    if (value < age || value == age && c > confidence) { age = value; confidence = c; span = new TextSpan(w.Start, w.Length); }
                }
            }
        }
    }

    private bool IsBeVerb(ReadOnlySpan<char> chars, int i) => Is(chars, i, "was", "is", "turned", "turns", "am", "being");

    private bool NothingUnitLike(ReadOnlySpan<char> chars, int j, SentenceRange range) =>
        j >= range.To || _words[j].Break || Is(chars, j, "and", "when", "but", "then", "that", "at", "now", "years", "year");

    private bool Is(ReadOnlySpan<char> chars, int i, params ReadOnlySpan<string> any)
    {
        var s = chars.Slice(_words[i].Start, _words[i].Length);
        foreach (var a in any)
            if (s.Equals(a, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // ---- sentence-level rules ----

    private void Evaluate(ReadOnlySpan<char> chars, Match m, List<DroppedHit>? dropped)
    {
        var phrase = m.Phrase;
        var range = _sentences[m.Sentence];
        _currentSentence = m.Sentence;
        var trigger = TextSpan.FromBounds(_words[m.From].Start, _words[m.To - 1].End);
        bool wordLevel = (phrase.Categories & WordLevel) != 0;
        bool ideation = (phrase.Options & TriggerOptions.Ideation) != 0;
        Signal before4 = SignalsBefore(m.From, range.From, NegationReach);
        Signal before6 = SignalsBefore(m.From, range.From, HypotheticalReach);
        int objectWord = FindObject(m.To, range.To);
        // "to shoot with her husband", "shoot as many as you please": a companion or a measure, no victim.
        if (objectWord >= 0 && m.To < range.To && Is(chars, m.To, "with", "as")) objectWord = -1;
        // Command: "Behead that Dormouse!" — the bare verb opening a sentence or a quotation, up to a "!", is an order.
        bool command = (m.From == range.From || IsAfterQuote(chars, _words[m.From].Start)) && !_words[m.From].Ing && !_words[m.From].Ed
                       && EndMark(chars, trigger.End, range.Span.End) == '!';
        // Heading: "THE MURDER AT THE MILL", "--RAPE OF THE LOCK": a title or heading in capitals names a subject, not an event.
        bool heading = InCapitals(chars, m.From, m.To) && (m.From > range.From && InCapitals(chars, m.From - 1, m.From) && !_words[m.From].Break
                                                           || m.To < range.To && InCapitals(chars, m.To, m.To + 1) && !_words[m.To].Break);
        // "she was hit", "he was badly beaten" (not "he was sleeping with").
        bool passive = !_words[m.From].Ing && (m.From > range.From && (_words[m.From - 1].Signals & Signal.Passive) != 0
                    || m.From > range.From + 1 && (_words[m.From - 2].Signals & Signal.Passive) != 0);
        Signal sentence = SignalsIn(range.From, range.To, ~0UL);
        // PassiveSubject: "ducks just fit to be killed", "her resolution to be executed": with no object after a
        // passive verb, its subject before it is the victim (or an abstract thing, a figure).
        int subjectWord = passive && objectWord < 0 ? FindSubject(chars, m.From, range.From) : -1;
        bool abstractSubject = subjectWord >= 0 && (_words[subjectWord].Signals & Signal.Abstract) != 0;

        foreach (var category in All)
        {
            if ((phrase.Categories & category.Bit) == 0) continue;
            var c = category;
            ContextRule drop = ContextRule.None;
            if (IdiomCovers(m.From, m.To, c.Bit)) drop = ContextRule.Idiom;
            else if (heading) drop = ContextRule.Heading;
            else if (!wordLevel)
            {
                if ((FigurativeEligible & c.Bit) != 0 && (FigurativeAfter(m.To, range.To) && (c != Death || _words[m.To - 1].Ing) || FigurativeSubject(m.From, range.From))) drop = ContextRule.Figurative;
                else if ((before4 & Signal.Negation) != 0) drop = ContextRule.Negation;
                else if (!ideation && (before6 & Signal.Hypothetical) != 0) drop = ContextRule.Hypothetical;
                else if (!ideation && IsQuestion(chars, trigger.End, range.Span.End)) drop = ContextRule.Question;
                else if (c == Death && (SignalsBefore(m.From, range.From, 3) & Signal.NearMiss) != 0) drop = ContextRule.NearMiss;
                else if (abstractSubject && (FigurativeEligible & c.Bit) != 0) drop = ContextRule.Figurative;
                else if ((phrase.Options & TriggerOptions.PassesTime) != 0 && PassesTime(chars, m, range)) drop = ContextRule.TimePassing;
                else if (command && !ideation && (GraphicEligible & c.Bit) != 0) drop = ContextRule.Command;
                else if ((phrase.Options & TriggerOptions.NeedsObject) != 0 && objectWord < 0 && !passive) drop = ContextRule.ObjectRequired;
            }
            if (drop != ContextRule.None) { dropped?.Add(new DroppedHit(c, trigger, drop)); continue; }

            var rule = ContextRule.None;
            float confidence = phrase.Confidence, baseConfidence = phrase.Confidence;
            if (objectWord >= 0 && (phrase.Options & TriggerOptions.NeedsObject) != 0)
            {
                confidence = Math.Min(0.95f, confidence + 0.1f);
                // NamedObject: "tortured the prisoner", "hurt Tom" name their victim and stand alone; a pronoun
                // ("how they have tortured me") is as often a figure and still needs corroboration.
                if (!IsPronoun(chars, objectWord)) baseConfidence = confidence;
            }
            Signal target = objectWord >= 0 ? _words[objectWord].Signals : subjectWord >= 0 ? _words[subjectWord].Signals : Signal.None;
            bool animal = (target & Signal.Animal) != 0 && (target & Signal.Person) == 0;
            // Hunting: "killed all your own birds", "shot three partridges": game taken, no cruelty and no death.
            if ((target & Signal.Game) != 0 && (target & Signal.Person) == 0 && (phrase.Options & TriggerOptions.NeedsObject) != 0
                && (c == Violence || c == Death || c == AnimalCruelty))
            {
                dropped?.Add(new DroppedHit(c, trigger, ContextRule.Hunting));
                continue;
            }
            if (animal && (c == Violence || c == Torture || c == GraphicViolence)) { c = AnimalCruelty; rule = ContextRule.AnimalTarget; }
            else if (animal && c == Death) { dropped?.Add(new DroppedHit(c, trigger, ContextRule.AnimalTarget)); continue; }
            if (c == Drugging && (sentence & Signal.Medical) != 0) { c = Medical; rule = ContextRule.MedicalContext; }

            var severity = phrase.Severity;
            if ((GraphicEligible & c.Bit) != 0 && severity >= Severity.Depicted && HasGraphicDetail(range, m)) { severity = Severity.Graphic; rule = ContextRule.GraphicDetail; }
            else if (severity > Severity.Mentioned && IsBackstory(m.From, range)) { severity = Severity.Mentioned; rule = ContextRule.Backstory; }

            string? aspect = null;
            TextSpan name = default;
            if (c == Death) (aspect, name) = DeathAspect(chars, m, range, sentence);
            Add(c, severity, confidence, range.Span, trigger, rule, baseConfidence, aspect, name);

            if (c == Violence && severity == Severity.Graphic) Add(GraphicViolence, severity, confidence, range.Span, trigger, ContextRule.GraphicDetail, phrase.Confidence);
            if (c == GraphicViolence) Add(Violence, Severity.Graphic, confidence, range.Span, trigger, ContextRule.None, phrase.Confidence);
            if (c == Violence)
            {
                // ChildTarget: as sure as the violence itself, less the doubt that its object word names a
                // child ("hurt your son's feelings" is no abuse, "thrashed the child" is).
                if ((target & Signal.Child) != 0)
                {
                    float child = Math.Min(0.8f, confidence - ChildTargetDoubt);
                    Add(ChildAbuse, severity, child, range.Span, trigger, ContextRule.ChildTarget, child);
                }
                if ((target & Signal.Partner) != 0 || (SignalsBefore(m.From, range.From, NegationReach) & Signal.Partner) != 0)
                    Add(DomesticAbuse, severity, 0.55f, range.Span, trigger, ContextRule.PartnerTarget, 0.55f);
            }
        }
    }

    private bool IsPronoun(ReadOnlySpan<char> chars, int i) =>
        Is(chars, i, "him", "her", "them", "me", "us", "you", "it", "himself", "herself", "themselves", "myself", "yourself", "each", "one");

    // The next end mark after the trigger is a question mark: "Did he hurt you?" she asked.
    private static bool IsQuestion(ReadOnlySpan<char> chars, int from, int sentenceEnd) => EndMark(chars, from, sentenceEnd) == '?';

    /// <summary>Whether words [from, to) are written in capitals (every letter upper case, two letters or more).</summary>
    private bool InCapitals(ReadOnlySpan<char> chars, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var w = chars.Slice(_words[i].Start, _words[i].Length);
            if (!char.IsLetter(w[0]) || !Capitals.IsAllCaps(w)) return false;
        }
        return true;
    }

    private static char EndMark(ReadOnlySpan<char> chars, int from, int sentenceEnd)
    {
        int i = chars[from..sentenceEnd].IndexOfAny('?', '.', '!');
        return i >= 0 ? chars[from + i] : ' ';
    }

    private void Add(ContentCategory category, Severity severity, float confidence, TextSpan passage, TextSpan trigger,
        ContextRule rule, float baseConfidence, string? aspect = null, TextSpan name = default)
    {
        // Two entries of one word ("sedate" with an object, "sedated" without) give one hit: the stronger.
        for (int k = _paragraphHits.Count - 1; k >= 0 && _hitSentence[k] == _currentSentence; k--)
        {
            var other = _paragraphHits[k];
            if (other.Category != category || other.Trigger != trigger) continue;
            if (severity > other.Severity || severity == other.Severity && confidence > other.Confidence)
            {
                _paragraphHits[k] = new ContentHit(category, severity, confidence, passage, trigger, rule, aspect, name);
                _baseConfidence[k] = Math.Max(_baseConfidence[k], baseConfidence);
            }
            return;
        }
        _paragraphHits.Add(new ContentHit(category, severity, confidence, passage, trigger, rule, aspect, name));
        _baseConfidence.Add(baseConfidence);
        _hitSentence.Add(_currentSentence);
    }

    // The flags of up to `reach` words before `at`, not crossing a clause break or a clause word.
    private Signal SignalsBefore(int at, int sentenceFrom, int reach)
    {
        Signal found = Signal.None;
        for (int j = at - 1; j >= sentenceFrom && j >= at - reach; j--)
        {
            if (_words[j + 1].Break) break;
            if ((_words[j].Signals & Signal.Clause) != 0) break;
            found |= _words[j].Signals;
        }
        return found;
    }

    private Signal SignalsIn(int from, int to, ulong notInIdiomOf)
    {
        Signal found = Signal.None;
        for (int j = from; j < to; j++) found |= _words[j].Signals;
        return found;
    }

    private bool IdiomCovers(int from, int to, ulong bit)
    {
        for (int k = from; k < to; k++)
            if ((_words[k].IdiomCategories & bit) == 0) return false;
        return true;
    }

    private bool FigurativeAfter(int at, int sentenceTo)
    {
        for (int j = at; j < sentenceTo && j < at + 4; j++)
        {
            if (j > at && _words[j].Break) break;
            if ((_words[j].Signals & Signal.Figurative) != 0) return true;
        }
        return false;
    }

    // TimePassing: "the first fortnight of her visit soon passed away", "to pass away the time": a stretch
    // of time before the verb in its clause (its subject) or right after it (its object) passes; nobody dies.
    // "Two weeks later her grandmother passed away": a person nearer the verb is its subject.
    private bool PassesTime(ReadOnlySpan<char> chars, Match m, SentenceRange range)
    {
        const Signal Someone = Signal.Parent | Signal.Child | Signal.Partner | Signal.Minor;
        for (int j = m.From - 1; j >= range.From && j >= m.From - HypotheticalReach; j--)
        {
            if (_words[j + 1].Break || (_words[j].Signals & Signal.Clause) != 0) break;
            var signals = _words[j].Signals;
            if ((signals & Signal.Time) != 0) return true;
            if (_words[j].Capital || (signals & Someone) != 0 || (signals & (Signal.Person | Signal.Possessive)) == Signal.Person
                || Is(chars, j, "he", "she", "they", "i", "we", "who")) return false;
            // "her grandmother passed away" (a possessive opens the subject), not "the fortnight of her visit".
            if ((signals & Signal.Possessive) != 0 && !(j > range.From && Is(chars, j - 1, "of"))) return false;
        }
        // "to pass away the time.", not "passed away the night the ship came home".
        int t = m.To < range.To && Is(chars, m.To, "the") ? m.To + 1 : m.To;
        return t < range.To && !_words[t].Break && (_words[t].Signals & Signal.Time) != 0
               && (t + 1 >= range.To || _words[t + 1].Break || (_words[t + 1].Signals & Signal.Clause) != 0);
    }

    // "the news hit her", "the realization struck him": an abstract subject right before the verb.
    private bool FigurativeSubject(int at, int sentenceFrom) =>
        at - 1 >= sentenceFrom && !_words[at].Break && (_words[at - 1].Signals & Signal.Figurative) != 0;

    // The subject of a passive verb: the nearest person, animal, name or abstract noun up to six words back, in its clause.
    private int FindSubject(ReadOnlySpan<char> chars, int at, int sentenceFrom)
    {
        for (int j = at - 1; j >= sentenceFrom && j >= at - HypotheticalReach; j--)
        {
            if (_words[j + 1].Break || (_words[j].Signals & Signal.Clause) != 0) break;
            if ((_words[j].Signals & (Signal.Person | Signal.Animal | Signal.Child | Signal.Partner | Signal.Minor | Signal.Abstract)) != 0
                && (_words[j].Signals & Signal.Possessive) == 0 || _words[j].Capital)
            {
                // "the captain of the whole scheme was shot": an abstract word after "of" is no head of the subject.
                if ((_words[j].Signals & Signal.Abstract) != 0 && AfterOf(chars, j, sentenceFrom)) continue;
                return j;
            }
        }
        return -1;
    }

    // "of" up to three words before: "the captain of the whole scheme".
    private bool AfterOf(ReadOnlySpan<char> chars, int j, int sentenceFrom)
    {
        for (int k = j - 1; k >= sentenceFrom && k >= j - 3; k--)
            if (Is(chars, k, "of")) return true;
        return false;
    }

    // The object of a verb: the first person, animal or name within four words, in the same clause.
    private int FindObject(int at, int sentenceTo)
    {
        for (int j = at; j < sentenceTo && j < at + ObjectReach; j++)
        {
            if (_words[j].Break) break;
            if ((_words[j].Signals & (Signal.Person | Signal.Animal | Signal.Child | Signal.Partner | Signal.Minor)) != 0 || _words[j].Capital) return j;
            if (j > at && (_words[j].Signals & Signal.Clause) != 0) break;
        }
        return -1;
    }

    private bool HasGraphicDetail(SentenceRange range, Match m)
    {
        for (int j = range.From; j < range.To; j++)
        {
            if (j >= m.From && j < m.To) continue;
            if ((_words[j].Signals & Signal.Graphic) == 0 || _words[j].IdiomCategories != 0) continue;
            if ((SignalsBefore(j, range.From, 2) & Signal.Negation) != 0) continue; // "no blood"
            return true;
        }
        return false;
    }

    private bool IsBackstory(int at, SentenceRange range)
    {
        if ((SignalsBefore(at, range.From, 3) & Signal.Perfect) != 0) return true;
        for (int j = range.From; j < range.To; j++)
            if ((_words[j].Signals & Signal.Backstory) != 0) return true;
        return false;
    }

    private (string?, TextSpan) DeathAspect(ReadOnlySpan<char> chars, Match m, SentenceRange range, Signal sentence)
    {
        if ((sentence & Signal.Parent) != 0) return ("parent", default);
        for (int j = range.From; j < range.To; j++)
            if ((_words[j].Signals & (Signal.Child | Signal.Minor)) != 0 && (_words[j].Signals & Signal.Person) != 0
                && !(j > range.From && Is(chars, j - 1, "with"))) return ("child", default);
        // The nearest name before (the one who died) or after (the one killed), in the clause.
        // The one who died: a name just before ("Lucy died", "Lucy is dead") or right after a verb ("killed Tybalt").
        for (int d = 1; d <= 2; d++)
        {
            int b = m.From - d;
            if (b >= range.From && IsName(chars, b) && !_words[b + 1].Break) return (null, new TextSpan(_words[b].Start, _words[b].Length));
        }
        int a = m.To;
        if (a < range.To && IsName(chars, a) && !_words[a].Break) return (null, new TextSpan(_words[a].Start, _words[a].Length));
        return (null, default);
    }

    // A capitalized word inside the sentence, not "I" and not a title ("Mrs", "Dr").
    private bool IsName(ReadOnlySpan<char> chars, int i)
    {
        if (!_words[i].Capital || _words[i].Length < 2) return false;
        var word = chars.Slice(_words[i].Start, _words[i].Length);
        return !Titles.Contains(word) && (_words[i].Signals & (Signal.Person | Signal.Clause | Signal.Possessive | Signal.NotName)) == 0;
    }

    // ---- paragraph-level rules ----

    private (int Force, int Refusal, int Consent) CountConsentSignals(SentenceRange range)
    {
        int force = 0, refusal = 0, consent = 0;
        for (int j = range.From; j < range.To; j++)
        {
            var signals = _words[j].Signals;
            if ((signals & Signal.Force) != 0) force++;
            if ((signals & Signal.Refusal) != 0) refusal++;
            if ((signals & Signal.Consent) != 0) consent++;
        }
        return (force, refusal, consent);
    }

    // Keeps the hits for which keep(i) holds, in order; the others are dropped with the rule.
    private void FilterHits(Func<int, bool> keep, ContextRule rule, List<DroppedHit>? dropped)
    {
        int kept = 0;
        for (int i = 0; i < _paragraphHits.Count; i++)
        {
            if (keep(i))
            {
                _paragraphHits[kept] = _paragraphHits[i];
                _baseConfidence[kept] = _baseConfidence[i];
                _hitSentence[kept] = _hitSentence[i];
                kept++;
            }
            else dropped?.Add(new DroppedHit(_paragraphHits[i].Category, _paragraphHits[i].Trigger, rule));
        }
        _paragraphHits.RemoveRange(kept, _paragraphHits.Count - kept);
        _baseConfidence.RemoveRange(kept, _baseConfidence.Count - kept);
        _hitSentence.RemoveRange(kept, _hitSentence.Count - kept);
    }

    private readonly int[] _strong = new int[64];
    private readonly int[] _weak = new int[64];
    private readonly List<bool> _druggingIn = [];

    private void ApplyParagraphRules(List<DroppedHit>? dropped)
    {
        if (_paragraphHits.Count == 0) return;
        // Corroboration: a weak hit stands with a strong hit of its category in the paragraph, or two
        // other weak ones; a weak sexual word (0.4 and up) also stands with force in its own sentence.
        Array.Clear(_strong);
        Array.Clear(_weak);
        for (int i = 0; i < _paragraphHits.Count; i++)
        {
            if (_baseConfidence[i] >= WeakConfidence) _strong[_paragraphHits[i].Category.Index]++;
            else _weak[_paragraphHits[i].Category.Index]++;
        }
        FilterHits(i =>
        {
            if (_baseConfidence[i] >= WeakConfidence) return true;
            var hit = _paragraphHits[i];
            return _strong[hit.Category.Index] > 0 || _weak[hit.Category.Index] >= 3
                || hit.Category == SexualContent && _baseConfidence[i] >= 0.4f && _consent[_hitSentence[i]].Force > 0;
        }, ContextRule.Corroboration, dropped);

        _druggingIn.Clear();
        for (int t = 0; t < _sentences.Count; t++) _druggingIn.Add(false);
        for (int k = 0; k < _paragraphHits.Count; k++)
            if (_paragraphHits[k].Category == Drugging) _druggingIn[_hitSentence[k]] = true;

        int n = _paragraphHits.Count;
        bool sexualScene = false, consentInScene = false, againstInScene = false;
        for (int i = 0; i < n; i++)
        {
            var hit = _paragraphHits[i];
            bool sexualHit = hit.Category == SexualContent || hit.Category == SexualViolence;
            if (!sexualHit) continue;
            // The signals of the hit's sentence and its neighbours decide (a Gutenberg paragraph can run a page).
            int s = _hitSentence[i];
            int force = 0, refusal = 0, consent = 0, age = int.MaxValue;
            float ageConfidence = 0;
            TextSpan ageSpan = default;
            bool drugging = false;
            for (int t = Math.Max(0, s - 1); t <= Math.Min(_sentences.Count - 1, s + 1); t++)
            {
                drugging |= _druggingIn[t];
                force += _consent[t].Force;
                refusal += _consent[t].Refusal;
                consent += _consent[t].Consent;
                if (_ages[t].Age < age) (age, ageConfidence, ageSpan) = _ages[t];
            }
            bool strongHit = _baseConfidence[i] >= WeakConfidence;
            _currentSentence = s;
            if (hit.Category == SexualContent)
            {
                sexualScene = true;
                if (consent > 0) consentInScene = true;
                if (force > 0 || refusal > 0 || drugging) againstInScene = true;
                // ConsentSignals: the same act with force, drugging or refusal is sexual violence.
                bool nonConsent = strongHit ? force > 0 || drugging || refusal >= 2 || refusal > 0 && consent == 0
                                            : _consent[s].Force > 0;
                if (nonConsent)
                    Add(SexualViolence, hit.Severity, force > 0 || drugging ? 0.8f : 0.6f, hit.Passage, hit.Trigger, ContextRule.ConsentSignals, 0.8f);
            }
            // AgeSignals: a sexual passage with a character under 18 beside it.
            // A minor known only from a word ("child", "girl of") needs a clear sexual act beside it;
            // a stated age or the world stage's age needs only a passage that stands.
            bool ageStated = ageConfidence >= StatedAgeConfidence;
            bool clearAct = _baseConfidence[i] >= ClearActConfidence || hit.Category == SexualViolence;
            if (age < 18 && (ageStated ? strongHit || hit.Category == SexualViolence : clearAct))
            {
                var passage = ageSpan.IsEmpty ? hit.Passage
                    : TextSpan.FromBounds(Math.Min(hit.Passage.Start, ageSpan.Start), Math.Max(hit.Passage.End, ageSpan.End));
                Add(Underage, hit.Severity, ageConfidence, passage, hit.Trigger, ContextRule.AgeSignals, ageConfidence);
            }
        }
        // ConsensualScene: pinning and pushing in a sexual scene with consent signals and none against are no violence.
        if (sexualScene && consentInScene && !againstInScene)
            FilterHits(i => _paragraphHits[i].Category != Violence && _paragraphHits[i].Category != GraphicViolence, ContextRule.ConsensualScene, dropped);
    }
}
