/*
 * probe: the child the integration tests run under init. It reports what it sees on stdout, one line a
 * fact, so the tests can wait on lines instead of sleeping. Plain C so it adds no runtime of its own
 * (no .NET signal handling) between init and what the test measures.
 *
 *   probe signals [--ignore-term] [--exit-code N] [--exit-on S] [--quiet]
 *       catch every catchable signal, print "ready pid=P pgid=G" then "signal N pid=P" for each one received
 *       (not with --quiet). Signal S (default SIGTERM) ends it with exit code N (default 0), unless --ignore-term.
 *   probe storm PID N SIG...
 *       send N signals to PID as fast as kill(2) takes them, the listed signal numbers in turn (a full
 *       real-time queue is waited out), then print "storm N sent" and exit 0.
 *   probe orphans N
 *       make N orphans that exit together, then wait until init has reaped them all; print
 *       "orphans N released", then "zombies left Z, orphans alive A"; exit 0 when both are 0 (1 after 20 s).
 *   probe status
 *       print this process's SigBlk, SigIgn and SigCgt from /proc/self/status and its pgid, then exit 0.
 *   probe notify [--delay-ms N] [--pings K]
 *       after N ms send READY=1 and STATUS=serving to $NOTIFY_SOCKET (print "notified"); with $WATCHDOG_USEC
 *       set, send WATCHDOG=1 every half of it, K times (forever without --pings), then stay silent. Then it
 *       behaves as `probe signals` (with the same options, e.g. --ignore-term).
 *   probe listen PORT [--delay-ms N]
 *       after N ms listen on 127.0.0.1:PORT (print "listening"), then behave as `probe signals`.
 *   probe fds [-- COMMAND ARGS...]
 *       print "fds 0 1 2 ..." (the descriptors that survive an exec), then exec COMMAND if given.
 *   probe args [WORD...]
 *       print "args" and each WORD as hex bytes ("args 6d61696e fffe"), so bytes that are not UTF-8 reach the
 *       test unchanged; then behave as `probe signals`.
 *   probe parent [-i N] [-b N]... -- COMMAND ARGS...
 *       set every signal to its default and unblock all, then ignore (-i) or block (-b) the signals numbered
 *       N, then exec COMMAND: starts init (or tini) with exactly that parent's signal state.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/wait.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

static int ignore_term;
static char pid_suffix[32];
static int term_exit_code;
static int exit_signal = SIGTERM;
static int quiet;

static void say(const char *line)
{
    size_t n = strlen(line);
    while (n > 0) {
        ssize_t w = write(1, line, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            _exit(99);
        }
        line += w;
        n -= (size_t)w;
    }
}

static void on_signal(int sig)
{
    char buf[64];
    /* async-signal-safe formatting: "signal N pid=P" */
    char digits[12];
    int d = 0, v = sig;
    do { digits[d++] = (char)('0' + v % 10); v /= 10; } while (v > 0);
    int p = 0;
    memcpy(buf, "signal ", 7); p = 7;
    while (d > 0) buf[p++] = digits[--d];
    size_t suffix = strlen(pid_suffix);
    memcpy(buf + p, pid_suffix, suffix + 1);
    if (!quiet) say(buf);
    if (sig == exit_signal && !ignore_term) _exit(term_exit_code);
}

/* Parses the `signals` options and catches every catchable signal (printing each one). */
static void catch_signals(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--ignore-term") == 0) ignore_term = 1;
        else if (strcmp(argv[i], "--exit-code") == 0 && i + 1 < argc) term_exit_code = atoi(argv[++i]);
        else if (strcmp(argv[i], "--exit-on") == 0 && i + 1 < argc) exit_signal = atoi(argv[++i]);
        else if (strcmp(argv[i], "--quiet") == 0) quiet = 1;
    }
    snprintf(pid_suffix, sizeof pid_suffix, " pid=%d\n", (int)getpid());
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigfillset(&sa.sa_mask);
    for (int sig = 1; sig <= SIGRTMAX; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP || sig == SIGCHLD) continue;
        if (sig > 31 && sig < SIGRTMIN) continue;
        sigaction(sig, &sa, NULL);
    }
}

static __attribute__((noreturn)) void run_signals(int argc, char **argv)
{
    catch_signals(argc, argv);
    char line[96];
    snprintf(line, sizeof line, "ready pid=%d pgid=%d\n", (int)getpid(), (int)getpgrp());
    say(line);
    for (;;) pause();
}

/* Its words as hex: what exec handed over, byte for byte. */
static __attribute__((noreturn)) void run_args(int argc, char **argv)
{
    char *none[] = {NULL};
    catch_signals(0, none); /* first: a test may signal it as soon as the line is out */
    char line[4096] = "args";
    size_t used = 4;
    for (int i = 0; i < argc; i++) {
        if (used + 2 >= sizeof line) break;
        line[used++] = ' ';
        for (const unsigned char *b = (const unsigned char *)argv[i]; *b && used + 3 < sizeof line; b++)
            used += (size_t)snprintf(line + used, sizeof line - used, "%02x", *b);
    }
    snprintf(line + used, sizeof line - used, "\n");
    say(line);
    run_signals(0, none);
}

/* Counts init's other children (the orphans handed to it), zombies among them apart. */
static void count_orphans(pid_t init_pid, int *zombies, int *alive)
{
    *zombies = 0;
    *alive = 0;
    DIR *proc = opendir("/proc");
    if (!proc) return;
    struct dirent *e;
    while ((e = readdir(proc)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        if (atoi(e->d_name) == (int)getpid()) continue;
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = 0;
        char *close = strrchr(buf, ')');
        char state;
        int ppid;
        if (!close || sscanf(close + 2, "%c %d", &state, &ppid) != 2 || ppid != (int)init_pid) continue;
        if (state == 'Z') (*zombies)++;
        else (*alive)++;
    }
    closedir(proc);
}

static int run_orphans(int n)
{
    pid_t init_pid = getppid();
    int gate[2];
    if (pipe(gate) != 0) return 2;
    for (int i = 0; i < n; i++) {
        pid_t child = fork();
        if (child < 0) return 2;
        if (child == 0) {
            pid_t grandchild = fork();
            if (grandchild == 0) {
                char c;
                close(gate[1]);
                /* blocks until the probe closes the gate: then all orphans exit at once */
                while (read(gate[0], &c, 1) < 0 && errno == EINTR) {}
                _exit(0);
            }
            _exit(0);
        }
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
    }
    close(gate[0]);
    close(gate[1]);
    char line[64];
    snprintf(line, sizeof line, "orphans %d released\n", n);
    say(line);

    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int zombies, alive;
    for (;;) {
        count_orphans(init_pid, &zombies, &alive);
        if (zombies == 0 && alive == 0) break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec > 20) break;
        struct timespec pause_ts = {0, 5 * 1000 * 1000};
        nanosleep(&pause_ts, NULL);
    }
    snprintf(line, sizeof line, "zombies left %d, orphans alive %d\n", zombies, alive);
    say(line);
    return zombies == 0 && alive == 0 ? 0 : 1;
}

static int run_status(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return 2;
    char buf[256];
    while (fgets(buf, sizeof buf, f)) {
        if (strncmp(buf, "SigBlk:", 7) == 0 || strncmp(buf, "SigIgn:", 7) == 0 || strncmp(buf, "SigCgt:", 7) == 0)
            say(buf);
    }
    fclose(f);
    char line[64];
    snprintf(line, sizeof line, "pgid %d\n", (int)getpgrp());
    say(line);
    return 0;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

static int notify(const char *message)
{
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || !*path) return -1;
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    ssize_t n = sendto(fd, message, strlen(message), 0, (struct sockaddr *)&addr, sizeof addr);
    close(fd);
    return n < 0 ? -1 : 0;
}

static int option_value(int argc, char **argv, const char *name, int fallback)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0) return atoi(argv[i + 1]);
    return fallback;
}

static int run_notify(int argc, char **argv)
{
    catch_signals(argc, argv); /* a signal during the pings is reported, not fatal */
    sleep_ms(option_value(argc, argv, "--delay-ms", 0));
    if (notify("READY=1\nSTATUS=serving") != 0) { say("no notify socket\n"); return 3; }
    say("notified\n");
    const char *usec = getenv("WATCHDOG_USEC");
    if (usec && *usec) {
        int pings = option_value(argc, argv, "--pings", -1);
        long interval_ms = atol(usec) / 2000;
        for (int i = 0; pings < 0 || i < pings; i++) {
            notify("WATCHDOG=1");
            sleep_ms(interval_ms);
        }
        say("pings stopped\n");
    }
    run_signals(argc, argv);
}

static int run_listen(int argc, char **argv)
{
    if (argc < 1) return 2;
    int port = atoi(argv[0]);
    sleep_ms(option_value(argc, argv, "--delay-ms", 0));
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 16) != 0) { perror("listen"); return 3; }
    say("listening\n");
    char *none[] = {NULL};
    run_signals(0, none);
}

/* A parent's exact signal state: every signal at its default and nothing blocked, then the ones named
 * ignored (-i N) or blocked (-b N), then exec. Clean first: the test runner's own state (a .NET process
 * ignores SIGPIPE) must not leak into what a test compares. */
static int run_parent(int argc, char **argv)
{
    sigset_t blocked;
    sigemptyset(&blocked);
    for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL);
    int i = 0;
    for (; i + 1 < argc && strcmp(argv[i], "--") != 0; i += 2) {
        if (strcmp(argv[i], "-i") == 0) signal(atoi(argv[i + 1]), SIG_IGN);
        else if (strcmp(argv[i], "-b") == 0) sigaddset(&blocked, atoi(argv[i + 1]));
        else return 2;
    }
    if (i >= argc || strcmp(argv[i], "--") != 0 || i + 1 >= argc) return 2;
    sigprocmask(SIG_SETMASK, &blocked, NULL);
    execvp(argv[i + 1], argv + i + 1);
    perror("probe: exec");
    return 127;
}

/* The descriptors this process has that survive an exec (no FD_CLOEXEC), as "fds 0 1 2 ...". With
 * "-- CMD" it then execs CMD: what the line shows is then exactly what CMD starts with. */
static int run_fds(int argc, char **argv)
{
    char line[4096] = "fds";
    size_t used = 3;
    DIR *dir = opendir("/proc/self/fd");
    if (!dir) { perror("probe: /proc/self/fd"); return 3; }
    int skip = dirfd(dir);
    int fds[1024], n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && n < 1024) {
        if (e->d_name[0] == '.') continue;
        int fd = atoi(e->d_name);
        if (fd == skip || (fcntl(fd, F_GETFD) & FD_CLOEXEC)) continue;
        fds[n++] = fd;
    }
    closedir(dir);
    for (int i = 0; i < n; i++)  /* sorted, so two lists compare as text */
        for (int j = i + 1; j < n; j++)
            if (fds[j] < fds[i]) { int t = fds[i]; fds[i] = fds[j]; fds[j] = t; }
    for (int i = 0; i < n && used + 12 < sizeof line; i++)
        used += (size_t)snprintf(line + used, sizeof line - used, " %d", fds[i]);
    snprintf(line + used, sizeof line - used, "\n");
    say(line);
    if (argc >= 2 && strcmp(argv[0], "--") == 0) {
        execvp(argv[1], argv + 1);
        perror("probe: exec");
        return 127;
    }
    return 0;
}

static int run_storm(int argc, char **argv)
{
    pid_t pid = (pid_t)atoi(argv[0]);
    long n = atol(argv[1]);
    int kinds = argc - 2;
    if (kinds <= 0) return 2;
    for (long i = 0; i < n; i++) {
        int sig = atoi(argv[2 + i % kinds]);
        while (kill(pid, sig) != 0) {
            if (errno != EAGAIN) { perror("probe: kill"); return 1; }
            sched_yield(); /* the real-time queue is full until init reads from it */
        }
    }
    char line[64];
    snprintf(line, sizeof line, "storm %ld sent\n", n);
    say(line);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "signals") == 0) run_signals(argc - 2, argv + 2);
    if (argc >= 3 && strcmp(argv[1], "orphans") == 0) return run_orphans(atoi(argv[2]));
    if (argc >= 2 && strcmp(argv[1], "status") == 0) return run_status();
    if (argc >= 2 && strcmp(argv[1], "notify") == 0) return run_notify(argc - 2, argv + 2);
    if (argc >= 3 && strcmp(argv[1], "listen") == 0) return run_listen(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "args") == 0) run_args(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "parent") == 0) return run_parent(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "fds") == 0) return run_fds(argc - 2, argv + 2);
    if (argc >= 5 && strcmp(argv[1], "storm") == 0) return run_storm(argc - 2, argv + 2);
    fprintf(stderr, "usage: probe signals [--ignore-term] [--exit-code N] | orphans N | status | args WORD... | storm PID N SIG... | parent [-i N] [-b N]... -- CMD...\n");
    return 2;
}
