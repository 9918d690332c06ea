using System.Text;

namespace Init.Logging;

/// <summary>A command line as one string a shell would split back into the same words (`sh -c 'exit 3'`), so
/// a logged command is unambiguous: words with anything but safe characters are single-quoted.</summary>
internal static class ShellWords
{
    public static void Append(StringBuilder to, IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                to.Append(' ');
            }
            var word = words[i];
            if (word.Length > 0 && IsSafe(word))
            {
                to.Append(word);
                continue;
            }
            to.Append('\'');
            foreach (var c in word)
            {
                if (c == '\'')
                {
                    to.Append("'\\''");
                }
                else
                {
                    to.Append(c);
                }
            }
            to.Append('\'');
        }
    }

    private static bool IsSafe(string word)
    {
        foreach (var c in word)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or ',' or '=' or '+' or '@' or '%'))
            {
                return false;
            }
        }
        return true;
    }
}
