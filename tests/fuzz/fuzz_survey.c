/* fuzz_survey: chain-survey, every command, on any responses. */
#include <stddef.h>

#define PROGRAM_MAIN chain_survey_main

static const char *const arguments[][14] = {
	{ "chain-survey", "score", "--instrument", "trust", "@FILE", NULL },
	{ "chain-survey", "score", "--instrument", "chain", "--by",
	    "partner,about,wave", "--min-n", "1", "@FILE", NULL },
	{ "chain-survey", "alpha", "--instrument", "trust", "@FILE", NULL },
	{ "chain-survey", "matrix", "--instrument", "trust", "@FILE", NULL },
	{ "chain-survey", "compare", "--instrument", "trust", "--from",
	    "2026-05", "--to", "2026-11", "@FILE", NULL },
	{ "chain-survey", "score", "--items", "@FILE", "@FILE", NULL },
	{ "chain-survey", "alpha", "--items", "@FILE", "--excel", "@FILE",
	    NULL },
	{ "chain-survey", "score", "--instrument", "pillars", "--ignore",
	    "timestamp", "--fail-on", "concern", "@FILE", NULL },
};

#include "program.h"
