using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>What the narration beside a quotation says of its speaker and addressee.</summary>
/// <param name="Speaker">A character index, <see cref="SpeakerFinder.NarratorId"/>, or -1 (unknown; see <c>Found</c>).</param>
/// <param name="Found">Whether the narration names someone (a resolved mention or not).</param>
/// <param name="Mention">The index of the speaker's mention in the Mention layer, or -1.</param>
/// <param name="Noun">For a tag with a description ("said his wife"), the described person's noun; else empty.</param>
/// <param name="Continues">The tag's verb continues the speaker's own speech ("he added", "she went on").</param>
/// <param name="Replies">The tag's verb answers the other party ("he replied").</param>
/// <param name="AddressedByName">The addressee is named after the verb ("said he to Temple"), not a pronoun the cast may have resolved to the speaker.</param>
/// <param name="Hearer">The one the tag says hears the line ("Mary heard her say"): not its speaker; a character index or -1.</param>
internal readonly record struct TagReading(AttributionMethod Method, int Speaker, int Addressee, bool Found, int Mention, TextSpan Noun = default,
    bool Continues = false, bool AddressedByName = false, bool Replies = false, int Hearer = -1)
{
    public static readonly TagReading None = new(AttributionMethod.None, -1, -1, false, -1);
}

/// <summary>
/// Reads one stretch of narration as words and mentions (the cast stage's Mention layer: names,
/// nominals and pronouns already resolved to characters) and finds the speech tag in it: a verb of
/// saying with its subject before it ("Alec said", "he whispered") or after it ("said Alec",
/// "asked Izzy"), and an addressee after it ("told her", "said to Magnus"). With no verb of saying,
/// the first person acting in the sentence is a beat ("Magnus giggled."). Reuses one buffer; one
/// pass over the narration's characters.
/// </summary>
internal sealed class SpeechTagReader(StoryText text, SpanLayer<Mention> mentions, CastList? cast = null)
{
    private enum UnitKind : byte { Word, Verb, Mention, FirstPerson }

    private struct Unit
    {
        public UnitKind Kind;
        public int Start, End, Mention;
    }

    private const int Capacity = 48;
    private readonly Unit[] _units = new Unit[Capacity];
    private int _count;

    // Where the sentence being read starts, and the one before it, in the buffer (kept right when it drops its first half).
    private int _sentence, _lastClosed;

    /// <summary>The first sentence of narration after a quotation ("said Alec, smiling.").</summary>
    public TagReading ReadAfter(TextSpan narration)
    {
        Scan(narration, firstSentenceOnly: true);
        return Read(0, _count, after: true);
    }

    /// <summary>The last sentence of narration before a quotation ("Alec turned to her and said,").</summary>
    public TagReading ReadBefore(TextSpan narration)
    {
        int from = Scan(narration, firstSentenceOnly: false);
        return Read(from, _count, after: false);
    }

    // Reads the words of [from, to) into the buffer; returns where the last sentence starts.
    private int Scan(TextSpan span, bool firstSentenceOnly)
    {
        _count = _sentence = _lastClosed = 0;
        var chars = text.AsSpan();
        int e = span.End;
        int m = mentions.FirstStartingAtOrAfter(span.Start);
        for (int i = span.Start; i < e;)
        {
            // After a quotation its tag comes first: a long sentence's later words are not kept at the cost of its first ones.
            if (firstSentenceOnly && _count == Capacity) break;
            char c = chars[i];
            if (char.IsLetter(c))
            {
                while (m < mentions.Count && mentions[m].Span.Start < i) m++;
                if (m < mentions.Count && mentions[m].Span.Start == i && mentions[m].Span.End <= e)
                {
                    // The narration's "I" is the cast's narrator: a first-person subject, as below.
                    bool narrator = mentions[m].Kind == MentionKind.Pronoun && mentions[m].Span.Length == 1 && chars[i] == 'I';
                    Add(narrator ? UnitKind.FirstPerson : UnitKind.Mention, i, mentions[m].Span.End, m);
                    i = mentions[m].Span.End;
                    continue;
                }
                int start = i;
                while (i < e && (char.IsLetter(chars[i]) || chars[i] is '\'' or '’' or '-' && i + 1 < e && char.IsLetter(chars[i + 1]))) i++;
                var word = chars[start..i];
                var kind = word is "I" ? UnitKind.FirstPerson
                    : (char.IsLower(word[0]) || _count == _sentence) && DialogueWords.MaySpeechVerb(word) && DialogueWords.SpeechVerbs.Contains(word) ? UnitKind.Verb : UnitKind.Word;
                if (kind == UnitKind.Word && i + 1 < e && chars[i] == ' ' && char.IsLower(chars[i + 1]))
                {
                    // Two-word tags: "went on", "broke in".
                    int next = i + 1;
                    while (next < e && char.IsLetter(chars[next])) next++;
                    if (DialogueWords.MaySpeechVerb(chars[start..next]) && DialogueWords.SpeechVerbs.Contains(chars[start..next])) { kind = UnitKind.Verb; i = next; }
                }
                Add(kind, start, i, -1);
                continue;
            }
            if (c is '.' or '!' or '?' or ';' && _count > _sentence)
            {
                if (firstSentenceOnly) break;
                _lastClosed = _sentence;
                _sentence = _count;
            }
            i++;
        }
        // The last sentence with words: the one still open, or the one closed last.
        return _sentence < _count ? _sentence : _lastClosed;
    }

    private void Add(UnitKind kind, int start, int end, int mention)
    {
        if (_count == Capacity)
        {
            // Keep the later half: the words nearest a quotation that follows.
            Array.Copy(_units, Capacity / 2, _units, 0, Capacity / 2);
            _count = Capacity / 2;
            _sentence = Math.Max(0, _sentence - Capacity / 2);
            _lastClosed = Math.Max(0, _lastClosed - Capacity / 2);
        }
        _units[_count++] = new Unit { Kind = kind, Start = start, End = end, Mention = mention };
    }

    private TagReading Read(int from, int to, bool after)
    {
        if (from >= to) return TagReading.None;
        int verb = -1;
        // After a quotation the tag comes first ("said Alec", "Alec said"); far words are not its tag.
        int limit = after ? Math.Min(to, from + 6) : to;
        for (int u = from; u < limit; u++)
            if (_units[u].Kind == UnitKind.Verb) { verb = u; break; }
        // An infinitive ("when Stephen had not been able to answer Nasty Roche asked:") is no tag when a verb of saying follows.
        if (!after && verb > from && _units[verb - 1].Kind == UnitKind.Word && text[Span(verb - 1)] is "to")
            for (int u = verb + 1; u < to; u++)
                if (_units[u].Kind == UnitKind.Verb) { verb = u; break; }
        // A later verb of saying joined by "and" is the tag ("when he spoke to her, and then said:", "He asked her and she said:").
        if (!after && verb >= 0)
        {
            bool joined = false;
            for (int u = verb + 1; u < to; u++)
            {
                if (_units[u].Kind == UnitKind.Word && text[Span(u)] is "and" or "then" or "but") joined = true;
                else if (_units[u].Kind == UnitKind.Verb && joined) (verb, joined) = (u, false);
            }
        }
        if (verb < 0)
        {
            int actor = FirstSubject(from, to);
            if (actor >= 0 && _units[actor].Kind == UnitKind.FirstPerson && Perceived(actor, to) is var perceived and >= 0) actor = perceived;
            return actor < 0 ? TagReading.None : Reading(AttributionMethod.Beat, actor, -1);
        }
        // The subject before the verb: the first person named in the clause ("Alec turned to
        // Magnus and said"); else the subject after it ("said Alec", "said he").
        int subject = ClauseSubject(from, verb);
        // "Mary heard her say", "I heard Holmes ask": after a verb of perceiving, the one perceived says the line, not the one perceiving.
        int hearer = -1;
        if (subject >= 0 && subject < verb - 2 && _units[verb - 1].Kind == UnitKind.Mention && _units[verb - 2].Kind == UnitKind.Word
            && DialogueWords.PerceptionVerbs.Contains(text[Span(verb - 2)]) && mentions[_units[verb - 1].Mention] is var heard && heard.Character >= -1
            && (heard.Kind != MentionKind.Pronoun || DialogueWords.ObjectPronouns.Contains(text[heard.Span])))
        {
            hearer = _units[subject].Kind == UnitKind.FirstPerson ? SpeakerFinder.NarratorId : mentions[_units[subject].Mention].Character;
            subject = verb - 1;
        }
        int next = verb + 1;
        // An infinitive ("It is delightful to advise a newcomer") has no subject after it: the one after is its object.
        if (subject < 0 && verb > from && _units[verb - 1].Kind == UnitKind.Word && text[Span(verb - 1)] is "to") return TagReading.None;
        if (subject < 0 && next < to && IsSubject(next)) { subject = next; next++; }
        else if (subject < 0 && NameAfterWords(next, to) is var named and >= 0) { subject = named; next = named + 1; }
        // "said his step-son", "replied her mother": someone the cast does not know speaks.
        if (subject < 0 && next < to && IsPossessive(next))
            return new TagReading(AttributionMethod.Nominal, -1, -1, true, -1,
                next + 1 < to && _units[next + 1].Kind == UnitKind.Word ? Span(next + 1) : default);
        // "said another", "somebody else inquired": someone the text does not name speaks.
        if (subject < 0 && (next < to && IsSomeone(next) || verb > from && IsSomeone(verb - 1) || verb > from + 1 && IsSomeone(verb - 2) && text[Span(verb - 1)] is "else"))
            return new TagReading(AttributionMethod.Nominal, -1, -1, true, -1);
        if (subject < 0) return TagReading.None;
        // "cried the voice of John Reed": the voice is the named person's.
        if (_units[subject].Kind == UnitKind.Mention && mentions[_units[subject].Mention].Kind == MentionKind.Nominal
            && subject + 2 < to && _units[subject + 1].Kind == UnitKind.Word && text[Span(subject + 1)] is "of"
            && _units[subject + 2].Kind == UnitKind.Mention && IsName(subject + 2)
            && text[LastWord(mentions[_units[subject].Mention].Span)].Equals("voice", StringComparison.OrdinalIgnoreCase))
        {
            subject += 2;
            if (next <= subject) next = subject + 1;
        }
        // "replied the poet Syme": the name beside the description is the speaker.
        if (_units[subject].Kind == UnitKind.Mention && mentions[_units[subject].Mention].Kind == MentionKind.Nominal
            && subject + 1 < to && _units[subject + 1].Kind == UnitKind.Mention && IsName(subject + 1))
        {
            subject++;
            if (next == subject) next++;
        }
        int addressee = -1;
        bool byName = false;
        if (next < to && _units[next].Kind == UnitKind.Word && text[Span(next)] is "to") next++;
        if (next < to && _units[next].Kind == UnitKind.Mention && mentions[_units[next].Mention].Character >= 0)
        {
            var m = mentions[_units[next].Mention];
            // "said to me": the narration's "me" is the narrator.
            if (m.Kind != MentionKind.Pronoun || DialogueWords.ObjectPronouns.Contains(text[m.Span]) || text[m.Span] is "me")
                (addressee, byName) = (m.Character, m.Kind == MentionKind.Name);
        }
        if (_units[subject].Kind == UnitKind.Mention && mentions[_units[subject].Mention] is { Kind: MentionKind.Nominal, Character: < 0 } described)
            return new TagReading(AttributionMethod.Nominal, -1, addressee, true, _units[subject].Mention, LastWord(described.Span));
        // "said the man" of a man the cast knows only by that description: he speaks.
        if (_units[subject].Kind == UnitKind.Mention && mentions[_units[subject].Mention] is { Kind: MentionKind.Nominal, Character: >= 0 } person
            && cast is not null && cast[person.Character].Described)
            return new TagReading(AttributionMethod.Nominal, person.Character, addressee, true, _units[subject].Mention, LastWord(person.Span));
        var method = _units[subject].Kind == UnitKind.FirstPerson ? AttributionMethod.Narrator
            : mentions[_units[subject].Mention].Kind == MentionKind.Pronoun ? AttributionMethod.Pronoun : AttributionMethod.Explicit;
        return Reading(method, subject, addressee) with { Continues = DialogueWords.ContinuationVerbs.Contains(text[Span(verb)]), AddressedByName = byName,
            Replies = DialogueWords.ReplyVerbs.Contains(text[Span(verb)]), Hearer = hearer };
    }

    // "said the burly Moze", "said old Jolyon": a name after one or two lower-case words that are no prepositions.
    private int NameAfterWords(int from, int to)
    {
        for (int u = from; u < to && u < from + 3; u++)
        {
            if (_units[u].Kind == UnitKind.Mention) return u > from && IsName(u) ? u : -1;
            if (_units[u].Kind != UnitKind.Word) return -1;
            var w = text[Span(u)];
            if (!char.IsLower(w[0]) || IsPreposition(w)) return -1;
        }
        return -1;
    }

    private bool IsName(int u) => mentions[_units[u].Mention] is { Kind: MentionKind.Name, Character: >= 0 };

    private TextSpan LastWord(TextSpan span)
    {
        int end = span.End, start = end;
        while (start > span.Start && (char.IsLetter(text[start - 1]) || text[start - 1] == '-')) start--;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>
    /// "I can see Douglas there before the fire", "I remember Joe at the forge": after the narrator's "I" and a verb of
    /// perceiving (a word or two between), the person perceived is the one acting in the narration; -1 if there is none.
    /// </summary>
    private int Perceived(int first, int to)
    {
        for (int u = first + 1; u < to && u <= first + 3; u++)
        {
            if (_units[u].Kind != UnitKind.Word) return -1;
            if (!DialogueWords.PerceptionVerbs.Contains(text[Span(u)])) continue;
            int next = u + 1;
            return next < to && _units[next].Kind == UnitKind.Mention && mentions[_units[next].Mention] is { Kind: MentionKind.Name, Character: >= 0 } ? next : -1;
        }
        return -1;
    }

    private TagReading Reading(AttributionMethod method, int unit, int addressee)
    {
        // The narrator acting beside a line ("I turned to him.") is a beat; the narrator's own tag ("I said") says narrator.
        if (_units[unit].Kind == UnitKind.FirstPerson)
            return new TagReading(method == AttributionMethod.Beat ? AttributionMethod.Beat : AttributionMethod.Narrator, SpeakerFinder.NarratorId, addressee, true, -1);
        return new TagReading(method, mentions[_units[unit].Mention].Character, addressee, true, _units[unit].Mention);
    }

    /// <summary>
    /// The subject of the clause that holds the verb at <paramref name="verb"/>: the sentence's first subject, unless a
    /// later clause has its own ("Jack cracked his fingers and Father Arnall looked up and said", "..., and Mrs. Hilbery
    /// joined in, remarking:"), or the first one belongs to a clause that opens the sentence ("When Stephen could not
    /// answer Nasty Roche asked:"). Two subjects joined by "and" ("Jace and Alec said") are one: the first.
    /// </summary>
    private int ClauseSubject(int from, int verb)
    {
        int subject = FirstSubject(from, verb);
        if (subject < 0) return -1;
        bool subordinate = OpensWithSubordinator(from, subject);
        int main = -1; // while in a clause that "when", "as" joins mid-sentence, the subject before it
        for (int u = subject + 1; u < verb; u++)
        {
            if (_units[u].Kind == UnitKind.Word && main >= 0 && text[Span(u)] is "and" or "but" or "then" && (u + 1 >= verb || !IsSubject(u + 1)))
            {
                // "she looked dazed when he spoke to her, and then said": the main clause goes on.
                (subject, main) = (main, -1);
                continue;
            }
            if (!IsSubject(u)) continue;
            if (subordinate) { subject = u; subordinate = false; continue; }
            if (u - 1 > from && _units[u - 1].Kind == UnitKind.Word && DialogueWords.ClauseConjunctions.Contains(text[Span(u - 1)])
                && !JoinedSubjects(u - 2, u - 1))
                (subject, main) = (u, text[Span(u - 1)] is "and" or "but" or "then" or "so" or "yet" or "whereupon" ? -1 : subject);
        }
        return subject;
    }

    // Whether the words before the first subject open a subordinate clause: "When ...", "And as ...".
    private bool OpensWithSubordinator(int from, int subject)
    {
        for (int u = from; u < subject && u < from + 2; u++)
        {
            if (_units[u].Kind != UnitKind.Word) return false;
            var w = text[Span(u)];
            if (DialogueWords.Subordinators.Contains(w)) return true;
            if (!(w is "And" or "But" or "Then" or "and" or "but" or "then")) return false;
        }
        return false;
    }

    // "Jace and Alec": a subject right before the conjunction, with no comma between, shares its clause.
    private bool JoinedSubjects(int before, int conjunction)
    {
        if (before < 0 || !IsSubject(before)) return false;
        for (int i = _units[before].End; i < _units[conjunction].Start; i++)
            if (text[i] is ',' or ';' or ':') return false;
        return true;
    }

    private int FirstSubject(int from, int to)
    {
        for (int u = from; u < to; u++)
            if (IsSubject(u)) return u;
        return -1;
    }

    // A unit that can be the subject of a clause: "I", a name, a nominal, a subject pronoun.
    private bool IsSubject(int u)
    {
        var unit = _units[u];
        if (unit.Kind == UnitKind.FirstPerson) return true;
        if (unit.Kind != UnitKind.Mention) return false;
        // After a preposition a name is no subject ("turned to Magnus"); not one that ends the sentence before
        // ("needed breath to punctuate the punches with. She resurrected nothing but the cat.").
        if (u > 0 && _units[u - 1].Kind == UnitKind.Word && IsPreposition(text[Span(u - 1)]) && !SentenceEndsBetween(u - 1, u)) return false;
        var m = mentions[unit.Mention];
        if (m.Kind == MentionKind.Name && m.Character < 0) return false; // a place or a thing, not a person
        return m.Kind != MentionKind.Pronoun || DialogueWords.SubjectPronouns.Contains(text[m.Span]);
    }

    private bool IsSomeone(int u)
    {
        if (_units[u].Kind != UnitKind.Word) return false;
        var w = text[Span(u)];
        return w.Equals("another", StringComparison.OrdinalIgnoreCase) || w.Equals("somebody", StringComparison.OrdinalIgnoreCase)
               || w.Equals("someone", StringComparison.OrdinalIgnoreCase) || w.Equals("one", StringComparison.OrdinalIgnoreCase)
               || w.Equals("everybody", StringComparison.OrdinalIgnoreCase) || w.Equals("everyone", StringComparison.OrdinalIgnoreCase)
               || w.Equals("others", StringComparison.OrdinalIgnoreCase) || w.Equals("voice", StringComparison.OrdinalIgnoreCase);
    }

    private bool IsPossessive(int u)
    {
        if (_units[u].Kind != UnitKind.Mention) return false;
        var w = text[mentions[_units[u].Mention].Span];
        return w is "his" or "her" or "their" or "His" or "Her" or "Their";
    }

    private bool SentenceEndsBetween(int before, int after)
    {
        for (int i = _units[before].End; i < _units[after].Start; i++)
            if (text[i] is '.' or '!' or '?' or ';') return true;
        return false;
    }

    private TextSpan Span(int u) => TextSpan.FromBounds(_units[u].Start, _units[u].End);

    private static bool IsPreposition(ReadOnlySpan<char> w) =>
        w is "to" or "at" or "with" or "from" or "of" or "for" or "on" or "upon" or "by" or "towards" or "toward" or "about" or "into";
}
