/*
 * csvin.c: the CSV reader, on libcsv.  It implements every input rule of
 * SPEC section 1: the input is read as UTF-8 whatever encoding it is in
 * (encoding.c: Windows-1252 and UTF-16 as Excel saves them; a byte that is
 * not of the encoding is an error where it is), a byte-order mark is
 * skipped, LF and CRLF both end a line, ';' or a tab is taken as the
 * delimiter when the header line holds no comma, header names match
 * case-insensitively and without surrounding blanks, and quoted fields may
 * hold delimiters, quotes and newlines.
 *
 * The input is fed to libcsv one physical line at a time, so that every
 * record is known by the line it starts on and its byte range in the file
 * (which lets a register be rewritten with every other byte untouched):
 * the file's own bytes, before decoding.
 * Problems are reported as "file:line: column: message" and counted; a
 * program lists them all (up to a cap) before it exits with status 3.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

#include "chain_priv.h"

#define BLOCK_SIZE (64 * 1024)
#define RECORD_MAX ((size_t)64 * 1024 * 1024)
#define FIELDS_MAX 100000
#define PROGRESS_FROM ((off_t)100 * 1024 * 1024)	/* bytes */

/* A byte that is not of the input's encoding, in a line. */
struct bad_place {
	long line;		/* 0: none */
	int field;		/* the field it is in; -1 when not known */
	unsigned char bytes[4];
	size_t n;
};

struct pending {
	size_t first;		/* index of its first field */
	size_t nfields;
	long line, end_line;
	off_t start, end;
	size_t raw, rawlen;	/* the record's bytes in raw[] */
	int raw_ok;		/* and nothing else (not so after a lone CR) */
	int has_nul;
	int quoted;		/* a quote in its lines */
	struct bad_place bad;	/* the first byte not of the encoding */
};

struct chain_csv {
	char *name;
	int fd, own_fd;
	struct csv_parser parser;
	int delimiter, decimal_comma, crlf, bom;
	int allow_ragged, max_errors, quiet;
	int plain;		/* plain lines skip libcsv (plain_line) */
	struct chain_decoder *dec;	/* the file's bytes as UTF-8 */
	struct chain_block block;	/* where buf came from */
	size_t next_newline;	/* of block.newline: the next line end's */
	size_t next_bad;	/* of block.bad: the next not yet seen */
	struct bad_place record_bad, segment_bad;

	unsigned char *buf;
	size_t buflen, bufpos;
	int eof;		/* no more bytes to feed */
	int done;		/* no more rows will come */
	off_t offset;		/* file offset of buf[0] */
	off_t seg_end;		/* file offset just after the segment fed */
				/* (offsets are the file's, before decoding) */
	long line;		/* physical line of the segment fed */
	long record_line;	/* physical line where the record starts */
	off_t record_start;
	int record_nul;		/* a NUL byte in the record's lines so far */
	int segment_nul;	/* a NUL byte in the line being fed */
	int record_quote;	/* a quote in the record's lines so far */
	int segment_quote;	/* a quote in the line being fed */
	int qstate;		/* where quote_check is in the record */
	int literal_quote;	/* a quote inside an unquoted field, so far */
	unsigned char qlast;	/* the last byte quote_check saw */
	const char *const *column_map;	/* --column NAME=HEADER */
	size_t ncolumn_map;
	size_t *keys;		/* columns whose blanks around are dropped */
	size_t nkeys;

	char *data;		/* field bytes of pending rows, NUL-separated */
	size_t datalen, datacap;
	size_t *fstart, *flen;
	size_t nf, fcap;
	size_t partial;		/* first field of the row still being parsed */
	struct pending *rows;
	size_t nrows, rowcap, rowpos;

	char *raw;		/* the bytes of the records being parsed */
	size_t rawlen, rawcap, rawstart;

	struct chain_row row;
	size_t rowptrcap;
	size_t *padlen;		/* field lengths of a padded short row */
	int want_raw;		/* keep each record's bytes (chain_csv_keep_raw) */
	int raw_partial;	/* the record under way began before that */
	const char *empty;

	char **columns;
	size_t ncolumns;
	long header_line;
	off_t header_end;
	int ragged_warned;
	size_t errors, shown;

	int progress;		/* show progress on a terminal */
	long nread;		/* data rows read */
	off_t size;		/* of a regular file, else 0 */
	double shown_at;	/* when progress was last shown (or opened) */
	int shown_progress;
};

/* Blanks are data (RFC 4180): libcsv must not trim them. */
static int
never_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void *
capped_realloc(void *p, size_t size)
{
	if (size > RECORD_MAX)
		return NULL;
	return realloc(p, size);
}

/* A value as an error message quotes it: short, one line. */
static void
quote_value(const char *s, char *buf, size_t size)
{
	size_t n = chain_utf8_cut(s, size - 4);

	/* cut between characters; the message is cleaned when it is written */
	memcpy(buf, s, n);
	if (s[n] != '\0') {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
}

void
chain_csv_verror(struct chain_csv *r, int is_error, long line,
    const char *column, const char *fmt, va_list ap)
{
	if (!is_error && r->quiet)
		return;
	if (is_error) {
		r->errors++;
		chain_raise_status(CHAIN_EXIT_DATA);
		if (r->max_errors > 0 && r->errors > (size_t)r->max_errors)
			return;
		r->shown++;
	}
	fflush(stdout);
	chain_stderr_put(chain_progname);
	fputs(": ", stderr);
	chain_stderr_put(r->name);
	if (line > 0)
		fprintf(stderr, ":%ld", line);
	fputs(": ", stderr);
	if (column != NULL) {
		chain_stderr_put(column);
		fputs(": ", stderr);
	}
	if (!is_error)
		fputs(_("warning: "), stderr);
	chain_stderr_vput(_(fmt), ap);
	fputc('\n', stderr);
}

void
chain_csv_error(struct chain_csv *r, long line, const char *column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	chain_csv_verror(r, 1, line, column, fmt, ap);
	va_end(ap);
}

void
chain_csv_warning(struct chain_csv *r, long line, const char *column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	chain_csv_verror(r, 0, line, column, fmt, ap);
	va_end(ap);
}

/* The slow way to keep a field: kept apart so that on_field stays small. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void
add_field(struct chain_csv *r, const void *s, size_t len, size_t copy)
{
	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 64;
		r->fstart = chain_reallocarray(r->fstart, r->fcap,
		    sizeof(*r->fstart));
		r->flen = chain_reallocarray(r->flen, r->fcap,
		    sizeof(*r->flen));
	}
	while (r->datalen + copy + 1 > r->datacap) {
		r->datacap = r->datacap ? r->datacap * 2 : BLOCK_SIZE;
		r->data = chain_realloc(r->data, r->datacap);
	}
	r->fstart[r->nf] = r->datalen;
	r->flen[r->nf] = len;
	r->nf++;
	memcpy(r->data + r->datalen, s, copy);
	r->data[r->datalen + len] = '\0';
	r->datalen += len + 1;
}

/*
 * A field, copied out of libcsv's buffer.  libcsv always builds a field at
 * the start of its entry buffer, which is at least one block (4096 bytes)
 * long, so a short field is copied as a fixed 16 bytes: the common case
 * then needs no call at all.
 */
static void
on_field(void *s, size_t len, void *data)
{
	struct chain_csv *r = data;
	/* everything loaded before the first store, which could alias it */
	size_t at = r->datalen, nf = r->nf;
	size_t *fstart = r->fstart, *flen = r->flen;
	char *to;

	if (len > 16 || nf == r->fcap || at + 17 > r->datacap) {
		add_field(r, s, len, len > 16 ? len : 16);
		return;
	}
	to = r->data + at;
	memcpy(to, s, 16);
	to[len] = '\0';
	fstart[nf] = at;
	flen[nf] = len;
	r->nf = nf + 1;
	r->datalen = at + len + 1;
}

/*
 * A record of nothing but delimiters (";;;", as Excel leaves below a
 * table) is a blank line: every field empty and no quote anywhere.
 */
static int
delimiters_only(const struct chain_csv *r)
{
	size_t i;

	if (r->record_quote || r->segment_quote)
		return 0;
	for (i = r->partial; i < r->nf; i++)
		if (r->flen[i] != 0)
			return 0;
	return 1;
}

static void
on_row(int c, void *data)
{
	struct chain_csv *r = data;
	struct pending *pr;

	(void)c;
	if (r->nf > r->partial && r->flen[r->partial] == 0 &&
	    delimiters_only(r)) {
		r->datalen = r->nf > r->partial ? r->fstart[r->partial] :
		    r->datalen;
		r->nf = r->partial;
		r->record_nul = r->record_quote = 0;
		r->record_bad.line = 0;
		return;
	}
	if (r->nrows == r->rowcap) {
		r->rowcap = r->rowcap ? r->rowcap * 2 : 8;
		r->rows = chain_reallocarray(r->rows, r->rowcap,
		    sizeof(*r->rows));
	}
	pr = &r->rows[r->nrows++];
	pr->first = r->partial;
	pr->nfields = r->nf - r->partial;
	pr->end_line = r->line;
	pr->line = r->record_line;
	pr->start = r->record_start;
	pr->end = r->seg_end;
	pr->has_nul = r->record_nul || r->segment_nul;
	pr->quoted = r->record_quote || r->segment_quote;
	pr->bad = r->record_bad.line != 0 ? r->record_bad : r->segment_bad;
	pr->raw = r->rawstart;
	pr->rawlen = r->rawlen - r->rawstart;
	/* a literal quote is written again as RFC 4180 wants it */
	pr->raw_ok = !r->raw_partial && !r->literal_quote;
	r->literal_quote = 0;
	r->raw_partial = 0;
	r->rawstart = r->rawlen;
	r->partial = r->nf;
	r->record_start = r->seg_end;
	r->record_nul = r->record_quote = 0;
	r->record_bad.line = 0;
}

/*
 * The common line needs no state machine: a whole line, begun outside any
 * record, with no field that starts with a quote and no CR but the one of
 * a CRLF.  Its fields are the bytes between delimiters, as libcsv would
 * give them (blanks kept, a quote inside a field taken literally, a line
 * with nothing on it no record, nor one of nothing but delimiters); any
 * other line goes to libcsv.
 * Returns whether the line was taken.  chain_csv_plain_lines = 0 sends every
 * line to libcsv (the fuzz target compares the two).
 */
int chain_csv_plain_lines = 1;

static void
plain_field(struct chain_csv *r, const unsigned char *f, size_t len)
{
	/* on_field may copy 16 bytes; near the end of buf it must not */
	if (f + 16 <= r->buf + BLOCK_SIZE)
		on_field((void *)(uintptr_t)f, len, r);
	else
		add_field(r, f, len, len);
}

static int
plain_line(struct chain_csv *r, const unsigned char *p, size_t len,
    int literal_quote)
{
	const unsigned char *f = p, *q, *stop = p + len - 1;
	const unsigned char delim = (unsigned char)r->delimiter;
	size_t nf = r->nf, datalen = r->datalen;

	if (stop > p && stop[-1] == '\r')
		stop--;
	for (q = p; q < stop && *q == delim; q++)
		;
	if (q == stop)
		return 1;
	for (q = p; q < stop; q++) {
		if (*q == delim) {
			plain_field(r, f, (size_t)(q - f));
			f = q + 1;
		} else if ((*q == '"' && q == f) || *q == '\r') {
			/* not plain after all: the fields taken so far go back */
			r->nf = nf;
			r->datalen = datalen;
			return 0;
		}
	}
	plain_field(r, f, (size_t)(stop - f));
	r->literal_quote = literal_quote;
	on_row('\n', r);
	return 1;
}

/* Fields of a row not yet complete move to the front of the buffers. */
static void
compact(struct chain_csv *r)
{
	size_t i, n = r->nf - r->partial, base;

	if (n == 0) {
		r->datalen = 0;
	} else {
		base = r->fstart[r->partial];
		memmove(r->data, r->data + base, r->datalen - base);
		r->datalen -= base;
		for (i = 0; i < n; i++) {
			r->fstart[i] = r->fstart[r->partial + i] - base;
			r->flen[i] = r->flen[r->partial + i];
		}
	}
	r->nf = n;
	r->partial = 0;
	r->nrows = r->rowpos = 0;
	if (r->rawstart > 0) {
		memmove(r->raw, r->raw + r->rawstart, r->rawlen - r->rawstart);
		r->rawlen -= r->rawstart;
		r->rawstart = 0;
	}
}

/*
 * Keeps the bytes of a line for the record it belongs to.  A line fed while
 * no record is under way starts one (blank lines before it are dropped), so
 * this is where a record's first line is known.
 */
/*
 * The field of a line that byte at is in: the delimiters before it outside
 * quotes, after the fields of its record on lines before.
 */
static int
field_at(const struct chain_csv *r, const unsigned char *p, size_t at)
{
	int field = 0, quoted = 0;
	size_t i;

	if (r->parser.pstate != 0) {
		/* a record goes on over a line end inside a quoted field */
		field = (int)(r->nf - r->partial);
		quoted = 1;
	}
	for (i = 0; i < at; i++)
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && p[i] == (unsigned char)r->delimiter)
			field++;
	return field;
}

/* The first byte of the line p[0..len) that is not of the encoding. */
static void
find_bad(struct chain_csv *r, const unsigned char *p, size_t len)
{
	size_t from = (size_t)(p - r->buf), to = from + len;
	const struct chain_bad *b = &r->block.bad[r->next_bad];

	r->segment_bad.line = r->line;
	r->segment_bad.field = field_at(r, p, b->at - from);
	memcpy(r->segment_bad.bytes, b->bytes, b->n);
	r->segment_bad.n = b->n;
	while (r->next_bad < r->block.nbad &&
	    r->block.bad[r->next_bad].at < to)
		r->next_bad++;
}

static void
begin_line(struct chain_csv *r, const unsigned char *p, size_t len)
{
	if (r->parser.pstate == 0) {
		r->rawlen = r->rawstart;
		r->record_line = r->line;
		r->record_nul = r->record_quote = 0;
		r->record_bad.line = 0;
	}
	r->segment_bad.line = 0;
	if (r->next_bad < r->block.nbad &&
	    r->block.bad[r->next_bad].at < (size_t)(p - r->buf) + len)
		find_bad(r, p, len);
	/* a line with a NUL taints every record that ends or goes on in it */
	r->segment_nul = memchr(p, '\0', len) != NULL;
	r->segment_quote = memchr(p, '"', len) != NULL;
	if (!r->want_raw)
		return;
	if (r->rawlen + len > r->rawcap) {
		while (r->rawlen + len > r->rawcap)
			r->rawcap = r->rawcap ? r->rawcap * 2 : BLOCK_SIZE;
		r->raw = chain_realloc(r->raw, r->rawcap);
	}
	memcpy(r->raw + r->rawlen, p, len);
	r->rawlen += len;
}

static const char *
parse_problem(struct chain_csv *r)
{
	(void)r;
	return _("record too large");
}

/*
 * RFC 4180 for a field that starts with a quote: after its closing quote
 * only a delimiter or a line end may follow.  libcsv, not strict so that a
 * quote inside an unquoted field is taken literally (12" scherm), lets
 * anything follow; this checks it, across the lines of a record.  Returns
 * the offset of the first bad byte, or len.
 *
 * Only the quotes matter, so the scan jumps from quote to quote: outside a
 * quoted field a quote opens one when it starts a field (at the start of
 * the line or after a delimiter or a lone CR), and is taken literally
 * otherwise; inside, a doubled quote is a quote and a single one closes
 * the field, which the next byte must end.
 */
enum { Q_OUT, Q_QUOTED, Q_CLOSED };

static size_t
quote_check(struct chain_csv *r, const unsigned char *p, size_t len)
{
	const unsigned char delim = (unsigned char)r->delimiter;
	const unsigned char *q, *end = p + len;
	size_t i = 0;

	if (len == 0)
		return 0;
	if (r->qstate == Q_CLOSED) {
		/* a quote ended the segment before (a line, or a block) */
		if (p[0] == '"')
			r->qstate = Q_QUOTED, i = 1;
		else if (p[0] != delim && p[0] != '\n' && p[0] != '\r')
			return 0;
		else
			r->qstate = Q_OUT;
	}
	while (i < len && (q = memchr(p + i, '"', len - i)) != NULL) {
		i = (size_t)(q - p);
		if (r->qstate == Q_OUT) {
			/* the byte before: in this segment, or the last one's */
			unsigned char before = i > 0 ? p[i - 1] : r->qlast;

			if (before == delim || before == '\r' || before == '\n')
				r->qstate = Q_QUOTED;
			else
				r->literal_quote = 1;
			i++;
		} else if (q + 1 < end && q[1] == '"')
			i += 2;
		else if (q + 1 == end)
			r->qstate = Q_CLOSED, i++;
		else if (q[1] == delim || q[1] == '\n' || q[1] == '\r')
			r->qstate = Q_OUT, i++;
		else
			return i + 1;
	}
	r->qlast = p[len - 1];
	return len;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Rows and megabytes read, twice a second on standard error, for an input
 * of more than 100 MB when standard error is a terminal; the line is
 * cleared at the end.
 */
static void
show_progress(struct chain_csv *r, int done)
{
	off_t read_so_far = r->block.end;
	double now;

	if (done) {
		if (r->shown_progress)
			fputs("\r\033[K", stderr);
		r->progress = 0;
		return;
	}
	if (read_so_far < PROGRESS_FROM && r->size < PROGRESS_FROM)
		return;
	/* at once for a large input, then twice a second */
	if ((now = seconds()) - r->shown_at < 0.5 && r->shown_progress)
		return;
	r->shown_at = now;
	r->shown_progress = 1;
	fputc('\r', stderr);
	chain_stderr_put(chain_progname);
	fputs(": ", stderr);
	chain_stderr_put(r->name);
	fprintf(stderr, _(": %ld rows, %lld MB"), r->nread,
	    (long long)(read_so_far >> 20));
	if (r->size > 0)
		fprintf(stderr, _(" of %lld MB"), (long long)(r->size >> 20));
	fputs("\033[K", stderr);
}

/*
 * Windows-1252, as the start of the file is not UTF-8, or a byte further
 * on after nothing but ASCII: said once, with that byte's line.
 */
static void
guessed(struct chain_csv *r)
{
	unsigned char byte;
	long before = chain_decoder_guess(r->dec, &byte);

	if (before >= 0)
		chain_csv_warning(r, r->line + before, NULL, "not UTF-8 (byte "
		    "0x%02X), so read as Windows-1252, as Excel saves CSV "
		    "(--encoding NAME reads another encoding)", byte);
}

static int
read_block(struct chain_csv *r)
{
	ssize_t n;

	r->buflen = r->bufpos = 0;
	r->next_newline = r->next_bad = 0;
	n = chain_decoder_read(r->dec, r->buf, BLOCK_SIZE, &r->block);
	r->offset = r->block.start;
	if (n < 0) {
		chain_warn("%s", r->name);
		chain_raise_status(CHAIN_EXIT_IO);
		return -1;
	}
	r->buflen = (size_t)n;
	guessed(r);
	if (r->progress)
		show_progress(r, n == 0);
	return n > 0;
}

/*
 * Where in the file the segment of len bytes at bufpos ends: in a decoded
 * block, after its line end's bytes there, or at the block's end.
 */
static off_t
segment_end(struct chain_csv *r, size_t len, int newline)
{
	if (!r->block.decoded)
		return r->offset + (off_t)(r->bufpos + len);
	if (newline && r->next_newline < r->block.nnewlines)
		return r->block.newline[r->next_newline++];
	return r->block.end;
}

static void
finish(struct chain_csv *r)
{
	r->seg_end = r->block.end;
	/* libcsv, not strict, would take the rest of the input as the field */
	if (r->qstate == Q_QUOTED)
		chain_csv_error(r, r->record_line, NULL,
		    "a quoted field is never closed (unterminated quote)");
	else
		csv_fini(&r->parser, on_field, on_row, r);
	r->eof = 1;
}

/* Feeds lines to libcsv until a row is complete or the input ends. */
static void
fill(struct chain_csv *r)
{
	while (r->nrows == r->rowpos && !r->eof) {
		unsigned char *p, *nl;
		size_t len, used, before;
		const char *bad;
		int rc;

		if (r->bufpos == r->buflen) {
			if ((rc = read_block(r)) <= 0) {
				if (rc == 0)
					finish(r);
				else
					r->eof = 1;
				break;
			}
		}
		p = r->buf + r->bufpos;
		nl = memchr(p, '\n', r->buflen - r->bufpos);
		len = nl ? (size_t)(nl - p) + 1 : r->buflen - r->bufpos;
		r->seg_end = segment_end(r, len, nl != NULL);
		begin_line(r, p, len);
		before = r->nrows;
		bad = NULL;
		if (nl != NULL && r->parser.pstate == 0 && r->plain &&
		    plain_line(r, p, len, r->segment_quote))
			used = len;
		else if ((used = quote_check(r, p, len)) < len) {
			/* the fields before it are not kept: the row is bad */
			csv_parse(&r->parser, p, used, on_field, on_row, r);
			bad = _("a character after a closing quote (double a "
			    "quote inside a quoted field)");
		} else
			used = csv_parse(&r->parser, p, len, on_field, on_row, r);
		if (r->nrows > before + 1 ||
		    (r->nrows > before && r->parser.pstate != 0))
			while (before < r->nrows)
				r->rows[before++].raw_ok = 0;
		if (r->parser.pstate != 0) {
			r->record_nul |= r->segment_nul;
			if (r->record_bad.line == 0)
				r->record_bad = r->segment_bad;
		}
		if (used < len || r->nf - r->partial > FIELDS_MAX) {
			size_t field = r->nf - r->partial;

			chain_csv_error(r, r->line, r->columns != NULL &&
			    field < r->ncolumns ? r->columns[field] : NULL,
			    "malformed CSV at byte %lld: %s",
			    (long long)chain_decoder_offset(r->dec, &r->block,
			    r->bufpos + used) + 1,
			    r->nf - r->partial > FIELDS_MAX ?
			    _("too many fields in a record") : bad != NULL ? bad :
			    parse_problem(r));
			r->eof = 1;
			break;
		}
		r->bufpos += len;
		if (nl != NULL)
			r->line++;
	}
	if (r->eof && r->nrows == r->rowpos)
		r->done = 1;
}

static const struct pending *
next_pending(struct chain_csv *r)
{
	if (r->rowpos == r->nrows) {
		if (r->done)
			return NULL;
		compact(r);
		fill(r);
		if (r->rowpos == r->nrows)
			return NULL;
	}
	return &r->rows[r->rowpos++];
}

/* A key's blanks around it go: the field is our own copy. */
static void
trim_field(struct chain_csv *r, size_t f, size_t col)
{
	char *s = r->data + r->fstart[f];
	size_t len = r->flen[f], skip = 0;

	if (len == 0 || (s[0] != ' ' && s[0] != '\t' && s[len - 1] != ' ' &&
	    s[len - 1] != '\t'))
		return;		/* the usual key: nothing to drop */
	while (skip < len && (s[skip] == ' ' || s[skip] == '\t'))
		skip++;
	while (len > skip && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	s[len] = '\0';
	r->row.field[col] = s + skip;
	r->flen[f] = len - skip;
	if (r->row.len == r->padlen)
		r->padlen[col] = len - skip;
}

/* Points the public row at a pending row's fields, padded to the header. */
static void
expose(struct chain_csv *r, const struct pending *pr)
{
	size_t i, n = pr->nfields > r->ncolumns ? pr->nfields : r->ncolumns;
	const size_t *start = r->fstart + pr->first;

	if (n > r->rowptrcap) {
		r->rowptrcap = n;
		r->row.field = chain_reallocarray(r->row.field, n,
		    sizeof(*r->row.field));
		r->padlen = chain_reallocarray(r->padlen, n,
		    sizeof(*r->padlen));
	}
	for (i = 0; i < pr->nfields; i++)
		r->row.field[i] = r->data + start[i];
	for (; i < n; i++) {
		r->row.field[i] = r->empty;
		r->padlen[i] = 0;
	}
	if (pr->nfields < n) {
		/* a short row (--allow-ragged): the lengths padded too */
		memcpy(r->padlen, r->flen + pr->first,
		    pr->nfields * sizeof(*r->padlen));
		r->row.len = r->padlen;
	} else
		r->row.len = r->flen + pr->first;
	for (i = 0; i < r->nkeys; i++)
		if (r->keys[i] < pr->nfields)
			trim_field(r, pr->first + r->keys[i], r->keys[i]);
	r->row.nfields = pr->nfields;
	r->row.line = pr->line;
	r->row.end_line = pr->end_line;
	r->row.start = pr->start;
	r->row.end = pr->end;
	r->row.raw = pr->raw_ok && r->want_raw && r->raw != NULL ?
	    r->raw + pr->raw : NULL;
	r->row.rawlen = r->row.raw != NULL ? pr->rawlen : 0;
	while (r->row.rawlen > 0 && (r->row.raw[r->row.rawlen - 1] == '\n' ||
	    r->row.raw[r->row.rawlen - 1] == '\r'))
		r->row.rawlen--;
}

/*
 * The delimiter, when -d does not name it: the most frequent of ',', ';'
 * and tab in the header line outside quotes (a ';' file whose header has
 * "Opmerking, intern" is still a ';' file); a tie goes to the comma, then
 * the ';'.
 */
static int
detect_delimiter(const unsigned char *p, size_t len)
{
	size_t i, comma = 0, semicolon = 0, tab = 0;
	int quoted = 0;

	for (i = 0; i < len && (quoted || (p[i] != '\n' && p[i] != '\r')); i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			comma += p[i] == ',', semicolon += p[i] == ';',
			    tab += p[i] == '\t';
	}
	if (semicolon > comma && semicolon >= tab)
		return ';';
	if (tab > comma && tab > semicolon)
		return '\t';
	return ',';
}

static int
detect_crlf(const unsigned char *p, size_t len)
{
	const unsigned char *nl = memchr(p, '\n', len);

	return nl != NULL && nl > p && nl[-1] == '\r';
}

/*
 * A byte that is not of the input's encoding: an error where it is, and
 * what to do about it.  In a file read as UTF-8 that was not all ASCII up
 * to it, it is never guessed at: Windows-1252 from there on would give
 * the rest of the file another meaning.
 */
static void
report_bad(struct chain_csv *r, const struct bad_place *b)
{
	const struct chain_encoding *e = chain_decoder_encoding(r->dec);
	const char *column = b->field >= 0 && (size_t)b->field < r->ncolumns ?
	    r->columns[b->field] : NULL;
	char bytes[24];
	size_t i, n = 0;

	for (i = 0; i < b->n; i++)
		n += (size_t)snprintf(bytes + n, sizeof(bytes) - n, "%s0x%02X",
		    i ? " " : "", b->bytes[i]);
	if (!e->utf8)
		chain_csv_error(r, b->line, column, dngettext(CHAIN_DOMAIN,
		    "byte %s is no character of %s (--encoding NAME reads "
		    "another encoding)", "bytes %s are no character of %s "
		    "(--encoding NAME reads another encoding)", b->n), bytes,
		    e->shown);
	else if (e->forced)
		chain_csv_error(r, b->line, column, "byte %s is not UTF-8", bytes);
	else if (e->bom)
		chain_csv_error(r, b->line, column, "byte %s is not UTF-8, which "
		    "the file's byte-order mark says it is", bytes);
	else
		chain_csv_error(r, b->line, column, "byte %s is not UTF-8, which "
		    "the file is up to here (--encoding windows-1252 reads "
		    "the whole file as Excel's CSV)", bytes);
}

static int
read_header(struct chain_csv *r)
{
	const struct pending *pr = next_pending(r);
	size_t i;

	if (pr == NULL) {
		if (r->errors == 0 && chain_exit_status() != CHAIN_EXIT_IO)
			chain_csv_error(r, 0, NULL, "empty input: no header row");
		return -1;
	}
	r->ncolumns = pr->nfields;
	r->columns = chain_calloc(r->ncolumns, sizeof(*r->columns));
	for (i = 0; i < r->ncolumns; i++) {
		char *name = chain_strdup(r->data + r->fstart[pr->first + i]);
		char *t = chain_trim(name);

		memmove(name, t, strlen(t) + 1);
		r->columns[i] = name;
	}
	r->header_line = pr->line;
	r->header_end = pr->end;
	if (pr->bad.line != 0)
		report_bad(r, &pr->bad);
	else if (pr->has_nul)
		/* "i\0d\0": UTF-16 that came without its mark */
		chain_csv_error(r, pr->line, NULL, "a NUL byte in the header: "
		    "UTF-16 without a byte-order mark? (--encoding utf-16le "
		    "or utf-16be reads it)");
	for (i = 0; i < r->ncolumns; i++) {
		int first = chain_csv_column(r, r->columns[i]);

		if (first >= 0 && (size_t)first < i && r->columns[i][0] != '\0')
			chain_csv_warning(r, pr->line, r->columns[i],
			    "column appears more than once; the first is used");
	}
	return 0;
}

/* A reader of fd, which it closes when it is closed (unless standard input). */
struct chain_csv *
chain_csv_fdopen(int fd, const char *name, const struct chain_opts *o)
{
	struct chain_csv *r = chain_calloc(1, sizeof(*r));
	int rc;

	r->name = chain_strdup(name);
	r->fd = fd;
	r->own_fd = fd != STDIN_FILENO;
	r->line = 1;
	r->qlast = '\n';
	r->max_errors = o->max_errors;
	r->column_map = o->column_map;
	r->ncolumn_map = o->ncolumn_map;
	r->allow_ragged = o->allow_ragged;
	r->quiet = o->quiet;
	r->empty = "";
	r->buf = chain_malloc(BLOCK_SIZE);
	if (!o->quiet && isatty(STDERR_FILENO)) {
		struct stat st;

		r->progress = 1;
		r->shown_at = seconds();
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
			r->size = st.st_size;
	}
	csv_init(&r->parser, CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&r->parser, never_space);
	csv_set_realloc_func(&r->parser, capped_realloc);
	csv_set_blk_size(&r->parser, 4096);	/* see on_field */

	r->dec = chain_decoder_new(fd, o->encoding);
	rc = read_block(r);
	if (rc > 0 && r->buflen >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
		r->bom = 1;
		r->bufpos = 3;
	}
	/* a decoded mark (UTF-16's) belongs to the first record's bytes */
	r->record_start = r->block.decoded ? r->block.start :
	    (off_t)r->bufpos;
	r->delimiter = o->delimiter ? o->delimiter :
	    detect_delimiter(r->buf + r->bufpos, r->buflen - r->bufpos);
	r->decimal_comma = r->delimiter == ';';
	r->crlf = detect_crlf(r->buf + r->bufpos, r->buflen - r->bufpos);
	csv_set_delim(&r->parser, (unsigned char)r->delimiter);
	r->plain = chain_csv_plain_lines && r->delimiter != '"' &&
	    r->delimiter != '\r' && r->delimiter != '\n';
	if (rc < 0) {
		r->eof = r->done = 1;
		return r;
	}
	if (rc == 0)
		r->eof = 1;
	read_header(r);
	return r;
}

/*
 * Opens a file (NULL or "-" is standard input).  A file that cannot be
 * opened is reported and NULL returned; the run will exit with status 4.
 */
struct chain_csv *
chain_csv_open(const char *path, const struct chain_opts *o)
{
	int fd;

	if (path == NULL || strcmp(path, "-") == 0)
		return chain_csv_fdopen(STDIN_FILENO, "stdin", o);
	if ((fd = open(path, O_RDONLY)) < 0) {
		chain_warn("%s", path);
		chain_raise_status(CHAIN_EXIT_IO);
		return NULL;
	}
	return chain_csv_fdopen(fd, path, o);
}

/*
 * The input loop, written once: each operand in turn, none (or "-") being
 * standard input, handed to fn by name.
 */
void
chain_inputs(int argc, char **argv, chain_input_fn *fn, void *ctx)
{
	int i;

	for (i = 0; i < (argc > 0 ? argc : 1); i++)
		fn(argc > 0 ? argv[i] : "-", ctx);
}

struct csv_loop {
	const struct chain_opts *opts;
	chain_csv_fn *fn;
	void *ctx;
};

static void
open_one(const char *path, void *arg)
{
	struct csv_loop *l = arg;
	struct chain_csv *r = chain_csv_open(path, l->opts);

	if (r == NULL)
		return;
	l->fn(r, l->ctx);
	chain_csv_close(r);
}

/*
 * The same loop with each operand opened as CSV and closed after fn; one
 * that cannot be opened is reported (status 4) and the rest still read.
 */
void
chain_csv_each(int argc, char **argv, const struct chain_opts *o,
    chain_csv_fn *fn, void *ctx)
{
	struct csv_loop l;

	l.opts = o;
	l.fn = fn;
	l.ctx = ctx;
	chain_inputs(argc, argv, open_one, &l);
}

/*
 * Keeps the bytes of every record as the input wrote them (row->raw), for
 * a program that passes rows through verbatim; call before reading rows.
 */
void
chain_csv_keep_raw(struct chain_csv *r)
{
	size_t i;

	r->want_raw = 1;
	/* rows parsed before (after a lone CR) have no bytes kept */
	for (i = r->rowpos; i < r->nrows; i++)
		r->rows[i].raw_ok = 0;
	r->raw_partial = r->parser.pstate != 0;
}

/*
 * The next data row, or NULL at the end.  A row with another number of
 * fields than the header is reported and skipped, unless --allow-ragged.
 */
const struct chain_row *
chain_csv_read(struct chain_csv *r)
{
	const struct pending *pr;

	if (r->columns == NULL)
		return NULL;
	while ((pr = next_pending(r)) != NULL) {
		if (pr->bad.line != 0) {
			report_bad(r, &pr->bad);
			continue;
		}
		if (pr->has_nul) {
			chain_csv_error(r, pr->line, NULL,
			    "a NUL byte in a field");
			continue;
		}
		if (pr->nfields != r->ncolumns) {
			if (!r->allow_ragged) {
				chain_csv_error(r, pr->line, NULL,
				    "%zu fields where the header has %zu "
				    "(--allow-ragged pads short rows)",
				    pr->nfields, r->ncolumns);
				continue;
			}
			if (pr->nfields > r->ncolumns && !r->ragged_warned) {
				chain_csv_warning(r, pr->line, NULL,
				    "%zu fields where the header has %zu; "
				    "the extra fields are ignored",
				    pr->nfields, r->ncolumns);
				r->ragged_warned = 1;
			}
		}
		expose(r, pr);
		r->nread++;
		return &r->row;
	}
	return NULL;
}

int
chain_csv_close(struct chain_csv *r)
{
	size_t i, errors;

	if (r == NULL)
		return 0;
	if (r->errors > r->shown) {
		fflush(stdout);
		chain_stderr_put(chain_progname);
		fputs(": ", stderr);
		chain_stderr_put(r->name);
		fputs(": ", stderr);
		fprintf(stderr, dngettext(CHAIN_DOMAIN,
		    "%zu more problem not shown\n",
		    "%zu more problems not shown\n", r->errors - r->shown),
		    r->errors - r->shown);
	}
	errors = r->errors;
	if (r->progress)
		show_progress(r, 1);
	if (r->own_fd)
		close(r->fd);
	csv_free(&r->parser);
	chain_decoder_free(r->dec);
	for (i = 0; i < r->ncolumns; i++)
		free(r->columns[i]);
	free(r->columns);
	free(r->buf);
	free(r->data);
	free(r->fstart);
	free(r->flen);
	free(r->rows);
	free(r->raw);
	free(r->row.field);
	free(r->padlen);
	free(r->keys);
	free(r->name);
	free(r);
	return errors > 0 ? -1 : 0;
}

const char *
chain_csv_name(const struct chain_csv *r)
{
	return r->name;
}

size_t
chain_csv_ncolumns(const struct chain_csv *r)
{
	return r->ncolumns;
}

const char *
chain_csv_column_name(const struct chain_csv *r, size_t i)
{
	return i < r->ncolumns ? r->columns[i] : "";
}

static int
find_header(const struct chain_csv *r, const char *name, size_t len)
{
	char buf[256];
	size_t i;

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	for (i = 0; i < r->ncolumns; i++)
		if (chain_name_same(r->columns[i], buf))
			return (int)i;
	return -1;
}

/*
 * The index of a column, or -1.  --column NAME=HEADER says where NAME is;
 * else the header that names it (case and blanks aside, see
 * chain_name_same), else its Dutch name.
 */
int
chain_csv_column(const struct chain_csv *r, const char *name)
{
	const char *dutch;
	size_t i, n = strlen(name);
	int col;

	for (i = 0; i < r->ncolumn_map; i++) {
		const char *map = r->column_map[i], *eq = strchr(map, '=');

		if ((size_t)(eq - map) == n && strncasecmp(map, name, n) == 0)
			return find_header(r, eq + 1, strlen(eq + 1));
	}
	if ((col = find_header(r, name, n)) >= 0)
		return col;
	if ((dutch = chain_column_dutch(name)) != NULL)
		return find_header(r, dutch, strlen(dutch));
	return -1;
}

/*
 * Column i by the name format f gives it, when it is one of the format's
 * columns (found by a Dutch name or --column too); else as the header has
 * it.  The name is valid until the next call.
 */
const char *
chain_csv_column_as(const struct chain_csv *r, size_t i, enum chain_format f)
{
	static char name[64];	/* valid until the next call */
	const char *p = chain_format_header(f), *word;
	size_t n;

	while (chain_words_next(&p, &word, &n))
		if (n < sizeof(name)) {
			memcpy(name, word, n);
			name[n] = '\0';
			if (chain_csv_column(r, name) == (int)i)
				/* "Id" stays "Id"; "Eigenaar" is "owner" */
				return chain_name_same(r->columns[i], name) ?
				    r->columns[i] : name;
		}
	return chain_csv_column_name(r, i);
}

/* What the header holds, as it was split: for a missing column. */
static void
describe_header(const struct chain_csv *r, char *buf, size_t size)
{
	char delim[3] = { (char)r->delimiter, '\0', '\0' };
	size_t i, n;

	if (r->delimiter == '\t')
		memcpy(delim, "\\t", 3);
	n = (size_t)snprintf(buf, size, _("the header, split at '%s', has: "),
	    delim);
	for (i = 0; i < r->ncolumns && n + 8 < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "",
		    r->columns[i]);
	if (n >= size - 8)
		snprintf(buf + size - 8, 8, "...");
}

/*
 * A required column the input lacks, reported with the delimiter it was
 * read with and the columns it has: a ';' file read as ',' shows itself.
 */
void
chain_csv_missing(struct chain_csv *r, const char *name)
{
	char found[400];

	describe_header(r, found, sizeof(found));
	chain_csv_error(r, r->header_line, name,
	    "required column is missing (%s)", found);
}

/* Marks the codes and keys of format f: blanks around them are dropped. */
void
chain_csv_keys(struct chain_csv *r, enum chain_format f)
{
	const char *p = chain_format(f)->keys, *word;
	char name[64];
	size_t n;
	int col;

	while (chain_words_next(&p, &word, &n))
		if (n < sizeof(name)) {
			memcpy(name, word, n);
			name[n] = '\0';
			if ((col = chain_csv_column(r, name)) >= 0)
				chain_csv_key(r, col);
		}
}

/* Column col holds a code or key: blanks around its values are dropped. */
void
chain_csv_key(struct chain_csv *r, int col)
{
	size_t i;

	for (i = 0; i < r->nkeys; i++)
		if (r->keys[i] == (size_t)col)
			return;
	r->keys = chain_reallocarray(r->keys, r->nkeys + 1, sizeof(*r->keys));
	r->keys[r->nkeys++] = (size_t)col;
}

/*
 * Finds every column of the NULL-terminated names[]; each missing one is an
 * error.  Returns -1 when any is missing.
 */
int
chain_csv_require(struct chain_csv *r, const char *const names[], int cols[])
{
	int i, missing = 0;

	if (r->columns == NULL)
		return -1;
	for (i = 0; names[i] != NULL; i++) {
		cols[i] = chain_csv_column(r, names[i]);
		if (cols[i] < 0) {
			chain_csv_missing(r, names[i]);
			missing = 1;
		}
	}
	return missing ? -1 : 0;
}

int
chain_csv_delimiter(const struct chain_csv *r)
{
	return r->delimiter;
}

int
chain_csv_decimal_comma(const struct chain_csv *r)
{
	return r->decimal_comma;
}

int
chain_csv_crlf(const struct chain_csv *r)
{
	return r->crlf;
}

int
chain_csv_bom(const struct chain_csv *r)
{
	return r->bom;
}

/* The encoding the input is read in (known once it is open). */
const struct chain_encoding *
chain_csv_encoding(const struct chain_csv *r)
{
	return chain_decoder_encoding(r->dec);
}

long
chain_csv_header_line(const struct chain_csv *r)
{
	return r->header_line;
}

off_t
chain_csv_header_end(const struct chain_csv *r)
{
	return r->header_end;
}

size_t
chain_csv_errors(const struct chain_csv *r)
{
	return r->errors;
}

static int
blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/*
 * Typed access to a field.  Each returns 1 with a value, 0 when the field is
 * empty (missing), and -1 after reporting a bad value with its line and
 * column.
 */
static int
bad_value(struct chain_csv *r, const struct chain_row *row, int col,
    const char *message)
{
	char shown[48];

	quote_value(chain_field(row, col), shown, sizeof(shown));
	chain_csv_error(r, row->line, chain_csv_column_name(r, (size_t)col),
	    message, shown);
	return -1;
}

int
chain_csv_date(struct chain_csv *r, const struct chain_row *row, int col,
    int *days)
{
	const char *s = chain_field(row, col);

	if (blank(s))
		return 0;
	if (chain_date_parse(s, days) != 0)
		return bad_value(r, row, col,
		    N_("'%s' is not a valid date"));
	return 1;
}

int
chain_csv_number(struct chain_csv *r, const struct chain_row *row, int col,
    double *v)
{
	const char *s = chain_field(row, col);

	if (blank(s))
		return 0;
	if (chain_number_parse(s, r->decimal_comma, v) != 0) {
		char shown[48];

		if (!r->decimal_comma || chain_number_parse(s, 0, v) != 0)
			return bad_value(r, row, col,
			    N_("'%s' is not a valid number"));
		/* 3.5 in a ';' file: a point the Dutch way groups thousands */
		quote_value(s, shown, sizeof(shown));
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)col), "'%s' is not a valid number: in a file "
		    "separated by ';' a number has a decimal comma (3,5) and "
		    "'.' only between thousands (1.400)", shown);
		return -1;
	}
	return 1;
}

int
chain_csv_time(struct chain_csv *r, const struct chain_row *row, int col,
    struct chain_time *t)
{
	const char *s = chain_field(row, col);

	if (blank(s))
		return 0;
	if (chain_time_parse(s, t) != 0)
		return bad_value(r, row, col,
		    N_("'%s' is not a valid timestamp"));
	return 1;
}

int
chain_csv_period(struct chain_csv *r, const struct chain_row *row, int col,
    struct chain_period *p)
{
	const char *s = chain_field(row, col);

	if (blank(s))
		return 0;
	if (chain_period_parse(s, p) != 0)
		return bad_value(r, row, col,
		    N_("'%s' is not a valid period"));
	return 1;
}

/* Whether the input has every column of a list (all) or any of them. */
static int
has_columns(const struct chain_csv *in, const char *list, int all)
{
	const char *p = list, *word;
	char name[64];
	size_t n;

	while (chain_words_next(&p, &word, &n)) {
		int found;

		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, word, n);
		name[n] = '\0';
		found = chain_csv_column(in, name) >= 0;
		if (all != found)
			return !all;
	}
	return all;
}

/* Whether an input's header is that of format f. */
int
chain_csv_is(const struct chain_csv *in, enum chain_format f)
{
	const struct chain_format_def *d = chain_format(f);

	return has_columns(in, d->required != NULL ? d->required :
	    chain_format_header(f), 1) &&
	    (d->forbidden == NULL || !has_columns(in, d->forbidden, 0));
}

/*
 * The first of the n candidate formats whose header the input has, in the
 * order given (a format that holds another's columns comes first); -1 when
 * none.
 */
int
chain_csv_recognise(const struct chain_csv *in,
    const enum chain_format *candidates, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (chain_csv_is(in, candidates[i]))
			return (int)candidates[i];
	return -1;
}
