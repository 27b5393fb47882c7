/*
 * encoding.c: the encodings an input comes in, and a register written back
 * in its own (SPEC section 1).  Dutch Excel saves "CSV" in Windows-1252 and
 * "Unicode-tekst" in UTF-16 with a byte-order mark, so an input is read as:
 *   --encoding NAME                 NAME (anything iconv(3) knows)
 *   a UTF-8 byte-order mark         UTF-8
 *   a UTF-16 one (LE or BE)         UTF-16, of that byte order
 *   valid UTF-8 in its first block  UTF-8
 *   anything else                   Windows-1252 (the reader warns)
 * The first block is 64 KiB (or the whole input, when shorter).  UTF-8 is
 * handed on as it is read, every block checked.  A byte that is not UTF-8
 * further on, after nothing but ASCII, is where Windows-1252 shows itself
 * in a long file: the rest is read as Windows-1252 (the reader warns),
 * which gives the ASCII before it no other meaning.  After UTF-8 that is
 * not ASCII it is reported where it is, never guessed at, and so it is in
 * a file with UTF-8's mark or read with --encoding utf-8.  Any other
 * encoding is converted to UTF-8 as it streams in; a byte it cannot
 * convert (such as the five that Windows-1252 leaves undefined) becomes
 * U+FFFD and is reported with its place.
 *
 * A decoded block ends on a character of the source, and the source
 * offset after each of its line ends is kept: every record then has its
 * byte range in the file itself, so that a register is rewritten with
 * every other byte untouched.  The encoder turns UTF-8 back into the
 * register's encoding for the records that are written anew; a character
 * the encoding cannot hold is found before anything is written.
 */
#define _GNU_SOURCE		/* fopencookie: a stream that encodes */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain_priv.h"

#define SOURCE_SIZE (64 * 1024)
#define REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD, for a byte not converted */

/* What "utf-8", "UTF_16le" and "cp1252" are, blanks and case aside. */
static void
squeeze(const char *name, char *out, size_t size)
{
	size_t n = 0;

	for (; *name != '\0' && n + 1 < size; name++)
		if (*name != '-' && *name != '_' && *name != ' ')
			out[n++] = (char)(*name >= 'a' && *name <= 'z' ?
			    *name - 'a' + 'A' : *name);
	out[n] = '\0';
}

static int
is_utf8_name(const char *name)
{
	char s[16];

	squeeze(name, s, sizeof(s));
	return strcmp(s, "UTF8") == 0;
}

/* Whether iconv can read name (into UTF-8). */
int
chain_encoding_known(const char *name)
{
	iconv_t cd;

	if (is_utf8_name(name))
		return 1;
	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/* Converts all of in[0..n) with cd; -1 when any of it does not convert. */
static ssize_t
convert(iconv_t cd, const char *in, size_t n, char *out, size_t size)
{
	char *ip = (char *)(uintptr_t)in, *op = out;
	size_t il = n, ol = size;

	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return -1;
	return (ssize_t)(size - ol);
}

/*
 * An encoder from UTF-8 to the encoding, primed so that one that starts
 * its output with a byte-order mark ("UTF-32") has written it already.
 */
static iconv_t
open_encoder(const char *name)
{
	iconv_t cd = iconv_open(name, "UTF-8");
	char out[16];

	if (cd != (iconv_t)-1)
		convert(cd, "a", 1, out, sizeof(out));
	return cd;
}

/* The line end of the encoding, and its CR: how a record's end is found. */
static void
line_end_of(struct chain_encoding *e)
{
	iconv_t cd;
	ssize_t n;
	char out[16];

	e->unit = 1;
	e->nl[0] = '\n';
	e->cr[0] = '\r';
	if (e->utf8 || (cd = open_encoder(e->name)) == (iconv_t)-1)
		return;
	if ((n = convert(cd, "\n", 1, out, sizeof(out))) >= 1 &&
	    n <= (ssize_t)sizeof(e->nl)) {
		e->unit = (size_t)n;
		memcpy(e->nl, out, (size_t)n);
		if (convert(cd, "\r", 1, out, sizeof(out)) == n)
			memcpy(e->cr, out, (size_t)n);
	}
	iconv_close(cd);
}

static void
set_name(struct chain_encoding *e, const char *name, const char *shown)
{
	snprintf(e->name, sizeof(e->name), "%s", name);
	snprintf(e->shown, sizeof(e->shown), "%s", shown);
	e->utf8 = is_utf8_name(name);
	line_end_of(e);
}

/*
 * The encoding of a name given with --encoding, for a file that starts
 * with the bytes p[0..len): UTF-16 without a byte order is the one its
 * byte-order mark tells, else little-endian, as Windows writes it.
 */
void
chain_encoding_named(struct chain_encoding *e, const char *name,
    const unsigned char *p, size_t len)
{
	char s[16];

	memset(e, 0, sizeof(*e));
	squeeze(name, s, sizeof(s));
	if (strcmp(s, "UTF8") == 0)
		set_name(e, "UTF-8", "UTF-8");
	else if (strcmp(s, "UTF16") == 0)
		set_name(e, len >= 2 && p[0] == 0xFE && p[1] == 0xFF ?
		    "UTF-16BE" : "UTF-16LE", "UTF-16");
	else if (strcmp(s, "WINDOWS1252") == 0 || strcmp(s, "CP1252") == 0)
		set_name(e, "WINDOWS-1252", "Windows-1252");
	else if (strcmp(s, "UTF16LE") == 0 || strcmp(s, "UTF16BE") == 0)
		set_name(e, s[5] == 'L' ? "UTF-16LE" : "UTF-16BE",
		    s[5] == 'L' ? "UTF-16LE" : "UTF-16BE");
	else
		set_name(e, name, name);
	/* a UTF-16 file starts with its mark, a new one too */
	if (strncmp(e->name, "UTF-16", 6) == 0 && (len == 0 || (len >= 2 &&
	    p[0] == (e->name[6] == 'L' ? 0xFF : 0xFE) && p[1] == (p[0] ^ 1))))
		e->bom = 2;
	e->forced = 1;
}

/* The encoding a file without --encoding is in, from its first block. */
static void
detect(struct chain_encoding *e, const unsigned char *p, size_t len,
    int whole, size_t *invalid)
{
	size_t check = whole ? len : len - chain_utf8_partial(p, len);

	memset(e, 0, sizeof(*e));
	*invalid = len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		set_name(e, "UTF-8", "UTF-8");
	else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		set_name(e, "UTF-16LE", "UTF-16LE");
	else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		set_name(e, "UTF-16BE", "UTF-16BE");
	else if ((*invalid = chain_utf8_invalid(p, check, NULL)) == check) {
		*invalid = len;
		set_name(e, "UTF-8", "UTF-8");
	} else {
		set_name(e, "WINDOWS-1252", "Windows-1252");
		e->guessed = 1;
	}
	if (len >= 2 && (p[0] == 0xFF || p[0] == 0xFE) && p[1] == (p[0] ^ 1))
		e->bom = 2;
	else if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		e->bom = 3;
}

/* The reading side: a file's bytes as UTF-8, a block at a time. */
struct chain_decoder {
	int fd;
	const char *forced;	/* --encoding, or NULL */
	struct chain_encoding enc;
	int started, eof, flushed, need_more;
	iconv_t cd;		/* (iconv_t)-1 for UTF-8 */
	iconv_t back;		/* UTF-8 to the encoding: offsets in a line */
	unsigned char *src;	/* bytes read and not yet handed on */
	size_t srclen, srcpos;
	off_t src_offset;	/* file offset of src[0] */
	int guess;		/* Windows-1252 guessed, not yet told: */
	long guess_lines;	/* the line ends in the block before */
	unsigned char guess_byte;	/* its first byte that is not UTF-8 */
	int multibyte;		/* UTF-8 that is not ASCII was read */
	off_t *newline;
	size_t nnewlines, newline_cap;
	struct chain_bad *bad;
	size_t nbad, bad_cap;
	unsigned char *block;	/* the last block handed on */
};

struct chain_decoder *
chain_decoder_new(int fd, const char *forced)
{
	struct chain_decoder *d = chain_calloc(1, sizeof(*d));

	d->fd = fd;
	d->forced = forced;
	d->cd = d->back = (iconv_t)-1;
	d->src = chain_malloc(SOURCE_SIZE);
	return d;
}

void
chain_decoder_free(struct chain_decoder *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	if (d->back != (iconv_t)-1)
		iconv_close(d->back);
	free(d->src);
	free(d->newline);
	free(d->bad);
	free(d);
}

const struct chain_encoding *
chain_decoder_encoding(const struct chain_decoder *d)
{
	return &d->enc;
}

/*
 * Whether the block just read made the input Windows-1252 (at its start,
 * or after ASCII): then its first byte that is not UTF-8, and how many
 * line ends come before it in the block; -1 otherwise.  Told once.
 */
long
chain_decoder_guess(struct chain_decoder *d, unsigned char *byte)
{
	if (!d->guess)
		return -1;
	d->guess = 0;
	*byte = d->guess_byte;
	return d->guess_lines;
}

static void
note_guess(struct chain_decoder *d, const unsigned char *p, size_t invalid)
{
	const unsigned char *q = p, *end = p + invalid;

	d->guess = 1;
	d->guess_lines = 0;
	while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL)
		d->guess_lines++, q++;
	d->guess_byte = p[invalid];
}

/* Reads into src[srclen..]; the first block is filled whole. */
static int
read_more(struct chain_decoder *d, unsigned char *to, size_t size, int whole)
{
	size_t got = 0;
	ssize_t n;

	do {
		do
			n = read(d->fd, to + got, size - got);
		while (n < 0 && errno == EINTR);
		if (n < 0)
			return -1;
		if (n == 0)
			d->eof = 1;
		got += (size_t)n;
	} while (whole && n > 0 && got < size);
	return (int)got;
}

static void
note_newline(struct chain_decoder *d, off_t after)
{
	if (d->nnewlines == d->newline_cap) {
		d->newline_cap = d->newline_cap ? d->newline_cap * 2 : 1024;
		d->newline = chain_reallocarray(d->newline, d->newline_cap,
		    sizeof(*d->newline));
	}
	d->newline[d->nnewlines++] = after;
}

static void
note_bad(struct chain_decoder *d, size_t at, off_t src,
    const unsigned char *bytes, size_t n)
{
	struct chain_bad *b;

	if (d->nbad == d->bad_cap) {
		d->bad_cap = d->bad_cap ? d->bad_cap * 2 : 16;
		d->bad = chain_reallocarray(d->bad, d->bad_cap,
		    sizeof(*d->bad));
	}
	b = &d->bad[d->nbad++];
	b->at = at;
	b->src = src;
	b->n = n < sizeof(b->bytes) ? n : sizeof(b->bytes);
	memcpy(b->bytes, bytes, b->n);
}

/* The line ends in src[from..to), which starts on a character. */
static void
scan_newlines(struct chain_decoder *d, size_t from, size_t to)
{
	const unsigned char *p = d->src + from, *end = d->src + to;
	size_t u = d->enc.unit;

	if (u == 1) {
		while ((p = memchr(p, d->enc.nl[0], (size_t)(end - p))) !=
		    NULL) {
			p++;
			note_newline(d, d->src_offset + (p - d->src));
		}
		return;
	}
	for (; p + u <= end; p += u)
		if (memcmp(p, d->enc.nl, u) == 0)
			note_newline(d, d->src_offset + (p + u - d->src));
}

/* Moves what is left of src to its start and reads more after it. */
static int
refill(struct chain_decoder *d)
{
	int n;

	memmove(d->src, d->src + d->srcpos, d->srclen - d->srcpos);
	d->src_offset += (off_t)d->srcpos;
	d->srclen -= d->srcpos;
	d->srcpos = 0;
	if ((n = read_more(d, d->src + d->srclen, SOURCE_SIZE - d->srclen,
	    0)) < 0)
		return -1;
	d->srclen += (size_t)n;
	return 0;
}

/*
 * Converts source bytes into buf[0..size) until it is full or the source
 * is used up; a byte that does not convert becomes U+FFFD and is noted.
 * What has been converted is handed on before more is read, so that a
 * pipe's rows flow.
 */
static ssize_t
decode(struct chain_decoder *d, unsigned char *buf, size_t from, size_t size)
{
	char *out = (char *)buf + from;
	size_t left = size - from;

	for (;;) {
		char *in;
		size_t inleft, before, rc;
		int err;

		if (d->srcpos == d->srclen || d->need_more) {
			if (d->eof) {
				if (d->srcpos < d->srclen) {
					/* a character the input cuts short */
					if (left < 3)
						break;
					note_bad(d, (size_t)(out - (char *)buf),
					    d->src_offset + (off_t)d->srcpos,
					    d->src + d->srcpos,
					    d->srclen - d->srcpos);
					memcpy(out, REPLACEMENT, 3);
					out += 3, left -= 3;
					d->srcpos = d->srclen;
				}
				if (!d->flushed && left >= 16) {
					iconv(d->cd, NULL, NULL, &out, &left);
					d->flushed = 1;
				}
				break;
			}
			if (out != (char *)buf + from)
				break;
			if (refill(d) != 0)
				return -1;
			d->need_more = 0;
			continue;
		}
		in = (char *)d->src + d->srcpos;
		inleft = d->srclen - d->srcpos;
		before = d->srcpos;
		rc = iconv(d->cd, &in, &inleft, &out, &left);
		err = rc == (size_t)-1 ? errno : 0;
		d->srcpos = (size_t)((unsigned char *)in - d->src);
		scan_newlines(d, before, d->srcpos);
		if (err == E2BIG)
			break;
		if (err == EINVAL)
			d->need_more = 1;
		else if (err == EILSEQ) {
			size_t skip = d->enc.unit < d->srclen - d->srcpos ?
			    d->enc.unit : d->srclen - d->srcpos;

			if (left < 3)
				break;
			note_bad(d, (size_t)(out - (char *)buf),
			    d->src_offset + (off_t)d->srcpos,
			    d->src + d->srcpos, skip);
			memcpy(out, REPLACEMENT, 3);
			out += 3, left -= 3;
			d->srcpos += skip;
		}
	}
	return (ssize_t)(size - left);
}

static int
open_converters(struct chain_decoder *d)
{
	if ((d->cd = iconv_open("UTF-8", d->enc.name)) == (iconv_t)-1)
		chain_errx(CHAIN_EXIT_USAGE, "--encoding: iconv cannot read "
		    "'%s'", d->enc.name);
	d->back = open_encoder(d->enc.name);
	return 0;
}

/*
 * A byte that is not UTF-8 at buf[at], after nothing but ASCII: from
 * there on, the block (buf[at..n) and the bytes held back after it) is
 * decoded as Windows-1252.  The line ends before it are the file's own.
 */
static ssize_t
switch_to_1252(struct chain_decoder *d, unsigned char *buf, size_t at,
    size_t n, size_t size)
{
	off_t start = d->src_offset;
	const unsigned char *p = buf, *nl;

	note_guess(d, buf, at);
	set_name(&d->enc, "WINDOWS-1252", "Windows-1252");
	d->enc.guessed = 1;
	open_converters(d);
	while ((nl = memchr(p, '\n', (size_t)(buf + at - p))) != NULL) {
		p = nl + 1;
		note_newline(d, start + (p - buf));
	}
	memmove(d->src + (n - at), d->src, d->srclen);
	memcpy(d->src, buf + at, n - at);
	d->srclen += n - at;
	d->srcpos = 0;
	d->src_offset = start + (off_t)at;
	return decode(d, buf, at, size);
}

/*
 * UTF-8 as it is read, straight into buf: a character cut by the end of
 * the block waits for the next one, and each byte that is not UTF-8 is
 * noted (the first of each line is enough for the reader).
 */
static ssize_t
pass_utf8(struct chain_decoder *d, unsigned char *buf, size_t size)
{
	size_t carry = d->srclen - d->srcpos, n, at, hold = 0, from;
	int got = 0;

	memcpy(buf, d->src + d->srcpos, carry);
	d->src_offset += (off_t)d->srcpos;
	d->srcpos = d->srclen = 0;
	if (!d->eof && carry < size &&
	    (got = read_more(d, buf + carry, size - carry, 0)) < 0)
		return -1;
	n = carry + (size_t)got;
	if (!d->eof)
		hold = chain_utf8_partial(buf, n);
	memcpy(d->src, buf + n - hold, hold);
	d->srclen = hold;
	n -= hold;
	at = chain_utf8_invalid(buf, n, &d->multibyte);
	if (at < n && !d->multibyte && !d->enc.forced && d->enc.bom == 0)
		return switch_to_1252(d, buf, at, n, size);
	for (from = at; at < n; at = from + chain_utf8_invalid(buf + from,
	    n - from, NULL)) {
		const unsigned char *nl;

		note_bad(d, at, d->src_offset + (off_t)at, buf + at, 1);
		/* the rest of the line is that line's problem already */
		nl = memchr(buf + at, '\n', n - at);
		from = nl != NULL ? (size_t)(nl - buf) + 1 : n;
	}
	/* the next block starts where this one ends */
	d->src_offset += (off_t)n;
	d->srcpos = 0;
	return (ssize_t)n;
}

/* The first block: read whole, its encoding decided. */
static int
start(struct chain_decoder *d)
{
	size_t invalid;
	int n;

	d->started = 1;
	if ((n = read_more(d, d->src, SOURCE_SIZE, 1)) < 0)
		return -1;
	d->srclen = (size_t)n;
	if (d->forced != NULL)
		chain_encoding_named(&d->enc, d->forced, d->src, d->srclen);
	else {
		detect(&d->enc, d->src, d->srclen, d->eof, &invalid);
		if (d->enc.guessed)
			note_guess(d, d->src, invalid);
	}
	if (d->enc.utf8)
		return 0;
	open_converters(d);
	/* a UTF-16 mark, which UTF-16LE and -BE would take for a character */
	if (d->enc.bom == 2 && d->enc.unit == 2 && d->srclen >= 2)
		d->srcpos = 2;
	return 0;
}

/*
 * The next block of the input as UTF-8, into buf (size at least 64 KiB):
 * its length, 0 at the end, -1 on a read error (errno).  b tells where the
 * block is in the file, where its lines end there (when decoded; UTF-8's
 * offsets are the block's own) and which bytes did not convert.
 */
ssize_t
chain_decoder_read(struct chain_decoder *d, unsigned char *buf, size_t size,
    struct chain_block *b)
{
	ssize_t n;

	d->nnewlines = d->nbad = 0;
	if (!d->started && start(d) != 0)
		return -1;
	b->start = d->src_offset + (off_t)d->srcpos;
	/* (pass_utf8 may find Windows-1252 and decode the rest itself) */
	n = d->enc.utf8 ? pass_utf8(d, buf, size) : decode(d, buf, 0, size);
	if (n < 0)
		return -1;
	b->end = d->enc.utf8 ? b->start + n : d->src_offset +
	    (off_t)d->srcpos;
	b->decoded = !d->enc.utf8;
	b->newline = d->newline;
	b->nnewlines = d->nnewlines;
	b->bad = d->bad;
	b->nbad = d->nbad;
	d->block = buf;
	return n;
}

/*
 * The file offset of byte pos of the last block: the encoded length of
 * the UTF-8 before it, for a message that names the byte.
 */
off_t
chain_decoder_offset(struct chain_decoder *d, const struct chain_block *b,
    size_t pos)
{
	char out[256];
	char *in = (char *)d->block, *op;
	size_t il = pos, ol;
	off_t n = 0;

	if (d->enc.utf8 || d->back == (iconv_t)-1)
		return b->start + (off_t)pos;
	iconv(d->back, NULL, NULL, NULL, NULL);
	while (il > 0) {
		op = out, ol = sizeof(out);
		if (iconv(d->back, &in, &il, &op, &ol) == (size_t)-1 &&
		    errno != E2BIG) {
			/* U+FFFD for bytes not converted: a unit of the file */
			size_t skip = il >= 3 && memcmp(in, REPLACEMENT, 3) == 0 ?
			    3 : 1;

			in += skip, il -= skip;
			n += (off_t)d->enc.unit;
		}
		n += (off_t)(sizeof(out) - ol);
	}
	return b->start + n;
}

/*
 * The writing side: UTF-8 into the register's encoding.  A character the
 * encoding cannot hold is refused by chain_encoder_fits before anything is
 * written, so the stream itself only fails on a write error.
 */
struct chain_encoder {
	iconv_t cd;
	FILE *to;
	char pending[4];	/* a character that a write cut short */
	size_t npending;
};

struct chain_encoder *
chain_encoder_open(const struct chain_encoding *e)
{
	struct chain_encoder *c;
	iconv_t cd;

	if (e->utf8 || (cd = open_encoder(e->name)) == (iconv_t)-1)
		return NULL;
	c = chain_calloc(1, sizeof(*c));
	c->cd = cd;
	return c;
}

/*
 * Whether s can be written in the encoding (c NULL: UTF-8, which s must
 * then be, so that a register in UTF-8 stays UTF-8).
 */
int
chain_encoder_fits(struct chain_encoder *c, const char *s)
{
	char out[256], *in = (char *)(uintptr_t)s, *op;
	size_t il = strlen(s), ol;

	if (c == NULL)
		return chain_utf8_invalid((const unsigned char *)s, il, NULL) ==
		    il;
	iconv(c->cd, NULL, NULL, NULL, NULL);
	while (il > 0) {
		op = out, ol = sizeof(out);
		if (iconv(c->cd, &in, &il, &op, &ol) == (size_t)-1 &&
		    errno != E2BIG)
			return 0;
	}
	return 1;
}

static int
put(struct chain_encoder *c, char *in, size_t il)
{
	char out[1024], *op;
	size_t ol;

	while (il > 0) {
		op = out, ol = sizeof(out);
		if (iconv(c->cd, &in, &il, &op, &ol) == (size_t)-1 &&
		    errno != E2BIG) {
			if (errno != EINVAL || il > sizeof(c->pending))
				return -1;
			memmove(c->pending, in, il);
			c->npending = il;
			il = 0;
		}
		if (fwrite(out, 1, sizeof(out) - ol, c->to) != sizeof(out) - ol)
			return -1;
	}
	return 0;
}

static size_t
char_length(unsigned char lead)
{
	return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

static ssize_t
encode_write(void *cookie, const char *buf, size_t size)
{
	struct chain_encoder *c = cookie;
	size_t take = 0;

	if (c->npending > 0) {
		/* the rest of a character a write cut short, first */
		size_t need = char_length((unsigned char)c->pending[0]);

		take = need - c->npending < size ? need - c->npending : size;
		memcpy(c->pending + c->npending, buf, take);
		c->npending += take;
		if (c->npending < need)
			return (ssize_t)size;
		c->npending = 0;
		if (put(c, c->pending, need) != 0 || c->npending > 0)
			return -1;
	}
	if (put(c, (char *)(uintptr_t)buf + take, size - take) != 0)
		return -1;
	return (ssize_t)size;
}

/*
 * A stream whose UTF-8 is written to to in the encoding; fclose it (to
 * stays open) before to is written to directly.
 */
FILE *
chain_encoder_stream(struct chain_encoder *c, FILE *to)
{
	cookie_io_functions_t io = { NULL, encode_write, NULL, NULL };

	c->to = to;
	c->npending = 0;
	iconv(c->cd, NULL, NULL, NULL, NULL);
	return fopencookie(c, "w", io);
}

void
chain_encoder_free(struct chain_encoder *c)
{
	if (c == NULL)
		return;
	iconv_close(c->cd);
	free(c);
}
