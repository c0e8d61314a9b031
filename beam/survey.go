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
)

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string, *surveycsv.Accumulator), func(SurveyFile), error](&readSurveyFn{})
	register.Emitter2[string, *surveycsv.Accumulator]()
	register.Emitter1[SurveyFile]()
	register.DoFn4x1[[]byte, func(*string, **surveycsv.Accumulator) bool, func(*SurveyFile) bool, func(string), error](&summarizeSurveyFn{})
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
	Path     string
	Column   string // the answer column's name in the header
	Rows     int
	Blank    int
	Warnings []string
}

// Survey reads the survey exports matching the globs and returns a
// PCollection of one string: the JSON that cxkit nps (csat, ces,
// emotion) --json prints for that data, without its final newline.
//
// A file is read whole by one worker, with the library's strict reader
// (its errors name the file, line and column, and fail the pipeline): a
// CSV's quoted field may hold line breaks, so a file cannot be cut at
// any line. The files spread over the workers, and the partial
// accumulators of the files, one per group, are merged per group by
// SurveyFn, exactly; the answers of all files count as one export.
func Survey(s beam.Scope, globs []string, o SurveyOptions) beam.PCollection {
	s = s.Scope("cxbeam.Survey")
	files := fileio.MatchAll(s, beam.CreateList(s, globs), fileio.MatchEmptyDisallow())
	readable := fileio.ReadMatches(s, files, fileio.ReadDirectoryDisallow(), fileio.ReadUncompressed())
	parts, info := beam.ParDo2(s, &readSurveyFn{Options: fnOptions(o)}, readable)
	merged := beam.CombinePerKey(s, SurveyFn{}, parts)
	return beam.ParDo(s, &summarizeSurveyFn{Options: fnOptions(o)}, beam.Impulse(s), beam.SideInput{Input: merged}, beam.SideInput{Input: info})
}

// The keys of the partial accumulators: the whole export, or a group.
const (
	keyAll   = "all"
	keyGroup = "group:"
)

type readSurveyFn struct {
	Options surveyFnOptions `json:"options"`
}

func (f *readSurveyFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string, *surveycsv.Accumulator), emitFile func(SurveyFile)) error {
	r, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer r.Close()
	d, err := surveycsv.Read(r, file.Metadata.Path, f.Options.options().config())
	if err != nil {
		return surveyError(err)
	}
	emit(keyAll, d.All)
	for _, g := range d.Groups {
		emit(keyGroup+g.Name, g.Acc)
	}
	emitFile(SurveyFile{Path: file.Metadata.Path, Column: d.Column, Rows: d.Rows, Blank: d.Blank, Warnings: d.Warnings})
	return nil
}

// surveyError spells out every bad cell, as cxkit does, rather than the
// count alone.
func surveyError(err error) error {
	if cells, ok := errors.AsType[diag.List](err); ok {
		var b strings.Builder
		diag.Render(&b, cells, nil)
		return errors.New(strings.TrimSuffix(b.String(), "\n"))
	}
	return err
}

type summarizeSurveyFn struct {
	Options surveyFnOptions `json:"options"`
}

func (f *summarizeSurveyFn) ProcessElement(_ []byte, parts func(*string, **surveycsv.Accumulator) bool, files func(*SurveyFile) bool, emit func(string)) error {
	o := f.Options.options()
	d := &surveycsv.Data{File: o.File, Metric: o.Metric, By: o.By, Weight: o.Weight, Scale: o.Scale}
	var infos []SurveyFile
	var fi SurveyFile
	for files(&fi) {
		infos = append(infos, fi)
	}
	// The first file by name names the column, whatever order the
	// runner read them in.
	slices.SortFunc(infos, func(a, b SurveyFile) int { return strings.Compare(a.Path, b.Path) })
	for i, fi := range infos {
		if i == 0 {
			d.Column = fi.Column
		}
		d.Rows += fi.Rows
		d.Blank += fi.Blank
		d.Warnings = append(d.Warnings, fi.Warnings...)
	}
	var key string
	var acc *surveycsv.Accumulator
	for parts(&key, &acc) {
		if key == keyAll {
			d.All = acc
		} else {
			d.Groups = append(d.Groups, surveycsv.Group{Name: strings.TrimPrefix(key, keyGroup), Acc: acc})
		}
	}
	if d.All == nil {
		return fmt.Errorf("%s: no survey export read", o.File)
	}
	// Summarize ranks the groups by value and then by name, so the
	// order the runner hands them over in does not show; sorting by
	// name first makes even the input to it independent of the runner.
	slices.SortFunc(d.Groups, func(a, b surveycsv.Group) int { return strings.Compare(a.Name, b.Name) })
	sum, err := surveycsv.Summarize(d, metrics.Options{Level: o.Level, Method: o.Method})
	if err != nil {
		return err
	}
	sum.File = o.File
	out, err := encodeJSON(sum.JSON())
	if err != nil {
		return err
	}
	emit(out)
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
