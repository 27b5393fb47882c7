/*
 * chain_priv.h: what the files of libchain share among themselves and the
 * programs do not use, in data-flow order: messages and word lists, dates,
 * timestamps and numbers, the CSV reader and its formats, the writer, the
 * locked rewrite of a register, statistics, then each domain's own model.
 * Every lib/ file includes chain.h and then this header; the unit tests
 * and fuzz targets of lib/ may too.
 */
#ifndef CHAIN_PRIV_H
#define CHAIN_PRIV_H

#include "chain.h"

/* i18n.c: the language of messages, chosen once by chain_run */
void chain_i18n_init(void);

/* util.c: the rest of the messages and word lists */
void chain_reset_status(void);
char *chain_trim(char *s);
int chain_list_has(const char *list, const char *word);
int chain_list_check(const char *list, const char *const words[],
    const char **bad);
int chain_name_same(const char *a, const char *b);
char *chain_join(const char *const *words, size_t n, const char *sep);
void chain_stderr_put(const char *s);
void chain_stderr_vput(const char *fmt, va_list ap);
char *chain_text_clean(const char *s, int flags);

/* utf8.c: text from the inputs made safe to show (see there for the rules) */
#define CHAIN_KEEP_ISOLATES 1	/* keep U+2068 and U+2069, chain_trf's marks */
#define CHAIN_FSI "\xe2\x81\xa8"	/* U+2068 FIRST STRONG ISOLATE */
#define CHAIN_PDI "\xe2\x81\xa9"	/* U+2069 POP DIRECTIONAL ISOLATE */
size_t chain_utf8_cut(const char *s, size_t max);
size_t chain_utf8_invalid(const unsigned char *p, size_t len,
    int *multibyte);
size_t chain_utf8_partial(const unsigned char *p, size_t len);
void chain_text_put(FILE *fp, const char *s, int flags);
int chain_text_ascii(const char *s);


/* date.c: dates, timestamps and periods */
struct chain_time {
	int64_t utc_us;		/* microseconds since 1970-01-01T00:00Z */
	int local_days;		/* the date as written, in days since 1970-01-01 */
};

int chain_days_from_civil(int y, int m, int d);
void chain_civil_from_days(int days, int *y, int *m, int *d);
int chain_valid_civil(int y, int m, int d);
int chain_date_dutch(const char *s);
void chain_date_format(int days, char buf[CHAIN_DATE_LEN]);
void chain_date_format_dutch(int days, char buf[CHAIN_DATE_LEN]);
int chain_today(void);
int chain_time_parse(const char *s, struct chain_time *t);
int chain_weekday(int days);
void chain_iso_week(int days, int *year, int *week);
int chain_iso_week_start(int year, int week);
const char *chain_period_kind_name(enum chain_period_kind kind);
struct chain_period chain_period_of(enum chain_period_kind kind, int days);
struct chain_period chain_period_next(struct chain_period p);
void chain_period_format(struct chain_period p, char buf[CHAIN_PERIOD_LEN]);
int chain_period_cmp(struct chain_period a, struct chain_period b);
void chain_warn_after(long n, int as_of, const struct chain_period *latest,
    const char *latest_text);

/* number.c: numbers in and out */
int chain_number_plain(const char *s, int decimal_comma, double *v);
int chain_number_parse(const char *s, int decimal_comma, double *v);
size_t chain_number_format(double v, int decimal_comma, char *buf,
    size_t size);

/* map.c: a string-keyed hash map for per-group state */
struct chain_map;
struct chain_map *chain_map_new(void);
void chain_map_free(struct chain_map *m, void (*free_value)(void *));
void **chain_map_slot(struct chain_map *m, const char *key, int *created);
void *chain_map_get(const struct chain_map *m, const char *key);
size_t chain_map_count(const struct chain_map *m);
const char **chain_map_keys(const struct chain_map *m, int sorted);

/* pairs.c: ordered pairs of partners, each with its reverse view */
struct chain_pair {
	char *a, *b;
	void *value;
};

typedef void *chain_pair_make_fn(const char *a, const char *b, void *ctx);
struct chain_pairs;
struct chain_pairs *chain_pairs_new(chain_pair_make_fn *make,
    void (*free_value)(void *), void *ctx);
void *chain_pairs_slot(struct chain_pairs *t, const char *a, const char *b);
void *chain_pairs_get(struct chain_pairs *t, const char *a, const char *b);
struct chain_pair **chain_pairs_sorted(const struct chain_pairs *t,
    size_t *n);
void chain_pairs_complete(struct chain_pairs *t);
void chain_pairs_free(struct chain_pairs *t);
double chain_balance(long there, long back);

/* format.c: every CSV format of chain(5), its header defined once */
struct chain_format_def {
	const char *name;	/* as messages name it: "chain-agree score" */
	const char *columns;	/* its header; "@states": a column per state */
	const char *required;	/* the columns that tell it; NULL: all */
	const char *forbidden;	/* columns that tell it is not this one */
	const char *keys;	/* codes: blanks around their values dropped */
};

const struct chain_format_def *chain_format(enum chain_format f);
const char *chain_format_header_without(enum chain_format f,
    const char *column, char *buf, size_t size);
const char *chain_column_dutch(const char *name);
int chain_format_column(const char *name, size_t len);

/* encoding.c: an input's encoding, its bytes as UTF-8, a register's back */
struct chain_encoding {
	char name[64];		/* as iconv knows it: "UTF-8", "UTF-16LE" */
	char shown[64];		/* as messages name it: "Windows-1252" */
	int utf8;		/* UTF-8: read as it is, nothing converted */
	int forced;		/* named by --encoding */
	int guessed;		/* Windows-1252, as the start is not UTF-8 */
	size_t bom;		/* bytes of the byte-order mark it starts with */
	size_t unit;		/* bytes of a line end */
	unsigned char nl[4], cr[4];	/* LF and CR in the encoding */
};

struct chain_bad {		/* bytes that are not of the encoding */
	size_t at;		/* where in the block (U+FFFD, when decoded) */
	off_t src;		/* where in the file */
	unsigned char bytes[4];
	size_t n;
};

struct chain_block {		/* where a block of decoded input came from */
	off_t start, end;	/* its bytes in the file */
	int decoded;		/* 0: the block is the file's own bytes */
	const off_t *newline;	/* decoded: the file offset after each line end */
	size_t nnewlines;
	const struct chain_bad *bad;	/* in order; of UTF-8, a line's first */
	size_t nbad;
};

int chain_encoding_known(const char *name);
void chain_encoding_named(struct chain_encoding *e, const char *name,
    const unsigned char *p, size_t len);
struct chain_decoder;
struct chain_decoder *chain_decoder_new(int fd, const char *forced);
ssize_t chain_decoder_read(struct chain_decoder *d, unsigned char *buf,
    size_t size, struct chain_block *b);
const struct chain_encoding *chain_decoder_encoding(
    const struct chain_decoder *d);
long chain_decoder_guess(struct chain_decoder *d, unsigned char *byte);
off_t chain_decoder_offset(struct chain_decoder *d,
    const struct chain_block *b, size_t pos);
void chain_decoder_free(struct chain_decoder *d);
struct chain_encoder;
struct chain_encoder *chain_encoder_open(const struct chain_encoding *e);
int chain_encoder_fits(struct chain_encoder *c, const char *s);
FILE *chain_encoder_stream(struct chain_encoder *c, FILE *to);
void chain_encoder_free(struct chain_encoder *c);

/* csvin.c: the CSV reader */
struct chain_row {
	size_t nfields;
	const char **field;	/* NUL-terminated, valid until the next read */
	size_t *len;
	long line;		/* physical line where the record starts */
	long end_line;		/* physical line where it ends */
	off_t start;		/* byte offset of the record, blank lines before included */
	off_t end;		/* byte offset just after its line end */
	const char *raw;	/* the record as written, without its line end
				   (chain_csv_keep_raw); NULL when not known */
	size_t rawlen;
};

struct chain_csv *chain_csv_open(const char *path,
    const struct chain_opts *o);
struct chain_csv *chain_csv_fdopen(int fd, const char *name,
    const struct chain_opts *o);
void chain_csv_keep_raw(struct chain_csv *r);
extern int chain_csv_plain_lines;	/* 0: every line through libcsv */
const struct chain_row *chain_csv_read(struct chain_csv *r);
int chain_csv_close(struct chain_csv *r);
const char *chain_csv_name(const struct chain_csv *r);
size_t chain_csv_ncolumns(const struct chain_csv *r);
const char *chain_csv_column_name(const struct chain_csv *r, size_t i);
int chain_csv_column(const struct chain_csv *r, const char *name);
int chain_csv_require(struct chain_csv *r, const char *const names[],
    int cols[]);
void chain_csv_missing(struct chain_csv *r, const char *name);
void chain_csv_key(struct chain_csv *r, int col);
int chain_csv_delimiter(const struct chain_csv *r);
int chain_csv_decimal_comma(const struct chain_csv *r);
int chain_csv_crlf(const struct chain_csv *r);
int chain_csv_bom(const struct chain_csv *r);
const struct chain_encoding *chain_csv_encoding(const struct chain_csv *r);
long chain_csv_header_line(const struct chain_csv *r);
off_t chain_csv_header_end(const struct chain_csv *r);
size_t chain_csv_errors(const struct chain_csv *r);
void chain_csv_error(struct chain_csv *r, long line, const char *column,
    const char *fmt, ...) CHAIN_PRINTF(4, 5);
void chain_csv_warning(struct chain_csv *r, long line, const char *column,
    const char *fmt, ...) CHAIN_PRINTF(4, 5);
void chain_csv_verror(struct chain_csv *r, int is_error, long line,
    const char *column, const char *fmt, va_list ap);

/* Field col of a row, "" (length 0) when the row has no such field. */
static inline const char *
chain_field(const struct chain_row *row, int col)
{
	if (col < 0 || (size_t)col >= row->nfields)
		return "";
	return row->field[col];
}

static inline size_t
chain_field_len(const struct chain_row *row, int col)
{
	if (col < 0 || (size_t)col >= row->nfields)
		return 0;
	return row->len[col];
}
int chain_csv_date(struct chain_csv *r, const struct chain_row *row, int col,
    int *days);
int chain_csv_number(struct chain_csv *r, const struct chain_row *row,
    int col, double *v);
int chain_csv_time(struct chain_csv *r, const struct chain_row *row, int col,
    struct chain_time *t);
int chain_csv_period(struct chain_csv *r, const struct chain_row *row,
    int col, struct chain_period *p);

/* Inputs by their format: recognised, their keys, their columns' names. */
int chain_csv_is(const struct chain_csv *in, enum chain_format f);
int chain_csv_recognise(const struct chain_csv *in,
    const enum chain_format *candidates, size_t n);
void chain_csv_keys(struct chain_csv *r, enum chain_format f);
const char *chain_csv_column_as(const struct chain_csv *r, size_t i,
    enum chain_format f);

/* csvout.c: the CSV writer */
struct chain_out *chain_out_stream(FILE *fp, int delimiter, int excel,
    int crlf);
void chain_out_header_n(struct chain_out *w, const char *names, size_t max);
void chain_out_text(struct chain_out *w, const char *s);
void chain_out_textn(struct chain_out *w, const char *s, size_t len);
void chain_out_source(struct chain_out *w, int decimal_comma);
void chain_out_field(struct chain_out *w, const char *s);
void chain_out_fieldn(struct chain_out *w, const char *s, size_t len);
void chain_out_number(struct chain_out *w, double v);
void chain_out_int(struct chain_out *w, long long v);
void chain_out_date(struct chain_out *w, int days);
void chain_out_period(struct chain_out *w, struct chain_period p);
void chain_out_empty(struct chain_out *w);
void chain_out_end(struct chain_out *w);
void chain_out_resume(struct chain_out *w, size_t nfields);
void chain_out_raw(struct chain_out *w, const char *s, size_t len,
    size_t nfields);
void chain_out_flush(struct chain_out *w);
void chain_out_free(struct chain_out *w);

/* replace.c: a locked, atomic rewrite of a file */
struct chain_replace {
	const char *path;	/* as given, for messages */
	char *real;		/* the file itself: a link resolved */
	int fd;			/* the file, opened and locked */
	off_t size;		/* its size when the lock was taken */
	char *tmp_path;
	FILE *tmp;
};

struct stat;
int chain_replace_begin(struct chain_replace *x, const char *path,
    int create, double wait);
void chain_temp_hold(char *path);
void chain_temp_drop(const char *path);
void chain_copy_attributes(int from, const struct stat *st, int to);
char *chain_real_path(const char *path);
int chain_replace_copy(struct chain_replace *x, off_t from, off_t to);
int chain_replace_sync(struct chain_replace *x);
int chain_replace_commit(struct chain_replace *x);
void chain_replace_abort(struct chain_replace *x);

/* edit.c: one record of a CSV file changed or added, every other byte kept */
struct chain_edit;
struct chain_edit *chain_edit_open(const char *path,
    const struct chain_opts *o, int create, const char *default_header);
struct chain_csv *chain_edit_csv(struct chain_edit *e);
size_t chain_edit_ncolumns(const struct chain_edit *e);
int chain_edit_column(struct chain_edit *e, const char *name);
void chain_edit_replace(struct chain_edit *e, const struct chain_row *row,
    const char *const fields[]);
void chain_edit_append(struct chain_edit *e, const char *const fields[]);
typedef int chain_edit_hook(void *ctx, const char *real, int fd);
void chain_edit_before_rename(struct chain_edit *e, chain_edit_hook *fn,
    void *ctx);
int chain_edit_commit(struct chain_edit *e);
void chain_edit_abort(struct chain_edit *e);

/* journal.c: the journal beside a register, of every add and set */
struct chain_journal;
struct chain_journal *chain_journal_new(double wait);
void chain_journal_add(struct chain_journal *j, const char *id,
    const char *column, const char *old, const char *new_, const char *kind);
chain_edit_hook chain_journal_write;
void chain_journal_free(struct chain_journal *j);
char *chain_journal_path(const char *path);
struct chain_map *chain_journal_announcements(const char *path,
    const struct chain_opts *o);
long chain_journal_count(const struct chain_map *m, const char *id);
void chain_journal_counts_free(struct chain_map *m);

/* stats.c: moments, percentiles, Student's t */
struct chain_moments {
	long n;
	double mean, m2;
};

void chain_moments_add(struct chain_moments *m, double x);
double chain_moments_var(const struct chain_moments *m);
double chain_moments_sd(const struct chain_moments *m);
void chain_sort_doubles(double *x, size_t n);
double chain_quantile_sorted(const double *x, size_t n, double p);
double chain_quantile(double *x, size_t n, double p);
double chain_median(double *x, size_t n);
double chain_beta_inc(double a, double b, double x);
double chain_t_two_sided(double t, double df);

/*
 * calendar.c: the working-day calendar, Monday to Friday less the general
 * holidays of the Algemene termijnenwet and the dates of a holidays file.
 * chain_workdays_between counts the working days from one date up to
 * another, chain_workday_add steps N working days on or back (regrets in
 * time: sent on or before chain_workday_add(c, meeting, -N)).
 */
#define CHAIN_GENERAL_HOLIDAYS 8
struct chain_calendar;
struct chain_calendar *chain_calendar_new(void);
int chain_calendar_load(struct chain_calendar *c, const char *path,
    const struct chain_opts *o);
void chain_calendar_free(struct chain_calendar *c);
int chain_easter(int year);
size_t chain_general_holidays(int year, int day[CHAIN_GENERAL_HOLIDAYS]);
int chain_calendar_workday(struct chain_calendar *c, int day);
long chain_workdays_between(struct chain_calendar *c, int from, int to);
int chain_workday_add(struct chain_calendar *c, int day, long n);
double chain_workdays_duration(struct chain_calendar *c, int64_t from_us,
    int64_t to_us);

/* chain-kpi: a KPI's direction, its chart, its summary; case events */
enum chain_better { CHAIN_BETTER_NONE, CHAIN_BETTER_UP, CHAIN_BETTER_DOWN };

/* xmr.c: XmR control charts and the special-cause rules */
enum chain_rule {
	CHAIN_RULE_NONE, CHAIN_RULE_OUTSIDE, CHAIN_RULE_TREND,
	CHAIN_RULE_TWO_OF_THREE, CHAIN_RULE_SHIFT
};

struct chain_xmr_point {
	double value;
	int new_segment;	/* a process change: new limits from here */
	double mean, lower, upper;	/* limits NAN when there are none */
	enum chain_rule rule;	/* the first rule that flags the point */
	int direction;		/* of the rule: 1 above or rising, -1 below */
};

extern const char *const chain_rule_names[];
void chain_xmr(struct chain_xmr_point *p, size_t n,
    const struct chain_xmr_opts *o);
size_t chain_xmr_segment(const struct chain_xmr_point *p, size_t n, size_t s,
    const struct chain_xmr_opts *o, size_t *basis);
const char *chain_xmr_signal(const struct chain_xmr_point *x,
    enum chain_better better);
long chain_xmr_run_start(const struct chain_xmr_point *p, size_t s,
    size_t n);
const char *chain_xmr_assurance(double lower, double upper, double target,
    enum chain_better better);

/* kpi.c: the chain plan, measurements combined per KPI and period */
enum chain_combine {
	CHAIN_COMBINE_MEAN, CHAIN_COMBINE_SUM, CHAIN_COMBINE_MEDIAN,
	CHAIN_COMBINE_MIN, CHAIN_COMBINE_MAX, CHAIN_COMBINE_LAST
};

struct chain_kpi_groups;
struct chain_kpi {
	char *code, *name;
	enum chain_better better;
	double target;		/* NAN without one */
	double baseline;	/* the value before the plan; NAN without one */
	enum chain_combine combine;
	int has_kind;		/* the kind of its periods is known */
	enum chain_period_kind kind;
	char *kind_where;	/* file:line that fixed the kind */
	struct chain_kpi_groups *groups;
};

struct chain_chart {
	size_t n;
	struct chain_period *period;
	struct chain_xmr_point *point;
	char *missing;		/* the missing periods, comma-separated */
};

struct chain_plan *chain_plan_new(void);
int chain_plan_load(struct chain_plan *p, const char *path,
    const struct chain_opts *o);
int chain_plan_given(const struct chain_plan *p);
void chain_plan_read(struct chain_plan *p, struct chain_csv *r, int as_of);
struct chain_kpi **chain_plan_kpis(struct chain_plan *p, size_t *n);
void chain_kpi_chart(struct chain_kpi *k, const struct chain_xmr_opts *o,
    const struct chain_period *recalc, size_t nrecalc, struct chain_chart *c);
void chain_chart_free(struct chain_chart *c);
struct chain_kpi *chain_kpi_new(const char *code, enum chain_combine how);
void chain_kpi_add(struct chain_kpi *k, struct chain_period period, double v);
size_t chain_kpi_groups_sorted(struct chain_kpi *k);
struct chain_period chain_kpi_group(const struct chain_kpi *k, size_t i,
    double **values, size_t *n);
void chain_kpi_free(struct chain_kpi *k);
const char *chain_better_name(enum chain_better better);
int chain_better_parse(const char *s, enum chain_better *better);

/* changes.c: process changes, per KPI or for every KPI, with their reason */
struct chain_process_change {
	char *kpi;		/* NULL: every KPI (empty or '*') */
	struct chain_period period;
	char *note;		/* the reason, as written */
	char *where;		/* file:line, for messages */
};

struct chain_process_changes {
	struct chain_process_change *c;
	size_t n;
};

int chain_process_change_columns(struct chain_csv *r, int cols[3]);
int chain_process_change_read(struct chain_csv *r, const struct chain_row *row,
    const int cols[3], struct chain_process_change *c);
void chain_process_change_free(struct chain_process_change *c);
struct chain_process_changes *chain_process_changes_load(const char *path,
    const struct chain_opts *o);
void chain_process_changes_free(struct chain_process_changes *cs);
void chain_process_changes_check(struct chain_process_changes *cs,
    struct chain_kpi **list, size_t n);
size_t chain_process_changes_for(const struct chain_process_changes *cs,
    const char *code, const struct chain_period *every, size_t n,
    struct chain_period **out);

/* summary.c: what a KPI's chart says: met, variation, change, --fail-on */
struct chain_kpi_summary {	/* a KPI's latest point */
	struct chain_period period;
	double value, change;	/* change NAN without the period before */
	int met;		/* 1, 0, or -1 when unknown */
	const char *variation;	/* common, improvement, concern, special, "" */
	const char *assurance;	/* pass, fail, hit-and-miss, recalculate, "" */
	int has_recalc;		/* recalculate: new limits from recalc */
	struct chain_period recalc;
};

int chain_kpi_met(enum chain_better better, double target, double value);
const char *chain_kpi_signal(const struct chain_xmr_point *x,
    enum chain_better better, size_t npoints);
const char *chain_kpi_rule(const struct chain_xmr_point *x, size_t npoints);
const char *chain_kpi_variation(const char *signal);
double chain_kpi_change(const struct chain_period *previous, double before,
    struct chain_period latest, double now);
int chain_kpi_failing(const char *variation, const char *assurance);
void chain_kpi_summarise(const struct chain_kpi *k,
    const struct chain_chart *c, const struct chain_xmr_opts *xmr,
    struct chain_kpi_summary *s);

/* events.c: case event logs read into cases, grouped or held */
struct chain_event {
	int64_t utc_us;		/* the exact instant */
	int32_t step, partner;	/* interned names; partner -1 when empty */
	int32_t seq;		/* input order within the case */
	int16_t offset_min;	/* the UTC offset it was written with */
	int8_t zone;		/* written with 0 no offset, 1 Z, 2 an offset */
};

#define CHAIN_TIME_LEN 40
struct chain_names;
struct chain_names *chain_names_new(void);
int chain_names_id(struct chain_names *t, const char *s);
const char *chain_names_name(const struct chain_names *t, int id);
size_t chain_names_count(const struct chain_names *t);
void chain_names_free(struct chain_names *t);
typedef void chain_case_fn(void *ctx, const char *id,
    const struct chain_event *ev, size_t n);
typedef void chain_restart_fn(void *ctx);
struct chain_cases;
struct chain_cases *chain_cases_new(const struct chain_opts *o,
    const struct chain_event_columns *c, chain_case_fn *fn,
    chain_restart_fn *restart, void *ctx);
struct chain_names *chain_cases_steps(struct chain_cases *cs);
struct chain_names *chain_cases_partners(struct chain_cases *cs);
void chain_cases_read(struct chain_cases *cs, const char *path);
void chain_cases_finish(struct chain_cases *cs);
void chain_cases_free(struct chain_cases *cs);
FILE *chain_spool_open(void);
int chain_event_local_days(const struct chain_event *e);
void chain_event_format(const struct chain_event *e, char buf[CHAIN_TIME_LEN]);

/* leadtime.c: the KPIs that leadtime --per writes */
extern const char *const chain_leadtime_stats[];
int chain_leadtime_stat(const char *code, size_t *prefix);

/* agree.c: an agreement's state as of a date, and tallies of states */

/* The states a tally counts (and chain-agree score has a column for). */
enum {
	CHAIN_NTALLIED = CHAIN_NOT_MADE
};

struct chain_verdict {
	enum chain_state state;
	int effective_due;
	int days_late;
	int surprise;
};

struct chain_register {
	int id, owner, counterpart, title, made, due, done, announced, new_due,
	    plan, reason, cancelled;
	int renegotiations;	/* a status's count, passed on; or -1 */
};

struct chain_tally {
	long total;
	long state[CHAIN_NSTATES];
	long surprises;
};

extern const char *const chain_state_names[];
void chain_agreement_judge(const struct chain_agreement *a, int as_of,
    int window, struct chain_verdict *v);
int chain_state_parse(const char *name, enum chain_state *s);
int chain_state_deviation(enum chain_state s);
int chain_register_columns(struct chain_csv *r, struct chain_register *c);
int chain_register_row(struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, struct chain_agreement *a);
const char *chain_register_partner(const struct chain_row *row, int col);
void chain_tally_add(struct chain_tally *t, const struct chain_verdict *v);
long chain_tally_deviations(const struct chain_tally *t);
double chain_tally_reliability(const struct chain_tally *t);
double chain_tally_predictability(const struct chain_tally *t);

/* reason.c: the standard reasons of chain(5), in English and Dutch */
enum chain_reason {
	CHAIN_REASON_INFORMATION, CHAIN_REASON_CAPACITY,
	CHAIN_REASON_PREDECESSOR, CHAIN_REASON_PRIORITIES,
	CHAIN_REASON_DECISION, CHAIN_REASON_UNDERESTIMATED,
	CHAIN_REASON_EXTERNAL, CHAIN_REASON_OTHER,
	CHAIN_NREASONS
};
char *chain_reason_key(const char *text);
int chain_reason_standard(const char *text, int *dutch);
const char *chain_reason_name(enum chain_reason reason, int dutch);
char *chain_reason_display(const char *text);

/* status.c: every agreement of every input judged, filtered, as status rows */
struct chain_judged {		/* one agreement as judged */
	const struct chain_row *row;
	const struct chain_register *columns;
	struct chain_agreement a;
	struct chain_verdict v;
	int as_of;		/* the date it was judged as of */
};

/* chain-survey: instruments, responses, scores, reliability */
/* instrument.c: a survey instrument, its items, dimensions and scales */
struct chain_item {
	char *id;
	char *text, *text_nl;	/* text_nl is NULL when the file has none */
	size_t dimension;	/* index into the instrument's dimensions */
	int reverse;		/* negatively worded: scored as min + max - x */
	double min, max;	/* the answer scale */
};

struct chain_dimension {
	char *name;
	size_t nitems;
	size_t *items;		/* its items, in the instrument's order */
	double min, max;	/* the scale its items share */
	char *name_nl;		/* its Dutch label (dimension_nl), or NULL */
};

struct chain_instrument {
	char *name;
	struct chain_item *items;
	size_t nitems;
	struct chain_dimension *dims;
	size_t ndims;
	int overall;		/* one scale throughout: the '*' score exists */
};

#define CHAIN_OVERALL "*"
int chain_instrument_item(const struct chain_instrument *in, const char *id);
int chain_instrument_dimension(const struct chain_instrument *in,
    const char *name);
char *chain_instrument_dir(const char *argv0);
char *chain_instrument_path(const char *dir, const char *name);
char **chain_instrument_names(const char *dir, size_t *n);
int chain_cell_shown(const struct chain_instrument *in, int chosen, size_t c);
const char *chain_cell_name(const struct chain_instrument *in, size_t c);
int chain_reserved_column(const char *name);

/* seen.c: the keys already seen, as 64-bit fingerprints */
struct chain_seen;
struct chain_seen *chain_seen_new(void);
uint64_t chain_seen_hash(const char *const parts[], size_t n);
uint64_t chain_seen_rehash(uint64_t h, const char *const parts[], size_t n);
void chain_seen_reserve(struct chain_seen *s, size_t n);
void chain_seen_prefetch(const struct chain_seen *s, uint64_t h);
int chain_seen_add(struct chain_seen *s, uint64_t h);
int chain_seen_has(const struct chain_seen *s, uint64_t h);
void chain_seen_free(struct chain_seen *s);

/* once.c: a respondent answers once per wave and about a partner */
struct chain_once;
struct chain_once *chain_once_new(void);
void chain_once_reserve(struct chain_once *o, size_t n);
int chain_once_in_order(const struct chain_once *o);
uint64_t chain_once_key(const struct chain_once *o, uint64_t person,
    const char *wave, const char *about);
int chain_once_add(struct chain_once *o, const char *respondent,
    uint64_t key);
void chain_once_free(struct chain_once *o);
int chain_id_compare(const char *a, const char *b);

/* survey.c: responses, wide or long, read and checked against an instrument */
struct chain_response {
	const char *respondent, *partner, *about, *wave;
	const double *value;	/* per item, reverse items mirrored; NAN when
				   not answered */
	const double *sum;	/* per dimension, of its answered items */
	const unsigned *answered;	/* per dimension, how many */
	uint64_t person;	/* the respondent's fingerprint */
	const char *file;
	long line;
};

typedef void chain_response_fn(const struct chain_response *resp,
    void *ctx);
struct chain_responses;
struct chain_responses *chain_responses_new(const struct chain_instrument *in,
    const struct chain_opts *o);
void chain_responses_ignore(struct chain_responses *rs, const char *list);
void chain_responses_read(struct chain_responses *rs, const char *path,
    chain_response_fn *fn, void *ctx);
void chain_responses_free(struct chain_responses *rs);
const char *chain_wave_normalize(const char *wave, char buf[CHAIN_DATE_LEN]);
void chain_survey_each(const struct chain_survey_input *si,
    const char *const *waves, size_t nwaves, chain_response_fn *fn,
    void *ctx);

/* score.c: a respondent's scores, and groups of them with their moments */
#define CHAIN_BY_ALL (CHAIN_BY_WAVE | CHAIN_BY_PARTNER | CHAIN_BY_ABOUT)
#define CHAIN_VIEWS (CHAIN_BY_ALL + 1)	/* every grouping, none included */

/* The first respondents of a cell, until there are min-n of them. */
struct chain_count {
	uint64_t *person;	/* NULL once there are min-n */
	long n;
};

struct chain_group {
	char *wave, *partner, *about;	/* "" when not grouped by */
	struct chain_moments *cell;	/* per dimension, then '*' */
	struct chain_count *counted;	/* per cell: respondents, up to min-n */
	unsigned char *suppressed;	/* per cell: hidden, or no score */
	int hidden;			/* the pattern hides the group */
	size_t *member;			/* its finest cells, by place */
	size_t nmember;
	struct chain_group *twin;	/* the next of those with the same
					   cells (a ring; audit.c) */
};

struct chain_cell {
	long n;
	double mean, sd, index;
	const char *level;
	int suppressed;
};

void chain_score_respondent(const struct chain_instrument *in,
    const struct chain_response *r, double *score);
struct chain_groups *chain_groups_new(const struct chain_instrument *in,
    long min_n);
chain_response_fn chain_groups_response;
void chain_groups_finish(struct chain_groups *gs);
long chain_groups_min_n(const struct chain_groups *gs);
int chain_groups_several_waves(const struct chain_groups *gs);
struct chain_group *chain_groups_find(struct chain_groups *gs, int by,
    const char *wave, const char *partner, const char *about);
struct chain_group *const *chain_groups_sorted(const struct chain_groups *gs,
    int by, size_t *n);
void chain_count_add(struct chain_count *k, long min_n, uint64_t person);
void chain_count_merge(struct chain_count *to, const struct chain_count *from,
    long min_n);
void chain_group_cell(const struct chain_instrument *in,
    const struct chain_group *g, size_t cell, struct chain_cell *c);
double chain_cell_n(const struct chain_cell *c);
double chain_survey_index(double mean, double min, double max);
int chain_index_at_least(double index, double threshold);
const char *chain_survey_level(double index);

/* audit.c: the groups that would give hidden answers away, hidden too */
void chain_anonymity_audit(struct chain_group *const *finest, size_t nfinest,
    struct chain_group *const *group, size_t ngroups, size_t ncells,
    long min_n);

/* alpha.c: Cronbach's alpha from sums and cross-products of items */
struct chain_cov {
	size_t k;
	long n;
	double *sum;		/* k sums */
	double *cross;		/* k x k sums of products */
};

void chain_cov_init(struct chain_cov *c, size_t k);
void chain_cov_add(struct chain_cov *c, const double *x);
double chain_cov_get(const struct chain_cov *c, size_t i, size_t j);
double chain_alpha(const struct chain_cov *c, long drop);
double chain_r_drop(const struct chain_cov *c, size_t i);
void chain_cov_free(struct chain_cov *c);

/* matrix.c: every pair of the trust matrix, with its reverse, as shown */
typedef void chain_matrix_fn(const char *partner, const char *about,
    const struct chain_cell *there, const struct chain_cell *back,
    void *ctx);
void chain_matrix_each(struct chain_matrix *m, const char *command,
    int quiet, chain_matrix_fn *fn, void *ctx);

/* welch.c: two groups compared: Welch's t-test and Cohen's d */
struct chain_comparison {
	double change, t, df, p, d;
};

void chain_compare(const struct chain_moments *from,
    const struct chain_moments *to, struct chain_comparison *c);

/* compare.c: the decline of --fail-on, and of the report's Act list */
int chain_declines(double change, double p);

#endif
