using Fabula.Cast;
using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// Places and organisations (docs/json.md, <c>places</c>, <c>organizations</c>). A run of
/// capitalised words is a place when a place word ends it ("Misselthwaite Manor") or a place
/// preposition stands before it twice or more ("in London", "at Netherfield" — Data/cast/place-words.txt,
/// Data/world/place-prepositions.txt); an organisation when an organisation word is in it ("the East
/// India Company"). Every occurrence of an accepted name is counted. Rooms and buildings without a
/// name ("in the library") count when they recur. A scene is set where it puts characters most
/// often ("in", "at", "into" a place). Two passes over the runs, one over the tokens.
/// </summary>
public sealed class PlaceFinder : IStage
{
    private const int MinNamedCount = 2, MinPrepositions = 2, MinRoomCount = 3;

    private readonly record struct NameRun(int First, int Last, bool Preposition, bool Locative);

    private sealed class Candidate(string name, bool organization)
    {
        public readonly string Name = name;
        public readonly bool Organization = organization;
        public bool PlaceWord;
        public int Prepositions, Count;
        public bool Bare;
        public TextSpan First;
    }

    public void Run(Story story)
    {
        var view = WorldView.Of(story);
        var words = WorldTables.Shared;
        var text = story.Text;
        var inName = NameTokens(view);
        // The words of the characters' names: "a letter from Darcy" puts no place called Darcy on the map.
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (story.Find<CastList>() is { } cast)
            foreach (var c in cast.Characters)
                foreach (var a in c.Described ? [] : c.Aliases) // "the man" is no name
                {
                    aliases.Add(a.Text);
                    foreach (var part in a.Text.Split(' ', '.')) if (part.Length > 1) aliases.Add(part);
                }

        // Pass 1: runs of capitalised words, and rooms after a locative preposition.
        var runs = new List<NameRun>();
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var lookup = candidates.GetAlternateLookup<ReadOnlySpan<char>>();
        var rooms = new Dictionary<string, Candidate>(StringComparer.OrdinalIgnoreCase);
        var roomLookup = rooms.GetAlternateLookup<ReadOnlySpan<char>>();
        var locativeRooms = new List<(int Token, Candidate Room)>();
        // PERF: each table is asked only of the tokens whose word its screen marks (one array look-up a token).
        var prepositions = view.Screen(words.PlacePrepositions.Set);
        var roomWords = view.Screen(words.Rooms.Set);
        var notNames = view.Screen(words.NotNames.Set);
        var the = view.Screen(["the"]);
        var screens = new Screens(view.Screen(words.PlaceWords.Set), view.Screen(words.Titles.Set), view.Screen(words.NotPlaces.Set),
            view.Screen(words.OrganizationWords.Set));
        int n = view.Count;
        var types = view.Types;
        for (int i = 0; i < n; i++)
        {
            // PERF: a word that starts with a small letter and is no preposition before "the" starts neither a room
            // nor a name: those are passed in a loop of their own.
            if ((i = NextCandidate(types, view.Tokens, text.AsSpan(), prepositions, the, i)) >= n) break;
            if (types[i] < 0 && !view.IsWord(i)) continue;
            if (view.May(prepositions, i) && view.Is(i + 1, "the") && view.IsLower(i + 2) && view.May(roomWords, i + 2)
                && words.Rooms.Contains(view[i + 2]) && words.PlacePrepositions.Contains(view[i]))
            {
                int last = i + 2;
                if (view.Is(last + 1, "room")) last++;
                var span = TextSpan.FromBounds(view.Span(i + 1).Start, view.Span(last).End);
                if (!roomLookup.TryGetValue(text[span], out var room))
                {
                    string name = Normalize(text[span]).ToLowerInvariant();
                    if (!rooms.TryGetValue(name, out room)) rooms[name] = room = new Candidate(name, false) { First = span };
                }
                room.Count++;
                if (IsLocative(view, i)) locativeRooms.Add((i, room));
                continue;
            }
            if (!IsNameWord(view, i, inName) || view.May(notNames, i) && words.NotNames.Contains(view[i])) continue;
            int first = i, end = i;
            while (end + 1 < n && (IsNameWord(view, end + 1, inName) || view.Is(end + 1, "of") && IsNameWord(view, end + 2, inName) && !view.Is(end + 2, "the")))
                end += view.Is(end + 1, "of") ? 2 : 1;
            i = end;
            int before = view.Is(first - 1, "the") ? first - 2 : first - 1;
            bool preposition = view.IsWord(before) && view.IsLower(before) && view.May(prepositions, before) && words.PlacePrepositions.Contains(view[before]) && !view.Is(before, "of");
            bool townOf = view.Is(before, "of") && view.IsWord(before - 1) && view.May(screens.PlaceWords, before - 1) && words.PlaceWords.Contains(view[before - 1]);
            if (view.Initial[first] && !preposition && !townOf && first == end) continue;
            var run = new NameRun(first, end, preposition || townOf, preposition && IsLocative(view, before));
            runs.Add(run);
            if (view.May(screens.Titles, first) && words.Titles.Contains(view[first]) || view.May(notNames, first) && words.NotNames.Contains(view[first])
                || view.May(screens.NotPlaces, first) && words.NotPlaces.Contains(view[first])) continue;
            // "from Hugo Baskerville": a first name and a surname are a person, whatever the preposition.
            bool person = first < end && CastTables.Shared.FirstNames.ContainsKey(view[first]);
            bool organization = false;
            for (int k = first; k <= end; k++) organization |= view.May(screens.Organizations, k) && words.OrganizationWords.Contains(view[k]) && !view.Is(k, "of");
            bool placeWord = end > first && view.May(screens.PlaceWords, end) && words.PlaceWords.Contains(view[end]) || HasPlaceWordBeforeOf(view, first, end, words);
            if (!organization && !placeWord && (!run.Preposition || person)) continue;
            if (organization && first == end && !run.Preposition) continue;
            var runSpan = TextSpan.FromBounds(view.Span(first).Start, view.Span(end).End);
            if (!lookup.TryGetValue(text[runSpan], out var candidate))
            {
                string name = Normalize(text[runSpan]);
                if (!placeWord && !organization && (aliases.Contains(name) || name.EndsWith('s') && aliases.Contains(name.TrimEnd('s')) || name.EndsWith("es") && aliases.Contains(name[..^2]))) continue;
                if (!candidates.TryGetValue(name, out candidate)) candidates[name] = candidate = new Candidate(name, organization) { First = runSpan };
            }
            candidate.PlaceWord |= placeWord;
            if (run.Preposition) candidate.Prepositions++;
            candidate.Bare |= run.Preposition && !view.Is(first - 1, "the");
        }

        // Pass 2: count every run of an accepted name; the scenes' locative votes.
        int sceneCount = Math.Max(1, view.SceneCount);
        var votes = new Dictionary<Candidate, int>[sceneCount];
        foreach (var run in runs)
        {
            var span = TextSpan.FromBounds(view.Span(run.First).Start, view.Span(run.Last).End);
            if (!lookup.TryGetValue(text[span], out var candidate) && !(Spread(text[span]) && candidates.TryGetValue(Normalize(text[span]), out candidate))) continue;
            candidate.Count++;
            if (run.Locative) Vote(votes, view.SceneAt(run.First), candidate);
        }
        var places = new List<Candidate>();
        var organizations = new List<Organization>();
        foreach (var c in candidates.Values)
        {
            if (c.Organization) { organizations.Add(new Organization(c.Name, c.Count, c.First)); continue; }
            // A name put in a place only ever with "the" ("in the Magic") is a thing more often than a place.
            // And a place is named after a preposition often (a tenth of its mentions or more): "believe in
            // Magic" four times in eighty does not make the Magic a place.
            if (c.Count >= MinNamedCount && (c.PlaceWord || c.Prepositions >= MinPrepositions && c.Bare && c.Prepositions * 10 >= c.Count)) places.Add(c);
        }
        var keep = new HashSet<Candidate>(places);
        foreach (var room in rooms.Values) if (room.Count >= MinRoomCount) keep.Add(room);
        foreach (var (token, room) in locativeRooms) if (keep.Contains(room)) Vote(votes, view.SceneAt(token), room, weight: 0);

        // Each scene's place: the named place most often put there, else the room.
        var scenePlaces = new string?[view.SceneCount];
        var scenesOf = new Dictionary<Candidate, List<int>>();
        for (int s = 0; s < view.SceneCount; s++)
        {
            if (votes[s] is not { } tally) continue;
            Candidate? best = null;
            int bestVotes = 0;
            foreach (var (c, v) in tally)
                if (keep.Contains(c) && (v > bestVotes || v == bestVotes && best is not null && c.First.Start < best.First.Start)) (best, bestVotes) = (c, v);
            if (best is null) continue;
            scenePlaces[s] = best.Name;
            if (!scenesOf.TryGetValue(best, out var list)) scenesOf[best] = list = [];
            list.Add(s);
        }
        var result = new List<Place>();
        foreach (var c in keep)
            result.Add(new Place(c.Name, rooms.ContainsKey(c.Name) && rooms[c.Name] == c ? "room" : "named", c.Count, scenesOf.GetValueOrDefault(c) ?? [], c.First));
        result.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.First.Start.CompareTo(b.First.Start));
        organizations.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.First.Start.CompareTo(b.First.Start));
        story.Set(new Setting(result, organizations, scenePlaces));
    }

    // The first token at or after i that is not a word of a known type, no preposition, starting with a small letter; or types.Length.
    // A preposition counts only before "the" (a word typed "the", or one the cast stage did not type).
    private static int NextCandidate(ReadOnlySpan<int> types, ReadOnlySpan<Structure.Token> tokens, ReadOnlySpan<char> text, bool[] prepositions, bool[] the, int i)
    {
        for (; (uint)i < (uint)types.Length && (uint)i < (uint)tokens.Length; i++)
        {
            int t = types[i];
            if (t < 0 || text[tokens[i].Span.Start] is not (>= 'a' and <= 'z')) return i;
            if (prepositions[t] && (i + 1 == types.Length || types[i + 1] is not (int next and >= 0) || the[next])) return i;
        }
        return types.Length;
    }

    /// <summary>The screens (<see cref="WorldView.Screen"/>) of the tables asked of the runs of names.</summary>
    private readonly record struct Screens(bool[] PlaceWords, bool[] Titles, bool[] NotPlaces, bool[] Organizations);

    // Named places outweigh rooms: a room's vote counts a thousandth of a name's.
    private static void Vote(Dictionary<Candidate, int>[] votes, int scene, Candidate c, int weight = 1000)
    {
        var tally = votes[scene] ??= [];
        tally[c] = tally.GetValueOrDefault(c) + Math.Max(1, weight);
    }

    // "in", "at", "into", "inside", "within", "near": where someone is, not where they come from or pass.
    private static bool IsLocative(WorldView view, int preposition) =>
        view.Is(preposition, "in") || view.Is(preposition, "at") || view.Is(preposition, "into") || view.Is(preposition, "inside")
        || view.Is(preposition, "within") || view.Is(preposition, "near");

    private static bool IsNameWord(WorldView view, int i, bool[] inName)
    {
        if (!view.IsWord(i) || inName[i]) return false;
        var w = view[i];
        return w.Length > 1 && char.IsUpper(w[0]) && !(w.Length > 3 && view.IsAllCaps(i)) && w[^1] != '.';
    }

    private static bool HasPlaceWordBeforeOf(WorldView view, int first, int end, WorldTables words)
    {
        for (int k = first + 1; k < end; k++)
            if (view.Is(k, "of")) return words.PlaceWords.Contains(view[k - 1]);
        return false;
    }

    private static bool[] NameTokens(WorldView view)
    {
        var inName = new bool[view.Count];
        foreach (var m in view.Mentions)
        {
            if (m.Kind != MentionKind.Name || m.Character < 0) continue;
            // PERF: the mention's first token by a binary search, not a walk along all the tokens.
            int t = view.FirstStartingAtOrAfter(m.Span.Start);
            for (int k = t; k < view.Count && view.Span(k).End <= m.Span.End; k++) inName[k] = true;
        }
        return inName;
    }

    private static bool Spread(ReadOnlySpan<char> name) => name.IndexOfAny('\n', '\r', '\t') >= 0 || name.Contains("  ", StringComparison.Ordinal);

    // A name spread over a line break reads as one: whitespace runs become single spaces.
    private static string Normalize(ReadOnlySpan<char> name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        bool space = false;
        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
