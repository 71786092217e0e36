using System.Net;
using System.Security.Cryptography;
using System.Text;
using Fabula.Text;

namespace Fabula.Output;

/// <summary>
/// The report as one self-contained HTML file: the analysis JSON in a data element, and a script
/// (Assets/report.js) that builds every section from it with DOM calls that only ever create text
/// nodes from story data — never markup. A Content-Security-Policy that admits only this file's own
/// script and style (by hash) forbids any other script and any network access, so a story holding
/// "&lt;script&gt;", "onerror=" or "javascript:" shows them as words, twice over.
/// </summary>
public static class HtmlReport
{
    private static readonly Lazy<string> Css = new(() => Asset("report.css"));
    private static readonly Lazy<string> Script = new(() => Asset("report.js"));

    public static string Write(Story story) => Write(ReportPayload.From(story));

    public static string Write(ReportPayload payload)
    {
        string css = Css.Value, script = Script.Value;
        string title = payload.Analysis["source"]?["title"]?.GetValue<string>() ?? "Story";
        var html = new StringBuilder(payload.Text.Length * 2 + css.Length + script.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
            .Append("script-src '").Append(Hash(script)).Append("'; style-src '").Append(Hash(css))
            .Append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"generator\" content=\"Fabula\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" — Fabula report</title>\n")
            .Append("<style>").Append(css).Append("</style>\n</head>\n<body>\n")
            .Append("<noscript><p class=\"noscript\">This report is drawn by the script inside this file; allow scripts for this page to read it.</p></noscript>\n")
            .Append("<script id=\"fabula-data\" type=\"application/json\">").Append(payload.ToScriptJson()).Append("</script>\n")
            .Append("<script>").Append(script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The CSP source for an inline element: its exact text, hashed.</summary>
    private static string Hash(string inline) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("Fabula.Output.Assets." + name)
            ?? throw new InvalidOperationException($"Report asset {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
