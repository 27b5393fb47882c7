/*
 * survey.c: survey responses, as survey tools export them, read against an
 * instrument.  A file is wide (respondent, partner, optional about and wave,
 * then one column per item) or long (respondent,partner,about,wave,item,
 * value: one answer per row, the rows of a response together); its header
 * tells which.  Every answer is checked against its item's scale, and
 * reverse items are mirrored (min + max - x) here, once, so that scoring and
 * reliability see the scored value.  A respondent answers once per wave and
 * about a partner (once.c keeps their keys, the only state that grows with
 * the respondents).  Each
 * good response goes to a callback; a response with any bad answer is
 * reported with its file, line and column and left out.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_priv.h"

/*
 * Most answers are one digit.  A table per scale (min, max, reverse) gives
 * the scored value of each first byte, NOT_QUICK when the long way must
 * judge the answer; items on the same scale share their table.
 */
#define NOT_QUICK (-1)

struct quick {
	double min, max;
	int reverse;
	signed char value[256];
};

struct item_column {
	size_t col;
	size_t item, dimension;
	const signed char *quick;	/* the item's table */
	double *value;			/* where its scored value goes */
};

struct layout {
	int respondent, partner, about, wave;
	int item, value;		/* long layout; -1 when wide */
	struct item_column *cols;	/* wide layout */
	size_t ncols;
	unsigned *columns;		/* wide: item columns per dimension */
};

/*
 * A response being gathered from the rows of a long file.  Its rows may
 * stand anywhere in the file (sorted by item, say), so every response of
 * the file is held until its end: the answers as read, a byte per item
 * for whether it was answered.
 */
struct gathering {
	int bad;
	char *respondent, *partner, *about, *wave;
	long line;
	uint64_t person;
	double *value;
	unsigned char *answered;
};

/*
 * A good wide response waits until the next row is read before its key is
 * checked (and it goes to the callback): when the keys are in a hash set,
 * the prefetched slot has come from memory by then.
 */
struct held {
	int active;
	uint64_t key, person;
	long line;
	char *text;			/* respondent, partner, about, wave */
	size_t cap, at[4];
};

struct chain_responses {
	const struct chain_instrument *in;
	struct chain_opts opts;
	char *ignore;
	struct chain_once *once;
	double *value;
	double *sum;			/* per dimension */
	unsigned *answered;
	struct quick *quick;		/* one table per scale */
	size_t nquick;
	size_t *quick_of;		/* per item, its table */
	char wave[CHAIN_DATE_LEN];	/* the row's wave, when a date */
	struct chain_map *gathered;	/* long: key -> index into gathering */
	struct gathering *gathering;	/* in the order of their first rows */
	size_t ngathering, gathercap;
	struct gathering *last;		/* the response of the row before */
	struct chain_map *waves;	/* every wave the responses hold */
	char *last_wave;
	unsigned char *ignore_used;	/* per word of --ignore: it matched */
	size_t nignore;
	struct held held;
};

/* The table of an item's scale, made when it is the first on that scale. */
static size_t
quick_table(struct chain_responses *rs, const struct chain_item *it)
{
	struct quick *q;
	size_t i;
	int d;

	for (i = 0; i < rs->nquick; i++) {
		q = &rs->quick[i];
		if (q->min == it->min && q->max == it->max &&
		    q->reverse == it->reverse)
			return i;
	}
	rs->quick = chain_reallocarray(rs->quick, rs->nquick + 1,
	    sizeof(*rs->quick));
	q = &rs->quick[rs->nquick++];
	q->min = it->min;
	q->max = it->max;
	q->reverse = it->reverse;
	memset(q->value, NOT_QUICK, sizeof(q->value));
	if (it->min != floor(it->min) || it->max != floor(it->max) ||
	    it->min + it->max > 127)
		return rs->nquick - 1;
	for (d = 0; d <= 9; d++)
		if (d >= it->min && d <= it->max)
			q->value['0' + d] = (signed char)(it->reverse ?
			    it->min + it->max - d : d);
	return rs->nquick - 1;
}

struct chain_responses *
chain_responses_new(const struct chain_instrument *in,
    const struct chain_opts *o)
{
	struct chain_responses *rs = chain_calloc(1, sizeof(*rs));
	size_t i;

	rs->in = in;
	rs->opts = *o;
	rs->once = chain_once_new();
	rs->value = chain_calloc(in->nitems, sizeof(*rs->value));
	rs->sum = chain_calloc(in->ndims, sizeof(*rs->sum));
	rs->answered = chain_calloc(in->ndims, sizeof(*rs->answered));
	rs->quick_of = chain_calloc(in->nitems, sizeof(*rs->quick_of));
	for (i = 0; i < in->nitems; i++)
		rs->quick_of[i] = quick_table(rs, &in->items[i]);
	rs->waves = chain_map_new();
	return rs;
}

/* Columns (wide) or items (long) to skip: a comma-separated list. */
void
chain_responses_ignore(struct chain_responses *rs, const char *list)
{
	const char *p = list, *w;
	size_t len;

	free(rs->ignore);
	free(rs->ignore_used);
	rs->ignore = list != NULL ? chain_strdup(list) : NULL;
	for (rs->nignore = 0; chain_words_next(&p, &w, &len); rs->nignore++)
		;
	rs->ignore_used = chain_calloc(rs->nignore, 1);
}

static void
gathering_free(struct chain_responses *rs)
{
	size_t i;

	for (i = 0; i < rs->ngathering; i++) {
		struct gathering *g = &rs->gathering[i];

		free(g->respondent);
		free(g->partner);
		free(g->about);
		free(g->wave);
		free(g->value);
		free(g->answered);
	}
	free(rs->gathering);
	rs->gathering = NULL;
	rs->ngathering = rs->gathercap = 0;
	rs->last = NULL;
	chain_map_free(rs->gathered, NULL);
	rs->gathered = NULL;
}

void
chain_responses_free(struct chain_responses *rs)
{
	if (rs == NULL)
		return;
	gathering_free(rs);
	chain_map_free(rs->waves, NULL);
	free(rs->last_wave);
	free(rs->ignore_used);
	free(rs->held.text);
	chain_once_free(rs->once);
	free(rs->value);
	free(rs->sum);
	free(rs->answered);
	free(rs->quick);
	free(rs->quick_of);
	free(rs->ignore);
	free(rs);
}

/*
 * A wave is a label or a date; a date is written as ISO, so that 12-05-2026
 * from Dutch Excel and 2026-05-12 are one wave.
 */
const char *
chain_wave_normalize(const char *wave, char buf[CHAIN_DATE_LEN])
{
	size_t len = strlen(wave);
	int days;

	/* a label that cannot be a date costs no parse: a date ends in a
	   digit and has eight characters at least (1-5-2026) */
	if (len < 8 || !(wave[len - 1] >= '0' && wave[len - 1] <= '9') ||
	    chain_date_parse(wave, &days) != 0)
		return wave;
	chain_date_format(days, buf);
	return buf;
}

/*
 * An answer the table does not know: 1 with its scored value, 0 when it is
 * empty (the value is NAN), -1 after reporting a value that is no number
 * or off the scale (in a long file the message names the item: the column
 * is "value").
 */
static int
answer(struct chain_responses *rs, struct chain_csv *r,
    const struct chain_row *row, int col, size_t item, int wide, double *v)
{
	const struct chain_item *it = &rs->in->items[item];
	double x;
	int rc = chain_csv_number(r, row, col, &x);

	*v = NAN;
	if (rc <= 0)
		return rc;
	if (x < it->min || x > it->max) {
		char shown[32];

		snprintf(shown, sizeof(shown), "%.24s", chain_field(row, col));
		if (wide)
			chain_csv_error(r, row->line, chain_csv_column_name(r,
			    (size_t)col), "'%s' is outside the scale %g-%g",
			    shown, it->min, it->max);
		else
			chain_csv_error(r, row->line, chain_csv_column_name(r,
			    (size_t)col), "'%s' is outside the scale %g-%g of "
			    "item %s", shown, it->min, it->max, it->id);
		return -1;
	}
	*v = it->reverse ? it->min + it->max - x : x;
	return 1;
}

/* Whether --ignore names a column or item; a word that does is noted. */
static int
ignored(struct chain_responses *rs, const char *name)
{
	const char *p = rs->ignore, *w;
	size_t n = strlen(name), len, i;

	for (i = 0; chain_words_next(&p, &w, &len); i++)
		if (len == n && strncasecmp(w, name, n) == 0) {
			rs->ignore_used[i] = 1;
			return 1;
		}
	return 0;
}

static void
warn_missing_items(struct chain_responses *rs, struct chain_csv *r,
    const unsigned char *present)
{
	char list[200];
	size_t i, n = 0, len = 0;

	list[0] = '\0';
	for (i = 0; i < rs->in->nitems; i++) {
		if (present[i])
			continue;
		if (n++ < 8)
			len += (size_t)snprintf(list + len, sizeof(list) - len,
			    "%s%.16s", n > 1 ? ", " : "", rs->in->items[i].id);
	}
	if (n > 0 && !rs->opts.quiet)
		chain_csv_warning(r, chain_csv_header_line(r), NULL,
		    dngettext(CHAIN_DOMAIN, "%zu item of instrument '%s' not "
		    "in the file: %s%s", "%zu items of instrument '%s' not in "
		    "the file: %s%s", n), n, rs->in->name, list,
		    n > 8 ? ", ..." : "");
}

/* The item columns of a wide file; every other column must be ignored. */
static int
wide_layout(struct chain_responses *rs, struct chain_csv *r, struct layout *l)
{
	unsigned char *present = chain_calloc(rs->in->nitems, 1);
	size_t i;
	int bad = 0;

	for (i = 0; i < rs->in->nitems; i++)
		rs->value[i] = NAN;
	l->cols = chain_calloc(chain_csv_ncolumns(r), sizeof(*l->cols));
	l->columns = chain_calloc(rs->in->ndims, sizeof(*l->columns));
	for (i = 0; i < chain_csv_ncolumns(r); i++) {
		const char *name = chain_csv_column_name(r, i);
		int item;

		/* the layout's own columns, whatever their header says */
		if ((int)i == l->respondent || (int)i == l->partner ||
		    (int)i == l->about || (int)i == l->wave)
			continue;
		if (*name == '\0' || chain_reserved_column(name) ||
		    ignored(rs, name))
			continue;
		if ((item = chain_instrument_item(rs->in, name)) < 0) {
			chain_csv_error(r, chain_csv_header_line(r), name,
			    "not an item of instrument '%s' (--ignore %s "
			    "skips the column)", rs->in->name, name);
			bad = 1;
		} else if (!present[item]) {
			struct item_column *c = &l->cols[l->ncols++];

			present[item] = 1;
			c->col = i;
			c->item = (size_t)item;
			c->dimension = rs->in->items[item].dimension;
			c->quick = rs->quick[rs->quick_of[item]].value;
			l->columns[c->dimension]++;
			c->value = &rs->value[item];
		}
	}
	if (!bad && l->ncols == 0) {
		chain_csv_error(r, chain_csv_header_line(r), NULL, "no item of "
		    "instrument '%s' in the header", rs->in->name);
		bad = 1;
	}
	if (!bad)
		warn_missing_items(rs, r, present);
	free(present);
	return bad ? -1 : 0;
}

static int
find_layout(struct chain_responses *rs, struct chain_csv *r, struct layout *l)
{
	static const char *const wide[] = { "respondent", "partner", NULL };
	static const char *const long_form[] = { "respondent", "partner",
		"item", "value", NULL };
	int cols[4];

	memset(l, 0, sizeof(*l));
	l->about = chain_csv_column(r, "about");
	l->wave = chain_csv_column(r, "wave");
	l->item = l->value = -1;
	chain_csv_keys(r, CHAIN_FORMAT_RESPONSES);
	if (chain_csv_column(r, "item") >= 0 &&
	    chain_csv_column(r, "value") >= 0) {
		if (chain_csv_require(r, long_form, cols) != 0)
			return -1;
		l->item = cols[2];
		l->value = cols[3];
	} else if (chain_csv_require(r, wide, cols) != 0)
		return -1;
	l->respondent = cols[0];
	l->partner = cols[1];
	return l->item >= 0 ? 0 : wide_layout(rs, r, l);
}

/* Respondent and partner must be given. */
static int
check_ids(struct chain_csv *r, const struct chain_row *row,
    const struct layout *l)
{
	int bad = 0;

	if (*chain_field(row, l->respondent) == '\0') {
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)l->respondent), "missing value");
		bad = 1;
	}
	if (*chain_field(row, l->partner) == '\0') {
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)l->partner), "missing value");
		bad = 1;
	}
	return bad;
}

static void
report_twice(struct chain_csv *r, long line, const struct layout *l,
    const char *respondent, const char *wave, const char *about)
{
	const char *column = chain_csv_column_name(r, (size_t)l->respondent);

	if (*wave != '\0' && *about != '\0')
		chain_csv_error(r, line, column, "'%.60s' has already answered "
		    "in wave '%.40s' about '%.40s'", respondent, wave, about);
	else if (*wave != '\0')
		chain_csv_error(r, line, column, "'%.60s' has already answered "
		    "in wave '%.40s'", respondent, wave);
	else if (*about != '\0')
		chain_csv_error(r, line, column, "'%.60s' has already answered "
		    "about '%.40s'", respondent, about);
	else
		chain_csv_error(r, line, column, "'%.60s' has already answered",
		    respondent);
}

/*
 * The answers of a wide row into rs->value (items the file lacks stay NAN),
 * with their sum and number per dimension; -1 when any is bad.  This is the
 * inner loop of every command: a one-digit answer costs a table lookup, and
 * only an answer left empty or written otherwise takes longer.
 */
static int
wide_answers(struct chain_responses *rs, struct chain_csv *r,
    const struct chain_row *row, const struct layout *l)
{
	const struct item_column *c = l->cols, *end = l->cols + l->ncols;
	const char *const *field = row->field;
	double *sum = rs->sum;
	unsigned *answered = rs->answered;
	size_t dim = c->dimension;
	int bad = 0, rc, code, run = 0;

	memset(sum, 0, rs->in->ndims * sizeof(*sum));
	memcpy(answered, l->columns, rs->in->ndims * sizeof(*answered));
	for (; c < end; c++) {
		const unsigned char *p = (const unsigned char *)field[c->col];

		/* the items of a dimension usually stand together: their
		   one-digit answers are summed as whole numbers */
		if (c->dimension != dim) {
			sum[dim] += run;
			run = 0;
			dim = c->dimension;
		}
		/* a digit is no NUL, so p[1] is there to read */
		if ((code = c->quick[p[0]]) != NOT_QUICK && p[1] == '\0') {
			run += code;
			*c->value = code;
		} else if ((rc = answer(rs, r, row, (int)c->col, c->item, 1,
		    c->value)) > 0)
			sum[c->dimension] += *c->value;
		else {
			answered[c->dimension]--;
			bad |= rc < 0;
		}
	}
	sum[dim] += run;
	return bad ? -1 : 0;
}

/* The sums per dimension of a long file's response, from its answers. */
static void
sum_dimensions(struct chain_responses *rs)
{
	size_t i;

	memset(rs->sum, 0, rs->in->ndims * sizeof(*rs->sum));
	memset(rs->answered, 0, rs->in->ndims * sizeof(*rs->answered));
	for (i = 0; i < rs->in->nitems; i++)
		if (!isnan(rs->value[i])) {
			rs->sum[rs->in->items[i].dimension] += rs->value[i];
			rs->answered[rs->in->items[i].dimension]++;
		}
}

/*
 * A response goes to the callback, with the answers of rs; text[] holds the
 * respondent, partner, about and wave.
 */
static void
emit(struct chain_responses *rs, struct chain_csv *r,
    const char *const text[4], long line, uint64_t person,
    chain_response_fn *fn, void *ctx)
{
	struct chain_response resp;

	resp.respondent = text[0];
	resp.partner = text[1];
	resp.about = text[2];
	resp.wave = text[3];
	resp.value = rs->value;
	resp.sum = rs->sum;
	resp.answered = rs->answered;
	resp.person = person;
	resp.file = chain_csv_name(r);
	resp.line = line;
	fn(&resp, ctx);
}

/* text[]: respondent, partner, about and wave, copied out of the row */
static void
hold(struct held *h, const char *const text[4], long line, uint64_t person,
    uint64_t key)
{
	size_t i, len[4], need = 0;

	for (i = 0; i < 4; i++)
		need += (len[i] = strlen(text[i])) + 1;
	if (need > h->cap) {
		h->cap = need + 64;
		h->text = chain_realloc(h->text, h->cap);
	}
	for (i = 0, need = 0; i < 4; i++) {
		h->at[i] = need;
		memcpy(h->text + need, text[i], len[i] + 1);
		need += len[i] + 1;
	}
	h->line = line;
	h->person = person;
	h->key = key;
	h->active = 1;
}

/*
 * A response whose answers are good: its key is checked, and when it came
 * before it is reported, else it goes to the callback.  text[] holds the
 * respondent, partner, about and wave.
 */
static void
check_and_emit(struct chain_responses *rs, struct chain_csv *r,
    const struct layout *l, const char *const text[4], long line,
    uint64_t person, uint64_t once, chain_response_fn *fn, void *ctx)
{
	if (chain_once_add(rs->once, text[0], once))
		report_twice(r, line, l, text[0], text[3], text[2]);
	else
		emit(rs, r, text, line, person, fn, ctx);
}

static void
release(struct chain_responses *rs, struct chain_csv *r,
    const struct layout *l, chain_response_fn *fn, void *ctx)
{
	struct held *h = &rs->held;
	const char *text[4];
	size_t i;

	if (!h->active)
		return;
	h->active = 0;
	for (i = 0; i < 4; i++)
		text[i] = h->text + h->at[i];
	check_and_emit(rs, r, l, text, h->line, h->person, h->key, fn, ctx);
}

/* The waves the responses hold, for an option that names one. */
static void
note_wave(struct chain_responses *rs, const char *wave)
{
	if (rs->last_wave != NULL && strcmp(rs->last_wave, wave) == 0)
		return;
	free(rs->last_wave);
	rs->last_wave = chain_strdup(wave);
	*chain_map_slot(rs->waves, wave, NULL) = rs->waves;
}

static void
wide_row(struct chain_responses *rs, struct chain_csv *r,
    const struct chain_row *row, const struct layout *l,
    chain_response_fn *fn, void *ctx)
{
	const char *key[3], *text[4];
	uint64_t person, once;

	release(rs, r, l, fn, ctx);
	key[0] = chain_field(row, l->respondent);
	key[1] = chain_wave_normalize(chain_field(row, l->wave), rs->wave);
	key[2] = chain_field(row, l->about);
	note_wave(rs, key[1]);
	if (check_ids(r, row, l) != 0 || wide_answers(rs, r, row, l) != 0)
		return;
	person = chain_seen_hash(key, 1);
	once = chain_once_key(rs->once, person, key[1], key[2]);
	text[0] = key[0];
	text[1] = chain_field(row, l->partner);
	text[2] = key[2];
	text[3] = key[1];
	/* while the ids come in order no memory is to be waited for */
	if (chain_once_in_order(rs->once))
		check_and_emit(rs, r, l, text, row->line, person, once, fn, ctx);
	else
		hold(&rs->held, text, row->line, person, once);
}

/* Every gathered response of a long file goes out, when it is good. */
static void
long_flush(struct chain_responses *rs, struct chain_csv *r,
    chain_response_fn *fn, void *ctx)
{
	const char *text[4];
	size_t i;

	for (i = 0; i < rs->ngathering; i++) {
		struct gathering *g = &rs->gathering[i];

		if (g->bad)
			continue;
		memcpy(rs->value, g->value, rs->in->nitems * sizeof(*rs->value));
		sum_dimensions(rs);
		text[0] = g->respondent;
		text[1] = g->partner;
		text[2] = g->about;
		text[3] = g->wave;
		emit(rs, r, text, g->line, g->person, fn, ctx);
	}
	gathering_free(rs);
}

/* The key of a response: its respondent, wave and about, separated. */
static char *
response_key(const char *const key[3])
{
	size_t n0 = strlen(key[0]), n1 = strlen(key[1]), n2 = strlen(key[2]);
	char *k = chain_malloc(n0 + n1 + n2 + 3);

	memcpy(k, key[0], n0);
	k[n0] = '\x1f';
	memcpy(k + n0 + 1, key[1], n1);
	k[n0 + 1 + n1] = '\x1f';
	memcpy(k + n0 + n1 + 2, key[2], n2 + 1);
	return k;
}

/* The response of a row's key, made at its first row. */
static size_t
long_response(struct chain_responses *rs, struct chain_csv *r,
    const struct chain_row *row, const struct layout *l,
    const char *const key[3])
{
	struct gathering *g;
	char *k = response_key(key);
	void **slot;
	size_t i;
	int created;

	if (rs->gathered == NULL)
		rs->gathered = chain_map_new();
	slot = chain_map_slot(rs->gathered, k, &created);
	free(k);
	if (!created)
		return (size_t)*slot - 1;
	if (rs->ngathering == rs->gathercap) {
		rs->gathercap = rs->gathercap ? rs->gathercap * 2 : 64;
		rs->gathering = chain_reallocarray(rs->gathering,
		    rs->gathercap, sizeof(*rs->gathering));
	}
	g = &rs->gathering[rs->ngathering];
	memset(g, 0, sizeof(*g));
	*slot = (void *)(rs->ngathering + 1);
	g->respondent = chain_strdup(key[0]);
	g->wave = chain_strdup(key[1]);
	g->about = chain_strdup(key[2]);
	g->partner = chain_strdup(chain_field(row, l->partner));
	g->line = row->line;
	g->person = chain_seen_hash(key, 1);
	g->value = chain_calloc(rs->in->nitems, sizeof(*g->value));
	g->answered = chain_calloc(rs->in->nitems, 1);
	for (i = 0; i < rs->in->nitems; i++)
		g->value[i] = NAN;
	if (chain_once_add(rs->once, key[0], chain_once_key(rs->once,
	    g->person, key[1], key[2]))) {
		report_twice(r, row->line, l, key[0], key[1], key[2]);
		g->bad = 1;
	}
	return rs->ngathering++;
}

/* One answer of a long file: its item, and its value. */
static int
long_answer(struct chain_responses *rs, struct chain_csv *r,
    const struct chain_row *row, const struct layout *l, struct gathering *g)
{
	const char *id = chain_field(row, l->item);
	const char *column = chain_csv_column_name(r, (size_t)l->item);
	int item;

	if (strcmp(g->partner, chain_field(row, l->partner)) != 0) {
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)l->partner), "'%.40s' differs from the partner "
		    "'%.40s' of this response (line %ld)", chain_field(row,
		    l->partner), g->partner, g->line);
		return -1;
	}
	if (ignored(rs, id))
		return 0;
	if ((item = chain_instrument_item(rs->in, id)) < 0) {
		chain_csv_error(r, row->line, column, "'%.40s' is not an "
		    "item of instrument '%s'", id, rs->in->name);
		return -1;
	}
	if (g->answered[item]) {
		chain_csv_error(r, row->line, column, "item '%s' answered "
		    "twice in this response (line %ld)", rs->in->items[item].id,
		    g->line);
		return -1;
	}
	g->answered[item] = 1;
	return answer(rs, r, row, l->value, (size_t)item, 0,
	    &g->value[item]) < 0 ? -1 : 0;
}

static void
long_row(struct chain_responses *rs, struct chain_csv *r,
    const struct chain_row *row, const struct layout *l)
{
	const char *key[3];
	struct gathering *g;

	key[0] = chain_field(row, l->respondent);
	key[1] = chain_wave_normalize(chain_field(row, l->wave), rs->wave);
	key[2] = chain_field(row, l->about);
	note_wave(rs, key[1]);
	if (check_ids(r, row, l) != 0)
		return;
	/* the rows of a response usually stand together */
	g = rs->last;
	if (g == NULL || strcmp(g->respondent, key[0]) != 0 ||
	    strcmp(g->wave, key[1]) != 0 || strcmp(g->about, key[2]) != 0) {
		size_t at = long_response(rs, r, row, l, key);

		g = &rs->gathering[at];	/* after a realloc it may have made */
	}
	rs->last = g;
	if (long_answer(rs, r, row, l, g) != 0)
		g->bad = 1;
}

/*
 * A wide file holds about as many responses as its size over the length of
 * its first row: room for their keys is made at once.
 */
static void
reserve(struct chain_responses *rs, const char *path, struct chain_csv *r,
    const struct chain_row *row)
{
	struct stat st;
	off_t rowlen = row->end - row->start;
	int rc = path == NULL || strcmp(path, "-") == 0 ?
	    fstat(STDIN_FILENO, &st) : stat(path, &st);

	if (rc == 0 && S_ISREG(st.st_mode) && rowlen > 0 &&
	    st.st_size > chain_csv_header_end(r))
		chain_once_reserve(rs->once, (size_t)((st.st_size -
		    chain_csv_header_end(r)) / rowlen));
}

/*
 * Reads one file of responses (NULL or "-" is standard input) and hands
 * every good response to fn.  Problems are reported and raise the status.
 */
void
chain_responses_read(struct chain_responses *rs, const char *path,
    chain_response_fn *fn, void *ctx)
{
	struct chain_csv *r = chain_csv_open(path, &rs->opts);
	const struct chain_row *row;
	struct layout l;

	if (r == NULL)
		return;
	if (find_layout(rs, r, &l) == 0) {
		if (l.item >= 0) {
			while ((row = chain_csv_read(r)) != NULL)
				long_row(rs, r, row, &l);
			long_flush(rs, r, fn, ctx);
		} else {
			if ((row = chain_csv_read(r)) != NULL) {
				reserve(rs, path, r, row);
				wide_row(rs, r, row, &l, fn, ctx);
			}
			while ((row = chain_csv_read(r)) != NULL)
				wide_row(rs, r, row, &l, fn, ctx);
			release(rs, r, &l, fn, ctx);
		}
	}
	free(l.cols);
	free(l.columns);
	chain_csv_close(r);
}

struct each {
	struct chain_responses *rs;
	chain_response_fn *fn;
	void *ctx;
};

static void
each_file(const char *path, void *arg)
{
	struct each *e = arg;

	chain_responses_read(e->rs, path, e->fn, e->ctx);
}

/* The waves the responses hold, for a message: "2026-05, 2026-11". */
static char *
wave_list(const struct chain_responses *rs)
{
	const char **keys = chain_map_keys(rs->waves, 1);
	size_t i, n = chain_map_count(rs->waves), len = 0;
	char *list = chain_strdup("");

	for (i = 0; i < n; i++) {
		const char *w = *keys[i] != '\0' ? keys[i] : "(none)";
		size_t add = strlen(w);

		list = chain_realloc(list, len + add + 3);
		len += (size_t)sprintf(list + len, "%s%s", i ? ", " : "", w);
	}
	free(keys);
	return list;
}

/*
 * An option that names a wave the responses do not hold, or a column or
 * item none of them has, asks a wrong question: an error (exit 3) that
 * names what the input does hold, never an empty answer.
 */
static void
check_named(const struct chain_responses *rs, const char *option,
    const char *wave)
{
	char buf[CHAIN_DATE_LEN], *list;

	if (wave == NULL || chain_map_get(rs->waves,
	    chain_wave_normalize(wave, buf)) != NULL)
		return;
	list = wave_list(rs);
	chain_warnx("%s: the responses hold no wave '%s' (they hold %s)",
	    option, wave, *list != '\0' ? list : _("none"));
	chain_raise_status(CHAIN_EXIT_DATA);
	free(list);
}

static void
check_ignored(const struct chain_responses *rs)
{
	const char *p = rs->ignore, *w;
	size_t len, i;

	for (i = 0; chain_words_next(&p, &w, &len); i++)
		if (!rs->ignore_used[i]) {
			chain_warnx("--ignore: the responses have no column or "
			    "item '%.*s'", (int)len, w);
			chain_raise_status(CHAIN_EXIT_DATA);
		}
}

/*
 * Every good response of the inputs, but for the columns ignored, goes to
 * fn, whatever --wave says: the pattern of what may be shown is decided
 * over all of them (score.c); the once-per-wave check spans the files.
 * The waves named (--wave, and --from and --to as waves[]) must be in the
 * input, and so must every column --ignore names.
 */
void
chain_survey_each(const struct chain_survey_input *si,
    const char *const *waves, size_t nwaves, chain_response_fn *fn,
    void *ctx)
{
	static const char *const option[] = { "--from", "--to" };
	struct each e;
	size_t i;

	e.rs = chain_responses_new(si->in, si->opts);
	e.fn = fn;
	e.ctx = ctx;
	chain_responses_ignore(e.rs, si->ignore);
	chain_inputs(si->argc, si->argv, each_file, &e);
	if (chain_exit_status() != CHAIN_EXIT_IO) {
		check_named(e.rs, "--wave", si->wave);
		for (i = 0; i < nwaves; i++)
			check_named(e.rs, i < 2 ? option[i] : "--wave",
			    waves[i]);
		check_ignored(e.rs);
	}
	chain_responses_free(e.rs);
}
