/*
 * exit.c: what exit() is in a fuzz build.  A program stops with exit() on a
 * usage error; a fuzz target must return instead.  program.h sets a jump
 * back to the harness; elsewhere exiting is a bug.
 */
#include <setjmp.h>
#include <stdlib.h>

void chain_fuzz_exit(int status);

jmp_buf *chain_fuzz_exit_point;

void
chain_fuzz_exit(int status)
{
	(void)status;
	if (chain_fuzz_exit_point == NULL)
		abort();
	longjmp(*chain_fuzz_exit_point, 1);
}
