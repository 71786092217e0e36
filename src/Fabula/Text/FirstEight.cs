using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Fabula.Text;

/// <summary>
/// The first eight characters of a word as one vector, zero past the word's end: the key that the cast's
/// word table and the content scan's word table compare and hash instead of the characters one by one.
/// </summary>
internal static class FirstEight
{
    public const int Length = 8;

    /// <summary>
    /// Characters <paramref name="start"/>..+8 of <paramref name="text"/> with the lanes from
    /// <paramref name="length"/> on cleared. The caller makes sure eight characters follow
    /// <paramref name="start"/> (<c>start + 8 &lt;= text.Length</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: one vector load per word in the stages' word loops
    public static Vector128<ushort> Load(ReadOnlySpan<char> text, int start, int length) =>
        Vector128.Create(MemoryMarshal.Cast<char, ushort>(text.Slice(start, Length)))
        & Vector128.LessThan(Vector128<ushort>.Indices, Vector128.Create((ushort)Math.Min(length, Length)));
}
