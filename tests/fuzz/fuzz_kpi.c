/* fuzz_kpi: chain-kpi, every command, on any measurements or event log. */
#include <stddef.h>

#define PROGRAM_MAIN chain_kpi_main

static const char *const arguments[][14] = {
	{ "chain-kpi", "check", "--as-of", "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "summary", "--as-of", "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "check", "--plan", "@FILE", "--as-of", "2027-01-01",
	    "@FILE", NULL },
	{ "chain-kpi", "check", "--baseline", "12", "--screen", "--recalc",
	    "2026-W14,2026-03", "--fail-on", "concern", "--as-of",
	    "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "leadtime", "--as-of", "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "leadtime", "--per", "week", "--norm", "30d", "--kpi",
	    "lt", "--unit", "hours", "--as-of", "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "leadtime", "--from", "Report", "--to", "Close",
	    "--norm", "12h", "--as-of", "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "handoffs", "--as-of", "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "leadtime", "--per", "month", "--excel", "--as-of",
	    "2027-01-01", "@FILE", NULL },
	{ "chain-kpi", "summary", "--plan", "@FILE", "--excel", "--as-of",
	    "2027-01-01", "@FILE", NULL },
};

#include "program.h"
