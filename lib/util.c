/*
 * util.c: the program's name, messages on standard error, the exit status
 * that a run accumulates, and allocation that never returns NULL.  A program
 * reports a problem and goes on where it can (every bad row of a file is
 * listed); the worst status seen is what it exits with.  Every message is
 * said in the language of the locale (i18n.c: its format is looked up in
 * the catalogue) and cleaned of what could steer a terminal (utf8.c).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chain_priv.h"

const char *chain_progname = "chain";
static int worst_status;

void
chain_setprogname(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	chain_progname = slash ? slash + 1 : argv0;
}

/* Writes s to standard error cleaned (utf8.c), so that no file name or
 * value from an input reaches the terminal raw. */
void
chain_stderr_put(const char *s)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	/* one write, not one per character of an unbuffered stream */
	if (fp == NULL) {
		chain_text_put(stderr, s, 0);
		return;
	}
	chain_text_put(fp, s, 0);
	if (fclose(fp) == 0)
		fputs(buf, stderr);
	free(buf);
}

void
chain_stderr_vput(const char *fmt, va_list ap)
{
	va_list copy;
	char *s;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL) {
		fputs(_("(message lost: out of memory)"), stderr);
		return;
	}
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	chain_stderr_put(s);
	free(s);
}

static void
vmessage(int with_errno, const char *fmt, va_list ap)
{
	int saved = errno;

	fflush(stdout);
	chain_stderr_put(chain_progname);
	fputs(": ", stderr);
	chain_stderr_vput(_(fmt), ap);
	if (with_errno)
		fprintf(stderr, ": %s", strerror(saved));
	fputc('\n', stderr);
}

void
chain_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(0, fmt, ap);
	va_end(ap);
}

void
chain_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(1, fmt, ap);
	va_end(ap);
}

void
chain_errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
chain_err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(1, fmt, ap);
	va_end(ap);
	exit(status);
}

/*
 * The exit status of a run is the most serious thing that happened: an
 * output that cannot be written (4) outweighs bad data (3), which outweighs
 * a --fail-on finding (1).
 */
void
chain_raise_status(int status)
{
	static const int rank[] = { 0, 1, 0, 2, 3 };

	if (status < 0 || status > CHAIN_EXIT_IO || status == CHAIN_EXIT_USAGE)
		return;
	if (rank[status] > rank[worst_status])
		worst_status = status;
}

int
chain_exit_status(void)
{
	return worst_status;
}

/* Forgets the status of a run, for a harness that runs main() again. */
void
chain_reset_status(void)
{
	worst_status = CHAIN_EXIT_OK;
}

static void
out_of_memory(void)
{
	chain_errx(CHAIN_EXIT_IO, "out of memory");
}

void *
chain_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
chain_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
chain_realloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *
chain_reallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		out_of_memory();
	return chain_realloc(p, n * size);
}

char *
chain_strdup(const char *s)
{
	return chain_strndup(s, strlen(s));
}

char *
chain_strndup(const char *s, size_t n)
{
	char *p = chain_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* A copy of s cleaned (utf8.c), for showing. */
char *
chain_text_clean(const char *s, int flags)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	if (fp == NULL)
		out_of_memory();
	chain_text_put(fp, s, flags);
	if (fclose(fp) != 0)
		out_of_memory();
	return buf;
}

/* Column names and keywords compare without regard to ASCII case. */
int
chain_strcasecmp(const char *a, const char *b)
{
	int ca, cb;

	do {
		ca = tolower((unsigned char)*a++);
		cb = tolower((unsigned char)*b++);
	} while (ca == cb && ca != '\0');
	return ca - cb;
}

static int
fold(int c)
{
	if (c == ' ' || c == '-')
		return '_';
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Whether two names are the same name: without regard to ASCII case, and
 * with a blank, '-' and '_' alike (the header "Nieuwe deadline" names the
 * column nieuwe_deadline, the state due_soon is due-soon).
 */
int
chain_name_same(const char *header, const char *name)
{
	while (*header != '\0' && fold((unsigned char)*header) ==
	    fold((unsigned char)*name))
		header++, name++;
	return *header == '\0' && *name == '\0';
}

/* Strips blanks (spaces and tabs) on both sides, in place. */
char *
chain_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	*end = '\0';
	return s;
}

/*
 * The walk over a comma-separated list, written once: each call gives the
 * next word (not NUL-terminated: its start and length) and moves *p on;
 * returns 0 when the list is done.  An empty list has no words; "a,,b" has
 * an empty one.
 */
int
chain_words_next(const char **p, const char **word, size_t *len)
{
	const char *comma;

	if (*p == NULL)
		return 0;
	comma = strchr(*p, ',');
	*word = *p;
	*len = comma ? (size_t)(comma - *p) : strlen(*p);
	*p = comma ? comma + 1 : NULL;
	return 1;
}

/* Whether a comma-separated list holds a word (case-insensitive). */
int
chain_list_has(const char *list, const char *word)
{
	size_t n = strlen(word), len;
	const char *p = list != NULL && *list != '\0' ? list : NULL, *w;

	while (chain_words_next(&p, &w, &len))
		if (len == n && strncasecmp(w, word, n) == 0)
			return 1;
	return 0;
}

/*
 * Checks that every word of a comma-separated list is one of words[]; on
 * failure *bad points at the first unknown word (up to its comma).
 */
int
chain_list_check(const char *list, const char *const words[], const char **bad)
{
	const char *p = list, *w;
	size_t len, i;

	while (chain_words_next(&p, &w, &len)) {
		for (i = 0; words[i] != NULL; i++)
			if (strlen(words[i]) == len &&
			    strncasecmp(w, words[i], len) == 0)
				break;
		if (words[i] == NULL) {
			*bad = w;
			return -1;
		}
	}
	return 0;
}

/* n words with sep between them (freed by the caller). */
char *
chain_join(const char *const *words, size_t n, const char *sep)
{
	size_t i, len = 0, nsep = strlen(sep);
	char *s = chain_strdup("");

	for (i = 0; i < n; i++) {
		size_t add = strlen(words[i]);

		s = chain_realloc(s, len + nsep + add + 1);
		if (i > 0) {
			memcpy(s + len, sep, nsep);
			len += nsep;
		}
		memcpy(s + len, words[i], add + 1);
		len += add;
	}
	return s;
}
