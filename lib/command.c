/*
 * command.c: a program's commands and the options that go with each.  A
 * program lists, for each of its own options, the commands it goes with;
 * the options given are noted as they are parsed, and one given with a
 * command it does not go with is a usage error that names both.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "chain_priv.h"

/* Notes option opt as given; returns 0 when it is not in the list. */
int
chain_option_note(const struct chain_option_use *use, size_t n, int opt,
    uint64_t *given)
{
	size_t i;

	for (i = 0; i < n && i < 64; i++)
		if (use[i].opt == opt) {
			*given |= (uint64_t)1 << i;
			return 1;
		}
	return 0;
}

/* The command of that name; an unknown one is a usage error. */
const struct chain_command *
chain_command_find(const struct chain_command *table, size_t n,
    const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	chain_usage_error("unknown command '%s'", name);
}

/* Every option given must go with the command. */
void
chain_option_check(const struct chain_option_use *use, size_t n,
    uint64_t given, const char *command)
{
	size_t i;

	for (i = 0; i < n && i < 64; i++)
		if ((given >> i & 1) && !chain_list_has(use[i].commands, command))
			chain_usage_error("%s does not go with %s (only with %s)",
			    use[i].name, command, use[i].commands);
}

/*
 * A program's run, the same in every program: the language of its
 * messages (i18n.c), its options (the shared ones, then its own, whose
 * values lose the blanks around them), the command named first, that
 * command on the operands left, and standard output checked at the end.
 * Returns the exit status.
 */
int
chain_run(const struct chain_program *p, int argc, char **argv)
{
	const struct chain_command *command = &p->commands[0];
	char shortopts[32];
	int c;

	chain_setprogname(argv[0]);
	chain_i18n_init();
	snprintf(shortopts, sizeof(shortopts), "%s%s", CHAIN_SHORTOPTS,
	    p->shortopts != NULL ? p->shortopts : "");
	while ((c = getopt_long(argc, argv, shortopts, p->longopts,
	    NULL)) != -1) {
		if (c == 'h')
			p->usage(CHAIN_EXIT_OK);
		if (c == '?')
			chain_usage_error("unknown or incomplete option");
		/* a value that names a wave, step, partner or period matches
		   as written, blanks around it aside */
		if (!chain_opts_common(p->opts, c, optarg))
			p->option(p->program, c, optarg != NULL ?
			    chain_trim(optarg) : NULL);
	}
	if (!p->no_command_word) {
		if (optind >= argc)
			p->usage(CHAIN_EXIT_USAGE);
		command = chain_command_find(p->commands, p->ncommands,
		    argv[optind++]);
	}
	if (p->check != NULL)
		p->check(p->program, command->name);
	command->run(p->program, argc - optind, argv + optind);
	/* a write error the output's close reported is not reported twice */
	if ((fflush(stdout) != 0 || ferror(stdout)) &&
	    chain_exit_status() != CHAIN_EXIT_IO)
		chain_err(CHAIN_EXIT_IO, "standard output: write error");
	return chain_exit_status();
}
