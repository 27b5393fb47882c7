#!/bin/sh
# gen-chain.sh N DIR: a fictional chain of N partners (P01..PN) in DIR, the
# same on every run: partners.csv, agreements.csv (about six per partner,
# some overdue, one with a very long title), and two survey waves of the
# trust instrument (five respondents per partner, each about the next eight
# partners, or all others when fewer).  The KPI plan and measurements are those of examples/.  The
# report of a big chain is built from it (tests/report.bats, the PDF look).
set -eu
n=${1:?usage: gen-chain.sh N DIR}
dir=${2:?usage: gen-chain.sh N DIR}
mkdir -p "$dir"

awk -v n="$n" 'BEGIN {
	print "partner,name"
	for (i = 1; i <= n; i++)
		printf "P%02d,Partner organisation number %d of the region\n", i, i
}' > "$dir/partners.csv"

awk -v n="$n" 'BEGIN {
	srand(13)
	print "id,owner,counterpart,title,made,due,done,announced,new_due,plan,cancelled"
	id = 0
	for (i = 1; i <= n; i++)
		for (k = 1; k <= 6; k++) {
			to = (i + k * 5 - 1) % n + 1
			if (to == i)
				to = i % n + 1
			day = 1 + int(rand() * 28)
			month = 8 + int(rand() * 4)
			due = sprintf("2026-%02d-%02d", month, day)
			title = "Deliver the agreed part of the case plan"
			if (id == 7) {
				due = "2026-11-02"
				title = "Deliver_the_joint_protocol_for_safety_at_home_with_all_partners_signed_and_filed_in_the_shared_case_system_before_the_winter"
			}
			done = ""
			r = rand()
			if (id == 7)
				;
			else if (r < 0.55 && due < "2026-11-20")
				done = due
			else if (r < 0.75 && due < "2026-11-05")
				done = sprintf("2026-%02d-%02d", month + 1, day)
			printf "A%04d,P%02d,P%02d,%s %d,2026-07-01,%s,%s,,,,\n",
			    ++id, i, to, title, id, due, done
		}
}' > "$dir/agreements.csv"

for wave in 2026-05 2026-11; do
	awk -v n="$n" -v wave="$wave" 'BEGIN {
		srand(wave == "2026-05" ? 5 : 11)
		printf "respondent,partner,about,wave"
		for (q = 1; q <= 18; q++)
			printf ",T%02d", q
		print ""
		for (i = 1; i <= n; i++)
			for (r = 1; r <= 5; r++)
				for (k = 1; k <= 8 && k < n; k++) {
					about = (i + k - 1) % n + 1
					base = 2 + (about % 4) * 0.6 + (wave == "2026-11" && about % 7 == 0 ? -1 : 0)
					printf "r%s%02d%d,P%02d,P%02d,%s", substr(wave, 6), i, r, i, about, wave
					for (q = 1; q <= 18; q++) {
						v = int(base + rand() * 2)
						v = v < 1 ? 1 : v > 5 ? 5 : v
						printf ",%d", v
					}
					print ""
				}
	}' > "$dir/survey-$wave.csv"
done
