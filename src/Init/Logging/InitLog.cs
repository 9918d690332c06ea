using Init.Options;
using Serilog;
using Serilog.Core;
using Serilog.Formatting.Json;
using Serilog.Sinks.SystemConsole.Themes;

namespace Init.Logging;

/// <summary>init's own log lines, on stderr only; children's output never passes through init.</summary>
internal static class InitLog
{
    public const string TextTemplate = "[init] {Level:u4} {Message:lj}{NewLine}{Exception}";

    public static Logger Create(InitOptions options)
    {
        var config = new LoggerConfiguration().MinimumLevel.Is(options.LogLevel);
        // stderr from every level up; no theme, so the sink never asks the console about colours.
        config = options.LogFormat == LogFormat.Json
            ? config.WriteTo.Console(new JsonFormatter(renderMessage: true), standardErrorFromLevel: Serilog.Events.LevelAlias.Minimum)
            : config.WriteTo.Console(outputTemplate: TextTemplate, theme: ConsoleTheme.None,
                standardErrorFromLevel: Serilog.Events.LevelAlias.Minimum,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        return config.CreateLogger();
    }
}
