/*
 * test_csv.c: the CSV reader and writer (lib/csvin.c, lib/csvout.c): BOM,
 * CRLF, delimiter detection, quoted newlines with line numbers, header
 * matching, ragged rows, malformed quoting, byte ranges, minimal quoting
 * and the --excel dialect.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "chain_priv.h"
#include "unit.h"

static struct chain_opts opts;
static char path[64];

static struct chain_csv *
open_text(const char *text, size_t len)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/chain-unit-XXXXXX");
	fd = mkstemp(path);
	if (write(fd, text, len) != (ssize_t)len)
		return NULL;
	close(fd);
	return chain_csv_open(path, &opts);
}

static struct chain_csv *
open_string(const char *text)
{
	return open_text(text, strlen(text));
}

static void
done(struct chain_csv *r)
{
	chain_csv_close(r);
	unlink(path);
}

static void
test_basic(void)
{
	struct chain_csv *r = open_string("\xEF\xBB\xBF Id ,Owner,due\r\n"
	    "A1,\"POL, team\",2026-03-01\r\n"
	    "\r\n"
	    "A2,\"say \"\"hi\"\"\nthere\",2026-03-02\r\n"
	    "A3, OM ,01-04-2026");
	const struct chain_row *row;

	CHECK(r != NULL);
	CHECK(chain_csv_bom(r));
	CHECK(chain_csv_crlf(r));
	CHECK_INT(chain_csv_delimiter(r), ',');
	CHECK_INT(chain_csv_ncolumns(r), 3);
	CHECK_STR(chain_csv_column_name(r, 0), "Id");
	CHECK_INT(chain_csv_column(r, "id"), 0);
	CHECK_INT(chain_csv_column(r, "OWNER"), 1);
	CHECK_INT(chain_csv_column(r, "title"), -1);
	row = chain_csv_read(r);
	CHECK(row != NULL);
	CHECK_STR(chain_field(row, 1), "POL, team");
	CHECK_INT(row->line, 2);
	CHECK_INT(row->start, 19);	/* BOM, header and CRLF: 3 + 14 + 2 */
	CHECK_INT(row->end, 19 + 27);
	row = chain_csv_read(r);
	CHECK_STR(chain_field(row, 1), "say \"hi\"\nthere");
	CHECK_INT(row->line, 4);	/* the blank line 3 is skipped */
	CHECK_INT(row->end_line, 5);
	row = chain_csv_read(r);
	CHECK_STR(chain_field(row, 1), " OM ");	/* blanks in text kept */
	CHECK_INT(row->line, 6);
	CHECK_STR(chain_field(row, 5), "");	/* beyond the row */
	CHECK(chain_csv_read(r) == NULL);
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);
}

static void
test_dialects(void)
{
	struct chain_csv *r = open_string("kpi;period;value\n"
	    "lt;2026-W01;3,5\n");
	const struct chain_row *row;
	double v = 0;

	CHECK_INT(chain_csv_delimiter(r), ';');
	CHECK(chain_csv_decimal_comma(r));
	row = chain_csv_read(r);
	CHECK_INT(chain_csv_number(r, row, 2, &v), 1);
	CHECK(v == 3.5);
	done(r);

	r = open_string("kpi\tperiod\tvalue\nlt\t2026-W01\t3.5\n");
	CHECK_INT(chain_csv_delimiter(r), '\t');
	CHECK(!chain_csv_decimal_comma(r));
	done(r);

	/* a comma inside a quoted header name does not make it comma-separated */
	r = open_string("\"a, b\";c\n1;2\n");
	CHECK_INT(chain_csv_delimiter(r), ';');
	CHECK_STR(chain_csv_column_name(r, 0), "a, b");
	done(r);

	opts.delimiter = '|';
	r = open_string("a|b\n1|2\n");
	CHECK_INT(chain_csv_ncolumns(r), 2);
	done(r);
	opts.delimiter = 0;
}

static void
test_problems(void)
{
	struct chain_csv *r = open_string("a,b\n1,2\n3\n4,5,6\n7,8\n");
	const struct chain_row *row;
	int n = 0;

	while ((row = chain_csv_read(r)) != NULL)
		n++;
	CHECK_INT(n, 2);			/* the two ragged rows are left out */
	CHECK_INT(chain_csv_errors(r), 2);
	done(r);

	opts.allow_ragged = 1;
	r = open_string("a,b,c\n1\n");
	row = chain_csv_read(r);
	CHECK(row != NULL);
	CHECK_STR(chain_field(row, 2), "");
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);
	opts.allow_ragged = 0;

	r = open_string("a,b\n1,\"open\n2,3\n");
	while (chain_csv_read(r) != NULL)
		;
	CHECK_INT(chain_csv_errors(r), 1);	/* unterminated quote */
	done(r);

	/* a quote inside a field that does not start with one is literal */
	r = open_string("a,b\n1,12\" scherm\n\"2\",37\xc2\xb0""36'37.8\"N\n");
	row = chain_csv_read(r);
	CHECK_STR(chain_field(row, 1), "12\" scherm");
	row = chain_csv_read(r);
	CHECK_STR(chain_field(row, 0), "2");
	CHECK_STR(chain_field(row, 1), "37\xc2\xb0""36'37.8\"N");
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);

	r = open_string("a,b\n1,\"x\"y\n");
	CHECK(chain_csv_read(r) == NULL);
	CHECK_INT(chain_csv_errors(r), 1);	/* text after a closing quote */
	done(r);

	r = open_text("a,b\n1,x\0y\n", 10);
	CHECK(chain_csv_read(r) == NULL);
	CHECK_INT(chain_csv_errors(r), 1);	/* a NUL byte */
	done(r);

	r = open_string("");
	CHECK_INT(chain_csv_errors(r), 1);	/* no header */
	CHECK(chain_csv_read(r) == NULL);
	done(r);

	r = open_string("due\n31-02-2026\n2026-02-28\n\n");
	row = chain_csv_read(r);
	{
		int d;

		CHECK_INT(chain_csv_date(r, row, 0, &d), -1);
		row = chain_csv_read(r);
		CHECK_INT(chain_csv_date(r, row, 0, &d), 1);
		CHECK_INT(chain_csv_errors(r), 1);
	}
	done(r);
}

static void
test_large_field(void)
{
	size_t n = 200000, i;
	char *text = malloc(n + 32);
	struct chain_csv *r;
	const struct chain_row *row;

	memcpy(text, "a,b\n1,\"", 7);
	for (i = 0; i < n; i++)
		text[7 + i] = (char)(i % 1000 == 999 ? '\n' : 'x');
	memcpy(text + 7 + n, "\"\n2,y\n", 7);
	r = open_text(text, 7 + n + 6);
	row = chain_csv_read(r);
	CHECK_INT(row->len[1], n);
	row = chain_csv_read(r);
	CHECK_STR(chain_field(row, 1), "y");
	CHECK_INT(row->line, 3 + (long)(n / 1000));	/* lines crossed blocks */
	done(r);
	free(text);
}

/* Quotes where a read block ends (every 65536 bytes): read as anywhere. */
static void
test_block_edges(void)
{
	size_t block = 64 * 1024, n;
	char *text = malloc(2 * block);
	struct chain_csv *r;
	const struct chain_row *row;

	/* a doubled quote inside a quoted field, split by the block's end */
	memcpy(text, "a,b\n1,\"", 7);
	for (n = 7; n < block - 1; n++)
		text[n] = 'x';
	memcpy(text + n, "\"\"y\"\n2,z\n", 10);
	r = open_text(text, n + 10);
	row = chain_csv_read(r);
	CHECK_INT(row->len[1], block - 8 + 2);
	CHECK_STR(chain_field(row, 1) + block - 8, "\"y");
	row = chain_csv_read(r);
	CHECK_STR(chain_field(row, 1), "z");
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);

	/* a literal quote in an unquoted field, first in the next block */
	memcpy(text, "a,b\n1,", 6);
	for (n = 6; n < block; n++)
		text[n] = 'x';
	memcpy(text + n, "\"y\n", 3);
	r = open_text(text, n + 3);
	row = chain_csv_read(r);
	CHECK(row != NULL);
	CHECK_STR(chain_field(row, 1) + block - 6, "\"y");
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);
	free(text);
}

/*
 * The cases of the csv-spectrum conformance suite, each in LF and CRLF:
 * the rows the reader must give, fields separated by '|', rows by '\n'.
 */
static const struct {
	const char *name, *text, *rows;
} spectrum[] = {
	{ "comma_in_quotes", "naam,adres,plaats\nJan,\"Dorpsstraat 1, achter\",Ede\n",
	    "Jan|Dorpsstraat 1, achter|Ede" },
	{ "empty", "a,b,c\n1,\"\",\"\"\n2,3,4\n", "1||\n2|3|4" },
	{ "escaped_quotes", "a,b\n1,\"zo \"\"zo\"\" zo\"\n3,4\n",
	    "1|zo \"zo\" zo\n3|4" },
	{ "json", "key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"c\"\": [5.0, 2.5]}\"\n",
	    "1|{\"type\": \"Point\", \"c\": [5.0, 2.5]}" },
	{ "location_coordinates", "telefoon,locatie,plaats\n"
	    "0612345678,52\xc2\xb0""05'29.9\"N 5\xc2\xb0""07'17.6\"E,Utrecht\n",
	    "0612345678|52\xc2\xb0""05'29.9\"N 5\xc2\xb0""07'17.6\"E|Utrecht" },
	{ "newlines", "a,b,c\n1,2,3\n\"Er was \neens\",5,6\n7,8,9\n",
	    "1|2|3\nEr was \neens|5|6\n7|8|9" },
	{ "quotes_and_newlines", "a,b\n1,\"zo \n\"\"zo\"\" \nzo\"\n3,4\n",
	    "1|zo \n\"zo\" \nzo\n3|4" },
	{ "simple", "a,b,c\n1,2,3\n", "1|2|3" },
	{ "utf8", "a,b,c\n1,2,3\n4,5,\xca\xa4\n", "1|2|3\n4|5|\xca\xa4" },
};

/* Every row of r as fields separated by '|', rows by '\n'. */
static const char *
all_rows(struct chain_csv *r)
{
	static char buf[512];
	const struct chain_row *row;
	size_t n = 0, i;

	buf[0] = '\0';
	while ((row = chain_csv_read(r)) != NULL)
		for (i = 0; i < row->nfields; i++)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
			    i == 0 && n > 0 ? "\n" : i > 0 ? "|" : "",
			    chain_field(row, (int)i));
	return buf;
}

/* LF as CRLF, also inside quoted fields (as csv-spectrum's CRLF files). */
static char *
crlf(const char *text)
{
	static char buf[512];
	size_t n = 0;

	for (; *text != '\0' && n + 3 < sizeof(buf); text++) {
		if (*text == '\n')
			buf[n++] = '\r';
		buf[n++] = *text;
	}
	buf[n] = '\0';
	return buf;
}

static void
test_spectrum(void)
{
	size_t i;
	struct chain_csv *r;

	for (i = 0; i < sizeof(spectrum) / sizeof(spectrum[0]); i++) {
		char want[512], *p;

		r = open_string(spectrum[i].text);
		CHECK_STR(all_rows(r), spectrum[i].rows);
		CHECK_INT(chain_csv_errors(r), 0);
		done(r);
		/* in CRLF (a newline inside a quoted field is kept as CRLF) */
		r = open_string(crlf(spectrum[i].text));
		snprintf(want, sizeof(want), "%s", all_rows(r));
		for (p = want; (p = strchr(p, '\r')) != NULL; )
			memmove(p, p + 1, strlen(p));
		CHECK_STR(want, spectrum[i].rows);
		CHECK_INT(chain_csv_errors(r), 0);
		done(r);
	}
}

/* ';;;' rows below a table are blank lines; the delimiter by frequency. */
static void
test_excel_edges(void)
{
	struct chain_csv *r = open_string("id;Opmerking, intern;due\r\n"
	    "1;a, b;2026-01-01\r\n;;\r\n;;\r\n");
	const struct chain_row *row;

	CHECK_INT(chain_csv_delimiter(r), ';');
	CHECK_INT(chain_csv_ncolumns(r), 3);
	CHECK_STR(chain_csv_column_name(r, 1), "Opmerking, intern");
	CHECK_STR(all_rows(r), "1|a, b|2026-01-01");
	CHECK_INT(chain_csv_errors(r), 0);
	done(r);

	/* "" is a value: a row of quoted empty fields is a row */
	r = open_string("a,b\n\"\",\"\"\n,\n");
	CHECK_STR(all_rows(r), "|");
	done(r);

	/* Dutch names and --column; blanks around a key dropped */
	opts.column_map[0] = "title=Onderwerp";
	opts.ncolumn_map = 1;
	r = open_string("Nr;Eigenaar;Nieuwe deadline;Onderwerp;omschrijving\n"
	    " A1 ; GEM ;1-6-2026; x ; y \n");
	CHECK_INT(chain_csv_column(r, "id"), 0);
	CHECK_INT(chain_csv_column(r, "owner"), 1);
	CHECK_INT(chain_csv_column(r, "new_due"), 2);
	CHECK_INT(chain_csv_column(r, "title"), 3);
	chain_csv_keys(r, CHAIN_FORMAT_REGISTER);
	row = chain_csv_read(r);
	CHECK_STR(chain_field(row, 0), "A1");
	CHECK_INT(chain_field_len(row, 0), 2);
	CHECK_STR(chain_field(row, 1), "GEM");
	CHECK_STR(chain_field(row, 3), " x ");	/* text keeps its blanks */
	done(r);
	opts.ncolumn_map = 0;
}

static const char *
written(int excel, void (*fill)(struct chain_out *))
{
	static char buf[256];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct chain_out *w = chain_out_stream(fp, excel ? ';' : ',', excel,
	    excel);

	fill(w);
	chain_out_free(w);
	fclose(fp);
	return buf;
}

static void
fill_row(struct chain_out *w)
{
	chain_out_text(w, "plain");
	chain_out_text(w, "a,b");
	chain_out_text(w, "say \"hi\"");
	chain_out_text(w, "=SUM(A1)");
	chain_out_text(w, "-5");
	chain_out_field(w, "2.5");
	chain_out_number(w, 0.125);
	chain_out_empty(w);
	chain_out_text(w, "a;b");
	chain_out_end(w);
}

static void
test_writer(void)
{
	CHECK_STR(written(0, fill_row),
	    "plain,\"a,b\",\"say \"\"hi\"\"\",=SUM(A1),-5,2.5,0.125,,a;b\n");
	CHECK_STR(written(1, fill_row),
	    "plain;a,b;\"say \"\"hi\"\"\";'=SUM(A1);-5;2,5;0,125;;\"a;b\"\r\n");
}

int
main(void)
{
	chain_setprogname("test_csv");
	/* the reader reports the bad inputs below; the checks are what count */
	if (freopen("/dev/null", "w", stderr) == NULL)
		return 1;
	chain_opts_init(&opts);
	test_basic();
	test_dialects();
	test_problems();
	test_large_field();
	test_block_edges();
	test_spectrum();
	test_excel_edges();
	test_writer();
	UNIT_DONE();
}
