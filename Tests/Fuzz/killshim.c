// An LD_PRELOAD shim for the kill test (Tests/Fuzz/killtest.py), not part of PlaceMap.
//
// It counts the renames that publish an output: every rename(2), renameat(2) and renameat2(2) except
// those with both paths inside a staging folder (both holding PLACEMAP_STAGING_MARK, by default
// "placemap-staging"). Environment:
//   PLACEMAP_KILL_AT_RENAME=K        SIGKILL the process just before the K-th publishing rename
//   PLACEMAP_KILL_AFTER_RENAME=K     SIGKILL it just after the K-th publishing rename
//   PLACEMAP_RENAME_DELAY_MS=D       sleep D ms before each publishing rename (holds a run mid-publish)
//   PLACEMAP_RENAME_LOG=FILE         append "K FROM -> TO" for each publishing rename
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static atomic_int publishing;

static int env_int(const char *name) {
    const char *v = getenv(name);
    return v ? atoi(v) : 0;
}

// Returns the publishing rename's number (1, 2, ...), or 0 for a rename inside a staging folder.
static int before(const char *from, const char *to) {
    const char *mark = getenv("PLACEMAP_STAGING_MARK");
    if (!mark) mark = "placemap-staging";
    if (from && to && strstr(from, mark) && strstr(to, mark)) return 0;
    int n = atomic_fetch_add(&publishing, 1) + 1;
    const char *log = getenv("PLACEMAP_RENAME_LOG");
    if (log) {
        FILE *f = fopen(log, "a");  // NULL when it cannot be opened: the log is skipped
        if (f) { fprintf(f, "%d %s -> %s\n", n, from ? from : "?", to ? to : "?"); fclose(f); }
    }
    if (env_int("PLACEMAP_KILL_AT_RENAME") == n) kill(getpid(), SIGKILL);
    int delay = env_int("PLACEMAP_RENAME_DELAY_MS");
    if (delay > 0) {
        struct timespec t = {delay / 1000, (long)(delay % 1000) * 1000000L};
        nanosleep(&t, NULL);
    }
    return n;
}

static void after(int n) {
    if (n > 0 && env_int("PLACEMAP_KILL_AFTER_RENAME") == n) kill(getpid(), SIGKILL);
}

int rename(const char *from, const char *to) {
    static int (*real)(const char *, const char *);
    if (!real) real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    int n = before(from, to);
    int r = real(from, to);
    after(n);
    return r;
}

int renameat(int fromfd, const char *from, int tofd, const char *to) {
    static int (*real)(int, const char *, int, const char *);
    if (!real) real = (int (*)(int, const char *, int, const char *))dlsym(RTLD_NEXT, "renameat");
    int n = before(from, to);
    int r = real(fromfd, from, tofd, to);
    after(n);
    return r;
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned int flags) {
    static int (*real)(int, const char *, int, const char *, unsigned int);
    if (!real) real = (int (*)(int, const char *, int, const char *, unsigned int))dlsym(RTLD_NEXT, "renameat2");
    int n = before(from, to);
    int r = real(fromfd, from, tofd, to, flags);
    after(n);
    return r;
}
