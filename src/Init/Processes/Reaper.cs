using Init.Supervision;
using Mono.Unix.Native;

namespace Init.Processes;

/// <summary>
/// Reaps every child, ours and every orphan handed to us, on a thread that blocks in waitpid(-1).
/// No SIGCHLD handler on purpose: with one installed, the .NET runtime reaps all children itself when it is
/// PID 1 and throws their statuses away (shared/DESIGN.md). Blocking here costs no wake-ups while idle.
/// </summary>
internal sealed class Reaper
{
    private readonly EventQueue _events;
    private readonly AutoResetEvent _childrenMayExist = new(false);

    public Reaper(EventQueue events) => _events = events;

    public void Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "init reaper" };
        thread.Start();
    }

    /// <summary>Called after each spawn: waitpid said "no children" before, and now there may be one.</summary>
    public void ChildStarted() => _childrenMayExist.Set();

    private void Run()
    {
        while (true)
        {
            // WUNTRACED: a child stopped by Ctrl-Z must be seen, or a shell waiting on init would hang.
            var pid = Syscall.waitpid(-1, out var status, WaitOptions.WUNTRACED);
            if (pid > 0)
            {
                try
                {
                    _events.Post(Syscall.WIFSTOPPED(status)
                        ? new ChildStopped(pid, (status >> 8) & 0xff)
                        : new ChildExited(pid, ExitStatus.FromWaitStatus(status)));
                }
                catch (Exception e)
                {
                    // An exception on this thread would end PID 1; the child is reaped, report and go on.
                    _events.Post(new ReaperFailed($"pid {pid}, wait status {status}: {e.Message}"));
                }
                continue;
            }

            var errno = Stdlib.GetLastError();
            if (errno == Errno.ECHILD)
            {
                _childrenMayExist.WaitOne();
            }
            else if (errno != Errno.EINTR)
            {
                // Nothing else is documented for waitpid(-1); report it, and retry without spinning.
                _events.Post(new ReaperFailed(errno.ToString()));
                _childrenMayExist.WaitOne(TimeSpan.FromSeconds(1));
            }
        }
    }
}
