package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/cxkit/cxkit/korto"
)

// diffHelp is printed by "cxkit diff -h" after the usage line.
const diffHelp = `OLD and NEW are .korto files or checklists in JSON form (.json); one of
them may be "-" for standard input. Lines marked ! are changes after which
scores of the two versions cannot be compared: weights, pass marks, scale
bounds and option values; questions added, removed, moved or given another
kind; critical, na, unscored or when changed; levels added or removed; the
model or the knockout rule. Wording, hints, tags and translations are
comparable. A renamed question is comparable too, but answer sheets must
use its new ID: a note under the change says so. diff warns when OLD and
NEW are different checklists, and when changes make scores incomparable
but the version is unchanged.

Exit status: 0 when the comparison ran, whatever it found; with
--exit-code, 1 when a change makes scores incomparable (as fmt -d does
for a file that is not canonical), so a CI job can stop such a change.
1 also when a file cannot be read or has errors; 2 on a usage error.
`

func init() {
	register(&Command{
		Name:      "diff",
		UsageLine: "diff [--json] [--exit-code] OLD NEW",
		Short:     "what changed between two checklist versions, marking (!) changes that make scores incomparable",
		Long:      diffHelp,
		Flags:     diffFlags,
	})
}

func diffFlags(fs *flag.FlagSet) Run {
	asJSON := fs.Bool("json", false, "print the changes as JSON")
	exitCode := fs.Bool("exit-code", false, "exit 1 when a change makes scores incomparable")
	return func(_ context.Context, e *env, files []string) error {
		if len(files) != 2 {
			return usagef("want two checklists, OLD and NEW; got %d", len(files))
		}
		if files[0] == "-" && files[1] == "-" {
			return usagef("only one of OLD and NEW can be standard input")
		}
		from, err := loadChecklist(e, files[0])
		if err != nil {
			e.report(err)
		}
		to, err := loadChecklist(e, files[1])
		if err != nil {
			e.report(err)
		}
		if from == nil || to == nil {
			return errPrinted
		}
		out := korto.NewDiffReport(inputName(files[0]), from, inputName(files[1]), to)
		if *asJSON {
			err = writeJSON(e.stdout, out)
		} else {
			err = writeDiffText(e.stdout, out)
		}
		if err != nil {
			return err
		}
		if *exitCode && !out.Comparable {
			return fmt.Errorf("scores of %s and %s are not comparable (%s marked !)",
				out.Old.File, out.New.File, diffCount(out.Incomparable, "change"))
		}
		return nil
	}
}

// writeDiffText prints a header, one line per change (incomparable ones
// marked "!", a note indented under its change), a one-line verdict and
// the warnings about the two versions as a whole.
func writeDiffText(w io.Writer, out *korto.DiffReport) error {
	bw := bufio.NewWriter(w)
	side := func(s korto.DiffSide) string {
		if s.Version != "" {
			return fmt.Sprintf("%s (%s %s)", s.File, s.ID, s.Version)
		}
		return fmt.Sprintf("%s (%s)", s.File, s.ID)
	}
	fmt.Fprintf(bw, "%s -> %s\n", side(out.Old), side(out.New))
	for _, ch := range out.Changes {
		mark := "  "
		if ch.Incomparable {
			mark = "! "
		}
		bw.WriteString(mark + ch.Message + "\n")
		if ch.Note != "" {
			bw.WriteString("    " + ch.Note + "\n")
		}
	}
	n := len(out.Changes)
	switch {
	case n == 0:
		bw.WriteString("no changes\n")
	case out.Comparable:
		fmt.Fprintf(bw, "%s; scores stay comparable\n", diffCount(n, "change"))
	default:
		verb := "make"
		if out.Incomparable == 1 {
			verb = "makes"
		}
		fmt.Fprintf(bw, "%s; %d (marked !) %s scores incomparable\n", diffCount(n, "change"), out.Incomparable, verb)
	}
	for _, w := range out.Warnings {
		bw.WriteString("warning: " + w.Message + "\n")
	}
	return bw.Flush()
}

func diffCount(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
