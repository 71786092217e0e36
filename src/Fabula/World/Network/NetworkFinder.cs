using System.Runtime.InteropServices;
using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.World.Network;

/// <summary>
/// The network stage: who is named in each scene (the Scene and Mention layers), and from that and
/// the dialogue stage's layers, when present (Conversation, Attribution), how often each pair of
/// characters shares a scene, a conversation, or a quotation one says to the other. One pass over
/// the mentions, the conversations and the attributions; pairs only among the few characters of a scene.
/// </summary>
public sealed class NetworkFinder : IStage
{
    // PERF: a chapter-long scene of a novel without scene breaks may name a hundred people; pairs
    // are counted only among the most named of a scene, so a scene costs at most this squared.
    private const int MaxPairedPerScene = 24;

    public void Run(Story story)
    {
        var cast = story.Find<CastList>();
        var scenes = story.Layer<Scene>().Items;
        int count = cast?.Count ?? 0;
        var sceneCharacters = new int[scenes.Length][];
        var scenesOf = new int[count];
        var pairs = new Dictionary<long, (int Scenes, int Conversations, int Quotes)>();
        if (cast is null || !story.Has<Mention>())
        {
            for (int s = 0; s < scenes.Length; s++) sceneCharacters[s] = [];
            story.Set(new InteractionNetwork([], sceneCharacters, scenesOf));
            return;
        }

        var mentions = story.Layer<Mention>().Items;
        var lastScene = new int[count];
        Array.Fill(lastScene, -1);
        var present = new List<int>();
        int m = 0;
        for (int s = 0; s < scenes.Length; s++)
        {
            var span = scenes[s].Span;
            present.Clear();
            while (m < mentions.Length && mentions[m].Span.Start < span.Start) m++;
            for (; m < mentions.Length && mentions[m].Span.Start < span.End; m++)
            {
                int c = mentions[m].Character;
                if (mentions[m].Kind != MentionKind.Name || c < 0 || lastScene[c] == s) continue;
                lastScene[c] = s;
                present.Add(c);
            }
            sceneCharacters[s] = [.. present];
            foreach (int c in present) scenesOf[c]++;
            // The cast list is ordered most mentioned first: the lowest indexes are the most named.
            if (present.Count > MaxPairedPerScene) { present.Sort(); present.RemoveRange(MaxPairedPerScene, present.Count - MaxPairedPerScene); }
            for (int i = 0; i < present.Count; i++)
                for (int j = i + 1; j < present.Count; j++)
                {
                    // PERF: one hash look-up a pair (a reference to its counts), not two.
                    CollectionsMarshal.GetValueRefOrAddDefault(pairs, Key(present[i], present[j]), out _).Scenes++;
                }
        }

        if (story.Has<Conversation>())
            foreach (ref readonly var conversation in story.Layer<Conversation>().Items)
            {
                var people = conversation.Participants;
                for (int i = 0; i < people.Length; i++)
                    for (int j = i + 1; j < people.Length; j++)
                    {
                        if (people[i] < 0 || people[j] < 0 || people[i] == people[j] || people[i] >= count || people[j] >= count) continue;
                        CollectionsMarshal.GetValueRefOrAddDefault(pairs, Key(people[i], people[j]), out _).Conversations++;
                    }
            }

        if (story.Has<Attribution>())
            foreach (ref readonly var a in story.Layer<Attribution>().Items)
            {
                if (a.Speaker < 0 || a.Addressee < 0 || a.Speaker == a.Addressee || a.Speaker >= count || a.Addressee >= count) continue;
                CollectionsMarshal.GetValueRefOrAddDefault(pairs, Key(a.Speaker, a.Addressee), out _).Quotes++;
            }

        var edges = new Interaction[pairs.Count];
        var order = new long[pairs.Count];
        bool packed = count < 1 << 20;
        int k = 0;
        foreach (var (key, e) in pairs)
        {
            var edge = new Interaction((int)(key >> 32), (int)(key & 0xffffffff), e.Scenes, e.Conversations, e.Quotes);
            packed &= edge.Weight < 1 << 23;
            order[k] = ((long)(int.MaxValue >> 8) - edge.Weight) << 40 | (long)edge.A << 20 | (long)edge.B;
            edges[k++] = edge;
        }
        // Heaviest first, then by A and B. PERF: sorted by one number a pair (weight, A and B packed), where they fit.
        if (packed) Array.Sort(order, edges);
        else Array.Sort(edges, (x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        story.Set(new InteractionNetwork(edges, sceneCharacters, scenesOf));
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
}
