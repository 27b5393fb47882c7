/*
 * fuzz_csv: the CSV reader on any bytes.  The first byte picks options
 * (ragged rows allowed, a forced delimiter, the records' bytes kept, an
 * encoding forced: UTF-8, Windows-1252 or UTF-16; else it is detected,
 * so bytes that are not UTF-8 go through the decoder too); every
 * field of every row is then read as text and through each typed accessor,
 * as the programs do.  The input is read twice, with plain lines split by
 * the reader itself and with every line through libcsv: rows, fields, line
 * numbers, byte ranges, raw bytes and errors must be the same, and the
 * byte ranges, which are the file's own in any encoding, must follow each
 * other within the file.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "chain_priv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A digest of what the reader gives: every byte and number of every row. */
static uint64_t
mix(uint64_t h, const void *p, size_t len)
{
	const unsigned char *b = p;

	while (len-- > 0)
		h = (h ^ *b++) * 1099511628211ULL;
	return h;
}

static const char *const encodings[] = { NULL, "UTF-8", "WINDOWS-1252",
	"UTF-16" };

static uint64_t
read_all(int fd, const struct chain_opts *o, int raw, size_t size)
{
	struct chain_csv *r;
	const struct chain_row *row;
	uint64_t h = 1469598103934665603ULL;
	size_t errors;
	off_t last_end = 0;

	lseek(fd, 0, SEEK_SET);
	r = chain_csv_fdopen(fd, "fuzz.csv", o);
	if (raw)
		chain_csv_keep_raw(r);
	while ((row = chain_csv_read(r)) != NULL) {
		size_t i;

		h = mix(h, &row->nfields, sizeof(row->nfields));
		h = mix(h, &row->line, sizeof(row->line));
		h = mix(h, &row->end_line, sizeof(row->end_line));
		h = mix(h, &row->start, sizeof(row->start));
		h = mix(h, &row->end, sizeof(row->end));
		h = mix(h, &row->rawlen, sizeof(row->rawlen));
		if (row->raw != NULL)
			h = mix(h, row->raw, row->rawlen);
		for (i = 0; i < row->nfields; i++) {
			struct chain_time t;
			struct chain_period p;
			double v;
			int d;

			if (strlen(row->field[i]) != row->len[i])
				abort();
			h = mix(h, row->field[i], row->len[i] + 1);
			chain_csv_date(r, row, (int)i, &d);
			chain_csv_number(r, row, (int)i, &v);
			chain_csv_time(r, row, (int)i, &t);
			chain_csv_period(r, row, (int)i, &p);
		}
		/* raw is UTF-8: longer than the file's bytes of Windows-1252 */
		if (row->raw != NULL && chain_csv_encoding(r)->utf8 &&
		    row->rawlen > (size_t)(row->end - row->start))
			abort();
		if (row->start < last_end || row->end < row->start ||
		    row->end > (off_t)size)
			abort();
		last_end = row->end;
	}
	errors = chain_csv_errors(r);
	h = mix(h, &errors, sizeof(errors));
	chain_csv_close(r);
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chain_opts o;
	uint64_t plain, libcsv;
	int fd;

	if (size == 0)
		return 0;
	chain_opts_init(&o);
	o.allow_ragged = data[0] & 1;
	o.delimiter = data[0] & 2 ? ';' : 0;
	o.max_errors = 3;
	o.encoding = encodings[(data[0] >> 3) & 3];
	fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1))
		abort();
	chain_csv_plain_lines = 1;
	plain = read_all(dup(fd), &o, data[0] & 4, size - 1);
	chain_csv_plain_lines = 0;
	libcsv = read_all(dup(fd), &o, data[0] & 4, size - 1);
	if (plain != libcsv)
		abort();
	close(fd);
	return 0;
}
