/*
 * test_format.c: the formats of chain(5) (lib/format.c): headers with the
 * state columns derived from the state names, recognition by header, and
 * the Dutch name of every column, each one listed in man/chain.5.
 */
#include <stdlib.h>

#include "chain_priv.h"
#include "unit.h"

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *text;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	text = calloc(1, (size_t)n + 1);
	if (fread(text, 1, (size_t)n, fp) != (size_t)n)
		text[0] = '\0';
	fclose(fp);
	return text;
}

static void
test_headers(void)
{
	CHECK_STR(chain_format_header(CHAIN_FORMAT_AGREE_SCORE),
	    "partner,period,total,kept,renegotiated,late,overdue,due_soon,"
	    "open,cancelled,surprises,reliability,predictability");
	CHECK_STR(chain_format_header(CHAIN_FORMAT_MEASUREMENTS),
	    "kpi,period,value");
	CHECK_STR(chain_format_header(CHAIN_FORMAT_CHANGES), "kpi,period,note");
	CHECK_STR(chain_column_dutch("note"), "toelichting");
}

/* Every column with a Dutch name has it listed in chain(5). */
static void
test_dutch_documented(void)
{
	char *page = slurp("man/chain.5");
	int f;

	CHECK(page != NULL);
	if (page == NULL)
		return;
	for (f = 0; f < CHAIN_NFORMATS; f++) {
		const char *p = chain_format_header((enum chain_format)f), *w;
		size_t n;

		while (chain_words_next(&p, &w, &n)) {
			char name[64], line[160];
			const char *dutch;

			snprintf(name, sizeof(name), "%.*s", (int)n, w);
			if ((dutch = chain_column_dutch(name)) == NULL)
				continue;
			snprintf(line, sizeof(line), ".It Cm %s Ta Cm %s\n", name,
			    dutch);
			if (strstr(page, line) == NULL) {
				fprintf(stderr, "chain.5 lacks: %s", line);
				CHECK(0);
			}
		}
	}
	free(page);
	CHECK(chain_name_same("Nieuwe deadline", "nieuwe_deadline"));
	CHECK(chain_name_same(" due", "due") == 0);	/* trimmed before */
	CHECK_STR(chain_column_dutch("new_due"), "nieuwe_deadline");
	CHECK(chain_column_dutch("kpi") == NULL);
}

int
main(void)
{
	test_headers();
	test_dutch_documented();
	UNIT_DONE();
}
