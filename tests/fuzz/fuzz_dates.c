/*
 * fuzz_dates: the date, timestamp, period and number parsers on any text,
 * with the properties they must keep: what parses formats back to text that
 * parses to the same value, and a period's next period starts the day after
 * it ends.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[64];
	struct chain_period p, q;
	struct chain_time t;
	double v, w;
	int d, e;

	memcpy(s, data, size);
	s[size] = '\0';
	if (chain_date_parse(s, &d) == 0) {
		chain_date_format(d, buf);
		if (chain_date_parse(buf, &e) != 0 || e != d)
			abort();
		chain_date_format_dutch(d, buf);
		if (chain_date_parse(buf, &e) != 0 || e != d)
			abort();
	}
	if (chain_time_parse(s, &t) == 0 && chain_date_parse(s, &d) == 0 &&
	    t.local_days != d)
		abort();
	if (chain_period_parse(s, &p) == 0) {
		chain_period_format(p, buf);
		if (chain_period_parse(buf, &q) != 0 || chain_period_cmp(p, q))
			abort();
		q = chain_period_next(p);
		if (q.start != chain_period_end(p) + 1 || q.kind != p.kind)
			abort();
		if (chain_period_cmp(chain_period_of(p.kind, p.start), p) != 0)
			abort();
	}
	if (chain_number_parse(s, size & 1, &v) == 0) {
		if (!isfinite(v))
			abort();
		chain_number_format(v, 0, buf, sizeof(buf));
		if (*buf != '\0' && (chain_number_parse(buf, 0, &w) != 0 ||
		    fabs(w - v) > 0.00005 * (1 + fabs(v))))
			abort();
	}
	free(s);
	return 0;
}
