#!/usr/bin/env bats
# chain-report: inputs recognised by their header, the week, the Act ranking
# on a hand-made case, escaping of hostile text in every format, both
# languages, a self-contained HTML page, --actions, --fail-on and the
# browser rendering of the weekly report.

load test_helper/common

# A small week (2026-W47, as of Friday 2026-11-20): one agreement kept this
# week, one overdue without announcement, one coming up; two KPIs; a
# significant fall in trust between two waves.
week_inputs() {
	csv status.csv <<'EOF'
id,owner,counterpart,title,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise
A1,POL,OM,Send files,2026-11-18,2026-11-17,,,,kept,2026-11-18,0,0
A2,OM,POL,Decide,2026-11-10,,,,,overdue,2026-11-10,10,1
A3,GEM,*,Dashboard,2026-11-25,,,,,due-soon,2026-11-25,0,0
EOF
	csv summary.csv <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance
lt,Lead time,2026-W47,31,25,0,4,concern,fail
ftr,First time right,2026-W47,96,95,1,1,common,pass
EOF
	csv compare.csv <<'EOF'
partner,about,dimension,n_from,mean_from,n_to,mean_to,change,p,d
GEM,RvdK,*,10,3.8,12,3.3,-0.5,0.01,-0.9
POL,OM,*,10,3.5,12,3.4,-0.1,0.6,-0.1
EOF
}

# One small file of every kind the report knows.
all_kinds() {
	week_inputs
	csv check.csv <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
lt,2026-W45,27,25,0,28,22,34,none,
lt,2026-W46,27,25,0,28,22,34,none,
lt,2026-W47,31,25,0,28,22,34,none,
EOF
	csv score.csv <<'EOF'
partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability
OM,,4,1,0,1,2,0,0,0,3,0.25,0
POL,,2,2,0,0,0,0,0,0,0,1,
EOF
	csv matrix.csv <<'EOF'
owner,counterpart,agreements,reliability,reverse_agreements,balance
OM,POL,4,0.25,1,0.6
POL,OM,1,1,4,-0.6
EOF
	csv trust.csv <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
2026-05,GEM,,*,10,3.8,0.5,70,discuss,0
2026-11,GEM,,*,12,2.8,0.6,45,concern,0
2026-11,RECL,,*,,,,,,1
EOF
	csv tmatrix.csv <<'EOF'
partner,about,n,mean,index,reverse_mean,gap
POL,OM,8,4.1,77.5,2.9,1.2
OM,POL,7,2.9,47.5,4.1,-1.2
EOF
	csv tnetwork.csv <<'EOF'
partner,partners,ties,density,reciprocity,centralisation,in_degree,out_degree,trust_given,trust_received
,4,5,0.4167,0.8,0.3333,,,,
A,,,,,,2,2,3,3.1111
B,,,,,,1,2,4.5,2.8889
C,,,,,,1,0,1.6667,3.5
D,,,,,,1,1,3,2
EOF
	csv plan.csv <<'EOF'
kpi,name,unit,better,target,owner,combine
lt,Lead time,days,down,25,OM,mean
EOF
	csv partners.csv <<'EOF'
partner,name
OM,Public Prosecution Service
POL,Police district East
EOF
	csv signatures.csv <<'EOF'
partner,name,role,signed
POL,A. de Vries,District chief,2026-09-01
EOF
	csv changes.csv <<'EOF'
kpi,period,note
lt,2026-W46,Joint intake desk
EOF
}

@test "each kind of input is recognised by its header" {
	all_kinds
	for pair in status.csv:"chain-agree status" score.csv:"chain-agree score" \
	    matrix.csv:"chain-agree matrix" check.csv:"chain-kpi check" \
	    summary.csv:"chain-kpi summary" trust.csv:"chain-survey score" \
	    tmatrix.csv:"chain-survey matrix" compare.csv:"chain-survey compare" \
	    tnetwork.csv:"chain-survey network" plan.csv:plan \
	    partners.csv:partners signatures.csv:signatures \
	    changes.csv:"process changes"; do
		run -0 chain-report --as-of 2026-11-20 "${pair%%:*}"
		assert_output --partial "<footer><p>Sources: ${pair#*:}.</p></footer>"
	done
}

@test "a mix of files and standard input" {
	all_kinds
	run -0 bash -c 'chain-report --as-of 2026-11-20 status.csv - summary.csv < compare.csv'
	assert_output --partial 'Sources: chain-kpi summary, chain-agree status, chain-survey compare.'
	run -0 bash -c 'cat status.csv | chain-report --as-of 2026-11-20 --format txt'
	assert_output --partial 'A2  Decide'
}

@test "an unrecognised input is an error and writes no report" {
	all_kinds
	printf 'kpi,period,value\nlt,2026-W47,3\n' > measurements.csv
	run -3 chain-report --as-of 2026-11-20 -o out.html status.csv measurements.csv
	assert_output "chain-report: measurements.csv:1: not an output of chain-agree, chain-kpi, chain-survey or chain-report (nor a plan, partner list, signatures or changes file); its header is not known"
	[ ! -e out.html ]
	: > empty.csv
	run -3 chain-report empty.csv
	assert_output 'chain-report: empty.csv: empty input: no header row'
}

@test "the week: --week, --as-of, and the header saying which" {
	week_inputs
	run -0 chain-report --week 2026-W47 --format txt status.csv
	assert_line 'week 47 of 2026 · 2026-11-16 to 2026-11-22'
	run -0 chain-report --as-of 2026-11-16 --format txt status.csv
	assert_line 'week 47 of 2026 · 2026-11-16 to 2026-11-22'
	# the week of 2021-01-03 is 2020-W53
	run -0 chain-report --as-of 2021-01-03 --format md status.csv
	assert_line 'week 53 of 2020 · 2020-12-28 to 2021-01-03'
	run -0 chain-report --week 2026-W48 --format txt --chain Oosterveld status.csv
	assert_line 'Weekly chain report · week 48 of 2026 · 2026-11-23 to 2026-11-29'
	run -2 chain-report --week 2026-W47 --as-of 2026-11-20 status.csv
	run -2 chain-report --week 2026-11 status.csv
	assert_output --partial "--week: '2026-11' is not an ISO week"
	run -2 chain-report --week 2025-W53 status.csv
}

@test "Do: due, done, coming up and overdue in the week" {
	week_inputs
	run -0 chain-report --as-of 2026-11-20 --format txt status.csv
	assert_output --partial "Due this week
-------------

id  agreement   owner  to  due         state  days late
--  ----------  -----  --  ----------  -----  ---------
A1  Send files  POL    OM  2026-11-18  kept
"
	assert_output --partial "Coming up
---------

id  agreement  owner  to         due         state     days late
--  ---------  -----  ---------  ----------  --------  ---------
A3  Dashboard  GEM    the chain  2026-11-25  due-soon
"
	assert_output --partial "A2  Decide     OM     POL  2026-11-10  overdue         10"
}

@test "Act: ranked by weight, each with a question (hand-made case)" {
	week_inputs
	# concern 90; trust fell 0.5 points: 80 + 5 = 85; assurance fail 75;
	# overdue 10 days without announcement: 50 + 10 + 15 = 75, after
	# assurance because equal weights go by kind
	run -0 chain-report --as-of 2026-11-20 --actions actions.csv status.csv summary.csv compare.csv
	run -0 cat actions.csv
	assert_output - <<'EOF'
priority,area,subject,owner,message,question,since
1,concern,Lead time,,"Lead time: a special-cause concern in 2026-W47, 31 against a target of 25.","What changed in the process behind Lead time, and who will look into it with us?",2026-W47
2,trust,GEM → RvdK,RvdK,Trust of GEM in RvdK fell from 3.8 to 3.3 (p = 0.010).,"What has GEM experienced in working with RvdK lately, and what would restore confidence?",2026-W47
3,assurance,Lead time,,Lead time will not meet its target of 25 without a change to the process.,"Which change to the process would bring Lead time within reach of 25, and who takes it up?",2026-W47
4,overdue,A2 Decide,OM,OM promised 'Decide' to POL by 2026-11-10; it is 10 days overdue and was not announced.,"What would help OM complete 'Decide', and which new date can OM and POL agree on?",2026-W47
EOF
}

@test "Act: surprises, low trust, gaps and one-sided pairs" {
	all_kinds
	run -0 chain-report --as-of 2026-11-20 --actions actions.csv score.csv matrix.csv trust.csv tmatrix.csv
	run -0 cut -d, -f1-4 actions.csv
	# OM announced 0 of 3 deviations: 60 + 20 = 80; GEM's index 45 < 50:
	# 65; POL and OM rate each other 1.2 apart: 55; OM made 4 promises to
	# POL and got 1 back (balance 0.6): 40
	assert_output - <<'EOF'
priority,area,subject,owner
1,surprise,OM,OM
2,trust,GEM → the chain,
3,gap,POL ↔ OM,
4,balance,OM ↔ POL,
EOF
}

@test "Check: the trust network under the heat map, in every format and both languages" {
	all_kinds
	# the network of survey.bats's four partners: 5 of 12 ties (42%),
	# 4 of 5 returned (80%), centralisation 1/3 (33%); means to 1 decimal
	run -0 chain-report --as-of 2026-11-20 --format txt tmatrix.csv tnetwork.csv
	assert_output --partial "
Trust network
-------------

a tie where a partner's trust in another partner is at least the middle of the scale

4 partners and 5 ties: density 42%, reciprocity 80%, centralisation 33%.

density: the share of all possible ties; reciprocity: the share of ties returned; centralisation: how far trust gathers on one partner (0% evenly spread, 100% all on one)

partner  trusted by  trusts  trust given  trust received
-------  ----------  ------  -----------  --------------
A                 2       2          3.0             3.1
B                 1       2          4.5             2.9
C                 1       0          1.7             3.5
D                 1       1          3.0             2.0
"
	# under the heat map (the matrix), before the instrument's reliability
	[ "$(grep -n -e '^Mutual trust$' -e '^Trust network$' <<< "$output" | cut -d: -f2 | tr '\n' ,)" = 'Mutual trust,Trust network,' ]
	run -0 chain-report --as-of 2026-11-20 --format md --lang nl tnetwork.csv
	assert_output --partial "#### Vertrouwensnetwerk

een verbinding waar het vertrouwen van een partner in een andere partner minstens het midden van de schaal haalt

4 partners en 5 verbindingen: dichtheid 42%, wederkerigheid 80%, centralisatie 33%.

dichtheid: het deel van alle mogelijke verbindingen; wederkerigheid: het deel van de verbindingen dat wederzijds is; centralisatie: hoe sterk het vertrouwen bij één partner samenkomt (0% gelijk verdeeld, 100% alles bij één)

| partner | vertrouwd door | vertrouwt | gegeven vertrouwen | ontvangen vertrouwen |
| ------- | -------------: | --------: | -----------------: | -------------------: |
| A       |              2 |         2 |                3,0 |                  3,1 |
| B       |              1 |         2 |                4,5 |                  2,9 |
| C       |              1 |         0 |                1,7 |                  3,5 |
| D       |              1 |         1 |                3,0 |                  2,0 |
"
	run -0 chain-report --as-of 2026-11-20 --format md tnetwork.csv
	assert_output --partial '| B       |          1 |      2 |         4.5 |            2.9 |'
	run -0 chain-report --as-of 2026-11-20 --format txt --lang nl tnetwork.csv
	assert_output --partial '4 partners en 5 verbindingen: dichtheid 42%, wederkerigheid 80%, centralisatie 33%.'
	assert_output --partial 'C                     1          0                 1,7                   3,5'
	run -0 chain-report --as-of 2026-11-20 -o r.html tmatrix.csv tnetwork.csv
	grep -q '<p>4 partners and 5 ties: density 42%, reciprocity 80%, centralisation 33%.</p>' r.html
	grep -q '<tr><td><bdi>C</bdi></td><td class="n">1</td><td class="n">0</td><td class="n">1.7</td><td class="n">3.5</td></tr>' r.html
	grep -q '<thead><tr><th>partner</th><th class="n">trusted by</th>' r.html
	# in the page, after the heat map
	[ "$(grep -o '<svg class="chart heatmap"\|<h3>Trust network</h3>' r.html | tr '\n' ,)" = '<svg class="chart heatmap",<h3>Trust network</h3>,' ]
	run -0 chain-report --as-of 2026-11-20 --lang nl -o r.html tnetwork.csv
	grep -q '<h3>Vertrouwensnetwerk</h3>' r.html
	grep -q '<p>4 partners en 5 verbindingen: dichtheid 42%, wederkerigheid 80%, centralisatie 33%.</p>' r.html
	grep -q '<th class="n">ontvangen vertrouwen</th>' r.html
	grep -q '<td class="n">4,5</td>' r.html
	# a partner's code from the input is escaped like any other text
	printf 'partner,partners,ties,density,reciprocity,centralisation,in_degree,out_degree,trust_given,trust_received\n<b>X</b>,,,,,,1,0,3,\n' > evil.csv
	run -0 chain-report --as-of 2026-11-20 evil.csv
	assert_output --partial '<td><bdi>&lt;b&gt;X&lt;/b&gt;</bdi></td><td class="n">1</td><td class="n">0</td><td class="n">3.0</td><td class="n">–</td>'
}

@test "at a glance: hard and soft scores, now and a week before" {
	week_inputs
	# hard: lt misses its target and fails (0), ftr meets it and passes
	# (100): 50; a week before is not known: no history, and the
	# summary rows carry no value a week before for every KPI ('–').
	# soft: only reliability, A1 kept and A2 overdue: 50; a week before
	# (as of 2026-11-13) A1 was still due and A2 overdue: 0.
	run -0 chain-report --as-of 2026-11-20 --format txt status.csv summary.csv
	assert_line 'Hard score 50 (a week before –), soft score 50 (0).'
	assert_line 'Neither results nor relations are where the chain wants them.'
	run -0 chain-report --as-of 2026-11-20 --format txt --lang nl status.csv summary.csv
	assert_line 'Harde score 50 (een week eerder –), zachte score 50 (0).'
}

@test "hostile text is escaped in every format" {
	printf '%s\n' 'id,owner,counterpart,title,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise' \
	    "X1,<b>P</b>,\"Q&A\",\"<script>alert(\"\"x\"\")</script> & 'y' \`z\` *w* [l](http://e.x)\",2026-11-10,,,,,overdue,2026-11-10,10,1" > evil.csv
	printf 'X2,OM,POL,\033[31mred\033]0;t\007,2026-11-10,,,,,overdue,2026-11-10,10,1\n' >> evil.csv
	run -0 chain-report --as-of 2026-11-20 evil.csv
	refute_output --partial '<script'
	refute_output --partial '<b>P'
	assert_output --partial '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;'
	assert_output --partial '&lt;b&gt;P&lt;/b&gt;'
	assert_output --partial 'Q&amp;A'
	refute_output --partial $'\033'
	run -0 chain-report --as-of 2026-11-20 --format md evil.csv
	assert_output --partial "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'y' \\\`z\\\` \\*w\\* \\[l\\](http://e.x)"
	assert_output --partial '&lt;b&gt;P&lt;/b&gt;'
	refute_output --partial '<script'
	refute_output --partial $'\033'
	run -0 chain-report --as-of 2026-11-20 --format txt evil.csv
	refute_output --partial $'\033'
	refute_output --partial $'\007'
	# ESC and BEL: U+FFFD each, so the title keeps its width
	assert_line 'X2  �[31mred�]0;t�                                             OM        POL  2026-11-10  overdue         10'
	run -0 chain-report --as-of 2026-11-20 --actions a.csv --format txt evil.csv
	run -0 cat a.csv
	assert_line --index 1 --partial "1,overdue,\"X1 <script>alert(\"\"x\"\")</script> & 'y'"
}

@test "input that is not UTF-8 is Windows-1252, as Excel saves it" {
	printf 'partner,name\nOM,Openbaar Minist\xe9rie\n' > latin1.csv
	run -0 --separate-stderr chain-report --as-of 2026-11-20 latin1.csv
	assert_output --partial 'Openbaar Ministérie'
	[ "$stderr" = "chain-report: latin1.csv:2: warning: not UTF-8 (byte 0xE9), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)" ]
}

@test "Dutch and English labels" {
	all_kinds
	run -0 chain-report --lang nl --as-of 2026-11-20 status.csv summary.csv check.csv compare.csv plan.csv
	assert_output --partial '<html lang="nl">'
	assert_output --partial 'In één oogopslag'
	assert_output --partial 'Plan: het ketenplan'
	assert_output --partial 'Do: afspraken deze week'
	assert_output --partial 'Check: resultaten en relaties'
	assert_output --partial 'Act: wat aandacht vraagt'
	assert_output --partial 'Vragen voor het ketenoverleg'
	assert_output --partial 'Wat is er veranderd in het proces achter Lead time'
	refute_output --partial 'At a glance'
	refute_output --partial 'What '
	run -0 chain-report --lang nl --as-of 2026-11-20 --format txt status.csv summary.csv compare.csv
	assert_output --partial '2. [vertrouwen] Het vertrouwen van GEM in RvdK is gedaald van 3,8 naar 3,3 (p = 0,010).'
	assert_output --partial '   Wat heeft GEM de laatste tijd ervaren in de samenwerking met RvdK, en wat is er nodig om het vertrouwen te herstellen?'
	# Dutch as it is written: dates, 'uiterlijk' (on or before), no 'zorg'
	# for a concern (in a care chain it reads as care), no anglicisms
	assert_output --partial 'week 47 van 2026 · 16 november 2026 t/m 22 november 2026'
	assert_output --partial 'toegezegd aan'
	assert_output --partial "'Decide' toegezegd aan POL, uiterlijk 10 november 2026; dat is 10 dagen"
	refute_output --regexp 'vóór|deadline|waardeert|[Zz]org( |punt)'
	run -0 chain-report --lang en --as-of 2026-11-20 status.csv
	assert_output --partial '<html lang="en">'
	assert_output --partial 'At a glance'
	run -2 chain-report --lang de status.csv
}

# Two KPIs over six weeks; the process behind the lead time changed in
# week 45 (its limits start anew there), a new case system changed every
# KPI in week 47; one change names a KPI the report has not, one lies
# after the report's date.
changes_inputs() {
	csv check.csv <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
lt,2026-W42,40,30,0,41,35,47,none,
lt,2026-W43,42,30,0,41,35,47,none,
lt,2026-W44,41,30,0,41,35,47,none,
lt,2026-W45,31,30,0,30.5,27,34,none,
lt,2026-W46,30,30,1,30.5,27,34,none,
lt,2026-W47,29,30,1,30,29,31,none,
cost,2026-W42,10,,,10,8,12,none,
cost,2026-W43,11,,,10,8,12,none,
cost,2026-W44,9,,,10,8,12,none,
cost,2026-W45,10,,,10,8,12,none,
cost,2026-W46,11,,,10,8,12,none,
cost,2026-W47,9,,,9,9,9,none,
EOF
	csv plan.csv <<'EOF'
kpi,name,unit,better,target
lt,Lead time,days,down,30
cost,Cost per case,euro,down,
EOF
	csv changes.csv <<'EOF'
kpi,period,note
lt,2026-W45,Joint intake desk & triage of <every> report
*,2026-W47,New case system
typo,2026-W45,Never drawn
lt,2026-W49,Not yet
EOF
}

@test "process changes: on their KPI's chart with the note, in html, md and txt" {
	changes_inputs
	run -0 --separate-stderr chain-report --as-of 2026-11-20 -o r.html check.csv plan.csv changes.csv
	assert_equal "$stderr" "chain-report: warning: changes.csv:4: kpi 'typo' is in none of the report's inputs: its change of 2026-W45 is not shown"
	# six points 60 px apart from x 44: the lead time's limits start anew
	# between W44 (x 164) and W45 (x 224), at x 194, and between W46 and W47
	# at x 314; the cost per case has only the change of every KPI
	run -0 grep -o '<line x1="[0-9.]*" x2="[0-9.]*" y1="12" y2="128" stroke="#17607d"[^>]*><title>[^<]*</title></line><text[^>]*>[0-9]</text>' r.html
	assert_output - <<'EOF'
<line x1="194.0" x2="194.0" y1="12" y2="128" stroke="#17607d" stroke-width="1" stroke-dasharray="3 2"><title>2026-W45: Joint intake desk &amp; triage of &lt;every&gt; report</title></line><text x="196.0" y="19" font-size="7" fill="#17607d">1</text>
<line x1="314.0" x2="314.0" y1="12" y2="128" stroke="#17607d" stroke-width="1" stroke-dasharray="3 2"><title>2026-W47: New case system</title></line><text x="316.0" y="19" font-size="7" fill="#17607d">2</text>
<line x1="314.0" x2="314.0" y1="12" y2="128" stroke="#17607d" stroke-width="1" stroke-dasharray="3 2"><title>2026-W47: New case system</title></line><text x="316.0" y="19" font-size="7" fill="#17607d">1</text>
EOF
	run -0 grep -oP '<p class="change">.*?</p></figure>' r.html
	assert_output - <<'EOF'
<p class="change"><b>1</b> process change 2026-W45: <bdi>Joint intake desk &amp; triage of &lt;every&gt; report</bdi></p><p class="change"><b>2</b> process change 2026-W47: <bdi>New case system</bdi></p></figure>
<p class="change"><b>1</b> process change 2026-W47: <bdi>New case system</bdi></p></figure>
EOF
	grep -q '</svg> a process change: the limits start anew (numbered, its reason under the chart)</p>' r.html
	! grep -q 'Not yet' r.html
	! grep -q 'Never drawn' r.html
	run -0 chain-report -q --as-of 2026-11-20 --format txt check.csv plan.csv changes.csv
	assert_line 'Process change of Lead time in 2026-W45: Joint intake desk & triage of <every> report'
	assert_line 'Process change of every KPI in 2026-W47: New case system'
	refute_output --partial 'Not yet'
	run -0 chain-report -q --as-of 2026-11-20 --format md check.csv plan.csv changes.csv
	assert_line 'Process change of Lead time in 2026-W45: Joint intake desk &amp; triage of &lt;every&gt; report  '
	assert_line 'Process change of every KPI in 2026-W47: New case system'
	# without a changes file, nothing of it
	run -0 chain-report --as-of 2026-11-20 check.csv plan.csv
	refute_output --partial 'class="change"'
	refute_output --partial 'a process change'
}

@test "process changes in Dutch: proceswijziging, in every format" {
	changes_inputs
	run -0 chain-report -q --lang nl --as-of 2026-11-20 check.csv plan.csv changes.csv
	assert_output --partial '<p class="change"><b>1</b> proceswijziging 2026-W45: <bdi>Joint intake desk &amp; triage of &lt;every&gt; report</bdi></p>'
	assert_output --partial '</svg> een proceswijziging: de grenzen beginnen opnieuw (genummerd, de reden onder de grafiek)</p>'
	run -0 chain-report -q --lang nl --as-of 2026-11-20 --format txt check.csv plan.csv changes.csv
	assert_line 'Proceswijziging bij Lead time in 2026-W45: Joint intake desk & triage of <every> report'
	assert_line "Proceswijziging bij alle KPI's in 2026-W47: New case system"
	run -0 chain-report -q --lang nl --as-of 2026-11-20 --format md check.csv plan.csv changes.csv
	assert_line "Proceswijziging bij alle KPI's in 2026-W47: New case system"
	# a change without its reason is refused, as chain-kpi refuses it
	printf 'kpi,period,note\nlt,2026-W45,\n' > bare.csv
	run -3 chain-report --as-of 2026-11-20 check.csv bare.csv
	assert_output --partial 'chain-report: bare.csv:2: note: missing value: a process change is recorded with its reason'
}

@test "the relay view: where files come back, in every format and both languages" {
	# OM hands 40 cases to POL, 12 of them back to POL, which had them
	# before (a file sent back for completion); the longest p90 first
	csv handoffs.csv <<'EOF'
from,to,handoffs,median_wait,p90_wait,mean_wait,returns
OM,POL,40,4,9.5,5,12
POL,OM,100,2,4,2.5,0
EOF
	run -0 chain-report --as-of 2026-11-20 --format txt handoffs.csv
	assert_output --partial 'per handoff between two partners, the worst first; sent back: handed to a partner that had the case before'
	assert_line 'from  to whom  handoffs  median wait (days)  p90 wait (days)  sent back'
	assert_line 'OM    POL            40                 4.0              9.5         12'
	assert_line 'POL   OM            100                 2.0              4.0          0'
	run -0 chain-report --as-of 2026-11-20 --format md handoffs.csv
	assert_line '| from | to whom | handoffs | median wait (days) | p90 wait (days) | sent back |'
	assert_line '| OM   | POL     |       40 |                4.0 |             9.5 |        12 |'
	run -0 chain-report --as-of 2026-11-20 --lang nl --format txt handoffs.csv
	assert_output --partial 'per overdracht tussen twee partners, de langste wachttijd eerst; teruggestuurd: overgedragen aan een partner die de zaak al eerder had'
	assert_line 'van  naar  overdrachten  mediane wachttijd (dagen)  p90-wachttijd (dagen)  teruggestuurd'
	assert_line 'OM   POL             40                        4,0                    9,5             12'
	run -0 chain-report --as-of 2026-11-20 --lang nl --format md handoffs.csv
	assert_line '| OM  | POL  |           40 |                       4,0 |                   9,5 |            12 |'
	# html: a column at the right of the bars, a pair with returns in bold
	run -0 chain-report --as-of 2026-11-20 handoffs.csv
	assert_output --partial '<p class="muted">per handoff between two partners, the worst first; sent back: handed to a partner that had the case before</p>'
	assert_output --partial '<text x="556" y="11" font-size="8" text-anchor="end">sent back</text>'
	assert_output --partial '<text x="556" y="31" font-size="8.5" text-anchor="end" font-weight="bold">12</text>'
	assert_output --partial '<text x="556" y="51" font-size="8.5" text-anchor="end">0</text>'
	run -0 chain-report --as-of 2026-11-20 --lang nl handoffs.csv
	assert_output --partial 'text-anchor="end">teruggestuurd</text>'
	assert_output --partial 'teruggestuurd: overgedragen aan een partner die de zaak al eerder had</p>'
	# a handoffs file from before the column: no column, no legend
	cut -d, -f1-6 handoffs.csv > old.csv
	run -0 chain-report --as-of 2026-11-20 --format txt old.csv
	assert_line 'from  to whom  handoffs  median wait (days)  p90 wait (days)'
	refute_output --partial 'sent back'
	run -0 chain-report --as-of 2026-11-20 old.csv
	assert_output --partial '<svg class="chart relay"'
	refute_output --partial 'sent back'
	printf 'from,to,handoffs,median_wait,p90_wait,mean_wait,returns\nOM,POL,4,1,1,1,1.5\n' > bad.csv
	run -3 chain-report --as-of 2026-11-20 bad.csv
	assert_output "chain-report: bad.csv:2: returns: '1.5' is not a count"
}

@test "HTML: self-contained, no scripts or external references, one chart per KPI" {
	all_kinds
	run -0 chain-report --as-of 2026-11-20 -o r.html status.csv score.csv check.csv plan.csv tmatrix.csv
	run -1 grep -ciE '<script|src=|href=|@import|https?:|<link|<iframe|<object' r.html
	assert_output 0
	[ "$(grep -o '<svg class="chart quadrant"' r.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart xmr"' r.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart bars"' r.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart heatmap"' r.html | wc -l)" -eq 1 ]
	grep -q '@page{size:A4' r.html
	grep -q 'section.page{break-before:page}' r.html
}

@test "--actions: columns, and --excel for Dutch Excel" {
	week_inputs
	run -0 chain-report --as-of 2026-11-20 --actions a.csv --excel -o r.html status.csv
	printf "\xef\xbb\xbfpriority;area;subject;owner;message;question;since\r\n1;overdue;A2 Decide;OM;\"OM promised 'Decide' to POL by 2026-11-10; it is 10 days overdue and was not announced.\";What would help OM complete 'Decide', and which new date can OM and POL agree on?;2026-W47\r\n" > want.csv
	cmp want.csv a.csv
	run -0 head -c 15 r.html
	assert_output '<!DOCTYPE html>'
}

@test "--fail-on: exit 1 when the Act list holds such a kind" {
	week_inputs
	run -1 chain-report --as-of 2026-11-20 --fail-on concern -o r.html status.csv summary.csv
	[ -s r.html ]
	run -1 chain-report --as-of 2026-11-20 --fail-on overdue,gap -o r.html status.csv
	run -0 chain-report --as-of 2026-11-20 --fail-on concern,gap,balance -o r.html status.csv
	run -1 chain-report --as-of 2026-11-20 --fail-on any -o r.html status.csv
	run -0 chain-report --as-of 2026-11-20 --fail-on any -o r.html summary.csv compare.csv --fail-on balance
	run -2 chain-report --fail-on panic status.csv
	assert_output --partial "--fail-on: unknown kind 'panic'"
}

@test "txt: sparklines stand in for the charts" {
	all_kinds
	run -0 chain-report --as-of 2026-11-20 --format txt check.csv plan.csv
	# 27, 27, 31 between 27 and 31: the lowest, the lowest, the highest bar
	assert_output --partial 'Lead time  2026-W47     31      25       4  common     hit-and-miss  ▁▁█'
}

@test "usage and files: --help, --version, bad option, missing file, full disk" {
	week_inputs
	run -0 chain-report --help
	assert_line --index 0 --partial 'usage: chain-report'
	run -0 chain-report --version
	assert_output --regexp '^chain-report [0-9.]+$'
	run -2 chain-report --bogus
	run -2 chain-report --format pdf status.csv
	run -4 chain-report nosuch.csv
	assert_output 'chain-report: nosuch.csv: No such file or directory'
	run -4 bash -c 'chain-report status.csv > /dev/full'
	run -4 chain-report -o /nonexistent/r.html status.csv
	run -4 chain-report --actions /nonexistent/a.csv status.csv
}

@test "Dutch Excel input: ';', decimal comma, BOM, CRLF" {
	printf '\xef\xbb\xbfkpi;name;period;value;target;met;change;variation;assurance\r\nlt;Doorlooptijd;2026-W47;31,5;25;0;4,5;concern;fail\r\n' > nl.csv
	run -0 chain-report --as-of 2026-11-20 --format txt nl.csv
	assert_output --partial 'Doorlooptijd  2026-W47   31.5      25     4.5  concern    fail'
}

@test "man page examples: chain-report(1) and the whole week of chain(7)" {
	cp -r "$EXAMPLES" ex
	cd ex
	chain-agree status --as-of 2026-11-20 agreements.csv > status.csv
	chain-agree score --as-of 2026-11-20 agreements.csv > score.csv
	run -0 chain-report --chain 'Safety chain Oosterveld' --as-of 2026-11-20 \
	    -o report.html --actions actions.csv status.csv score.csv partners.csv
	grep -q '<h1><bdi>Safety chain Oosterveld</bdi></h1>' report.html
	[ "$(head -1 actions.csv)" = 'priority,area,subject,owner,message,question,since' ]
	run -0 chain-report --format md --lang nl -o report.md status.csv score.csv partners.csv
	grep -q '^### In één oogopslag' report.md
	run -1 chain-report --format txt --fail-on overdue --as-of 2026-11-20 status.csv
	assert_output --partial '[overdue] GEM promised'
	# chain(7)
	chain-agree status agreements.csv > status.csv
	chain-agree score agreements.csv > score.csv
	chain-kpi check --plan plan.csv measurements.csv > check.csv
	chain-kpi summary --plan plan.csv measurements.csv > summary.csv
	chain-survey score --instrument trust survey-*.csv > trust.csv
	chain-survey matrix --instrument trust --wave 2026-11 survey-*.csv > mutual.csv
	chain-survey network --instrument trust --wave 2026-11 survey-*.csv > network.csv
	chain-survey compare --instrument trust --from 2026-05 --to 2026-11 survey-*.csv > change.csv
	run -0 chain-report --chain 'Safety chain' -o report.html --actions actions.csv \
	    status.csv score.csv check.csv summary.csv trust.csv mutual.csv network.csv \
	    change.csv plan.csv partners.csv
	[ "$(grep -o '<svg class="chart ' report.html | wc -l)" -eq 7 ]
	grep -q '<p>6 partners and 15 ties: density 50%, reciprocity 80%, centralisation 36%.</p>' report.html
}

@test "bad input: a count that is no whole number (found by fuzzing)" {
	printf 'partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability\nOM,,1e30,1,0,0,0,0,0,0,-1,1,\n' > s.csv
	run -3 chain-report s.csv
	assert_output "chain-report: s.csv:2: total: '1e30' is not a count
chain-report: s.csv:2: surprises: '-1' is not a count"
}

@test "a plan with a KPI twice: the later row wins, nothing leaks (found by fuzzing)" {
	printf 'kpi,name,unit,better,target,owner\nlt,Lead,days,down,25,OM\nlt,Lead time,weeks,down,4,POL\n' > plan.csv
	run -0 chain-report --format txt --as-of 2026-11-20 plan.csv
	assert_output --partial 'lt   Lead time  down         4  POL'
}

@test "a KPI from check rows: no change when the week before has no point" {
	# the check rows of lt (better down, target 35) with week 45 missing;
	# the report's week is 2026-W46 (9 to 15 November)
	csv check.csv <<'EOF2'
kpi,period,value,target,met,mean,lower,upper,signal,rule
lt,2026-W42,35,35,1,35.75,22.45,49.05,,
lt,2026-W43,38,35,0,35.75,22.45,49.05,,
lt,2026-W44,40,35,0,35.75,22.45,49.05,,
lt,2026-W46,30,35,1,35.75,22.45,49.05,,
EOF2
	printf 'kpi,name,better,target\nlt,Lead time,down,35\n' > plan.csv
	# change: none, as chain-kpi summary has it (not 30 - 40 = -10).
	# hard score: 30 meets 35 (50) and 35 lies within 22.45..49.05, hit
	# and miss (25): 75; without a change there is no value a week
	# before, so the score a week before is not known
	run -0 chain-report --as-of 2026-11-13 --format txt check.csv plan.csv
	assert_line 'Lead time  2026-W46     30      35       –             hit-and-miss  ▄▇█▁'
	assert_line 'Hard score 75 (a week before –), soft score – (–).'
	run -0 chain-report --as-of 2026-11-13 --format md check.csv plan.csv
	assert_line '| Lead time | 2026-W46 |    30 |     35 |      – |           | hit-and-miss | ▄▇█▁ |'
	# with week 45 at 36: change 30 - 36 = -6; a week before, 36 missed
	# 35 (0) with the same hit and miss (25): 25
	csv check.csv <<'EOF2'
kpi,period,value,target,met,mean,lower,upper,signal,rule
lt,2026-W44,40,35,0,35.8,25.825,45.775,,
lt,2026-W45,36,35,0,35.8,25.825,45.775,,
lt,2026-W46,30,35,1,35.8,25.825,45.775,,
EOF2
	run -0 chain-report --as-of 2026-11-13 --format txt check.csv plan.csv
	assert_line --partial 'Lead time  2026-W46     30      35      -6'
	assert_line 'Hard score 75 (a week before 25), soft score – (–).'
}

@test "-o and --actions: both files are written, or neither is replaced" {
	week_inputs
	echo 'last week' > act.csv
	echo 'last week' > r.html
	echo 'a file' > notadir
	# the report cannot be written: the Act list stays as it was
	run -4 chain-report --as-of 2026-11-20 -o /dev/full --actions act.csv status.csv
	assert_output 'chain-report: /dev/full: write error: No space left on device'
	run -4 bash -c 'chain-report --as-of 2026-11-20 --actions act.csv status.csv > /dev/full'
	run -4 chain-report --as-of 2026-11-20 -o notadir/r.html --actions act.csv status.csv
	assert_output 'chain-report: notadir/r.html: Not a directory'
	[ "$(cat act.csv)" = 'last week' ]
	# the Act list cannot be written: the report stays as it was
	run -4 chain-report --as-of 2026-11-20 -o r.html --actions /dev/full status.csv
	assert_output 'chain-report: /dev/full: write error: No space left on device'
	run -4 chain-report --as-of 2026-11-20 -o r.html --actions notadir/a.csv status.csv
	assert_output 'chain-report: notadir/a.csv: Not a directory'
	[ "$(cat r.html)" = 'last week' ]
	# bad input: neither
	printf 'kpi,period,value\nlt,2026-W47,3\n' > measurements.csv
	run -3 chain-report --as-of 2026-11-20 -o r.html --actions act.csv status.csv measurements.csv
	[ "$(cat act.csv)" = 'last week' ] && [ "$(cat r.html)" = 'last week' ]
	# no temporary file is left behind
	run -0 ls -A
	assert_output - <<'LS'
act.csv
compare.csv
measurements.csv
notadir
r.html
status.csv
summary.csv
LS
	# a good run replaces both; --fail-on finding something is a good run
	run -1 chain-report --as-of 2026-11-20 --fail-on overdue -o r.html --actions act.csv status.csv
	run -0 head -c 15 r.html
	assert_output '<!DOCTYPE html>'
	run -0 sed -n 2p act.csv
	assert_output --partial '1,overdue,A2 Decide,OM,'
}

# A chain of 30 partners (tests/gen-chain.sh): the report's charts.
big_chain() {
	sh "$CHAIN_ROOT/tests/gen-chain.sh" 30 .
	chain-agree status --as-of 2026-11-20 -o st.csv agreements.csv
	chain-agree score --as-of 2026-11-20 -o sc.csv agreements.csv
	chain-survey score --instrument trust -o ss.csv survey-2026-05.csv survey-2026-11.csv
	chain-survey matrix --instrument trust --wave 2026-11 -o sm.csv survey-2026-05.csv survey-2026-11.csv
	chain-survey compare --instrument trust --from 2026-05 --to 2026-11 -o sp.csv survey-2026-05.csv survey-2026-11.csv
}

@test "30 partners: every chart within A4's 718 px, the heat map whole, ten Act points" {
	big_chain
	run -0 chain-report --as-of 2026-11-20 --actions act.csv -o r.html st.csv sc.csv ss.csv sm.csv sp.csv partners.csv
	# SPEC 5: every <svg> states its width in px, at most 718
	grep -o '<svg[^>]*>' r.html > svgs
	[ "$(grep -c . svgs)" -gt 3 ]
	run -1 grep -v 'width="[0-9]*"' svgs
	[ "$(grep -o 'width="[0-9]*"' svgs | tr -dc '0-9\n' | sort -n | tail -1)" -le 718 ]
	grep -q '<svg class="chart heatmap" width="7[01][0-9]"' r.html
	# all 30 partners in the heat map, each with a tooltip
	[ "$(grep -o '<title>P01 → P[0-9]*: ' r.html | wc -l)" -eq 29 ]
	[ "$(grep -o '<title>P01 → P[0-9]*: [0-9]' r.html | wc -l)" -eq 8 ]
	grep -q 'P30</text>' r.html
	# its legend, repeated table headers, the first ten Act points
	grep -q 'strength (4.0 or more)' r.html
	grep -q '<thead><tr><th>partner</th>' r.html
	[ "$(grep -o '<li>' r.html | wc -l)" -eq 10 ]
	n=$(($(wc -l < act.csv) - 11))
	[ "$n" -gt 0 ]
	grep -q "$n more points are not shown here; the Act list as CSV (--actions) has them all." r.html
	run -0 chain-report --as-of 2026-11-20 --top 3 --format txt st.csv sc.csv
	assert_line --regexp '^3\. '
	refute_line --regexp '^4\. '
	run -2 chain-report --top 0 st.csv
}

@test "rounded for people: days to 0.1, shares as percentages, Dutch dimension names" {
	{
		echo 'kpi,name,unit,better,target,baseline,owner'
		echo 'lt,Lead time,days,down,30.04,42,OM'
		echo 'ftr,First time right,share,up,0.95,0.82,POL'
	} > plan.csv
	run -0 chain-report --as-of 2026-11-20 --format txt plan.csv
	assert_line --regexp '^lt +Lead time +down +30 +OM$'
	assert_line --regexp '^ftr +First time right +up +95% +POL$'
	sh "$CHAIN_ROOT/tests/gen-chain.sh" 6 .
	chain-survey score --instrument trust -o ss.csv survey-2026-11.csv
	run -0 chain-report --lang nl --as-of 2026-11-20 --format txt ss.csv
	assert_output --partial 'bespreekbaar maken'
	refute_output --partial 'raising-issues'
	run -0 chain-survey items --instrument trust --lang nl
	assert_line --index 1 'T01,afspraken,Deze partner komt de afspraken met ons na.,0,1,5'
}

@test "Act rounds a KPI's values and limits by its unit, and writes dates as the reader does" {
	csv plan.csv <<'EOF2'
kpi,name,unit,better,target
lt,Lead time,days,down,25
EOF2
	csv check.csv <<'EOF2'
kpi,period,value,target,met,mean,lower,upper,signal,rule
lt,2026-W45,27.25,25,0,28.3333,26.04,30.6267,none,
lt,2026-W46,29.75,25,0,28.3333,26.04,30.6267,none,
lt,2026-W47,28,25,0,28.3333,26.04,30.6267,none,
EOF2
	csv summary.csv <<'EOF2'
kpi,name,period,value,target,met,change,variation,assurance
lt,Lead time,2026-W47,28,25,0,-1.75,common,fail
EOF2
	# limits 26.04 and 30.6267 days, to 0.1 day: 26 and 30.6
	run -0 chain-report --as-of 2026-11-20 --format txt plan.csv check.csv summary.csv
	assert_output --partial 'it varies between 26 and 30.6.'
	refute_output --partial '30.6267'
	run -0 chain-report --lang nl --as-of 2026-11-20 --format txt plan.csv check.csv summary.csv
	assert_output --partial 'de waarde schommelt tussen 26 en 30,6.'
}

@test "md: a column of escaped text lines up (found in the demo's KPI table)" {
	printf 'kpi,period,value,target,met,mean,lower,upper,signal,rule\nx_y*z<a,2026-W47,3,,,3,1,5,none,\nab,2026-W47,3,,,3,1,5,none,\n' > c.csv
	run -0 chain-report --as-of 2026-11-20 --format md c.csv
	assert_line '| x\_y\*z&lt;a | 2026-W47 |     3 |      – |      – | common    |           | ▄   |'
	assert_line '| ab           | 2026-W47 |     3 |      – |      – | common    |           | ▄   |'
}

@test "the signed plan: who signed and when in Plan, Act asks who has not, in every format and both languages" {
	csv signatures.csv <<'EOF2'
partner,name,role,signed
POL,A. de Vries,District chief,2026-09-01
OM,B. Jansen,Chief prosecutor,2026-12-15
GEM,C. Bakker,Alderman,
GEM,D. Smit,Municipal secretary,2026-10-02
EOF2
	printf 'partner,name\nPOL,Police\nOM,Prosecution\nGEM,Municipality\nZORG,Care\n' > partners.csv
	# signed as of 2026-11-20: POL and GEM (D. Smit); OM signs in December,
	# ZORG has no row: 2 of 4, and two Act points, OM before ZORG
	run -0 chain-report --as-of 2026-11-20 --format txt --actions a.csv signatures.csv partners.csv
	assert_output --partial '
Signed by the partners
----------------------

2 of 4 partners have signed the chain plan.

partner  signed by    role                 signed
-------  -----------  -------------------  ----------
GEM      D. Smit      Municipal secretary  2026-10-02
GEM      C. Bakker    Alderman             not yet
OM       B. Jansen    Chief prosecutor     not yet
POL      A. de Vries  District chief       2026-09-01
ZORG                                       not yet
'
	assert_output --partial '1. [signature] OM has not signed the chain plan yet.
   What does OM need to sign the chain plan?
2. [signature] ZORG has not signed the chain plan yet.'
	run -0 cut -d, -f1-4 a.csv
	assert_output - <<'EOF2'
priority,area,subject,owner
1,signature,OM,OM
2,signature,ZORG,ZORG
EOF2
	run -0 chain-report --as-of 2026-11-20 --format md --lang nl signatures.csv partners.csv
	assert_output --partial '#### Ondertekening door de partners'
	assert_output --partial '2 van de 4 partners hebben het ketenplan ondertekend.'
	assert_line '| GEM     | D. Smit          | Municipal secretary | 02-10-2026  |'
	assert_line '| ZORG    |                  |                     | nog niet    |'
	assert_output --partial '**ondertekening** OM heeft het ketenplan nog niet ondertekend.'
	assert_output --partial '*Wat heeft OM nodig om het ketenplan te ondertekenen?*'
	for lang in en nl; do
		run -0 chain-report --as-of 2026-11-20 --lang $lang signatures.csv partners.csv
		assert_output --partial '<table class="signatures">'
		assert_output --partial '<td><bdi>GEM</bdi></td><td class="t"><bdi>D. Smit</bdi></td>'
	done
	assert_output --partial 'Ondertekening door de partners'
	# on 2026-12-15 OM has signed: one point left; --fail-on signature
	run -1 chain-report --as-of 2026-12-15 --format txt --fail-on signature signatures.csv partners.csv
	assert_output --partial '3 of 4 partners have signed the chain plan.'
	refute_output --partial 'OM has not signed'
	# without a signatures file nothing is asked
	run -0 chain-report --as-of 2026-11-20 --format txt --fail-on signature partners.csv
	refute_output --partial 'signed'
	# a date that is no date: file, line, column
	printf 'partner,name,role,signed\nPOL,A,B,31-02-2026\n' > bad.csv
	run -3 --separate-stderr chain-report --as-of 2026-11-20 bad.csv
	assert_equal "$stderr" "chain-report: bad.csv:2: signed: '31-02-2026' is not a valid date"
	# the Dutch header
	printf 'partner;naam;rol;ondertekend\nPOL;A;B;1-9-2026\n' > nl.csv
	run -0 chain-report --as-of 2026-11-20 --format txt nl.csv
	assert_output --partial '1 of 1 partners have signed the chain plan.'
}

@test "the line under the Act list: one point or several left out, in both languages" {
	printf 'id,owner,counterpart,title,due\nA1,OM,POL,One,2026-11-01\nA2,OM,POL,Two,2026-11-02\nA3,OM,POL,Three,2026-11-03\n' > reg.csv
	chain-agree status --as-of 2026-11-20 -o r.csv reg.csv
	run -0 chain-report --as-of 2026-11-20 --format txt --top 3 r.csv
	assert_line '1 more point is not shown here; the Act list as CSV (--actions) has them all.'
	run -0 chain-report --as-of 2026-11-20 --format md --lang nl --top 3 r.csv
	assert_line 'Nog 1 punt staat hier niet; de actielijst als CSV (--actions) bevat ze allemaal.'
	run -0 chain-report --as-of 2026-11-20 --lang nl --top 2 r.csv
	assert_output --partial 'Nog 2 punten staan hier niet;'
	run -0 chain-report --as-of 2026-11-20 --format txt --top 4 r.csv
	refute_output --partial 'not shown here'
}
