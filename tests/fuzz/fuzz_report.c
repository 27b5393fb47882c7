/* fuzz_report: chain-report, every format and language, on any input. */
#include <stddef.h>

#define PROGRAM_MAIN chain_report_main

static const char *const arguments[][14] = {
	{ "chain-report", "--as-of", "2026-11-20", "@FILE", NULL },
	{ "chain-report", "--format", "md", "--lang", "nl", "@FILE", NULL },
	{ "chain-report", "--format", "txt", "--week", "2020-W53",
	    "--fail-on", "any", "@FILE", NULL },
	{ "chain-report", "--actions", "/dev/null", "--excel", "--chain",
	    "<b>&", "@FILE", NULL },
};

#include "program.h"
