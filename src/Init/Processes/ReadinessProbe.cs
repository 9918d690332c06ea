using Init.Options;

namespace Init.Processes;

/// <summary>Runs the polled readiness checks (TCP and file); notify and started need no polling.</summary>
internal static class ReadinessProbe
{
    public static bool IsReady(Readiness readiness) => readiness switch
    {
        Readiness.Tcp t => Posix.TcpProbe.Accepts(t.Port),
        Readiness.FileExists f => File.Exists(f.Path),
        _ => false,
    };
}
