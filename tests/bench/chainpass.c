/*
 * chainpass: a read-only pass over a CSV file with the toolkit's own reader
 * (lib/csvin.c), counting rows and fields.  Beside csvpass it shows what
 * reading costs before a program does anything with the rows: line
 * numbers, byte ranges and fields copied out of libcsv's callbacks.
 */
#include <stdio.h>

#include "chain_priv.h"

int
main(int argc, char *argv[])
{
	struct chain_opts o;
	struct chain_csv *r;
	const struct chain_row *row;
	size_t rows = 0, fields = 0;

	chain_setprogname(argv[0]);
	chain_opts_init(&o);
	if ((r = chain_csv_open(argc > 1 ? argv[1] : "-", &o)) == NULL)
		return CHAIN_EXIT_IO;
	while ((row = chain_csv_read(r)) != NULL) {
		rows++;
		fields += row->nfields;
	}
	chain_csv_close(r);
	printf("%zu rows, %zu fields\n", rows, fields);
	return chain_exit_status();
}
