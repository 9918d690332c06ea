/*
 * Starting a child with exactly the signal state init was started with (docs/design.md, "Spawning").
 * posix_spawn can reset a signal to its default but cannot set one to ignored, and the runtime has
 * handlers on signals that were ignored when init started (SIGSEGV, SIGBUS, SIGPIPE...), so the child's
 * dispositions are set here, between vfork and exec, from what startup_state.c recorded.
 *
 * vfork: the child borrows init's memory and init's thread waits until it has exec'd or exited, so the
 * exec error is handed back through a variable in this frame (what glibc's posix_spawn does too) instead of
 * a pipe. Between vfork and exec only async-signal-safe system calls run, with every signal blocked, so no
 * handler of the runtime can run in the child on init's memory.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

const sigset_t *init_child_mask(void);
const sigset_t *init_child_ignored(void);

/* init's own environment as the process has it now (C# merges the variables it adds into a copy). */
char **init_environ(void) { return environ; }

/*
 * path: what to exec (already looked up in PATH by the caller); argv, envp: NULL-terminated.
 * cwd: NULL keeps init's. new_group: the child leads a new process group. terminal_fd >= 0: that group
 * becomes the terminal's foreground group (done in the child, signals blocked, so SIGTTOU cannot stop it).
 * Returns 0 and the pid, or the errno of what failed (fork, chdir, exec).
 */
int init_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
               int new_group, int terminal_fd, pid_t *pid_out)
{
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &saved);

    volatile int child_error = 0;
    pid_t pid = vfork();
    if (pid == 0) {
        const sigset_t *ignored = init_child_ignored();
        for (int sig = 1; sig <= SIGRTMAX; sig++) {
            if (sig == SIGKILL || sig == SIGSTOP)
                continue;
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = sigismember(ignored, sig) ? SIG_IGN : SIG_DFL;
            sigaction(sig, &sa, NULL); /* glibc refuses 32 and 33: nothing to restore there */
        }
        if (new_group && setpgid(0, 0) != 0) {
            child_error = errno;
            _exit(127);
        }
        if (terminal_fd >= 0)
            tcsetpgrp(terminal_fd, getpid()); /* best effort: not our terminal after all is no reason to fail */
        if (cwd != NULL && chdir(cwd) != 0) {
            child_error = errno;
            _exit(127);
        }
        pthread_sigmask(SIG_SETMASK, init_child_mask(), NULL);
        execve(path, argv, envp);
        if (errno == ENOEXEC) {
            /* An executable text file without "#!": run it with /bin/sh, as execvp (tini, dumb-init) does. */
            int argc = 0;
            while (argv[argc] != NULL)
                argc++;
            char *shell_argv[argc + 2];
            shell_argv[0] = (char *)"/bin/sh";
            shell_argv[1] = (char *)path;
            for (int i = 1; i <= argc; i++)
                shell_argv[i + 1] = argv[i];
            execve("/bin/sh", shell_argv, envp);
            errno = ENOEXEC; /* report the program's problem, not the shell's absence */
        }
        child_error = errno;
        _exit(127);
    }
    int fork_error = pid < 0 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);

    if (fork_error != 0)
        return fork_error;
    if (child_error != 0) {
        /* It has already exited (vfork returned); reap it here so the loop never sees a stranger. */
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
        return child_error;
    }
    *pid_out = pid;
    return 0;
}
