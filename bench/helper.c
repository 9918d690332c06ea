/*
 * The child each init runs in the benchmarks (plain C, so it adds nothing of its own to what is measured).
 *   helper ack         print "r", then write one byte "a" to stdout for every SIGUSR1; exit 0 on SIGTERM.
 *   helper orphans N   make N orphans that exit at once; wait until init has reaped them all; print
 *                      "<microseconds from release to no zombie left> <peak zombies seen>".
 */
#define _GNU_SOURCE
#include <dirent.h>
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

static void count(pid_t parent, int *zombies, int *alive)
{
    *zombies = *alive = 0;
    DIR *proc = opendir("/proc");
    struct dirent *e;
    while (proc && (e = readdir(proc)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9' || atoi(e->d_name) == getpid()) continue;
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = 0;
        char *close_paren = strrchr(buf, ')');
        char state;
        int ppid;
        if (!close_paren || sscanf(close_paren + 2, "%c %d", &state, &ppid) != 2 || ppid != (int)parent) continue;
        if (state == 'Z') (*zombies)++; else (*alive)++;
    }
    if (proc) closedir(proc);
}

static int orphans(int n)
{
    pid_t init_pid = getppid();
    int gate[2];
    if (pipe(gate) != 0) return 2;
    for (int i = 0; i < n; i++) {
        pid_t child = fork();
        if (child < 0) return 2;
        if (child == 0) {
            if (fork() == 0) {
                char c;
                close(gate[1]);
                while (read(gate[0], &c, 1) < 0 && errno == EINTR) {}
                _exit(0);
            }
            _exit(0);
        }
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
    }
    close(gate[0]);
    long long start = now_us();
    close(gate[1]);
    int peak = 0, zombies, alive;
    for (;;) {
        count(init_pid, &zombies, &alive);
        if (zombies > peak) peak = zombies;
        if (zombies == 0 && alive == 0) break;
        if (now_us() - start > 60000000LL) { printf("timeout %d %d\n", zombies, alive); return 1; }
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
