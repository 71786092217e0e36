using Fabula.Content;
using Fabula.Text;
using Xunit.Abstractions;

namespace Fabula.Tests.Content;

/// <summary>
/// The passage suite: short passages in plain, non-graphic wording, each with what the content stage
/// must and must not find. "+id" the category is found; "-id" it is not; "id=severity" it is found
/// with that worst severity. At least one passage per category and more than twenty traps (negation,
/// idiom, metaphor, hypothetical, medical or historical context, consensual scenes). The issue's bar:
/// at most two misses over the whole suite.
/// </summary>
public sealed class PassageSuiteTests(ITestOutputHelper output)
{
    public static readonly (string Text, string Expect)[] Passages =
    [
        // --- one or more per category ---
        ("That night she slept with him for the first time, and in the morning they ate breakfast together.", "sexual-content=mentioned -sexual-violence"),
        ("They undressed each other slowly, and she kissed his neck while he held her.", "sexual-content=depicted -sexual-violence"),
        ("Their lovemaking ended in an orgasm for both of them.", "sexual-content=graphic"),
        ("Years later she told the court that he had raped her.", "sexual-violence=mentioned"),
        ("She said no and tried to push him away, but he held her down and undressed her.", "+sexual-violence +sexual-content"),
        ("He blackmailed her into bed with the photographs.", "+sexual-violence"),
        ("He slipped something into her drink, and later he undressed her while she was unconscious.", "+drugging +sexual-violence"),
        ("He slept with the girl although she was only fifteen.", "+underage +sexual-content"),
        ("The man kissed the fourteen-year-old and took off her clothes.", "+underage"),
        ("Her stepfather beat the little boy with a belt every night.", "+child-abuse +violence"),
        ("He had been abused as a child, and he spoke of it to no one.", "child-abuse=mentioned"),
        ("Her husband hit her again that night, and she hid the bruise under her sleeve.", "+domestic-abuse +violence"),
        ("It was a long, abusive relationship, and she finally left him.", "+domestic-abuse"),
        ("Tom punched the stranger in the face.", "violence=depicted"),
        ("He shot the man twice in the chest.", "+violence"),
        ("He strangled her with a cord.", "+violence"),
        ("Years ago, his father had beaten him.", "violence=mentioned"),
        ("He stabbed the guard, and blood poured from the wound onto the stones.", "+graphic-violence violence=graphic"),
        ("He struck the man again and again until blood ran down his face.", "+graphic-violence"),
        ("The soldier's leg was mangled, the bone showing through torn flesh.", "+graphic-violence"),
        ("Old Martin died in his sleep that winter.", "+death"),
        ("Her mother died when she was six.", "+death -underage"),
        ("The baby died two days after it was born.", "+death"),
        ("The police found the body of the murdered woman in the river.", "+death +violence"),
        ("He hanged himself in the barn.", "+suicide"),
        ("Some nights she wanted to die, and she told no one.", "+suicide"),
        ("Her brother's suicide, ten years ago, still haunted her.", "suicide=mentioned"),
        ("She cut herself in secret and hid the marks under long sleeves.", "+self-harm"),
        ("They were sold into slavery and shipped across the sea.", "+slavery"),
        ("The runaway slave hid in the swamp for weeks.", "+slavery"),
        ("The men kidnapped the merchant's daughter and held her for ransom.", "+captivity"),
        ("She was held prisoner in the tower for seven years.", "+captivity"),
        ("The soldiers took the villagers captive and marched them north.", "+captivity"),
        ("He drugged the guard's wine so that he would sleep.", "+drugging"),
        ("She slipped a sedative into the guard's coffee.", "+drugging"),
        ("He had been sedated, and when he woke he was chained to the wall.", "+drugging +captivity"),
        ("Her father came home drunk again and fell asleep on the stairs.", "+substance-abuse"),
        ("He was addicted to opium and spent his days in the den.", "+substance-abuse"),
        ("She had been starving herself for months, counting every crumb.", "+eating-disorder"),
        ("By spring she was pregnant with their second child.", "+pregnancy -underage"),
        ("She went into labour at midnight and gave birth before dawn.", "+pregnancy"),
        ("She lost the baby in the third month.", "+miscarriage"),
        ("The homophobic slurs painted on his locker stayed there for a week.", "+homophobia +slurs"),
        ("Her aunt kept deadnaming her at dinner, on purpose.", "+transphobia"),
        ("The racist shopkeeper refused to serve him.", "+racism"),
        ("He said the other race was inferior, and the lynching that followed shamed the town.", "+racism"),
        ("He shouted a racial slur at the boy.", "+slurs +racism"),
        ("\"Shit,\" she muttered, \"we're late.\"", "+profanity"),
        ("\"Damn it,\" he said, and threw down the map.", "+profanity"),
        ("The carter whipped the horse until it fell.", "+animal-cruelty -violence"),
        ("He kicked the dog across the yard.", "+animal-cruelty -violence"),
        ("The surgeon prepared the syringe before the operation.", "+medical"),
        ("The doctor sedated the patient before the surgery.", "+medical -drugging"),
        ("They tortured the prisoner for three days to learn the password.", "+torture"),
        ("They burned him with irons until he confessed.", "+torture"),

        // --- traps: negation, idiom, metaphor, hypothetical, context, consent ---
        ("I could kill for a coffee right now.", "-violence -death"),
        ("She didn't hit him, though she wanted to.", "-violence"),
        ("If he ever hurts you, I'll make him sorry.", "-violence"),
        ("\"I'll kill you,\" he shouted, but he only slammed the door.", "-violence -death"),
        ("The comedian killed it on stage last night.", "-violence -death"),
        ("We were dying to see the new play.", "-death"),
        ("She was bored to death by the sermon.", "-death"),
        ("The news hit her hard.", "-violence"),
        ("Her heart beat faster as he walked in.", "-violence"),
        ("He beat his brother at chess.", "-violence"),
        ("The doctor drew blood for the test.", "+medical -violence -graphic-violence"),
        ("The museum displayed chains once used in the slave trade.", "slavery=mentioned"),
        ("She was afraid he would hit her.", "-violence"),
        ("Nobody died in the fire.", "-death"),
        ("He almost died of the fever that winter.", "-death"),
        ("The miscarriage of justice outraged the town.", "-miscarriage"),
        ("She was dying of curiosity about the letter.", "-death"),
        ("Waiting for the results was pure torture.", "-torture"),
        ("I'm starving, let's get some lunch.", "-eating-disorder"),
        ("He slaved over the stove all afternoon.", "-slavery"),
        ("She pinned him to the bed, laughing, and they undressed each other slowly.", "+sexual-content -violence -sexual-violence"),
        ("He pushed her gently against the wall and kissed her neck, and she pulled him closer, smiling.", "+sexual-content -violence -sexual-violence"),
        ("The surgeon amputated the soldier's leg while the nurse held the lamp.", "+medical -violence"),
        ("The dead leaves blew across the yard.", "-death"),
        ("They fought back tears at the station.", "-violence"),
        ("She shot him a glance across the table.", "-violence"),
        ("\"Kill the engine,\" said the pilot.", "-violence -death"),
        ("\"Did he hurt you?\" she asked.", "-violence"),
        ("She had drunk her tea before the guests arrived.", "-substance-abuse"),
        ("Her words stabbed at his pride.", "-violence"),
        ("The old house was dead silent.", "-death"),
        ("He was drunk with power after the election.", "-substance-abuse"),
        ("He threatened to shoot the dog if she left.", "-violence -animal-cruelty"),
        ("They did not sleep together that night; he left at ten.", "-sexual-content"),
        ("The textbook described the battle of Hastings in a single page.", "-violence"),
        ("The engine died halfway up the hill.", "-death"),
        ("She hit the ball over the fence.", "-violence"),
        ("He struck a match and lit the candle.", "-violence"),
        ("The clock struck twelve.", "-violence -underage"),
        ("The pianist attacked the keys with energy.", "-violence"),
        ("The needle of the compass swung north.", "-medical"),
        ("He asked her to sleep with the window open.", "-sexual-content"),
        ("If she slept with him, her father would never forgive her.", "-sexual-content"),
        ("She was a teenager when she first read the book.", "-underage"),
        ("No one was hurt in the crash.", "-violence"),
        ("Nobody was killed, and the rebels surrendered.", "-death -violence"),
        ("He was a good man, and the men who served under him would have died for him.", "-death"),
        ("She was twenty-two when she slept with him for the first time.", "+sexual-content -underage"),
        ("The party was a smash hit with the neighbours.", "-violence"),
        ("He bit his lip and said nothing.", "-violence"),
        // TimePassing: time passes away, people pass away.
        ("The first fortnight of her visit soon passed away.", "-death"),
        ("Did January and February pass away in the usual round of calls?", "-death"),
        ("Two weeks later her grandmother passed away in her sleep.", "+death"),
        ("The old captain passed away the night the ship came home.", "+death"),
        // NearMiss in dialect ("most" is "almost"); "most of" is no near miss.
        ("That joke most killed Tom, he laughed so.", "-death"),
        ("Most of the crew died of fever that winter.", "+death"),
        // Idioms: figurative slavery, impressions, laughter, threats deserved.
        ("His easy temper made him the slave of his designing friends.", "-slavery"),
        ("She was a slave to fashion and spent every penny on hats.", "-slavery"),
        ("The slave of the planter ran north in the night.", "+slavery"),
        ("He seemed quite struck with Jane as she went down the dance.", "-violence"),
        ("I was ready to die of laughter.", "-death"),
        ("\"You deserved to be beheaded,\" said the Queen.", "-death -violence"),
        ("The memory tortured her for years.", "-torture"),
        ("You cannot conceive how they have tortured me with their questions.", "-torture"),
        // Command, Hunting, and a companion after the verb.
        ("\"Behead that traitor!\" shouted the Queen.", "-death"),
        ("The Queen beheaded the traitor at dawn.", "+death"),
        ("When you have killed all your own birds, come and shoot on my land.", "-animal-cruelty -violence"),
        ("He came next morning to shoot with her husband.", "-violence"),
        ("The boys killed the cat with stones.", "+animal-cruelty"),
        // Heading: a title in capitals names a subject; the same words in the story are an event.
        ("CHAPTER TEN. THE MURDER AT THE MILL", "-death -violence"),
        ("As the old poem says, --THE RAPE OF THE LOCK.", "-sexual-violence"),
        ("That night a stranger murdered the miller at the mill.", "+death"),
        // PassiveSubject: the victim or the figure before a passive verb.
        ("She has got three couple of ducks just fit to be killed for the dinner.", "-violence -death -animal-cruelty"),
        ("The captain of the whole scheme was shot at dawn.", "+violence"),
        ("Now was the moment for her resolution to be executed.", "-violence -death"),
        ("The old horse was whipped until it fell.", "+animal-cruelty -violence"),
        ("The lieutenant of the youth's company was shot in the hand.", "+violence"),
        ("The justice of the charge struck her too forcibly for denial.", "-violence"),
    ];

    [Fact]
    public void Suite_has_a_passage_per_category_and_twenty_traps()
    {
        int traps = 0;
        var covered = new HashSet<string>();
        foreach (var (_, expect) in Passages)
        {
            bool positive = false;
            foreach (var e in expect.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (e[0] == '+') { covered.Add(e[1..]); positive = true; }
                else if (e.Contains('=')) { covered.Add(e[..e.IndexOf('=')]); positive = true; }
            }
            if (!positive) traps++;
        }
        foreach (var c in ContentTaxonomy.All) Assert.Contains(c.Id, covered);
        Assert.True(Passages.Length >= 60, $"{Passages.Length} passages");
        Assert.True(traps >= 20, $"{traps} traps");
    }

    [Fact]
    public void Passage_suite_passes_with_at_most_two_misses()
    {
        var misses = new List<string>();
        foreach (var (text, expect) in Passages)
        {
            string? miss = Check(text, expect);
            if (miss is not null) misses.Add(miss);
        }
        foreach (var m in misses) output.WriteLine(m);
        Assert.True(misses.Count <= 2, $"{misses.Count} misses:\n" + string.Join("\n", misses));
    }

    internal static string? Check(string text, string expect)
    {
        var found = Found(text);
        var wrong = new List<string>();
        foreach (var e in expect.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (e[0] == '+') { if (!found.ContainsKey(e[1..])) wrong.Add(e); }
            else if (e[0] == '-') { if (found.ContainsKey(e[1..])) wrong.Add(e); }
            else
            {
                var (id, severity) = (e[..e.IndexOf('=')], e[(e.IndexOf('=') + 1)..]);
                if (!found.TryGetValue(id, out var s) || !s.ToString().Equals(severity, StringComparison.OrdinalIgnoreCase)) wrong.Add(e);
            }
        }
        if (wrong.Count == 0) return null;
        var dropped = new List<DroppedHit>();
        ContentProfiler.Scan(Pipeline.Default.Run(text), dropped);
        var why = new List<string>();
        foreach (var d in dropped) why.Add($"{d.Category.Id}@{d.Trigger.Start}:{d.Rule}");
        return $"MISS {string.Join(" ", wrong)} in \"{text}\" — found {Describe(found)}; dropped {string.Join(" ", why)}";
    }

    /// <summary>Every category found in a passage (any confidence) with its worst severity.</summary>
    internal static Dictionary<string, Severity> Found(string text)
    {
        var story = Pipeline.Default.Run(text);
        var found = new Dictionary<string, Severity>();
        foreach (var hit in ContentProfiler.Scan(story))
            if (!found.TryGetValue(hit.Category.Id, out var s) || hit.Severity > s) found[hit.Category.Id] = hit.Severity;
        return found;
    }

    internal static string Describe(Dictionary<string, Severity> found)
    {
        var parts = new List<string>();
        foreach (var (id, s) in found) parts.Add($"{id}={s.ToString().ToLowerInvariant()}");
        parts.Sort(StringComparer.Ordinal);
        return parts.Count == 0 ? "(nothing)" : string.Join(" ", parts);
    }
}
