using System.Text;
using System.Xml;
using Fabula.Cast;
using Fabula.Text;
using Fabula.World.Network;
using Fabula.World.Relations;

namespace Fabula.Output;

/// <summary>
/// The interaction network as GraphML (graphml.graphdrawing.org), for Gephi, yEd, networkx, igraph:
/// a node per character of the network, an undirected edge per pair with its weight, shared scenes,
/// conversations and addressed quotations, and the types of the relations the text states between
/// them (a related pair that never meets is an edge of weight 0).
/// </summary>
public static class GraphmlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static string Write(Story story)
    {
        var cast = story.Find<CastList>();
        var network = story.Find<InteractionNetwork>();
        var relations = story.Find<RelationList>();
        var edges = new Dictionary<(int, int), (Interaction Counts, List<string> Types)>();
        if (network is not null)
            foreach (var e in network.Edges) edges[(e.A, e.B)] = (e, []);
        if (relations is not null)
            foreach (var r in relations.Items)
            {
                var key = (Math.Min(r.A, r.B), Math.Max(r.A, r.B));
                if (!edges.TryGetValue(key, out var edge)) edges[key] = edge = (new Interaction(key.Item1, key.Item2, 0, 0, 0), []);
                string type = Relation.Name(r.Type);
                if (!edge.Types.Contains(type)) edge.Types.Add(type);
            }
        var nodes = new SortedSet<int>();
        foreach (var (a, b) in edges.Keys) { nodes.Add(a); nodes.Add(b); }
        if (network is not null)
            for (int c = 0; c < network.ScenesOf.Length; c++) if (network.ScenesOf[c] > 0) nodes.Add(c);

        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var stringWriter = new Utf8StringWriter(output))
        using (var xml = XmlWriter.Create(stringWriter, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", Namespace);
            Key(xml, "name", "node", "name", "string");
            Key(xml, "importance", "node", "importance", "string");
            Key(xml, "node_scenes", "node", "scenes", "int");
            Key(xml, "weight", "edge", "weight", "int");
            Key(xml, "scenes", "edge", "scenes", "int");
            Key(xml, "conversations", "edge", "conversations", "int");
            Key(xml, "quotes", "edge", "quotes", "int");
            Key(xml, "relations", "edge", "relations", "string");
            xml.WriteStartElement("graph", Namespace);
            xml.WriteAttributeString("id", "interactions");
            xml.WriteAttributeString("edgedefault", "undirected");
            if (cast is not null)
            {
                foreach (int c in nodes)
                {
                    xml.WriteStartElement("node", Namespace);
                    xml.WriteAttributeString("id", cast[c].Id);
                    Data(xml, "name", Clean(cast[c].Name));
                    Data(xml, "importance", cast[c].Importance.ToString().ToLowerInvariant());
                    Data(xml, "node_scenes", network is null ? "0" : network.ScenesOf[c].ToString());
                    xml.WriteEndElement();
                }
                var ordered = new List<(Interaction Counts, List<string> Types)>(edges.Values);
                ordered.Sort((x, y) => x.Counts.Weight != y.Counts.Weight ? y.Counts.Weight.CompareTo(x.Counts.Weight)
                    : x.Counts.A != y.Counts.A ? x.Counts.A.CompareTo(y.Counts.A) : x.Counts.B.CompareTo(y.Counts.B));
                foreach (var (e, types) in ordered)
                {
                    xml.WriteStartElement("edge", Namespace);
                    xml.WriteAttributeString("source", cast[e.A].Id);
                    xml.WriteAttributeString("target", cast[e.B].Id);
                    Data(xml, "weight", e.Weight.ToString());
                    Data(xml, "scenes", e.Scenes.ToString());
                    Data(xml, "conversations", e.Conversations.ToString());
                    Data(xml, "quotes", e.Quotes.ToString());
                    if (types.Count > 0) Data(xml, "relations", string.Join(",", types));
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToString();
    }

    private static void Key(XmlWriter xml, string id, string on, string name, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", on);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    // XML 1.0 admits no control characters but tab and newlines; a name from a hostile file may hold them.
    private static string Clean(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (char c in s)
            b.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
        return b.ToString();
    }

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
