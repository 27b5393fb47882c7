/*
 * chain.h: the one public header of libchain, the core that every program of
 * the chain toolkit links.  It owns what two programs would otherwise write
 * twice: reading and writing CSV the way SPEC section 1 fixes it, dates,
 * timestamps and periods, numbers, the shared options and exit codes, a string
 * map for per-group state, the locked rewrite of a register, and the domain
 * modules (agreements, ...).
 */
#ifndef CHAIN_H
#define CHAIN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Exit status, the same in every program and stated in every man page. */
enum chain_exit {
	CHAIN_EXIT_OK = 0,	/* success */
	CHAIN_EXIT_FOUND = 1,	/* a --fail-on condition was found */
	CHAIN_EXIT_USAGE = 2,	/* usage error */
	CHAIN_EXIT_DATA = 3,	/* invalid input data */
	CHAIN_EXIT_IO = 4	/* cannot open, create or write a file */
};

#if defined(__GNUC__)
#define CHAIN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define CHAIN_NORETURN __attribute__((noreturn))
#else
#define CHAIN_PRINTF(a, b)
#define CHAIN_NORETURN
#endif

/* util.c: program name, messages, exit status, allocation */
extern const char *chain_progname;
void chain_setprogname(const char *argv0);
void chain_warnx(const char *fmt, ...) CHAIN_PRINTF(1, 2);
void chain_warn(const char *fmt, ...) CHAIN_PRINTF(1, 2);
CHAIN_NORETURN void chain_errx(int status, const char *fmt, ...)
    CHAIN_PRINTF(2, 3);
CHAIN_NORETURN void chain_err(int status, const char *fmt, ...)
    CHAIN_PRINTF(2, 3);
void chain_raise_status(int status);
int chain_exit_status(void);
void chain_reset_status(void);
void *chain_malloc(size_t size);
void *chain_calloc(size_t n, size_t size);
void *chain_realloc(void *p, size_t size);
void *chain_reallocarray(void *p, size_t n, size_t size);
char *chain_strdup(const char *s);
char *chain_strndup(const char *s, size_t n);
int chain_strcasecmp(const char *a, const char *b);
char *chain_trim(char *s);
int chain_words_next(const char **p, const char **word, size_t *len);
int chain_list_has(const char *list, const char *word);
int chain_list_check(const char *list, const char *const words[],
    const char **bad);

/* options.c: the options every program shares */
#define CHAIN_COLUMN_MAP_MAX 64
struct chain_opts {
	const char *output;	/* -o FILE; NULL is standard output */
	int delimiter;		/* -d C; 0 detects it from the header line */
	int excel;		/* --excel */
	int allow_ragged;	/* --allow-ragged */
	int as_of;		/* --as-of DATE, in days since 1970-01-01 */
	int quiet;		/* -q */
	int max_errors;		/* problems listed per file; 0 lists all */
	const char *column_map[CHAIN_COLUMN_MAP_MAX];	/* --column N=H */
	size_t ncolumn_map;
};

enum {
	CHAIN_OPT_EXCEL = 0x100,
	CHAIN_OPT_AS_OF,
	CHAIN_OPT_ALLOW_RAGGED,
	CHAIN_OPT_COLUMN,
	CHAIN_OPT_PROGRAM = 0x200	/* a program's own long options start here */
};

#define CHAIN_SHORTOPTS "hVo:d:q"
#define CHAIN_LONGOPTS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "delimiter", required_argument, NULL, 'd' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "excel", no_argument, NULL, CHAIN_OPT_EXCEL }, \
	{ "as-of", required_argument, NULL, CHAIN_OPT_AS_OF }, \
	{ "allow-ragged", no_argument, NULL, CHAIN_OPT_ALLOW_RAGGED }, \
	{ "column", required_argument, NULL, CHAIN_OPT_COLUMN }

void chain_opts_init(struct chain_opts *o);
int chain_opts_common(struct chain_opts *o, int c, const char *arg);
CHAIN_NORETURN void chain_usage_error(const char *fmt, ...) CHAIN_PRINTF(1, 2);
CHAIN_NORETURN void chain_version(void);
long chain_parse_count(const char *opt, const char *arg, long min, long max);

/* command.c: which of a program's options go with which of its commands */
struct chain_option_use {
	int opt;
	const char *name, *commands;	/* "--by"; "score,compare" */
};
int chain_option_note(const struct chain_option_use *use, size_t n, int opt,
    uint64_t *given);
void chain_option_check(const struct chain_option_use *use, size_t n,
    uint64_t given, const char *command);

/* A program's command table: each command's name and what runs it. */
struct chain_command {
	const char *name;
	void (*run)(void *program, int argc, char **argv);
};
const struct chain_command *chain_command_find(
    const struct chain_command *table, size_t n, const char *name);

/* The help of the options every program shares, and of the exit status. */
#define CHAIN_HELP_COMMON \
	"  -o, --output FILE   write to FILE instead of standard output\n" \
	"  -d, --delimiter C   input delimiter (default: detected)\n" \
	"  --excel             output for Dutch Excel (;, decimal comma, BOM)\n" \
	"  --allow-ragged      pad short rows instead of rejecting them\n" \
	"  --column NAME=HEADER  read column NAME from the column HEADER\n" \
	"  -q, --quiet         no warnings, no progress on a terminal\n" \
	"  -h, --help          this help;  -V, --version  the version\n" \
	"\n" \
	"Exit status: 0 ok, 1 --fail-on found, 2 usage, 3 bad data, " \
	"4 file error.\n"

/* date.c: dates, timestamps and periods */
struct chain_time {
	int64_t utc_us;		/* microseconds since 1970-01-01T00:00Z */
	int local_days;		/* the date as written, in days since 1970-01-01 */
};

enum chain_period_kind {
	CHAIN_DAY, CHAIN_WEEK, CHAIN_MONTH, CHAIN_QUARTER, CHAIN_YEAR
};

struct chain_period {
	enum chain_period_kind kind;
	int start;		/* first day, in days since 1970-01-01 */
};

#define CHAIN_DATE_LEN 11
#define CHAIN_PERIOD_LEN 16

int chain_days_from_civil(int y, int m, int d);
void chain_civil_from_days(int days, int *y, int *m, int *d);
int chain_valid_civil(int y, int m, int d);
int chain_date_parse(const char *s, int *days);
int chain_date_dutch(const char *s);
void chain_date_format(int days, char buf[CHAIN_DATE_LEN]);
void chain_date_format_dutch(int days, char buf[CHAIN_DATE_LEN]);
int chain_today(void);
int chain_time_parse(const char *s, struct chain_time *t);
void chain_iso_week(int days, int *year, int *week);
int chain_iso_week_start(int year, int week);
int chain_period_parse(const char *s, struct chain_period *p);
int chain_period_kind_parse(const char *s, enum chain_period_kind *kind);
const char *chain_period_kind_name(enum chain_period_kind kind);
struct chain_period chain_period_of(enum chain_period_kind kind, int days);
struct chain_period chain_period_next(struct chain_period p);
int chain_period_end(struct chain_period p);
void chain_period_format(struct chain_period p, char buf[CHAIN_PERIOD_LEN]);
int chain_period_cmp(struct chain_period a, struct chain_period b);

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

struct chain_csv;
struct chain_csv *chain_csv_open(const char *path,
    const struct chain_opts *o);
struct chain_csv *chain_csv_fdopen(int fd, const char *name,
    const struct chain_opts *o);
typedef void chain_input_fn(const char *path, void *ctx);
typedef void chain_csv_fn(struct chain_csv *r, void *ctx);
void chain_inputs(int argc, char **argv, chain_input_fn *fn, void *ctx);
void chain_csv_each(int argc, char **argv, const struct chain_opts *o,
    chain_csv_fn *fn, void *ctx);
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

/* format.c: every CSV format of chain(5), its header defined once */
enum chain_format {
	CHAIN_FORMAT_REGISTER, CHAIN_FORMAT_STATUS, CHAIN_FORMAT_AGREE_SCORE,
	CHAIN_FORMAT_AGREE_MATRIX, CHAIN_FORMAT_PARTNERS, CHAIN_FORMAT_PLAN,
	CHAIN_FORMAT_MEASUREMENTS, CHAIN_FORMAT_KPI_CHECK,
	CHAIN_FORMAT_KPI_SUMMARY, CHAIN_FORMAT_EVENTS, CHAIN_FORMAT_LEADTIME,
	CHAIN_FORMAT_HANDOFFS, CHAIN_FORMAT_ITEMS, CHAIN_FORMAT_INSTRUMENTS,
	CHAIN_FORMAT_RESPONSES, CHAIN_FORMAT_SURVEY_SCORE, CHAIN_FORMAT_ALPHA,
	CHAIN_FORMAT_SURVEY_MATRIX, CHAIN_FORMAT_COMPARE, CHAIN_FORMAT_ACTIONS,
	CHAIN_NFORMATS
};

struct chain_format_def {
	const char *name;	/* as messages name it: "chain-agree score" */
	const char *columns;	/* its header; "@states": a column per state */
	const char *required;	/* the columns that tell it; NULL: all */
	const char *forbidden;	/* columns that tell it is not this one */
	const char *keys;	/* codes: blanks around their values dropped */
};

const struct chain_format_def *chain_format(enum chain_format f);
int chain_column_same(const char *header, const char *name);
const char *chain_column_dutch(const char *name);
const char *chain_format_header(enum chain_format f);
int chain_format_is(const struct chain_csv *in, enum chain_format f);
int chain_format_recognise(const struct chain_csv *in,
    const enum chain_format *candidates, size_t n);
void chain_csv_keys(struct chain_csv *r, enum chain_format f);
const char *chain_csv_column_as(const struct chain_csv *r, size_t i,
    enum chain_format f);

/* csvout.c: the CSV writer */
struct chain_out;
struct chain_out *chain_out_open(const struct chain_opts *o);
struct chain_out *chain_out_stream(FILE *fp, int delimiter, int excel,
    int crlf);
void chain_out_header(struct chain_out *w, const char *names);
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
int chain_out_close(struct chain_out *w, int keep);
FILE *chain_out_file(struct chain_out *w);
void chain_out_flush(struct chain_out *w);
void chain_out_free(struct chain_out *w);

/* replace.c: a locked, atomic rewrite of a file */
struct chain_replace {
	const char *path;
	int fd;			/* the file, opened and locked */
	off_t size;		/* its size when the lock was taken */
	char *tmp_path;
	FILE *tmp;
};
int chain_replace_begin(struct chain_replace *x, const char *path,
    int create);
int chain_replace_copy(struct chain_replace *x, off_t from, off_t to);
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
int chain_edit_commit(struct chain_edit *e);
void chain_edit_abort(struct chain_edit *e);

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
double chain_median(double *x, size_t n);
double chain_beta_inc(double a, double b, double x);
double chain_t_two_sided(double t, double df);

/* chain-kpi: the chain plan, XmR charts, lead times (kpi.c, xmr.c, ...) */
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

struct chain_xmr_opts {
	int baseline;		/* limits from the first N points; 0: all */
	int screen;		/* drop moving ranges above 3.267 x mean once */
};

#define CHAIN_BASELINE_MIN 12	/* --baseline: the fewest points for limits */

extern const char *const chain_rule_names[];
void chain_xmr(struct chain_xmr_point *p, size_t n,
    const struct chain_xmr_opts *o);
const char *chain_xmr_signal(const struct chain_xmr_point *x,
    enum chain_better better);
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

struct chain_plan;
struct chain_plan *chain_plan_new(void);
int chain_plan_load(struct chain_plan *p, const char *path,
    const struct chain_opts *o);
int chain_plan_given(const struct chain_plan *p);
void chain_plan_read(struct chain_plan *p, struct chain_csv *r, int as_of);
struct chain_kpi **chain_plan_kpis(struct chain_plan *p, size_t *n);
void chain_plan_free(struct chain_plan *p);
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
struct chain_plan *chain_plan_inputs(const char *plan, int argc, char **argv,
    const struct chain_opts *o);

/* summary.c: what a KPI's chart says: met, variation, change, --fail-on */
struct chain_kpi_summary {	/* a KPI's latest point */
	struct chain_period period;
	double value, change;	/* change NAN without the period before */
	int met;		/* 1, 0, or -1 when unknown */
	const char *variation;	/* common, improvement, concern, special, "" */
	const char *assurance;	/* pass, fail, hit-and-miss, "" */
};

struct chain_check_opts {
	struct chain_xmr_opts xmr;
	struct chain_period *recalc;	/* process changes: new limits */
	size_t nrecalc;
	int summary;		/* a row per KPI, its latest point */
	int quiet;
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
    const struct chain_chart *c, struct chain_kpi_summary *s);
int chain_kpi_check(struct chain_plan *plan, const struct chain_check_opts *o,
    struct chain_out *w);

/* events.c: case event logs read into cases, grouped or held */
struct chain_event {
	int64_t utc_us;		/* the exact instant */
	int32_t step, partner;	/* interned names; partner -1 when empty */
	int32_t seq;		/* input order within the case */
	int16_t offset_min;	/* the UTC offset it was written with */
	int8_t zone;		/* written with 0 no offset, 1 Z, 2 an offset */
};

#define CHAIN_TIME_LEN 40

struct chain_event_columns {
	const char *case_col, *step_col, *time_col, *partner_col;
};

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

/* leadtime.c: lead times per case and period, and handoffs between partners */
struct chain_leadtime_opts {
	struct chain_event_columns columns;
	const char *from, *to;	/* the stretch measured: steps, or NULL */
	double unit;		/* seconds in the unit of durations */
	double norm;		/* in that unit; NAN without one */
	int per;		/* measurement rows per period of the end */
	enum chain_period_kind kind;
	const char *kpi;	/* prefix of their kpi names, or NULL */
	int handoffs;		/* the relay view instead of lead times */
};

struct chain_leadtime;
struct chain_leadtime *chain_leadtime_new(const struct chain_leadtime_opts *lo,
    const struct chain_opts *o, struct chain_out *w);
void chain_leadtime_read(struct chain_leadtime *lt, const char *path);
void chain_leadtime_finish(struct chain_leadtime *lt, int quiet);
void chain_leadtime_free(struct chain_leadtime *lt);
void chain_leadtime_opts_init(struct chain_leadtime_opts *lo);
int chain_duration_unit_parse(const char *s, double *seconds);
int chain_duration_parse(const char *s, double unit, double *v);

/* agree.c: agreements, their state as of a date, and tallies of states */
#define CHAIN_NO_DATE (-2147483647 - 1)
#define CHAIN_DUE_SOON_DAYS 7	/* the default window of due-soon */

enum chain_state {
	CHAIN_KEPT, CHAIN_RENEGOTIATED, CHAIN_LATE, CHAIN_OVERDUE,
	CHAIN_DUE_SOON, CHAIN_OPEN, CHAIN_CANCELLED,
	CHAIN_NOT_MADE,		/* made after the date: no agreement yet */
	CHAIN_NSTATES
};
/* The states a tally counts (and chain-agree score has a column for). */
enum {
	CHAIN_NTALLIED = CHAIN_NOT_MADE
};

struct chain_agreement {
	int made, due, done, announced, new_due, cancelled;
};

struct chain_verdict {
	enum chain_state state;
	int effective_due;
	int days_late;
	int surprise;
};

struct chain_register {
	int id, owner, counterpart, title, made, due, done, announced, new_due,
	    plan, cancelled;
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

/* status.c: every agreement of every input judged, filtered, as status rows */
struct chain_judged {		/* one agreement as judged */
	const struct chain_row *row;
	const struct chain_register *columns;
	struct chain_agreement a;
	struct chain_verdict v;
};
typedef void chain_judged_fn(struct chain_csv *r, const struct chain_judged *j,
    void *ctx);

struct chain_judge_opts {
	int window;		/* --window: the days of due-soon */
	int only_states;	/* --state given: list only state[] */
	int state[CHAIN_NSTATES];
	const char *owner;	/* --owner; NULL: every owner */
	const char *counterpart;	/* --counterpart; "" or "*": the chain */
	int fail_state[CHAIN_NSTATES], fail_surprise;	/* --fail-on */
	int found;		/* an agreement met a --fail-on condition */
};
void chain_judge_opts_init(struct chain_judge_opts *j);
int chain_judge_states(struct chain_judge_opts *j, const char *list,
    const char **bad, size_t *len);
int chain_judge_fail_on(struct chain_judge_opts *j, const char *list,
    const char **bad, size_t *len);
void chain_judge_each(int argc, char **argv, const struct chain_opts *o,
    struct chain_judge_opts *j, chain_csv_fn *begin, chain_judged_fn *fn,
    void *ctx);
struct chain_status;
struct chain_status *chain_status_new(struct chain_out *w, int excel);
void chain_status_begin(struct chain_csv *r, void *status);
void chain_status_row(struct chain_csv *r, const struct chain_judged *j,
    void *status);
void chain_status_free(struct chain_status *s);

/* tallies.c: the tallies of agreements per partner and period (score) */
struct chain_grouping {
	int by_counterpart;	/* --by counterpart; else by owner */
	int per;		/* --per given: a group per period of the due date */
	enum chain_period_kind kind;
};
struct chain_tallies;
struct chain_tallies *chain_tallies_new(const struct chain_grouping *g);
void chain_tallies_add(struct chain_csv *r, const struct chain_judged *j,
    void *tallies);
void chain_tallies_write(const struct chain_tallies *t, struct chain_out *w);
void chain_tallies_free(struct chain_tallies *t);

/* reciprocity.c: agreements per ordered pair of partners (matrix) */
struct chain_reciprocity;
struct chain_reciprocity *chain_reciprocity_new(void);
void chain_reciprocity_add(struct chain_csv *r, const struct chain_judged *j,
    void *reciprocity);
void chain_reciprocity_write(struct chain_reciprocity *m, struct chain_out *w);
void chain_reciprocity_free(struct chain_reciprocity *m);

/* register.c: the checks of a register, every problem listed */
void chain_register_check(int argc, char **argv, const char *partners,
    const struct chain_opts *o);

/* record.c: an agreement added to a register, or a change recorded */
struct chain_change {
	const char *id, *owner, *counterpart, *title, *plan;	/* NULL: not set */
	struct chain_agreement dates;	/* CHAIN_NO_DATE: not set */
};
char *chain_record_add(const char *path, const struct chain_opts *o,
    const struct chain_change *ch);
int chain_record_set(const char *path, const struct chain_opts *o,
    const char *id, const struct chain_change *ch);

/* chain-survey: instruments, scoring, reliability (survey.c, ...) */

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
#define CHAIN_SCALE_MIN 1	/* the scale of items that give none */
#define CHAIN_SCALE_MAX 5

struct chain_instrument *chain_instrument_read(const char *path,
    const struct chain_opts *o, double min, double max);
void chain_instrument_free(struct chain_instrument *in);
int chain_instrument_item(const struct chain_instrument *in, const char *id);
int chain_instrument_dimension(const struct chain_instrument *in,
    const char *name);
void chain_instrument_write(struct chain_out *w,
    const struct chain_instrument *in, int dutch);
char *chain_instrument_dir(const char *argv0);
char *chain_instrument_path(const char *dir, const char *name);
char **chain_instrument_names(const char *dir, size_t *n);
char *chain_instrument_builtin(const char *argv0, const char *name);
void chain_instrument_list(struct chain_out *w, const char *argv0,
    const struct chain_opts *o, double min, double max);
int chain_instrument_cell(const struct chain_instrument *in,
    const char *name);
int chain_cell_shown(const struct chain_instrument *in, int chosen, size_t c);
const char *chain_cell_name(const struct chain_instrument *in, size_t c);
void chain_scale_parse(const char *arg, double *min, double *max);
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
void chain_responses_only_wave(struct chain_responses *rs, const char *wave);
void chain_responses_read(struct chain_responses *rs, const char *path,
    chain_response_fn *fn, void *ctx);
void chain_responses_free(struct chain_responses *rs);
const char *chain_wave_normalize(const char *wave, char buf[CHAIN_DATE_LEN]);

/* The responses a command reads: its files, the columns and waves it skips. */
struct chain_survey_input {
	const struct chain_instrument *in;
	const struct chain_opts *opts;
	const char *ignore;	/* --ignore: columns (or items) to skip */
	const char *wave;	/* --wave: only that wave's responses */
	int argc;		/* the files; none or "-" is standard input */
	char **argv;
};
void chain_survey_each(const struct chain_survey_input *si,
    chain_response_fn *fn, void *ctx);

/* score.c: a respondent's scores, and groups of them with their moments */
enum { CHAIN_BY_WAVE = 1, CHAIN_BY_PARTNER = 2, CHAIN_BY_ABOUT = 4 };
#define CHAIN_SCORE_BY (CHAIN_BY_WAVE | CHAIN_BY_PARTNER)	/* its --by */
#define CHAIN_MIN_N 3		/* the smallest group shown (--min-n) */
#define CHAIN_MIN_N_MAX 1000	/* the largest --min-n */

/* --fail-on: a cell at level concern or discuss (score), a decline (compare) */
enum {
	CHAIN_FAIL_CONCERN = 1, CHAIN_FAIL_DISCUSS = 2, CHAIN_FAIL_DECLINE = 4
};

struct chain_count;
struct chain_group {
	char *wave, *partner, *about;	/* "" when not grouped by */
	struct chain_moments *cell;	/* per dimension, then '*' */
	struct chain_count *counted;	/* per cell: respondents, up to min-n */
	unsigned char *suppressed;	/* per cell: fewer than min-n */
};

struct chain_cell {
	long n;
	double mean, sd, index;
	const char *level;
	int suppressed;
};

struct chain_groups;
void chain_score_respondent(const struct chain_instrument *in,
    const struct chain_response *r, double *score);
struct chain_groups *chain_groups_new(const struct chain_instrument *in,
    int by, long min_n);
void chain_groups_add(struct chain_groups *gs, const struct chain_response *r,
    const double *score);
struct chain_group *chain_groups_find(struct chain_groups *gs,
    const char *wave, const char *partner, const char *about);
struct chain_group *chain_groups_slot(struct chain_groups *gs,
    const char *wave, const char *partner, const char *about);
struct chain_group **chain_groups_sorted(const struct chain_groups *gs,
    size_t *n);
void chain_groups_suppress(struct chain_groups *gs);
void chain_groups_free(struct chain_groups *gs);
void chain_group_cell(const struct chain_instrument *in,
    const struct chain_group *g, size_t cell, struct chain_cell *c);
double chain_cell_n(const struct chain_cell *c);
double chain_survey_index(double mean, double min, double max);
const char *chain_survey_level(double index);
int chain_by_parse(const char *arg);
int chain_fail_parse(const char *arg);
struct chain_groups *chain_groups_gather(const struct chain_survey_input *si,
    int by, long min_n, const char *const *waves, int *several_waves);
int chain_score_write(struct chain_out *w, const struct chain_groups *gs,
    int chosen, int fail_on);

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
struct chain_reliability;
struct chain_reliability *chain_reliability_gather(
    const struct chain_survey_input *si);
void chain_alpha_write(struct chain_out *w, const struct chain_reliability *a);
void chain_reliability_free(struct chain_reliability *a);

/* welch.c: two groups compared: Welch's t-test and Cohen's d */
#define CHAIN_SIGNIFICANCE 0.05	/* a change with a smaller p-value counts */

struct chain_comparison {
	double change, t, df, p, d;
};
void chain_compare(const struct chain_moments *from,
    const struct chain_moments *to, struct chain_comparison *c);

/* matrix.c: how each partner sees each other, beside how it is seen back */
struct chain_matrix;
struct chain_matrix *chain_matrix_gather(const struct chain_survey_input *si,
    long min_n, int chosen);
void chain_matrix_write(struct chain_out *w, struct chain_matrix *m,
    int quiet);
void chain_matrix_free(struct chain_matrix *m);

/* compare.c: a score in two waves compared, and the decline of --fail-on */
#define CHAIN_COMPARE_BY (CHAIN_BY_PARTNER | CHAIN_BY_ABOUT)	/* its --by */

struct chain_waves;
int chain_compare_by(int by);
struct chain_waves *chain_compare_gather(const struct chain_survey_input *si,
    int by, long min_n, const char *from, const char *to);
int chain_declines(const struct chain_comparison *cmp);
int chain_compare_write(struct chain_out *w, const struct chain_waves *c,
    int chosen, int fail_on);
void chain_compare_free(struct chain_waves *c);

/* chain-report: the weekly PDCA report; its model is in report_priv.h */
enum chain_lang { CHAIN_EN, CHAIN_NL };

struct chain_report;
extern const char *const chain_action_kinds[];
struct chain_report *chain_report_new(int as_of, const char *chain,
    enum chain_lang lang);
int chain_report_read(struct chain_report *r, struct chain_csv *in);
void chain_report_finish(struct chain_report *r);
void chain_report_act(struct chain_report *r);
void chain_render_html(const struct chain_report *r, FILE *fp);
void chain_render_text(const struct chain_report *r, FILE *fp, int markdown);
void chain_report_actions_csv(const struct chain_report *r,
    struct chain_out *w);
void chain_action_kinds_check(const char *option, const char *list);
int chain_report_failing(const struct chain_report *r, const char *kinds);
void chain_report_free(struct chain_report *r);

#endif
