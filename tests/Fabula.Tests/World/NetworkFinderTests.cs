using System.Collections.Immutable;
using System.Xml.Linq;
using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Output;
using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;
using Fabula.World.Network;

namespace Fabula.Tests.World;

public sealed class NetworkFinderTests
{
    private const string Story = """
        Clary and Simon walked to the station. Clary carried the bag, and Simon carried the map.

        "We are late," Clary said.

        "We are always late," Simon said.

        * * *

        Luke waited on the platform. Clary waved to Luke from the stairs.

        "There you are," Luke said.

        * * *

        Simon sat alone on the train, and Simon read his book.
        """;

    private static int Index(CastList cast, string name) => cast.Characters.Single(c => c.Name == name).Index;

    private static Story WithDialogue() => RelationFinderTests.RunWith(Story,
        (story, cast) =>
        {
            int clary = Index(cast, "Clary"), simon = Index(cast, "Simon"), luke = Index(cast, "Luke");
            var q = story.Layer<Quotation>();
            return [
                new Attribution(q[0].Span, 0, clary, simon, 0.9f, AttributionMethod.Explicit),
                new Attribution(q[1].Span, 1, simon, clary, 0.9f, AttributionMethod.Explicit),
                new Attribution(q[2].Span, 2, luke, clary, 0.9f, AttributionMethod.Explicit),
            ];
        },
        (story, cast) =>
        {
            int clary = Index(cast, "Clary"), simon = Index(cast, "Simon"), luke = Index(cast, "Luke");
            var q = story.Layer<Quotation>();
            return [
                new Conversation(TextSpan.FromBounds(q[0].Span.Start, q[1].Span.End), [clary, simon]),
                new Conversation(q[2].Span, [luke, clary]),
            ];
        });

    private static string Edges(Story story)
    {
        var cast = story.Get<CastList>();
        return string.Join("\n", story.Get<InteractionNetwork>().Edges.Select(e =>
        {
            string a = cast[e.A].Name, b = cast[e.B].Name;
            if (string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
            return $"{a}-{b} w{e.Weight} s{e.Scenes} c{e.Conversations} q{e.Quotes}";
        }).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scenes_alone_make_the_network_without_the_dialogue_stage()
    {
        var withoutDialogue = new Pipeline([.. Pipeline.Default.Stages.Where(s => s is not Fabula.Dialogue.SpeakerFinder)]);
        var story = withoutDialogue.Run(Story);
        Assert.Equal("Clary-Luke w1 s1 c0 q0\nClary-Simon w1 s1 c0 q0", Edges(story));
    }

    [Fact]
    public void Conversations_and_addressed_quotations_add_to_the_weight()
    {
        Assert.Equal("Clary-Luke w3 s1 c1 q1\nClary-Simon w4 s1 c1 q2", Edges(WithDialogue()));
    }

    [Fact]
    public void Each_scene_lists_the_characters_named_in_it()
    {
        var story = Pipeline.Default.Run(Story);
        var cast = story.Get<CastList>();
        var scenes = story.Get<InteractionNetwork>().SceneCharacters;
        Assert.Equal(["Clary, Simon", "Luke, Clary", "Simon"], scenes.Select(s => string.Join(", ", s.Select(c => cast[c].Name))));
        var json = AnalysisJson.From(story);
        Assert.Equal([cast[Index(cast, "Luke")].Id, cast[Index(cast, "Clary")].Id], json.Scenes[1].Characters!);
        Assert.Equal(2, json.Network!.Edges.Count);
    }

    [Fact]
    public void GraphML_is_well_formed_with_a_node_per_character_and_an_edge_per_pair()
    {
        var story = WithDialogue();
        var cast = story.Get<CastList>();
        var doc = XDocument.Parse(GraphmlWriter.Write(story));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var graph = doc.Root!.Element(g + "graph")!;
        Assert.Equal("undirected", graph.Attribute("edgedefault")!.Value);
        var nodes = graph.Elements(g + "node").ToDictionary(n => n.Attribute("id")!.Value, n => n.Elements(g + "data").Single(d => d.Attribute("key")!.Value == "name").Value);
        Assert.Equal(["Clary", "Luke", "Simon"], nodes.Values.Order());
        var edges = graph.Elements(g + "edge").Select(e =>
        {
            string a = nodes[e.Attribute("source")!.Value], b = nodes[e.Attribute("target")!.Value];
            if (string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
            return $"{a}-{b} {e.Elements(g + "data").Single(d => d.Attribute("key")!.Value == "weight").Value}";
        }).Order();
        Assert.Equal(["Clary-Luke 3", "Clary-Simon 4"], edges);
        Assert.All(doc.Root.Elements(g + "key"), k => Assert.NotNull(k.Attribute("attr.type")));
        Assert.Equal(3, cast.Count);
    }

    [Fact]
    public void GraphML_marks_related_pairs()
    {
        var story = Pipeline.Default.Run("""
            Clary waited at the station. Her uncle Luke was late, and Clary watched the clock.

            * * *

            Luke ran down the road.
            """);
        var doc = XDocument.Parse(GraphmlWriter.Write(story));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var edge = Assert.Single(doc.Descendants(g + "edge"));
        Assert.Equal("relative", edge.Elements(g + "data").Single(d => d.Attribute("key")!.Value == "relations").Value);
    }
}
