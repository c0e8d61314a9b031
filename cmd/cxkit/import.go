package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&Command{
		Name:      "import",
		UsageLine: "import FILE --checklist CHECKLIST [--from csv|odk|odk-xml|kobo|surveyjs|xlsx] [--skip-invalid] [--workers N]",
		Short:     "turn answers collected in Excel, ODK (CSV or XML), KoboToolbox or SurveyJS into answer sheets (JSON Lines)",
		Flags:     importFlags,
	})
}

func importFlags(fs *flag.FlagSet) Run {
	var (
		checklistName, from string
		skipInvalid         bool
		workers             int
	)
	fs.StringVar(&checklistName, "checklist", "", "the `CHECKLIST` (.korto or JSON) the answers are for")
	fs.StringVar(&from, "from", "", "the file's `FORMAT`: csv, odk (ODK Central CSV export), odk-xml (ODK XML submissions), kobo (KoboToolbox CSV export), surveyjs (results) or xlsx (default: told from the file)")
	fs.BoolVar(&skipInvalid, "skip-invalid", false, "write the good rows of a file that has bad ones (the bad ones are still listed on stderr)")
	workersFlag(fs, &workers, "check the rows")
	return func(_ context.Context, e *env, pos []string) error {
		switch {
		case len(pos) != 1:
			return usagef("need one file of answers (or - for standard input)")
		case checklistName == "":
			return usagef("--checklist is missing: name the checklist the answers are for")
		case checklistName == "-" && pos[0] == "-":
			return usagef("the checklist and the answers cannot both come from standard input")
		}
		var format fielddata.Format
		if from != "" {
			var err error
			if format, err = fielddata.ParseFormat(from); err != nil {
				return usagef("--from: %v", err)
			}
		}
		checklist, src, err := loadChecklistSource(e, checklistName)
		if err != nil {
			return err
		}
		plan, err := korto.Compile(checklist)
		if err != nil {
			return checklistError(inputName(checklistName), src, err)
		}
		in, err := openInput(e, pos[0])
		if err != nil {
			return err
		}
		defer in.Close()
		name := inputName(pos[0])
		var prog func(bytes, rows int64)
		if bar := newProgress(e, "rows", in); bar != nil {
			defer bar.Finish()
			prog = bar.Add
		}
		sum, err := fielddata.Import(e.stdout, in, plan, fielddata.ImportOptions{
			Options:     fielddata.Options{Format: format, Name: name},
			SkipInvalid: skipInvalid,
			Workers:     workers,
			Progress:    prog,
			Problem:     func(p *diag.Diagnostic) { fmt.Fprintln(e.stderr, p.Error()) },
			// The problems and the notes below go there: a failed
			// import must not cut them back with its output.
			ProblemOutput: e.stderr,
			Guessed: func(f fielddata.Format, why string) {
				e.notef("reading %s as %s, %s (say --from to choose)", name, f, strings.TrimPrefix(why, "guessed "+string(f)+" "))
			},
		})
		switch {
		case errors.Is(err, fielddata.ErrInvalid) && !skipInvalid:
			msg := fmt.Sprintf("%s with errors (%s); nothing written", plural(sum.Invalid, "row", "rows"), plural(sum.Errors, "problem", "problems"))
			if sum.Sheets > 0 {
				msg += fmt.Sprintf(" (use --skip-invalid to write the %s)", plural(sum.Sheets, "good row", "good rows"))
			}
			return errors.New(msg)
		case errors.Is(err, fielddata.ErrInvalid):
			e.notef("%s written; %s with errors left out", plural(sum.Written, "sheet", "sheets"), plural(sum.Invalid, "row", "rows"))
			if sum.Written == 0 {
				return errPrinted
			}
			return nil
		case err != nil:
			if sum.Written > 0 {
				e.notef("%s written before the error; the rest of %s was not read", plural(sum.Written, "sheet", "sheets"), name)
			}
			if diag.As(err) != nil {
				return errPrinted // listed by Problem
			}
			return err
		}
		if sum.Written == 0 {
			e.notef("%s has no rows of answers", name)
		}
		return nil
	}
}
