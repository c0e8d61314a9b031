package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/internal/progress"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/metrics"
)

// parseFlags parses args allowing flags before, between and after the
// positional arguments ("cxkit score a.korto b.json --json"), which the
// standard flag package alone does not. A lone "-" is a positional
// argument (standard input); "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openInput opens a named file, or standard input for "-".
func openInput(e *env, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(e.stdin), nil
	}
	return os.Open(name)
}

// Caps on the whole files commands read, so that /dev/zero or a wrong
// file fails fast instead of taking all memory (the README's "Limits").
// Streams (tickets, CSV, JSON Lines) are capped per line or record by
// their readers instead.
const (
	maxInputSize  = korto.MaxSheetSize // any whole file, an answer sheet included
	maxConfigSize = 8 << 20            // --calendar, --standards
)

// readInput reads a whole named file, or standard input for "-", up to
// maxInputSize bytes.
func readInput(e *env, name string) ([]byte, error) {
	return readInputMax(e, name, maxInputSize)
}

// readInputMax reads a whole named file, or standard input for "-", and
// fails once it has read more than limit bytes, without reading on.
func readInputMax(e *env, name string, limit int64) ([]byte, error) {
	r := e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d MiB, the most cxkit reads here (see Limits in the README)", inputName(name), limit>>20)
	}
	return data, nil
}

// readChecklistInput reads a checklist file up to the size its parser
// takes: dsl.MaxFileSize for .korto source, korto.MaxChecklistJSONSize
// for the JSON form (and for standard input, which may be either).
func readChecklistInput(e *env, name string) ([]byte, error) {
	if name != "-" && !strings.EqualFold(filepath.Ext(name), ".json") {
		return readInputMax(e, name, dsl.MaxFileSize)
	}
	return readInputMax(e, name, korto.MaxChecklistJSONSize)
}

// writeJSON writes v as every command prints JSON (see jsonout).
func writeJSON(w io.Writer, v any) error { return jsonout.Write(w, v) }

// The command's printers format numbers and counts through textfmt,
// as the library's reports do (report/render).
func pct(x float64) string                  { return textfmt.Pct(x) }
func fixed(x float64, prec int) string      { return textfmt.Fixed(x, prec) }
func plural(n int, one, many string) string { return textfmt.Plural(n, one, many) }
func surveyP(p float64) string              { return textfmt.PValue(p) }

// stdinTwice reports whether more than one of the inputs is "-".
// Standard input can be read only once: a second reader would see an
// empty file and blame the input, so commands reject it as a usage error.
func stdinTwice(inputs ...string) bool {
	n := 0
	for _, s := range inputs {
		if s == "-" {
			n++
		}
	}
	return n > 1
}

// newProgress returns the progress bar of a long read of in, counting
// unit ("rows"): nil unless stderr is a terminal. The bar knows the size
// of a regular file, and so shows the time left. While there is a bar,
// e's stderr clears its line before each message (a bad row, a note),
// which would otherwise be printed after the bar's text.
func newProgress(e *env, unit string, in io.Reader) *progress.Bar {
	size := int64(-1)
	if f, ok := in.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	bar := progress.New(e.stderr, e.stderrTTY, size, unit)
	e.stderr = bar.Writer(e.stderr)
	return bar
}

// checkLevelFlag checks --level, the confidence level of the intervals,
// with one message for every command that takes it, as a usage error:
// the level is how the command was asked, not the data.
func checkLevelFlag(level float64) error {
	if metrics.CheckLevel(level) != nil {
		return usagef("--level %v: want a number between 0 and 1 whose interval is finite, e.g. 0.95", level)
	}
	return nil
}

// workersValue is --workers, the same on every command that reads a
// large input: how many cores to use, 0 (the default) for all of them.
// A negative number is refused as the flag is parsed, with one message.
type workersValue int

func (w *workersValue) String() string { return strconv.Itoa(int(*w)) }

func (w *workersValue) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return fmt.Errorf("%q: want a number of cores, 1 or more (0: all of them)", s)
	}
	*w = workersValue(n)
	return nil
}

// workersFlag defines --workers on fs into n; what says what the cores do.
func workersFlag(fs *flag.FlagSet, n *int, what string) {
	fs.Var((*workersValue)(n), "workers", what+" on `N` cores (0, the default: all of them); the output is the same for any N")
}
