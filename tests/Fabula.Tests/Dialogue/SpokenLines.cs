using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

/// <summary>The lines of a story run through the whole pipeline, shown by who says them, for the dialogue fixtures.</summary>
internal static class SpokenLines
{
    /// <summary>Each quotation as "speaker's name:method" ("?" for no one).</summary>
    public static string[] WithMethods(string text) => Show(text, (cast, a) => $"{Name(cast, a.Speaker)}:{a.Method}");

    /// <summary>Each quotation's speaker by name ("?" for no one).</summary>
    public static string[] Speakers(string text) => Show(text, (cast, a) => Name(cast, a.Speaker));

    /// <summary>Each quotation's speaker by the first word of their name ("?" for no one).</summary>
    public static string[] FirstNames(string text) => Show(text, (cast, a) => Name(cast, a.Speaker).Split(' ')[0]);

    private static string Name(CastList cast, int character) => character >= 0 ? cast[character].Name : "?";

    private static string[] Show(string text, Func<CastList, Attribution, string> show)
    {
        var story = Pipeline.Default.Run(text);
        var cast = story.Get<CastList>();
        return [.. story.Layer<Attribution>().Items.ToArray().Select(a => show(cast, a))];
    }
}
