package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&command{
		name:    "import",
		usage:   "import FILE --checklist CHECKLIST [--from csv|odk|kobo|surveyjs|xlsx] [--skip-invalid] [--workers N]",
		summary: "turn answers collected in Excel, ODK, KoboToolbox or SurveyJS into answer sheets (JSON Lines)",
		run:     runImport,
	})
}

func runImport(e *env, args []string) int {
	c := commands["import"]
	fs := newFlags(e, c)
	var (
		checklistName, from string
		skipInvalid         bool
		workers             int
	)
	fs.StringVar(&checklistName, "checklist", "", "the `CHECKLIST` (.korto or JSON) the answers are for")
	fs.StringVar(&from, "from", "", "the file's `FORMAT`: csv, odk (ODK Central CSV export), kobo (KoboToolbox CSV export), surveyjs (results) or xlsx (default: told from the file)")
	fs.BoolVar(&skipInvalid, "skip-invalid", false, "write the good rows of a file that has bad ones (the bad ones are still listed on stderr)")
	workersFlag(fs, &workers, "check the rows")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	switch {
	case len(pos) != 1:
		return usageError(e, c, "need one file of answers (or - for standard input)")
	case checklistName == "":
		return usageError(e, c, "--checklist is missing: name the checklist the answers are for")
	case checklistName == "-" && pos[0] == "-":
		return usageError(e, c, "the checklist and the answers cannot both come from standard input")
	}
	var format fielddata.Format
	if from != "" {
		if format, err = fielddata.ParseFormat(from); err != nil {
			return usageError(e, c, "--from: %v", err)
		}
	}
	checklist, code := loadChecklist(e, "import", checklistName)
	if checklist == nil {
		return code
	}
	plan, err := korto.Compile(checklist)
	if err != nil {
		printCompileError(e, inputName(checklistName), err)
		return exitInput
	}
	in, err := openInput(e, pos[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit import: %v\n", err)
		return exitInput
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
		Problem:     func(p *fielddata.Error) { fmt.Fprintln(e.stderr, p.Error()) },
		Guessed: func(f fielddata.Format, why string) {
			fmt.Fprintf(e.stderr, "cxkit import: reading %s as %s, %s (say --from to choose)\n", name, f, strings.TrimPrefix(why, "guessed "+string(f)+" "))
		},
	})
	switch {
	case errors.Is(err, fielddata.ErrInvalid) && !skipInvalid:
		fmt.Fprintf(e.stderr, "cxkit import: %s with errors (%s); nothing written", plural(sum.Invalid, "row", "rows"), plural(sum.Errors, "problem", "problems"))
		if sum.Sheets > 0 {
			fmt.Fprintf(e.stderr, " (use --skip-invalid to write the %s)", plural(sum.Sheets, "good row", "good rows"))
		}
		fmt.Fprintln(e.stderr)
		return exitInput
	case errors.Is(err, fielddata.ErrInvalid):
		fmt.Fprintf(e.stderr, "cxkit import: %s written; %s with errors left out\n", plural(sum.Written, "sheet", "sheets"), plural(sum.Invalid, "row", "rows"))
		if sum.Written == 0 {
			return exitInput
		}
		return exitOK
	case err != nil:
		if fielddata.AsErrors(err) == nil {
			fmt.Fprintf(e.stderr, "cxkit import: %v\n", err)
		}
		return exitInput
	}
	if sum.Written == 0 {
		fmt.Fprintf(e.stderr, "cxkit import: %s has no rows of answers\n", name)
	}
	return exitOK
}
