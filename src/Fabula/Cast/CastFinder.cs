using System.Runtime.InteropServices;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// The cast stage: finds the names of people, groups them into characters, merges spelling
/// variants, learns each character's pronouns from the text, and resolves pronouns and nominal
/// mentions. Adds the <see cref="Mention"/> layer and the <see cref="CastList"/>.
/// </summary>
public sealed class CastFinder : IStage
{
    public void Run(Story story)
    {
        var view = new TokenView(story);
        var tables = CastTables.Shared;
        var types = new WordTypes(view, tables);
        var names = NameFinder.Find(view, types);
        var isPerson = WeighPersons(view, types, names, tables);
        var (characterOf, characters) = new CharacterBuilder().Build(view, types, names, isPerson);
        var findings = story.Find<ConsistencyFindings>() ?? new ConsistencyFindings();
        SpellingVariants.Merge(view, names, characterOf, isPerson, characters, findings);
        var narration = NarratorFinder.Find(view, types, story, names, characterOf, characters);
        int narrator = AddNarrator(narration, names, characterOf, characters);
        // Stretches told by an "I" the text does not name (the opening scenes of a story otherwise told in the third person).
        var stretches = narration.Stretches;
        int unnamed = -1;
        for (int s = 0; s < stretches.Count; s++)
        {
            if (stretches[s].Teller >= 0) continue;
            if (unnamed < 0) characters.Add(new Character(unnamed = characters.Count) { Name = "the narrator", Narrator = true });
            stretches[s] = stretches[s] with { Teller = unnamed };
        }

        // People the text only describes ("the man") join the cast after the named, so that pronouns may resolve to them
        // and a pronoun beside them is no vote for a named character's set.
        var nominals = NominalMentions.Find(view, types, names, characters);
        int named = characters.Count;
        var priors = new string?[named];
        for (int c = 0; c < named; c++) priors[c] = PriorSet(characters[c]);
        var describedSets = DescribedPeople.Find(story, view, types, names, characterOf, priors, nominals, characters);
        describedSets.AddRange(NarratorKin.Find(view, narrator, nominals, names, characterOf, characters));

        // Pronoun sets: the pronouns the text uses of each character, learnt from the pronouns that
        // have one possible antecedent; the name prior is only the default.
        var prominent = Prominent(characterOf, characters.Count);
        var votes = PronounVotes(view, types, names, characterOf, nominals, characters);
        var sets = new string?[characters.Count];
        for (int c = 0; c < named; c++) sets[c] = ChooseSet(votes[c], PriorSet(characters[c]), characters[c].TitledPrior);
        for (int d = 0; d < describedSets.Count; d++) sets[named + d] = describedSets[d];

        var mentions = new List<Mention>(names.Count * 3);
        for (int m = 0; m < names.Count; m++)
            if (characterOf[m] >= 0)
                mentions.Add(new Mention(names[m].Span, MentionKind.Name, characterOf[m]));
        Read(view, types, names, characterOf, nominals, prominent, sets, characters, mentions);
        foreach (var nominal in nominals) mentions.Add(NominalMentions.AsMention(view, nominal));
        // The narration's I, me, my, myself and mine: the narrator (inside quotations they are the speaker's, for the dialogue stage).
        // In a stretch another character tells, its "I"s are that character's.
        if (narrator >= 0 || stretches.Count > 0)
            for (int i = 0, s = 0; i < narration.FirstPerson.Count; i++)
            {
                int t = narration.FirstPerson[i];
                while (s < stretches.Count && stretches[s].EndToken <= t) s++;
                int teller = s < stretches.Count && stretches[s].FirstToken <= t ? stretches[s].Teller : narrator;
                if (teller >= 0) mentions.Add(new Mention(view.Tokens[t].Span, MentionKind.Pronoun, teller));
            }
        var told = new List<NarratorStretch>(stretches.Count);
        foreach (var stretch in stretches)
        {
            characters[stretch.Teller].Narrator = true;
            int end = stretch.EndToken < view.Count ? view.Tokens[stretch.EndToken].Span.Start : story.Text.Length;
            told.Add(new NarratorStretch(TextSpan.FromBounds(stretch.FirstToken < view.Count ? view.Tokens[stretch.FirstToken].Span.Start : end, end), characters[stretch.Teller]));
        }

        var ordered = Finish(story, characters, sets, mentions);
        story.Add(Renumber(mentions, ordered), allowOverlap: true);
        story.Set(new CastList(ordered, narrator >= 0 ? characters[narrator] : null, told));
        story.Set(findings);
        story.Set(view);   // the relation stage reads the same token view,
        story.Set(types);  // and the world stages the same words
    }

    /// <summary>
    /// The narrator of a first-person narration: the character the text names as the narrator (another
    /// name of the narrator merged into it), else a new character with no name; -1 for a narration that is not first-person.
    /// </summary>
    private static int AddNarrator(NarratorFinder.Narration narration, List<NameMention> names, int[] characterOf, List<Character> characters)
    {
        if (!narration.IsFirstPerson) return -1;
        if (narration.Named.Count == 0)
        {
            characters.Add(new Character(characters.Count) { Name = "the narrator", Narrator = true });
            return characters.Count - 1;
        }
        // The name used most is the narrator's name; the others are aliases ("Macumazahn" of "Allan Quatermain").
        var uses = new int[characters.Count];
        foreach (int c in characterOf) if (c >= 0) uses[c]++;
        int main = narration.Named[0];
        foreach (int c in narration.Named) if (uses[c] > uses[main]) main = c;
        foreach (int other in narration.Named)
        {
            if (other == main) continue;
            for (int m = 0; m < names.Count; m++) if (characterOf[m] == other) characterOf[m] = main;
            characters[main].Aliases.AddRange(characters[other].Aliases);
            characters[other].Aliases.Clear();
            characters[main].Aliases.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Text, b.Text));
        }
        characters[main].Narrator = true;
        return main;
    }

    /// <summary>
    /// Counts, for each character, the pronouns that can only be about it: outside dialogue, with that
    /// character the only one named in the pronoun's sentence and the sentence before whose name does
    /// not already rule the pronoun out ("Elizabeth and the Colonel walked on. He ..." counts for the
    /// Colonel, since the name prior makes Elizabeth "she"). A name said in a line is no one beside the
    /// narration's pronouns ("Where is Sparrow?" said he. / She came in at last).
    /// </summary>
    private static Dictionary<string, int>[] PronounVotes(TokenView view, WordTypes types, List<NameMention> names, int[] characterOf,
                                                          List<NominalMention> nominals, List<Character> characters)
    {
        var votes = new Dictionary<string, int>[characters.Count];
        for (int c = 0; c < votes.Length; c++) votes[c] = [];
        var recent = new List<(int Character, int Sentence)>();
        int protagonist = -1;
        var named = new int[characters.Count];
        foreach (int c in characterOf) if (c >= 0 && ++named[c] > (protagonist >= 0 ? named[protagonist] : 0)) protagonist = c;
        string? protagonistSet = protagonist >= 0 ? PriorSet(characters[protagonist]) : null;
        int subject = -1, subjectSentence = -1;
        var walk = new NamesAndPronouns(names, types.PronounTokens);
        int nominal = 0;
        while (walk.Next(out int i, out int m))
        {
            // A described person ("the man") stands beside the pronouns as a named one does.
            for (; nominal < nominals.Count && nominals[nominal].FirstToken < i; nominal++)
                if (nominals[nominal].Chained && view.QuotationOf[nominals[nominal].FirstToken] < 0)
                    Named(nominals[nominal].Character, nominals[nominal].FirstToken);
            if (m >= 0)
            {
                if (characterOf[m] >= 0 && view.QuotationOf[i] < 0) Named(characterOf[m], i);
                continue;
            }
            int sentence = view.SentenceOf[i];
            if (view.QuotationOf[i] >= 0) continue;
            var pronoun = types.Pronouns[types.TypeOf[i]];
            // An object is seldom the one named beside it ("Wren taught her"): objects do not vote.
            if (pronoun.Case == PronounCase.Object && !PronounResolver.IsPossessiveHer(view, types, i)) continue;
            // The protagonist is the antecedent of many a pronoun without being named near it.
            bool protagonistFits = protagonistSet == pronoun.Set && !Contains(recent, protagonist);
            int only = protagonistFits ? protagonist : -1, possible = protagonistFits ? 1 : 0, nearby = 0, last = -1;
            foreach (var (c, s) in recent)
            {
                if (s < sentence - 1) continue;
                nearby++;
                last = c;
                string? prior = PriorSet(characters[c]);
                if (prior is not null && prior != pronoun.Set) continue;
                only = c;
                possible++;
            }
            // One character named, and nobody else it could be: "xe" (or any pronoun of a name with no prior) is
            // its pronoun. A "he" or a plural "they" beside a "Mrs." or a "Mary" is about someone else: no vote.
            if (nearby == 1 && !protagonistFits && (pronoun.Set is not ("he/him" or "she/her" or "they/them") || PriorSet(characters[last]) is null))
            { only = last; possible = 1; }
            // "Old Wren lay at the foot of the stairs with a cut above his eye", "when Wren died in his sleep": a possessive
            // in a sentence whose one name is its subject is the subject's, even against a first name's prior.
            if (subjectSentence == sentence && subject >= 0 && !characters[subject].TitledPrior
                && (pronoun.Case is PronounCase.Possessive or PronounCase.Reflexive || PronounResolver.IsPossessiveHer(view, types, i)))
            { only = subject; possible = 1; }
            if (possible == 1) CollectionsMarshal.GetValueRefOrAddDefault(votes[only], pronoun.Set, out _)++;
        }
        return votes;

        void Named(int c, int i)
        {
            int sentence = view.SentenceOf[i];
            // PERF: a loop, not RemoveAll with a lambda (a closure per name mention).
            int kept = 0;
            for (int r = 0; r < recent.Count; r++)
                if (recent[r].Character != c && recent[r].Sentence >= sentence - 1) recent[kept++] = recent[r];
            recent.RemoveRange(kept, recent.Count - kept);
            recent.Add((c, sentence));
            if (subjectSentence != sentence)
            {
                subjectSentence = sentence;
                // "Old Wren", "Then Wren": after a capitalised word opening the sentence, still its subject.
                bool afterOpening = i > 0 && view.Initial[i - 1] && view.IsCapitalized(i - 1) && view.SentenceOf[i - 1] == sentence;
                subject = afterOpening || PronounResolver.IsSubjectPosition(view, i) ? c : -1;
            }
            else if (subject != c) subject = -1;
        }
    }

    private static bool Contains(List<(int Character, int Sentence)> recent, int character)
    {
        foreach (var (c, _) in recent)
            if (c == character) return true;
        return false;
    }

    // Second-person and first-person pronouns inside quotations belong to the dialogue stage.
    private static void Read(TokenView view, WordTypes types, List<NameMention> names, int[] characterOf, List<NominalMention> nominals,
                             bool[] prominent, string?[] sets, List<Character> characters, List<Mention> mentions)
    {
        var nameCounts = new int[prominent.Length];
        foreach (int c in characterOf) if (c >= 0) nameCounts[c]++;
        var resolver = new PronounResolver(view, types, prominent.Length, sets, prominent, nameCounts, names, characterOf);
        var (speaker, addressee) = SpeakersByParagraph(view, types, names, characterOf);
        var walk = new NamesAndPronouns(names, types.PronounTokens);
        int nominal = 0;
        while (walk.Next(out int i, out int m))
        {
            // A described person's mentions ("the man") are met as names are: a pronoun after them may be theirs.
            for (; nominal < nominals.Count && nominals[nominal].FirstToken < i; nominal++)
                if (nominals[nominal].Chained && view.QuotationOf[nominals[nominal].FirstToken] < 0)
                    resolver.Saw(nominals[nominal].Character, nominals[nominal].FirstToken);
            if (m >= 0)
            {
                if (characterOf[m] >= 0) resolver.Saw(characterOf[m], names[m].NameStart);
                continue;
            }
            var span = view.Tokens[i].Span;
            if (char.IsUpper(view.Text[span.Start]) && !view.Initial[i]) continue; // "Her Majesty", a heading
            // Inside a quotation, "he" and "she" are neither the one speaking ("I") nor the one spoken to ("you").
            var pronoun = types.Pronouns[types.TypeOf[i]];
            int p = view.ParagraphOf[i];
            bool quoted = view.QuotationOf[i] >= 0;
            int c = resolver.Resolve(i, pronoun, quoted ? speaker[p] : -1, quoted ? addressee[p] : -1);
            mentions.Add(new Mention(span, MentionKind.Pronoun, c));
            if (c >= 0) CollectionsMarshal.GetValueRefOrAddDefault(characters[c].PronounCounts, pronoun.Set, out _)++;
        }
    }

    /// <summary>
    /// The name mentions and the pronouns outside them, in text order, as a pass over every token meets them
    /// (a name's tokens skipped). PERF: the pronoun passes visit these, not every token.
    /// </summary>
    private struct NamesAndPronouns(List<NameMention> names, int[] pronouns)
    {
        private int _name, _pronoun, _next;

        /// <summary>The next name (its index in <paramref name="name"/>) or pronoun (name -1) at <paramref name="token"/>.</summary>
        public bool Next(out int token, out int name)
        {
            while (_pronoun < pronouns.Length && pronouns[_pronoun] < _next) _pronoun++;
            // A name starting inside one already passed would never be met (names do not overlap).
            int nameAt = _name < names.Count && names[_name].FirstToken >= _next ? names[_name].FirstToken : int.MaxValue;
            int pronounAt = _pronoun < pronouns.Length ? pronouns[_pronoun] : int.MaxValue;
            if (nameAt <= pronounAt && nameAt != int.MaxValue)
            {
                (token, name) = (nameAt, _name);
                _next = names[_name++].LastToken + 1;
                return true;
            }
            name = -1;
            token = pronounAt;
            if (pronounAt == int.MaxValue) return false;
            _next = pronounAt + 1;
            return true;
        }
    }

    /// <summary>
    /// For each paragraph, the character named beside a speech verb outside its quotations ("said Mrs.
    /// Bennet"), and one named as a vocative inside them ("My dear Mr. Bennet, ..."), or -1.
    /// </summary>
    private static (int[] Speaker, int[] Addressee) SpeakersByParagraph(TokenView view, WordTypes types, List<NameMention> names, int[] characterOf)
    {
        int paragraphs = view.Count == 0 ? 0 : view.ParagraphOf[view.Count - 1] + 1;
        var speaker = new int[paragraphs];
        var addressee = new int[paragraphs];
        Array.Fill(speaker, -1);
        Array.Fill(addressee, -1);
        for (int m = 0; m < names.Count; m++)
        {
            int c = characterOf[m];
            if (c < 0) continue;
            int first = names[m].FirstToken, before = first - 1, after = names[m].LastToken + 1, p = view.ParagraphOf[first];
            if (view.QuotationOf[first] < 0)
            {
                if (speaker[p] < 0 && (types.Is(before, WordFlags.SpeechVerb) || types.Is(after, WordFlags.SpeechVerb)))
                    speaker[p] = c;
            }
            else if (addressee[p] < 0 && (view.Is(after, ',') || view.Is(after, '!') || view.Is(after, '?')) && (view.Is(before, ',') || before >= 0 && view.Initial[first]))
                addressee[p] = c;
        }
        return (speaker, addressee);
    }

    private static bool[] WeighPersons(TokenView view, WordTypes types, List<NameMention> names, CastTables tables)
    {
        var evidence = new Dictionary<string, PersonEvidence>(StringComparer.Ordinal);
        var evidenceOf = new PersonEvidence[names.Count]; // PERF: each mention's evidence kept, not looked up again by its form
        for (int m = 0; m < names.Count; m++)
        {
            var name = names[m];
            if (!evidence.TryGetValue(name.Form, out var e))
            {
                e = new PersonEvidence();
                foreach (var word in name.Form.Split(' '))
                    if (tables.PlaceWords.Contains(word)) e.PlaceWord = true;
                e.FirstName = tables.FirstNames.ContainsKey(name.Form.Split(' ')[0]);
                evidence[name.Form] = e;
            }
            evidenceOf[m] = e;
            e.Uses++;
            if (name.Titled)
            {
                e.Titled++;
                // "St. Paul", "St. Petersburg": a title that also begins the names of places.
                if (tables.PlaceWords.Contains(view[name.FirstToken].TrimEnd('.'))) e.PlaceTitled++;
            }
            int before = name.FirstToken - 1, after = name.LastToken + 1;
            bool sameSentenceBefore = before >= 0 && view.SentenceOf[before] == view.SentenceOf[name.FirstToken];
            if (sameSentenceBefore && view.IsWord(before))
            {
                if (types.Is(before, WordFlags.SpeechVerb)) e.SpeechVerb++;
                if (types.Is(before, WordFlags.PlacePreposition) || IsAfterPlaceWord(view, tables, before)) e.PlacePreposition++;
                if (view[before].Equals("the", StringComparison.OrdinalIgnoreCase)) e.Article++;
                // "my friend Blakeney", "her sister Rose": a word for a person, in lower case, before the name.
                else if (types.Is(before, WordFlags.PersonNoun) && char.IsLower(view[before][0])) e.Apposed++;
                // "whose name was Blakeney", "a man named Tringham": the name given as a name (not "the town called Shaston").
                else if (view[before] is "named" or "called" && !IsAfterPlaceWord(view, tables, before)
                         || view[before] is "was" or "is" && before > 0 && view[before - 1] is "name") e.Named++;
            }
            if (types.Is(after, WordFlags.SpeechVerb)) e.SpeechVerb++;
            else if (after < view.Count && view.IsWord(after) && (types.Is(after, WordFlags.SubjectVerb) || IsPastTense(view[after]))) e.Subject++;
            else if (after + 1 < view.Count && view.Is(after, ',') && view[after + 1] is "who") e.Who++;
            if (view.QuotationOf[name.FirstToken] >= 0 && after < view.Count
                && (view.Is(after, ',') || view.Is(after, '!') || view.Is(after, '?'))
                && (!sameSentenceBefore || view.Is(before, ',') || view.Tokens[before].Kind == Structure.TokenKind.Quote))
                e.Vocative++;
        }
        // "Misselthwaite" beside "Misselthwaite Manor": a place's name, alone.
        foreach (var (form, e) in evidence)
            if (e.PlaceWord && form.IndexOf(' ') is int space and > 0 && evidence.TryGetValue(form[..space], out var alone)
                && alone.Titled == 0 && alone.SpeechVerb == 0 && alone.Vocative == 0 && !alone.FirstName)
                alone.PlaceWord = true;
        // "Magnus Bane walked in" once, "said Magnus" often: a full name that begins with a person's name is
        // that person's, unless a preposition or "the" places it, or a place word ends it ("Ada Lane" may be a
        // street) with no verb of its own.
        foreach (var (form, e) in evidence)
        {
            if (e.IsPerson || e.Titled > 0 || form.IndexOf(' ') is not (int space and > 0)) continue;
            if (!evidence.TryGetValue(form[..space], out var alone) || !alone.IsPerson) continue;
            if (e.PlacePreposition > 0 || e.Article > 0 || e.PlaceWord && e.Subject + e.SpeechVerb + e.Vocative + e.Who == 0) continue;
            e.ExtendsPerson = true;
        }
        // "the Ambersons": the plural of a person's surname, after "the", is a family of people.
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (form, e) in evidence)
            if (e.IsPerson || e.ExtendsPerson || e.Titled > 0) surnames.Add(form[(form.LastIndexOf(' ') + 1)..]);
        foreach (var (form, e) in evidence)
            if (!e.IsPerson && e.Article > 0 && form.Length > 4 && form[^1] == 's' && form.IndexOf(' ') < 0
                && (surnames.Contains(form[..^1]) || form.EndsWith("es", StringComparison.Ordinal) && surnames.Contains(form[..^2])))
                e.Family = true;
        var isPerson = new bool[names.Count];
        for (int m = 0; m < names.Count; m++)
        {
            var e = evidenceOf[m];
            isPerson[m] = e.IsPerson || e.Family || e.ExtendsPerson || names[m].Titled && !e.PlaceWord && !e.IsPlaceTitled;
        }
        return isPerson;
    }

    // "the town of Shaston", "the hill-town called Shaston": a place's name given after "of", "called" or "named"
    // that follows a word for a place in lower case.
    private static bool IsAfterPlaceWord(TokenView view, CastTables tables, int link)
    {
        if (view[link] is not ("of" or "called" or "named") || link == 0 || !view.IsWord(link - 1)) return false;
        var word = view[link - 1];
        return char.IsLower(word[0]) && tables.PlaceWords.Contains(word[(word.LastIndexOf('-') + 1)..]);
    }

    // "Powell packed": a lower-case past tense in -ed after the name (or a common verb of subject-verbs.txt).
    private static bool IsPastTense(ReadOnlySpan<char> word) => word.Length > 3 && char.IsLower(word[0]) && word.EndsWith("ed");

    private static bool[] Prominent(int[] characterOf, int count)
    {
        var mentions = new int[count];
        foreach (int c in characterOf) if (c >= 0) mentions[c]++;
        var prominent = new bool[count];
        var order = Enumerable.Range(0, count).OrderByDescending(c => mentions[c]).Take(2);
        foreach (int c in order) prominent[c] = mentions[c] > 0;
        return prominent;
    }

    private static string? PriorSet(Character c) => c.Family ? "they/them" : c.Prior switch
    {
        Gender.Male => "he/him",
        Gender.Female => "she/her",
        _ => null,
    };

    /// <summary>The set most of the text's pronouns for a character belong to, when they are enough to outweigh the name prior.</summary>
    internal static string? ChooseSet(Dictionary<string, int> votes, string? prior, bool titledPrior = false)
    {
        // "they" is mostly plural: it names a character's pronouns only when it outnumbers the rest twice over.
        int they = votes.GetValueOrDefault("they/them"), others = 0;
        foreach (var (set, n) in votes) if (set != "they/them") others += n;
        if (they >= 3 && they > 2 * others) return "they/them";
        string? best = null;
        int bestVotes = 0, total = 0;
        foreach (var (set, n) in votes)
        {
            if (set == "they/them") continue;
            total += n;
            if (n > bestVotes || n == bestVotes && string.CompareOrdinal(set, best) < 0) { best = set; bestVotes = n; }
        }
        if (best is null) return prior;
        // A "Mrs." is "she" whatever "he" stands beside her name; only another kind of pronoun ("xe") outweighs a title.
        if (titledPrior && prior is not null && best is "he/him" or "she/her") return prior;
        // The text overrides the prior when its pronouns clearly agree with each other.
        bool clear = bestVotes >= 2 && bestVotes * 10 >= total * 6;
        if (prior is null) return bestVotes >= 2 && bestVotes * 10 >= total * 6 ? best : null;
        return clear ? best : prior;
    }

    private static List<Character> Finish(Story story, List<Character> characters, string?[] sets, List<Mention> mentions)
    {
        foreach (var m in mentions)
        {
            if (m.Character < 0) continue;
            var c = characters[m.Character];
            if (c.MentionCount == 0 || m.Span.Start < c.FirstMention.Start) c.FirstMention = m.Span;
            if (c.MentionCount == 0 || m.Span.Start > c.LastMention.Start) c.LastMention = m.Span;
            c.MentionCount++;
            if (m.Kind == MentionKind.Name) c.NameMentions++;
        }
        for (int i = 0; i < characters.Count; i++) characters[i].Pronouns = sets[i];
        var ordered = characters.Where(c => c.NameMentions > 0 || (c.Narrator || c.Described) && c.MentionCount > 0)
            .OrderByDescending(c => c.MentionCount).ThenBy(c => c.FirstMention.Start).ToList();
        // The narrator's "I"s would dwarf everyone else's mentions: the others are weighed among themselves, and the narrator is main.
        int top = 0;
        foreach (var c in ordered) if (!c.Narrator) top = Math.Max(top, c.MentionCount);
        // Main: a quarter of the most mentioned character's mentions, and ten mentions (half the top's
        // in a story too short for ten).
        int mainFloor = Math.Min(10, top / 2);
        foreach (var c in ordered)
            c.Importance = c.Narrator || c.MentionCount * 4 >= top && c.MentionCount >= mainFloor ? Importance.Main
                : c.MentionCount * 20 >= top && c.MentionCount >= 5 ? Importance.Secondary : Importance.Minor;
        return ordered;
    }

    private static List<Mention> Renumber(List<Mention> mentions, List<Character> ordered)
    {
        // PERF: the new index of each old one in an array (characters are numbered from 0), not a dictionary.
        int count = 0;
        foreach (var c in ordered) count = Math.Max(count, c.Index + 1);
        foreach (var m in mentions) count = Math.Max(count, m.Character + 1);
        var newIndex = new int[count];
        Array.Fill(newIndex, -1);
        for (int i = 0; i < ordered.Count; i++) { newIndex[ordered[i].Index] = i; ordered[i].Renumber(i); }
        var result = new List<Mention>(mentions.Count);
        foreach (var m in mentions)
            result.Add(m with { Character = m.Character >= 0 ? newIndex[m.Character] : -1 });
        return InTextOrder(result);
    }

    /// <summary>
    /// The mentions by start, the longer first at one start. PERF: they come as a few runs already in that
    /// order (names, pronouns, nominals), so the runs are merged in linear time rather than sorted.
    /// </summary>
    internal static List<Mention> InTextOrder(List<Mention> mentions)
    {
        var runs = new List<int> { 0 };
        for (int i = 1; i < mentions.Count; i++)
            if (Compare(mentions[i - 1], mentions[i]) > 0) runs.Add(i);
        runs.Add(mentions.Count);
        var from = mentions;
        var to = new List<Mention>(mentions.Count);
        while (runs.Count > 2)
        {
            to.Clear();
            var merged = new List<int> { 0 };
            for (int r = 0; r + 1 < runs.Count; r += 2)
            {
                int a = runs[r], aEnd = runs[r + 1], b = aEnd, bEnd = r + 2 < runs.Count ? runs[r + 2] : aEnd;
                while (a < aEnd && b < bEnd) to.Add(Compare(from[b], from[a]) < 0 ? from[b++] : from[a++]);
                while (a < aEnd) to.Add(from[a++]);
                while (b < bEnd) to.Add(from[b++]);
                merged.Add(to.Count);
            }
            (from, to, runs) = (to, from, merged);
        }
        return from;

        static int Compare(in Mention x, in Mention y) =>
            x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : y.Span.Length.CompareTo(x.Span.Length);
    }
}
