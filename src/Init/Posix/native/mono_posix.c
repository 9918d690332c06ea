/*
 * Stand-ins for the entry points of Mono.Posix's native helper (libMonoPosixHelper) that init's trimmed
 * executable binds to. The helper itself cannot be used: init is one static file, and a dynamic library
 * loaded into a static process brings a second libc (errno lost). The build fails with an undefined
 * reference when the executable starts binding to one more, so this list cannot silently fall short; a
 * differential unit test compares every function here with the real helper from the package.
 *
 * Mono.Posix passes its own enum values (Mono.Unix.Native.Signum); these map them to this platform's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stddef.h>

/* Mono.Unix.Native.Signum's values (Mono's ABI, fixed) against this platform's numbers. */
static const struct { int mono; int native; } signums[] = {
    {1, SIGHUP}, {2, SIGINT}, {3, SIGQUIT}, {4, SIGILL}, {5, SIGTRAP}, {6, SIGABRT}, {7, SIGBUS},
    {8, SIGFPE}, {9, SIGKILL}, {10, SIGUSR1}, {11, SIGSEGV}, {12, SIGUSR2}, {13, SIGPIPE}, {14, SIGALRM},
    {15, SIGTERM}, {16, SIGSTKFLT}, {17, SIGCHLD}, {18, SIGCONT}, {19, SIGSTOP}, {20, SIGTSTP},
    {21, SIGTTIN}, {22, SIGTTOU}, {23, SIGURG}, {24, SIGXCPU}, {25, SIGXFSZ}, {26, SIGVTALRM},
    {27, SIGPROF}, {28, SIGWINCH}, {29, SIGIO}, {30, SIGPWR}, {31, SIGSYS},
};

/* As the helper's: 0 and *r set, or -1 with errno EINVAL for a value Mono does not know (0 maps to 0). */
int Mono_Posix_FromSignum(int x, int *r)
{
    *r = 0;
    if (x == 0)
        return 0;
    for (size_t i = 0; i < sizeof signums / sizeof signums[0]; i++) {
        if (signums[i].mono == x) {
            *r = signums[i].native;
            return 0;
        }
    }
    errno = EINVAL;
    return -1;
}
