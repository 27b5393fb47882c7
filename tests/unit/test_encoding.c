/*
 * test_encoding.c: the encodings of an input (lib/encoding.c, lib/utf8.c):
 * what valid UTF-8 is, a block cut inside a character, the names of
 * encodings, Windows-1252 and UTF-16 read with their records' byte ranges
 * in the file itself, Windows-1252 found after 64 KiB of ASCII, and the
 * encoder that writes a register back.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "chain_priv.h"
#include "unit.h"

static size_t
invalid(const char *s)
{
	return chain_utf8_invalid((const unsigned char *)s, strlen(s), NULL);
}

static size_t
partial(const char *s)
{
	return chain_utf8_partial((const unsigned char *)s, strlen(s));
}

static void
test_utf8(void)
{
	CHECK_INT(invalid(""), 0);
	CHECK_INT(invalid("plain ASCII, longer than sixteen bytes"), 38);
	CHECK_INT(invalid("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), 14);
	/* overlong forms, a surrogate, above U+10FFFF, a lone continuation */
	CHECK_INT(invalid("\xC0\x80"), 0);
	CHECK_INT(invalid("\xC1\xBF"), 0);
	CHECK_INT(invalid("\xE0\x80\x80"), 0);
	CHECK_INT(invalid("\xF0\x80\x80\x80"), 0);
	CHECK_INT(invalid("ab\xED\xA0\x80"), 2);
	CHECK_INT(invalid("\xF4\x90\x80\x80"), 0);
	CHECK_INT(invalid("x\x80"), 1);
	CHECK_INT(invalid("\xFF"), 0);
	/* after a run of ASCII words, at each offset in a word */
	CHECK_INT(invalid("0123456789abcdefghij\xE9klmnopqrstuvwxyz"), 20);
	CHECK_INT(invalid("0123456789abcdefghijklmnopqrstuvwxyz\xE9"), 36);
	CHECK_INT(invalid("0123456789abcdefghijklmnopq\xC3(rstuvwxyz"), 27);
	/* a character the end cuts short is not valid; partial says so */
	CHECK_INT(invalid("abc\xC3"), 3);
	CHECK_INT(partial("abc\xC3"), 1);
	CHECK_INT(partial("ab\xE2\x82"), 2);
	CHECK_INT(partial("a\xF0\x9F\x98"), 3);
	CHECK_INT(partial("abc\xC3\xA9"), 0);
	CHECK_INT(partial("abc\x80"), 0);
	CHECK_INT(partial("abc\xFF"), 0);
	CHECK_INT(partial("ab\xE0\x80"), 0);	/* overlong already */
	CHECK_INT(partial(""), 0);
}

static void
test_names(void)
{
	struct chain_encoding e;

	CHECK(chain_encoding_known("utf-8"));
	CHECK(chain_encoding_known("UTF8"));
	CHECK(chain_encoding_known("latin1"));
	CHECK(chain_encoding_known("windows-1252"));
	CHECK(!chain_encoding_known("klingon"));
	chain_encoding_named(&e, "UTF_8", NULL, 0);
	CHECK(e.utf8);
	CHECK_INT(e.unit, 1);
	chain_encoding_named(&e, "cp1252", NULL, 0);
	CHECK_STR(e.name, "WINDOWS-1252");
	CHECK_STR(e.shown, "Windows-1252");
	CHECK(!e.utf8);
	CHECK_INT(e.bom, 0);
	/* UTF-16: the byte order of the mark, else little-endian */
	chain_encoding_named(&e, "utf16", (const unsigned char *)"\xFE\xFF", 2);
	CHECK_STR(e.name, "UTF-16BE");
	CHECK_INT(e.bom, 2);
	CHECK_INT(e.unit, 2);
	CHECK(memcmp(e.nl, "\0\n", 2) == 0);
	CHECK(memcmp(e.cr, "\0\r", 2) == 0);
	chain_encoding_named(&e, "UTF-16", (const unsigned char *)"i\0", 2);
	CHECK_STR(e.name, "UTF-16LE");
	CHECK_INT(e.bom, 0);
	CHECK(memcmp(e.nl, "\n\0", 2) == 0);
	/* a new file gets the mark */
	chain_encoding_named(&e, "UTF-16LE", NULL, 0);
	CHECK_INT(e.bom, 2);
}

static char path[64];

static struct chain_csv *
open_bytes(const char *bytes, size_t len, const char *encoding)
{
	static struct chain_opts o;
	int fd;

	chain_opts_init(&o);
	o.quiet = 1;
	o.encoding = encoding;
	snprintf(path, sizeof(path), "/tmp/chain-unit-XXXXXX");
	fd = mkstemp(path);
	if (write(fd, bytes, len) != (ssize_t)len)
		return NULL;
	close(fd);
	return chain_csv_open(path, &o);
}

static void
done(struct chain_csv *r)
{
	chain_csv_close(r);
	unlink(path);
}

/* Windows-1252: its fields in UTF-8, its records where they are in it. */
static void
test_windows_1252(void)
{
	static const char text[] = "id,title\nA1,caf\xE9\r\nA2,\x80 \x96\n";
	struct chain_csv *r = open_bytes(text, sizeof(text) - 1, NULL);
	const struct chain_row *row;

	CHECK_STR(chain_csv_encoding(r)->name, "WINDOWS-1252");
	CHECK(chain_csv_encoding(r)->guessed);
	CHECK_INT(chain_csv_header_end(r), 9);
	row = chain_csv_read(r);
	CHECK_STR(row->field[1], "caf\xC3\xA9");
	/* "A1,café\r\n": 9 bytes of the file, 10 of UTF-8 */
	CHECK_INT(row->start, 9);
	CHECK_INT(row->end, 18);
	row = chain_csv_read(r);
	CHECK_STR(row->field[1], "\xE2\x82\xAC \xE2\x80\x93");
	CHECK_INT(row->line, 3);
	CHECK_INT(row->start, 18);
	CHECK_INT(row->end, 25);
	CHECK(chain_csv_read(r) == NULL);
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);
}

/* UTF-16LE with its mark: two bytes a unit, four a surrogate pair. */
static void
test_utf16(void)
{
	static const char text[] = "\xFF\xFE" "i\0d\0,\0t\0\n\0"
	    "A\0" "1\0,\0=\xD8\0\xDE\r\0\n\0" "A\0" "2\0,\0\xE9\0";
	struct chain_csv *r = open_bytes(text, sizeof(text) - 1, NULL);
	const struct chain_row *row;

	CHECK_STR(chain_csv_encoding(r)->name, "UTF-16LE");
	CHECK_INT(chain_csv_encoding(r)->bom, 2);
	CHECK_INT(chain_csv_header_end(r), 12);
	row = chain_csv_read(r);
	CHECK_STR(row->field[1], "\xF0\x9F\x98\x80");	/* U+1F600 */
	/* A 1 , and CR LF two bytes each, the pair four: 14 bytes */
	CHECK_INT(row->start, 12);
	CHECK_INT(row->end, 26);
	row = chain_csv_read(r);
	CHECK_STR(row->field[1], "\xC3\xA9");
	CHECK_INT(row->start, 26);
	CHECK_INT(row->end, 34);
	CHECK(chain_csv_read(r) == NULL);
	done(r);
	/* big-endian, and forced: the same text */
	r = open_bytes("\xFE\xFF\0i\0,\0t\0\n\0x\0,\0\xE9", 16, "utf-16");
	row = chain_csv_read(r);
	CHECK_STR(chain_csv_encoding(r)->name, "UTF-16BE");
	CHECK_STR(row->field[1], "\xC3\xA9");
	CHECK_INT(row->start, 10);
	CHECK_INT(row->end, 16);
	done(r);
}

/* What does not convert is an error in its row, which is left out. */
static void
test_bad_bytes(void)
{
	static const char text[] = "id,t\nA1,\x81\nA2,ok\n";
	struct chain_csv *r = open_bytes(text, sizeof(text) - 1,
	    "windows-1252");
	const struct chain_row *row = chain_csv_read(r);

	CHECK_STR(row->field[0], "A2");
	CHECK_INT(row->start, 10);
	CHECK_INT(chain_csv_errors(r), 1);
	done(r);
	r = open_bytes(text, sizeof(text) - 1, "utf-8");
	row = chain_csv_read(r);
	CHECK_STR(row->field[0], "A2");
	CHECK_INT(chain_csv_errors(r), 1);
	done(r);
}

/*
 * 64 KiB of ASCII, then a Windows-1252 byte in a line that the end of the
 * first block cuts: from there the file is Windows-1252, and the records'
 * ranges go on in the file's bytes.
 */
static void
test_late_1252(void)
{
	static char text[70000];
	struct chain_csv *r;
	const struct chain_row *row;
	size_t n = 0;
	long rows = 0;
	off_t b1 = 0;

	n += (size_t)sprintf(text + n, "id,t\n");
	while (n + 20 <= 65530)
		n += (size_t)sprintf(text + n, "A%05ld,aaaaaaaaaaaa\n", ++rows);
	/* a row of the length that makes B1 start at 65530 */
	n += (size_t)sprintf(text + n, "P,%.*s\n", (int)(65530 - n - 3),
	    "pppppppppppppppppppppppppppppppppppppp");
	b1 = (off_t)n;
	n += (size_t)sprintf(text + n, "B1,aaaaaaaaaaaa\xE9" "bc\nB2,\x80\n");
	r = open_bytes(text, n, NULL);
	while ((row = chain_csv_read(r)) != NULL && row->field[0][0] != 'B')
		;
	CHECK(row != NULL);
	CHECK_STR(row->field[1], "aaaaaaaaaaaa\xC3\xA9" "bc");
	CHECK_INT(row->start, b1);
	CHECK_INT(row->end, b1 + 19);
	CHECK_STR(chain_csv_encoding(r)->name, "WINDOWS-1252");
	row = chain_csv_read(r);
	CHECK_STR(row->field[1], "\xE2\x82\xAC");
	CHECK_INT(row->start, b1 + 19);
	CHECK_INT(row->end, b1 + 24);
	CHECK_INT(row->end, (off_t)n);
	CHECK_INT(row->line, rows + 4);
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);
}

/* The encoder: a character a write cuts in two is written whole. */
static void
test_encoder(void)
{
	struct chain_encoding e;
	struct chain_encoder *c;
	char *buf = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&buf, &size), *fp;

	chain_encoding_named(&e, "windows-1252", NULL, 0);
	c = chain_encoder_open(&e);
	CHECK(chain_encoder_fits(c, "caf\xC3\xA9 \xE2\x82\xAC"));
	CHECK(!chain_encoder_fits(c, "\xF0\x9F\x98\x80"));
	CHECK(!chain_encoder_fits(c, "\xC5\x81" "\xC3\xB3" "d\xC5\xBA"));
	CHECK(chain_encoder_fits(NULL, "caf\xC3\xA9"));
	CHECK(!chain_encoder_fits(NULL, "caf\xE9"));
	fp = chain_encoder_stream(c, mem);
	setvbuf(fp, NULL, _IONBF, 0);
	fputs("caf\xC3", fp);
	fputs("\xA9 \xE2", fp);
	fputs("\x82", fp);
	fputs("\xAC\n", fp);
	CHECK_INT(fclose(fp), 0);
	fclose(mem);
	CHECK_STR(buf, "caf\xE9 \x80\n");
	free(buf);
	chain_encoder_free(c);
	chain_encoding_named(&e, "UTF-8", NULL, 0);
	CHECK(chain_encoder_open(&e) == NULL);
}

int
main(void)
{
	chain_setprogname("test_encoding");
	test_utf8();
	test_names();
	test_windows_1252();
	test_utf16();
	test_bad_bytes();
	test_late_1252();
	test_encoder();
	UNIT_DONE();
}
