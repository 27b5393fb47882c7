/*
 * chain.h: the public header of libchain, what the four programs of the
 * chain toolkit use, in the order data flows through a program: messages
 * and exit status, the shared options and a program's command table, the
 * inputs (dates, periods, CSV files and their formats), each program's
 * domain (agreements, KPIs and lead times, surveys, the report) and the
 * output.  What only the library shares between its files is in
 * chain_priv.h; what only the report's files share, in report_priv.h.
 */
#ifndef CHAIN_H
#define CHAIN_H

#include <libintl.h>
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

/* A constant in a help text: CHAIN_STRING(CHAIN_MIN_N) is "5". */
#define CHAIN_STRING(x) CHAIN_STRING1(x)
#define CHAIN_STRING1(x) #x

#if defined(__GNUC__)
#define CHAIN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define CHAIN_NORETURN __attribute__((noreturn))
#else
#define CHAIN_PRINTF(a, b)
#define CHAIN_NORETURN
#endif

/*
 * i18n.c: the language of messages, chosen by the locale (LANGUAGE,
 * LC_MESSAGES) from the catalogue of po/.  chain_warnx, chain_errx,
 * chain_usage_error, chain_csv_error and their kind look their format up
 * themselves (xgettext knows them as keywords); _() is for a text printed
 * otherwise, N_() marks one that is looked up later.
 */
#define CHAIN_DOMAIN "chain-toolkit"
#define _(s) dgettext(CHAIN_DOMAIN, s)
#define N_(s) s

/* util.c: program name, messages, exit status, allocation, word lists */
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
void *chain_malloc(size_t size);
void *chain_calloc(size_t n, size_t size);
void *chain_realloc(void *p, size_t size);
void *chain_reallocarray(void *p, size_t n, size_t size);
char *chain_strdup(const char *s);
char *chain_strndup(const char *s, size_t n);
int chain_strcasecmp(const char *a, const char *b);
int chain_words_next(const char **p, const char **word, size_t *len);

/* options.c: the options every program shares */
#define CHAIN_COLUMN_MAP_MAX 64
#define CHAIN_LOCK_WAIT 30	/* seconds a writer waits for a register */
#define CHAIN_LOCK_WAIT_MAX 86400
struct chain_opts {
	const char *output;	/* -o FILE; NULL is standard output */
	int delimiter;		/* -d C; 0 detects it from the header line */
	int excel;		/* --excel */
	int allow_ragged;	/* --allow-ragged */
	int as_of;		/* --as-of DATE, in days since 1970-01-01 */
	int quiet;		/* -q */
	int max_errors;		/* problems listed per file; 0 lists all */
	int as_of_given;	/* --as-of was given */
	double lock_wait;	/* --wait: seconds for a register's lock */
	const char *column_map[CHAIN_COLUMN_MAP_MAX];	/* --column N=H */
	size_t ncolumn_map;
	const char *encoding;	/* --encoding NAME; NULL: detected */
};

enum {
	CHAIN_OPT_EXCEL = 0x100,
	CHAIN_OPT_AS_OF,
	CHAIN_OPT_ALLOW_RAGGED,
	CHAIN_OPT_COLUMN,
	CHAIN_OPT_ENCODING,
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
	{ "column", required_argument, NULL, CHAIN_OPT_COLUMN }, \
	{ "encoding", required_argument, NULL, CHAIN_OPT_ENCODING }

void chain_opts_init(struct chain_opts *o);
int chain_opts_common(struct chain_opts *o, int c, const char *arg);
CHAIN_NORETURN void chain_usage_error(const char *fmt, ...) CHAIN_PRINTF(1, 2);
CHAIN_NORETURN void chain_version(void);
void chain_help_common(void);
void chain_help_exit_status(void);
long chain_parse_count(const char *opt, const char *arg, long min, long max);
enum chain_lang { CHAIN_EN, CHAIN_NL };
enum chain_lang chain_lang_parse(const char *arg);

/* command.c: a program's commands, and which options go with which */
struct chain_option_use {
	int opt;
	const char *name, *commands;	/* "--by"; "score,compare" */
};
int chain_option_note(const struct chain_option_use *use, size_t n, int opt,
    uint64_t *given);
void chain_option_check(const struct chain_option_use *use, size_t n,
    uint64_t given, const char *command);

struct chain_command {
	const char *name;
	void (*run)(void *program, int argc, char **argv);
};
const struct chain_command *chain_command_find(
    const struct chain_command *table, size_t n, const char *name);

struct option;
struct chain_program {
	const char *shortopts;		/* its own, beyond CHAIN_SHORTOPTS */
	const struct option *longopts;	/* CHAIN_LONGOPTS, then its own */
	struct chain_opts *opts;
	void (*usage)(int status);	/* --help (0), or a usage error */
	void (*option)(void *program, int c, const char *arg);
	void (*check)(void *program, const char *command);	/* or NULL */
	const struct chain_command *commands;
	size_t ncommands;
	int no_command_word;		/* commands[0] is the program */
	void *program;
};
int chain_run(const struct chain_program *p, int argc, char **argv);

/* date.c: dates and periods */
#define CHAIN_NO_DATE (-2147483647 - 1)
#define CHAIN_DATE_LEN 11
#define CHAIN_PERIOD_LEN 16

enum chain_period_kind {
	CHAIN_DAY, CHAIN_WEEK, CHAIN_MONTH, CHAIN_QUARTER, CHAIN_YEAR
};

struct chain_period {
	enum chain_period_kind kind;
	int start;		/* first day, in days since 1970-01-01 */
};

int chain_date_parse(const char *s, int *days);
int chain_period_parse(const char *s, struct chain_period *p);
int chain_period_kind_parse(const char *s, enum chain_period_kind *kind);
int chain_period_end(struct chain_period p);

/* csvin.c: the inputs, each read as CSV (SPEC section 1) */
struct chain_csv;
typedef void chain_input_fn(const char *path, void *ctx);
typedef void chain_csv_fn(struct chain_csv *r, void *ctx);
void chain_inputs(int argc, char **argv, chain_input_fn *fn, void *ctx);
void chain_csv_each(int argc, char **argv, const struct chain_opts *o,
    chain_csv_fn *fn, void *ctx);

/* format.c: every CSV format of chain(5), its header defined once */
enum chain_format {
	CHAIN_FORMAT_REGISTER, CHAIN_FORMAT_STATUS, CHAIN_FORMAT_AGREE_SCORE,
	CHAIN_FORMAT_AGREE_MATRIX, CHAIN_FORMAT_AGREE_REASONS,
	CHAIN_FORMAT_JOURNAL, CHAIN_FORMAT_PARTNERS, CHAIN_FORMAT_PLAN,
	CHAIN_FORMAT_MEASUREMENTS, CHAIN_FORMAT_KPI_CHECK,
	CHAIN_FORMAT_KPI_SUMMARY, CHAIN_FORMAT_EVENTS, CHAIN_FORMAT_LEADTIME,
	CHAIN_FORMAT_HANDOFFS, CHAIN_FORMAT_ITEMS, CHAIN_FORMAT_INSTRUMENTS,
	CHAIN_FORMAT_RESPONSES, CHAIN_FORMAT_SURVEY_SCORE, CHAIN_FORMAT_ALPHA,
	CHAIN_FORMAT_SURVEY_MATRIX, CHAIN_FORMAT_SURVEY_NETWORK,
	CHAIN_FORMAT_COMPARE, CHAIN_FORMAT_ACTIONS,
	CHAIN_FORMAT_HISTORY, CHAIN_FORMAT_SIGNATURES, CHAIN_FORMAT_CHANGES,
	CHAIN_FORMAT_HOLIDAYS, CHAIN_FORMAT_MEETINGS, CHAIN_FORMAT_ATTENDANCE,
	CHAIN_NFORMATS
};
const char *chain_format_header(enum chain_format f);

/* csvout.c: the output, a CSV (SPEC section 1) or a report */
struct chain_out;
struct chain_out *chain_out_open(const struct chain_opts *o);
void chain_out_header(struct chain_out *w, const char *names);
FILE *chain_out_file(struct chain_out *w);
int chain_out_close(struct chain_out *w, int keep);

/* chain-agree: the agreements register (SPEC section 2) */

/* agree.c: an agreement's dates */
#define CHAIN_DUE_SOON_DAYS 7	/* the default window of due-soon */
#define CHAIN_WINDOW_MAX 36500	/* the widest --window: a hundred years */

struct chain_agreement {
	int made, due, done, announced, new_due, cancelled;
};

/* status.c: every agreement of every input judged, filtered, as status rows */
enum chain_state {
	CHAIN_KEPT, CHAIN_RENEGOTIATED, CHAIN_LATE, CHAIN_OVERDUE,
	CHAIN_DUE_SOON, CHAIN_OPEN, CHAIN_CANCELLED,
	CHAIN_NOT_MADE,		/* made after the date: no agreement yet */
	CHAIN_NSTATES
};

struct chain_judged;
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
typedef void chain_judge_begin_fn(struct chain_csv *r, const char *path,
    void *ctx);
void chain_judge_each(int argc, char **argv, const struct chain_opts *o,
    struct chain_judge_opts *j, chain_judge_begin_fn *begin,
    chain_judged_fn *fn, void *ctx);
struct chain_status;
struct chain_status *chain_status_new(struct chain_out *w,
    const struct chain_opts *o);
void chain_status_begin(struct chain_csv *r, const char *path, void *status);
void chain_status_row(struct chain_csv *r, const struct chain_judged *j,
    void *status);
void chain_status_free(struct chain_status *s);

/* tallies.c: the tallies of agreements per partner and period (score) */
struct chain_grouping {
	int by_counterpart;	/* --by counterpart; else by owner */
	int per;		/* --per given: a group per period of the due date */
	enum chain_period_kind kind;
	int by_given;		/* --by given (reasons: else the whole chain) */
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
	const char *reason;	/* --reason: why the promise breaks */
	struct chain_agreement dates;	/* CHAIN_NO_DATE: not set */
	int correct;		/* --correct: a recorded date put right */
	int again;		/* --again: an announcement after an earlier one */
};
int chain_record_id_ok(const char *id);
char *chain_record_add(const char *path, const struct chain_opts *o,
    const struct chain_change *ch);
int chain_record_set(const char *path, const struct chain_opts *o,
    const char *id, const struct chain_change *ch);

/* journal.c: the journal of every add and set, beside the register (log) */
void chain_journal_log(const char *path, const char *id,
    const struct chain_opts *o);

/* reason.c: why promises break, a Pareto of the deviations' reasons */
struct chain_reasons;
struct chain_reasons *chain_reasons_new(const struct chain_grouping *g);
void chain_reasons_add(struct chain_csv *r, const struct chain_judged *j,
    void *reasons);
void chain_reasons_write(const struct chain_reasons *p, struct chain_out *w,
    int quiet);
void chain_reasons_free(struct chain_reasons *p);

/* attendance.c: who comes to the chain meeting (attendance) */
#define CHAIN_NOTICE_DAYS 2	/* regrets in time: working days ahead */
#define CHAIN_NOTICE_MAX 30
struct chain_attendance;
struct chain_attendance *chain_attendance_new(const struct chain_opts *o,
    const struct chain_grouping *g, int notice, const char *holidays);
void chain_attendance_read(struct chain_csv *r, void *attendance);
void chain_attendance_write(const struct chain_attendance *a,
    struct chain_out *w);
void chain_attendance_free(struct chain_attendance *a);

/* chain-kpi: the chain plan's KPIs and lead times (SPEC section 3) */

/* xmr.c: XmR control charts */
#define CHAIN_BASELINE_MIN 12	/* fewer points give trial limits (--baseline) */
#define CHAIN_BASELINE_MAX 1000000
#define CHAIN_SCREEN_FACTOR 3.267	/* --screen: the moving ranges' limit */

struct chain_xmr_opts {
	int baseline;		/* limits from the first N points; 0: all */
	int screen;		/* drop moving ranges above 3.267 x mean once */
};

/* kpi.c: the chain plan, and its KPIs' measurements */
struct chain_plan;
struct chain_plan *chain_plan_inputs(const char *plan, int argc, char **argv,
    const struct chain_opts *o);
void chain_plan_free(struct chain_plan *p);

/* summary.c: a KPI's chart, and what it says (check and summary) */
struct chain_check_opts {
	struct chain_xmr_opts xmr;
	struct chain_period *recalc;	/* --recalc: new limits for every KPI */
	size_t nrecalc;
	int summary;		/* a row per KPI, its latest point */
	int quiet;
	const char *changes;	/* --changes FILE: process changes, or NULL */
	const struct chain_opts *opts;	/* to read it with */
};
int chain_kpi_check(struct chain_plan *plan, const struct chain_check_opts *o,
    struct chain_out *w);

/* leadtime.c: lead times per case and period, and handoffs between partners */
struct chain_event_columns {
	const char *case_col, *step_col, *time_col, *partner_col;
};

struct chain_leadtime_opts {
	struct chain_event_columns columns;
	const char *from, *to;	/* the stretch measured: steps, or NULL */
	double unit;		/* seconds in the unit of durations */
	int workdays;		/* in working days (unit: their 24 hours) */
	const char *holidays;	/* a holidays file, or NULL */
	double norm;		/* in that unit; NAN without one */
	int per;		/* measurement rows per period of the end */
	enum chain_period_kind kind;
	const char *kpi;	/* prefix of their kpi names, or NULL */
	int handoffs;		/* the relay view instead of lead times */
};

struct chain_leadtime;
void chain_leadtime_opts_init(struct chain_leadtime_opts *lo);
int chain_duration_unit_parse(const char *s, double *seconds,
    int *workdays);
int chain_duration_parse(const char *s, double unit, double *v);
struct chain_leadtime *chain_leadtime_new(const struct chain_leadtime_opts *lo,
    const struct chain_opts *o, struct chain_out *w);
void chain_leadtime_read(struct chain_leadtime *lt, const char *path);
void chain_leadtime_finish(struct chain_leadtime *lt, int quiet);
void chain_leadtime_free(struct chain_leadtime *lt);

/* chain-survey: the soft side, surveyed (SPEC section 4) */

/* instrument.c: a survey instrument, its items, dimensions and scales */
#define CHAIN_SCALE_MIN 1	/* the scale of items that give none */
#define CHAIN_SCALE_MAX 5

struct chain_instrument;
struct chain_instrument *chain_instrument_read(const char *path,
    const struct chain_opts *o, double min, double max);
const char *chain_instrument_name(const struct chain_instrument *in);
void chain_instrument_free(struct chain_instrument *in);
void chain_instrument_write(struct chain_out *w,
    const struct chain_instrument *in, int dutch);
char *chain_instrument_builtin(const char *argv0, const char *name);
void chain_instrument_list(struct chain_out *w, const char *argv0,
    const struct chain_opts *o, double min, double max);
int chain_instrument_cell(const struct chain_instrument *in,
    const char *name);
void chain_scale_parse(const char *arg, double *min, double *max);

/* survey.c: the responses a command reads */
struct chain_survey_input {
	const struct chain_instrument *in;
	const struct chain_opts *opts;
	const char *ignore;	/* --ignore: columns (or items) to skip */
	const char *wave;	/* --wave: only that wave's responses */
	int argc;		/* the files; none or "-" is standard input */
	char **argv;
};

/* score.c: scores per group and dimension, small groups never shown */
enum { CHAIN_BY_WAVE = 1, CHAIN_BY_PARTNER = 2, CHAIN_BY_ABOUT = 4 };
#define CHAIN_SCORE_BY (CHAIN_BY_WAVE | CHAIN_BY_PARTNER)	/* its --by */
#define CHAIN_MIN_N 5		/* the smallest group shown (--min-n) */
#define CHAIN_MIN_N_MAX 1000	/* the largest --min-n */

/* --fail-on: a cell at level concern or discuss (score), a decline (compare) */
enum {
	CHAIN_FAIL_CONCERN = 1, CHAIN_FAIL_DISCUSS = 2, CHAIN_FAIL_DECLINE = 4
};

struct chain_groups;
int chain_by_parse(const char *arg);
int chain_fail_parse(const char *arg);
struct chain_groups *chain_groups_gather(const struct chain_survey_input *si,
    long min_n, const char *const *named, size_t nnamed);
int chain_score_write(struct chain_out *w, const struct chain_groups *gs,
    int by, const char *wave, int chosen, int fail_on);
void chain_groups_free(struct chain_groups *gs);

/* alpha.c: Cronbach's alpha per dimension */
struct chain_reliability;
struct chain_reliability *chain_reliability_gather(
    const struct chain_survey_input *si, long min_n);
void chain_alpha_write(struct chain_out *w, const struct chain_reliability *a,
    const char *wave);
void chain_reliability_free(struct chain_reliability *a);

/* matrix.c: how each partner sees each other, beside how it is seen back */
struct chain_matrix;
struct chain_matrix *chain_matrix_gather(const struct chain_survey_input *si,
    long min_n, int chosen);
void chain_matrix_write(struct chain_out *w, struct chain_matrix *m,
    int quiet);
void chain_matrix_free(struct chain_matrix *m);

/* network.c: the trust network of the matrix: density, reciprocity, degrees */
void chain_network_write(struct chain_out *w, struct chain_matrix *m,
    int quiet);

/* compare.c: a score in two waves compared, and the decline of --fail-on */
#define CHAIN_SIGNIFICANCE 0.05	/* a change with a smaller p-value counts */
#define CHAIN_COMPARE_BY (CHAIN_BY_PARTNER | CHAIN_BY_ABOUT)	/* its --by */

struct chain_waves;
int chain_compare_by(int by);
struct chain_waves *chain_compare_gather(const struct chain_survey_input *si,
    int by, long min_n, const char *from, const char *to);
int chain_compare_write(struct chain_out *w, const struct chain_waves *c,
    int chosen, int fail_on);
void chain_compare_free(struct chain_waves *c);

/* chain-report: the weekly PDCA report (SPEC section 5) */

struct chain_report;
struct chain_report *chain_report_new(int as_of, const char *chain,
    enum chain_lang lang);
int chain_report_read(struct chain_report *r, struct chain_csv *in);
void chain_report_finish(struct chain_report *r);
void chain_report_begin(struct chain_report *r, const struct chain_opts *o,
    const char *history);
void chain_report_act(struct chain_report *r);
#define CHAIN_REPORT_TOP 10	/* Act points the report shows by default */
void chain_report_set_top(struct chain_report *r, size_t top);
void chain_render_html(const struct chain_report *r, FILE *fp);
void chain_render_text(const struct chain_report *r, FILE *fp, int markdown);
enum chain_report_format { CHAIN_REPORT_HTML, CHAIN_REPORT_MD, CHAIN_REPORT_TXT };
void chain_report_drop_history(struct chain_report *r);
void chain_report_write(struct chain_report *r,
    const struct chain_opts *o, enum chain_report_format f,
    const char *actions);
void chain_report_actions_csv(const struct chain_report *r,
    struct chain_out *w);
void chain_action_kinds_check(const char *option, const char *list);
int chain_report_failing(const struct chain_report *r, const char *kinds);
void chain_report_free(struct chain_report *r);

#endif
