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

@test "chain-agree.1:718: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example chain-agree.1 718
}

@test "chain-agree.1:724: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example chain-agree.1 724
}

@test "chain-agree.1:730: chain-agree attendance --holidays examples/holidays.csv --as-..." {
	man_example chain-agree.1 730
}

@test "chain-agree.1:743: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example chain-agree.1 743
}

@test "chain-agree.1:748: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example chain-agree.1 748
}

@test "chain-agree.1:752: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example chain-agree.1 752
}

@test "chain-agree.1:759: chain-agree set -f agreements.csv A001 --done 2026-06-10 --co..." {
	man_example chain-agree.1 759
}

@test "chain-agree.1:760: chain-agree set -f agreements.csv A003 --announce 2026-06-18 ..." {
	man_example chain-agree.1 760
}

@test "chain-agree.1:766: chain-agree log -f agreements.csv A003 | cut -d, -f3-" {
	man_example chain-agree.1 766
}

@test "chain-agree.1:775: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example chain-agree.1 775
}

@test "chain-agree.1:793: chain-agree list --state not-made --as-of 2026-11-01 examples..." {
	man_example chain-agree.1 793
}

@test "chain-agree.1:802: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example chain-agree.1 802
}

@test "chain-kpi.1:622: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example chain-kpi.1 622
}

@test "chain-kpi.1:647: chain-kpi check --plan examples/plan.csv --baseline 12 --chan..." {
	man_example chain-kpi.1 647
}

@test "chain-kpi.1:654: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example chain-kpi.1 654
}

@test "chain-kpi.1:661: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example chain-kpi.1 661
}

@test "chain-kpi.1:668: chain-kpi handoffs examples/events.csv" {
	man_example chain-kpi.1 668
}

@test "chain-kpi.1:686: chain-kpi leadtime -q --from 'Police file' --to 'Prosecution ..." {
	man_example chain-kpi.1 686
}

@test "chain-kpi.1:700: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:502: cd examples" {
	man_example chain-report.1 502
}

@test "chain-report.1:503: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example chain-report.1 503
}

@test "chain-report.1:504: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example chain-report.1 504
}

@test "chain-report.1:505: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example chain-report.1 505
}

@test "chain-report.1:513: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example chain-report.1 513
}

@test "chain-report.1:515: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example chain-report.1 515
}

@test "chain-survey.1:712: chain-survey items" {
	man_example chain-survey.1 712
}

@test "chain-survey.1:713: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example chain-survey.1 713
}

@test "chain-survey.1:718: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 718
}

@test "chain-survey.1:724: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example chain-survey.1 724
}

@test "chain-survey.1:731: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example chain-survey.1 731
}

@test "chain-survey.1:742: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain-survey.1 742
}

@test "chain-survey.1:749: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 749
}

@test "chain.7:127: chain-agree status agreements.csv > status.csv" {
	man_example chain.7 127
}

@test "chain.7:128: chain-agree score agreements.csv > score.csv" {
	man_example chain.7 128
}

@test "chain.7:129: chain-kpi check --plan plan.csv measurements.csv > check.csv" {
	man_example chain.7 129
}

@test "chain.7:130: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example chain.7 130
}

@test "chain.7:131: chain-survey score --instrument trust survey-*.csv > trust.csv" {
	man_example chain.7 131
}

@test "chain.7:132: chain-survey matrix --instrument trust --wave 2026-11 survey-..." {
	man_example chain.7 132
}

@test "chain.7:134: chain-survey network --instrument trust --wave 2026-11 survey..." {
	man_example chain.7 134
}

@test "chain.7:136: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 136
}

@test "chain.7:138: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example chain.7 138
}

@test "chain.7:154: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example chain.7 154
}

@test "chain.7:159: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example chain.7 159
}

@test "chain.7:164: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 164
}

@test "README:39: make demo" {
	man_example README 39
}

@test "README:40: make check" {
	skip 'the test suite itself'
}

@test "README:48: make install PREFIX=/usr/local" {
	skip 'installs outside the test directory'
}

@test "README:49: make uninstall" {
	skip 'removes what make install put outside the test directory'
}

@test "README:50: make sanitize" {
	skip 'the test suite itself, on another build'
}

@test "README:51: make valgrind" {
	skip 'the test suite itself, under valgrind'
}

@test "README:52: make fuzz FUZZ_SECONDS=600" {
	skip 'minutes of fuzzing; .ci/run runs it'
}

@test "README:53: make bench" {
	skip 'the benchmark: minutes of work and peer tools'
}

@test "README:76: chain-agree list --state overdue,late examples/agreements.csv..." {
	man_example README 76
}

@test "README:81: chain-agree score --per month examples/agreements.csv" {
	man_example README 81
}

@test "README:86: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example README 86
}

@test "README:88: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example README 88
}

@test "README:105: chain-agree set -f agreements.csv A044 --announce 2026-11-30 ..." {
	man_example README 105
}

@test "README:111: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example README 111
}

@test "README:118: chain-agree attendance --as-of 2026-11-20 examples/meetings.csv" {
	man_example README 118
}

@test "README:127: chain-agree log -f agreements.csv A044" {
	man_example README 127
}

@test "README:135: chain-agree score --as-of 2026-06-01 examples/agreements.csv" {
	man_example README 135
}

@test "README:143: printf 'nr;wie;uiterlijkrnA1;OM;1-12-2026rn' > register.csv" {
	man_example README 143
}

@test "README:144: chain-agree status --column owner=wie --column due=uiterlijk ..." {
	man_example README 144
}

@test "README:153: printf 'nr;eigenaar;omschrijving;deadlinernA1;GEM;Overleg met..." {
	man_example README 153
}

@test "README:154: chain-agree status --as-of 2026-11-20 excel.csv" {
	man_example README 154
}

@test "README:155: chain-agree add -f excel.csv --owner OM --due 2026-12-18 --ti..." {
	man_example README 155
}

@test "README:166: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example README 166
}

@test "README:172: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example README 172
}

@test "README:174: chain-kpi handoffs examples/events.csv" {
	man_example README 174
}

@test "README:184: chain-kpi leadtime --unit workdays --holidays examples/holida..." {
	man_example README 184
}

@test "README:191: 0 7 * * MON  cd /srv/chain && chain-agree list --state overdu..." {
	man_example README 191
}

@test "README:198: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 198
}

@test "README:206: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example README 206
}

@test "README:208: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example README 208
}

@test "README:210: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example README 210
}

@test "README:218: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example README 218
}

@test "README:219: chain-agree reasons --by owner --as-of 2026-11-20 agreements...." {
	man_example README 219
}

@test "README:220: chain-kpi summary --plan plan.csv --changes changes.csv measu..." {
	man_example README 220
}

@test "README:222: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 222
}

@test "README:224: chain-report --chain 'Safety and care chain Oosterveld' --as-..." {
	man_example README 224
}

@test "README:238: 0 7 * * MON  cd /srv/chain && sh weekly.sh && chain-report --..." {
	man_example README 238
}

@test "README:243: chromium --headless --no-sandbox --print-to-pdf=report.pdf --..." {
	skip 'tests/browser.bats prints the report with Chromium'
}
