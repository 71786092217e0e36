using Fabula.Text;

namespace Fabula.Tests;

/// <summary>Layers as compact text for assertions: each item's text, joined by " | ".</summary>
public static class Show
{
    public static string Layer<T>(string text) where T : ISpanned => Layer<T>(Pipeline.Default.Run(text));

    public static string Layer<T>(Story story) where T : ISpanned
    {
        var parts = new List<string>();
        foreach (ref readonly var item in story.Layer<T>().Items)
            parts.Add(story.Text.Copy(item.Span));
        return string.Join(" | ", parts);
    }
}
