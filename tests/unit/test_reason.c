/*
 * test_reason.c: the reasons of lib/reason.c: one reason however its case,
 * its blanks and its hyphens or underscores are written; the standard list
 * in English and Dutch; and the headers of the reasons and journal formats
 * (lib/format.c) that chain(5) fixes.
 */
#include <stdlib.h>

#include "chain_priv.h"
#include "unit.h"

static void
check_key(const char *text, const char *want)
{
	char *key = chain_reason_key(text);

	CHECK_STR(key, want);
	free(key);
}

static void
check_display(const char *text, const char *want)
{
	char *shown = chain_reason_display(text);

	CHECK_STR(shown, want);
	free(shown);
}

static void
test_keys(void)
{
	check_key("Waiting for the court", "waiting for the court");
	check_key("  waiting \t for the_court ", "waiting for the court");
	check_key("waiting-for--the court", "waiting for the court");
	check_key("Één oorzaak", "Één oorzaak");	/* ASCII case only */
	/* a standard reason is one in either language, however written */
	check_key("Information late", "\x01" "0");
	check_key("informatie_te  laat", "\x01" "0");
	check_key("Capaciteit", "\x01" "1");
	check_key("   ", "");
	check_key("", "");
}

static void
test_standard(void)
{
	int dutch = -1;

	CHECK_INT(chain_reason_standard("Information_late", &dutch),
	    CHAIN_REASON_INFORMATION);
	CHECK_INT(dutch, 0);
	CHECK_INT(chain_reason_standard(" Informatie te laat", &dutch),
	    CHAIN_REASON_INFORMATION);
	CHECK_INT(dutch, 1);
	CHECK_INT(chain_reason_standard("capaciteit", NULL),
	    CHAIN_REASON_CAPACITY);
	CHECK_INT(chain_reason_standard("prioriteit-gewijzigd", NULL),
	    CHAIN_REASON_PRIORITIES);
	CHECK_INT(chain_reason_standard("anders", NULL), CHAIN_REASON_OTHER);
	CHECK_INT(chain_reason_standard("information", NULL), -1);
	CHECK_INT(chain_reason_standard("late information", NULL), -1);
	CHECK_STR(chain_reason_name(CHAIN_REASON_DECISION, 0),
	    "decision pending");
	CHECK_STR(chain_reason_name(CHAIN_REASON_DECISION, 1),
	    "besluit ontbreekt");
	check_display("  Capaciteit ", "capaciteit");
	check_display("  Waiting for the court ", "Waiting for the court");
}

static void
test_headers(void)
{
	CHECK_STR(chain_format_header(CHAIN_FORMAT_AGREE_REASONS),
	    "partner,period,reason,count,share,cumulative_share");
	CHECK_STR(chain_format_header(CHAIN_FORMAT_JOURNAL),
	    "time,user,id,column,old,new,kind");
	CHECK_STR(chain_column_dutch("reason"), "reden");
	CHECK_STR(chain_column_dutch("cumulative_share"), "cumulatief_aandeel");
	CHECK_STR(chain_column_dutch("renegotiations"), "heronderhandelingen");
}

int
main(void)
{
	test_keys();
	test_standard();
	test_headers();
	UNIT_DONE();
}
