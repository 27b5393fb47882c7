/*
 * input.h: what the targets of the programs share.  A target runs one of
 * its program's commands through the library, as the program would; the
 * first input byte picks one of its configurations (the options of one
 * command line, written as the program's option structs), the rest is
 * written to a file that the configuration reads.  The file is removed
 * when the fuzzer exits; standard output, where the commands write, is
 * discarded.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "chain_priv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char input_path[] = "/tmp/chain-fuzz-XXXXXX";
static char *input_files[] = { input_path, NULL };	/* the FILE operands */

/* The file, and the journal that add and set keep beside it. */
static inline void
input_remove(void)
{
	char *journal = chain_journal_path(input_path);

	unlink(input_path);
	unlink(journal);
	free(journal);
}

/* Once per process: messages named as the program's, the file made. */
static inline void
input_init(const char *progname)
{
	int fd;

	chain_setprogname(progname);
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	if ((fd = mkstemp(input_path)) < 0)
		abort();
	close(fd);
	atexit(input_remove);
}

/*
 * The configuration, of n, that an input picks, its other bytes written to
 * input_path and the exit status reset; -1 for an empty input.
 */
static inline int
input_config(const uint8_t *data, size_t size, size_t n)
{
	FILE *fp;

	if (size == 0)
		return -1;
	input_remove();		/* no journal of an earlier input */
	if ((fp = fopen(input_path, "w")) == NULL ||
	    fwrite(data + 1, 1, size - 1, fp) != size - 1 || fclose(fp) != 0)
		abort();
	chain_reset_status();
	return data[0] % n;
}

/* A date of a configuration, CHAIN_NO_DATE when it has none. */
static inline int
input_date(const char *s)
{
	int days;

	if (s == NULL)
		return CHAIN_NO_DATE;
	if (chain_date_parse(s, &days) != 0)
		abort();
	return days;
}

/* After a command, as the program's main(): what it wrote flushed. */
static inline void
input_done(void)
{
	fflush(stdout);
}
