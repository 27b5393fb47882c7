/*
 * csvout.c: the CSV writer.  Fields are quoted only when they must be (a
 * delimiter, quote, CR or LF inside).  --excel writes for Dutch Excel: a
 * byte-order mark, ';', decimal comma, CRLF, and a text field that Excel
 * would run as a formula (starting with = + - @, tab or CR) prefixed with
 * a quote.  With -o FILE the output goes to a temporary file beside FILE that
 * replaces it only when the run succeeds, so a failed run never leaves half
 * a file, and the new file keeps the old one's mode, owner and ACL; standard output is checked when it is closed, so that a full disk
 * or a closed pipe is an error (status 4).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_priv.h"

#define OUT_BUFFER (64 * 1024)

/*
 * Fields are gathered in the writer's own buffer and handed to stdio a block
 * at a time: a CSV of millions of short fields would otherwise spend more
 * time in fwrite than in everything else.
 */
struct chain_out {
	FILE *fp;
	char *buf;
	size_t used;
	char *path, *tmp_path;	/* as given; the temporary file */
	char *target;		/* what tmp_path replaces: path, or the file it links to */
	int delimiter, excel, crlf;
	int source_comma;	/* the input passed through writes 3,5 */
	int nfield;
	unsigned char special[256];	/* bytes that make a field need quotes */
};

/* Hands the buffered bytes to the stream. */
void
chain_out_flush(struct chain_out *w)
{
	if (w->used > 0)
		fwrite(w->buf, 1, w->used, w->fp);
	w->used = 0;
}

static void
put(struct chain_out *w, const char *s, size_t n)
{
	if (w->used + n > OUT_BUFFER) {
		chain_out_flush(w);
		if (n > OUT_BUFFER) {
			fwrite(s, 1, n, w->fp);
			return;
		}
	}
	memcpy(w->buf + w->used, s, n);
	w->used += n;
}

static void
put_byte(struct chain_out *w, int c)
{
	if (w->used == OUT_BUFFER)
		chain_out_flush(w);
	w->buf[w->used++] = (char)c;
}

static void
init_stream(struct chain_out *w, FILE *fp, int delimiter, int excel, int crlf)
{
	w->fp = fp;
	w->buf = chain_malloc(OUT_BUFFER);
	w->used = 0;
	w->delimiter = delimiter;
	w->excel = excel;
	w->crlf = crlf;
	w->nfield = 0;
	memset(w->special, 0, sizeof(w->special));
	w->special['"'] = w->special['\n'] = w->special['\r'] = 1;
	w->special[(unsigned char)delimiter] = 1;
}

struct chain_out *
chain_out_stream(FILE *fp, int delimiter, int excel, int crlf)
{
	struct chain_out *w = chain_calloc(1, sizeof(*w));

	init_stream(w, fp, delimiter, excel, crlf);
	return w;
}

/*
 * The temporary file that replaces path when the run succeeds: beside it,
 * with an unpredictable name, and the mode, owner and ACL of the file it
 * replaces (a new file gets the mode the umask leaves).
 */
static FILE *
open_temporary(const char *path, char **tmp_path)
{
	size_t n = strlen(path);
	char *tmp = chain_malloc(n + 8);
	struct stat st;
	mode_t mask;
	int fd, old;
	FILE *fp;

	memcpy(tmp, path, n);
	memcpy(tmp + n, ".XXXXXX", 8);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		return NULL;
	}
	chain_temp_hold(tmp);
	if ((old = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)) >= 0 &&
	    fstat(old, &st) == 0 && S_ISREG(st.st_mode))
		chain_copy_attributes(old, &st, fd);
	else {
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (old >= 0)
		close(old);
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		chain_temp_drop(tmp);
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
		struct stat st;
		char *real = NULL;

		/*
		 * A regular file is replaced whole, through a link if it is one;
		 * anything else (/dev/null, a FIFO, /dev/stdout) is written to.
		 */
		if (stat(o->output, &st) == 0 && !S_ISREG(st.st_mode))
			fp = fopen(o->output, "w");
		else {
			if (lstat(o->output, &st) == 0 && S_ISLNK(st.st_mode))
				real = realpath(o->output, NULL);
			fp = open_temporary(real ? real : o->output, &w->tmp_path);
		}
		if (fp == NULL)
			chain_err(CHAIN_EXIT_IO, "%s", o->output);
		w->path = chain_strdup(o->output);
		w->target = real ? real : chain_strdup(o->output);
	}
	setvbuf(fp, NULL, _IOFBF, 64 * 1024);
	init_stream(w, fp, o->excel ? ';' : ',', o->excel, o->excel);
	if (o->excel)
		put(w, "\xEF\xBB\xBF", 3);
	return w;
}

FILE *
chain_out_file(struct chain_out *w)
{
	chain_out_flush(w);
	return w->fp;
}

/* Frees a writer made by chain_out_stream, after flushing it. */
void
chain_out_free(struct chain_out *w)
{
	chain_out_flush(w);
	free(w->buf);
	free(w);
}

static void
separate(struct chain_out *w)
{
	if (w->nfield++ > 0)
		put_byte(w, w->delimiter);
}

static int
needs_quotes(const struct chain_out *w, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	for (; p < end; p++)
		if (w->special[*p])
			return 1;
	return 0;
}

/* Whether the len bytes at s (not NUL-terminated) are a number. */
static int
looks_numeric(const char *s, size_t len)
{
	char buf[64];
	double v;

	if (len >= sizeof(buf))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return chain_number_parse(buf, 0, &v) == 0 ||
	    chain_number_parse(buf, 1, &v) == 0;
}

/* Excel would take such a text for a formula; a number it takes as one. */
static int
needs_guard(const struct chain_out *w, const char *s, size_t len)
{
	if (!w->excel || len == 0 || strchr("=+-@\t\r", s[0]) == NULL)
		return 0;
	return !looks_numeric(s, len);
}

static void
write_text(struct chain_out *w, const char *s, size_t len)
{
	int guard = needs_guard(w, s, len);
	size_t i;

	separate(w);
	if (!needs_quotes(w, s, len)) {
		if (guard)
			put_byte(w, '\'');
		put(w, s, len);
		return;
	}
	put_byte(w, '"');
	if (guard)
		put_byte(w, '\'');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			put_byte(w, '"');
		put_byte(w, s[i]);
	}
	put_byte(w, '"');
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
 * The fields passed through come from an input that writes numbers the
 * Dutch way (decimal_comma) or with a decimal point; set per input.
 */
void
chain_out_source(struct chain_out *w, int decimal_comma)
{
	w->source_comma = decimal_comma;
}

/*
 * A field passed through from the input: unchanged, except that --excel
 * gives a number written with a decimal point a decimal comma (one from a
 * Dutch input has it already).  A number stays a number: never guarded.
 */
void
chain_out_field(struct chain_out *w, const char *s)
{
	chain_out_fieldn(w, s, strlen(s));
}

void
chain_out_fieldn(struct chain_out *w, const char *s, size_t len)
{
	char buf[64];
	const char *point;
	double v;

	if (w->excel && !w->source_comma && len < sizeof(buf) &&
	    (point = memchr(s, '.', len)) != NULL) {
		memcpy(buf, s, len);
		buf[len] = '\0';
		if (chain_number_parse(buf, 0, &v) == 0) {
			buf[point - s] = ',';
			write_text(w, buf, len);
			return;
		}
	}
	write_text(w, s, len);
}

void
chain_out_number(struct chain_out *w, double v)
{
	char buf[64];
	size_t n = chain_number_format(v, w->excel, buf, sizeof(buf));

	separate(w);
	put(w, buf, n);
}

void
chain_out_int(struct chain_out *w, long long v)
{
	char buf[24], *p = buf + sizeof(buf);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	separate(w);
	put(w, p, (size_t)(buf + sizeof(buf) - p));
}

void
chain_out_date(struct chain_out *w, int days)
{
	char buf[CHAIN_DATE_LEN];

	chain_date_format(days, buf);
	separate(w);
	put(w, buf, CHAIN_DATE_LEN - 1);
}

void
chain_out_period(struct chain_out *w, struct chain_period p)
{
	char buf[CHAIN_PERIOD_LEN];

	chain_period_format(p, buf);
	separate(w);
	put(w, buf, strlen(buf));
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
		put_byte(w, '\r');
	put_byte(w, '\n');
	w->nfield = 0;
}

/* The first nfields fields of a row, as the input wrote them. */
void
chain_out_raw(struct chain_out *w, const char *s, size_t len, size_t nfields)
{
	put(w, s, len);
	w->nfield = (int)nfields;
}

/* Goes on with a row whose first fields were written by other means. */
void
chain_out_resume(struct chain_out *w, size_t nfields)
{
	w->nfield = (int)nfields;
}

/* Writes a header of the first max names of a comma-separated list. */
void
chain_out_header_n(struct chain_out *w, const char *names, size_t max)
{
	const char *p = names, *name;
	size_t n;

	while (max-- > 0 && chain_words_next(&p, &name, &n))
		chain_out_textn(w, name, n);
	chain_out_end(w);
}

/* Writes a header from a comma-separated list of names. */
void
chain_out_header(struct chain_out *w, const char *names)
{
	chain_out_header_n(w, names, (size_t)-1);
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

	chain_out_flush(w);
	free(w->buf);
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
		if (keep && !failed && rename(w->tmp_path, w->target) != 0) {
			chain_warn("%s", name);
			failed = 1;
		}
		if (!keep || failed)
			unlink(w->tmp_path);
		chain_temp_drop(w->tmp_path);
	} else if (w->path != NULL && fclose(w->fp) != 0 && !failed) {
		chain_warn("%s", name);
		failed = 1;
	}
	if (failed)
		chain_raise_status(CHAIN_EXIT_IO);
	free(w->path);
	free(w->target);
	free(w->tmp_path);
	free(w);
	return failed ? -1 : 0;
}
