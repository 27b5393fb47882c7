/* fuzz_agree: chain-agree, every command, on any register. */
#include <stddef.h>

#define PROGRAM_MAIN chain_agree_main

static const char *const arguments[][12] = {
	{ "chain-agree", "status", "--as-of", "2026-11-20", "@FILE", NULL },
	{ "chain-agree", "score", "--per", "month", "@FILE", NULL },
	{ "chain-agree", "score", "--by", "counterpart", "--per", "week",
	    "--excel", "@FILE", NULL },
	{ "chain-agree", "matrix", "--as-of", "2026-11-20", "@FILE", NULL },
	{ "chain-agree", "list", "--state", "overdue,late", "--fail-on",
	    "surprise", "@FILE", NULL },
	{ "chain-agree", "check", "@FILE", NULL },
	{ "chain-agree", "status", "--allow-ragged", "--excel", "@FILE", NULL },
	{ "chain-agree", "add", "-f", "@FILE", "--owner", "X", "--due",
	    "2026-12-01", "--title", "t,\"q\"", NULL },
	{ "chain-agree", "set", "-f", "@FILE", "A1", "--announce",
	    "2026-11-01", "--new-due", "2026-12-01", "--plan", "p", NULL },
	{ "chain-agree", "set", "-f", "@FILE", "1", "--done", "2026-11-01",
	    NULL },
};

#include "program.h"
