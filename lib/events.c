/*
 * events.c: case event logs, read into cases.  An event is a step of a case
 * at an exact instant (the UTC offset it was written with is kept, for the
 * date as written and for printing), at a partner.  Steps and partners are
 * interned: an event is 24 bytes.  Each case's events are handed on in time
 * order (equal times in input order) once the case is complete.
 *
 * When is a case complete?  A log exported from a process-mining tool lists
 * each case's events together, so a case is taken as complete when the next
 * case starts: it is handed on, its events are written to a spool file and
 * dropped.  To notice a case that comes back, nothing more than the last id
 * is needed while the ids come in sorted order (as most exports write
 * them); otherwise a fingerprint of every finished id is kept (16 bytes a
 * case).  Memory then holds the case being read.  A log in any other order
 * (sorted by time, as case systems write them) shows itself by the first
 * case that comes back: the consumer is told to start over, every case is
 * read back from the spool, and from then on all cases are held until the
 * end of the input.  Both give the same results, in the order of each
 * case's first event in the input.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct case_state {
	char *id;
	struct chain_event *ev;
	size_t n, cap;
};

struct chain_cases {
	const struct chain_opts *opts;
	struct chain_event_columns columns;
	struct chain_names *steps, *partners;
	chain_case_fn *fn;
	chain_restart_fn *restart;
	void *ctx;
	int holding;		/* the log is not grouped: hold every case */
	struct case_state current;
	FILE *spool;
	char *last_id;		/* while ids come sorted: the last finished */
	int unsorted;		/* they did not: fingerprints are kept */
	struct chain_seen *done;	/* fingerprints of the finished cases */
	struct chain_map *held;	/* id -> index into order[] */
	struct case_state *order;
	size_t nheld, heldcap;
	long after;		/* events after --as-of, left out */
	int64_t latest_us;	/* the latest of them */
	char *latest;
};

/*
 * Interned names: an id per distinct string.  A log repeats a handful of
 * steps and partners millions of times: a small cache, by length and first
 * and last byte, answers most look-ups without hashing.
 */
#define NAME_CACHE 64

struct chain_names {
	struct chain_map *map;
	char **name;
	size_t n, cap;
	int cache[NAME_CACHE];	/* id + 1, 0 empty */
};

struct chain_names *
chain_names_new(void)
{
	struct chain_names *t = chain_calloc(1, sizeof(*t));

	t->map = chain_map_new();
	return t;
}

int
chain_names_id(struct chain_names *t, const char *s)
{
	size_t len = strlen(s);
	unsigned h = len < 2 ? (unsigned)len : (unsigned)(len * 31 +
	    (unsigned char)s[0] * 7 + (unsigned char)s[1] * 3 +
	    (unsigned char)s[len - 1]);
	int created, id;
	void **slot;

	h %= NAME_CACHE;
	id = t->cache[h] - 1;
	if (id >= 0 && strcmp(t->name[id], s) == 0)
		return id;
	slot = chain_map_slot(t->map, s, &created);
	if (created) {
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 16;
			t->name = chain_reallocarray(t->name, t->cap,
			    sizeof(*t->name));
		}
		t->name[t->n] = chain_strdup(s);
		*slot = (void *)(t->n++ + 1);
	}
	id = (int)((size_t)*slot - 1);
	t->cache[h] = id + 1;
	return id;
}

const char *
chain_names_name(const struct chain_names *t, int id)
{
	return id >= 0 && (size_t)id < t->n ? t->name[id] : "";
}

size_t
chain_names_count(const struct chain_names *t)
{
	return t->n;
}

void
chain_names_free(struct chain_names *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->name[i]);
	free(t->name);
	chain_map_free(t->map, NULL);
	free(t);
}

/*
 * The UTC offset a valid timestamp was written with: 'Z', or a sign, hours
 * and optional minutes at its end, after the date (at most 10 characters,
 * whose '-' are no sign).  Returns 0 without an offset.
 */
static int
time_zone(const char *s, size_t len, int *minutes)
{
	const char *p, *end = s + len;
	int h = 0, m = 0, sign;

	*minutes = 0;
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end - s <= 10)
		return 0;
	if (end[-1] == 'Z' || end[-1] == 'z')
		return 1;
	for (p = end - 1; p > end - 7 && p - s > 10 && *p != '+' && *p != '-';
	    p--)
		;
	if (*p != '+' && *p != '-')
		return 0;
	sign = *p++ == '-' ? -1 : 1;
	h = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (*p == ':')
		p++;
	if (*p >= '0' && *p <= '9')
		m = (p[0] - '0') * 10 + (p[1] - '0');
	*minutes = sign * (h * 60 + m);
	return 2;
}

#define US_PER_DAY ((int64_t)86400 * 1000000)

static int64_t
floor_div64(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The date of an event as it was written (local to its own offset). */
int
chain_event_local_days(const struct chain_event *e)
{
	return (int)floor_div64(e->utc_us + (int64_t)e->offset_min * 60000000,
	    US_PER_DAY);
}

static char *
two_digits(char *p, long v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/* An event's time as ISO 8601 in the offset it was written with. */
void
chain_event_format(const struct chain_event *e, char buf[CHAIN_TIME_LEN])
{
	int64_t local = e->utc_us + (int64_t)e->offset_min * 60000000;
	int64_t us = local - floor_div64(local, US_PER_DAY) * US_PER_DAY;
	long secs = (long)(us / 1000000), frac = (long)(us % 1000000), d;
	int off = e->offset_min < 0 ? -e->offset_min : e->offset_min;
	char *p = buf + 10;

	chain_date_format(chain_event_local_days(e), buf);
	*p++ = 'T';
	p = two_digits(p, secs / 3600);
	*p++ = ':';
	p = two_digits(p, secs / 60 % 60);
	*p++ = ':';
	p = two_digits(p, secs % 60);
	if (frac != 0) {
		*p++ = '.';
		for (d = 100000; frac != 0; d /= 10) {
			*p++ = (char)('0' + frac / d);
			frac %= d;
		}
	}
	if (e->zone == 1)
		*p++ = 'Z';
	else if (e->zone == 2) {
		*p++ = e->offset_min < 0 ? '-' : '+';
		p = two_digits(p, off / 60);
		*p++ = ':';
		p = two_digits(p, off % 60);
	}
	*p = '\0';
}

static void
append(struct case_state *c, const struct chain_event *e)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->ev = chain_reallocarray(c->ev, c->cap, sizeof(*c->ev));
	}
	c->ev[c->n] = *e;
	c->ev[c->n].seq = (int32_t)c->n;
	c->n++;
}

static int
compare_events(const void *a, const void *b)
{
	const struct chain_event *x = a, *y = b;

	if (x->utc_us != y->utc_us)
		return x->utc_us < y->utc_us ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Time order, equal times in input order; usually already so. */
static void
sort_events(struct chain_event *ev, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (compare_events(&ev[i - 1], &ev[i]) > 0)
			break;
	if (i < n)
		qsort(ev, n, sizeof(*ev), compare_events);
}

static uint64_t
fingerprint(const char *id)
{
	return chain_seen_hash(&id, 1);
}

static void
fp_add(struct chain_cases *cs, const char *id)
{
	if (cs->done == NULL)
		cs->done = chain_seen_new();
	chain_seen_add(cs->done, fingerprint(id));
}

/*
 * A temporary file for what may have to be read back, written in large
 * blocks: a grouped log of millions of cases spools hundreds of megabytes.
 */
FILE *
chain_spool_open(void)
{
	FILE *fp = tmpfile();

	if (fp == NULL)
		chain_err(CHAIN_EXIT_IO, "temporary file");
	setvbuf(fp, NULL, _IOFBF, 1024 * 1024);
	return fp;
}

static void
spool_write(struct chain_cases *cs, const struct case_state *c)
{
	uint32_t len = (uint32_t)strlen(c->id), n = (uint32_t)c->n;

	if (cs->spool == NULL)
		cs->spool = chain_spool_open();
	fwrite(&len, sizeof(len), 1, cs->spool);
	fwrite(c->id, 1, len, cs->spool);
	fwrite(&n, sizeof(n), 1, cs->spool);
	fwrite(c->ev, sizeof(*c->ev), c->n, cs->spool);
	if (ferror(cs->spool))
		chain_err(CHAIN_EXIT_IO, "temporary file");
}

static void
free_case(struct case_state *c)
{
	free(c->id);
	free(c->ev);
	memset(c, 0, sizeof(*c));
}

/* A grouped case is complete: handed on, spooled, dropped. */
static void
finish_current(struct chain_cases *cs)
{
	struct case_state *c = &cs->current;

	if (c->id == NULL)
		return;
	sort_events(c->ev, c->n);
	cs->fn(cs->ctx, c->id, c->ev, c->n);
	spool_write(cs, c);
	if (cs->unsorted)
		fp_add(cs, c->id);
	else {
		free(cs->last_id);
		cs->last_id = c->id;
		c->id = NULL;
	}
	free_case(c);
}

static void
read_exact(void *p, size_t size, FILE *fp)
{
	if (size > 0 && fread(p, 1, size, fp) != size)
		chain_errx(CHAIN_EXIT_IO, "temporary file: short read");
}

/*
 * The spooled cases, from the first: the id of the next (NULL at the end)
 * and its number of events, which are read next.
 */
static char *
spool_next(struct chain_cases *cs, int first, uint32_t *n)
{
	uint32_t len;
	char *id;

	if (first) {
		if (fflush(cs->spool) != 0)
			chain_err(CHAIN_EXIT_IO, "temporary file");
		rewind(cs->spool);
	}
	if (fread(&len, sizeof(len), 1, cs->spool) != 1)
		return NULL;
	id = chain_malloc((size_t)len + 1);
	read_exact(id, len, cs->spool);
	id[len] = '\0';
	read_exact(n, sizeof(*n), cs->spool);
	return id;
}

/* The ids stop coming in order: every finished one is fingerprinted. */
static void
fingerprint_spool(struct chain_cases *cs)
{
	uint32_t n;
	char *id;
	int first = 1;

	cs->unsorted = 1;
	for (; (id = spool_next(cs, first, &n)) != NULL; first = 0) {
		if (fseek(cs->spool, (long)(n * sizeof(struct chain_event)),
		    SEEK_CUR) != 0)
			chain_err(CHAIN_EXIT_IO, "temporary file");
		fp_add(cs, id);
		free(id);
	}
	if (fseek(cs->spool, 0, SEEK_END) != 0)
		chain_err(CHAIN_EXIT_IO, "temporary file");
}

/* Whether a case that starts now was finished before. */
static int
seen_before(struct chain_cases *cs, const char *id)
{
	if (cs->last_id == NULL && !cs->unsorted)
		return 0;
	if (!cs->unsorted) {
		if (strcmp(id, cs->last_id) > 0)
			return 0;
		fingerprint_spool(cs);
	}
	return chain_seen_has(cs->done, fingerprint(id));
}

static struct case_state *
held_case(struct chain_cases *cs, const char *id)
{
	int created;
	void **slot = chain_map_slot(cs->held, id, &created);

	if (created) {
		if (cs->nheld == cs->heldcap) {
			cs->heldcap = cs->heldcap ? cs->heldcap * 2 : 64;
			cs->order = chain_reallocarray(cs->order, cs->heldcap,
			    sizeof(*cs->order));
		}
		memset(&cs->order[cs->nheld], 0, sizeof(*cs->order));
		cs->order[cs->nheld].id = chain_strdup(id);
		*slot = (void *)(cs->nheld++ + 1);
	}
	return &cs->order[(size_t)*slot - 1];
}

/* A case came back: every finished case is read back and held. */
static void
start_holding(struct chain_cases *cs)
{
	uint32_t n;
	char *id;
	struct case_state *c;
	int first = 1;

	cs->holding = 1;
	cs->held = chain_map_new();
	cs->restart(cs->ctx);
	if (cs->spool == NULL)
		return;
	for (; (id = spool_next(cs, first, &n)) != NULL; first = 0) {
		c = held_case(cs, id);
		c->cap = c->n = n;
		c->ev = chain_reallocarray(NULL, n, sizeof(*c->ev));
		read_exact(c->ev, (size_t)n * sizeof(*c->ev), cs->spool);
		free(id);
	}
	fclose(cs->spool);
	cs->spool = NULL;
	chain_seen_free(cs->done);
	cs->done = NULL;
}

static void
add_event(struct chain_cases *cs, const char *id, const struct chain_event *e)
{
	struct case_state *c = &cs->current;

	if (!cs->holding) {
		if (c->id != NULL && strcmp(c->id, id) == 0) {
			append(c, e);
			return;
		}
		finish_current(cs);
		if (!seen_before(cs, id)) {
			c->id = chain_strdup(id);
			append(c, e);
			return;
		}
		start_holding(cs);
	}
	append(held_case(cs, id), e);
}

/* Columns by name: given, else the plain name, else the XES names. */
static int
find_column(struct chain_csv *r, const char *given, const char *const names[])
{
	int i, col;

	if (given != NULL)
		return chain_csv_column(r, given);
	for (i = 0; names[i] != NULL; i++)
		if ((col = chain_csv_column(r, names[i])) >= 0)
			return col;
	return -1;
}

static int
event_columns(struct chain_cases *cs, struct chain_csv *r, int cols[4])
{
	static const char *const cases[] = { "case", "case:concept:name", NULL };
	static const char *const steps[] = { "step", "concept:name", NULL };
	static const char *const times[] = { "time", "time:timestamp", NULL };
	static const char *const partners[] = { "partner", "org:group",
		"org:resource", NULL };
	const struct chain_event_columns *c = &cs->columns;
	const char *want[3];
	int i, ok = 0;

	if (chain_csv_ncolumns(r) == 0)
		return -1;
	cols[0] = find_column(r, c->case_col, cases);
	cols[1] = find_column(r, c->step_col, steps);
	cols[2] = find_column(r, c->time_col, times);
	cols[3] = find_column(r, c->partner_col, partners);
	want[0] = c->case_col ? c->case_col : "case";
	want[1] = c->step_col ? c->step_col : "step";
	want[2] = c->time_col ? c->time_col : "time";
	for (i = 0; i < 3; i++)
		if (cols[i] < 0) {
			chain_csv_missing(r, want[i]);
			ok = -1;
		}
	if (c->partner_col != NULL && cols[3] < 0) {
		chain_csv_missing(r, c->partner_col);
		ok = -1;
	}
	for (i = 0; i < 4; i++)
		if (cols[i] >= 0 && i != 2)
			chain_csv_key(r, cols[i]);
	return ok;
}

static void
read_event(struct chain_cases *cs, struct chain_csv *r,
    const struct chain_row *row, const int cols[4])
{
	struct chain_time t;
	struct chain_event e;
	const char *id = chain_field(row, cols[0]);
	const char *partner = chain_field(row, cols[3]);
	int rc, minutes = 0;

	if (*id == '\0') {
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)cols[0]), "missing value");
		return;
	}
	if ((rc = chain_csv_time(r, row, cols[2], &t)) <= 0) {
		if (rc == 0)
			chain_csv_error(r, row->line, chain_csv_column_name(r,
			    (size_t)cols[2]), "missing value");
		return;
	}
	memset(&e, 0, sizeof(e));
	e.utc_us = t.utc_us;
	e.zone = (int8_t)time_zone(chain_field(row, cols[2]),
	    chain_field_len(row, cols[2]), &minutes);
	e.offset_min = (int16_t)minutes;
	if (t.local_days > cs->opts->as_of) {
		/* not happened yet: counted, the latest named in a warning */
		if (cs->after++ == 0 || t.utc_us > cs->latest_us) {
			cs->latest_us = t.utc_us;
			free(cs->latest);
			cs->latest = chain_strdup(chain_field(row, cols[2]));
		}
		return;
	}
	e.step = chain_names_id(cs->steps, chain_field(row, cols[1]));
	e.partner = *partner == '\0' ? -1 : chain_names_id(cs->partners,
	    partner);
	add_event(cs, id, &e);
}

struct chain_cases *
chain_cases_new(const struct chain_opts *o, const struct chain_event_columns *c,
    chain_case_fn *fn, chain_restart_fn *restart, void *ctx)
{
	struct chain_cases *cs = chain_calloc(1, sizeof(*cs));

	cs->opts = o;
	cs->columns = *c;
	cs->steps = chain_names_new();
	cs->partners = chain_names_new();
	cs->fn = fn;
	cs->restart = restart;
	cs->ctx = ctx;
	return cs;
}

struct chain_names *
chain_cases_steps(struct chain_cases *cs)
{
	return cs->steps;
}

struct chain_names *
chain_cases_partners(struct chain_cases *cs)
{
	return cs->partners;
}

/* Reads one event log (a file, or "-" for standard input). */
void
chain_cases_read(struct chain_cases *cs, const char *path)
{
	struct chain_csv *r = chain_csv_open(path, cs->opts);
	const struct chain_row *row;
	int cols[4];

	if (r == NULL)
		return;
	if (event_columns(cs, r, cols) == 0)
		while ((row = chain_csv_read(r)) != NULL)
			read_event(cs, r, row, cols);
	chain_csv_close(r);
}

/* The end of the input: every case not yet handed on is. */
void
chain_cases_finish(struct chain_cases *cs)
{
	size_t i;

	if (cs->after > 0 && !cs->opts->quiet)
		chain_warn_after(cs->after, cs->opts->as_of, NULL, cs->latest);
	if (!cs->holding) {
		finish_current(cs);
		return;
	}
	for (i = 0; i < cs->nheld; i++) {
		sort_events(cs->order[i].ev, cs->order[i].n);
		cs->fn(cs->ctx, cs->order[i].id, cs->order[i].ev,
		    cs->order[i].n);
	}
}

void
chain_cases_free(struct chain_cases *cs)
{
	size_t i;

	free_case(&cs->current);
	free(cs->last_id);
	for (i = 0; i < cs->nheld; i++)
		free_case(&cs->order[i]);
	free(cs->order);
	chain_map_free(cs->held, NULL);
	if (cs->spool != NULL)
		fclose(cs->spool);
	chain_seen_free(cs->done);
	free(cs->latest);
	chain_names_free(cs->steps);
	chain_names_free(cs->partners);
	free(cs);
}
