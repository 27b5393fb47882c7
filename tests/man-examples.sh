#!/bin/sh
# man-examples.sh [PAGE...]: writes to standard output the bats suite that
# runs every example of the manual (default: man/*.1 man/*.5 man/*.7, and
# the Dutch pages of man/nl, whose examples are the same commands), as
# jq runs the examples of its manual.  make writes it to
# tests/man-examples.bats whenever a page changes; the suite's first test
# fails when the file is older than the pages.  The suite names each
# example by its page (nl/chain.7 for a Dutch one) and line;
# "man-examples.sh -x PAGE LINE" gives that example, read from the page
# when the test runs: "+ " lines are the page's earlier commands, "$ " the
# example, "> " what the page shows it printing.
#
# An example is a line of a .Bd -literal block that starts with "$ " (a
# command; "\e" at the end of a line continues it on the next), followed
# by the lines it prints, if the page shows them.  A line of output that
# starts with blanks continues the line before it (a row folded to fit the
# page); a line "..." stands for lines the page leaves out, and then the
# lines shown must appear in that order, else the output must be exactly
# what the page shows.  A command may exit 1 when its line asks for that
# with --fail-on; otherwise it must succeed.  Each example runs in a fresh
# directory holding a copy of examples/, and of its CSV files beside it,
# after the page's earlier commands (a "cd examples" stays in force); see
# tests/test_helper/man-examples.bash, which also replaces mail(1) with a
# stub that sends nothing.
#
# The README's command lines run the same way: a line indented by four
# blanks that starts with a program of the toolkit, make, sh, printf or
# chromium, or a crontab line (its schedule is dropped and "cd /srv/chain"
# goes to a copy of examples/), continued by a backslash at its end;
# "make demo" runs examples/weekly.sh as the demo does, into the test's
# directory.
#
# Examples that cannot run here are skipped, each for the reason given:
skips='roadtraffic.csv	an event log from a process-mining tool, not shipped in examples/
make check	the test suite itself
make install	installs outside the test directory
make uninstall	removes what make install put outside the test directory
make sanitize	the test suite itself, on another build
make valgrind	the test suite itself, under valgrind
make fuzz	minutes of fuzzing; .ci/run runs it
make bench	the benchmark: minutes of work and peer tools
chromium	tests/browser.bats prints the report with Chromium'
set -eu
LC_ALL=C
export LC_ALL
root=$(cd "$(dirname "$0")/.." && pwd)
example=0
if [ "${1:-}" = -x ]; then
	example=$3
	set -- "$2"
fi
if [ $# -eq 0 ]; then
	cd "$root"
	set -- man/*.1 man/*.5 man/*.7 man/nl/*.1 man/nl/*.5 man/nl/*.7 README
fi

[ "$example" != 0 ] || cat <<'EOF'
#!/usr/bin/env bats
# Generated from the man pages and the README by tests/man-examples.sh: do
# not edit; make writes it anew when a page changes.  Each test runs the
# example on that line of that page, read from the page itself.

load test_helper/common
load test_helper/man-examples

@test "man-examples.bats is generated from the current man pages" {
	cd "$CHAIN_ROOT"
	run -0 sh tests/man-examples.sh
	[ "$output" = "$(cat tests/man-examples.bats)" ] ||
	    fail "tests/man-examples.bats is stale: run make tests/man-examples.bats"
}
EOF

for page in "$@"; do
	[ -e "$page" ] || continue	# a pattern that matched nothing
	# the page as the suite names it: its path under man/
	name=${page#"$root"/}
	case $name in
	man/*) name=${name#man/} ;;
	*) name=${page##*/} ;;
	esac
	awk -v page="$name" -v skips="$skips" -v example="$example" '
	# mdoc escapes, in one pass from the left, as a shell needs them
	function unescape(s,    out, c, name, i) {
		out = ""
		while ((i = index(s, "\\")) > 0) {
			out = out substr(s, 1, i - 1)
			c = substr(s, i + 1, 1)
			s = substr(s, i + 2)
			if (c == "(" || c == "*") {
				if (c == "*" && substr(s, 1, 1) == "(")
					s = substr(s, 2)
				name = substr(s, 1, 2)
				s = substr(s, 3)
				out = out ((name in glyph) ? glyph[name] : "\\(" name)
			} else if (c == "e" || c == "\\")
				out = out "\\"
			else if (c == "-" || c == " " || c == ".")
				out = out c
			else if (c == "&" || c == "|" || c == "^" || c == "")
				;
			else
				out = out "\\" c
		}
		return out s
	}
	function flush(    n, k, why, name) {
		if (cmd == "")
			return
		why = ""
		for (k = 1; k <= nskip; k++)
			if (index(cmd, skip[k]) > 0)
				why = reason[k]
		if (example != 0) {
			if (why != "" && cmdline != example) {
				cmd = ""	# a skipped one runs in no test
				return
			}
			if (cmdline == example) {
				printf "%s", prior
				print "$ " cmd
				for (n = 1; n <= nout; n++)
					print "> " out[n]
				cmd = ""
				exit
			}
			prior = prior "+ " cmd "\n"
			cmd = ""
			return
		}
		name = cmd
		gsub(/["$`\\!]/, "", name)
		if (length(name) > 64)
			name = substr(name, 1, 61) "..."
		printf "\n@test \"%s:%d: %s\" {\n", page, cmdline, name
		if (why != "") {
			gsub(/\047/, "", why)
			printf "\tskip \047%s\047\n}\n", why
			cmd = ""
			return
		}
		printf "\tman_example %s %d\n}\n", page, cmdline
		prior = prior "+ " cmd "\n"
		cmd = ""
	}
	BEGIN {
		glyph["aq"] = "\047"; glyph["Aq"] = "\047"; glyph["dq"] = "\""
		glyph["q"] = "\""; glyph["ga"] = "`"; glyph["ti"] = "~"
		glyph["ha"] = "^"; glyph["rs"] = "\\"; glyph["sl"] = "/"
		glyph["at"] = "@"; glyph["sh"] = "#"; glyph["Do"] = "$"
		glyph["lq"] = "\""; glyph["rq"] = "\""; glyph["oq"] = "\047"
		glyph["cq"] = "\047"; glyph["mi"] = "-"; glyph["hy"] = "-"
		glyph["pl"] = "+"; glyph["eq"] = "="; glyph["ba"] = "|"
		glyph["lt"] = "<"; glyph["gt"] = ">"; glyph["em"] = "--"
		glyph["en"] = "-"
		readme = page == "README"
		nskip = split(skips, lines, "\n")
		for (k = 1; k <= nskip; k++) {
			split(lines[k], f, "\t")
			skip[k] = f[1]
			reason[k] = f[2]
		}
	}
	# the README: a command line is indented by four blanks and starts
	# with a program of the toolkit, make, sh, printf or chromium, or a
	# crontab schedule; a backslash at its end continues it, and a "# ..."
	# after two blanks is a comment
	readme && more {
		text = $0
		sub(/^[ \t]+/, "", text)
		more = sub(/\\$/, "", text) || text ~ /(\||&&)$/
		sub(/[ \t]+$/, "", cmd)
		cmd = cmd " " text
		next
	}
	readme && /^    (chain-[a-z]+|make|sh|printf|chromium) / ||
	    readme && /^    [0-9*][^ ]* [0-9*][^ ]* [0-9*][^ ]* [0-9*][^ ]* [A-Za-z0-9*][^ ]*  / {
		flush()
		cmdline = FNR
		nout = 0
		text = substr($0, 5)
		sub(/  +# .*$/, "", text)
		# a backslash, or a pipe or && at the end, goes on below
		more = sub(/\\$/, "", text) || text ~ /(\||&&)$/
		sub(/[ \t]+$/, "", text)
		cmd = text
		next
	}
	readme { flush(); next }
	/^\.Bd[ \t]+-literal/ { literal = 1; next }
	literal && /^\.Ed/ { flush(); literal = 0; next }
	!literal { next }
	/^\.\\"/ { next }
	{ text = unescape($0) }
	more {
		# the command goes on: the shell drops the backslash-newline,
		# so blanks on either side of it make one word break
		if (cmd ~ /[ \t]$/ || text ~ /^[ \t]/) {
			sub(/[ \t]+$/, "", cmd)
			sub(/^[ \t]+/, "", text)
			cmd = cmd " "
		}
		more = sub(/\\$/, "", text)
		cmd = cmd text
		next
	}
	/^\$ / {
		flush()
		cmdline = FNR
		nout = 0
		text = substr(text, 3)
		more = sub(/\\$/, "", text)
		cmd = text
		next
	}
	cmd != "" && /^[ \t]/ && nout > 0 {
		sub(/^[ \t]+/, "", text)
		out[nout] = out[nout] text
		next
	}
	cmd != "" { out[++nout] = text }
	END { flush() }
	' "$page"
done
