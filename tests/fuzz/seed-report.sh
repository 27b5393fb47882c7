# seed-report.sh: sourced by seed.sh; one output of every kind the report
# reads, made by the freshly built programs from examples/.
bin=$root/bin
if [ -x "$bin/chain-report" ]; then
	ex=$root/examples
	"$bin/chain-agree" status --as-of 2026-11-20 "$ex/agreements.csv" > "$out/r-status.csv"
	"$bin/chain-agree" score --as-of 2026-11-20 "$ex/agreements.csv" > "$out/r-score.csv"
	"$bin/chain-agree" matrix --as-of 2026-11-20 "$ex/agreements.csv" > "$out/r-matrix.csv"
	"$bin/chain-agree" reasons --by owner --as-of 2026-11-20 "$ex/agreements.csv" > "$out/r-reasons.csv"
	"$bin/chain-kpi" check --plan "$ex/plan.csv" --as-of 2026-11-20 "$ex/measurements.csv" | head -60 > "$out/r-check.csv"
	"$bin/chain-kpi" summary --plan "$ex/plan.csv" --as-of 2026-11-20 "$ex/measurements.csv" > "$out/r-summary.csv"
	"$bin/chain-survey" score --instrument trust "$ex"/survey-*.csv > "$out/r-trust.csv"
	"$bin/chain-survey" matrix --instrument trust --wave 2026-11 "$ex"/survey-*.csv > "$out/r-mutual.csv"
	"$bin/chain-survey" compare --instrument trust --from 2026-05 --to 2026-11 "$ex"/survey-*.csv > "$out/r-change.csv"
	for f in "$out"/r-*.csv "$ex/plan.csv" "$ex/partners.csv" "$ex/changes.csv"; do
		seed report "$f" 0 1 2 3
	done
fi
