using System.Text;
using Fabula.Output;
using Fabula.Text;

namespace Fabula.Output;

/// <summary>A short Markdown summary of an analysis (the full Markdown report comes with the report issue).</summary>
public static class MarkdownSummary
{
    public static string Write(Story story)
    {
        var json = AnalysisJson.From(story);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(json.Source.Title ?? Path.GetFileNameWithoutExtension(json.Source.Path ?? "Story")));
        if (json.Source.Author is { } author) md.Append("*by ").Append(Escape(author)).AppendLine("*");
        md.AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.Append("| Words | ").Append(json.Source.Words).AppendLine(" |");
        md.Append("| Chapters | ").Append(json.Chapters.Count).AppendLine(" |");
        md.Append("| Scenes | ").Append(json.Scenes.Count).AppendLine(" |");
        md.Append("| Paragraphs | ").Append(json.Paragraphs).AppendLine(" |");
        md.Append("| Sentences | ").Append(json.Sentences).AppendLine(" |");
        md.Append("| Quotations | ").Append(json.Quotes.Count).AppendLine(" |");
        md.AppendLine();
        if (json.Chapters.Count > 0)
        {
            md.AppendLine("## Chapters").AppendLine();
            foreach (var c in json.Chapters)
                md.Append(c.Index + 1).Append(". ").Append(Escape(c.Title ?? "(untitled)"))
                  .Append(" — offsets ").Append(c.Start).Append('–').Append(c.End).AppendLine();
        }
        return md.ToString();
    }

    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if ("\\`*_{}[]<>()#+-.!|".Contains(c)) sb.Append('\\');
            sb.Append(c == '\n' ? ' ' : c);
        }
        return sb.ToString();
    }
}
