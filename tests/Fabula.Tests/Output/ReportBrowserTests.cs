using System.Diagnostics;
using Fabula.Output;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Fabula.Tests.Output;

/// <summary>
/// One headless Chromium (Debian's, at /usr/bin/chromium; .ci/run installs it) for the browser tests.
/// Without it the tests pass silently on a developer's machine, and fail under CI=true.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath)) return;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
    }
}

/// <summary>
/// Opens HTML reports in Chromium: no console errors and no requests of any kind, every section
/// present, a warning that scrolls the text to its passage and back, search, hostile stories
/// inert; saves laptop and phone screenshots under the test output's screenshots/ folder.
/// </summary>
public sealed class ReportBrowserTests(Chromium chromium, ITestOutputHelper log) : IClassFixture<Chromium>, IDisposable
{
    private static readonly string[] Sections = ["overview", "cast", "relationships", "dialogue", "timeline", "scenes", "consistency", "warnings", "text"];
    private static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private readonly string _dir = Directory.CreateTempSubdirectory("fabula-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private bool HaveBrowser()
    {
        if (chromium.Browser is not null) return true;
        Assert.False(Chromium.Required, $"CI=true but there is no {Chromium.ExecutablePath}: .ci/run must install Debian's chromium.");
        return false;
    }

    /// <summary>A page on the report, recording console errors, uncaught exceptions, dialogs and every request made.</summary>
    private sealed class Visit(IPage page, List<string> errors, List<string> requests, List<string> dialogs, double loadMs)
    {
        public IPage Page => page;
        public List<string> Errors => errors;
        public List<string> Requests => requests;
        public List<string> Dialogs => dialogs;
        public double LoadMs => loadMs;
    }

    private async Task<Visit> Open(string html, string name, int width = 1366, int height = 768)
    {
        string path = Path.Combine(_dir, name + ".html");
        await File.WriteAllTextAsync(path, html);
        var context = await chromium.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        var page = await context.NewPageAsync();
        List<string> errors = [], requests = [], dialogs = [];
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{message.Type}: {message.Text}"); };
        page.PageError += (_, error) => errors.Add("uncaught: " + error);
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        string url = new Uri(path).AbsoluteUri;
        page.Request += (_, request) => { if (request.Url != url) requests.Add(request.Url); };
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        try { await page.WaitForSelectorAsync("body.ready", new PageWaitForSelectorOptions { Timeout = 15000 }); }
        catch (TimeoutException) { Assert.Fail($"{name}: the report was not drawn; page errors: {string.Join(" | ", errors)}"); }
        double loadMs = clock.Elapsed.TotalMilliseconds;
        return new Visit(page, errors, requests, dialogs, loadMs);
    }

    private static async Task AssertSectionsPresent(IPage page)
    {
        foreach (string id in Sections)
        {
            var section = page.Locator($"section#{id}");
            Assert.Equal(1, await section.CountAsync());
            Assert.False(string.IsNullOrWhiteSpace(await section.Locator("h2").InnerTextAsync()), $"section {id} has no heading");
        }
        Assert.Equal(Sections.Length, await page.Locator("nav.toc a").CountAsync());
    }

    private static void AssertClean(Visit visit)
    {
        Assert.Empty(visit.Errors);
        Assert.Empty(visit.Requests);
        Assert.Empty(visit.Dialogs);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png") });
    }

    /// <summary>Clicks the first passage of the first warning; the text must scroll to it and the way back must work.</summary>
    private static async Task ClickWarningAndSeeItsPassage(IPage page)
    {
        var jump = page.Locator("#warnings ul.evidence a.jump").First;
        int start = int.Parse(await jump.GetAttributeAsync("data-start") ?? "-1");
        Assert.True(start >= 0);
        double before = await page.EvaluateAsync<double>("() => window.scrollY");
        await jump.ClickAsync();
        await page.WaitForTimeoutAsync(300);
        double after = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(after > before, $"clicking the warning did not scroll the page ({before} -> {after})");
        // The paragraph holding the passage is on screen and is marked as the target.
        bool visible = await page.EvaluateAsync<bool>(@"start => {
            const p = document.querySelector('#story-text p.target');
            if (!p || +p.dataset.s > start) return false;
            const r = p.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight;
        }", start);
        Assert.True(visible, "the warning's passage is not on screen after the click");
        Assert.True(await page.Locator(".back").IsVisibleAsync(), "no way back to the finding");
        await page.Locator(".back button").First.ClickAsync();
        await page.WaitForTimeoutAsync(300);
        bool back = await page.EvaluateAsync<bool>(@"() => {
            const r = document.querySelector('#warnings li.finding').getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight;
        }");
        Assert.True(back, "the way back does not return to the finding");
    }

    [Fact]
    public async Task Sample_story_report_shows_every_section_and_links_findings_to_the_text()
    {
        if (!HaveBrowser()) return;
        var payload = ReportFixtures.WithFindings(ReportFixtures.Read(ReportFixtures.SamplePath));
        var visit = await Open(HtmlReport.Write(payload), "sample");
        var page = visit.Page;
        await AssertSectionsPresent(page);
        await Screenshot(page, "sample-laptop-top");
        await page.Locator("#relationships").ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "sample-laptop-graph");
        await page.Locator("#warnings").ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "sample-laptop-warnings");
        await ClickWarningAndSeeItsPassage(page);
        await page.Locator("#warnings ul.evidence a.jump").First.ClickAsync();
        await Screenshot(page, "sample-laptop-passage");
        // Clicking the passage's mark leads back to the warning.
        await page.Locator("#story-text a.mark.w").First.ClickAsync();
        await page.WaitForTimeoutAsync(200);
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.querySelector('#warnings li.finding').getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }"));
        AssertClean(visit);
        await page.Context.CloseAsync();

        var phone = await Open(HtmlReport.Write(payload), "sample-phone", 390, 844);
        await AssertSectionsPresent(phone.Page);
        await Screenshot(phone.Page, "sample-phone-top");
        await phone.Page.Locator("#cast").ScrollIntoViewIfNeededAsync();
        await Screenshot(phone.Page, "sample-phone-cast");
        await phone.Page.Locator("#dialogue").ScrollIntoViewIfNeededAsync();
        await Screenshot(phone.Page, "sample-phone-dialogue");
        await ClickWarningAndSeeItsPassage(phone.Page);
        await phone.Page.Locator("#warnings ul.evidence a.jump").First.ClickAsync();
        await Screenshot(phone.Page, "sample-phone-passage");
        AssertClean(phone);
        await phone.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Searching_and_filtering_by_character_work_without_a_server()
    {
        if (!HaveBrowser()) return;
        var payload = ReportFixtures.WithFindings(ReportFixtures.Read(ReportFixtures.SamplePath));
        var visit = await Open(HtmlReport.Write(payload), "search");
        var page = visit.Page;
        await page.Locator("#search").FillAsync("lamp");
        await page.Locator("#search-results li").First.WaitForAsync();
        int hits = await page.Locator("#search-results li").CountAsync();
        int expected = 0;
        for (int i = payload.Text.IndexOf("lamp", StringComparison.OrdinalIgnoreCase); i >= 0; i = payload.Text.IndexOf("lamp", i + 4, StringComparison.OrdinalIgnoreCase)) expected++;
        Assert.Equal(expected, hits);
        await page.Locator("#search-results a.jump").Last.ClickAsync();
        await page.WaitForTimeoutAsync(200);
        Assert.Contains("lamp", (await page.Locator("#story-text p.target").InnerTextAsync()).ToLowerInvariant());

        var options = page.Locator("#speaker-filter option");
        Assert.True(await options.CountAsync() > 1, "no characters to filter by");
        string value = (await options.Nth(1).GetAttributeAsync("value"))!;
        await page.Locator("#speaker-filter").SelectOptionAsync(value);
        Assert.True(await page.Locator("#story-text.filtering").CountAsync() == 1);
        int chosen = await page.Locator("#story-text .q.chosen").CountAsync();
        int theirs = await page.Locator($"#story-text .q[data-speaker='{value}']").CountAsync();
        Assert.True(chosen > 0 && chosen == theirs, $"filter chose {chosen} quotations, the character has {theirs}");
        await Screenshot(page, "sample-laptop-filter");
        AssertClean(visit);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Long_novel_report_loads_fast_and_jumps_to_a_late_passage()
    {
        if (!HaveBrowser()) return;
        string novel = ReportFixtures.SecretGardenPath;
        if (!File.Exists(novel)) { Assert.False(Chromium.Required, $"{novel} is missing"); return; }
        var payload = ReportFixtures.WithFindings(ReportFixtures.Read(novel));
        string html = HtmlReport.Write(payload);
        var visit = await Open(html, "secret-garden");
        var page = visit.Page;
        double loadEvent = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
        double drawnMs = await page.EvaluateAsync<double>("() => +document.body.dataset.drawnMs");
        int bytes = System.Text.Encoding.UTF8.GetByteCount(html);
        string timing = $"The Secret Garden: report {bytes / 1024.0:F0} KiB; page drawn {drawnMs:F0} ms and load event {loadEvent:F0} ms after navigation started";
        log.WriteLine(timing);
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(ScreenshotDir).FullName, "secret-garden-timing.txt"), timing + "\n");
        Assert.True(loadEvent < 10000, timing);
        await AssertSectionsPresent(page);
        // Lazy text: only a few blocks are drawn at first.
        int drawn = await page.Locator("#story-text .block:not(.pending)").CountAsync();
        int blocks = await page.Locator("#story-text .block").CountAsync();
        Assert.True(blocks > 5 && drawn < blocks, $"{drawn} of {blocks} blocks drawn at load");
        await Screenshot(page, "garden-laptop-top");
        await ClickWarningAndSeeItsPassage(page);
        await page.Locator("#warnings ul.evidence a.jump").First.ClickAsync();
        await Screenshot(page, "garden-laptop-passage");
        AssertClean(visit);
        await page.Context.CloseAsync();

        var phone = await Open(html, "secret-garden-phone", 390, 844);
        await Screenshot(phone.Page, "garden-phone-top");
        await phone.Page.Locator("#text").ScrollIntoViewIfNeededAsync();
        await phone.Page.Mouse.WheelAsync(0, 600);
        await phone.Page.WaitForTimeoutAsync(200);
        await Screenshot(phone.Page, "garden-phone-text");
        AssertClean(phone);
        await phone.Page.Context.CloseAsync();
    }

    /// <summary>Nothing from the story runs: no global set, no element or attribute that could run, only links into the page.</summary>
    private static async Task AssertInert(Visit visit)
    {
        var page = visit.Page;
        await AssertSectionsPresent(page);
        await page.Locator("#story-text").ScrollIntoViewIfNeededAsync(); // the text is drawn as it nears the screen
        await page.Locator("#story-text p").Last.ScrollIntoViewIfNeededAsync();
        await page.WaitForTimeoutAsync(200);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await page.Locator("body img, body iframe, body object, body embed, main script").CountAsync());
        Assert.Equal(0, await page.Locator("[href^='javascript' i], [onerror], [onmouseover], [onclick], [onload]").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a[href]')].filter(a => !a.getAttribute('href').startsWith('#')).length"));
        AssertClean(visit);
    }

    [Fact]
    public async Task Hostile_ao3_download_renders_its_markup_as_plain_text()
    {
        if (!HaveBrowser()) return;
        var story = ReportFixtures.HostileAo3();
        Assert.NotNull(story.Source.Declared); // the reader found the AO3 preface
        var visit = await Open(HtmlReport.Write(ReportFixtures.WithFindings(story)), "hostile-ao3");
        await AssertInert(visit);
        string shown = await visit.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Nell wrote <script>window.__pwned = 18</script> on the wall", shown);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 20\">", shown);
        Assert.Contains("javascript:alert(document.cookie)", shown);
        Assert.Contains("Original Work <script>", shown);
        await visit.Page.Locator("#overview").ScrollIntoViewIfNeededAsync();
        await Screenshot(visit.Page, "hostile-ao3-laptop");
        await visit.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hostile_story_renders_its_markup_as_plain_text()
    {
        if (!HaveBrowser()) return;
        var story = ReportFixtures.Hostile();
        var visit = await Open(HtmlReport.Write(ReportFixtures.WithFindings(story)), "hostile");
        var page = visit.Page;
        await AssertInert(visit);
        string shown = await page.Locator("main").InnerTextAsync();
        Assert.Contains("<script>window.__pwned = 1; alert('pwned')</script>", shown);     // the text
        Assert.Contains("onerror=\"window.__pwned = 2\"", shown);
        Assert.Contains("javascript:alert(document.domain)", shown);                     // an AO3 tag
        Assert.Contains("Mallory <img src=x onerror=\"window.__pwned = 2\">", shown);     // the author
        Assert.Contains("The Tag <script>", await page.Locator("header h1").InnerTextAsync());
        await Screenshot(page, "hostile-laptop");
        AssertClean(visit);
        await page.Context.CloseAsync();
    }
}
