using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Fabula.Text;

namespace Fabula.Output;

/// <summary>
/// The report as Markdown that reads well on a code-hosting site: the same sections as the HTML
/// report, read from the same JSON members (<see cref="ReportPayload"/>), with findings linking to
/// anchors in the text and the text linking back. Story text and metadata are escaped so that
/// nothing in them becomes markup, a link or HTML.
/// </summary>
public static class MarkdownReport
{
    private const int MaxEvidenceListed = 50;

    public static string Write(Story story) => Write(ReportPayload.From(story));

    public static string Write(ReportPayload payload)
    {
        var report = new Report(payload);
        var md = new StringBuilder(payload.Text.Length + payload.Text.Length / 4 + 4096);
        report.Title(md);
        report.Overview(md);
        report.Cast(md);
        report.Relationships(md);
        report.Dialogue(md);
        report.Timeline(md);
        report.Scenes(md);
        report.Consistency(md);
        report.Warnings(md);
        report.Text(md);
        return md.ToString();
    }

    private sealed class Report
    {
        private readonly JsonObject _a;
        private readonly JsonObject _source;
        private readonly string _text;
        private readonly int[] _paragraphs;
        private readonly JsonArray _cast;
        private readonly JsonObject? _content; // the content stage's member (docs/content.md)
        private readonly JsonArray _warnings;
        private readonly bool _warningsAnalysed;
        private readonly Dictionary<string, string> _names = [];
        // Paragraphs a finding points into, with the links back to those findings.
        private readonly SortedDictionary<int, List<(string Anchor, string Label)>> _targets = [];

        public Report(ReportPayload payload)
        {
            _a = payload.Analysis;
            _source = _a["source"] as JsonObject ?? [];
            _text = payload.Text;
            _paragraphs = payload.Paragraphs;
            _cast = Array(_a, "characters", "cast");
            _content = _a["content"] as JsonObject;
            _warnings = _content is not null ? Array(_content, "warnings") : Array(_a, "warnings", "contentWarnings");
            _warningsAnalysed = _content is not null || Has(_a, "warnings", "contentWarnings");
            for (int i = 0; i < _cast.Count; i++)
                if (_cast[i] is JsonObject c) _names[Key(c["id"]) ?? i.ToString(CultureInfo.InvariantCulture)] = Str(c, "name", "canonical") ?? "?";
        }

        public void Title(StringBuilder md)
        {
            // Without a title, the file's name: "113_the_secret_garden.txt" -> "113 the secret garden".
            string title = Str(_source, "title") ?? Path.GetFileNameWithoutExtension(Str(_source, "path") ?? "Untitled story").Replace('_', ' ').Replace('-', ' ');
            md.Append("# ").Append(Inline(title)).Append("\n\n");
            md.Append(Str(_source, "author") is { } author ? "*by " + Inline(author) + "*" : "*Author unknown*")
              .Append(" · ").Append((Str(_source, "format") ?? "txt").ToUpperInvariant()).Append(" · Fabula report\n\n");
            md.Append("[Overview](#overview) · [Cast](#cast) · [Relationships](#relationships) · [Dialogue](#dialogue) · ")
              .Append("[Timeline](#timeline) · [Chapters and scenes](#chapters-and-scenes) · [Consistency](#consistency) · ")
              .Append("[Content warnings](#content-warnings) · [The text](#the-text)\n\n");
        }

        public void Overview(StringBuilder md)
        {
            md.Append("## Overview\n\n");
            var rating = _content?["rating"] ?? _a["rating"];
            double? minutes = Num(_content?["readingTime"] as JsonObject, "minutes") ?? Num(_a, "readingMinutes");
            var cells = new (string, string?)[]
            {
                ("Words", Fmt(Num(_source, "words"))),
                ("Reading time", minutes is { } m ? ReadingTime(m) : null),
                ("Rating", rating is JsonObject r ? Str(r, "name", "label", "value") : rating?.ToString()),
                ("Chapters", Fmt(Array(_a, "chapters").Count)),
                ("Scenes", Fmt(Array(_a, "scenes").Count)),
                ("Quotations", Fmt(Array(_a, "quotes").Count)),
                ("Characters", _cast.Count > 0 ? Fmt(_cast.Count) : null),
            };
            md.Append("| | |\n|---|---|\n");
            foreach (var (name, value) in cells)
                md.Append("| ").Append(name).Append(" | ").Append(value is null ? "*not analysed yet*" : Inline(value)).Append(" |\n");
            md.Append('\n');
            var warnings = _warnings;
            md.Append("**Content warnings:** ");
            if (warnings.Count == 0) md.Append(_warningsAnalysed ? "none found" : "*not analysed yet*");
            for (int i = 0; i < warnings.Count; i++)
            {
                if (i > 0) md.Append(" · ");
                md.Append('[').Append(Inline(WarningName(warnings[i]))).Append("](#warning-").Append(i).Append(") (")
                  .Append(Fmt(Passages(warnings[i]))).Append(')');
            }
            md.Append("\n\n");
            var archive = Array(_content, "archiveWarnings");
            if (archive.Count > 0)
            {
                md.Append("**AO3 archive warnings:** ");
                for (int i = 0; i < archive.Count; i++) md.Append(i > 0 ? " · " : "").Append(Inline(archive[i]?.ToString() ?? ""));
                md.Append("\n\n");
            }
            if (_source["declared"] is JsonObject declared) Declared(md, declared);
        }

        private static void Declared(StringBuilder md, JsonObject d)
        {
            md.Append("### What the author declared\n\n");
            if (Str(d, "rating") is { } rating) md.Append("- **Rating:** ").Append(Inline(rating)).Append('\n');
            foreach (var (member, label) in new[] { ("archiveWarnings", "Archive warnings"), ("categories", "Categories"), ("fandoms", "Fandoms"),
                ("relationships", "Relationships"), ("characters", "Characters"), ("additionalTags", "Tags") })
            {
                var list = Array(d, member);
                if (list.Count == 0) continue;
                md.Append("- **").Append(label).Append(":** ");
                for (int i = 0; i < list.Count; i++) md.Append(i > 0 ? ", " : "").Append(Inline(list[i]?.ToString() ?? ""));
                md.Append('\n');
            }
            if (Str(d, "summary") is { } summary) md.Append("\n> ").Append(Inline(summary)).Append('\n');
            md.Append('\n');
        }

        public void Cast(StringBuilder md)
        {
            md.Append("## Cast\n\n");
            if (_cast.Count == 0) { md.Append("*Not analysed yet.*\n\n"); return; }
            var lines = new Dictionary<string, int>();
            foreach (var q in Array(_a, "quotes"))
                if (Key(Speaker(q)) is { } s) lines[s] = lines.GetValueOrDefault(s) + 1;
            md.Append("| Name | Aliases | Pronouns | Class and attributes | Lines | First appearance |\n|---|---|---|---|--:|---|\n");
            for (int i = 0; i < _cast.Count; i++)
            {
                if (_cast[i] is not JsonObject c) continue;
                string id = Key(c["id"]) ?? i.ToString(CultureInfo.InvariantCulture);
                var aliases = new List<string>();
                foreach (var a in Array(c, "aliases")) if ((a is JsonObject ao ? Str(ao, "name", "text") : a?.ToString()) is { } s) aliases.Add(s);
                var traits = new List<string>();
                if (Str(c, "class", "taxonomy", "group", "importance") is { } cls) traits.Add(cls);
                if (Num(c, "mentionCount") is { } mentions) traits.Add("mentions: " + Fmt(mentions));
                if (c["attributes"] is JsonObject attrs) foreach (var (k, v) in attrs) traits.Add(k + ": " + v);
                if (c["attributes"] is JsonArray list)
                    foreach (var a in list)
                        if (a is JsonObject o && Str(o, "name") is { } n && n != "class") traits.Add(n + ": " + Str(o, "value"));
                var first = c["firstMention"] ?? c["firstAppearance"] ?? c["first"] ?? c["start"];
                int? firstAt = first is JsonObject fo ? Int(fo, "start") : first is JsonValue fv && fv.TryGetValue<int>(out int f) ? f : null;
                md.Append("| ").Append(Inline(_names[id])).Append(" | ").Append(Inline(string.Join(", ", aliases)))
                  .Append(" | ").Append(Inline(Str(c, "pronouns") ?? "")).Append(" | ").Append(Inline(string.Join("; ", traits)))
                  .Append(" | ").Append(Fmt(Num(c, "lines") ?? lines.GetValueOrDefault(id))).Append(" | ")
                  .Append(firstAt is { } at ? Link(at, Snippet(at, at + 60, 60), "char-" + id, "first appearance of " + _names[id]) : "")
                  .Append(" |\n");
            }
            md.Append('\n');
        }

        public void Relationships(StringBuilder md)
        {
            md.Append("## Relationships\n\n");
            var relations = Array(_a, "relations", "relationships");
            if (relations.Count == 0) { md.Append(_cast.Count > 0 ? "*No relationships found.*\n\n" : "*Not analysed yet.*\n\n"); return; }
            md.Append("| Character | Relationship | Character | Passages |\n|---|---|---|--:|\n");
            foreach (var r in relations)
            {
                if (r is not JsonObject o) continue;
                // a is the parent, employer or captor (docs/json.md); the strength is the passages that state it.
                string label = Str(o, "type", "kind", "label") ?? "related";
                if (Str(o, "stage") is { } stage) label += $" ({stage})";
                if (o["atEnd"] is JsonValue atEnd && atEnd.TryGetValue(out bool holds) && !holds) label += ", ended";
                int passages = o["evidence"] is JsonArray evidence ? evidence.Count : 0;
                md.Append("| ").Append(Inline(Name(o["a"] ?? o["source"] ?? o["from"]))).Append(" | ").Append(Inline(label))
                  .Append(" | ").Append(Inline(Name(o["b"] ?? o["target"] ?? o["to"]))).Append(" | ").Append(Fmt(Num(o, "weight", "interactions", "count") ?? Math.Max(1, passages))).Append(" |\n");
            }
            md.Append('\n');
        }

        public void Dialogue(StringBuilder md)
        {
            md.Append("## Dialogue\n\n");
            var quotes = Array(_a, "quotes");
            long inQuotes = 0;
            var bySpeaker = new Dictionary<string, long>();
            int attributed = 0;
            foreach (var q in quotes)
            {
                if (q is not JsonObject o) continue;
                int length = (Int(o, "end") ?? 0) - (Int(o, "start") ?? 0);
                inQuotes += length;
                if (Key(Speaker(o)) is { } s) { attributed++; bySpeaker[s] = bySpeaker.GetValueOrDefault(s) + length; }
            }
            double share = _text.Length > 0 ? (double)inQuotes / _text.Length : 0;
            md.Append(Fmt(quotes.Count)).Append(" quotations; **").Append(Math.Round(share * 100).ToString(CultureInfo.InvariantCulture))
              .Append("%** of the text is direct speech.\n\n`").Append(Bar(share, 30)).Append("` dialogue / narration\n\n");
            md.Append("### By character\n\n");
            if (attributed == 0) { md.Append("*Speakers: not analysed yet.*\n\n"); return; }
            md.Append(Fmt(attributed)).Append(" of ").Append(Fmt(quotes.Count)).Append(" quotations attributed.\n\n| Character | Share of speech | |\n|---|--:|---|\n");
            long total = 0, most = 1;
            foreach (var v in bySpeaker.Values) { total += v; most = Math.Max(most, v); }
            var rows = new List<KeyValuePair<string, long>>(bySpeaker);
            rows.Sort((x, y) => y.Value.CompareTo(x.Value));
            foreach (var (id, v) in rows)
                md.Append("| ").Append(Inline(_names.GetValueOrDefault(id) ?? "Character " + id)).Append(" | ")
                  .Append(Math.Round(100.0 * v / total).ToString(CultureInfo.InvariantCulture)).Append("% | `").Append(Bar((double)v / most, 20)).Append("` |\n");
            md.Append('\n');
        }

        public void Timeline(StringBuilder md)
        {
            md.Append("## Timeline\n\n");
            var events = Array(_a, "timeline", "events");
            if (events.Count == 0) { md.Append("*Not analysed yet.*\n\n"); return; }
            for (int i = 0; i < events.Count; i++)
            {
                if (events[i] is not JsonObject e) continue;
                md.Append(i + 1).Append(". ");
                if (Str(e, "when", "time", "date", "label", "value") is { } when) md.Append("**").Append(Inline(when)).Append("** ");
                md.Append(Inline(Str(e, "what", "description", "text") ?? ""));
                if (Int(e, "start") is { } at) md.Append(' ').Append(Link(at, "→ passage", "event-" + i, "timeline"));
                md.Append('\n');
            }
            md.Append('\n');
        }

        public void Scenes(StringBuilder md)
        {
            md.Append("## Chapters and scenes\n\n");
            var scenes = Array(_a, "scenes");
            var chapters = Array(_a, "chapters");
            if (scenes.Count == 0) { md.Append("*Not analysed yet.*\n\n"); return; }
            int lastChapter = -1;
            foreach (var node in scenes)
            {
                if (node is not JsonObject s) continue;
                int chapter = Int(s, "chapter") ?? 0, index = Int(s, "index") ?? 0, start = Int(s, "start") ?? 0, end = Int(s, "end") ?? 0;
                if (chapter != lastChapter && chapters.Count > 1)
                {
                    string title = chapters[chapter] is JsonObject c && Str(c, "title") is { } t ? t : "Chapter " + (chapter + 1);
                    md.Append("\n### ").Append(Inline(title)).Append("\n\n");
                    lastChapter = chapter;
                }
                md.Append("- ").Append(Link(start, "Scene " + (index + 1), "scene-" + index, "scene " + (index + 1))).Append(" — ")
                  .Append(Fmt(end - start)).Append(" chars");
                var people = new List<string>();
                foreach (var p in Array(s, "characters", "present")) people.Add(Name(p));
                if (people.Count > 0) md.Append(" — with ").Append(Inline(string.Join(", ", people)));
                if (s["place"] is { } place) md.Append(" — at ").Append(Inline(place is JsonObject po ? Str(po, "name") ?? "?" : place.ToString()));
                if ((s["pointOfView"] ?? s["pov"]) is { } pov) md.Append(" — seen by ").Append(Inline(Name(pov)));
                md.Append(": *“").Append(Inline(Snippet(start, end, 120))).Append("”*\n");
            }
            md.Append('\n');
        }

        public void Consistency(StringBuilder md) =>
            Findings(md, "Consistency", Array(_a, "consistency", "findings"), "finding", Has(_a, "consistency", "findings"));

        public void Warnings(StringBuilder md)
        {
            Findings(md, "Content warnings", _warnings, "warning", _warningsAnalysed);
            if (_content is null) return;
            if (Str(_content, "rating") is { } rating)
            {
                md.Append("### Rating: ").Append(Inline(rating)).Append("\n\n");
                foreach (var reason in Array(_content, "ratingReasons")) md.Append("- ").Append(Inline(reason?.ToString() ?? "")).Append('\n');
                md.Append('\n');
            }
            if (_content["audit"] is JsonObject audit)
            {
                md.Append("### Declared tags against the text\n\n| | |\n|---|---|\n")
                  .Append("| Rating | declared ").Append(Inline(Str(audit, "declaredRating") ?? "none")).Append(", found ").Append(Inline(Str(audit, "detectedRating") ?? "—")).Append(" |\n")
                  .Append("| Declared warnings | ").Append(audit["creatorChoseNotToWarn"] is JsonValue v && v.TryGetValue<bool>(out bool chose) && chose
                      ? "Creator chose not to use archive warnings" : Joined(Array(audit, "declaredWarnings"), "none")).Append(" |\n")
                  .Append("| Found, not declared | ").Append(Joined(Array(audit, "missing"), "nothing")).Append(" |\n")
                  .Append("| Declared, not found | ").Append(Joined(Array(audit, "unsupported"), "nothing")).Append(" |\n\n");
            }
        }

        private static string Joined(JsonArray list, string none)
        {
            var parts = new List<string>();
            foreach (var item in list) parts.Add(Inline(item?.ToString() ?? ""));
            return parts.Count > 0 ? string.Join(" · ", parts) : none;
        }

        private void Findings(StringBuilder md, string title, JsonArray list, string anchor, bool analysed)
        {
            md.Append("## ").Append(title).Append("\n\n");
            if (list.Count == 0) { md.Append(analysed ? "*None found.*\n\n" : "*Not analysed yet.*\n\n"); return; }
            for (int i = 0; i < list.Count; i++)
            {
                var evidence = Evidence(list[i]);
                string name = anchor == "warning" ? WarningName(list[i]) : FindingName(list[i]);
                md.Append("### <a id=\"").Append(anchor).Append('-').Append(i).Append("\"></a>").Append(Inline(name));
                if (list[i] is JsonObject f && Str(f, "severity") is { } severity) md.Append(" (").Append(Inline(severity)).Append(')');
                md.Append("\n\n");
                int total = Passages(list[i]);
                if (anchor == "warning")
                {
                    md.Append(Fmt(total)).Append(total == 1 ? " passage" : " passages");
                    if (total > evidence.Count) md.Append(", ").Append(Fmt(Math.Min(evidence.Count, MaxEvidenceListed))).Append(" shown");
                    if (Num(list[i] as JsonObject, "confidence") is { } confidence) md.Append("; ").Append(Math.Round(confidence * 100).ToString(CultureInfo.InvariantCulture)).Append("% sure");
                    md.Append(".\n\n");
                }
                if (list[i] is JsonObject fm && Str(fm, "message") is { } message && message != name) md.Append(Inline(message)).Append("\n\n");
                for (int j = 0; j < evidence.Count && j < MaxEvidenceListed; j++)
                {
                    var (start, end, quoted, meta) = evidence[j];
                    md.Append("- <a id=\"").Append(anchor).Append('-').Append(i).Append('-').Append(j).Append("\"></a>")
                      .Append(Link(start, "“" + (quoted ?? Snippet(start, end, 200)) + "”", anchor + "-" + i + "-" + j, name));
                    if (meta is not null) md.Append(" — *").Append(Inline(meta)).Append('*');
                    md.Append('\n');
                }
                if (evidence.Count > MaxEvidenceListed) md.Append("- … and ").Append(Fmt(evidence.Count - MaxEvidenceListed)).Append(" more\n");
                md.Append('\n');
            }
        }

        public void Text(StringBuilder md)
        {
            md.Append("## The text\n\n");
            var quotes = Array(_a, "quotes");
            int q = 0;
            for (int p = 0; p + 1 < _paragraphs.Length; p += 2)
            {
                int start = _paragraphs[p], end = _paragraphs[p + 1];
                if (_targets.ContainsKey(p / 2)) md.Append("<a id=\"p-").Append(p / 2).Append("\"></a>\n");
                int from = start;
                // Quotations whose speaker is known carry the speaker's name where they end.
                while (q < quotes.Count)
                {
                    var o = quotes[q] as JsonObject;
                    int qStart = Int(o, "start") ?? 0, qEnd = Int(o, "end") ?? 0;
                    if (qStart >= end || qEnd > end) break; // later, or runs on into the next paragraph
                    if (qEnd > from && Key(Speaker(o)) is { } speaker)
                    {
                        Block(md, _text.AsSpan(from, qEnd - from));
                        md.Append("<sup>").Append(Inline(_names.GetValueOrDefault(speaker) ?? "?")).Append("</sup>");
                        from = qEnd;
                    }
                    q++;
                }
                Block(md, _text.AsSpan(from, end - from));
                if (_targets.TryGetValue(p / 2, out var backs))
                    foreach (var (anchor, label) in backs) md.Append(" [↩ ").Append(Inline(label)).Append("](#").Append(anchor).Append(')');
                md.Append("\n\n");
            }
        }

        // ---- links between findings and the text ------------------------------------------

        /// <summary>A link to the paragraph holding <paramref name="offset"/>, which will link back to <paramref name="back"/>.</summary>
        private string Link(int offset, string label, string back, string backLabel)
        {
            int p = ParagraphAt(offset);
            if (!_targets.TryGetValue(p, out var list)) _targets[p] = list = [];
            if (list.Count < 8) list.Add((back, backLabel));
            return "[" + Inline(label) + "](#p-" + p + ")";
        }

        private int ParagraphAt(int offset)
        {
            int lo = 0, hi = _paragraphs.Length / 2 - 1, found = 0;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_paragraphs[2 * mid] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
            }
            return found;
        }

        private string Snippet(int start, int end, int max)
        {
            start = Math.Clamp(start, 0, _text.Length);
            end = Math.Clamp(end, start, _text.Length);
            var s = new StringBuilder();
            bool space = false;
            foreach (char c in _text.AsSpan(start, Math.Min(end - start, max)))
            {
                if (char.IsWhiteSpace(c)) { space = s.Length > 0; continue; }
                if (space) { s.Append(' '); space = false; }
                s.Append(c);
            }
            if (end - start > max) s.Append('…');
            return s.ToString();
        }

        private string Name(JsonNode? id) => Key(id) is { } k ? _names.GetValueOrDefault(k) ?? (id is JsonValue v && v.TryGetValue<string>(out var s) ? s : "Character " + k) : "?";

        private static string FindingName(JsonNode? f) => f is JsonObject o ? Str(o, "name", "label", "category", "kind", "message") ?? "Finding" : "Finding";

        /// <summary>A finding's passages: offsets, the finding's own snippet if it has one, and what it says about the passage.</summary>
        private static List<(int Start, int End, string? Snippet, string? Meta)> Evidence(JsonNode? f)
        {
            var list = new List<(int, int, string?, string?)>();
            if (f is not JsonObject o) return list;
            var evidence = Array(o, "evidence");
            foreach (var e in evidence)
            {
                if (e is not JsonObject eo || Int(eo, "start") is not { } s) continue;
                var meta = new List<string>();
                foreach (string member in new[] { "severity", "aspect", "rule" }) if (Str(eo, member) is { } m) meta.Add(m);
                list.Add((s, Int(eo, "end") ?? s, Str(eo, "snippet"), meta.Count > 0 ? string.Join(" · ", meta) : null));
            }
            if (evidence.Count == 0 && Int(o, "start") is { } start) list.Add((start, Int(o, "end") ?? start, null, null));
            return list;
        }

        private static int Passages(JsonNode? w) => Num(w as JsonObject, "passages") is { } n ? (int)n : Evidence(w).Count;

        /// <summary>"graphic-violence" -> "Graphic violence": category ids are the contract, words are for readers.</summary>
        private static string WarningName(JsonNode? w)
        {
            if (w is JsonObject o && Str(o, "name", "label") is { } name) return name;
            string id = w is JsonObject c ? Str(c, "category", "kind") ?? "Warning" : "Warning";
            return id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..].Replace('-', ' ');
        }

        private static JsonNode? Speaker(JsonNode? q) => q is JsonObject o ? o["speaker"] ?? o["speakerId"] : null;
    }

    // ---- JSON access, tolerant of members that have not arrived yet ----------------------------

    private static JsonArray Array(JsonObject? o, params string[] names)
    {
        if (o is not null) foreach (var n in names) if (o[n] is JsonArray a) return a;
        return [];
    }

    private static bool Has(JsonObject o, params string[] names)
    {
        foreach (var n in names) if (o[n] is not null) return true;
        return false;
    }

    private static string? Str(JsonObject? o, params string[] names)
    {
        if (o is not null)
            foreach (var n in names)
                if (o[n] is JsonValue v) return v.TryGetValue<string>(out var s) ? s : v.ToJsonString();
        return null;
    }

    private static double? Num(JsonObject? o, params string[] names)
    {
        if (o is not null)
            foreach (var n in names)
                if (o[n] is JsonValue v && v.TryGetValue<double>(out double d)) return d;
        return null;
    }

    private static int? Int(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<int>(out int i) ? i : null;

    private static string? Key(JsonNode? id) => id switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static string Fmt(double? n) => n is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture) : "—";

    private static string ReadingTime(double minutes)
    {
        int m = (int)Math.Round(minutes);
        return m < 60 ? $"{m} min" : $"{m / 60} h {m % 60} min";
    }

    private static string Bar(double fraction, int width)
    {
        int full = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        return new string('█', full) + new string('░', width - full);
    }

    // ---- escaping ---------------------------------------------------------------------------

    // Every ASCII mark that Markdown or GitHub's HTML can read as syntax is backslash-escaped
    // (CommonMark 2.4: any ASCII punctuation may be); '<' and '&' included, so no tag, comment
    // or entity survives, and no autolink can form ("javascript:" needs "<...>" to become a link).
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\`*_[]<>|~&#!$");

    /// <summary>Text for one line: a table cell, a heading, a list item.</summary>
    internal static string Inline(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        bool space = false;
        foreach (char c in s)
        {
            if (c is '\n' or '\r' or '\t') { space = true; continue; }
            if (space) { sb.Append(' '); space = false; }
            if (Special.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Text for a paragraph of the story: inline escapes, and no line may start a block (heading, list, quote, code).</summary>
    internal static void Block(StringBuilder md, ReadOnlySpan<char> text)
    {
        bool lineStart = md.Length == 0 || md[^1] == '\n', digits = false;
        foreach (char c in text)
        {
            if (c == '\r') continue;
            if (c == '\n') { md.Append('\n'); lineStart = true; digits = false; continue; }
            if (lineStart)
            {
                if (c is ' ' or '\t') continue; // four spaces would open a code block
                lineStart = false;
                if (char.IsAsciiDigit(c)) { digits = true; md.Append(c); continue; }
                if (c is '-' or '+' or '=' or '*' or '#' or '>' or '|') { md.Append('\\').Append(c); continue; }
            }
            if (digits)
            {
                // "1." or "1)" would open an ordered list: escape the mark after the digits.
                if (char.IsAsciiDigit(c)) { md.Append(c); continue; }
                digits = false;
                if (c is '.' or ')') { md.Append('\\').Append(c); continue; }
            }
            if (Special.Contains(c)) md.Append('\\');
            md.Append(c);
        }
    }
}
