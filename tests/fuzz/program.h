/*
 * program.h: a whole program as a fuzz target.  The program's main() is
 * compiled as PROGRAM_MAIN; the first input byte picks one of its command
 * lines (arguments[]), the rest is written to a file that the command line
 * names as @FILE.  Standard output is discarded.  A program must return
 * from main() on any input, or stop with a usage error (exit() comes back
 * here); it must never crash.
 */
#include <getopt.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain_priv.h"

int PROGRAM_MAIN(int argc, char *argv[]);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];
extern jmp_buf *chain_fuzz_exit_point;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	snprintf(path, sizeof(path), "/tmp/chain-fuzz-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const *line;
	char *argv[32];
	int argc = 0;
	FILE *fp;

	if (size == 0)
		return 0;
	line = arguments[data[0] % (sizeof(arguments) / sizeof(arguments[0]))];
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	fwrite(data + 1, 1, size - 1, fp);
	fclose(fp);
	for (; *line != NULL && argc < 31; line++)
		argv[argc++] = strdup(strcmp(*line, "@FILE") == 0 ? path : *line);
	argv[argc] = NULL;
	optind = 0;
	chain_reset_status();
	{
		jmp_buf back;

		/* a usage error exits: that comes back here (see exit.c) */
		chain_fuzz_exit_point = &back;
		if (setjmp(back) == 0)
			PROGRAM_MAIN(argc, argv);
		chain_fuzz_exit_point = NULL;
	}
	fflush(stdout);
	while (argc > 0)
		free(argv[--argc]);
	return 0;
}
