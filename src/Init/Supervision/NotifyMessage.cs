namespace Init.Supervision;

/// <summary>One sd_notify datagram: newline-separated KEY=VALUE assignments (READY=1, STATUS=..., WATCHDOG=1).</summary>
internal static class NotifyMessage
{
    public static IEnumerable<(string Key, string Value)> Parse(string message)
    {
        foreach (var line in message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=');
            yield return eq < 0 ? (line, "") : (line[..eq], line[(eq + 1)..]);
        }
    }
}
