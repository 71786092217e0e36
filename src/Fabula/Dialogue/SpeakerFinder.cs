using Fabula.Cast;
using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// The dialogue stage: who says each quotation and to whom. Reads the Quotation, Paragraph, Scene and
/// Mention layers and the cast; adds the <see cref="Attribution"/> layer (one per quotation) and the
/// <see cref="Conversation"/> layer, and replaces the Mention layer with one that also holds the
/// first- and second-person pronouns inside quotations (I/me/my: the speaker; you/your: the addressee).
/// <para>
/// Evidence, strongest first: a speech tag with a name ("said Alec") or a pronoun ("he whispered")
/// in the narration right after or before the quotation; a tag in the same paragraph (a quotation
/// split by its tag, or continued, keeps its speaker); the person acting in the paragraph (a beat);
/// a line calling a parent ("No, papa,"): the present person whose father the cast knows (<see cref="KinVocatives"/>);
/// in a run of paragraphs of speech, the one addressed by name or kin word in the previous turn, then turn-taking
/// (A, B, A, B). A first-person narrator's lines ("I said") go to the cast's narrator (<see cref="CastList.Narrator"/>).
/// Linear: one pass over the quotations and the narration beside them, then passes over the turns.
/// </para>
/// </summary>
public sealed class SpeakerFinder : IStage
{
    /// <summary>Below this confidence the speaker is left unknown (-1; null in the JSON).</summary>
    public const float MinConfidence = 0.25f;

    /// <summary>Internal speaker id of a first-person narrator ("I said"), the cast's narrator at the end (none when the cast has none).</summary>
    internal const int NarratorId = -2;

    // Internal ids at and below this one are people a tag names whom the cast does not know, one per turn.
    private const int Unnamed = -10;

    // Confidence of each kind of evidence; inferred attributions lose a share per step.
    private const float ExplicitConfidence = 0.95f, PronounConfidence = 0.85f, NominalConfidence = 0.6f, VagueNominalConfidence = 0.45f, NarratorConfidence = 0.9f,
        BeatConfidence = 0.7f, ParagraphBeforeConfidence = 0.55f, PartnerFactor = 0.8f, ContinuationFactor = 0.95f, VocativeConfidence = 0.75f, TurnFactor = 0.95f;

    public void Run(Story story)
    {
        var quotes = story.Layer<Quotation>();
        var mentions = story.Layer<Mention>();
        int n = quotes.Count;
        var speaker = new int[n];
        var addressee = new int[n];
        var vocative = new int[n];
        var confidence = new float[n];
        var method = new AttributionMethod[n];
        var partner = new int[n]; // the one a line is most likely said to: its addressee, else a first-person narrator the narration just showed, else the last other person named
        var calledAway = new bool[n]; // a line calls by name someone the narration has never shown (no one present to answer)
        var cast = story.Get<CastList>();
        var reader = new SpeechTagReader(story.Text, mentions, cast);
        var vocatives = new VocativeReader(story.Text, mentions, cast);

        // 1. The narration beside each quotation: a tag after it, else a tag or a beat before it.
        var recent = new RecentPeople { Teller = cast.Narrator };
        var households = new Households(cast);
        var kin = new KinVocatives(story.Text, mentions, quotes, cast, households);
        var kinCall = new int[n]; // where a line calls someone "papa", "aunt" (the word's start), or -1
        var kinCalled = new int[n]; // the one that word calls whoever says it ("aunt": Aunt Polly; "mamma": the narrator's mother), or -1
        var kinPresent = new Dictionary<int, int[]>(); // for such a line, the people present when it is said
        var calledPresent = new Dictionary<int, int[]>(); // for an untagged line that calls someone by name, the people present
        var spokenOf = new SpokenOf(story.Text, mentions);
        var lists = new NameLists(story.Text, mentions);
        var namingPresent = new Dictionary<int, int[]>(); // for a line that speaks of someone by name, the people present
        var paragraphs = story.Layer<Paragraph>();
        int seenParagraph = 0; // the paragraph of the mention being read, or the one before it
        int tellerShown = -1; // where the narration last said "I" of the first-person narrator
        int nextMention = 0, lastSpeaker = -1, lastCalled = -1, lastParagraph = -2, lastTag = -1;
        for (int k = 0; k < n; k++)
        {
            for (; nextMention < mentions.Count && mentions[nextMention].Span.Start < quotes[k].Span.Start; nextMention++)
            {
                var seen = mentions[nextMention];
                while (seenParagraph + 1 < paragraphs.Count && paragraphs[seenParagraph].Span.End <= seen.Span.Start) seenParagraph++;
                bool inLines = k > 0 && seen.Span.Start < quotes[k - 1].Span.End;
                if (seen.Character >= 0) recent.Mentioned(seen.Character, seen.Span.Start, inLines);
                if (inLines) continue; // a name said in a line is no one present
                // A name, or a description the cast resolved ("their father"), or "the doctor" for the present Dr. Archie.
                // "I bowed to the portrait of Countess Amelia": a name after "of" is someone spoken of, not someone present.
                if (seen.Kind == MentionKind.Name && AfterOf(story.Text, seen.Span.Start)) { }
                else if (seen.Kind is MentionKind.Name or MentionKind.Nominal && seen.Character >= 0 && !lists.Listed(nextMention))
                    recent.Saw(seen.Character, seen.Span.Start, StartsSentence(story.Text, seen.Span.Start, paragraphs[seenParagraph].Span.Start));
                // "I never had an idea of replying to it": a first-person narrator the narration just before a line shows.
                else if (seen.Kind == MentionKind.Pronoun)
                    tellerShown = ShownTeller(story.Text, seen, recent.Teller, tellerShown);
                else if (seen.Kind == MentionKind.Nominal)
                    recent.SawTitled(cast, story.Text[seen.Span], seen.Span.Start, StartsSentence(story.Text, seen.Span.Start, paragraphs[seenParagraph].Span.Start));
            }
            if (quotes[k].Paragraph > lastParagraph + 1) lastSpeaker = lastCalled = -1; // narration between: no previous turn
            // A paragraph of speech that goes on into narration ("said Tom. Tom took off his coat. He climbed slowly."), or a
            // line after three sentences of narration in its own paragraph, ends the exchange: the next line may be the same
            // person's again, and the one the last line called by name need not answer it.
            else if (quotes[k].Paragraph > lastParagraph && k > 0 && SentencesBetween(story.Text, quotes[k - 1].Span.End, quotes[k].Span.Start) >= 3) lastSpeaker = lastCalled = -1;
            recent.Teller = cast.NarratorAt(quotes[k].Span.Start);
            var reading = reader.ReadAfter(QuotationContext.NarrationAfter(story, k));
            int called = -1; // the one the line calls by name, whoever says it (when asked below)
            bool fromParagraphBefore = false, vague = false;
            if (reading.Method is AttributionMethod.None or AttributionMethod.Beat)
            {
                var before = reader.ReadBefore(IntroductionBefore(story, k, out bool introduced));
                // A tag in the paragraph before, not introducing the line with a colon, is only a beat: it does not outweigh one after the line.
                if (before.Method != AttributionMethod.None && (reading.Method == AttributionMethod.None || before.Method != AttributionMethod.Beat && introduced))
                    (reading, fromParagraphBefore) = (before, !introduced && before.Found);
            }
            // A narration paragraph just before a line, ending without a colon, is a weaker beat.
            if (fromParagraphBefore) reading = reading with { Method = AttributionMethod.Beat, Addressee = -1 };
            // "The parson looked down at him. / 'Where do we lie, parson?'": the one acting whom the line calls is spoken to, not speaking.
            if (reading.Method == AttributionMethod.Beat && reading.Speaker >= 0 && vocatives.Find(quotes[k].Span, -1) == reading.Speaker)
                reading = TagReading.None;
            // Within one paragraph the line before is the same turn: no previous speaker, no one it called.
            bool sameTurn = k > 0 && quotes[k - 1].LastParagraph == quotes[k].Paragraph; // the line before is this turn's
            int previousTurn = quotes[k].Paragraph == lastParagraph ? -1 : lastSpeaker, calledBefore = quotes[k].Paragraph == lastParagraph ? -1 : lastCalled;
            if (reading.Mention >= 0 && reading.Mention == lastTag)
                // The tag between the halves of a split quotation, read again; but a second half that calls the first one's
                // speaker by name ("'..., observed Fergus. 'Nonsense, Fergus!'") is someone else's.
                reading = (called = vocatives.Find(quotes[k].Span, -1)) >= 0 && called == speaker[k - 1] ? TagReading.None : reading with { Speaker = speaker[k - 1] };
            // A beat's pronoun ("He nodded.") the cast gave to someone the narration has not shown lately is read as a tag's is.
            else if (reading.Mention >= 0 && (reading.Method == AttributionMethod.Pronoun || reading.Method == AttributionMethod.Beat
                     && mentions[reading.Mention].Kind == MentionKind.Pronoun && !recent.Shows(reading.Speaker, mentions[reading.Mention].Span.Start, quotes[k].Span.Start)))
                reading = reading with { Speaker = recent.Choose(cast, story.Text[mentions[reading.Mention].Span], reading.Speaker,
                    previousTurn, calledBefore,
                    (called = vocatives.Find(quotes[k].Span, -1)), quotes[k].Span.Start, story.Layer<Paragraph>()[quotes[k].Paragraph].Span.Start,
                    reading.AddressedByName ? reading.Addressee : reading.Hearer, reading.Continues && k > 0 ? speaker[k - 1] : -1, reading.Replies, mentions[reading.Mention].Span.Start,
                    vocatives.CalledFamily(quotes[k].Span), sameTurn ? speaker[k - 1] : -1, sameTurn ? quotes[k - 1].Span.Start : int.MaxValue) };
            else if (reading.Method == AttributionMethod.Nominal && reading.Speaker < 0)
            {
                reading = reading with { Speaker = Described(story.Text, cast, recent, households, reading.Noun,
                    previousTurn, calledBefore,
                    (called = vocatives.Find(quotes[k].Span, -1)), quotes[k].Span.Start, out vague) };
                if (reading.Speaker < 0 && IsVoice(story.Text, reading.Noun)) reading = reading with { Speaker = VoiceOwner(story, mentions, cast, k) };
            }
            // "The doctor took up the lamp.": a beat's description the cast left to no one is read as a tag's is.
            else if (reading.Method == AttributionMethod.Beat && reading.Speaker < 0 && reading.Mention >= 0
                     && mentions[reading.Mention].Kind == MentionKind.Nominal && HeadNoun(story.Text, mentions[reading.Mention].Span) is { IsEmpty: false } head)
                reading = reading with { Speaker = Described(story.Text, cast, recent, households, head,
                    previousTurn, calledBefore,
                    (called = vocatives.Find(quotes[k].Span, -1)), quotes[k].Span.Start, out vague) is var described && !vague ? described : -1 };
            kinCall[k] = kin.Find(quotes[k].Span);
            kinCalled[k] = -1;
            if (kinCall[k] >= 0)
            {
                kinPresent[k] = recent.PresentPeople(quotes[k].Span.Start);
                kinCalled[k] = kin.Called(kinCall[k], -1, kinPresent[k]);
                // A line no narration attributes that calls a parent ("No, papa, nobody thought of your walking"),
                // in answer to no one called by name, is said by the latest present person whose father (the married head of the family) is in the scene.
                bool answers = quotes[k].Paragraph != lastParagraph && lastCalled >= 0;
                if (reading.Method == AttributionMethod.None && !answers && kin.ChildCalling(kinCall[k], kinPresent[k]) is var child and >= 0
                    && (child != lastSpeaker || quotes[k].Paragraph == lastParagraph))
                    reading = reading with { Method = AttributionMethod.Vocative, Speaker = child };
            }
            speaker[k] = reading.Speaker;
            lastTag = reading.Mention;
            if (reading.Speaker >= 0) recent.Spoke(reading.Speaker, quotes[k].Span.Start);
            if (quotes[k].Paragraph != lastParagraph) lastSpeaker = reading.Method == AttributionMethod.None ? -1 : reading.Speaker;
            lastParagraph = quotes[k].LastParagraph;
            addressee[k] = reading.Addressee;
            method[k] = reading.Method;
            confidence[k] = reading.Method switch
            {
                AttributionMethod.Explicit => ExplicitConfidence,
                AttributionMethod.Pronoun => PronounConfidence,
                AttributionMethod.Nominal => vague ? VagueNominalConfidence : NominalConfidence,
                AttributionMethod.Narrator => NarratorConfidence,
                AttributionMethod.Beat => fromParagraphBefore ? ParagraphBeforeConfidence : BeatConfidence,
                AttributionMethod.Vocative => VocativeConfidence * PartnerFactor,
                _ => 0,
            };
            if (reading.Speaker == -1) confidence[k] *= 0.5f; // someone unnamed, or a pronoun the cast could not resolve
            // PERF: the one called, found above, is also the one called other than the speaker unless it is the speaker.
            vocative[k] = called >= 0 && called != speaker[k] ? called : vocatives.Find(quotes[k].Span, speaker[k]);
            if (vocative[k] < 0 && kinCall[k] >= 0 && kin.Called(kinCall[k], speaker[k], kinPresent[k]) is var elder and >= 0) vocative[k] = elder;
            calledAway[k] = vocative[k] >= 0 && vocative[k] != recent.Teller && !recent.EverSeen(vocative[k]);
            if (addressee[k] < 0) addressee[k] = vocative[k];
            // A line said just after narration that shows the first-person narrator is said to them, unless they say it.
            partner[k] = addressee[k] >= 0 ? addressee[k]
                : tellerShown > (k > 0 ? quotes[k - 1].Span.End : -1) && recent.Teller >= 0 && speaker[k] >= 0 && speaker[k] != recent.Teller ? recent.Teller
                : recent.Other(speaker[k], quotes[k].Span.Start);
            if (spokenOf.NamesAnyone(quotes[k].Span)) namingPresent[k] = recent.PresentPeople(quotes[k].Span.Start);
            if (reading.Method == AttributionMethod.None && vocative[k] >= 0) calledPresent[k] = recent.PresentPeople(quotes[k].Span.Start);
            if (quotes[k].Paragraph != (k > 0 ? quotes[k - 1].LastParagraph : -1)) lastCalled = -1;
            if (vocative[k] >= 0) lastCalled = vocative[k];
        }

        var turns = Turns(quotes);
        // A first-person narrator is "I", never "he" or "the man": such a tag means someone else.
        for (int k = 0; k < n; k++)
            if (speaker[k] >= 0 && method[k] is AttributionMethod.Pronoun or AttributionMethod.Nominal && speaker[k] == cast.NarratorAt(quotes[k].Span.Start)) speaker[k] = -1;
        SpreadInTurns(turns, speaker, confidence, method, vocative, calledPresent, kinCalled);
        TakeTurns(turns, speaker, addressee, vocative, partner, confidence, method, kin, kinCall, kinPresent, calledAway);
        BrokenExchanges.Fill(turns, speaker, addressee, vocative, partner, confidence, method, calledPresent);
        OpeningLines.Fill(story, mentions, cast, speaker, vocative, confidence, method);
        // A line given by turns, a beat or a vocative to someone it speaks of by name ("let Mr. Beebe eat his dinner") is the
        // latest other person's present when it is said, not the one it calls or speaks of.
        foreach (var (k, present) in namingPresent)
            if (method[k] is AttributionMethod.TurnTaking or AttributionMethod.Beat or AttributionMethod.Vocative && spokenOf.Names(quotes[k].Span, speaker[k]))
                foreach (int c in present)
                    if (c != speaker[k] && c != vocative[k] && c != addressee[k] && !spokenOf.Names(quotes[k].Span, c)) { speaker[k] = c; break; }
        // "'I am Mary Lennox,' said the little girl": a described speaker a line names is that character.
        NamedStrangers.Apply(story.Text, mentions, quotes, cast, speaker, addressee, vocative, partner, calledAway, method, confidence);

        var attributions = new List<Attribution>(n);
        for (int k = 0; k < n; k++)
        {
            int narrator = speaker[k] == NarratorId || addressee[k] == NarratorId ? cast.NarratorAt(quotes[k].Span.Start) : -1;
            int s = speaker[k] == NarratorId ? narrator : speaker[k];
            int a = addressee[k] == NarratorId ? narrator : addressee[k];
            if (confidence[k] < MinConfidence) s = -1;
            if (a == s) a = -1;
            attributions.Add(new Attribution(quotes[k].Span, k, s, a, confidence[k], s < 0 && method[k] != AttributionMethod.Narrator ? AttributionMethod.None : method[k]));
        }
        story.Add(attributions);
        story.Add(Conversations(story, quotes, attributions));
        story.Replace(QuotationPronouns.AddTo(story.Text, mentions, quotes, attributions), allowOverlap: true);
    }

    /// <summary>
    /// Whom a tag's description means ("said his wife", "the old man asked"), or -1: a married head
    /// of the family of the one "his"/"her" stands for ("his wife" after Mr. Bennet's line is Mrs.
    /// Bennet); else the present person titled so ("said the doctor": Dr. Archie); else the present
    /// person of the noun's gender, chosen as for "she said". An indefinite
    /// description ("said a tall woman") is someone new.
    /// </summary>
    private static int Described(StoryText text, CastList cast, RecentPeople recent, Households households, TextSpan noun,
        int previousSpeaker, int calledBefore, int called, int at, out bool vague)
    {
        vague = false;
        if (noun.IsEmpty) return -1;
        var before = Determiner(text, noun.Start);
        if (before is "a" or "an" or "A" or "An" or "another" or "Another" or "one" or "One") return -1;
        // "said the doctor": the present person the text calls Doctor (or Dr.).
        if (recent.LatestTitled(cast, text[noun], previousSpeaker, called, at) is var titled and >= 0) return titled;
        // "answered the artist": a noun of no gender means whoever is present, as a weaker guess.
        if (!DialogueWords.PronounOfNoun(text[noun], out var pronoun))
        {
            if (!Cast.CastTables.Shared.PersonNouns.Contains(text[noun])) return -1;
            vague = true;
            return recent.Choose(cast, "", -1, previousSpeaker, calledBefore, called, at);
        }
        string? ownerSet = before is "his" or "His" ? "he/him" : before is "her" or "Her" ? "she/her" : null;
        if (ownerSet is not null)
        {
            // "said her mother": the mother of the last speaker, of the one this line or the last one called
            // by name, or of the latest person present, whichever is of a family with a married head.
            int head = Head(previousSpeaker);
            if (head < 0) head = Head(called);
            if (head < 0) head = Head(calledBefore);
            if (head < 0) head = Head(recent.Latest(cast, ownerSet, at));
            if (head >= 0) return head;
        }
        return recent.Choose(cast, pronoun, -1, previousSpeaker, calledBefore, called, at);

        int Head(int owner) => owner >= 0 && cast[owner].Pronouns == ownerSet ? households.Head(cast, owner, text[noun]) : -1;
    }

    // "cried a terrible voice", "said a voice in her ear": a voice the tag brings in, someone not yet shown.
    private static bool IsVoice(StoryText text, TextSpan noun) =>
        !noun.IsEmpty && text[noun].Equals("voice", StringComparison.OrdinalIgnoreCase) && Determiner(text, noun.Start) is "a" or "A";

    /// <summary>
    /// Whose a voice is ("'Hold your noise!' cried a terrible voice, as a man started up from among the graves"): the narration
    /// shows its owner next, the first described person it mentions after the line, in the line's paragraph or the two after; or -1.
    /// </summary>
    private static int VoiceOwner(Story story, SpanLayer<Mention> mentions, CastList cast, int k)
    {
        var quotes = story.Layer<Quotation>();
        var paragraphs = story.Layer<Paragraph>();
        int end = paragraphs[Math.Min(paragraphs.Count - 1, quotes[k].LastParagraph + 2)].Span.End;
        for (int m = mentions.FirstStartingAtOrAfter(quotes[k].Span.End); m < mentions.Count && mentions[m].Span.Start < end; m++)
            if (mentions[m] is { Kind: MentionKind.Nominal, Character: >= 0 } seen && cast[seen.Character].Described) return seen.Character;
        return -1;
    }

    // The last word of a definite description ("the old doctor", "his wife"), else empty.
    private static TextSpan HeadNoun(StoryText text, TextSpan description)
    {
        int first = description.Start;
        while (first < description.End && char.IsLetter(text[first])) first++;
        var article = text[TextSpan.FromBounds(description.Start, first)];
        if (article is not ("the" or "The" or "his" or "His" or "her" or "Her")) return default;
        int start = description.End;
        while (start > first && char.IsLetter(text[start - 1])) start--;
        return start > first ? TextSpan.FromBounds(start, description.End) : default;
    }

    // How many sentences of narration end between two lines (up to 3); a title's stop ("Mr. Bennet") ends none.
    private static int SentencesBetween(StoryText text, int from, int to)
    {
        int count = 0;
        for (int i = from; i < to && count < 3; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || i + 1 >= to || text[i + 1] is not (' ' or '\n' or '\r')) continue;
            int word = i;
            while (word > from && char.IsLetter(text[word - 1])) word--;
            if (text[i] == '.' && i - word is > 0 and <= 3 && char.IsUpper(text[word])) continue;
            count++;
        }
        return count;
    }

    // The article or possessive of a description ("a loud voice", "his young interlocutor"), over up to two
    // lower-case words between it and the noun; else the word just before the noun.
    private static ReadOnlySpan<char> Determiner(StoryText text, int noun)
    {
        int at = noun;
        for (int words = 0; words < 3; words++)
        {
            var word = WordBefore(text, at);
            if (word.IsEmpty) break;
            if (IsDeterminer(word)) return word;
            if (!char.IsLower(word[0])) break;
            while (at > 0 && text[at - 1] == ' ') at--;
            at -= word.Length;
        }
        return WordBefore(text, noun);
    }

    private static bool IsDeterminer(ReadOnlySpan<char> w) =>
        w is "a" or "an" or "A" or "An" or "another" or "Another" or "one" or "One" or "the" or "The" or "his" or "His" or "her" or "Her";

    // Where a pronoun mention of the narration shows the first-person narrator (I, me, my, mine, myself; not we, us, our), else where one last did.
    // PERF: the first letter tells them apart; a call of its own keeps the main loop small.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int ShownTeller(StoryText text, Mention seen, int teller, int last) =>
        seen.Character >= 0 && seen.Character == teller && text[seen.Span.Start] is 'I' or 'm' or 'M' ? seen.Span.Start : last;

    // The word just before a position, skipping spaces.
    private static ReadOnlySpan<char> WordBefore(StoryText text, int at)
    {
        int end = at;
        while (end > 0 && text[end - 1] == ' ') end--;
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text[TextSpan.FromBounds(start, end)];
    }

    /// <summary>
    /// The narration before quotation <paramref name="k"/> in its paragraph; or, when the quotation
    /// opens its paragraph, the narration paragraph just before it (<paramref name="introduced"/> when
    /// it ends with a colon and introduces the line: "So he said:").
    /// </summary>
    private static TextSpan IntroductionBefore(Story story, int k, out bool introduced)
    {
        introduced = true;
        var before = QuotationContext.NarrationBefore(story, k);
        if (!before.IsEmpty) return before;
        var quotes = story.Layer<Quotation>();
        int p = quotes[k].Paragraph;
        if (p == 0 || k > 0 && quotes[k - 1].LastParagraph >= p - 1) return before;
        var previous = story.Layer<Paragraph>()[p - 1].Span;
        var text = story.Text;
        int end = previous.End;
        while (end > previous.Start && char.IsWhiteSpace(text[end - 1])) end--;
        introduced = end > previous.Start && text[end - 1] == ':';
        return TextSpan.FromBounds(previous.Start, end);
    }

    // Whether a word opens a sentence or a paragraph of narration: after . ! ? or at the paragraph's start; a line break
    // within a paragraph (hard-wrapped text: "which poor\nMr Lake, the drawing-master, was") is only a space.
    // A short opening phrase and a comma before it count as the sentence's start too ("After a pause, Lord Henry
    // pulled out his watch.", "Concerning that night's ride, the man spoke"): up to four words, only the first capitalised.
    private static bool StartsSentence(StoryText text, int at, int paragraphStart)
    {
        int i = SkipSpaces(text, at, paragraphStart);
        if (i <= paragraphStart || text[i - 1] is '.' or '!' or '?') return true;
        if (OpensWithJoiningWord(text, i, paragraphStart)) return true;
        if (text[i - 1] != ',') return false;
        i--;
        for (int words = 0; words < 4; words++)
        {
            i = SkipSpaces(text, i, paragraphStart);
            int end = i;
            // A word may hold an apostrophe ("night's").
            while (i > 0 && (char.IsLetter(text[i - 1]) || i > 1 && text[i - 1] is '\'' or '’' && char.IsLetter(text[i - 2]))) i--;
            if (i == end) return false;
            int j = SkipSpaces(text, i, paragraphStart);
            if (j <= paragraphStart || text[j - 1] is '.' or '!' or '?') return true;
            // Only the sentence's first word is capitalised: "Alec and Jem, Magnus said" has a name in it.
            if (!char.IsLetter(text[j - 1]) || char.IsUpper(text[i])) return false;
        }
        return false;
    }

    // Whether the word before a position is "of" ("the portrait of Countess Amelia").
    private static bool AfterOf(StoryText text, int at)
    {
        int i = at;
        while (i > 0 && text[i - 1] is ' ' or '\t' or '\n' or '\r') i--;
        return i >= 2 && text[i - 1] == 'f' && text[i - 2] == 'o' && (i == 2 || !char.IsLetter(text[i - 3]));
    }

    // Back over spaces and line breaks, not past the paragraph's start.
    private static int SkipSpaces(StoryText text, int i, int paragraphStart)
    {
        while (i > paragraphStart && text[i - 1] is ' ' or '\t' or '\n' or '\r') i--;
        return i;
    }

    // "Then Jack Lawton cracked his fingers", "As the doctor crossed the room": a capitalised joining word or
    // subordinator that opens the sentence, just before the name.
    private static bool OpensWithJoiningWord(StoryText text, int end, int paragraphStart)
    {
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        if (start == end || !char.IsUpper(text[start])) return false;
        var word = text[TextSpan.FromBounds(start, end)];
        if (!(word is "And" or "But" or "Then" or "So" or "Now" or "Yet") && !DialogueWords.Subordinators.Contains(word)) return false;
        int i = SkipSpaces(text, start, paragraphStart);
        return i <= paragraphStart || text[i - 1] is '.' or '!' or '?';
    }

    /// <summary>A turn: the quotations of one paragraph (or of a run of paragraphs one quotation spans).</summary>
    internal readonly record struct Turn(int First, int Last, int FirstParagraph, int LastParagraph);

    private static List<Turn> Turns(SpanLayer<Quotation> quotes)
    {
        var turns = new List<Turn>();
        for (int k = 0; k < quotes.Count;)
        {
            int last = k;
            while (last + 1 < quotes.Count && quotes[last + 1].Paragraph == quotes[last].LastParagraph) last++;
            turns.Add(new Turn(k, last, quotes[k].Paragraph, quotes[last].LastParagraph));
            k = last + 1;
        }
        return turns;
    }

    // Within a turn, a tag speaks for the untagged quotations ("Yes," said Alec. "I'll go."); with no tag, a beat does.
    // A line that calls the tagged speaker by name ("Charlotte, you mustn't spoil me" beside "said Miss Bartlett") is not theirs:
    // it answers them, and is said by the latest other person present whom it does not call ("Nonsense, Fergus! But isn't it
    // strange, mamma?" after Fergus's line, with Fergus, his mother and Rose at the table: Rose).
    private static void SpreadInTurns(List<Turn> turns, int[] speaker, float[] confidence, AttributionMethod[] method, int[] vocative,
        Dictionary<int, int[]> calledPresent, int[] kinCalled)
    {
        foreach (var turn in turns)
        {
            if (turn.First == turn.Last) continue;
            int best = -1;
            for (int k = turn.First; k <= turn.Last; k++)
                if (method[k] != AttributionMethod.None && (best < 0 || Rank(method[k]) > Rank(method[best]) || Rank(method[k]) == Rank(method[best]) && confidence[k] > confidence[best]))
                    best = k;
            if (best < 0) continue;
            for (int k = turn.First; k <= turn.Last; k++)
            {
                if (Rank(method[k]) >= Rank(method[best])) continue;
                if (vocative[k] >= 0 && vocative[k] == speaker[best])
                {
                    if (speaker[k] == -1 && method[k] == AttributionMethod.None && calledPresent.TryGetValue(k, out var present))
                        foreach (int c in present)
                            if (c != speaker[best] && c != kinCalled[k])
                            {
                                (speaker[k], confidence[k], method[k]) = (c, confidence[best] * PartnerFactor * PartnerFactor, AttributionMethod.Vocative);
                                break;
                            }
                    continue;
                }
                speaker[k] = speaker[best];
                confidence[k] = confidence[best] * ContinuationFactor;
                method[k] = AttributionMethod.Continuation;
            }
        }
    }

    private static int Rank(AttributionMethod m) => m switch
    {
        AttributionMethod.Explicit or AttributionMethod.Pronoun or AttributionMethod.Nominal or AttributionMethod.Narrator => 3,
        AttributionMethod.Beat => 2,
        AttributionMethod.None => 0,
        _ => 1,
    };

    /// <summary>
    /// Runs of turns in consecutive paragraphs are exchanges: an untagged turn is said by the one the
    /// previous turn addressed by name, else by the speaker two turns back when the last two differ
    /// (A, B, A, B), or, when that turn ended with another's line, by that other; read forwards, then backwards for the
    /// lines before the first tag. Forwards, one called by a name
    /// the narration has never shown (<paramref name="calledAway"/>: someone only talked of, or a name the cast did not join
    /// to the one present) does not answer.
    /// </summary>
    private static void TakeTurns(List<Turn> turns, int[] speaker, int[] addressee, int[] vocative, int[] partner, float[] confidence, AttributionMethod[] method,
        KinVocatives kin, int[] kinCall, Dictionary<int, int[]> kinPresent, bool[] calledAway)
    {
        int t = turns.Count;
        var who = new int[t];
        var sure = new float[t];
        var known = new bool[t];
        for (int i = 0; i < t; i++)
        {
            who[i] = -1;
            for (int k = turns[i].First; k <= turns[i].Last; k++)
                if (method[k] != AttributionMethod.None && confidence[k] > sure[i])
                {
                    // Someone the tag names but the cast does not know ("said the parson") still takes a turn.
                    who[i] = speaker[k] == -1 ? Unnamed - i : speaker[k];
                    sure[i] = speaker[k] == -1 ? Math.Min(confidence[k] * 2, ExplicitConfidence) : confidence[k];
                }
            known[i] = who[i] != -1;
        }
        bool Adjacent(int a, int b) => turns[b].FirstParagraph == turns[a].LastParagraph + 1;
        int VocativeOf(int i, bool answering = false)
        {
            for (int k = turns[i].First; k <= turns[i].Last; k++)
                if (vocative[k] >= 0 && vocative[k] != who[i] && !(answering && calledAway[k])) return vocative[k];
            // "Uncle, you are not looking well": the uncle of the one now known to say it.
            for (int k = turns[i].First; k <= turns[i].Last && who[i] >= 0; k++)
                if (kinCall[k] >= 0 && kin.Called(kinCall[k], who[i], kinPresent[k]) is var elder and >= 0) return elder;
            return -1;
        }
        int PartnerOf(int i)
        {
            for (int k = turns[i].First; k <= turns[i].Last; k++)
                if (partner[k] >= 0 && partner[k] != who[i]) return partner[k];
            return -1;
        }
        var inferred = new AttributionMethod[t];
        int LastWho(int i)
        {
            for (int k = turns[i].Last; k > turns[i].First; k--)
                if (speaker[k] >= 0 && method[k] != AttributionMethod.None) return speaker[k];
            return who[i];
        }
        int OwnVocative(int i)
        {
            for (int k = turns[i].First; k <= turns[i].Last; k++)
                if (vocative[k] >= 0) return vocative[k];
            return -1;
        }
        // Forwards, backwards, and forwards again: a turn the backward pass settled ("Uncle, ..." is
        // Florence's, as the next line calls her) lets the turn after it be read.
        for (int pass = 0; pass < 3; pass++)
        {
            bool forward = pass != 1;
            for (int step = 0; step < t; step++)
            {
                int i = forward ? step : t - 1 - step;
                if (who[i] != -1) continue;
                int p1 = forward ? i - 1 : i + 1, p2 = forward ? i - 2 : i + 2;
                if (p1 < 0 || p1 >= t || !(forward ? Adjacent(p1, i) : Adjacent(i, p1))) continue;
                // Forwards, the one the previous turn called by name answers; backwards, the one the
                // next turn calls by name has just spoken ("I'm not well, Florence." after Florence's line).
                int called = VocativeOf(p1, answering: forward);
                int own = OwnVocative(i); // a line that calls someone by name is not said by them
                if (called >= 0 && called != who[p1] && called != own)
                {
                    float from = who[p1] != -1 ? sure[p1] * TurnFactor : VocativeConfidence * PartnerFactor;
                    (who[i], sure[i], inferred[i]) = (called, Math.Min(forward ? VocativeConfidence : VocativeConfidence * PartnerFactor, from), AttributionMethod.Vocative);
                    continue;
                }
                bool chained = p2 >= 0 && p2 < t && (forward ? Adjacent(p2, p1) : Adjacent(p1, p2)) && who[p2] != -1;
                if (who[p1] == -1)
                {
                    // A, ?, A: the turn between is unknown, but the exchange still alternates.
                    if (chained && who[p2] != own)
                        (who[i], sure[i], inferred[i]) = (who[p2], sure[p2] * TurnFactor * TurnFactor, AttributionMethod.TurnTaking);
                    continue;
                }
                bool pair = p2 >= 0 && p2 < t && (forward ? Adjacent(p2, p1) : Adjacent(p1, p2)) && who[p2] != -1 && who[p2] != who[p1];
                // A, B, C, ?: two tagged answers to A, each by someone else ("'Impossible!' cried my mother. / 'Preposterous!'
                // shrieked Fergus."), are reactions: A, whom both answered, goes on.
                int p3 = i - 3;
                if (forward && pair && p3 >= 0 && known[p2] && known[i - 3] && Adjacent(p3, p2) && who[p3] >= 0 && who[p2] >= 0 && who[p1] >= 0
                    && who[p3] != who[p2] && who[p3] != who[p1] && who[p3] != own)
                {
                    (who[i], sure[i], inferred[i]) = (who[p3], Math.Min(sure[p1], sure[p3]) * TurnFactor * TurnFactor, AttributionMethod.TurnTaking);
                    continue;
                }
                // A turn two back that ends with another's line ("observed Fergus. 'Nonsense, Fergus!'") was last spoken by that other.
                int last = !pair ? -1 : forward ? LastWho(p2) : who[p2];
                if (pair && last != who[p1] && last != own)
                    (who[i], sure[i], inferred[i]) = (last, Math.Min(sure[p1], sure[p2]) * TurnFactor, AttributionMethod.TurnTaking);
                else if (pair && who[p2] != own)
                    (who[i], sure[i], inferred[i]) = (who[p2], Math.Min(sure[p1], sure[p2]) * TurnFactor, AttributionMethod.TurnTaking);
                else if (!pair && PartnerOf(p1) is var other && other != -1 && other != who[p1] && other != own)
                    // No turn before that: the one the last speaker was talking to answers.
                    (who[i], sure[i], inferred[i]) = (other, sure[p1] * PartnerFactor, AttributionMethod.TurnTaking);
            }
        }
        // Across one paragraph of narration, a line that calls by name the one the last speaker was talking
        // to is that speaker's again ("Tom, you didn't undo your collar?" / He opened his jacket. / "Bother! ... I forgive ye, Tom.").
        for (int i = 1; i < t; i++)
        {
            if (who[i] != -1 || turns[i].FirstParagraph != turns[i - 1].LastParagraph + 2 || who[i - 1] < 0) continue;
            int own = OwnVocative(i);
            if (own >= 0 && own != who[i - 1] && VocativeOf(i - 1) == own)
                (who[i], sure[i], inferred[i]) = (who[i - 1], sure[i - 1] * PartnerFactor, AttributionMethod.Vocative);
        }
        for (int i = 0; i < t; i++)
        {
            var turn = turns[i];
            if (!known[i] && who[i] != -1)
                for (int k = turn.First; k <= turn.Last; k++)
                    if (method[k] == AttributionMethod.None || speaker[k] == -1)
                        (speaker[k], confidence[k], method[k]) = who[i] <= Unnamed ? (-1, 0, AttributionMethod.None) : (who[i], sure[i], inferred[i]);
            // Addressee: in an exchange, the other party of the neighbouring turn.
            int other = -1;
            if (i > 0 && Adjacent(i - 1, i) && who[i - 1] != -1 && who[i - 1] != who[i]) other = who[i - 1];
            else if (i + 1 < t && Adjacent(i, i + 1) && who[i + 1] != -1 && who[i + 1] != who[i]) other = who[i + 1];
            if (other == -1 || who[i] == -1 || other <= Unnamed) continue;
            for (int k = turn.First; k <= turn.Last; k++)
                if (addressee[k] == -1) addressee[k] = other;
        }
    }

    /// <summary>
    /// Quotations with no more than three paragraphs of narration between them, in one scene, are
    /// one conversation; its participants are the speakers and addressees known in it.
    /// </summary>
    private static List<Conversation> Conversations(Story story, SpanLayer<Quotation> quotes, List<Attribution> attributions)
    {
        var found = new List<Conversation>();
        var sceneOf = new int[quotes.Count];
        if (story.Has<Scene>())
        {
            var scenes = story.Layer<Scene>();
            for (int k = 0, s = 0; k < quotes.Count; k++)
            {
                while (s + 1 < scenes.Count && scenes[s].Span.End <= quotes[k].Span.Start) s++;
                sceneOf[k] = s;
            }
        }
        var people = new List<int>();
        int first = 0;
        for (int k = 0; k <= quotes.Count; k++)
        {
            bool ends = k == quotes.Count || k > first && (quotes[k].Paragraph - quotes[k - 1].LastParagraph > 4
                                                           || sceneOf[k] != sceneOf[k - 1]);
            if (!ends) continue;
            if (k - first >= 2)
            {
                people.Clear();
                for (int q = first; q < k; q++)
                {
                    if (attributions[q].Speaker >= 0 && !people.Contains(attributions[q].Speaker)) people.Add(attributions[q].Speaker);
                    if (attributions[q].Addressee >= 0 && !people.Contains(attributions[q].Addressee)) people.Add(attributions[q].Addressee);
                }
                people.Sort();
                found.Add(new Conversation(TextSpan.FromBounds(quotes[first].Span.Start, quotes[k - 1].Span.End), [.. people]));
            }
            first = k;
        }
        return found;
    }
}
