using Fabula.Text;

namespace Fabula.Content;

/// <summary>Why a passage belongs to a category, or (for a dropped hit) why not: the names of the rules in docs/content.md.</summary>
public enum ContextRule : byte
{
    None,
    // Rules that drop a hit.
    Idiom, Figurative, Negation, Hypothetical, Question, NearMiss, ObjectRequired, Corroboration, ConsensualScene, TimePassing, Command, Hunting, Heading,
    // Rules that change a hit.
    Backstory, GraphicDetail, AnimalTarget, ChildTarget, PartnerTarget, MedicalContext, ConsentSignals, AgeSignals,
}

/// <summary>
/// One passage that supports a category: the sentence (Passage) and the words that triggered it
/// (Trigger), how much it shows, how sure we are, and the rule that made it (None for a plain
/// lexicon hit). Aspect refines a death: "parent", "child", "named character".
/// </summary>
public readonly record struct ContentHit(
    ContentCategory Category, Severity Severity, float Confidence, TextSpan Passage, TextSpan Trigger,
    ContextRule Rule, string? Aspect = null, TextSpan Name = default);

/// <summary>A hit a rule threw out, kept only when a trace is asked for (tests, --explain).</summary>
public readonly record struct DroppedHit(ContentCategory Category, TextSpan Trigger, ContextRule Rule);

/// <summary>
/// A hook for the world stage: the youngest age it knows for a character mentioned in a span
/// (a paragraph). Set one with <c>story.Set&lt;ICharacterAges&gt;(ages)</c> before the content stage
/// runs and the underage rule (AgeSignals) uses it alongside the age words of the passage.
/// </summary>
public interface ICharacterAges
{
    int? YoungestAgeIn(TextSpan span);
}

/// <summary>
/// A hook for the cast stage: whether a name names a main character. Set one with
/// <c>story.Set&lt;IMainCharacters&gt;(cast)</c>; without it a name counts as main when the story
/// mentions it often (ContentProfiler.MainCharacterMentions).
/// </summary>
public interface IMainCharacters
{
    bool IsMainCharacter(ReadOnlySpan<char> name);
}
