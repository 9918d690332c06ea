/*
 * The signal state init was started with, recorded before the .NET runtime exists (docs/design.md,
 * "Signal state"). The runtime changes dispositions before Main runs (it ignores SIGPIPE, handles the
 * fault signals and SIGRTMIN), so only a constructor sees what init's parent meant its children to get.
 *
 * The constructor also blocks every signal init forwards or acts on. Every thread the runtime creates
 * later inherits that mask, so no such signal is delivered to any thread behind the loop's back: they stay
 * pending until the loop reads them from its signalfd, one by one, in the kernel's order.
 *
 * It keeps argv as the kernel gave it (docs/design.md, "Arguments are bytes"): .NET hands Main strings in
 * which bytes that are not UTF-8 are already replaced, and the child must get them unchanged.
 *
 * Last, where RLIMIT_NPROC applies, it checks that one more task (thread or process) can be created
 * (docs/design.md, "The process limit"): the runtime cannot start without its finalizer thread, and fails
 * silently (exit 255) when the limit leaves no room for it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static sigset_t start_mask;
static sigset_t start_ignored;
static sigset_t waited;
static int start_argc;
static char **start_argv;

/*
 * Never blocked, so never waited for: SIGKILL and SIGSTOP (impossible), the fault signals (synchronous;
 * the runtime turns them into exceptions or crash reports), SIGPIPE (the runtime ignores it for itself;
 * a blocked ignored signal would be queued instead of dropped), glibc's reserved 32 and 33, and SIGRTMIN,
 * which the NativeAOT runtime sends to its own threads to suspend them for the GC.
 * Everything else up to SIGRTMAX is either forwarded (Signals/ForwardableSignals.cs) or SIGCHLD.
 */
static int never_waited(int sig)
{
    switch (sig) {
    case SIGKILL: case SIGSTOP:
    case SIGSEGV: case SIGBUS: case SIGFPE: case SIGILL: case SIGABRT: case SIGTRAP: case SIGSYS:
    case SIGPIPE:
        return 1;
    default:
        return sig >= 32 && sig <= SIGRTMIN;
    }
}

/*
 * Whether a task can be created now: vfork a child that exits at once, and reap it. The kernel counts a
 * task against RLIMIT_NPROC and pids.max until it is reaped, so once waitpid returns the count is back
 * where it was (a thread that was joined may still be counted for a moment; a reaped child is not).
 * Every signal is blocked around it, as in spawn.c: no handler may run in the child on init's memory.
 * Returns 0, or the errno of vfork (EAGAIN: a limit is reached).
 */
int init_task_room(void)
{
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &saved);
    pid_t pid = vfork();
    if (pid == 0)
        _exit(0);
    int error = pid < 0 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    if (pid > 0)
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
    return error;
}

/*
 * Whether RLIMIT_NPROC can stop a new task: the limit is finite, and init is not root of the initial user
 * namespace, which the kernel exempts (that namespace's /proc/self/ns/user has the fixed inode 0xEFFFFFFD).
 * Only then is the probe worth its cost (a vfork, about 0.1 ms); containers mostly run without the limit.
 */
static int nproc_limit_applies(void)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NPROC, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 0;
    struct stat ns;
    return !(getuid() == 0 && stat("/proc/self/ns/user", &ns) == 0 && ns.st_ino == 0xEFFFFFFDu);
}

/* glibc calls constructors with main's arguments, in static executables too. */
__attribute__((constructor)) static void init_record_start_state(int argc, char **argv, char **envp)
{
    (void)envp; /* environ is read where it is needed: it is the same array */
    start_argc = argc;
    start_argv = argv;

    pthread_sigmask(SIG_SETMASK, NULL, &start_mask);
    sigemptyset(&start_ignored);
    for (int sig = 1; sig <= SIGRTMAX; sig++) {
        struct sigaction old;
        if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            sigaddset(&start_ignored, sig);
    }

    /* An ignored SIGCHLD makes the kernel reap init's children itself: every exit status would be lost.
     * init takes it back to its default for itself; children still get it as it was (it is recorded). */
    if (sigismember(&start_ignored, SIGCHLD)) {
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigaction(SIGCHLD, &dfl, NULL);
    }

    sigemptyset(&waited);
    for (int sig = 1; sig <= SIGRTMAX; sig++)
        if (!never_waited(sig))
            sigaddset(&waited, sig);
    pthread_sigmask(SIG_BLOCK, &waited, NULL);

    if (nproc_limit_applies() && init_task_room() == EAGAIN) {
        /* One line, as every start-up failure of init; exit 1, as tini's "fork failed". */
        static const char line[] = "[init] EROR cannot start, no thread can be created: the process limit is "
                                   "reached (RLIMIT_NPROC, ulimit -u, or the cgroup's pids.max)\n";
        ssize_t ignored = write(2, line, sizeof line - 1);
        (void)ignored;
        _exit(1);
    }
}

/* For C#: argv exactly as given (NULL when no constructor arguments came, and then argc is 0). */
char **init_arguments(int *argc)
{
    *argc = start_argc;
    return start_argv;
}

/* For C#: the signals the loop reads from its signalfd (glibc's sigset_t, 128 bytes). */
void init_waited_signals(sigset_t *out) { *out = waited; }

/* For spawn.c: the state a child starts with. */
const sigset_t *init_child_mask(void) { return &start_mask; }
const sigset_t *init_child_ignored(void) { return &start_ignored; }
