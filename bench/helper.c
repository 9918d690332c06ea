/*
 * The child each init runs in the benchmarks (plain C, so it adds nothing of its own to what is measured).
 *   helper ack         print "r", then write one byte "a" to stdout for every SIGUSR1; exit 0 on SIGTERM.
 *   helper orphans N   make N orphans that exit at once; watch their /proc entries until init has reaped them
 *                      all; print "<microseconds from release to the last one gone> <peak zombies in one pass>".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig) { (void)sig; while (write(1, "a", 1) < 0 && errno == EINTR) {} }
static void on_term(int sig) { (void)sig; _exit(0); }

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* The state letter of a process, 0 once it is gone (reaped). */
static char state_of(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *close_paren = strrchr(buf, ')');
    return close_paren && close_paren[1] == ' ' ? close_paren[2] : 0;
}

static int orphans(int n)
{
    int gate[2], pids[2];
    if (pipe(gate) != 0 || pipe(pids) != 0) return 2;
    for (int i = 0; i < n; i++) {
        pid_t child = fork();
        if (child < 0) return 2;
        if (child == 0) {
            pid_t grandchild = fork();
            if (grandchild == 0) {
                char c;
                close(gate[1]);
                while (read(gate[0], &c, 1) < 0 && errno == EINTR) {}
                _exit(0);
            }
            /* tell the helper which pid to watch: only the orphans are looked at, not all of /proc */
            while (write(pids[1], &grandchild, sizeof grandchild) < 0 && errno == EINTR) {}
            _exit(0);
        }
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
    }
    close(gate[0]);
    close(pids[1]);
    pid_t *watch = malloc(sizeof(pid_t) * (size_t)n);
    int left = 0;
    while (left < n && read(pids[0], &watch[left], sizeof(pid_t)) == (ssize_t)sizeof(pid_t)) left++;

    long long start = now_us();
    close(gate[1]);
    int peak = 0;
    while (left > 0) {
        int zombies = 0;
        for (int i = 0; i < left;) {
            char state = state_of(watch[i]);
            if (state == 0) { watch[i] = watch[--left]; continue; }
            if (state == 'Z') zombies++;
            i++;
        }
        if (zombies > peak) peak = zombies;
        if (now_us() - start > 60000000LL) { printf("timeout %d\n", left); return 1; }
    }
    printf("%lld %d\n", now_us() - start, peak);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "ack") == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_usr1;
        sigaction(SIGUSR1, &sa, NULL);
        sa.sa_handler = on_term;
        sigaction(SIGTERM, &sa, NULL);
        while (write(1, "r", 1) < 0 && errno == EINTR) {}
        for (;;) pause();
    }
    if (argc >= 3 && strcmp(argv[1], "orphans") == 0) return orphans(atoi(argv[2]));
    fprintf(stderr, "usage: helper ack | orphans N\n");
    return 2;
}
