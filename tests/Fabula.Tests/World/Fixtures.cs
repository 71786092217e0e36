namespace Fabula.Tests.World;

/// <summary>Hand-written stories for the world stages.</summary>
internal static class Fixtures
{
    /// <summary>An omegaverse-style story: born classes stated in passing, a twelfth birthday, years later.</summary>
    public const string Omegaverse = """
        Chapter One

        Isabelle woke early on her twelfth birthday. The house in Alicante was quiet. Isabelle had dark eyes and long black hair, and her scent was rain on stone.

        Everyone in Alicante knew that alphas, betas and omegas lived apart; alphas and omegas did not marry, and betas kept the peace between them. Isabelle was a beta, like her mother. Simon was an alpha too, and he smelled of cedar and smoke. Simon was tall and lean.

        "Your son is an omega," the healer told Jocelyn that morning. Jocelyn Fray was the CEO of a company that built ships, and she was born in Idris.

        Luke was a beta as well. Luke was small and thin, and his green eyes followed Simon everywhere.

        Ben Garroway, the gardener, came from Brocelind. He worked in the garden every morning, and at noon he ate in the garden too.

        * * *

        Two weeks later, Simon went to the Institute in Alicante. The next day he wrote to Isabelle from the Institute.

        Chapter Two

        Years later, Isabelle stood in the garden again. Isabelle was still twelve, or so the clerk at the Institute wrote. Luke's blue eyes watched her from the window.

        Jocelyn died that winter. At the funeral, Simon said nothing.

        "I will not forget," said Jocelyn.
        """;
}
