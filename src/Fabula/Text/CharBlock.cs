using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Fabula.Text;

/// <summary>
/// 64 characters classified at once, a bit each in a ulong, by vector compares: the ASCII letters, the ASCII digits,
/// the characters that are one of four marks, and the characters beyond ASCII (for the caller to ask
/// <see cref="char.IsLetter(char)"/> of, one by one). For the stages that read every character of long stretches:
/// the first- and second-person pronouns of the quotations, and the word count of the JSON.
/// </summary>
internal static class CharBlock
{
    /// <summary>Characters classified at once.</summary>
    public const int Length = 64;

    /// <summary>
    /// Bits of the 64 characters of <paramref name="text"/> from <paramref name="at"/> (spaces past its end):
    /// <paramref name="letters"/> for ASCII letters, <paramref name="digits"/> for ASCII digits, <paramref name="marked"/>
    /// for the characters equal to one of <paramref name="m0"/>..<paramref name="m3"/> (in either case when
    /// <paramref name="anyCase"/>: the marks are then lower-case letters), <paramref name="beyond"/> for those beyond ASCII.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: the marks are constants at each call
    public static void Classify(ReadOnlySpan<char> text, int at, char m0, char m1, char m2, char m3, bool anyCase,
                                out ulong letters, out ulong digits, out ulong marked, out ulong beyond)
    {
        if (at <= text.Length - Length) Classify(text.Slice(at, Length), m0, m1, m2, m3, anyCase, out letters, out digits, out marked, out beyond);
        else ClassifyLast(text[at..], m0, m1, m2, m3, anyCase, out letters, out digits, out marked, out beyond);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classify(ReadOnlySpan<char> block, char m0, char m1, char m2, char m3, bool anyCase,
                                 out ulong letters, out ulong digits, out ulong marked, out ulong beyond)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(block);
        ulong l = 0, d = 0, m = 0, o = 0;
        for (int q = 0; q < Length; q += Vector128<ushort>.Count)
        {
            var v = Vector128.Create(chars.Slice(q, Vector128<ushort>.Count));
            var lower = v | Vector128.Create((ushort)0x20);
            var letter = Vector128.LessThan(lower - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
            var digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
            var compared = anyCase ? lower : v;
            var mark = Vector128.Equals(compared, Vector128.Create((ushort)m0)) | Vector128.Equals(compared, Vector128.Create((ushort)m1))
                       | Vector128.Equals(compared, Vector128.Create((ushort)m2)) | Vector128.Equals(compared, Vector128.Create((ushort)m3));
            if (anyCase) mark &= letter;
            var other = Vector128.GreaterThan(v, Vector128.Create((ushort)127));
            l |= (ulong)letter.ExtractMostSignificantBits() << q;
            d |= (ulong)digit.ExtractMostSignificantBits() << q;
            m |= (ulong)mark.ExtractMostSignificantBits() << q;
            o |= (ulong)other.ExtractMostSignificantBits() << q;
        }
        (letters, digits, marked, beyond) = (l, d, m, o);
    }

    /// <summary><see cref="Classify"/> for the last characters of the text (fewer than 64): padded with spaces.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClassifyLast(ReadOnlySpan<char> rest, char m0, char m1, char m2, char m3, bool anyCase,
                                     out ulong letters, out ulong digits, out ulong marked, out ulong beyond)
    {
        Span<char> block = stackalloc char[Length];
        block.Fill(' ');
        rest.CopyTo(block);
        Classify(block, m0, m1, m2, m3, anyCase, out letters, out digits, out marked, out beyond);
    }
}
