using Init.Options;
using Xunit;

namespace Init.Tests.Options;

public class CommandWordsTests
{
    [Theory]
    [InlineData("sleep 10", new[] { "sleep", "10" })]
    [InlineData("  a   b\tc ", new[] { "a", "b", "c" })]
    [InlineData("sh -c 'echo $HOME; exit 3'", new[] { "sh", "-c", "echo $HOME; exit 3" })]
    [InlineData("echo \"a \\\"b\\\" \\\\ \\$x\"", new[] { "echo", "a \"b\" \\ $x" })]
    [InlineData("echo \"keep \\n as is\"", new[] { "echo", "keep \\n as is" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("x'y'\"z\"", new[] { "xyz" })]
    [InlineData("''", new[] { "" })]
    [InlineData("", new string[0])]
    [InlineData("nginx -g 'daemon off;'", new[] { "nginx", "-g", "daemon off;" })]
    public void Splits_like_a_shell_without_expanding(string text, string[] expected) =>
        Assert.Equal(expected, CommandWords.Split(text));

    [Theory]
    [InlineData("echo 'open", "single quote")]
    [InlineData("echo \"open", "double quote")]
    [InlineData("echo \\", "backslash")]
    public void Rejects_unfinished_quoting(string text, string what) =>
        Assert.Contains(what, Assert.Throws<FormatException>(() => CommandWords.Split(text)).Message);
}
