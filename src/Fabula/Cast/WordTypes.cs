using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
namespace Fabula.Cast;

/// <summary>What the cast stage's word tables say of a word, looked up once per distinct word.</summary>
[Flags]
internal enum WordFlags : ushort
{
    None = 0,
    NotName = 1,
    Title = 2,
    SpeechVerb = 4,
    PlacePreposition = 8,
    SubjectVerb = 16,
    PersonNoun = 32,
    Pronoun = 64,
    Determiner = 128,
    /// <summary>A noun a person the text does not name may be known by ("stranger", "saloon-keeper"): cast/described-nouns.txt.</summary>
    DescribedNoun = 256,
    /// <summary>A people or language ("Irish"), also a <see cref="NotName"/>: cast/peoples.txt.</summary>
    People = 512,
    /// <summary>A word that stands for someone unnamed as a speech tag's subject ("another", "somebody"): cast/someone-words.txt.</summary>
    Someone = 1024,
}

/// <summary>
/// The distinct words of a story (lower-cased), each token's word, and the table entries of each
/// word: one hash-table probe per token, then arrays, so that the cast stage's passes over the
/// tokens ask arrays instead of hashing strings.
/// </summary>
internal sealed class WordTypes
{
    private const int MaxLength = 64, MaxChunks = MaxLength / 4;

    /// <summary>Per token: the index of its word, or -1 (not a word, or longer than 64 letters).</summary>
    public readonly int[] TypeOf;
    public readonly WordFlags[] Flags;
    public readonly Gender[] TitleGender;
    public readonly Pronoun[] Pronouns;
    public int Count => Flags.Length;
    /// <summary>The tokens whose word is a pronoun of the tables, in text order: what the pronoun passes read, not every token.</summary>
    public readonly int[] PronounTokens;
    /// <summary>The tokens whose word is a determiner or a possessive ("the", "his"), in text order.</summary>
    public readonly int[] DeterminerTokens;
    /// <summary>The tokens whose word may stand for someone unnamed ("another", "somebody"), in text order.</summary>
    public readonly int[] SomeoneTokens;

    // An open-addressing table of the lower-cased words. A word is kept as "chunks" of four characters (one
    // ulong each, zero-padded after its end, in pairs: a vector of eight), all words' chunks in one array. A slot holds the
    // word's hash beside its index, so a probe reads one array and compares chunks only when the hashes agree.
    private ulong[] _slots;                    // hash << 32 | (type + 1), or 0 when empty
    private ulong[] _chunks = new ulong[1 << 15];
    private int _chunkCount;
    private int[] _entries = new int[1 << 13]; // per type: first chunk << 7 | length
    private readonly List<string> _words = [];

    private const ulong Seed = 0xCBF2_9CE4_8422_2325, Prime = 0x9E37_79B9_7F4A_7C15;

    public WordTypes(TokenView view, CastTables tables)
    {
        int n = view.Count;
        TypeOf = new int[n];
        // Sized for the distinct words (a novel has some 10,000), not the tokens: a table that fits the
        // cache, grown when half full.
        _slots = new ulong[1 << 14];
        var chars = view.Text.AsSpan();
        var tokens = view.Tokens.AsSpan(0, n);
        var typeOf = TypeOf.AsSpan(0, n);
        Span<ulong> key = stackalloc ulong[MaxChunks];
        Span<char> buffer = stackalloc char[MaxLength];
        bool vectors = Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian;
        var nonAscii = Vector128.Create((ushort)0xFF80);
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            int length = token.Span.Length, start = token.Span.Start;
            if (token.Kind != Structure.TokenKind.Word || (uint)(length - 1) >= MaxLength) { typeOf[i] = -1; continue; }
            // PERF: a word of up to eight characters (94 in 100) is read, lowered, hashed and compared as one vector
            // of eight: the characters after its end masked off, "A".."Z" lowered in all lanes at once. The cast
            // stage's biggest per-token cost. A longer word, one with a character beyond ASCII or one at the
            // text's very end takes the general way.
            if (vectors && length <= 8 && start + 8 <= chars.Length)
            {
                var v = Text.FirstEight.Load(chars, start, length);
                if ((v & nonAscii) == Vector128<ushort>.Zero)
                {
                    v |= Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'A'), Vector128.Create((ushort)('Z' - 'A'))) & Vector128.Create((ushort)0x20);
                    ulong c0 = v.AsUInt64().GetElement(0), c1 = v.AsUInt64().GetElement(1);
                    uint hash = (uint)((((Seed ^ c0) * Prime) ^ c1) * Prime >> 32);
                    var slots = _slots;
                    int mask = slots.Length - 1, slot = (int)(hash & (uint)mask), t;
                    while (true)
                    {
                        ulong s = slots[slot];
                        if (s == 0) { key[0] = c0; key[1] = c1; t = Add(key[..2], length, hash, slot); break; }
                        if ((uint)(s >> 32) == hash)
                        {
                            t = (int)(uint)s - 1;
                            int entry = _entries[t], at = entry >> 7;
                            if ((entry & 127) == length && _chunks[at] == c0 && _chunks[at + 1] == c1) break;
                        }
                        slot = (slot + 1) & mask;
                    }
                    typeOf[i] = t;
                    continue;
                }
            }
            var lowered = Lower(chars.Slice(start, length), buffer);
            var chunks = key[..Chunks(lowered.Length)];
            uint general = Pack(lowered, chunks);
            typeOf[i] = Find(chunks, lowered.Length, general, out int free) is int found and >= 0 ? found : Add(chunks, lowered.Length, general, free);
        }

        Flags = new WordFlags[_words.Count];
        TitleGender = new Gender[_words.Count];
        Pronouns = new Pronoun[_words.Count];
        // Each table's entries looked up among the story's words (a few thousand probes), not each word in each
        // table. PERF: the entries lowered and packed once, for all stories.
        foreach (var entry in tables.TableWords)
        {
            if (Find(entry.Key, entry.Length, entry.Hash, out _) is not (int t and >= 0)) continue;
            Flags[t] |= entry.Flag;
            if (entry.Flag == WordFlags.Title) TitleGender[t] = entry.Gender;
            if (entry.Flag == WordFlags.Pronoun) Pronouns[t] = entry.Pronoun;
        }
        var pronouns = new List<int>(n / 16);
        var determiners = new List<int>(n / 8);
        var someone = new List<int>(n / 256);
        var flags = Flags.AsSpan();
        for (int i = 0; i < typeOf.Length; i++)
        {
            int t = typeOf[i];
            if (t < 0) continue;
            var f = flags[t];
            if ((f & WordFlags.Pronoun) != 0) pronouns.Add(i);
            if ((f & WordFlags.Determiner) != 0) determiners.Add(i);
            if ((f & WordFlags.Someone) != 0) someone.Add(i);
        }
        PronounTokens = [.. pronouns];
        DeterminerTokens = [.. determiners];
        SomeoneTokens = [.. someone];
    }

    /// <summary>A table's word, lowered and packed as a story's words are, with what the table says of it.</summary>
    internal readonly record struct TableWord(ulong[] Key, int Length, uint Hash, WordFlags Flag, Gender Gender = default, Pronoun Pronoun = default);

    /// <summary>The entries of the cast tables that mark a story's words, in the order they are applied.</summary>
    internal static TableWord[] Prepare(CastTables tables)
    {
        var words = new List<TableWord>();
        var buffer = new char[MaxLength];
        var key = new ulong[MaxChunks];
        void Add(string word, WordFlags flag, Gender gender = default, Pronoun pronoun = default)
        {
            if (word.Length == 0 || word.Length > MaxLength) return;
            var lowered = Lower(word, buffer);
            var chunks = key.AsSpan(0, Chunks(lowered.Length));
            uint hash = Pack(lowered, chunks);
            words.Add(new TableWord(chunks.ToArray(), lowered.Length, hash, flag, gender, pronoun));
        }
        foreach (var word in tables.NotNames.Set) Add(word, WordFlags.NotName);
        foreach (var word in tables.Peoples) Add(word, WordFlags.People);
        foreach (var word in tables.SpeechVerbs.Set) Add(word, WordFlags.SpeechVerb);
        foreach (var word in tables.PlacePrepositions.Set) Add(word, WordFlags.PlacePreposition);
        foreach (var word in tables.SubjectVerbs.Set) Add(word, WordFlags.SubjectVerb);
        foreach (var word in tables.PersonNouns.Set) Add(word, WordFlags.PersonNoun);
        foreach (var word in tables.DescribedNouns.Set) Add(word, WordFlags.DescribedNoun);
        foreach (var word in tables.SomeoneWords.Set) Add(word, WordFlags.Someone);
        foreach (var word in (ReadOnlySpan<string>)["the", "his", "her", "my", "their", "our", "your", "a", "an", "this", "that"]) Add(word, WordFlags.Determiner);
        foreach (var (title, gender) in tables.Titles.Dictionary)
            foreach (var form in (ReadOnlySpan<string>)[title, title + "."])
                Add(form, WordFlags.Title, gender);
        foreach (var (word, pronoun) in tables.Pronouns.Dictionary) Add(word, WordFlags.Pronoun, pronoun: pronoun);
        return [.. words];
    }

    /// <summary>How many chunks hold a word of <paramref name="length"/> characters: four characters each, in pairs (a vector of eight).</summary>
    private static int Chunks(int length) => 2 * ((length + 7) >> 3);

    /// <summary>Adds a new word (its chunks, lower-cased) at an empty slot; returns its type.</summary>
    private int Add(ReadOnlySpan<ulong> key, int length, uint hash, int slot)
    {
        int t = _words.Count;
        _words.Add(MemoryMarshal.Cast<ulong, char>(key)[..length].ToString());
        if (t == _entries.Length) Array.Resize(ref _entries, 2 * t);
        while (_chunkCount + key.Length > _chunks.Length) Array.Resize(ref _chunks, 2 * _chunks.Length);
        _entries[t] = _chunkCount << 7 | length;
        key.CopyTo(_chunks.AsSpan(_chunkCount));
        _chunkCount += key.Length;
        _slots[slot] = (ulong)hash << 32 | (uint)(t + 1);
        if (_words.Count * 2 > _slots.Length) _slots = Grow(_slots, 2 * _slots.Length);
        return t;
    }

    /// <summary>The type of the lower-cased word in <paramref name="key"/>, or -1 and the empty slot it would take.</summary>
    private int Find(ReadOnlySpan<ulong> key, int length, uint hash, out int slot)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        slot = (int)(hash & (uint)mask);
        while (true)
        {
            ulong s = slots[slot];
            if (s == 0) return -1;
            if ((uint)(s >> 32) == hash)
            {
                int t = (int)(uint)s - 1, entry = _entries[t];
                if ((entry & 127) == length && key.SequenceEqual(_chunks.AsSpan(entry >> 7, key.Length))) return t;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The index of a word (any case), or -1 when the story never uses it.</summary>
    private int Find(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > MaxLength) return -1;
        Span<char> buffer = stackalloc char[MaxLength];
        Span<ulong> key = stackalloc ulong[MaxChunks];
        var lowered = Lower(word, buffer);
        var chunks = key[..Chunks(lowered.Length)];
        return Find(chunks, lowered.Length, Pack(lowered, chunks), out _);
    }

    /// <summary>
    /// Per distinct word: whether it is one of <paramref name="entries"/> in any case. A screen for a
    /// per-token pass: only the tokens whose word is marked need the table's own (exact) lookup.
    /// </summary>
    public bool[] Marking(IEnumerable<string> entries)
    {
        var marked = new bool[Count];
        foreach (string entry in entries)
            if (Find(entry) is int t and >= 0) marked[t] = true;
        return marked;
    }

    /// <summary>The lower-cased word of a type.</summary>
    public string WordOf(int type) => _words[type];

    /// <summary>Whether the token is a word with all of <paramref name="flags"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool IsAny(int token, WordFlags flags) => (uint)token < (uint)TypeOf.Length && TypeOf[token] is int t and >= 0 && (Flags[t] & flags) != 0;

    public bool Is(int token, WordFlags flags) => (uint)token < (uint)TypeOf.Length && TypeOf[token] is int t and >= 0 && (Flags[t] & flags) == flags;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool TryPronoun(int token, out Pronoun pronoun)
    {
        int t = TypeOf[token];
        if (t >= 0 && (Flags[t] & WordFlags.Pronoun) != 0) { pronoun = Pronouns[t]; return true; }
        pronoun = default;
        return false;
    }

    private static ulong[] Grow(ulong[] old, int size)
    {
        var slots = new ulong[size];
        foreach (ulong s in old)
        {
            if (s == 0) continue;
            int slot = (int)((uint)(s >> 32) & (uint)(size - 1));
            while (slots[slot] != 0) slot = (slot + 1) & (size - 1);
            slots[slot] = s;
        }
        return slots;
    }

    /// <summary>The word in lower case: "A".."Z" lowered, or all of it by the invariant culture when it has any other letter.</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        for (int k = 0; k < word.Length; k++)
        {
            char c = word[k];
            if (c >= 0x80) return buffer[..word.ToLowerInvariant(buffer)];
            buffer[k] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
        return buffer[..word.Length];
    }

    /// <summary>The lower-cased word as chunks (as the token loop reads them), and its hash.</summary>
    private static uint Pack(ReadOnlySpan<char> lowered, Span<ulong> chunks)
    {
        chunks.Clear();
        for (int k = 0; k < lowered.Length; k++) chunks[k >> 2] |= (ulong)lowered[k] << (16 * (k & 3));
        ulong hash = Seed;
        for (int c = 0; c < chunks.Length; c += 2) hash = (((hash ^ chunks[c]) * Prime) ^ chunks[c + 1]) * Prime;
        return (uint)(hash >> 32);
    }
}
