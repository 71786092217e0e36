using System.Text;
namespace Fabula.Cast;

/// <summary>
/// Resolves third-person pronouns to characters, reading the story once from start to end and
/// keeping, for each character, where it was last mentioned and whether as a subject. A pronoun
/// goes to the compatible character mentioned most recently (a sentence back costs one point; a
/// subject earns half a point; the two most mentioned characters half a point more; a person only
/// described, "the man", two and a half points less), never to the
/// subject of its own sentence when it is an object ("Martha helped her"), to a character of unknown
/// pronouns only when no character of known ones agrees, never inside a quotation
/// to the one speaking or the one spoken to. When no compatible character was mentioned within
/// <see cref="Window"/> sentences, a narration "he" or "she" goes to the story's most named he or
/// she, or, while the story has not yet mentioned them, to the next he or she the narration names within
/// <see cref="Foresight"/> sentences; any other pronoun (in dialogue, "they", a neopronoun) stays unresolved.
/// </summary>
internal sealed class PronounResolver(TokenView view, WordTypes types, int characterCount, string?[] sets, bool[] prominent, int[] nameCounts,
    List<NameMention> names, int[] characterOf)
{
    /// <summary>
    /// How far ahead (in sentences) the narration may name the person of a pronoun nobody was named for: about a page.
    /// Measured on LitBank: 12 or 20 change nothing; 30 and 50 give pronoun accuracy 0.767 -> 0.774 and 4 more speakers
    /// ("She looked perplexed ..." is Aunt Polly, named 25 sentences on); 100 gives 0.770 and one speaker lost.
    /// </summary>
    public const int Foresight = 30;

    private int _ahead; // the first name mention not before the pronoun being resolved (pronouns come in text order)

    // The character of the first name in the narration after a pronoun, within Foresight sentences, whose pronouns agree; or -1.
    private int NamedAhead(int token, Pronoun pronoun)
    {
        while (_ahead < names.Count && names[_ahead].FirstToken < token) _ahead++;
        int limit = view.SentenceOf[token] + Foresight;
        for (int m = _ahead; m < names.Count && view.SentenceOf[names[m].FirstToken] <= limit; m++)
        {
            int c = characterOf[m];
            if (c >= 0 && view.QuotationOf[names[m].FirstToken] < 0 && sets[c] == pronoun.Set) return c;
        }
        return -1;
    }

    // The most named "he" and "she": the antecedent of a narration pronoun nobody named nearby can be.
    private readonly int _mainHe = MostNamed(nameCounts, sets, "he/him"), _mainShe = MostNamed(nameCounts, sets, "she/her");

    private static int MostNamed(int[] counts, string?[] sets, string set)
    {
        int best = -1;
        for (int c = 0; c < counts.Length; c++)
            if (sets[c] == set && counts[c] > 0 && (best < 0 || counts[c] > counts[best])) best = c; // a described person ("the man") is no one's default
        return best;
    }

    // A person the text only describes ("the man") is a weaker antecedent than one it names: two and a half
    // sentences further back. Measured on LitBank: 0 or 1 lets "a fellow" take the pronouns of an unnamed-nearby
    // protagonist (pronoun accuracy 0.761, 0.763 against 0.765 without described people); 2.5 keeps 0.765.
    private const double DescribedPenalty = 2.5;

    /// <summary>How far back (in sentences) a pronoun may reach for its character.</summary>
    public const int Window = 12;

    private readonly int[] _lastSentence = Filled(characterCount, int.MinValue / 2);
    private readonly int[] _lastToken = Filled(characterCount, -1);
    private readonly bool[] _lastWasSubject = new bool[characterCount];
    private readonly List<int> _recent = [];
    private int _subjectOfSentence = -1, _subjectSentence = -1;

    private static int[] Filled(int n, int value) { var a = new int[n]; Array.Fill(a, value); return a; }

    /// <summary>A name (or resolved) mention of a character at a token.</summary>
    public void Saw(int character, int token)
    {
        int sentence = view.SentenceOf[token];
        bool subject = IsSubjectPosition(token);
        _lastSentence[character] = sentence;
        _lastToken[character] = token;
        _lastWasSubject[character] = subject;
        if (subject && _subjectSentence != sentence) { _subjectOfSentence = character; _subjectSentence = sentence; }
        _recent.Remove(character);
        _recent.Add(character);
        if (_recent.Count > 16) _recent.RemoveAt(0);
    }

    /// <summary>The character a pronoun at <paramref name="token"/> refers to, or -1.</summary>
    public int Resolve(int token, Pronoun pronoun, int notThis = -1, int norThis = -1)
    {
        int sentence = view.SentenceOf[token];
        bool reflexive = pronoun.Case == PronounCase.Reflexive;
        bool objectCase = pronoun.Case == PronounCase.Object && !IsPossessiveHer(view, types, token);
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int r = _recent.Count - 1; r >= 0; r--)
        {
            int c = _recent[r];
            int distance = sentence - _lastSentence[c];
            if (distance > Window) continue;
            if (c == notThis || c == norThis || !Agrees(sets[c], pronoun)) continue;
            double score = -distance;
            // A character whose pronouns the text never made clear is the last resort: any agreeing character
            // within the window comes first.
            if (sets[c] is null) score -= Window + 1;
            if (nameCounts[c] == 0) score -= DescribedPenalty; // only a described person has no name mention
            if (_lastWasSubject[c]) score += 0.5;
            if (prominent[c]) score += 0.5;
            // Later in the same sentence, the most recent mention is the nearer antecedent.
            score += 0.001 * _lastToken[c];
            bool isSubjectHere = _subjectSentence == sentence && _subjectOfSentence == c;
            if (reflexive && isSubjectHere) score += 3;
            if (objectCase && isSubjectHere) score -= 1.5;
            if (score > bestScore) { bestScore = score; best = c; }
        }
        // Nobody named nearby: in narration, the story's main "he" or "she" (a chapter opening, "He woke early"); but
        // before the story has met them, the one the narration goes on to name ("She looked perplexed ..." is the aunt
        // named a page on, not the girl the story meets chapters later).
        if (best < 0 && view.QuotationOf[token] < 0)
        {
            best = pronoun.Set == "he/him" ? _mainHe : pronoun.Set == "she/her" ? _mainShe : -1;
            if ((best < 0 || _lastToken[best] < 0) && NamedAhead(token, pronoun) is var ahead and >= 0) best = ahead;
        }
        if (best >= 0) Saw(best, token);
        return best;
    }

    // A character of unknown pronouns may be "he" or "she"; "they" and neopronouns need a character the text gives them to.
    private static bool Agrees(string? character, Pronoun pronoun) =>
        character is null ? pronoun.Set is "he/him" or "she/her" : character == pronoun.Set;

    private bool IsSubjectPosition(int token) => IsSubjectPosition(view, token);

    /// <summary>A name at the start of its sentence, or after "and", "when" and the like.</summary>
    internal static bool IsSubjectPosition(TokenView view, int token)
    {
        if (view.Initial[token]) return true;
        int previous = token - 1;
        while (previous >= 0 && view.SentenceOf[previous] == view.SentenceOf[token] && !view.IsWord(previous)) previous--;
        // After "and" / "but" at a clause start ("..., and Mary ran").
        return previous >= 0 && view.SentenceOf[previous] == view.SentenceOf[token]
               && (view[previous] is "and" or "but" or "then" or "when" or "while" or "as" or "that");
    }

    // "her" before a noun is a possessive ("her hand"), elsewhere an object ("helped her").
    internal static bool IsPossessiveHer(TokenView view, WordTypes types, int token)
    {
        if (!view[token].Equals("her", StringComparison.OrdinalIgnoreCase)) return false;
        int next = token + 1;
        if (next >= view.Count || !view.IsWord(next) || view.SentenceOf[next] != view.SentenceOf[token]) return false;
        // PERF: the word's flag from the tables, not a case-insensitive lookup. Exact for a word in ASCII (lowering
        // it is all the table's comparison folds; the table is ASCII); any other word asks the table itself.
        int t = types.TypeOf[next];
        return t >= 0 && Ascii.IsValid(types.WordOf(t)) ? (types.Flags[t] & WordFlags.NotName) == 0
            : !CastTables.Shared.NotNames.Contains(view[next]);
    }
}
