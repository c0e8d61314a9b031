package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/metrics"
)

// The survey commands (nps, csat, ces, emotion) read one column of a
// survey export (CSV with a header row), optionally weighted and broken
// down by another column, and print the metric with its interval. With
// --compare they test the difference against an earlier export: "are we
// better than last quarter?".

func init() {
	common := "FILE.csv [--column C] [--by G] [--weight W] [--compare OLD.csv] [--level 0.95] [--json]"
	register(&command{
		name:    "nps",
		usage:   "nps " + common + " [--method adjusted-wald|wald]",
		summary: "Net Promoter Score of a survey export, with its interval, groups and a comparison",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyNPS) },
	})
	register(&command{
		name:    "csat",
		usage:   "csat " + common + " [--scale 1..5] [--good high]",
		summary: "CSAT (top-two-box share and mean rating) of a survey export",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyCSAT) },
	})
	register(&command{
		name:    "ces",
		usage:   "ces " + common + " --scale LO..HI --good high|low",
		summary: "Customer Effort Score of a survey export on a declared scale",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyCES) },
	})
	register(&command{
		name:    "emotion",
		usage:   "emotion " + common + " [--method adjusted-wald|wald]",
		summary: "emotional index (positive minus negative share) of a survey export",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyEmotion) },
	})
}

// surveyKind is what differs between the four commands.
type surveyKind struct {
	name   string
	title  string // "NPS"
	scaled bool   // takes --scale and --good
	// needScale: --scale and --good are required (CES: never guessed).
	needScale bool
	methods   bool // takes --method
	// newAcc returns an empty accumulator.
	newAcc func(s metrics.Scale) surveyAcc
	// wide is the interval width above which a group is flagged as too
	// uncertain to rank, in the metric's own units.
	wide func(s metrics.Scale) float64
}

// surveyAcc is one accumulator of any survey metric, fed from CSV cells.
type surveyAcc interface {
	// add parses cell and records it with weight w (w < 0: unweighted).
	add(cell string, w float64) error
	result(o metrics.Options) (surveyResult, error)
	// answers is the number of answers recorded, zero weights included.
	answers() int64
}

// surveyResult is a computed metric, uniform enough to print and rank.
type surveyResult struct {
	n     int64
	value float64 // the headline: NPS, CSAT %, CES mean, index
	se    float64
	ci    metrics.Interval
	// unknownSpread: a single answer (n_eff <= 1) says nothing about the
	// spread, so se and the interval are printed as null / "—", never
	// as se 0 beside a whole-scale interval.
	unknownSpread bool
	// parts is the breakdown line ("promoters 4 (20.0%), ...").
	parts string
	// fields is the JSON object, headline fields included.
	fields map[string]any
	// compare tests this result against an earlier one of the same kind.
	compare func(old surveyResult) (metrics.Comparison, error)
	raw     any
}

var surveyNPS = &surveyKind{
	name: "nps", title: "NPS", methods: true,
	newAcc: func(metrics.Scale) surveyAcc { return &npsAcc{} },
	wide:   func(metrics.Scale) float64 { return 20 },
}

var surveyEmotion = &surveyKind{
	name: "emotion", title: "emotional index", methods: true,
	newAcc: func(metrics.Scale) surveyAcc { return &emotionAcc{} },
	wide:   func(metrics.Scale) float64 { return 0.20 },
}

var surveyCSAT = &surveyKind{
	name: "csat", title: "CSAT", scaled: true,
	newAcc: func(s metrics.Scale) surveyAcc {
		a, _ := metrics.NewCSAT(s) // the scale is validated before
		return &csatAcc{a}
	},
	wide: func(metrics.Scale) float64 { return 20 },
}

var surveyCES = &surveyKind{
	name: "ces", title: "CES", scaled: true, needScale: true,
	newAcc: func(s metrics.Scale) surveyAcc {
		a, _ := metrics.NewCES(s)
		return &cesAcc{a}
	},
	// 20 points of a 0..100 rescaling: a fifth of the scale's span.
	wide: func(s metrics.Scale) float64 { return 0.2 * float64(s.Hi-s.Lo) },
}

type surveyConfig struct {
	column, by, weight string
	// defaultColumn: --column was not given; a file with a single
	// column then needs no name.
	defaultColumn bool
	// compareTo names the current export when reading --compare's: its
	// answers must be in the column of the same name.
	compareTo string
	opts      metrics.Options
	scale     metrics.Scale
}

func runSurvey(e *env, args []string, k *surveyKind) int {
	c := commands[k.name]
	fs := newFlags(e, c)
	column := fs.String("column", "", "column `C` holding the answers (default: a column named "+k.name+")")
	by := fs.String("by", "", "break down by the values of column `G`, ranked")
	weight := fs.String("weight", "", "survey weights from column `W` (Kish effective sample size)")
	compareWith := fs.String("compare", "", "compare with an earlier export `OLD.csv` (same columns): difference, se, z, p")
	level := fs.Float64("level", 0.95, "confidence `LEVEL` of the intervals, e.g. 0.9 or 0.99")
	asJSON := fs.Bool("json", false, "print JSON")
	method := new(string)
	if k.methods {
		method = fs.String("method", string(metrics.AdjustedWald), "interval `METHOD`: adjusted-wald or wald")
	}
	scaleFlag, goodFlag := new(string), new(string)
	if k.scaled {
		def, defGood := "", ""
		if !k.needScale {
			def, defGood = "1..5", "high"
		}
		goodHelp := "which end of the scale is good, `high|low`"
		if k.needScale {
			goodHelp += " (no default: a scale is never guessed)"
		}
		scaleFlag = fs.String("scale", def, "the answer scale `LO..HI`")
		goodFlag = fs.String("good", defGood, goodHelp)
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(e, c, "want one CSV file (or - for standard input)")
	}
	if stdinTwice(pos[0], *compareWith) {
		return usageError(e, c, "the export and --compare cannot both come from standard input")
	}
	cfg := surveyConfig{column: *column, by: *by, weight: *weight, opts: metrics.Options{Level: *level}}
	if !(*level > 0 && *level < 1) {
		return usageError(e, c, "--level %v: want a number between 0 and 1, e.g. 0.95", *level)
	}
	if err := metrics.CheckLevel(*level); err != nil {
		return usageError(e, c, "--level %v: too close to 0 or 1 for a finite interval; want e.g. 0.95 or 0.999", *level)
	}
	if k.methods {
		m, err := metrics.ParseMethod(*method)
		if err != nil || (m != metrics.AdjustedWald && m != metrics.Wald) {
			return usageError(e, c, "--method %q: want adjusted-wald or wald", *method)
		}
		cfg.opts.Method = m
	}
	if k.scaled {
		if *scaleFlag == "" || *goodFlag == "" {
			return usageError(e, c, "the scale is never guessed: give --scale LO..HI and --good high|low (CES 2.0: --scale 1..7 --good high; effort 1..10: --scale 1..10 --good low)")
		}
		s, err := metrics.ParseScale(*scaleFlag, *goodFlag)
		if err != nil {
			return usageError(e, c, "%v", err)
		}
		cfg.scale = s
	}
	if cfg.column == "" {
		cfg.column, cfg.defaultColumn = k.name, true
	}

	fail := func(err error) int {
		if cells, ok := err.(surveyCellErrors); ok {
			for _, ce := range cells {
				fmt.Fprintf(e.stderr, "cxkit %s: %v\n", k.name, ce)
			}
			return exitInput
		}
		fmt.Fprintf(e.stderr, "cxkit %s: %v\n", k.name, err)
		var ue surveyUsageError
		if errors.As(err, &ue) {
			return exitUsage
		}
		return exitInput
	}
	warn := func(d *surveyData) {
		for _, w := range d.warnings {
			fmt.Fprintf(e.stderr, "cxkit %s: warning: %s\n", k.name, w)
		}
	}
	cur, err := surveyReadFile(e, pos[0], k, cfg)
	if err != nil {
		return fail(err)
	}
	warn(cur)
	out, err := surveyBuild(k, cfg, pos[0], cur)
	if err != nil {
		return fail(err)
	}
	if *compareWith != "" {
		oldCfg := cfg
		oldCfg.column, oldCfg.defaultColumn, oldCfg.compareTo = cur.column, false, pos[0]
		old, err := surveyReadFile(e, *compareWith, k, oldCfg)
		if err != nil {
			return fail(err)
		}
		warn(old)
		if err := out.compareWith(k, cfg, *compareWith, old); err != nil {
			return fail(err)
		}
	}
	if *asJSON {
		if err := writeJSON(e.stdout, out.json()); err != nil {
			return fail(err)
		}
		return exitOK
	}
	out.writeText(e.stdout, k)
	return exitOK
}

// surveyUsageError marks a command-line mistake found while reading (a
// --column that the file does not have).
type surveyUsageError struct{ msg string }

func (e surveyUsageError) Error() string { return e.msg }

// surveyCellErrors lists every bad cell of a file, so that one run shows
// them all, as answer sheets and checklists do. Past surveyMaxCellErrors
// the last entry counts the rest.
type surveyCellErrors []error

const surveyMaxCellErrors = 20

func (es surveyCellErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// surveyData is one file's answers: the whole and each group.
type surveyData struct {
	all     surveyAcc
	groups  map[string]surveyAcc
	order   []string // groups in first-seen order
	column  string   // the answer column's name in the header
	blank   int      // rows with an empty answer cell, skipped
	rows    int
	weights bool
	// warnings are problems that do not stop the command, such as
	// duplicate names of columns it does not read.
	warnings []string
}

func surveyReadFile(e *env, name string, k *surveyKind, cfg surveyConfig) (*surveyData, error) {
	f, err := openInput(e, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return surveyReadCSV(f, inputName(name), k, cfg)
}

// surveyReadCSV reads a CSV survey export with a header row. The
// separator is a comma, or a semicolon when the header has semicolons
// and no commas (spreadsheets in many locales export so, with decimal
// commas in weights). The text must be UTF-8. A row shorter than the
// header has its missing trailing cells empty, as spreadsheets leave
// them out. A cell that is not a valid answer, a bad weight or a row
// longer than the header is an error naming the file, line, row and
// column (in characters), and reading goes on to report every such
// problem (surveyCellErrors); a row the CSV reader cannot read stops it.
func surveyReadCSV(r io.Reader, name string, k *surveyKind, cfg surveyConfig) (*surveyData, error) {
	sc, err := newSurveyCSV(r, name)
	if err != nil {
		return nil, err
	}
	header := sc.header
	var ansCol int
	switch at := surveyColumnsNamed(header, cfg.column); {
	case len(at) > 1:
		flag := "--column"
		if cfg.defaultColumn {
			flag = "the answer column"
		}
		return nil, surveyDuplicateColumn(name, flag, header, at)
	case len(at) == 1:
		ansCol = at[0]
	case cfg.compareTo != "":
		return nil, fmt.Errorf("%s: no column %s, which holds the answers in %s; --compare wants an earlier export with the same columns (columns: %s)", name, surveyQ(cfg.column), cfg.compareTo, sc.columns())
	case cfg.defaultColumn && len(header) == 1:
		ansCol = 0
	case cfg.defaultColumn:
		hint := suggest.DidYouMean(cfg.column, header)
		if hint != "" {
			hint = hint[:len(hint)-1] + "? N"
		} else {
			hint = "; n"
		}
		return nil, surveyUsageError{fmt.Sprintf("%s: which column holds the answers? There is no column %s%same it with --column (columns: %s)", name, surveyQ(cfg.column), hint, sc.columns())}
	default:
		_, err := sc.find("--column", cfg.column)
		return nil, err
	}
	byCol, err := sc.find("--by", cfg.by)
	if err != nil {
		return nil, err
	}
	wCol, err := sc.find("--weight", cfg.weight)
	if err != nil {
		return nil, err
	}

	d := &surveyData{all: k.newAcc(cfg.scale), groups: map[string]surveyAcc{}, weights: wCol >= 0, column: header[ansCol]}
	d.warnings = surveyDuplicateWarnings(name, header, ansCol, byCol, wCol)
	for {
		ok, err := sc.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		rec := sc.rec
		cell := strings.TrimSpace(rec[ansCol])
		if cell == "" {
			d.blank++ // not answered
			continue
		}
		w := -1.0
		if wCol >= 0 {
			w, err = surveyWeight(rec[wCol], sc.decimalComma())
			if err != nil {
				sc.cellError("%s: %v", sc.where(wCol), err)
				w = -1 // still check the answer cell
			}
		}
		if err := d.all.add(cell, w); err != nil {
			hint := ""
			if surveyPlaceholder(cell) {
				hint = "; leave the cell empty to skip an answer"
			}
			sc.cellError("%s: %v%s", sc.where(ansCol), err, hint)
			continue
		}
		if byCol >= 0 {
			g := strings.TrimSpace(rec[byCol])
			acc, ok := d.groups[g]
			if !ok {
				acc = k.newAcc(cfg.scale)
				d.groups[g] = acc
				d.order = append(d.order, g)
			}
			acc.add(cell, w) // cannot fail: the same cell was accepted above
		}
	}
	d.rows = sc.rows
	if err := sc.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// surveyColumnsNamed returns the positions of the columns named col:
// those spelt exactly so, or when there are none, those equal to it up
// to case and surrounding spaces.
func surveyColumnsNamed(header []string, col string) []int {
	var at []int
	for i, h := range header {
		if h == col {
			at = append(at, i)
		}
	}
	if len(at) > 0 {
		return at
	}
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(col)) {
			at = append(at, i)
		}
	}
	return at
}

// surveyDuplicateColumn is the error for a column the command would
// read that the header names more than once: which one holds the
// answers is a guess, and a metric must not guess.
func surveyDuplicateColumn(file, flag string, header []string, at []int) error {
	fix := "rename all but one"
	if len(at) == 2 {
		fix = "rename one of them"
	}
	return fmt.Errorf("%s: the header has %d columns named %s (%s), so %s is ambiguous: %s", file, len(at), surveyQ(header[at[0]]), surveyPositions(at), flag, fix)
}

// surveyPositions says "columns 2 and 5" of 0-based positions.
func surveyPositions(at []int) string {
	ns := make([]string, len(at))
	for i, p := range at {
		ns[i] = strconv.Itoa(p + 1)
	}
	last := len(ns) - 1
	return "columns " + strings.Join(ns[:last], ", ") + " and " + ns[last]
}

// surveyDuplicateWarnings names every non-blank header name that occurs
// more than once in columns the command does not read: harmless, but
// likely a sign of a wrong export.
func surveyDuplicateWarnings(file string, header []string, used ...int) []string {
	seen := map[string][]int{}
	var names []string
	for i, h := range header {
		if strings.TrimSpace(h) == "" {
			continue // spreadsheets leave nameless columns
		}
		if seen[h] == nil {
			names = append(names, h)
		}
		seen[h] = append(seen[h], i)
	}
	var warns []string
	for _, h := range names {
		at := seen[h]
		if len(at) < 2 || slices.ContainsFunc(used, func(u int) bool { return slices.Contains(at, u) }) {
			continue
		}
		warns = append(warns, fmt.Sprintf("%s: the header has %d columns named %s (%s); none of them is read", file, len(at), surveyQ(h), surveyPositions(at)))
	}
	return warns
}

// surveyPlaceholder reports whether a cell is a spreadsheet's mark for
// "no answer". It stays an error, since a metric must not guess what a
// cell means, but the message says how to skip the answer.
func surveyPlaceholder(cell string) bool {
	switch strings.ToLower(cell) {
	case "n/a", "na", "#n/a", "-", "–", "—", "?", "none", "null", "н/д", "нет данных":
		return true
	}
	return false
}

// surveyValidUTF8 reports whether every cell is UTF-8 text.
func surveyValidUTF8(cells []string) bool {
	for _, c := range cells {
		if !utf8.ValidString(c) {
			return false
		}
	}
	return true
}

// surveyNotUTF8 is the error for a file in another encoding: in Russia
// that is nearly always Excel's plain "CSV", saved as Windows-1251. Its
// names and cells would print as escapes, so the message says only how
// to save the file again.
func surveyNotUTF8(name string) error {
	return fmt.Errorf("%s is not UTF-8 text (saved as Windows-1251?): in Excel choose Save As → CSV UTF-8", name)
}

// surveyWeight parses a weight cell. A file separated by semicolons
// comes from a spreadsheet in a locale that writes decimal commas, so
// there "1,2" is 1.2; elsewhere a decimal comma is an error that says
// how to write the number.
func surveyWeight(cell string, decimalComma bool) (float64, error) {
	cell = strings.TrimSpace(cell)
	if strings.Count(cell, ",") == 1 && !strings.Contains(cell, ".") {
		dot := strings.Replace(cell, ",", ".", 1)
		w, err := surveyWeightValue(dot, cell)
		switch {
		case decimalComma:
			return w, err
		case err == nil:
			return 0, fmt.Errorf("weight %s: a weight must be 0 or a positive number; use a decimal point: %s", surveyQ(cell), dot)
		}
	}
	return surveyWeightValue(cell, cell)
}

// surveyWeightValue parses a weight written with a decimal point; cell
// is the text as the file has it, for the message.
func surveyWeightValue(text, cell string) (float64, error) {
	w, err := strconv.ParseFloat(text, 64)
	switch {
	case err != nil || math.IsNaN(w) || w < 0:
		return 0, fmt.Errorf("weight %s: a weight must be 0 or a positive number", surveyQ(cell))
	case w != 0 && !(w >= metrics.MinWeight && w <= metrics.MaxWeight):
		return 0, fmt.Errorf("weight %s: a positive weight must lie between %g and %g", surveyQ(cell), metrics.MinWeight, metrics.MaxWeight)
	}
	return w, nil
}

// surveyCharColumn turns the byte column encoding/csv reports for field
// col of rec into a column in characters, as cxkit reports columns
// everywhere. lines[j] is the line field j starts on. Only the text of
// fields on col's line before it counts: separators, quotes and line
// ends are ASCII, one byte a character, so each field on that line adds
// its bytes beyond its characters, and a field that starts on an earlier
// line adds only its part after its last line break.
func surveyCharColumn(rec []string, lines []int, col, byteCol int) int {
	extra := 0
	for j := col - 1; j >= 0; j-- {
		f := rec[j]
		if lines[j] != lines[col] {
			f = f[strings.LastIndexByte(f, '\n')+1:]
		}
		extra += len(f) - utf8.RuneCountInString(f)
		if lines[j] != lines[col] {
			break
		}
	}
	return byteCol - extra
}

func surveyQuote(ss []string) []string {
	const most = 20
	out := make([]string, 0, min(len(ss), most+1))
	for i, s := range ss {
		if i == most {
			out = append(out, fmt.Sprintf("… %d more", len(ss)-most))
			break
		}
		out = append(out, surveyQ(s))
	}
	return out
}

// surveyQ quotes a cell or column name for a message, cut short when it
// is long: a hostile or broken file can hold megabytes in one cell, and
// the start is enough to find it.
func surveyQ(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return strconv.Quote(s)
	}
	i := 0
	for n := 0; n < most; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strconv.Quote(s[:i]) + "…"
}

// surveyOutput is what the command prints.
type surveyOutput struct {
	file    string
	column  string
	by      string
	weight  string
	data    *surveyData
	overall surveyResult
	groups  []surveyGroup
	cmp     *surveyComparison
}

type surveyGroup struct {
	name string
	res  surveyResult
	err  error // e.g. all weights zero
	wide bool
	old  *surveyComparison
}

type surveyComparison struct {
	file string
	old  surveyResult
	c    metrics.Comparison
	err  error
	// holm is the Holm-adjusted p over the groups tested in this run
	// (--by with --compare); hasHolm says it was computed.
	holm    float64
	hasHolm bool
}

func surveyBuild(k *surveyKind, cfg surveyConfig, file string, d *surveyData) (*surveyOutput, error) {
	res, err := d.all.result(cfg.opts)
	if err != nil {
		return nil, fmt.Errorf("%s: column %s: %w", file, surveyQ(d.column), err)
	}
	out := &surveyOutput{file: file, column: d.column, by: cfg.by, weight: cfg.weight, data: d, overall: res}
	for _, g := range d.order {
		r, err := d.groups[g].result(cfg.opts)
		sg := surveyGroup{name: g, res: r, err: err}
		if err == nil {
			sg.wide = r.ci.Width() > k.wide(cfg.scale)
		} else {
			// No result (every weight zero), but the answers are there.
			sg.res.n = d.groups[g].answers()
		}
		out.groups = append(out.groups, sg)
	}
	// Rank by value, best first; ties and failures by name.
	slices.SortStableFunc(out.groups, func(a, b surveyGroup) int {
		switch {
		case (a.err == nil) != (b.err == nil):
			if a.err == nil {
				return -1
			}
			return 1
		case a.err == nil && a.res.value != b.res.value:
			if surveyBetter(k, cfg.scale, a.res.value, b.res.value) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	return out, nil
}

// surveyBetter reports whether value a ranks above b: higher is better,
// except for a CES mean on a scale where low is good.
func surveyBetter(k *surveyKind, s metrics.Scale, a, b float64) bool {
	if k == surveyCES && s.Good == metrics.Low {
		return a < b
	}
	return a > b
}

func (o *surveyOutput) compareWith(k *surveyKind, cfg surveyConfig, file string, old *surveyData) error {
	res, err := old.all.result(cfg.opts)
	if err != nil {
		return fmt.Errorf("%s: column %s: %w", file, surveyQ(cfg.column), err)
	}
	c, err := o.overall.compare(res)
	o.cmp = &surveyComparison{file: file, old: res, c: c, err: err}
	for i := range o.groups {
		g := &o.groups[i]
		acc, ok := old.groups[g.name]
		if !ok || g.err != nil {
			continue
		}
		r, err := acc.result(cfg.opts)
		if err != nil {
			continue
		}
		c, err := g.res.compare(r)
		g.old = &surveyComparison{file: file, old: r, c: c, err: err}
	}
	// Many groups tested at once: Holm's adjustment over those that had
	// a test keeps the chance of any false "significant" at 1 - level.
	var ps []float64
	var tested []*surveyComparison
	for i := range o.groups {
		if c := o.groups[i].old; c != nil && c.err == nil {
			ps = append(ps, c.c.P)
			tested = append(tested, c)
		}
	}
	for i, h := range metrics.Holm(ps) {
		tested[i].holm, tested[i].hasHolm = h, true
	}
	return nil
}
