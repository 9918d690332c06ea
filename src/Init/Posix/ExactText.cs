using System.Text;

namespace Init.Posix;

/// <summary>
/// Text as the kernel passes it (argv, environ, paths): bytes, usually but not always UTF-8, held in a .NET
/// string without loss (docs/design.md, "Arguments are bytes"). Valid UTF-8 decodes as usual; each byte that
/// is not part of valid UTF-8 becomes the lone surrogate U+DC00 + byte (Python's surrogateescape), which no
/// valid UTF-8 can produce, so <see cref="Encode"/> gives back exactly the bytes <see cref="Decode"/> was given.
/// Every character with a meaning to init ('=', ' ', quotes, '/') is ASCII, so parsing such a string is
/// parsing the bytes. Written out as ordinary text (a log line), an escaped byte shows as U+FFFD.
/// </summary>
internal static class ExactText
{
    private const char EscapeBase = '\uDC00';

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        // The usual case, every argument and variable of a plain start: decoded in one vectorised call
        // instead of rune by rune (docs/design.md, "Start-up and memory").
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        var text = new StringBuilder(bytes.Length);
        Span<char> units = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                text.Append(units[..rune.EncodeToUtf16(units)]);
                bytes = bytes[used..];
            }
            else
            {
                // Only the first byte: decoding starts again at the next one, so each stray byte is kept on its own.
                text.Append((char)(EscapeBase + bytes[0]));
                bytes = bytes[1..];
            }
        }
        return text.ToString();
    }

    /// <returns>the bytes, followed by a NUL when <paramref name="terminate"/> (for a C string).</returns>
    public static byte[] Encode(string text, bool terminate = false)
    {
        // No surrogate, so nothing escaped and nothing lone: plain UTF-8.
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            var utf8Bytes = new byte[Encoding.UTF8.GetByteCount(text) + (terminate ? 1 : 0)];
            Encoding.UTF8.GetBytes(text, utf8Bytes);
            return utf8Bytes;
        }
        var bytes = new List<byte>(text.Length + 1);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            }
            else if (text[i] is >= '\uDC80' and <= '\uDCFF')
            {
                bytes.Add((byte)(text[i] - EscapeBase));
                used = 1;
            }
            else
            {
                // A lone surrogate Decode cannot produce: written as U+FFFD, as Encoding.UTF8 would.
                bytes.AddRange(utf8[..Rune.ReplacementChar.EncodeToUtf8(utf8)]);
                used = 1;
            }
            i += used;
        }
        if (terminate)
        {
            bytes.Add(0);
        }
        return [.. bytes];
    }
}
