/*
 * register.c: the agreements register, read and checked.  Reading finds
 * its columns (id, owner and due required) and gives each row's dates,
 * every bad or missing value reported with its line and column.  The
 * checks of chain-agree check go beyond the values every reading checks:
 * an id is unique across the inputs, no date of an agreement lies before it was
 * made, a new due date comes with its announcement, and, given a partner
 * list, every owner and counterpart is a known partner code ('*' and empty
 * are the whole chain).  Every problem is listed, none cut short.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

/* Finds the register's columns; id, owner and due are required. */
int
chain_register_columns(struct chain_csv *r, struct chain_register *c)
{
	static const char *const required[] = { "id", "owner", "due", NULL };
	int cols[3];
	int rc = chain_csv_require(r, required, cols);

	c->id = cols[0];
	c->owner = cols[1];
	c->due = cols[2];
	c->counterpart = chain_csv_column(r, "counterpart");
	c->title = chain_csv_column(r, "title");
	c->made = chain_csv_column(r, "made");
	c->done = chain_csv_column(r, "done");
	c->announced = chain_csv_column(r, "announced");
	c->new_due = chain_csv_column(r, "new_due");
	c->plan = chain_csv_column(r, "plan");
	c->reason = chain_csv_column(r, "reason");
	c->cancelled = chain_csv_column(r, "cancelled");
	c->renegotiations = chain_csv_column(r, "renegotiations");
	chain_csv_keys(r, CHAIN_FORMAT_REGISTER);
	return rc;
}

static int
optional_date(struct chain_csv *r, const struct chain_row *row, int col,
    int *date)
{
	int rc = col >= 0 ? chain_csv_date(r, row, col, date) : 0;

	if (rc <= 0)
		*date = CHAIN_NO_DATE;
	return rc < 0 ? -1 : 0;
}

static int
required_value(struct chain_csv *r, const struct chain_row *row, int col)
{
	const char *s = chain_field(row, col);

	s += strspn(s, " \t");
	if (*s != '\0')
		return 0;
	chain_csv_error(r, row->line, chain_csv_column_name(r, (size_t)col),
	    "missing value");
	return -1;
}

/*
 * Reads one agreement; every bad or missing value of the row is reported.
 * Returns -1 when the row cannot be judged.
 */
int
chain_register_row(struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, struct chain_agreement *a)
{
	int bad = 0;

	bad |= required_value(r, row, c->id);
	bad |= required_value(r, row, c->owner);
	if (required_value(r, row, c->due) == 0)
		bad |= optional_date(r, row, c->due, &a->due);
	else
		bad = -1;
	bad |= optional_date(r, row, c->made, &a->made);
	bad |= optional_date(r, row, c->done, &a->done);
	bad |= optional_date(r, row, c->announced, &a->announced);
	bad |= optional_date(r, row, c->new_due, &a->new_due);
	bad |= optional_date(r, row, c->cancelled, &a->cancelled);
	return bad ? -1 : 0;
}

/* A counterpart that is empty or '*' is the whole chain: '*'. */
const char *
chain_register_partner(const struct chain_row *row, int col)
{
	const char *s = chain_field(row, col);

	return *s == '\0' ? "*" : s;
}

struct checker {
	struct chain_map *ids;		/* id -> "line N" where first seen */
	struct chain_map *known;	/* partner codes; NULL: not checked */
};

static struct chain_map *
load_partners(const char *path, const struct chain_opts *o)
{
	static const char *const required[] = { "partner", NULL };
	struct chain_map *known = chain_map_new();
	struct chain_csv *r = chain_csv_open(path, o);
	const struct chain_row *row;
	int col;

	if (r == NULL)
		return known;
	chain_csv_keys(r, CHAIN_FORMAT_PARTNERS);
	if (chain_csv_require(r, required, &col) == 0)
		while ((row = chain_csv_read(r)) != NULL)
			*chain_map_slot(known, chain_field(row, col), NULL) =
			    (void *)known;
	chain_csv_close(r);
	return known;
}

static void
check_id(struct chain_csv *r, const struct chain_row *row, int col,
    struct chain_map *ids)
{
	const char *id = chain_field(row, col);
	char where[64];
	void **slot;
	int created;

	if (*id == '\0')
		return;
	slot = chain_map_slot(ids, id, &created);
	if (!created) {
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)col), "duplicate id '%s' (first at %s)", id,
		    (const char *)*slot);
		return;
	}
	snprintf(where, sizeof(where), _("line %ld"), row->line);
	*slot = chain_strdup(where);
}

static void
check_partner(struct chain_csv *r, const struct chain_row *row, int col,
    struct chain_map *known)
{
	const char *code;

	if (known == NULL || col < 0)
		return;
	code = chain_field(row, col);
	if (*code == '\0' || strcmp(code, "*") == 0 ||
	    chain_map_get(known, code) != NULL)
		return;
	chain_csv_error(r, row->line, chain_csv_column_name(r, (size_t)col),
	    "unknown partner '%s'", code);
}

static void
check_order(struct chain_csv *r, const struct chain_row *row, int col,
    int date, int made, const char *what)
{
	if (date != CHAIN_NO_DATE && made != CHAIN_NO_DATE && date < made)
		chain_csv_error(r, row->line,
		    chain_csv_column_name(r, (size_t)col), "%s before made", what);
}

static void
check_row(struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, const struct checker *k)
{
	struct chain_agreement a;

	check_id(r, row, c->id, k->ids);
	check_partner(r, row, c->owner, k->known);
	check_partner(r, row, c->counterpart, k->known);
	if (chain_register_row(r, row, c, &a) != 0)
		return;
	check_order(r, row, c->due, a.due, a.made, "due");
	check_order(r, row, c->done, a.done, a.made, "done");
	check_order(r, row, c->announced, a.announced, a.made, "announced");
	check_order(r, row, c->cancelled, a.cancelled, a.made, "cancelled");
	if (a.new_due != CHAIN_NO_DATE && a.announced == CHAIN_NO_DATE)
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)c->new_due), "new_due without announced");
}

/* One register file, every problem reported as file:line: column: ... */
static void
check_file(struct chain_csv *r, void *arg)
{
	struct chain_register c;
	const struct chain_row *row;

	if (chain_register_columns(r, &c) == 0)
		while ((row = chain_csv_read(r)) != NULL)
			check_row(r, row, &c, arg);
}

/* Checks every input against the rules, and against partners when given. */
void
chain_register_check(int argc, char **argv, const char *partners,
    const struct chain_opts *o)
{
	struct chain_opts all = *o;
	struct checker k;

	k.ids = chain_map_new();
	k.known = partners != NULL ? load_partners(partners, o) : NULL;
	all.max_errors = 0;
	chain_csv_each(argc, argv, &all, check_file, &k);
	chain_map_free(k.ids, free);
	chain_map_free(k.known, NULL);
}
