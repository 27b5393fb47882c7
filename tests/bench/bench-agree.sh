# bench-agree.sh: chain-agree on a register of BENCH_AGREEMENTS agreements
# (default 1,000,000), against Miller computing the same states.
N_AGREEMENTS=${BENCH_AGREEMENTS:-1000000}
agreements=$D/agreements-$N_AGREEMENTS.csv
[ -s "$agreements" ] || "$B/gen-agree" "$N_AGREEMENTS" > "$agreements"
small=$D/agreements-100000.csv
[ -s "$small" ] || "$B/gen-agree" 100000 > "$small"
size=$(du -m "$agreements" | cut -f1)

mlr_status='mlr --icsv --ocsv put '\''
	D = strptime("2026-11-20", "%Y-%m-%d");
	due = strptime($due, "%Y-%m-%d");
	done = is_empty($done) ? -1 : strptime($done, "%Y-%m-%d");
	done = done > D ? -1 : done;
	ann = is_empty($announced) ? -1 : strptime($announced, "%Y-%m-%d");
	intime = ann >= 0 && ann <= D && ann <= due;
	eff = (intime && !is_empty($new_due)) ? strptime($new_due, "%Y-%m-%d") : due;
	if (!is_empty($cancelled) && strptime($cancelled, "%Y-%m-%d") <= D) {
		$state = "cancelled";
	} elif (done >= 0) {
		$state = done <= due ? "kept" : done <= eff ? "renegotiated" : "late";
	} elif (D > eff) {
		$state = "overdue";
	} elif (eff <= D + 7 * 86400) {
		$state = "due-soon";
	} else {
		$state = "open";
	}
	$effective_due = strftime(eff, "%Y-%m-%d");
	$surprise = ($state == "late" || $state == "overdue" || $state == "renegotiated") && !intime ? 1 : 0;
'\'''

header "chain-agree: $N_AGREEMENTS agreements ($size MB), as of 2026-11-20"
measure "libcsv read-only pass" "$B/csvpass $agreements"
measure "chain-agree status" "$BIN/chain-agree status --as-of 2026-11-20 $agreements"
measure "chain-agree score" "$BIN/chain-agree score --as-of 2026-11-20 $agreements"
measure "chain-agree score --per month" "$BIN/chain-agree score --per month --as-of 2026-11-20 $agreements"
measure "chain-agree matrix" "$BIN/chain-agree matrix --as-of 2026-11-20 $agreements"
measure "chain-agree status (100,000 rows: memory)" "$BIN/chain-agree status --as-of 2026-11-20 $small"
if command -v mlr > /dev/null; then
	measure "mlr put (the states)" "$mlr_status $agreements"
	measure "mlr put, then count -g owner,state" "$mlr_status then count -g owner,state $agreements"
fi

header "chain-agree: 100,000 agreements, against csvkit"
measure "libcsv read-only pass" "$B/csvpass $small"
measure "chain-agree score" "$BIN/chain-agree score --as-of 2026-11-20 $small"
if command -v csvsql > /dev/null; then
	measure_once "csvsql (one run) count GROUP BY owner" "csvsql --tables a --query 'SELECT owner, count(*) FROM a GROUP BY owner' $small"
fi
