using System.Text;

namespace Init.Options;

/// <summary>
/// Splits a command line into words the way a POSIX shell splits them, without running a shell: blanks
/// separate words; '...' keeps everything literally; "..." keeps everything but \" \\ \$ \` (backslash-escaped);
/// a backslash outside quotes escapes the next character. No expansion of any kind ($VAR, globs, ~).
/// </summary>
internal static class CommandWords
{
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                    break;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException("a single quote is not closed");
                    }
                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, word);
                    inWord = true;
                    break;
                case '\\':
                    if (i + 1 >= text.Length)
                    {
                        throw new FormatException("a backslash ends the command");
                    }
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    /// <returns>the index of the closing quote.</returns>
    private static int ReadDoubleQuoted(string text, int start, StringBuilder word)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i;
            }
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                word.Append(text[++i]);
                continue;
            }
            word.Append(c);
        }
        throw new FormatException("a double quote is not closed");
    }
}
