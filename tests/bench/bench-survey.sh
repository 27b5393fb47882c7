# bench-survey.sh: chain-survey on BENCH_RESPONDENTS responses (default
# 1,000,000) to a 40-item instrument, wide, from eight partners about the
# others in two waves; then 100,000 of them against Miller and datamash.
N_RESPONDENTS=${BENCH_RESPONDENTS:-1000000}
survey=$D/survey-$N_RESPONDENTS.csv
items=$D/survey-items.csv
[ -s "$items" ] || "$B/gen-survey" items > "$items"
[ -s "$survey" ] || "$B/gen-survey" "$N_RESPONDENTS" > "$survey"
small=$D/survey-100000.csv
[ -s "$small" ] || "$B/gen-survey" 100000 > "$small"
size=$(du -m "$survey" | cut -f1)
cs="$BIN/chain-survey"
cc -O2 -D_DEFAULT_SOURCE -Ilib -o "$B/chainpass" tests/bench/chainpass.c \
    build/libchain.a -lcsv -lm

# Miller: each respondent's ten dimension scores (the fourth item of each
# reverse scored, at least half answered), then their count, mean and
# standard deviation per partner: what score --by partner computes.
dims=$(seq -f 'D%02g' 1 10 | paste -sd, -)
mlr_score='mlr --icsv --ocsv put '\''
	for (d = 0; d < 10; d += 1) {
		s = 0; n = 0;
		for (j = 1; j <= 4; j += 1) {
			v = $[fmtnum(d * 4 + j, "Q%02d")];
			if (!is_empty(v)) { s += j == 4 ? 6 - v : v; n += 1 }
		}
		$[fmtnum(d + 1, "D%02d")] = n >= 2 ? s / n : "";
	}
'\'' then stats1 -a count,mean,stddev -f '"$dims"' -g partner'

header "chain-survey: $N_RESPONDENTS respondents x 40 items, wide ($size MB)"
measure "libcsv read-only pass" "$B/csvpass $survey"
measure "the toolkit's CSV reader, read-only" "$B/chainpass $survey"
measure "chain-survey score --by partner" "$cs score --by partner --items $items $survey"
measure "chain-survey score (by wave and partner)" "$cs score --items $items $survey"
measure "chain-survey score --by partner,about,wave" "$cs score --by partner,about,wave --items $items $survey"
measure "chain-survey alpha" "$cs alpha --items $items $survey"
measure "chain-survey matrix --wave 2026-05" "$cs matrix --wave 2026-05 --items $items $survey"
measure "chain-survey compare" "$cs compare --from 2026-05 --to 2026-11 --items $items $survey"

header "chain-survey: 100,000 respondents x 40 items, against peer tools"
measure "libcsv read-only pass" "$B/csvpass $small"
measure "chain-survey score --by partner" "$cs score --by partner --items $items $small"
if command -v mlr > /dev/null; then
	measure "mlr put (scores), then stats1 -g partner" "$mlr_score $small"
fi
# datamash: the mean and standard deviation of every item per partner (no
# scoring); it takes an empty field for no number, so sed writes NA there.
if command -v datamash > /dev/null; then
	measure "datamash -s -g partner mean,sstdev of items" \
	    "sed -e 's/,,/,NA,/g' -e 's/,,/,NA,/g' -e 's/,\$/,NA/' $small |
	    datamash -t, -H --narm -s -g 2 count 1 mean 5-44 sstdev 5-44"
fi
if command -v csvsql > /dev/null; then
	measure_once "csvsql (one run) avg of items GROUP BY partner" \
	    "csvsql --tables s --query 'SELECT partner, count(*), $(seq -f 'avg(Q%02g)' 1 40 | paste -sd, -) FROM s GROUP BY partner' $small"
fi
