using System.Text;

namespace Fabula.Corpus;

/// <summary>
/// Shard <c>Index</c> of <c>Count</c>: a stable subset of the works, chosen by a hash of each work's id,
/// so that N machines given the same inputs split them with no work done twice and none left out.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard All => new(0, 1);

    /// <summary>Parses "i/N" (0 ≤ i &lt; N), as given to <c>--shard</c>.</summary>
    public static Shard Parse(string text)
    {
        int slash = text.IndexOf('/');
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), out int index)
            || !int.TryParse(text.AsSpan(slash + 1), out int count)
            || count < 1 || index < 0 || index >= count)
            throw new FabulaInputException($"--shard '{text}' is not i/N with 0 <= i < N (e.g. 0/4)");
        return new Shard(index, count);
    }

    public bool Contains(string id) => Count == 1 || (int)(StableHash(id) % (ulong)Count) == Index;

    /// <summary>
    /// FNV-1a, 64 bits, over the id's UTF-8 bytes: the same on every machine, .NET version and run
    /// (string.GetHashCode is randomised per process, so it cannot split work between machines).
    /// </summary>
    public static ulong StableHash(string id)
    {
        const ulong offsetBasis = 14695981039346656037, prime = 1099511628211;
        Span<byte> buffer = id.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(id.Length)] : new byte[Encoding.UTF8.GetByteCount(id)];
        int n = Encoding.UTF8.GetBytes(id, buffer);
        ulong hash = offsetBasis;
        foreach (byte b in buffer[..n])
            hash = (hash ^ b) * prime;
        return hash;
    }

    public override string ToString() => $"{Index}/{Count}";
}
