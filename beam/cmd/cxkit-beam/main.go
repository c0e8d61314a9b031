// Command cxkit-beam runs cxkit's measurements as an Apache Beam
// pipeline: over file globs, on the local prism runner or on a cluster
// (Flink, Spark, Dataflow), with the same JSON output as the matching
// cxkit command.
//
//	cxkit-beam --kind nps --input 'gs://bucket/survey/*.csv' --by store \
//	    --output gs://bucket/out/nps.json --runner dataflow ...
//
// --kind is report, support, nps, csat, ces or emotion, with the flags
// of the matching cxkit command. See README.md beside the module for
// each runner's flags.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	cxbeam "github.com/cxkit/cxkit/beam"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/support"
	"github.com/cxkit/cxkit/metrics/surveycsv"
	"github.com/cxkit/cxkit/report"
)

// Exit codes, as cxkit's: 0 ok, 1 bad input (or a failed pipeline),
// 2 usage.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// globs collects repeated --input flags.
type globs []string

func (g *globs) String() string     { return strings.Join(*g, ",") }
func (g *globs) Set(s string) error { *g = append(*g, s); return nil }

func run(args []string, stderr io.Writer) int {
	// Beam's runners register their flags (--runner, --endpoint,
	// --project, ...) on the global flag set: ours take them over, and
	// parsing sets them there.
	fs := flag.NewFlagSet("cxkit-beam", flag.ContinueOnError)
	fs.SetOutput(stderr)
	flag.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	var inputs globs
	fs.Var(&inputs, "input", "a file or glob to read (repeatable): `GLOB`, local or in a bucket (gs://...)")
	kind := fs.String("kind", "", "what to compute: `report|support|nps|csat|ces|emotion`")
	output := fs.String("output", "", "where to write the JSON: `FILE`, local or in a bucket")
	name := fs.String("name", "", "the input's name in the JSON's \"file\" (default: the --input values)")
	var earlier globs
	fs.Var(&earlier, "compare", "survey: test the result against an earlier export, as cxkit's --compare OLD: `GLOB` (repeatable), read with the column the --input files were read from")
	earlierName := fs.String("compare-name", "", "survey: the earlier export's name in the compare objects' \"file\" (default: the --compare values)")
	column := fs.String("column", "", "survey: column `C` holding the answers (default: a column named after the kind)")
	by := fs.String("by", "", "survey: break down by the values of column `G`; report: group audits by the audit field G; support: by channel, priority or agent")
	checklist := fs.String("checklist", "", "report: the checklist `FILE` (.korto, or .json from cxkit export), read here and sent to the workers")
	period := fs.String("period", "", "report: split each group into waves by the audits' date: `month`, quarter or week; support: the backlog's period, day (default) or week")
	var where []report.Filter
	fs.Func("where", "report: keep only audits whose `FIELD=VALUE` (repeatable; all must hold)", func(v string) error {
		f, err := report.ParseFilter(v)
		where = append(where, f)
		return err
	})
	minN := fs.Int("min-n", korto.DefaultMinN, "report: rank only groups of at least `N` scored audits")
	top := fs.Int("top", korto.DefaultTopProblems, "report: list the `N` problems to fix first")
	asOf := fs.String("as-of", "", "report: list the promises still open after their due date as of `DATE` (YYYY-MM-DD; default today)")
	var minDuration time.Duration
	fs.Func("min-duration", "report: flag the visits shorter than `D` (20m, 1h, or minutes: 20) among the auditors, where forms recorded start and end", func(v string) error {
		d, err := report.ParseMinDuration(v)
		minDuration = d
		return err
	})
	lang := fs.String("lang", "", "report: language `L` of the report, a translation tag of the checklist, e.g. en (default: the checklist's own)")
	htmlOut := fs.String("html", "", "report: also write a printable HTML report to `OUT.html`, local or in a bucket")
	skipInvalid := fs.Bool("skip-invalid", false, "report: report without the invalid sheets instead of failing")
	allowDups := fs.Bool("allow-duplicates", false, "report: count an audit id given twice twice, instead of failing")
	chunkSize := fs.Int64("chunk-size", cxbeam.DefaultChunkSize, "report, support: read JSON Lines files in pieces of `BYTES`, each by any worker")
	standards := fs.String("standards", "", "support: standards `FILE` (JSON); default: the 21 standards of customer service")
	calendar := fs.String("calendar", "", "support: business-hours calendar `FILE` (JSON); durations then count working time only")
	agentTime := fs.String("agent-time", "", "support: agent-time `FILE` (JSON Lines) for occupancy and minutes per issue")
	survey := fs.String("survey", "", "support: post-service survey `FILE` (JSON Lines)")
	tz := fs.String("tz", "", "support: IANA time `ZONE` of the backlog days without --calendar (default UTC)")
	skipBad := fs.Bool("skip-bad", false, "support: compute from the good lines and count the bad ones instead of failing")
	weight := fs.String("weight", "", "survey: survey weights from column `W`")
	level := fs.Float64("level", 0.95, "confidence `LEVEL` of the intervals")
	method := fs.String("method", "", "nps, emotion: interval `METHOD`, adjusted-wald (default) or wald")
	scale := fs.String("scale", "", "csat, ces: the answer scale `LO..HI` (csat default 1..5)")
	good := fs.String("good", "", "csat, ces: which end of the scale is good, `high|low` (csat default high)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "cxkit-beam: "+format+"\n", a...)
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		return usage("unexpected argument %q: give files with --input", fs.Arg(0))
	case len(inputs) == 0:
		return usage("give the files to read with --input GLOB")
	case *output == "":
		return usage("give where to write the JSON with --output FILE")
	}
	if err := metrics.CheckLevel(*level); err != nil {
		return usage("--level %v: want a number between 0 and 1, e.g. 0.95", *level)
	}
	if *chunkSize < 1 {
		return usage("--chunk-size %d: want a size in bytes, at least 1", *chunkSize)
	}
	if msg := flagForKind(fs, *kind); msg != "" {
		return usage("%s", msg)
	}
	if *earlierName != "" && len(earlier) == 0 {
		return usage("--compare-name names the --compare files: give them with --compare GLOB")
	}
	// A job that fails in its last step writes there what cxkit prints
	// before its error; a job that succeeds, what it prints beside the
	// output. The command prints it and removes the file.
	notesFile := *output + ".notes.json"
	file := *name
	if file == "" {
		file = strings.Join(inputs, ", ")
	}

	beam.Init()
	p, s := beam.NewPipelineWithRoot()
	var out, notes beam.PCollection
	switch *kind {
	case "nps", "csat", "ces", "emotion":
		o := cxbeam.SurveyOptions{Metric: surveycsv.Metric(*kind), Column: *column, By: *by, Weight: *weight, Level: *level, File: file,
			Earlier: earlier, EarlierFile: cmp.Or(*earlierName, strings.Join(earlier, ", ")), NotesOnFailure: notesFile}
		if *method != "" {
			m, err := metrics.ParseMethod(*method)
			if err != nil || (m != metrics.AdjustedWald && m != metrics.Wald) {
				return usage("--method %q: want adjusted-wald or wald", *method)
			}
			o.Method = m
		}
		switch o.Metric {
		case surveycsv.CSAT, surveycsv.CES:
			if o.Metric == surveycsv.CSAT {
				*scale, *good = cmp.Or(*scale, "1..5"), cmp.Or(*good, "high")
			}
			if *scale == "" || *good == "" {
				return usage("the scale is never guessed: give --scale LO..HI and --good high|low")
			}
			sc, err := metrics.ParseScale(*scale, *good)
			if err != nil {
				return usage("%v", err)
			}
			o.Scale = sc
		}
		r := cxbeam.SurveyOutputs(s, inputs, o)
		out, notes = r.JSON, r.Notes
	case "report":
		if *checklist == "" {
			return usage("--kind report needs the checklist: --checklist FILE")
		}
		if *top < 1 || *minN < 1 {
			return usage("--top and --min-n must be at least 1")
		}
		switch *period {
		case "", korto.PeriodMonth, korto.PeriodQuarter, korto.PeriodWeek:
		default:
			return usage("--period %q: want month, quarter or week", *period)
		}
		src, err := os.ReadFile(*checklist)
		if err != nil {
			fmt.Fprintf(stderr, "cxkit-beam: %v\n", err)
			return exitInput
		}
		c := cxbeam.Checklist{Name: *checklist, Source: string(src)}
		cl, err := c.Parse()
		if err != nil {
			fmt.Fprintf(stderr, "cxkit-beam: %v\n", err)
			return exitInput
		}
		shown, warning := cl.ResolveLang(*lang)
		if warning != "" {
			fmt.Fprintf(stderr, "cxkit-beam: warning: %s\n", warning)
		}
		if *asOf == "" {
			// cxkit's default, fixed here so that every worker agrees.
			*asOf = time.Now().Format(time.DateOnly)
		} else if _, err := time.Parse(time.DateOnly, *asOf); err != nil {
			return usage("--as-of %q: want a date YYYY-MM-DD", *asOf)
		}
		o := cxbeam.ReportOptions{By: *by, Period: *period, Where: where, MinN: *minN, Top: *top,
			SkipInvalid: *skipInvalid, AllowDuplicates: *allowDups, AsOf: *asOf, MinDuration: minDuration, ChunkSize: *chunkSize,
			Lang: shown, HTML: *htmlOut != "", NotesOnFailure: notesFile}
		r := cxbeam.ReportOutputs(s, c, inputs, o)
		out, notes = r.JSON, r.Notes
		if *htmlOut != "" {
			textio.Write(s, *htmlOut, r.HTML)
		}
	case "support":
		if *by != "" {
			if _, err := support.ParseDimension(*by); err != nil {
				return usage("--by %v", err)
			}
		}
		if *period != "" {
			if _, err := support.ParsePeriod(*period); err != nil {
				return usage("--period %q: want day or week", *period)
			}
		}
		if *tz != "" {
			if _, err := support.LoadZone(*tz); err != nil {
				return usage("--tz: %v", err)
			}
		}
		o := cxbeam.SupportOptions{By: *by, SkipBad: *skipBad, ChunkSize: *chunkSize, NotesOnFailure: notesFile,
			Config: cxbeam.SupportConfig{Period: cmp.Or(*period, "day"), TimeZone: *tz}}
		// The small files are read here and travel with the pipeline;
		// the calendar and standards are checked before it starts.
		for _, f := range []struct {
			name string
			to   *cxbeam.File
		}{{*calendar, &o.Config.Calendar}, {*standards, &o.Standards}, {*agentTime, &o.AgentTime}, {*survey, &o.Survey}} {
			if f.name == "" {
				continue
			}
			text, err := os.ReadFile(f.name)
			if err != nil {
				fmt.Fprintf(stderr, "cxkit-beam: %v\n", err)
				return exitInput
			}
			*f.to = cxbeam.File{Name: f.name, Text: string(text)}
		}
		if _, err := o.Config.Options(); err != nil {
			fmt.Fprintf(stderr, "cxkit-beam: %v\n", err)
			return exitInput
		}
		if o.Standards.Name != "" {
			if _, err := support.ReadStandards(o.Standards.Name, []byte(o.Standards.Text)); err != nil {
				fmt.Fprintf(stderr, "cxkit-beam: %v\n", err)
				return exitInput
			}
		}
		r := cxbeam.SupportOutputs(s, inputs, o)
		out, notes = r.JSON, r.Notes
	case "":
		return usage("give what to compute with --kind")
	default:
		return usage("--kind %q: want report, support, nps, csat, ces or emotion", *kind)
	}
	textio.Write(s, *output, out)
	if notes.IsValid() {
		textio.Write(s, notesFile, notes)
	}
	ctx := context.Background()
	removeNotes(ctx, notesFile) // an earlier run's, not this job's
	if err := beamx.Run(ctx, p); err != nil {
		// A job that failed on its input wrote, in its last step, what
		// cxkit prints before and as its error: printed, that is all
		// the user needs; the runner's error says only where in the
		// job it failed.
		if code, ok := printFailure(ctx, notesFile, stderr); ok {
			return code
		}
		fmt.Fprintf(stderr, "cxkit-beam: %v\n", err)
		return exitInput
	}
	if notes.IsValid() {
		if err := printNotes(ctx, notesFile, stderr); err != nil {
			fmt.Fprintf(stderr, "cxkit-beam: %v\n", err)
			return exitInput
		}
	}
	return exitOK
}

// kindsOf are the kinds each of cxkit-beam's flags is for; a flag not
// listed is for all (or is Beam's).
var kindsOf = func() map[string][]string {
	survey := []string{"nps", "csat", "ces", "emotion"}
	m := map[string][]string{
		"method": {"nps", "emotion"},
		"scale":  {"csat", "ces"}, "good": {"csat", "ces"},
		"period": {"report", "support"}, "chunk-size": {"report", "support"},
		"by": append([]string{"report", "support"}, survey...),
	}
	for _, f := range []string{"name", "compare", "compare-name", "column", "weight", "level"} {
		m[f] = survey
	}
	for _, f := range []string{"checklist", "where", "min-n", "top", "as-of", "min-duration", "lang", "html", "skip-invalid", "allow-duplicates"} {
		m[f] = []string{"report"}
	}
	for _, f := range []string{"standards", "calendar", "agent-time", "survey", "tz", "skip-bad"} {
		m[f] = []string{"support"}
	}
	return m
}()

// flagForKind says which flag given is not for kind, as a usage
// message; "" when all are. A flag that does nothing must not look
// as if it had been applied.
func flagForKind(fs *flag.FlagSet, kind string) string {
	var msg string
	if !slices.Contains(kindsOf["by"], kind) {
		return "" // no kind, or an unknown one: said later
	}
	fs.Visit(func(f *flag.Flag) {
		kinds, ok := kindsOf[f.Name]
		if msg != "" || !ok || slices.Contains(kinds, kind) {
			return
		}
		list := strings.Join(kinds, ", ")
		if i := strings.LastIndex(list, ", "); i >= 0 {
			list = list[:i] + " and " + list[i+2:]
		}
		msg = fmt.Sprintf("--%s is for --kind %s", f.Name, list)
	})
	return msg
}

// printNotes prints what the job wrote to name beside the output for
// standard error (cxbeam.Notes), as cxkit prints it, and removes the
// file.
func printNotes(ctx context.Context, name string, stderr io.Writer) error {
	n, err := cxbeam.ReadNotes(ctx, name)
	if err != nil {
		return err
	}
	return n.Print(stderr, "cxkit-beam")
}

// printFailure prints the notes of a failed job with its failure, as
// cxkit prints its problems and its error, and returns cxkit's exit
// code for that error; false when the job wrote no failure (it failed
// for another reason than its input).
func printFailure(ctx context.Context, name string, stderr io.Writer) (int, bool) {
	n, err := cxbeam.ReadNotes(ctx, name)
	if err != nil || n.Failure == nil {
		return 0, false
	}
	if err := n.Print(stderr, "cxkit-beam"); err != nil {
		return exitInput, true
	}
	return exitCode(n.Failure.Err()), true
}

// exitCode is cxkit's exit code for a failure on the input: 2 for a
// column the flags name that a file lacks (the caller's mistake), 1
// for the rest.
func exitCode(err error) int {
	if _, ok := errors.AsType[surveycsv.ColumnError](err); ok {
		return exitUsage
	}
	return exitInput
}

// removeNotes removes the notes file name if it is there.
func removeNotes(ctx context.Context, name string) {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return
	}
	defer fsys.Close()
	if rm, ok := fsys.(filesystem.Remover); ok {
		_ = rm.Remove(ctx, name)
	}
}
