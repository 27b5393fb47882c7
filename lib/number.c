/*
 * number.c: numbers as CSV carries them.  On input blanks around a number are
 * ignored and, in a file that Dutch Excel wrote with ';', a number is read
 * the Dutch way: a decimal comma, '.' only between groups of three digits.  On output a number has at most four decimals, trailing zeros
 * dropped, never "-0", and a decimal comma only for --excel.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

#define NUMBER_MAX 64

/*
 * The digits before the decimal separator, copied into buf.  The Dutch way
 * (decimal_comma) allows '.' between groups of exactly three digits
 * (1.400, 12.345.678); any other '.' there is an error, so that 1.4 is
 * never read as fourteen hundred nor 1.400 as one point four.  Returns the
 * number of digits, or -1.
 */
static int
integer_part(const char **sp, int decimal_comma, char *buf, size_t *n)
{
	const char *s = *sp;
	int digits = 0, group = 0, grouped = 0;

	for (;; s++) {
		if (*s >= '0' && *s <= '9') {
			if (*n + 2 >= NUMBER_MAX)
				return -1;
			buf[(*n)++] = *s;
			digits++;
			group++;
		} else if (*s == '.' && decimal_comma) {
			/* a group separator: after 1 to 3 digits, then 3 each */
			if (group == 0 || group > 3 || (grouped && group != 3))
				return -1;
			grouped = 1;
			group = 0;
		} else
			break;
	}
	if (grouped && group != 3)
		return -1;
	*sp = s;
	return digits;
}

/*
 * A plain decimal (an optional minus, at most 15 digits, one decimal
 * separator: ',' the Dutch way, else '.') is the integer of its digits
 * divided by a power of ten: both exact in a double, so the quotient is
 * rounded exactly as strtod rounds it.  A measurements file holds millions
 * of them; anything else (-1) takes chain_number_parse.
 */
int
chain_number_plain(const char *s, int decimal_comma, double *v)
{
	static const double scale[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
		1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char point = decimal_comma ? ',' : '.';
	uint64_t m = 0;
	int digits = 0, decimals = -1, negative = *s == '-';

	for (s += negative; ; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++digits > 15)
				return -1;
			m = m * 10 + (uint64_t)(*s - '0');
			decimals += decimals >= 0;
		} else if (decimals < 0 && *s == point)
			decimals = 0;
		else
			break;
	}
	if (*s != '\0' || digits == 0)
		return -1;
	*v = (double)m / scale[decimals > 0 ? decimals : 0];
	if (negative)
		*v = -*v;
	return 0;
}

/*
 * A number as a person sees it in the cell: blanks around it ignored, an
 * optional sign, digits, one decimal separator (',' the Dutch way, else
 * '.'), an optional exponent.  Returns 0 with the value, -1 when the text
 * is not such a number.
 */
int
chain_number_parse(const char *s, int decimal_comma, double *v)
{
	char buf[NUMBER_MAX];
	size_t n = 0;
	int digits;
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+' || *s == '-')
		buf[n++] = *s++;
	if ((digits = integer_part(&s, decimal_comma, buf, &n)) < 0)
		return -1;
	if (*s == (decimal_comma ? ',' : '.')) {
		buf[n++] = '.';
		for (s++; *s >= '0' && *s <= '9' && n < NUMBER_MAX - 1; s++, digits++)
			buf[n++] = *s;
	}
	if (digits == 0)
		return -1;
	if ((*s == 'e' || *s == 'E') && n < NUMBER_MAX - 1) {
		buf[n++] = *s++;
		if ((*s == '+' || *s == '-') && n < NUMBER_MAX - 1)
			buf[n++] = *s++;
		if (*s < '0' || *s > '9')
			return -1;
		while (*s >= '0' && *s <= '9' && n < NUMBER_MAX - 1)
			buf[n++] = *s++;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0')
		return -1;
	buf[n] = '\0';
	*v = strtod(buf, &end);
	if (*end != '\0' || !isfinite(*v))
		return -1;
	return 0;
}

/*
 * A value within rounding error of a tie at the fourth decimal (a mean of
 * 3.40625 summed in one order or another) rounds the same way every time:
 * to the even last digit, as printf rounds an exact tie.
 */
static double
settle_tie(double v)
{
	double x = v * 10000, low = floor(x);

	if (fabs(v) >= 1e10 || fabs(x - low - 0.5) > 1e-7)
		return v;
	return (fmod(low, 2) == 0 ? low : low + 1) / 10000;
}

/*
 * v as printf("%.4f") would round it, by integer arithmetic, for the
 * numbers a CSV is mostly made of (lead times, rates, means): below 10^5,
 * where v x 10^4 is off by less than 10^-7, and more than 10^-6 from a
 * tie, so that rounding it to the nearest integer is rounding v.  Returns
 * the length, or 0 when printf has to do it.
 */
static size_t
format_fast(double v, int decimal_comma, char *buf, size_t size)
{
	double x = v * 10000, f = x - floor(x);
	char digits[24];
	long long r;
	size_t n = 0, len = 0;
	int frac, place;

	if (!(fabs(v) < 1e5) || fabs(f - 0.5) < 1e-6 || size < 24)
		return 0;
	r = (long long)floor(x + 0.5);
	if (r < 0) {
		buf[len++] = '-';
		r = -r;
	}
	frac = (int)(r % 10000);
	r /= 10000;
	do
		digits[n++] = (char)('0' + r % 10);
	while ((r /= 10) != 0);
	while (n > 0)
		buf[len++] = digits[--n];
	if (frac != 0) {
		buf[len++] = decimal_comma ? ',' : '.';
		for (place = 1000; frac != 0; place /= 10) {
			buf[len++] = (char)('0' + frac / place);
			frac %= place;
		}
	}
	buf[len] = '\0';	/* never "-0": a negative r is at least 1 */
	return len;
}

/*
 * Writes v with at most four decimals and no trailing zeros into buf;
 * returns the length.  Not a finite number writes nothing.
 */
size_t
chain_number_format(double v, int decimal_comma, char *buf, size_t size)
{
	size_t fast;
	int len;
	char *point;

	if (!isfinite(v)) {
		buf[0] = '\0';
		return 0;
	}
	if ((fast = format_fast(settle_tie(v), decimal_comma, buf, size)) > 0)
		return fast;
	if (v == floor(v) && fabs(v) < 1e15)
		len = snprintf(buf, size, "%.0f", v);
	else if (fabs(v) >= 1e15)
		len = snprintf(buf, size, "%.15g", v);	/* beyond four decimals */
	else {
		v = settle_tie(v);
		len = snprintf(buf, size, "%.4f", v);
		if (len < 0 || (size_t)len >= size)
			len = (int)size - 1;
		point = strchr(buf, '.');
		if (point != NULL) {
			while (len > 0 && buf[len - 1] == '0')
				buf[--len] = '\0';
			if (buf[len - 1] == '.')
				buf[--len] = '\0';
			else if (decimal_comma)
				*point = ',';
		}
	}
	if (len < 0 || (size_t)len >= size)
		len = (int)size - 1;
	if (strcmp(buf, "-0") == 0) {
		buf[0] = '0';
		buf[1] = '\0';
		len = 1;
	}
	return (size_t)len;
}
