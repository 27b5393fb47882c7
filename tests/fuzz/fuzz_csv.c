/*
 * fuzz_csv: the CSV reader on any bytes.  The first byte picks options
 * (ragged rows allowed, a forced delimiter); every field of every row is
 * then read as text and through each typed accessor, as the programs do.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "chain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chain_opts o;
	struct chain_csv *r;
	const struct chain_row *row;
	int fd;

	if (size == 0)
		return 0;
	chain_opts_init(&o);
	o.allow_ragged = data[0] & 1;
	o.delimiter = data[0] & 2 ? ';' : 0;
	o.max_errors = 3;
	fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1))
		abort();
	lseek(fd, 0, SEEK_SET);
	r = chain_csv_fdopen(fd, "fuzz.csv", &o);
	while ((row = chain_csv_read(r)) != NULL) {
		size_t i;

		for (i = 0; i < row->nfields; i++) {
			struct chain_time t;
			struct chain_period p;
			double v;
			int d;

			if (strlen(row->field[i]) != row->len[i])
				abort();
			chain_csv_date(r, row, (int)i, &d);
			chain_csv_number(r, row, (int)i, &v);
			chain_csv_time(r, row, (int)i, &t);
			chain_csv_period(r, row, (int)i, &p);
		}
		if (row->raw != NULL && row->rawlen > (size_t)(row->end -
		    row->start))
			abort();
	}
	chain_csv_close(r);
	close(fd);
	return 0;
}
