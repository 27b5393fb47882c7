#!/usr/bin/env bats
# The language of the messages: Dutch when the locale asks for it, as GNU
# programs decide it (LANGUAGE counts beside a locale other than C:
# LANGUAGE=nl LANG=C.UTF-8 is Dutch, LC_ALL=C LANGUAGE=nl English; and
# LANGUAGE=nl where no locale is set at all is Dutch - see lib/i18n.c),
# English otherwise; the output the same whatever the
# locale; the catalogue complete.  The tests with LC_MESSAGES=nl_NL.UTF-8
# need that locale (make deps generates it as root) and are skipped, saying
# so, without it; the rest use C.UTF-8, which glibc always has.

load test_helper/common

# cmd...: runs cmd with only the named locale variables set.
in_locale() {
	local vars=()
	while [[ $1 == *=* ]]; do
		vars+=("$1")
		shift
	done
	env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LANG -u LANGUAGE \
	    "${vars[@]}" "$@"
}

# cmd...: runs cmd in Dutch, as a user with LANGUAGE=nl on a C.UTF-8 system.
dutch() {
	in_locale LANG=C.UTF-8 LANGUAGE=nl "$@"
}

has_dutch_locale() {
	locale -a 2>/dev/null | grep -qix 'nl_NL.utf-\{0,1\}8'
}

register() {
	printf 'id,owner,due\nA1,OM,2026-13-01\nA2,OM,2026-12-01\nA3,,x\n' > r.csv
}

@test "chain-agree --help in Dutch: the usage lines exactly" {
	run -0 dutch chain-agree --help
	assert_line --index 0 'gebruik: chain-agree [opties] status|list|score|matrix|reasons|check'
	assert_line --index 1 '                     [BESTAND...]'
	assert_line --index 2 '         chain-agree [opties] attendance [--notice N] [--holidays BESTAND]'
	assert_line --index 3 '                     [--per P] [BESTAND...]'
	assert_line --index 4 '         chain-agree [opties] add -f BESTAND --owner P --due D'
	assert_line --index 5 '                     [--counterpart P] [--title T] [--made D] [--id ID]'
	assert_line --index 6 '         chain-agree [opties] set -f BESTAND ID (--done D | --announce D'
	assert_line --index 7 '                     [--new-due D] [--plan T] [--again] | --cancel D)'
	assert_line --index 8 '                     [--reason T] [--correct]'
	assert_line --index 9 '         chain-agree [opties] log [-f BESTAND] [ID]'
	assert_line 'Opdrachten:'
	assert_line '  check    een register controleren; elk probleem als bestand:regel: bericht'
	assert_line '  --window DAGEN        de termijn van due-soon (standaard 7)'
	assert_line '  --wait SECONDEN       ten hoogste zo lang wachten op de vergrendeling'
	assert_line '                        van het register (add, set; standaard 30)'
	assert_line '  -o, --output BESTAND  naar BESTAND schrijven, niet naar standaarduitvoer'
	assert_line 'Afsluitwaarde: 0 goed, 1 --fail-on gevonden, 2 gebruiksfout, 3 ongeldige'
}

@test "chain-kpi --help in Dutch: the usage lines exactly" {
	run -0 dutch chain-kpi --help
	assert_line --index 0 'gebruik: chain-kpi [opties] check|summary [--plan BESTAND] [BESTAND...]'
	assert_line --index 1 '         chain-kpi [opties] leadtime|handoffs [BESTAND...]'
	assert_line --index 2 'Opdrachten:'
	assert_line '  --baseline N          de grenzen uit de eerste N punten (N >= 12)'
	assert_line '  --screen              bewegende bereiken boven 3.267 x gemiddelde weglaten'
	assert_line 'Algemene opties:'
}

@test "chain-survey --help in Dutch: the usage lines exactly" {
	run -0 dutch chain-survey --help
	assert_line --index 0 'gebruik: chain-survey [opties] items|score|alpha|matrix|network|compare'
	assert_line --index 1 '                      [BESTAND...]'
	assert_line --index 2 'Opdrachten:'
	assert_line '  --scale MIN-MAX       schaal van vragen zonder eigen schaal (standaard 1-5)'
	assert_line '  --min-n N             geen groep van minder respondenten tonen (standaard 5)'
	assert_line '                        discuss (score), of bij een daling met p < 0.05'
}

@test "chain-report --help in Dutch: the usage lines exactly" {
	run -0 dutch chain-report --help
	assert_line --index 0 'gebruik: chain-report [--chain NAAM] [--week JJJJ-Www | --as-of DATUM]'
	assert_line --index 1 '                      [--format html|md|txt] [--lang en|nl] [-o BESTAND]'
	assert_line --index 2 '                      [--actions BESTAND] [--history BESTAND] [--top N]'
	assert_line --index 3 '                      [--fail-on SOORT[,SOORT..]] [BESTAND...]'
	assert_line '  --top N               de eerste N punten van Act tonen (standaard 10);'
	assert_line '  -q, --quiet           geen waarschuwingen'
}

# Every line of every --help is said in Dutch, but for the few that hold
# nothing but option names and their values (the contract): a help line
# printed without _() is found here.
@test "every line of every --help is translated" {
	same='  --by owner|counterpart, --per week|month|quarter
  --state S[,S..], --owner P, --counterpart P        (list)
           renegotiations'
	for prog in chain-agree chain-kpi chain-survey chain-report; do
		in_locale LANG=C.UTF-8 LANGUAGE=en "$prog" --help > en.txt
		dutch "$prog" --help > nl.txt
		[ "$(wc -l < en.txt)" -gt 10 ]
		# a line found in both, not blank and not allowed, is English
		grep -Fx -f en.txt nl.txt | grep -v '^$' | grep -Fvx "$same" > left.txt || true
		[ ! -s left.txt ] || fail "$prog --help, not translated: $(cat left.txt)"
	done
}

@test "a bad date in a register, in Dutch: file, line, column and value" {
	register
	run -3 --separate-stderr dutch chain-agree status --as-of 2026-11-20 r.csv
	assert_output - <<'EOF'
id,owner,due,state,effective_due,days_late,surprise,as_of,renegotiations
A2,OM,2026-12-01,open,2026-12-01,0,0,2026-11-20,0
EOF
	[ "$stderr" = "chain-agree: r.csv:2: due: '2026-13-01' is geen geldige datum
chain-agree: r.csv:4: owner: ontbrekende waarde
chain-agree: r.csv:4: due: 'x' is geen geldige datum" ]
	# a Dutch register, its own column names in the message
	printf 'nr;eigenaar;deadline\r\nA1;OM;31-11-2026\r\n' > nl.csv
	run -3 dutch chain-agree check nl.csv
	assert_output "chain-agree: nl.csv:2: deadline: '31-11-2026' is geen geldige datum"
}

@test "the same bad date in English: LANGUAGE=en, the C locale; LANGUAGE=nl alone in Dutch" {
	register
	expected="chain-agree: r.csv:2: due: '2026-13-01' is not a valid date
chain-agree: r.csv:4: owner: missing value
chain-agree: r.csv:4: due: 'x' is not a valid date"
	run -3 --separate-stderr in_locale LANG=C.UTF-8 LANGUAGE=en chain-agree status r.csv
	[ "$stderr" = "$expected" ]
	# the C locale, whatever LANGUAGE says (gettext's rule)
	run -3 --separate-stderr in_locale LC_ALL=C LANGUAGE=nl chain-agree status r.csv
	[ "$stderr" = "$expected" ]
	run -3 --separate-stderr in_locale LANG=C.UTF-8 LC_MESSAGES=C LANGUAGE=nl chain-agree status r.csv
	[ "$stderr" = "$expected" ]
	# no locale at all, LANGUAGE alone: heard (a bare cron job, a container)
	run -3 --separate-stderr in_locale LANGUAGE=nl chain-agree status r.csv
	assert_equal "${stderr_lines[0]}" "chain-agree: r.csv:2: due: '2026-13-01' is geen geldige datum"
	run -0 in_locale LANGUAGE=nl chain-agree --help
	assert_line --index 0 --partial 'gebruik: chain-agree'
	# and nothing at all: English
	run -3 --separate-stderr in_locale chain-agree status r.csv
	[ "$stderr" = "$expected" ]
	# a language without a catalogue falls back to the next, then English
	run -3 --separate-stderr in_locale LANG=C.UTF-8 LANGUAGE=de:nl chain-agree status r.csv
	assert_equal "${stderr_lines[0]}" "chain-agree: r.csv:2: due: '2026-13-01' is geen geldige datum"
	run -0 in_locale LANG=C.UTF-8 LANGUAGE=en chain-kpi --help
	assert_line --index 0 'usage: chain-kpi [options] check|summary [--plan FILE] [FILE...]'
	run -0 in_locale LC_ALL=C chain-report --help
	assert_line --index 0 'usage: chain-report [--chain NAME] [--week YYYY-Www | --as-of DATE]'
}

@test "LC_MESSAGES=nl_NL.UTF-8 and LANG=nl_NL.UTF-8 speak Dutch, LANGUAGE=en before them English" {
	has_dutch_locale || skip 'no nl_NL.UTF-8 locale here (make deps generates it as root)'
	register
	run -3 --separate-stderr in_locale LC_MESSAGES=nl_NL.UTF-8 chain-agree status r.csv
	assert_equal "${stderr_lines[0]}" "chain-agree: r.csv:2: due: '2026-13-01' is geen geldige datum"
	run -3 --separate-stderr in_locale LANG=nl_NL.UTF-8 chain-agree status r.csv
	assert_equal "${stderr_lines[1]}" "chain-agree: r.csv:4: owner: ontbrekende waarde"
	run -0 in_locale LC_ALL=nl_NL.UTF-8 chain-survey --help
	assert_line --index 0 'gebruik: chain-survey [opties] items|score|alpha|matrix|network|compare'
	run -0 in_locale LANG=nl_NL.UTF-8 LANGUAGE=en chain-survey --help
	assert_line --index 0 'usage: chain-survey [options] items|score|alpha|matrix|network|compare [FILE...]'
	# LC_ALL outranks LC_MESSAGES, as in every program
	run -0 in_locale LC_ALL=C LC_MESSAGES=nl_NL.UTF-8 chain-kpi --help
	assert_line --index 0 'usage: chain-kpi [options] check|summary [--plan FILE] [FILE...]'
}

@test "a locale that is not installed is C: English" {
	locale -a 2>/dev/null | grep -qix 'fy_NL.utf-\{0,1\}8' && skip 'fy_NL.UTF-8 is installed here'
	run -0 in_locale LC_MESSAGES=fy_NL.UTF-8 LANGUAGE=nl chain-kpi --help
	assert_line --index 0 'usage: chain-kpi [options] check|summary [--plan FILE] [FILE...]'
}

@test "usage errors, warnings and counts in Dutch" {
	run -2 dutch chain-agree --bogus
	assert_line --index 1 'chain-agree: onbekende of onvolledige optie'
	assert_line --index 2 "Typ 'chain-agree --help' voor meer informatie."
	run -2 dutch chain-agree
	assert_output "chain-agree: een opdracht is verplicht
Typ 'chain-agree --help' voor meer informatie."
	run -2 dutch chain-agree score --state late x.csv
	assert_line --index 0 'chain-agree: --state hoort niet bij score (alleen bij list)'
	run -2 dutch chain-kpi check --baseline 3 x.csv
	assert_line --index 0 "chain-kpi: --baseline: '3' is geen geheel getal van 12 tot en met 1000000"
	run -2 dutch chain-survey score --by nobody x.csv
	assert_line --index 0 "chain-survey: --by: 'nobody' is niet wave, partner, about of none"
	# a warning, and the plural of the problems not shown
	run -0 --separate-stderr dutch chain-agree status --allow-ragged - <<'EOF'
id,owner,due
A1,OM,2026-12-01,extra
EOF
	assert_equal "$stderr" "chain-agree: stdin:2: waarschuwing: 4 velden waar de kopregel er 3 heeft; de extra velden worden genegeerd"
	{ echo id,owner,due; for i in $(seq 1 22); do echo "A$i,OM,nooit"; done; } > many.csv
	run -3 --separate-stderr dutch chain-agree status many.csv
	assert_equal "${stderr_lines[20]}" 'chain-agree: many.csv: nog 2 problemen niet getoond'
	{ echo id,owner,due; for i in $(seq 1 21); do echo "A$i,OM,nooit"; done; } > many.csv
	run -3 --separate-stderr dutch chain-agree status many.csv
	assert_equal "${stderr_lines[20]}" 'chain-agree: many.csv: nog 1 probleem niet getoond'
	run -3 --separate-stderr in_locale LC_ALL=C chain-agree status many.csv
	assert_equal "${stderr_lines[20]}" 'chain-agree: many.csv: 1 more problem not shown'
	# a file that cannot be opened: the system's own words in its language
	run -4 dutch chain-kpi check missing.csv
	assert_line --index 0 --partial 'chain-kpi: missing.csv: '
	run -4 in_locale LC_ALL=C chain-kpi check missing.csv
	assert_line --index 0 'chain-kpi: missing.csv: No such file or directory'
}

@test "the output is the same byte for byte in every locale: the weekly run, Dutch Excel" {
	has_dutch_locale || skip 'no nl_NL.UTF-8 locale here (make deps generates it as root)'
	for loc in C nl_NL.UTF-8; do
		LC_ALL=$loc CHAIN_OUT=$PWD/$loc sh "$EXAMPLES/weekly.sh" > /dev/null 2>&1
		LC_ALL=$loc chain-agree score --excel --per month --as-of 2026-11-20 \
		    "$EXAMPLES/agreements.csv" > "$loc/score-excel.csv"
		# a Dutch sheet: decimal commas and thousands points read alike
		printf 'kpi;period;value\r\nk;2026-W01;1.234,5\r\nk;2026-W02;0,25\r\n' |
		    LC_ALL=$loc chain-kpi check --excel > "$loc/kpi-excel.csv"
		(cd "$loc" && LC_ALL=$loc chain-report --lang nl --format txt \
		    --as-of 2026-11-20 agreements-status.csv kpi-summary.csv \
		    > report-nl.txt)
	done
	[ -s C/report.html ] && [ -s C/kpi-excel.csv ]
	grep -q '1234,5' C/kpi-excel.csv
	diff -r C nl_NL.UTF-8
}

@test "the report speaks the language of --lang, not of the locale" {
	run -0 dutch chain-report --format txt --as-of 2026-11-20 "$EXAMPLES/plan.csv"
	assert_line --index 0 --partial 'Weekly chain report'
	run -0 in_locale LC_ALL=C chain-report --lang nl --format txt --as-of 2026-11-20 "$EXAMPLES/plan.csv"
	assert_line --index 0 --partial 'Wekelijkse ketenrapportage'
}

@test "po/nl.po translates every message of the sources, none fuzzy, none left over" {
	run -0 make -s -C "$CHAIN_ROOT" po-check
	assert_output --regexp '^[0-9]+ translated messages\.$'
}

@test "po-check fails on a message without translation, a fuzzy one, and one left over" {
	cp "$CHAIN_ROOT/po/nl.po" nl.po
	# the sources as they are, and a new message: not translated
	printf 'void f(void) { chain_warnx("a new message %%d", 1); }\n' > new.c
	run -2 make -s -C "$CHAIN_ROOT" po-check POFILES="$PWD/nl.po" \
	    POSRC="\$(LIBSRC) \$(CMDSRC) $PWD/new.c"
	assert_output --partial 'a new message %d'
	refute_output --partial 'no longer in the sources'
	# translated, but fuzzy
	printf '\n#, fuzzy, c-format\nmsgid "a new message %%d"\nmsgstr "een nieuw bericht %%d"\n' >> nl.po
	run -2 make -s -C "$CHAIN_ROOT" po-check POFILES="$PWD/nl.po" \
	    POSRC="\$(LIBSRC) \$(CMDSRC) $PWD/new.c"
	assert_output --partial 'fuzzy'
	# a message that is a choice: xgettext sees its first branch only
	printf 'void g(int n) { chain_warnx(n ? "one %%d" : "two %%d", n); }\n' > choice.c
	run -2 make -s -C "$CHAIN_ROOT" po-check POFILES="$PWD/nl.po" \
	    POSRC="\$(LIBSRC) \$(CMDSRC) $PWD/new.c $PWD/choice.c"
	assert_output --partial "$PWD/choice.c:1: a message that is a choice (?:)"
	# a message pasted together with a macro: xgettext cuts it there
	printf 'void h(void) { fputs(_("default " CHAIN_STRING(N) ")"), stdout); }\n' > paste.c
	run -2 make -s -C "$CHAIN_ROOT" po-check POFILES="$PWD/nl.po" \
	    POSRC="\$(LIBSRC) \$(CMDSRC) $PWD/new.c $PWD/paste.c"
	assert_output --partial "$PWD/paste.c:1: a message pasted together with a macro"
	# and a translation the sources no longer need
	run -2 make -s -C "$CHAIN_ROOT" po-check POFILES="$PWD/nl.po"
	assert_output --partial 'no longer in the sources'
	assert_output --partial 'a new message %d'

}

@test "make install: the catalogue under share/locale, the Dutch pages under share/man/nl" {
	make -s -C "$CHAIN_ROOT" install DESTDIR="$PWD/dest" > make.log 2>&1
	dest=$PWD/dest/usr/local
	[ -f "$dest/share/locale/nl/LC_MESSAGES/chain-toolkit.mo" ]
	for page in chain-agree.1 chain-kpi.1 chain-survey.1 chain-report.1; do
		[ -f "$dest/share/man/nl/man1/$page" ]
	done
	[ -f "$dest/share/man/nl/man5/chain.5" ]
	[ -f "$dest/share/man/nl/man7/chain.7" ]
	# installed away from the tree, the program finds its catalogue
	# beside its bin/
	run -2 dutch "$dest/bin/chain-agree"
	assert_line --index 0 'chain-agree: een opdracht is verplicht'
	make -s -C "$CHAIN_ROOT" uninstall DESTDIR="$PWD/dest" > make.log 2>&1
	[ ! -e "$dest/share/locale/nl/LC_MESSAGES/chain-toolkit.mo" ]
	[ ! -e "$dest/share/man/nl/man1/chain-agree.1" ]
	[ ! -e "$dest/share/man/nl/man5/chain.5" ]
}
