using Fabula.Text;

namespace Fabula.World.Relations;

/// <summary>
/// The kinds of relation between two characters. For <see cref="Parent"/>, <see cref="Employer"/>
/// and <see cref="Captor"/> the relation has a direction: <c>A</c> is the parent, employer or
/// captor. The others are symmetric and kept with <c>A</c> &lt; <c>B</c>.
/// </summary>
public enum RelationType : byte { Parent, Sibling, Relative, Partner, FormerPartner, Friend, Employer, Captor, Adversary }

/// <summary>A partner relation's stage, or None.</summary>
public enum PartnerStage : byte { None, Dating, Bonded, Engaged, Married }

/// <summary>
/// One place where the text asserts a relation: "his sister Izzy", "Jace was his brother", "Alec
/// married Magnus". <c>Ends</c> marks an assertion that the relation stops holding ("freed her",
/// "divorced him"). <c>A</c> and <c>B</c> are character indexes in the <see cref="Cast.CastList"/>.
/// </summary>
public readonly record struct RelationAssertion(TextSpan Span, RelationType Type, int A, int B, PartnerStage Stage, bool Ends) : ISpanned;

/// <summary>
/// A relation the story holds between two characters, gathered from its assertions: the latest
/// partner stage, whether it still holds at the end, and the passages that say so. An inferred
/// relation (the sister of my sister is my sister) carries the evidence of the relations it comes from.
/// </summary>
public sealed record Relation(RelationType Type, int A, int B, PartnerStage Stage, bool AtEnd, bool Inferred, IReadOnlyList<TextSpan> Evidence)
{
    public static string Name(RelationType type) => type switch
    {
        RelationType.Parent => "parent",
        RelationType.Sibling => "sibling",
        RelationType.Relative => "relative",
        RelationType.Partner => "partner",
        RelationType.FormerPartner => "former-partner",
        RelationType.Friend => "friend",
        RelationType.Employer => "employer",
        RelationType.Captor => "captor",
        _ => "adversary",
    };

    public static RelationType Parse(string name) => name switch
    {
        "parent" => RelationType.Parent,
        "sibling" => RelationType.Sibling,
        "relative" => RelationType.Relative,
        "partner" => RelationType.Partner,
        "former-partner" => RelationType.FormerPartner,
        "friend" => RelationType.Friend,
        "employer" => RelationType.Employer,
        "captor" => RelationType.Captor,
        "adversary" => RelationType.Adversary,
        _ => throw new InvalidOperationException($"Unknown relation type {name}."),
    };

    public static string? StageName(PartnerStage stage) => stage switch
    {
        PartnerStage.Dating => "dating",
        PartnerStage.Bonded => "bonded",
        PartnerStage.Engaged => "engaged",
        PartnerStage.Married => "married",
        _ => null,
    };

    public static PartnerStage ParseStage(string name) => name switch
    {
        "dating" => PartnerStage.Dating,
        "bonded" => PartnerStage.Bonded,
        "engaged" => PartnerStage.Engaged,
        "married" => PartnerStage.Married,
        _ => PartnerStage.None,
    };

    public static bool IsDirected(RelationType type) => type is RelationType.Parent or RelationType.Employer or RelationType.Captor;
}

/// <summary>The relations of a story, the best attested first.</summary>
public sealed class RelationList(IReadOnlyList<Relation> relations)
{
    public IReadOnlyList<Relation> Items => relations;
}
