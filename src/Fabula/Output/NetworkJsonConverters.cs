using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabula.Output;

// PERF: the network's nodes and edges are many small objects; written member by member (same names, order,
// and null members left out as the options say) they skip the serializer's per-member machinery.

internal sealed class NetworkNodeJsonConverter : JsonConverter<NetworkNodeJson>
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id"), Name = JsonEncodedText.Encode("name"),
        Scenes = JsonEncodedText.Encode("scenes");

    public override NetworkNodeJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Network nodes are written, not read.");

    public override void Write(Utf8JsonWriter writer, NetworkNodeJson node, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        NetworkEdgeJsonConverter.WriteString(writer, Id, node.Id, options);
        NetworkEdgeJsonConverter.WriteString(writer, Name, node.Name, options);
        writer.WriteNumber(Scenes, node.Scenes);
        writer.WriteEndObject();
    }
}

internal sealed class NetworkEdgeJsonConverter : JsonConverter<NetworkEdgeJson>
{
    private static readonly JsonEncodedText A = JsonEncodedText.Encode("a"), B = JsonEncodedText.Encode("b"),
        Weight = JsonEncodedText.Encode("weight"), Scenes = JsonEncodedText.Encode("scenes"),
        Conversations = JsonEncodedText.Encode("conversations"), Quotes = JsonEncodedText.Encode("quotes");

    public override NetworkEdgeJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Network edges are written, not read.");

    public override void Write(Utf8JsonWriter writer, NetworkEdgeJson edge, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteString(writer, A, edge.A, options);
        WriteString(writer, B, edge.B, options);
        writer.WriteNumber(Weight, edge.Weight);
        writer.WriteNumber(Scenes, edge.Scenes);
        writer.WriteNumber(Conversations, edge.Conversations);
        writer.WriteNumber(Quotes, edge.Quotes);
        writer.WriteEndObject();
    }

    // A string member; a null one is left out when the options leave nulls out, as the serializer does.
    internal static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value, JsonSerializerOptions options)
    {
        if (value is not null) writer.WriteString(name, value);
        else if (options.DefaultIgnoreCondition != JsonIgnoreCondition.WhenWritingNull) writer.WriteNull(name);
    }
}
