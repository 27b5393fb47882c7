/*
 * record.c: the register written to (chain-agree add and set), under the
 * lock of edit.c so that nothing else in the file changes.  A new
 * agreement gets the next id (the highest numbered one plus one, its
 * prefix and width kept) unless it brings its own, which must be new; it
 * is made as of --as-of unless told otherwise.  A change records a date
 * done, an announcement (with a new due date and a plan) or a cancellation
 * in the agreement's row, with the reason a promise breaks; an id on two
 * rows is not changed at all, nor is a date or reason the row records
 * already (unless corrected, or announced again), nor one before the
 * agreement was made.  The row's announced date stays that of the first
 * announcement, which tells whether the deviation was announced in time;
 * a new announcement (--again) moves the due date agreed at the last one,
 * and must come by that date to move it.  Dates are written as the
 * register writes its due dates: dd-mm-yyyy in a Dutch one.  A column the
 * change needs and the file lacks is added.  Every change is journalled
 * (journal.c), a line per column, before the new version takes the old
 * one's place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

/* A record being built: a field for every column of the file. */
struct record {
	char **field;
	size_t n;
};

static void
record_set(struct chain_edit *e, struct record *rec, const char *column,
    const char *value)
{
	int col;
	size_t i, want;

	if (value == NULL)
		return;
	col = chain_edit_column(e, column);
	want = chain_edit_ncolumns(e);
	if (want > rec->n) {
		rec->field = chain_reallocarray(rec->field, want,
		    sizeof(*rec->field));
		for (i = rec->n; i < want; i++)
			rec->field[i] = chain_strdup("");
		rec->n = want;
	}
	free(rec->field[col]);
	rec->field[col] = chain_strdup(value);
}

static void
record_date(struct chain_edit *e, struct record *rec, const char *column,
    int days, int dutch)
{
	char buf[CHAIN_DATE_LEN];

	if (days == CHAIN_NO_DATE)
		return;
	if (dutch)
		chain_date_format_dutch(days, buf);
	else
		chain_date_format(days, buf);
	record_set(e, rec, column, buf);
}

static void
record_free(struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		free(rec->field[i]);
	free(rec->field);
}

/* A date of the journal: ISO, "" for none. */
static void
iso(int days, char buf[CHAIN_DATE_LEN])
{
	if (days == CHAIN_NO_DATE)
		buf[0] = '\0';
	else
		chain_date_format(days, buf);
}

/* A date column changed (or announced again: always) into the journal. */
static void
journal_date(struct chain_journal *j, const char *id, const char *column,
    int old, int new_, const char *kind, int always)
{
	char a[CHAIN_DATE_LEN], b[CHAIN_DATE_LEN];

	if (new_ == CHAIN_NO_DATE || (old == new_ && !always))
		return;
	iso(old, a);
	iso(new_, b);
	chain_journal_add(j, id, column, a, b, kind);
}

static void
journal_text(struct chain_journal *j, const char *id, const char *column,
    const char *old, const char *new_, const char *kind)
{
	if (new_ != NULL && strcmp(old, new_) != 0)
		chain_journal_add(j, id, column, old, new_, kind);
}

/*
 * The ids of a register, and the one a new agreement continues: of the ids
 * that end in a number, those with the widest number, and of those the
 * highest (A009 after A008, B0011 after B0010 and A9).
 */
struct numbering {
	struct chain_map *ids;
	char *prefix;
	unsigned long long max;
	int width, any;
	int unnumbered, too_wide;	/* ids it cannot continue */
};

#define ID_DIGITS_MAX 18	/* a number an id can end in and go on */

static void
note_id(struct numbering *nb, const char *id)
{
	size_t n = strlen(id), k = n;
	unsigned long long v;
	int width;

	*chain_map_slot(nb->ids, id, NULL) = nb->ids;
	while (k > 0 && id[k - 1] >= '0' && id[k - 1] <= '9')
		k--;
	if (k == n) {
		nb->unnumbered++;
		return;
	}
	if (n - k > ID_DIGITS_MAX) {
		nb->too_wide++;
		return;
	}
	v = strtoull(id + k, NULL, 10);
	width = (int)(n - k);
	if (!nb->any || width > nb->width ||
	    (width == nb->width && v > nb->max)) {
		free(nb->prefix);
		nb->prefix = chain_strndup(id, k);
		nb->max = v;
		nb->width = width;
		nb->any = 1;
	}
}

/*
 * The next id, or NULL (reported) when the register's ids cannot be
 * continued: none of them ends in a number, or one ends in a number too
 * long; --id then names the new one.
 */
static char *
next_id(const struct numbering *nb, const char *path)
{
	char buf[128];
	unsigned long long v = nb->any ? nb->max + 1 : 1;

	if (nb->too_wide > 0 || (!nb->any && nb->unnumbered > 0)) {
		if (nb->too_wide > 0)
			chain_warnx("%s: its ids end in numbers of more than %d "
			    "digits; give the new one with --id", path,
			    ID_DIGITS_MAX);
		else
			chain_warnx("%s: its ids end in no number; give the new "
			    "one with --id", path);
		chain_raise_status(CHAIN_EXIT_DATA);
		return NULL;
	}
	for (;; v++) {
		snprintf(buf, sizeof(buf), "%.80s%0*llu", nb->any ? nb->prefix :
		    "", nb->any ? nb->width : 1, v);
		if (chain_map_get(nb->ids, buf) == NULL)
			return chain_strdup(buf);
	}
}

/* An id names a row: text that a control character cannot be part of. */
int
chain_record_id_ok(const char *id)
{
	const unsigned char *p = (const unsigned char *)id;

	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7F)
			return 0;
	return 1;
}

/*
 * Reads the ids of the register and whether it writes dates the Dutch way
 * (as its first due date is written); -1 when it is not a register.
 */
static int
read_register(struct chain_csv *r, struct numbering *nb, int *dutch)
{
	struct chain_register c;
	const struct chain_row *row;
	int seen_due = 0;

	if (chain_register_columns(r, &c) != 0)
		return -1;
	while ((row = chain_csv_read(r)) != NULL) {
		note_id(nb, chain_field(row, c.id));
		if (!seen_due && *chain_field(row, c.due) != '\0') {
			seen_due = 1;
			*dutch = chain_date_dutch(chain_field(row, c.due));
		}
	}
	return 0;
}

/*
 * Appends the agreement ch to the register at path (created when it does
 * not exist); returns its id, or NULL when nothing was added.
 */
char *
chain_record_add(const char *path, const struct chain_opts *o,
    const struct chain_change *ch)
{
	struct chain_edit *e;
	struct chain_csv *r;
	struct numbering nb = { NULL, NULL, 0, 0, 0, 0, 0 };
	struct record rec = { NULL, 0 };
	struct chain_journal *j;
	char *id = NULL;
	int dutch = 0, with_made;
	int made = ch->dates.made != CHAIN_NO_DATE ? ch->dates.made : o->as_of;

	if ((e = chain_edit_open(path, o, 1,
	    chain_format_header(CHAIN_FORMAT_REGISTER))) == NULL)
		return NULL;
	j = chain_journal_new(o->lock_wait);
	nb.ids = chain_map_new();
	if ((r = chain_edit_csv(e)) != NULL && read_register(r, &nb,
	    &dutch) != 0) {
		chain_edit_abort(e);
		goto done;
	}
	if (ch->id != NULL && chain_map_get(nb.ids, ch->id) != NULL) {
		chain_warnx("%s: id '%s' is already in the register", path,
		    ch->id);
		chain_raise_status(CHAIN_EXIT_DATA);
		chain_edit_abort(e);
		goto done;
	}
	id = ch->id != NULL ? chain_strdup(ch->id) : next_id(&nb, path);
	if (id == NULL) {
		chain_edit_abort(e);
		goto done;
	}
	record_set(e, &rec, "id", id);
	record_set(e, &rec, "owner", ch->owner);
	record_set(e, &rec, "counterpart", ch->counterpart);
	record_set(e, &rec, "title", ch->title);
	/* a register without a made column gets one only when told a date */
	with_made = ch->dates.made != CHAIN_NO_DATE || r == NULL ||
	    chain_csv_column(r, "made") >= 0;
	if (with_made)
		record_date(e, &rec, "made", made, dutch);
	record_date(e, &rec, "due", ch->dates.due, dutch);
	chain_edit_append(e, (const char *const *)rec.field);
	journal_text(j, id, "owner", "", ch->owner, "add");
	journal_text(j, id, "counterpart", "", ch->counterpart, "add");
	journal_text(j, id, "title", "", ch->title, "add");
	journal_date(j, id, "made", CHAIN_NO_DATE, with_made ? made :
	    CHAIN_NO_DATE, "add", 0);
	journal_date(j, id, "due", CHAIN_NO_DATE, ch->dates.due, "add", 0);
	chain_edit_before_rename(e, chain_journal_write, j);
	if (chain_edit_commit(e) != 0) {
		free(id);
		id = NULL;
	}
done:
	chain_journal_free(j);
	record_free(&rec);
	free(nb.prefix);
	chain_map_free(nb.ids, NULL);
	return id;
}

/*
 * Whether the change may be written: a date the row records already is a
 * fact, changed only with --correct (or, for a new announcement after an
 * earlier one, --again); and no date may come before the agreement was
 * made, as chain-agree check would say.  Each refusal is reported; the
 * register is then left as it was.
 */
static int
column_name(struct chain_csv *r, int col, const char *name, const char **out)
{
	*out = col >= 0 ? chain_csv_column_name(r, (size_t)col) : name;
	return col;
}

static int
recorded(struct chain_csv *r, const struct chain_row *row, int col,
    const char *name, int had, int wants, const char *how)
{
	char when[CHAIN_DATE_LEN];
	const char *column;

	if (had == CHAIN_NO_DATE || wants == CHAIN_NO_DATE || how == NULL)
		return 0;
	column_name(r, col, name, &column);
	chain_date_format(had, when);
	chain_csv_error(r, row->line, column, "%s is recorded already; %s",
	    when, _(how));
	return -1;
}

static int
before(struct chain_csv *r, const struct chain_row *row, int col,
    const char *name, int date, int made, const char *what)
{
	char d[CHAIN_DATE_LEN], m[CHAIN_DATE_LEN];
	const char *column;

	if (date == CHAIN_NO_DATE || made == CHAIN_NO_DATE || date >= made)
		return 0;
	column_name(r, col, name, &column);
	chain_date_format(date, d);
	chain_date_format(made, m);
	chain_csv_error(r, row->line, column, "%s is before %s (%s)", d,
	    _(what), m);
	return -1;
}

/* A fact is recorded once it happened: not after --as-of (today). */
static int
after_as_of(struct chain_csv *r, const struct chain_row *row, int col,
    const char *name, int date, int as_of)
{
	char d[CHAIN_DATE_LEN], a[CHAIN_DATE_LEN];
	const char *column;

	if (date == CHAIN_NO_DATE || date <= as_of)
		return 0;
	column_name(r, col, name, &column);
	chain_date_format(date, d);
	chain_date_format(as_of, a);
	chain_csv_error(r, row->line, column, "%s has not happened yet (it is "
	    "after %s)", d, a);
	return -1;
}

/*
 * A new announcement (--again) needs an earlier one, may not come before
 * it, and, when the first was in time, moves the due date agreed then only
 * when it comes by that date: after it the agreement is overdue, and an
 * announcement no longer changes that.
 */
static int
again_allowed(struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, const struct chain_agreement *was,
    int announced)
{
	char d[CHAIN_DATE_LEN], e[CHAIN_DATE_LEN];
	const char *column;
	int effective = was->new_due != CHAIN_NO_DATE ? was->new_due : was->due;

	column_name(r, c->announced, "announced", &column);
	if (was->announced == CHAIN_NO_DATE) {
		chain_csv_error(r, row->line, column, "no announcement is "
		    "recorded yet; --again is for one after an earlier one");
		return -1;
	}
	if (announced < was->announced)
		return recorded(r, row, c->announced, "announced",
		    was->announced, announced, N_("a new announcement comes "
		    "after it (--correct puts a wrong date right)"));
	if (was->announced <= was->due && announced > effective) {
		chain_date_format(announced, d);
		chain_date_format(effective, e);
		chain_csv_error(r, row->line, column, "%s is after %s, the due "
		    "date agreed at the last announcement: the agreement is "
		    "overdue since, and a new date is a new agreement (add)",
		    d, e);
		return -1;
	}
	return 0;
}

/*
 * A reason is recorded like a date: once, then changed with --correct or
 * with a new announcement (--again); and only for a promise not kept.
 */
static int
reason_allowed(struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, const struct chain_change *ch,
    const struct chain_agreement *was)
{
	const char *had = chain_field(row, c->reason), *column;
	char d[CHAIN_DATE_LEN], due[CHAIN_DATE_LEN];

	if (ch->reason == NULL)
		return 0;
	column_name(r, c->reason, "reason", &column);
	if (*had != '\0' && strcmp(had, ch->reason) != 0 && !ch->correct &&
	    !ch->again) {
		chain_csv_error(r, row->line, column, "'%s' is recorded "
		    "already; --again records a new one with a new "
		    "announcement, --correct puts a wrong one right", had);
		return -1;
	}
	if (ch->dates.done != CHAIN_NO_DATE && ch->dates.done <= was->due) {
		chain_date_format(ch->dates.done, d);
		chain_date_format(was->due, due);
		chain_csv_error(r, row->line, column, "done %s, by the due date "
		    "%s: a promise kept has no reason to record", d, due);
		return -1;
	}
	return 0;
}

static int
change_allowed(struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, const struct chain_change *ch, int as_of)
{
	static const char fix[] = N_("--correct puts a wrong date right");
	static const char again[] = N_("--again records a new announcement, "
	    "--correct puts a wrong date right");
	const struct chain_agreement *to = &ch->dates;
	struct chain_agreement was;
	int bad = 0;

	if (chain_register_row(r, row, c, &was) != 0)
		return -1;
	bad |= recorded(r, row, c->done, "done", was.done, to->done,
	    ch->correct ? NULL : fix);
	bad |= recorded(r, row, c->cancelled, "cancelled", was.cancelled,
	    to->cancelled, ch->correct ? NULL : fix);
	bad |= recorded(r, row, c->announced, "announced", was.announced,
	    to->announced, ch->correct || ch->again ? NULL : again);
	if (ch->again && to->announced != CHAIN_NO_DATE)
		bad |= again_allowed(r, row, c, &was, to->announced);
	bad |= reason_allowed(r, row, c, ch, &was);
	bad |= after_as_of(r, row, c->done, "done", to->done, as_of);
	bad |= after_as_of(r, row, c->announced, "announced", to->announced,
	    as_of);
	bad |= after_as_of(r, row, c->cancelled, "cancelled", to->cancelled,
	    as_of);
	if (to->new_due != CHAIN_NO_DATE && to->announced != CHAIN_NO_DATE &&
	    to->new_due < to->announced)
		bad |= before(r, row, c->new_due, "new_due", to->new_due,
		    to->announced, N_("the announcement"));
	bad |= before(r, row, c->done, "done", to->done,
	    was.made, "made");
	bad |= before(r, row, c->announced, "announced", to->announced,
	    was.made, "made");
	bad |= before(r, row, c->cancelled, "cancelled", to->cancelled,
	    was.made, "made");
	return bad ? -1 : 0;
}

/*
 * The kind of a change in the journal: a new announcement after an
 * earlier one, a recorded value put right, or a first record.
 */
static const char *
kind_of(const struct chain_change *ch, int had)
{
	if (ch->again)
		return "again";
	return ch->correct && had ? "correct" : "set";
}

/* What the change does to the row, journalled column by column. */
static void
journal_change(struct chain_journal *j, const char *id,
    const struct chain_row *row, const struct chain_register *c,
    const struct chain_change *ch, const struct chain_agreement *was)
{
	const struct chain_agreement *to = &ch->dates;
	const char *plan = chain_field(row, c->plan);
	const char *reason = chain_field(row, c->reason);

	journal_date(j, id, "done", was->done, to->done, kind_of(ch,
	    was->done != CHAIN_NO_DATE), 0);
	/* a new announcement is one even on the day of the last */
	journal_date(j, id, "announced", was->announced, to->announced,
	    kind_of(ch, was->announced != CHAIN_NO_DATE), ch->again);
	journal_date(j, id, "new_due", was->new_due, to->new_due, kind_of(ch,
	    was->new_due != CHAIN_NO_DATE), 0);
	journal_text(j, id, "plan", plan, ch->plan, kind_of(ch, *plan != '\0'));
	journal_text(j, id, "reason", reason, ch->reason, kind_of(ch,
	    *reason != '\0'));
	journal_date(j, id, "cancelled", was->cancelled, to->cancelled,
	    kind_of(ch, was->cancelled != CHAIN_NO_DATE), 0);
}

/*
 * The change ch written into the agreement's row, in its date style; a
 * new announcement leaves the date of the first where it is.
 */
static void
change_row(struct chain_edit *e, const struct chain_row *row,
    const struct chain_register *c, const struct chain_change *ch,
    struct chain_journal *j)
{
	struct record rec;
	struct chain_agreement was;
	int dutch = chain_date_dutch(chain_field(row, c->due));
	size_t i;

	chain_register_row(chain_edit_csv(e), row, c, &was);
	journal_change(j, chain_field(row, c->id), row, c, ch, &was);
	rec.n = chain_edit_ncolumns(e);
	rec.field = chain_calloc(rec.n, sizeof(*rec.field));
	for (i = 0; i < rec.n; i++)
		rec.field[i] = chain_strdup(chain_field(row, (int)i));
	record_date(e, &rec, "done", ch->dates.done, dutch);
	if (!ch->again)
		record_date(e, &rec, "announced", ch->dates.announced, dutch);
	record_date(e, &rec, "new_due", ch->dates.new_due, dutch);
	record_set(e, &rec, "plan", ch->plan);
	record_set(e, &rec, "reason", ch->reason);
	record_date(e, &rec, "cancelled", ch->dates.cancelled, dutch);
	chain_edit_replace(e, row, (const char *const *)rec.field);
	record_free(&rec);
}

static int
no_agreement(struct chain_edit *e, const char *path, const char *id)
{
	chain_warnx("%s: no agreement with id '%s'", path, id);
	chain_raise_status(CHAIN_EXIT_DATA);
	chain_edit_abort(e);
	return -1;
}

/* Records the change ch to agreement id of the register at path. */
int
chain_record_set(const char *path, const struct chain_opts *o,
    const char *id, const struct chain_change *ch)
{
	struct chain_edit *e;
	struct chain_csv *r;
	struct chain_register c;
	const struct chain_row *row;
	struct chain_journal *j;
	long first = 0;
	int rc;

	if ((e = chain_edit_open(path, o, 0,
	    chain_format_header(CHAIN_FORMAT_REGISTER))) == NULL)
		return -1;
	if ((r = chain_edit_csv(e)) == NULL)
		return no_agreement(e, path, id);
	if (chain_register_columns(r, &c) != 0) {
		chain_edit_abort(e);
		return -1;
	}
	j = chain_journal_new(o->lock_wait);
	while ((row = chain_csv_read(r)) != NULL) {
		if (strcmp(chain_field(row, c.id), id) != 0)
			continue;
		if (first != 0) {
			chain_csv_error(r, row->line, chain_csv_column_name(r,
			    (size_t)c.id), "id '%s' also on line %ld; not changed",
			    id, first);
			continue;
		}
		first = row->line;
		if (change_allowed(r, row, &c, ch, o->as_of) == 0)
			change_row(e, row, &c, ch, j);
	}
	if (first == 0) {
		chain_journal_free(j);
		return no_agreement(e, path, id);
	}
	chain_edit_before_rename(e, chain_journal_write, j);
	rc = chain_edit_commit(e);
	chain_journal_free(j);
	return rc;
}
