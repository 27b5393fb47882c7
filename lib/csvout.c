/*
 * csvout.c: the CSV writer.  Fields are quoted only when they must be (a
 * delimiter, quote, CR or LF inside).  --excel writes for Dutch Excel: a
 * byte-order mark, ';', decimal comma, CRLF, and a text field that Excel
 * would run as a formula (starting with = + - @, tab or CR) prefixed with
 * a quote.  With -o FILE the output goes to a temporary file beside FILE that
 * replaces it only when the run succeeds, so a failed run never leaves half
 * a file; standard output is checked when it is closed, so that a full disk
 * or a closed pipe is an error (status 4).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"

struct chain_out {
	FILE *fp;
	char *path, *tmp_path;
	int delimiter, excel, crlf;
	int nfield;
};

static void
init_stream(struct chain_out *w, FILE *fp, int delimiter, int excel, int crlf)
{
	w->fp = fp;
	w->delimiter = delimiter;
	w->excel = excel;
	w->crlf = crlf;
	w->nfield = 0;
}

struct chain_out *
chain_out_stream(FILE *fp, int delimiter, int excel, int crlf)
{
	struct chain_out *w = chain_calloc(1, sizeof(*w));

	init_stream(w, fp, delimiter, excel, crlf);
	return w;
}

static FILE *
open_temporary(const char *path, char **tmp_path)
{
	size_t n = strlen(path);
	char *tmp = chain_malloc(n + 8);
	mode_t mask;
	int fd;
	FILE *fp;

	memcpy(tmp, path, n);
	memcpy(tmp + n, ".XXXXXX", 8);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		return NULL;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return NULL;
	}
	*tmp_path = tmp;
	return fp;
}

struct chain_out *
chain_out_open(const struct chain_opts *o)
{
	struct chain_out *w = chain_calloc(1, sizeof(*w));
	FILE *fp = stdout;

	if (o->output != NULL) {
		fp = open_temporary(o->output, &w->tmp_path);
		if (fp == NULL)
			chain_err(CHAIN_EXIT_IO, "%s", o->output);
		w->path = chain_strdup(o->output);
	}
	setvbuf(fp, NULL, _IOFBF, 64 * 1024);
	init_stream(w, fp, o->excel ? ';' : ',', o->excel, o->excel);
	if (o->excel)
		fputs("\xEF\xBB\xBF", fp);
	return w;
}

FILE *
chain_out_file(struct chain_out *w)
{
	return w->fp;
}

static void
separate(struct chain_out *w)
{
	if (w->nfield++ > 0)
		putc_unlocked(w->delimiter, w->fp);
}

static int
needs_quotes(const struct chain_out *w, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == w->delimiter || c == '"' || c == '\n' || c == '\r')
			return 1;
	}
	return 0;
}

static int
looks_numeric(const char *s)
{
	double v;

	return chain_number_parse(s, 0, &v) == 0 ||
	    chain_number_parse(s, 1, &v) == 0;
}

/* Excel would take such a text for a formula. */
static int
needs_guard(const struct chain_out *w, const char *s, size_t len)
{
	if (!w->excel || len == 0 || strchr("=+-@\t\r", s[0]) == NULL)
		return 0;
	return !looks_numeric(s);
}

static void
write_text(struct chain_out *w, const char *s, size_t len)
{
	int guard = needs_guard(w, s, len);
	size_t i;

	separate(w);
	if (!needs_quotes(w, s, len)) {
		if (guard)
			putc_unlocked('\'', w->fp);
		fwrite(s, 1, len, w->fp);
		return;
	}
	putc_unlocked('"', w->fp);
	if (guard)
		putc_unlocked('\'', w->fp);
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			putc_unlocked('"', w->fp);
		putc_unlocked(s[i], w->fp);
	}
	putc_unlocked('"', w->fp);
}

void
chain_out_textn(struct chain_out *w, const char *s, size_t len)
{
	write_text(w, s, len);
}

void
chain_out_text(struct chain_out *w, const char *s)
{
	write_text(w, s, strlen(s));
}

/*
 * A field passed through from the input: unchanged, except that --excel
 * gives a number written with a decimal point a decimal comma.
 */
void
chain_out_field(struct chain_out *w, const char *s)
{
	double v;
	size_t len = strlen(s);
	const char *point;

	if (w->excel && (point = strchr(s, '.')) != NULL &&
	    chain_number_parse(s, 0, &v) == 0 && len < 64) {
		char buf[64];

		memcpy(buf, s, len + 1);
		buf[point - s] = ',';
		write_text(w, buf, len);
		return;
	}
	write_text(w, s, len);
}

void
chain_out_number(struct chain_out *w, double v)
{
	char buf[64];
	size_t n = chain_number_format(v, w->excel, buf, sizeof(buf));

	separate(w);
	fwrite(buf, 1, n, w->fp);
}

void
chain_out_int(struct chain_out *w, long long v)
{
	separate(w);
	fprintf(w->fp, "%lld", v);
}

void
chain_out_date(struct chain_out *w, int days)
{
	char buf[CHAIN_DATE_LEN];

	chain_date_format(days, buf);
	separate(w);
	fputs(buf, w->fp);
}

void
chain_out_period(struct chain_out *w, struct chain_period p)
{
	char buf[CHAIN_PERIOD_LEN];

	chain_period_format(p, buf);
	separate(w);
	fputs(buf, w->fp);
}

void
chain_out_empty(struct chain_out *w)
{
	separate(w);
}

void
chain_out_end(struct chain_out *w)
{
	if (w->crlf)
		putc_unlocked('\r', w->fp);
	putc_unlocked('\n', w->fp);
	w->nfield = 0;
}

/* Goes on with a row whose first fields were written by other means. */
void
chain_out_resume(struct chain_out *w, size_t nfields)
{
	w->nfield = (int)nfields;
}

/* Writes a header from a comma-separated list of names. */
void
chain_out_header(struct chain_out *w, const char *names)
{
	const char *p = names;

	while (p != NULL) {
		const char *comma = strchr(p, ',');

		chain_out_textn(w, p, comma ? (size_t)(comma - p) : strlen(p));
		p = comma ? comma + 1 : NULL;
	}
	chain_out_end(w);
}

/*
 * Flushes and closes the output.  With -o FILE the temporary file replaces
 * FILE when keep is set, and is removed otherwise.  Returns -1 (status 4
 * raised) when anything could not be written.
 */
int
chain_out_close(struct chain_out *w, int keep)
{
	int failed = 0;
	const char *name = w->path ? w->path : "standard output";

	if (fflush(w->fp) != 0 || ferror(w->fp)) {
		chain_warn("%s: write error", name);
		failed = 1;
	}
	if (w->tmp_path != NULL) {
		if (!failed && fsync(fileno(w->fp)) != 0 && errno != EINVAL) {
			chain_warn("%s", name);
			failed = 1;
		}
		if (fclose(w->fp) != 0 && !failed) {
			chain_warn("%s", name);
			failed = 1;
		}
		if (keep && !failed && rename(w->tmp_path, w->path) != 0) {
			chain_warn("%s", name);
			failed = 1;
		}
		if (!keep || failed)
			unlink(w->tmp_path);
	}
	if (failed)
		chain_raise_status(CHAIN_EXIT_IO);
	free(w->path);
	free(w->tmp_path);
	free(w);
	return failed ? -1 : 0;
}
