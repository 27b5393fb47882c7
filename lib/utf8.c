/*
 * utf8.c: text from the inputs made safe to show.  An input can hold bytes
 * that are not UTF-8, control characters that a terminal obeys (ESC, the
 * C1 CSI U+009B, raw or encoded) and bidirectional controls that reorder
 * what a reader sees (U+202E reverses the rest of a line).  Cleaned text is
 * valid UTF-8 without any of them, the same in every format and message:
 *   a byte that does not belong to a valid UTF-8 sequence  U+FFFD
 *   a control character (U+0000-U+001F, U+007F-U+009F)     U+FFFD
 *   except tab, LF and CR, and U+2028, U+2029               a blank
 *   a bidirectional control (U+061C, U+200E, U+200F,
 *   U+202A-U+202E, U+2066-U+2069)                           removed
 * Cleaning cleaned text changes nothing.  A cut keeps whole characters.
 * Whether bytes are valid UTF-8 at all is told here too, fast, for the
 * reader (encoding.c).  Nothing here allocates or prints: util.c's
 * messages are built on it.
 */
#include <stdio.h>
#include <string.h>

#include "chain_priv.h"

#define REPLACEMENT "\xef\xbf\xbd"
#define INVALID 0x110000UL	/* no code point: a byte that is not UTF-8 */

/*
 * The character at s: its code point in *cp and its length in bytes, or
 * INVALID and 1 when s does not start a valid UTF-8 sequence (overlong
 * forms, surrogates and code points above U+10FFFF are not valid).
 */
static size_t
decode(const unsigned char *s, unsigned long *cp)
{
	unsigned long c = s[0], min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, c &= 0x07, min = 0x10000;
	else {
		*cp = INVALID;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = INVALID;
			return 1;
		}
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = INVALID;
		return 1;
	}
	*cp = c;
	return len;
}

static int
is_bidi_control(unsigned long c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static int
is_blank(unsigned long c)
{
	return c == '\t' || c == '\n' || c == '\r' || c == 0x2028 ||
	    c == 0x2029;
}

static int
is_control(unsigned long c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/*
 * The longest start of s of at most max bytes that ends on a character
 * boundary (a byte that is not UTF-8 counts as a character of its own).
 */
size_t
chain_utf8_cut(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t n = 0, len;

	while (p[n] != '\0' && (len = decode(p + n, &cp)) <= max - n)
		n += len;
	return n;
}

/*
 * Writes s cleaned to fp.  With CHAIN_KEEP_ISOLATES the isolates U+2068 and
 * U+2069 stay: chain_trf's marks around the input text in a sentence.
 */
void
chain_text_put(FILE *fp, const char *s, int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t len;

	for (; *p != '\0'; p += len) {
		len = decode(p, &cp);
		if (cp == INVALID || (is_control(cp) && !is_blank(cp)))
			fputs(REPLACEMENT, fp);
		else if (is_blank(cp))
			fputc(' ', fp);
		else if (!is_bidi_control(cp) || ((flags & CHAIN_KEEP_ISOLATES) &&
		    (cp == 0x2068 || cp == 0x2069)))
			fwrite(p, 1, len, fp);
	}
}

/* Whether s is plain ASCII, which cannot turn the direction of a line. */
int
chain_text_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/*
 * The length of the valid UTF-8 character that p[0..len) starts with
 * (Unicode's table of well-formed sequences: no overlong form, surrogate
 * or code point above U+10FFFF); 0 when it starts none, or only the
 * beginning of one (*partial then set).
 */
static size_t
valid_char(const unsigned char *p, size_t len, int *partial)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	size_t need, i;

	*partial = 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		need = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else
		return 0;
	for (i = 1; i < need; i++) {
		if (i == len) {
			*partial = 1;
			return 0;
		}
		if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF))
			return 0;
	}
	return need;
}

/* Of eight bytes with a byte above 0x7F (w their high bits): its offset. */
static size_t
first_high(uint64_t w, const unsigned char *p)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	(void)p;
	return (size_t)__builtin_ctzll(w) / 8;
#else
	size_t i = 0;

	(void)w;
	while (p[i] < 0x80)
		i++;
	return i;
#endif
}

/*
 * The offset of the first byte of p[0..len) that is not part of a valid
 * UTF-8 character, or len.  ASCII, the usual text, goes eight bytes at a
 * time to the next byte that is not, and a letter such as e-acute (two
 * bytes) is looked at inline.  A character that begins in the last bytes
 * and would go on past len is invalid too: see chain_utf8_partial.
 * *multibyte (when not NULL) is set when a valid character before that
 * offset is not ASCII, and left as it was otherwise.
 */
size_t
chain_utf8_invalid(const unsigned char *p, size_t len, int *multibyte)
{
	const uint64_t high = 0x8080808080808080ULL;
	size_t i = 0, n = 1;
	uint64_t w;
	int partial, seen = 0;

	while (i + 16 <= len) {
		memcpy(&w, p + i, 8);
		if ((w &= high) == 0) {
			i += 8;
			continue;
		}
		i += first_high(w, p + i);
		if (p[i] >= 0xC2 && p[i] <= 0xDF && (p[i + 1] & 0xC0) == 0x80)
			n = 2;
		else if ((n = valid_char(p + i, len - i, &partial)) == 0)
			break;
		i += n;
		seen = 1;
	}
	for (; n != 0 && i < len; i += n)
		if ((n = valid_char(p + i, len - i, &partial)) == 0)
			break;
		else
			seen |= n > 1;
	if (seen && multibyte != NULL)
		*multibyte = 1;
	return i;
}

/*
 * How many bytes at the end of p[0..len) are the beginning of a valid
 * character that goes on after len (0 to 3): a block of input cut in the
 * middle of one keeps them for the next.
 */
size_t
chain_utf8_partial(const unsigned char *p, size_t len)
{
	size_t k;
	int partial;

	for (k = 1; k <= 3 && k <= len; k++)
		if (p[len - k] >= 0xC0) {
			valid_char(p + len - k, k, &partial);
			return partial ? k : 0;
		} else if (p[len - k] < 0x80)
			return 0;
	return 0;
}
