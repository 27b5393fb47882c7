/*
 * options.c: the options that every program shares (-o, -d, -q, --excel,
 * --as-of, --allow-ragged, --column, --encoding) and the usage and version
 * conventions.  A program keeps its own getopt_long table, starting with
 * CHAIN_LONGOPTS, and hands each option it does not know itself to
 * chain_opts_common.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

#ifndef CHAIN_VERSION
#define CHAIN_VERSION "0"
#endif

void
chain_opts_init(struct chain_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->as_of = chain_today();
	o->max_errors = 20;
	o->lock_wait = CHAIN_LOCK_WAIT;
}

/* A line of format fmt on standard error, cleaned (util.c). */
static void
say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	chain_stderr_vput(fmt, ap);
	va_end(ap);
}

void
chain_usage_error(const char *fmt, ...)
{
	va_list ap;

	chain_stderr_put(chain_progname);
	fputs(": ", stderr);
	va_start(ap, fmt);
	chain_stderr_vput(_(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
	say(_("Try '%s --help' for more information."), chain_progname);
	fputc('\n', stderr);
	exit(CHAIN_EXIT_USAGE);
}

void
chain_version(void)
{
	printf("%s %s\n", chain_progname, CHAIN_VERSION);
	if (fflush(stdout) != 0 || ferror(stdout))
		chain_err(CHAIN_EXIT_IO, "write error");
	exit(CHAIN_EXIT_OK);
}

/* The help of the options every program shares, and of the exit status. */
void
chain_help_common(void)
{
	fputs(_("  -o, --output FILE   write to FILE instead of standard output\n"
	    "  -d, --delimiter C   input delimiter (default: detected)\n"
	    "  --excel             output for Dutch Excel (;, decimal comma, BOM)\n"
	    "  --allow-ragged      pad short rows instead of rejecting them\n"
	    "  --column NAME=HEADER  read column NAME from the column HEADER\n"
	    "  --encoding NAME     input encoding (default: UTF-8, UTF-16 by its\n"
	    "                      byte-order mark, else Windows-1252)\n"
	    "  -q, --quiet         no warnings, no progress on a terminal\n"
	    "  -h, --help          this help;  -V, --version  the version\n"),
	    stdout);
	putchar('\n');
	chain_help_exit_status();
}

void
chain_help_exit_status(void)
{
	fputs(_("Exit status: 0 ok, 1 --fail-on found, 2 usage, 3 bad data, "
	    "4 file error.\n"), stdout);
}

static int
parse_delimiter(const char *arg)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
		return '\t';
	if (strlen(arg) != 1 || arg[0] == '"' || arg[0] == '\n' ||
	    arg[0] == '\r')
		chain_usage_error("-d takes one character (or 'tab'), not '%s'",
		    arg);
	return (unsigned char)arg[0];
}

/*
 * Handles one of the shared options; returns 0 when c is not one of them, so
 * that the caller can go on with its own.
 */
int
chain_opts_common(struct chain_opts *o, int c, const char *arg)
{
	switch (c) {
	case 'o':
		o->output = strcmp(arg, "-") == 0 ? NULL : arg;
		return 1;
	case 'd':
		o->delimiter = parse_delimiter(arg);
		return 1;
	case 'q':
		o->quiet = 1;
		return 1;
	case CHAIN_OPT_EXCEL:
		o->excel = 1;
		return 1;
	case CHAIN_OPT_ALLOW_RAGGED:
		o->allow_ragged = 1;
		return 1;
	case CHAIN_OPT_COLUMN:
		if (strchr(arg, '=') == NULL || *arg == '=' ||
		    arg[strlen(arg) - 1] == '=')
			chain_usage_error("--column: '%s' is not NAME=HEADER",
			    arg);
		if (!chain_format_column(arg, (size_t)(strchr(arg, '=') - arg)))
			chain_usage_error("--column: '%.*s' is no column of any "
			    "format of chain(5) (give its English name)",
			    (int)(strchr(arg, '=') - arg), arg);
		if (o->ncolumn_map == CHAIN_COLUMN_MAP_MAX)
			chain_usage_error("--column: at most %d",
			    CHAIN_COLUMN_MAP_MAX);
		o->column_map[o->ncolumn_map++] = arg;
		return 1;
	case CHAIN_OPT_ENCODING:
		if (!chain_encoding_known(arg))
			chain_usage_error("--encoding: '%s' is no encoding iconv "
			    "knows ('iconv -l' lists them)", arg);
		o->encoding = arg;
		return 1;
	case CHAIN_OPT_AS_OF:
		o->as_of_given = 1;
		if (chain_date_parse(arg, &o->as_of) != 0)
			chain_usage_error("--as-of: '%s' is not a valid date",
			    arg);
		return 1;
	case 'V':
		chain_version();
	}
	return 0;
}

long
chain_parse_count(const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		chain_usage_error("%s: '%s' is not a whole number from %ld to %ld",
		    opt, arg, min, max);
	return v;
}

/* --lang en|nl: the language of texts (items, the report). */
enum chain_lang
chain_lang_parse(const char *arg)
{
	if (strcmp(arg, "en") == 0)
		return CHAIN_EN;
	if (strcmp(arg, "nl") != 0)
		chain_usage_error("--lang: '%s' is not en or nl", arg);
	return CHAIN_NL;
}
