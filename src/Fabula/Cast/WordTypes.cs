using System.Runtime.CompilerServices;
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
}

/// <summary>
/// The distinct words of a story (lower-cased), each token's word, and the table entries of each
/// word: one dictionary lookup per token, then arrays, so that the cast stage's passes over the
/// tokens ask arrays instead of hashing strings.
/// </summary>
internal sealed class WordTypes
{
    private const int MaxLength = 64;

    /// <summary>Per token: the index of its word, or -1 (not a word, or longer than 64 letters).</summary>
    public readonly int[] TypeOf;
    public readonly WordFlags[] Flags;
    public readonly Gender[] TitleGender;
    public readonly Pronoun[] Pronouns;
    public int Count => Flags.Length;

    public WordTypes(TokenView view, CastTables tables)
    {
        int n = view.Count;
        TypeOf = new int[n];
        // An open-addressing table of the lower-cased words, hashed as they are lowered (FNV-1a):
        // no string per token, one probe for most.
        var words = new List<string>();
        // Sized for the distinct words (a novel has some 10,000), not the tokens: a table that fits the
        // cache, grown when half full.
        int size = 1 << 14;
        var slots = new int[size]; // type + 1, or 0 when empty
        var hashes = new List<uint>();
        var text = view.Text;
        Span<char> buffer = stackalloc char[MaxLength];
        for (int i = 0; i < n; i++)
        {
            TypeOf[i] = -1;
            var token = view.Tokens[i];
            if (token.Kind != Structure.TokenKind.Word || token.Span.Length == 0 || token.Span.Length > MaxLength) continue;
            var key = Lower(text[token.Span], buffer, out uint hash);
            int slot = (int)(hash & (uint)(size - 1));
            int t;
            while (true)
            {
                int s = slots[slot];
                if (s == 0)
                {
                    t = words.Count;
                    words.Add(key.ToString());
                    hashes.Add(hash);
                    slots[slot] = t + 1;
                    if (words.Count * 2 > size) (slots, size) = (Grow(slots, hashes, size * 2), size * 2);
                    break;
                }
                if (hashes[s - 1] == hash && key.SequenceEqual(words[s - 1])) { t = s - 1; break; }
                slot = (slot + 1) & (size - 1);
            }
            TypeOf[i] = t;
        }

        _words = words;
        _slots = slots;
        _hashes = hashes;
        Flags = new WordFlags[words.Count];
        TitleGender = new Gender[words.Count];
        Pronouns = new Pronoun[words.Count];
        // Each table's entries looked up among the story's words (a few thousand lookups), not each word in each table.
        Mark(tables.NotNames.Set, WordFlags.NotName, buffer);
        Mark(tables.SpeechVerbs.Set, WordFlags.SpeechVerb, buffer);
        Mark(tables.PlacePrepositions.Set, WordFlags.PlacePreposition, buffer);
        Mark(tables.SubjectVerbs.Set, WordFlags.SubjectVerb, buffer);
        Mark(tables.PersonNouns.Set, WordFlags.PersonNoun, buffer);
        Mark(["the", "his", "her", "my", "their", "our", "your", "a", "an", "this", "that"], WordFlags.Determiner, buffer);
        foreach (var (title, gender) in tables.Titles.Dictionary)
            foreach (var form in (ReadOnlySpan<string>)[title, title + "."])
                if (Find(form, buffer) is int t and >= 0) { Flags[t] |= WordFlags.Title; TitleGender[t] = gender; }
        foreach (var (word, pronoun) in tables.Pronouns.Dictionary)
            if (Find(word, buffer) is int t and >= 0) { Flags[t] |= WordFlags.Pronoun; Pronouns[t] = pronoun; }
    }

    private readonly List<string> _words;
    private readonly int[] _slots;
    private readonly List<uint> _hashes;

    private void Mark(IEnumerable<string> entries, WordFlags flag, Span<char> buffer)
    {
        foreach (string entry in entries)
            if (Find(entry, buffer) is int t and >= 0) Flags[t] |= flag;
    }

    /// <summary>The index of a word (any case), or -1 when the story never uses it.</summary>
    private int Find(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length == 0 || word.Length > MaxLength) return -1;
        var key = Lower(word, buffer, out uint hash);
        int mask = _slots.Length - 1, slot = (int)(hash & (uint)mask);
        while (_slots[slot] is int s and > 0)
        {
            if (_hashes[s - 1] == hash && key.SequenceEqual(_words[s - 1])) return s - 1;
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /// <summary>
    /// Per distinct word: whether it is one of <paramref name="entries"/> in any case. A screen for a
    /// per-token pass: only the tokens whose word is marked need the table's own (exact) lookup.
    /// </summary>
    public bool[] Marking(IEnumerable<string> entries)
    {
        var marked = new bool[Count];
        Span<char> buffer = stackalloc char[MaxLength];
        foreach (string entry in entries)
            if (Find(entry, buffer) is int t and >= 0) marked[t] = true;
        return marked;
    }

    /// <summary>The lower-cased word of a type.</summary>
    public string WordOf(int type) => _words[type];

    /// <summary>Whether the token is a word with all of <paramref name="flags"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool Is(int token, WordFlags flags) => (uint)token < (uint)TypeOf.Length && TypeOf[token] is int t and >= 0 && (Flags[t] & flags) == flags;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool TryPronoun(int token, out Pronoun pronoun)
    {
        int t = TypeOf[token];
        if (t >= 0 && (Flags[t] & WordFlags.Pronoun) != 0) { pronoun = Pronouns[t]; return true; }
        pronoun = default;
        return false;
    }

    private static int[] Grow(int[] old, List<uint> hashes, int size)
    {
        var slots = new int[size];
        foreach (int s in old)
        {
            if (s == 0) continue;
            int slot = (int)(hashes[s - 1] & (uint)(size - 1));
            while (slots[slot] != 0) slot = (slot + 1) & (size - 1);
            slots[slot] = s;
        }
        return slots;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer, out uint hash)
    {
        hash = 2166136261;
        for (int k = 0; k < word.Length; k++)
        {
            char c = word[k];
            if (c >= 0x80)
            {
                var lowered = buffer[..word.ToLowerInvariant(buffer)];
                hash = 2166136261;
                foreach (char l in lowered) hash = (hash ^ l) * 16777619;
                return lowered;
            }
            c = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            buffer[k] = c;
            hash = (hash ^ c) * 16777619;
        }
        return buffer[..word.Length];
    }
}
