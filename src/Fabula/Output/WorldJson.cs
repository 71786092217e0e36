using Fabula.Structure;
using Fabula.Text;
using Fabula.World;

namespace Fabula.Output;

/// <summary>The world members of the JSON (docs/json.md): attributes, taxonomies, places, organizations, timeline.</summary>
internal static class WorldJson
{
    public static List<AttributeJson>[]? AttributesOf(Story story, int characters)
    {
        if (!story.Has<CharacterAttribute>()) return null;
        var lists = new List<AttributeJson>[characters];
        foreach (ref readonly var a in story.Layer<CharacterAttribute>().Items)
            if (a.Character >= 0 && a.Character < characters)
                (lists[a.Character] ??= []).Add(new AttributeJson(a.Name, a.Value, a.Span.Start, a.Span.End));
        return lists;
    }

    public static CharacterJson WithAttributes(List<AttributeJson>[]? attributes, int index, CharacterJson character)
    {
        if (attributes is null) return character;
        var list = attributes[index] ?? [];
        string? cls = null;
        foreach (var a in list) if (a.Name == "class") cls = a.Value;
        return character with { Attributes = list, Class = cls };
    }

    public static List<TaxonomyJson>? TaxonomiesOf(Story story)
    {
        if (story.Find<CharacterFacts>() is not { } facts || story.Find<Cast.CastList>() is not { } cast) return null;
        var list = new List<TaxonomyJson>();
        foreach (var t in facts.Taxonomies)
        {
            var members = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (term, ids) in t.Members) members[term] = ids.Select(i => cast[i].Id).ToList();
            list.Add(new TaxonomyJson(t.Terms, members, t.Evidence.Select(SpanJson.Of).ToList()));
        }
        return list;
    }

    public static List<PlaceJson>? PlacesOf(Story story)
    {
        if (story.Find<Setting>() is not { } setting) return null;
        var list = new List<PlaceJson>();
        foreach (var p in setting.Places) list.Add(new PlaceJson(p.Name, p.Kind, p.Count, p.Scenes, SpanJson.Of(p.First)));
        return list;
    }

    public static List<OrganizationJson>? OrganizationsOf(Story story)
    {
        if (story.Find<Setting>() is not { } setting) return null;
        var list = new List<OrganizationJson>();
        foreach (var o in setting.Organizations) list.Add(new OrganizationJson(o.Name, o.Count, SpanJson.Of(o.First)));
        return list;
    }

    public static List<TimeJson>? TimelineOf(Story story)
    {
        if (!story.Has<TimeExpression>()) return null;
        var list = new List<TimeJson>();
        foreach (ref readonly var t in story.Layer<TimeExpression>().Items)
            list.Add(new TimeJson(t.Span.Start, t.Span.End, story.Text.Copy(t.Span), t.Kind, t.Value));
        return list;
    }

    public static SceneJson WithSetting(Story story, SceneJson scene)
    {
        if (story.Find<Setting>() is { } setting && scene.Index < setting.ScenePlaces.Length)
            scene = scene with { Place = setting.ScenePlaces[scene.Index] };
        if (story.Find<StoryClock>() is { } clock && scene.Index < clock.Scenes.Length)
        {
            var time = clock.Scenes[scene.Index];
            scene = scene with { Elapsed = time.Elapsed, StoryDay = time.Day, Flashback = time.Flashback ? true : null };
        }
        return scene;
    }
}

public sealed record AttributeJson(string Name, string Value, int Start, int End);
public sealed record TaxonomyJson(IReadOnlyList<string> Terms, IReadOnlyDictionary<string, IReadOnlyList<string>> Members, IReadOnlyList<SpanJson> Evidence);
public sealed record PlaceJson(string Name, string Kind, int Count, IReadOnlyList<int> Scenes, SpanJson First);
public sealed record OrganizationJson(string Name, int Count, SpanJson First);
public sealed record TimeJson(int Start, int End, string Text, string Kind, string Value);
