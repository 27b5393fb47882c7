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

@test "chain-agree.1:727: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example chain-agree.1 727
}

@test "chain-agree.1:733: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example chain-agree.1 733
}

@test "chain-agree.1:739: chain-agree attendance --holidays examples/holidays.csv --as-..." {
	man_example chain-agree.1 739
}

@test "chain-agree.1:752: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example chain-agree.1 752
}

@test "chain-agree.1:757: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example chain-agree.1 757
}

@test "chain-agree.1:761: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example chain-agree.1 761
}

@test "chain-agree.1:768: chain-agree set -f agreements.csv A001 --done 2026-06-10 --co..." {
	man_example chain-agree.1 768
}

@test "chain-agree.1:769: chain-agree set -f agreements.csv A003 --announce 2026-06-18 ..." {
	man_example chain-agree.1 769
}

@test "chain-agree.1:775: chain-agree log -f agreements.csv A003 | cut -d, -f3-" {
	man_example chain-agree.1 775
}

@test "chain-agree.1:784: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example chain-agree.1 784
}

@test "chain-agree.1:802: chain-agree list --state not-made --as-of 2026-11-01 examples..." {
	man_example chain-agree.1 802
}

@test "chain-agree.1:811: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example chain-agree.1 811
}

@test "chain-kpi.1:631: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example chain-kpi.1 631
}

@test "chain-kpi.1:656: chain-kpi check --plan examples/plan.csv --baseline 12 --chan..." {
	man_example chain-kpi.1 656
}

@test "chain-kpi.1:663: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example chain-kpi.1 663
}

@test "chain-kpi.1:670: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example chain-kpi.1 670
}

@test "chain-kpi.1:677: chain-kpi handoffs examples/events.csv" {
	man_example chain-kpi.1 677
}

@test "chain-kpi.1:695: chain-kpi leadtime -q --from 'Police file' --to 'Prosecution ..." {
	man_example chain-kpi.1 695
}

@test "chain-kpi.1:709: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:511: cd examples" {
	man_example chain-report.1 511
}

@test "chain-report.1:512: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example chain-report.1 512
}

@test "chain-report.1:513: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example chain-report.1 513
}

@test "chain-report.1:514: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example chain-report.1 514
}

@test "chain-report.1:522: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example chain-report.1 522
}

@test "chain-report.1:524: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example chain-report.1 524
}

@test "chain-survey.1:718: chain-survey items" {
	man_example chain-survey.1 718
}

@test "chain-survey.1:719: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example chain-survey.1 719
}

@test "chain-survey.1:724: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 724
}

@test "chain-survey.1:730: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example chain-survey.1 730
}

@test "chain-survey.1:737: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example chain-survey.1 737
}

@test "chain-survey.1:748: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain-survey.1 748
}

@test "chain-survey.1:755: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 755
}

@test "chain.7:170: chain-agree status agreements.csv > status.csv" {
	man_example chain.7 170
}

@test "chain.7:171: chain-agree score agreements.csv > score.csv" {
	man_example chain.7 171
}

@test "chain.7:172: chain-kpi check --plan plan.csv measurements.csv > check.csv" {
	man_example chain.7 172
}

@test "chain.7:173: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example chain.7 173
}

@test "chain.7:174: chain-survey score --instrument trust survey-*.csv > trust.csv" {
	man_example chain.7 174
}

@test "chain.7:175: chain-survey matrix --instrument trust --wave 2026-11 survey-..." {
	man_example chain.7 175
}

@test "chain.7:177: chain-survey network --instrument trust --wave 2026-11 survey..." {
	man_example chain.7 177
}

@test "chain.7:179: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 179
}

@test "chain.7:181: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example chain.7 181
}

@test "chain.7:197: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example chain.7 197
}

@test "chain.7:202: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example chain.7 202
}

@test "chain.7:207: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 207
}

@test "chain.7:213: LANGUAGE=nl LANG=C.UTF-8 chain-kpi --help" {
	man_example chain.7 213
}

@test "nl/chain-agree.1:755: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example nl/chain-agree.1 755
}

@test "nl/chain-agree.1:761: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example nl/chain-agree.1 761
}

@test "nl/chain-agree.1:767: chain-agree attendance --holidays examples/holidays.csv --as-..." {
	man_example nl/chain-agree.1 767
}

@test "nl/chain-agree.1:780: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example nl/chain-agree.1 780
}

@test "nl/chain-agree.1:785: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example nl/chain-agree.1 785
}

@test "nl/chain-agree.1:789: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example nl/chain-agree.1 789
}

@test "nl/chain-agree.1:796: chain-agree set -f agreements.csv A001 --done 2026-06-10 --co..." {
	man_example nl/chain-agree.1 796
}

@test "nl/chain-agree.1:797: chain-agree set -f agreements.csv A003 --announce 2026-06-18 ..." {
	man_example nl/chain-agree.1 797
}

@test "nl/chain-agree.1:804: chain-agree log -f agreements.csv A003 | cut -d, -f3-" {
	man_example nl/chain-agree.1 804
}

@test "nl/chain-agree.1:814: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example nl/chain-agree.1 814
}

@test "nl/chain-agree.1:832: chain-agree list --state not-made --as-of 2026-11-01 examples..." {
	man_example nl/chain-agree.1 832
}

@test "nl/chain-agree.1:841: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example nl/chain-agree.1 841
}

@test "nl/chain-kpi.1:663: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example nl/chain-kpi.1 663
}

@test "nl/chain-kpi.1:689: chain-kpi check --plan examples/plan.csv --baseline 12 --chan..." {
	man_example nl/chain-kpi.1 689
}

@test "nl/chain-kpi.1:697: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example nl/chain-kpi.1 697
}

@test "nl/chain-kpi.1:704: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example nl/chain-kpi.1 704
}

@test "nl/chain-kpi.1:712: chain-kpi handoffs examples/events.csv" {
	man_example nl/chain-kpi.1 712
}

@test "nl/chain-kpi.1:731: chain-kpi leadtime -q --from 'Police file' --to 'Prosecution ..." {
	man_example nl/chain-kpi.1 731
}

@test "nl/chain-kpi.1:745: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "nl/chain-report.1:541: cd examples" {
	man_example nl/chain-report.1 541
}

@test "nl/chain-report.1:542: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example nl/chain-report.1 542
}

@test "nl/chain-report.1:543: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example nl/chain-report.1 543
}

@test "nl/chain-report.1:544: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example nl/chain-report.1 544
}

@test "nl/chain-report.1:552: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example nl/chain-report.1 552
}

@test "nl/chain-report.1:554: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example nl/chain-report.1 554
}

@test "nl/chain-survey.1:757: chain-survey items" {
	man_example nl/chain-survey.1 757
}

@test "nl/chain-survey.1:758: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example nl/chain-survey.1 758
}

@test "nl/chain-survey.1:763: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example nl/chain-survey.1 763
}

@test "nl/chain-survey.1:769: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example nl/chain-survey.1 769
}

@test "nl/chain-survey.1:776: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example nl/chain-survey.1 776
}

@test "nl/chain-survey.1:787: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example nl/chain-survey.1 787
}

@test "nl/chain-survey.1:794: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example nl/chain-survey.1 794
}

@test "nl/chain.7:176: chain-agree status agreements.csv > status.csv" {
	man_example nl/chain.7 176
}

@test "nl/chain.7:177: chain-agree score agreements.csv > score.csv" {
	man_example nl/chain.7 177
}

@test "nl/chain.7:178: chain-kpi check --plan plan.csv measurements.csv > check.csv" {
	man_example nl/chain.7 178
}

@test "nl/chain.7:179: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example nl/chain.7 179
}

@test "nl/chain.7:180: chain-survey score --instrument trust survey-*.csv > trust.csv" {
	man_example nl/chain.7 180
}

@test "nl/chain.7:181: chain-survey matrix --instrument trust --wave 2026-11 survey-..." {
	man_example nl/chain.7 181
}

@test "nl/chain.7:183: chain-survey network --instrument trust --wave 2026-11 survey..." {
	man_example nl/chain.7 183
}

@test "nl/chain.7:185: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example nl/chain.7 185
}

@test "nl/chain.7:187: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example nl/chain.7 187
}

@test "nl/chain.7:204: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example nl/chain.7 204
}

@test "nl/chain.7:210: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example nl/chain.7 210
}

@test "nl/chain.7:215: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example nl/chain.7 215
}

@test "nl/chain.7:222: LANGUAGE=nl LANG=C.UTF-8 chain-kpi --help" {
	man_example nl/chain.7 222
}

@test "README:39: make demo" {
	man_example README 39
}

@test "README:40: make check" {
	skip 'the test suite itself'
}

@test "README:49: make install PREFIX=/usr/local" {
	skip 'installs outside the test directory'
}

@test "README:51: make uninstall" {
	skip 'removes what make install put outside the test directory'
}

@test "README:52: make sanitize" {
	skip 'the test suite itself, on another build'
}

@test "README:53: make valgrind" {
	skip 'the test suite itself, under valgrind'
}

@test "README:54: make fuzz FUZZ_SECONDS=600" {
	skip 'minutes of fuzzing; .ci/run runs it'
}

@test "README:55: make bench" {
	skip 'the benchmark: minutes of work and peer tools'
}

@test "README:92: chain-agree list --state overdue,late examples/agreements.csv..." {
	man_example README 92
}

@test "README:97: chain-agree score --per month examples/agreements.csv" {
	man_example README 97
}

@test "README:102: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example README 102
}

@test "README:104: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example README 104
}

@test "README:121: chain-agree set -f agreements.csv A044 --announce 2026-11-30 ..." {
	man_example README 121
}

@test "README:127: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example README 127
}

@test "README:134: chain-agree attendance --as-of 2026-11-20 examples/meetings.csv" {
	man_example README 134
}

@test "README:143: chain-agree log -f agreements.csv A044" {
	man_example README 143
}

@test "README:151: chain-agree score --as-of 2026-06-01 examples/agreements.csv" {
	man_example README 151
}

@test "README:159: printf 'nr;wie;uiterlijkrnA1;OM;1-12-2026rn' > register.csv" {
	man_example README 159
}

@test "README:160: chain-agree status --column owner=wie --column due=uiterlijk ..." {
	man_example README 160
}

@test "README:169: printf 'nr;eigenaar;omschrijving;deadlinernA1;GEM;Overleg met..." {
	man_example README 169
}

@test "README:170: chain-agree status --as-of 2026-11-20 excel.csv" {
	man_example README 170
}

@test "README:171: chain-agree add -f excel.csv --owner OM --due 2026-12-18 --ti..." {
	man_example README 171
}

@test "README:182: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example README 182
}

@test "README:188: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example README 188
}

@test "README:190: chain-kpi handoffs examples/events.csv" {
	man_example README 190
}

@test "README:200: chain-kpi leadtime --unit workdays --holidays examples/holida..." {
	man_example README 200
}

@test "README:207: 0 7 * * MON  cd /srv/chain && chain-agree list --state overdu..." {
	man_example README 207
}

@test "README:214: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 214
}

@test "README:222: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example README 222
}

@test "README:224: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example README 224
}

@test "README:226: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example README 226
}

@test "README:234: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example README 234
}

@test "README:235: chain-agree reasons --by owner --as-of 2026-11-20 agreements...." {
	man_example README 235
}

@test "README:236: chain-kpi summary --plan plan.csv --changes changes.csv measu..." {
	man_example README 236
}

@test "README:238: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 238
}

@test "README:240: chain-report --chain 'Safety and care chain Oosterveld' --as-..." {
	man_example README 240
}

@test "README:254: 0 7 * * MON  cd /srv/chain && sh weekly.sh && chain-report --..." {
	man_example README 254
}

@test "README:259: chromium --headless --no-sandbox --print-to-pdf=report.pdf --..." {
	skip 'tests/browser.bats prints the report with Chromium'
}
