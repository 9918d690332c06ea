using Init.Posix;

namespace Init.Supervision;

/// <summary>Reads the notify socket on a thread of its own (blocked in recvmsg while idle) and posts each message.</summary>
internal static class NotifyListener
{
    public static void Start(NotifySocket socket, EventQueue events)
    {
        var thread = new Thread(() =>
        {
            while (socket.Receive() is { } message)
            {
                events.Post(new NotifyReceived(message.Pid, message.Message));
            }
        })
        {
            IsBackground = true,
            Name = "init notify",
        };
        thread.Start();
    }
}
