/*
 * xloracle — the project's own reference harness: Xen's libxlutil (Debian libxen-dev, Xen 4.17)
 * parsing xl disk specs and configs, so the TypeScript parser can be checked against it.
 *
 *   xloracle parts PART...     one disk, parts as `xl block-attach` words; prints one JSON line
 *   xloracle batch [-q] [-x]   one spec per stdin line, one JSON line out per spec;
 *                              -x: each line is parts, hex-encoded, separated by ' ' ('.' = empty part);
 *                              -q: print only "N ok M errors" (for timing)
 *   xloracle config FILE       a whole xl config read as xl reads it (see printConfig)
 *
 * A disk result is libxl_device_disk_to_json's object folded onto one line, or
 * {"error":"<every line libxlutil reported>"}.
 *
 * libxlutil's scanner can die: on `=` followed by a newline flex reports "flex scanner jammed"
 * and calls exit(2), killing xl. To keep a batch going we interpose exit() (this executable is
 * linked with -rdynamic, so the library's call binds here) and jump back to the loop; the message
 * is captured by pointing stderr at the same memory stream during the parse.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxl.h>
#include <libxlutil.h>

static sigjmp_buf parse_jump;
static volatile int in_parse;

void exit(int status) {
    if (in_parse) siglongjmp(parse_jump, status ? status : 1);
    void (*real_exit)(int) = (void (*)(int))dlsym(RTLD_NEXT, "exit");
    real_exit(status);
    abort();
}

static void json_string(FILE *out, const char *s) {
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') { fputc('\\', out); fputc(*p, out); }
        else if (*p < 0x20 || *p == 0x7f) fprintf(out, "\\u%04x", *p);
        else fputc(*p, out);
    }
    fputc('"', out);
}

static void print_folded(FILE *out, char *json) {
    for (char *p = json; *p; p++) if (*p == '\n') *p = ' ';
    size_t l = strlen(json);
    while (l && json[l - 1] == ' ') json[--l] = 0;
    fputs(json, out);
}

/* Parses one disk; prints its JSON line unless quiet. Returns 0 when xl accepts it. */
static int parse_disk(int nparts, const char **parts, int quiet, FILE *devnull) {
    char *errbuf = NULL; size_t errlen = 0;
    FILE *report = quiet ? devnull : open_memstream(&errbuf, &errlen);
    FILE *saved_stderr = stderr;
    XLU_Config *cfg = xlu_cfg_init(report, "spec");
    libxl_device_disk disk;
    libxl_device_disk_init(&disk);
    int rc;
    stderr = report;
    in_parse = 1;
    int jumped = sigsetjmp(parse_jump, 0);
    if (!jumped) rc = xlu_disk_parse(cfg, nparts, parts, &disk);
    else rc = -jumped; /* the scanner called exit(); its state is abandoned (leaked) */
    in_parse = 0;
    stderr = saved_stderr;
    if (!quiet) {
        fflush(report);
        if (rc) {
            char *msg = errbuf ? errbuf : "";
            size_t l = strlen(msg);
            while (l && msg[l - 1] == '\n') msg[--l] = 0;
            printf("{\"error\":"); json_string(stdout, msg);
            if (rc < 0) printf(",\"exit\":%d", -rc);
            printf("}\n");
        } else {
            char *s = libxl_device_disk_to_json(NULL, &disk);
            print_folded(stdout, s); putchar('\n'); free(s);
        }
        fclose(report); free(errbuf);
    }
    if (!jumped) libxl_device_disk_dispose(&disk);
    xlu_cfg_destroy(cfg);
    return rc;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Splits a -x line into decoded parts, in place. */
static int split_hex(char *line, const char **parts, int max) {
    int n = 0;
    char *tok = strtok(line, " ");
    while (tok && n < max) {
        char *w = tok;
        if (strcmp(tok, ".") != 0) {
            for (char *r = tok; r[0] && r[1]; r += 2) {
                int hi = hexval(r[0]), lo = hexval(r[1]);
                if (hi < 0 || lo < 0) break;
                *w++ = (char)(hi << 4 | lo);
            }
        }
        *w = 0;
        parts[n++] = tok;
        tok = strtok(NULL, " ");
    }
    return n;
}

static int batch(int quiet, int hex) {
    FILE *devnull = fopen("/dev/null", "w");
    char *line = NULL; size_t cap = 0; ssize_t n;
    long ok = 0, bad = 0;
    const char *parts[256];
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n') line[--n] = 0;
        int np = 1;
        parts[0] = line;
        if (hex) np = split_hex(line, parts, 256);
        if (parse_disk(np, parts, quiet, devnull)) bad++; else ok++;
        if (!quiet) fflush(stdout);
    }
    if (quiet) printf("%ld ok %ld errors\n", ok, bad);
    return 0;
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) { perror(path); return NULL; }
    size_t cap = 8192; char *data = malloc(cap); *len = 0;
    size_t got;
    while ((got = fread(data + *len, 1, cap - *len, f)) > 0) {
        *len += got;
        if (cap - *len < 4096) data = realloc(data, cap *= 2);
    }
    if (f != stdin) fclose(f);
    return data;
}

/* The config as xl reads it: readdata, then the `disk` list walked the way xl_parse.c does. */
static int config(const char *path) {
    size_t len;
    char *data = read_all(path, &len);
    if (!data) return 2;
    char *msgs = NULL; size_t msglen = 0;
    FILE *report = open_memstream(&msgs, &msglen);
    XLU_Config *cfg = xlu_cfg_init(report, "config");
    int rc = xlu_cfg_readdata(cfg, data, (int)len);
    printf("{\"cfg_rc\": %d", rc);
    if (!rc) {
        XLU_ConfigList *list = NULL;
        int nitems = 0, xl_uses = -1;
        int drc = xlu_cfg_get_list(cfg, "disk", &list, &nitems, 0);
        printf(", \"disk_rc\": %d, \"items\": [", drc);
        for (int i = 0; !drc && i < nitems; i++) {
            XLU_ConfigValue *v = xlu_cfg_get_listitem2(list, i);
            if (i) printf(", ");
            if (xlu_cfg_value_type(v) == XLU_STRING) {
                const char *spec = xlu_cfg_get_listitem(list, i);
                printf("{\"type\": \"string\", \"spec\": ");
                json_string(stdout, spec);
                printf("}");
            } else {
                if (xl_uses < 0) xl_uses = i;
                printf("{\"type\": \"list\"}");
            }
        }
        if (xl_uses < 0) xl_uses = drc ? 0 : nitems;
        printf("], \"xl_uses\": %d", xl_uses);
    }
    fflush(report);
    printf(", \"messages\": [");
    int first = 1;
    for (char *p = msgs ? msgs : ""; *p;) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        if (!first) printf(", ");
        json_string(stdout, p); first = 0;
        if (!nl) break;
        p = nl + 1;
    }
    printf("]}\n");
    xlu_cfg_destroy(cfg);
    fclose(report); free(msgs); free(data);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && !strcmp(argv[1], "parts")) {
        FILE *devnull = fopen("/dev/null", "w");
        return parse_disk(argc - 2, (const char **)argv + 2, 0, devnull) ? 1 : 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "batch")) {
        int quiet = 0, hex = 0;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "-q")) quiet = 1;
            else if (!strcmp(argv[i], "-x")) hex = 1;
        }
        return batch(quiet, hex);
    }
    if (argc == 3 && !strcmp(argv[1], "config")) return config(argv[2]);
    fprintf(stderr, "usage: xloracle parts PART... | batch [-q] [-x] | config FILE|-\n");
    return 2;
}
