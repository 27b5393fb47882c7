/*
 * csvpass: the yardstick of make bench.  A read-only pass over a CSV file
 * with libcsv, parsed the way the toolkit parses (strict quoting, blanks
 * kept, fields NUL-terminated), counting rows and fields and nothing more.
 * What a program does beyond this pass is its own cost.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <csv.h>

static size_t fields, rows;

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(void)data;
	fields++;
}

static void
on_row(int c, void *data)
{
	(void)c;
	(void)data;
	rows++;
}

static int
never_space(unsigned char c)
{
	(void)c;
	return 0;
}

int
main(int argc, char *argv[])
{
	static char buf[64 * 1024];
	struct csv_parser p;
	ssize_t n;
	int fd = argc > 1 ? open(argv[1], O_RDONLY) : 0;

	if (fd < 0) {
		perror(argv[1]);
		return 4;
	}
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&p, never_space);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (csv_parse(&p, buf, (size_t)n, on_field, on_row, NULL) !=
		    (size_t)n) {
			fprintf(stderr, "csvpass: %s\n",
			    csv_strerror(csv_error(&p)));
			return 3;
		}
	csv_fini(&p, on_field, on_row, NULL);
	csv_free(&p);
	printf("%zu rows, %zu fields\n", rows, fields);
	return 0;
}
