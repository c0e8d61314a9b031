package cxbeam

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
	"github.com/cxkit/cxkit/report"
)

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string, *surveycsv.Accumulator), func(SurveyFile), error](&readSurveyFn{})
	register.DoFn5x1[context.Context, fileio.ReadableFile, func(*SurveyFile) bool, func(string, *surveycsv.Accumulator), func(SurveyFile), error](&readEarlierSurveyFn{})
	register.Emitter2[string, *surveycsv.Accumulator]()
	register.Emitter1[SurveyFile]()
	register.DoFn6x1[context.Context, []byte, func(*string, **surveycsv.Accumulator) bool, func(*SurveyFile) bool, func(string), func(string), error](&summarizeSurveyFn{})
	register.Iter2[string, *surveycsv.Accumulator]()
	register.Iter1[SurveyFile]()
	register.Emitter1[string]()
}

// SurveyOptions says what a survey pipeline reads and computes: what
// the flags of cxkit nps, csat, ces and emotion say.
type SurveyOptions struct {
	// Metric, Column, By, Weight and Scale are read as
	// surveycsv.Config says.
	Metric surveycsv.Metric `json:"metric"`
	Column string           `json:"column"`
	By     string           `json:"by"`
	Weight string           `json:"weight"`
	Scale  metrics.Scale    `json:"-"` // see surveyFnOptions
	// Level and Method are the interval's (metrics.Options).
	Level  float64        `json:"level"`
	Method metrics.Method `json:"method"`
	// File is the input's name in the JSON ("file"): what cxkit prints
	// for its FILE argument.
	File string `json:"file"`
	// Earlier are the globs of an earlier export to test the result
	// against, as cxkit's --compare OLD: its files count as one export,
	// read with the answer column the current files were read from
	// (surveycsv.Data.Earlier). Empty compares with nothing.
	Earlier []string `json:"earlier,omitempty"`
	// EarlierFile is the earlier export's name in the compare objects
	// ("file"): what cxkit prints for --compare's value.
	EarlierFile string `json:"earlier_file,omitempty"`
	// NotesOnFailure, when set, names a file (local or in a bucket)
	// where a job that fails after reading every file, in its last
	// step, first writes its Notes (the warnings about the files'
	// columns); see ReportOptions.NotesOnFailure.
	NotesOnFailure string `json:"notes_on_failure,omitempty"`
}

// surveyFnOptions is SurveyOptions as the pipeline's Fns carry them to
// the workers, which encode them as JSON: the zero Scale of NPS and the
// emotional index has no JSON form, so the scale goes only when set.
type surveyFnOptions struct {
	SurveyOptions
	Scale *metrics.Scale `json:"scale,omitempty"`
}

func fnOptions(o SurveyOptions) surveyFnOptions {
	f := surveyFnOptions{SurveyOptions: o}
	if o.Scale != (metrics.Scale{}) {
		f.Scale = &o.Scale
	}
	return f
}

func (f surveyFnOptions) options() SurveyOptions {
	o := f.SurveyOptions
	if f.Scale != nil {
		o.Scale = *f.Scale
	}
	return o
}

func (o SurveyOptions) config() surveycsv.Config {
	return surveycsv.Config{Metric: o.Metric, Column: o.Column, By: o.By, Weight: o.Weight, Scale: o.Scale, Workers: 1}
}

// SurveyFile is what one file of a survey export held besides its
// answers.
type SurveyFile struct {
	Earlier  bool // a file of the earlier export (SurveyOptions.Earlier)
	Path     string
	Column   string // the answer column's name in the header
	Rows     int
	Blank    int
	Warnings []string
	// Problems are the file's bad cells (the JSON of a diag.List, at
	// most surveycsv.MaxCellErrors and a count of the rest), and Err
	// another error that stopped its reading (ColumnErr: a
	// surveycsv.ColumnError): a file is read on a worker, which cannot
	// print them, so they fail the job in its last step, with every
	// file's.
	Problems  []byte
	Err       string
	ColumnErr bool
}

// Survey reads the survey exports matching the globs and returns a
// PCollection of one string: the JSON that cxkit nps (csat, ces,
// emotion) --json prints for that data, without its final newline. It
// is SurveyOutputs(...).JSON.
//
// A file is read whole by one worker, with the library's strict reader
// (its errors name the file, line and column, and fail the pipeline): a
// CSV's quoted field may hold line breaks, so a file cannot be cut at
// any line. The files spread over the workers, and the partial
// accumulators of the files, one per group, are merged per group by
// SurveyFn, exactly; the answers of all files count as one export.
//
// With o.Earlier, the earlier export's files are read the same way and
// merged per group apart from the current ones, and the step that
// writes the JSON tests the two merged results against each other by
// surveycsv.Summary.Compare, the call cxkit's --compare makes: the
// output is that of cxkit nps NEW --compare OLD --json.
func Survey(s beam.Scope, globs []string, o SurveyOptions) beam.PCollection {
	return SurveyOutputs(s, globs, o).JSON
}

// SurveyOutput is what the survey pipeline produces, each a
// PCollection of one string.
type SurveyOutput struct {
	// JSON is what cxkit nps (csat, ces, emotion) --json prints,
	// without its final newline.
	JSON beam.PCollection
	// Notes is the JSON of the Notes: the warnings cxkit prints on
	// standard error beside the result (columns of the same name, in
	// the current files and then in the earlier ones).
	Notes beam.PCollection
}

// SurveyOutputs is Survey with every output: the JSON and the notes.
func SurveyOutputs(s beam.Scope, globs []string, o SurveyOptions) SurveyOutput {
	s = s.Scope("cxbeam.Survey")
	parts, info := beam.ParDo2(s, &readSurveyFn{Options: fnOptions(o)}, matchSurvey(s, globs))
	if len(o.Earlier) > 0 {
		// The earlier files wait for the current ones' column: cxkit
		// reads the old export with the column the new one was read
		// from.
		oldParts, oldInfo := beam.ParDo2(s, &readEarlierSurveyFn{Options: fnOptions(o)}, matchSurvey(s.Scope("earlier"), o.Earlier), beam.SideInput{Input: info})
		parts = beam.Flatten(s, parts, oldParts)
		info = beam.Flatten(s, info, oldInfo)
	}
	merged := beam.CombinePerKey(s, SurveyFn{}, parts)
	out, notes := beam.ParDo2(s, &summarizeSurveyFn{Options: fnOptions(o)}, beam.Impulse(s), beam.SideInput{Input: merged}, beam.SideInput{Input: info})
	return SurveyOutput{JSON: out, Notes: notes}
}

// matchSurvey returns the files matching the globs, to be read whole.
func matchSurvey(s beam.Scope, globs []string) beam.PCollection {
	files := fileio.MatchAll(s, beam.CreateList(s, globs), fileio.MatchEmptyDisallow())
	return fileio.ReadMatches(s, files, fileio.ReadDirectoryDisallow(), fileio.ReadUncompressed())
}

// The keys of the partial accumulators: the whole export, or a group;
// keyEarlier before either for the earlier export's.
const (
	keyAll     = "all"
	keyGroup   = "group:"
	keyEarlier = "earlier:"
)

type readSurveyFn struct {
	Options surveyFnOptions `json:"options"`
}

func (f *readSurveyFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string, *surveycsv.Accumulator), emitFile func(SurveyFile)) error {
	return readSurvey(ctx, file, f.Options.options().config(), false, emit, emitFile)
}

type readEarlierSurveyFn struct {
	Options surveyFnOptions `json:"options"`
}

func (f *readEarlierSurveyFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, current func(*SurveyFile) bool, emit func(string, *surveycsv.Accumulator), emitFile func(SurveyFile)) error {
	o := f.Options.options()
	cur := &surveycsv.Data{File: o.File, Column: firstFile(current).Column}
	return readSurvey(ctx, file, cur.Earlier(o.config()), true, emit, emitFile)
}

// firstFile returns the first of the files by name, which names the
// answer column of them all (whatever order the runner read them in).
func firstFile(files func(*SurveyFile) bool) SurveyFile {
	var first, fi SurveyFile
	for n := 0; files(&fi); n++ {
		if n == 0 || fi.Path < first.Path {
			first = fi
		}
	}
	return first
}

// readSurvey reads one file whole with cfg and emits its partial
// accumulators, keyed as the keys above say, and what else it held.
func readSurvey(ctx context.Context, file fileio.ReadableFile, cfg surveycsv.Config, earlier bool, emit func(string, *surveycsv.Accumulator), emitFile func(SurveyFile)) error {
	r, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer r.Close()
	d, err := surveycsv.Read(r, file.Metadata.Path, cfg)
	if err != nil {
		bad := SurveyFile{Earlier: earlier, Path: file.Metadata.Path}
		if ds := diag.As(err); len(ds) > 0 {
			if bad.Problems, err = json.Marshal(ds); err != nil {
				return err
			}
		} else {
			_, bad.ColumnErr = errors.AsType[surveycsv.ColumnError](err)
			bad.Err = err.Error()
		}
		emitFile(bad)
		return nil
	}
	prefix := ""
	if earlier {
		prefix = keyEarlier
	}
	emit(prefix+keyAll, d.All)
	for _, g := range d.Groups {
		emit(prefix+keyGroup+g.Name, g.Acc)
	}
	emitFile(SurveyFile{Earlier: earlier, Path: file.Metadata.Path, Column: d.Column, Rows: d.Rows, Blank: d.Blank, Warnings: d.Warnings})
	return nil
}

// readError is the error of an export whose files could not all be
// read, as cxkit's on reading them one after another in the order of
// their names: every bad cell of every file (cxkit prints them alone),
// then the first other error, which cxkit prints on its own line; nil
// when every file was read.
func readError(infos []SurveyFile) error {
	var problems diag.List
	var last error
	for _, fi := range infos {
		if fi.Problems != nil {
			var ds diag.List
			if err := json.Unmarshal(fi.Problems, &ds); err != nil {
				return err
			}
			problems = append(problems, ds...)
		}
		if fi.Err != "" && last == nil {
			last = errors.New(fi.Err)
			if fi.ColumnErr {
				last = surveycsv.ColumnError{Msg: fi.Err}
			}
		}
	}
	if len(problems) > 0 {
		return &problemsError{problems: problems, last: last}
	}
	return last
}

type summarizeSurveyFn struct {
	Options surveyFnOptions `json:"options"`
}

func (f *summarizeSurveyFn) ProcessElement(ctx context.Context, _ []byte, parts func(*string, **surveycsv.Accumulator) bool, files func(*SurveyFile) bool, emit, emitNotes func(string)) error {
	o := f.Options.options()
	newData := func(file string) *surveycsv.Data {
		return &surveycsv.Data{File: file, Metric: o.Metric, By: o.By, Weight: o.Weight, Scale: o.Scale}
	}
	d, old := newData(o.File), newData(o.EarlierFile)
	var infos []SurveyFile
	var fi SurveyFile
	for files(&fi) {
		infos = append(infos, fi)
	}
	// The current files first, each export's by name: the first file
	// names the column, whatever order the runner read them in, and
	// the warnings come in cxkit's order.
	slices.SortFunc(infos, func(a, b SurveyFile) int {
		if a.Earlier != b.Earlier {
			if b.Earlier {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Path, b.Path)
	})
	// cxkit stops at a file it cannot read: a bad current file before
	// anything else, a bad earlier one after the current export's
	// result and warnings.
	cur := slices.IndexFunc(infos, func(fi SurveyFile) bool { return fi.Earlier })
	if cur < 0 {
		cur = len(infos)
	}
	if err := readError(infos[:cur]); err != nil {
		return failWithNotes(ctx, o.NotesOnFailure, Notes{}, err)
	}
	// cxkit prints each export's warnings once it has read it: those
	// of the earlier one only when the current one had a result.
	var notes, earlierNotes Notes
	named := map[*surveycsv.Data]bool{}
	for _, fi := range infos {
		to, n := d, &notes
		if fi.Earlier {
			to, n = old, &earlierNotes
		}
		if !named[to] {
			to.Column, named[to] = fi.Column, true
		}
		to.Rows += fi.Rows
		to.Blank += fi.Blank
		for _, w := range fi.Warnings {
			n.Warnings = append(n.Warnings, report.Warning{Message: "warning: " + w})
		}
	}
	var key string
	var acc *surveycsv.Accumulator
	for parts(&key, &acc) {
		to := d
		if k, ok := strings.CutPrefix(key, keyEarlier); ok {
			to, key = old, k
		}
		if key == keyAll {
			to.All = acc
		} else {
			to.Groups = append(to.Groups, surveycsv.Group{Name: strings.TrimPrefix(key, keyGroup), Acc: acc})
		}
	}
	if d.All == nil {
		return fmt.Errorf("%s: no survey export read", o.File)
	}
	// Summarize ranks the groups by value and then by name, so the
	// order the runner hands them over in does not show; sorting by
	// name first makes even the input to it independent of the runner.
	slices.SortFunc(d.Groups, func(a, b surveycsv.Group) int { return strings.Compare(a.Name, b.Name) })
	opts := metrics.Options{Level: o.Level, Method: o.Method}
	sum, err := surveycsv.Summarize(d, opts)
	if err != nil {
		return failWithNotes(ctx, o.NotesOnFailure, notes, err)
	}
	sum.File = o.File
	// The groups' warnings are of the merged groups, as cxkit prints
	// them after reading the current export whole.
	for _, w := range sum.Warnings {
		notes.Warnings = append(notes.Warnings, report.Warning{Message: "warning: " + w})
	}
	if err := readError(infos[cur:]); err != nil {
		return failWithNotes(ctx, o.NotesOnFailure, notes, err)
	}
	if len(o.Earlier) > 0 && old.All == nil {
		return fmt.Errorf("%s: no survey export read", o.EarlierFile)
	}
	notes.Warnings = append(notes.Warnings, earlierNotes.Warnings...)
	if len(o.Earlier) > 0 {
		if err := sum.Compare(old, opts); err != nil {
			return failWithNotes(ctx, o.NotesOnFailure, notes, err)
		}
	}
	out, err := encodeJSON(sum.JSON())
	if err != nil {
		return err
	}
	emit(out)
	b, err := json.Marshal(notes)
	if err != nil {
		return err
	}
	emitNotes(string(b))
	return nil
}

// encodeJSON encodes v as cxkit's --json does (two-space indent, no
// HTML escaping), without the final newline that textio.Write adds back.
func encodeJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
