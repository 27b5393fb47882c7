/* test_number.c: numbers in and out (lib/number.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chain_priv.h"
#include "unit.h"

static double
num(const char *s, int decimal_comma)
{
	double v;

	if (chain_number_parse(s, decimal_comma, &v) != 0)
		return -12345;
	return v;
}

static const char *
fmt(double v, int decimal_comma)
{
	static char buf[64];

	chain_number_format(v, decimal_comma, buf, sizeof(buf));
	return buf;
}

/*
 * What chain_number_format wrote before its integer fast path: printf's
 * rounding, trailing zeros dropped, ties a hair off settled to the even
 * digit, never -0.  The fast path must write the same for every value.
 */
static const char *
oracle(double v, int decimal_comma)
{
	static char buf[64];
	double x = v * 10000, low = floor(x);
	char *point;
	int len;

	if (fabs(v) < 1e10 && fabs(x - low - 0.5) <= 1e-7)
		v = (fmod(low, 2) == 0 ? low : low + 1) / 10000;
	if (v == floor(v) && fabs(v) < 1e15)
		len = snprintf(buf, sizeof(buf), "%.0f", v);
	else {
		len = snprintf(buf, sizeof(buf), "%.4f", v);
		while (buf[len - 1] == '0')
			buf[--len] = '\0';
		if (buf[len - 1] == '.')
			buf[--len] = '\0';
		else if (decimal_comma && (point = strchr(buf, '.')) != NULL)
			*point = ',';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	return buf;
}

static void
test_format_like_printf(void)
{
	unsigned long long s = 88172645463325252ULL;
	static const double scale[] = { 1e-5, 1e-3, 0.1, 1, 10, 1000, 1e5,
		1e7 };
	long i, bad = 0;
	double v;
	char want[64];

	for (i = 0; i < 300000; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		v = (double)(s >> 11) / 9007199254740992.0 * scale[s % 8];
		if (s & 1024)
			v = -v;
		if (s & 2048)	/* near a tie, or on the fourth decimal */
			v = floor(v * 10000) / 10000 + (s & 4096 ? 0.00005 : 0);
		snprintf(want, sizeof(want), "%s", oracle(v, (s & 8192) != 0));
		if (strcmp(fmt(v, (s & 8192) != 0), want) != 0 && bad++ < 5)
			fprintf(stderr, "%.17g: %s, want %s\n", v,
			    fmt(v, (s & 8192) != 0), want);
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	CHECK(num("3.5", 0) == 3.5);
	CHECK(num("3,5", 1) == 3.5);
	CHECK(num("3,5", 0) == -12345);
	/* the Dutch way: '.' only between groups of three digits */
	CHECK(num("3.5", 1) == -12345);
	CHECK(num("1.400", 1) == 1400);
	CHECK(num("1.400", 0) == 1.4);
	CHECK(num("1.350,5", 1) == 1350.5);
	CHECK(num("1.350,5", 0) == -12345);
	CHECK(num("-12.345.678,25", 1) == -12345678.25);
	CHECK(num("1.40", 1) == -12345);
	CHECK(num("1.4000", 1) == -12345);
	CHECK(num("1234.567", 1) == -12345);
	CHECK(num("12.34.567", 1) == -12345);
	CHECK(num(".400", 1) == -12345);
	CHECK(num("1.", 1) == -12345);
	CHECK(num(",5", 1) == 0.5);
	CHECK(num("1,5E+03", 1) == 1500);
	CHECK(num("1400", 1) == 1400);
	CHECK(num(" 12 ", 0) == 12);
	CHECK(num("-0.25", 0) == -0.25);
	CHECK(num("+4", 0) == 4);
	CHECK(num("1e3", 0) == 1000);
	CHECK(num(".5", 0) == 0.5);
	CHECK(num("5.", 0) == 5);
	CHECK(num("", 0) == -12345);
	CHECK(num("abc", 0) == -12345);
	CHECK(num("1.2.3", 0) == -12345);
	CHECK(num("1,234.5", 1) == -12345);
	CHECK(num("12 3", 0) == -12345);
	CHECK(num("nan", 0) == -12345);
	CHECK(num("1e999", 0) == -12345);
	CHECK(num("1e", 0) == -12345);

	CHECK_STR(fmt(1.5, 0), "1.5");
	CHECK_STR(fmt(1.5, 1), "1,5");
	CHECK_STR(fmt(100, 0), "100");
	CHECK_STR(fmt(2.0 / 3.0, 0), "0.6667");
	CHECK_STR(fmt(0.1 + 0.2, 0), "0.3");
	CHECK_STR(fmt(-0.00001, 0), "0");
	CHECK_STR(fmt(-2.5, 0), "-2.5");
	CHECK_STR(fmt(1234.56789, 1), "1234,5679");
	CHECK_STR(fmt(0.0 / 0.0, 0), "");
	/* a tie at the fourth decimal, a hair either side: the even digit */
	CHECK_STR(fmt(3.40625, 0), "3.4062");
	CHECK_STR(fmt(3.40625 + 1e-12, 0), "3.4062");
	CHECK_STR(fmt(3.40625 - 1e-12, 0), "3.4062");
	CHECK_STR(fmt(3.40635 - 1e-12, 0), "3.4064");
	CHECK_STR(fmt(-0.00005 + 1e-13, 0), "0");
	CHECK_STR(fmt(2.718281828, 0), "2.7183");
	CHECK_STR(fmt(99999.99995, 0), "100000");
	CHECK_STR(fmt(-12.00004, 1), "-12");
	CHECK_STR(fmt(0.0001, 1), "0,0001");
	test_format_like_printf();
	UNIT_DONE();
}
