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
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>

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
