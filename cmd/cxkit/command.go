package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// A Command is one cxkit subcommand, in the manner of cmd/go's
// base.Command: what help says about it, the flags it takes and what it
// does. Commands live one a file and register themselves from init.
//
// The dispatcher (runCommand) does everything commands have in common:
// it builds and parses the flags, prints the usage for -h and for "cxkit
// help NAME", and turns the error Run returns into a message on standard
// error and an exit code (see env.report). A command only parses its
// arguments further, calls the library and prints.
type Command struct {
	// Name is the word after "cxkit" that runs the command, and the key
	// of "cxkit help NAME".
	Name string
	// UsageLine is the command line after "cxkit ", e.g. "score FILE
	// ANSWERS.json [--json]"; further forms go on lines of their own,
	// indented under the first.
	UsageLine string
	// Short is the one-line description in the list of commands.
	Short string
	// Long, when set, is printed by -h and "cxkit help NAME" between the
	// usage line and the flags.
	Long string
	// Flags defines the command's flags on fs and returns the function
	// that runs the command with their values. Each run builds a fresh
	// flag set, so no state is shared between runs (tests run commands
	// many times in one process).
	Flags func(fs *flag.FlagSet) Run
	// Args, when set, rewrites the arguments before the flags are
	// parsed: schema's --ui takes an optional value, which the flag
	// package cannot express.
	Args func(args []string) []string
}

// Run runs a command on its positional arguments, once the flags are
// parsed. A nil error is success; any other error is printed and mapped
// to an exit code by env.report.
type Run func(ctx context.Context, e *env, args []string) error

var commands = map[string]*Command{}

func register(c *Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cxkit: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// runCommand parses args for c, runs it and returns the exit code.
func runCommand(ctx context.Context, e *env, c *Command, args []string) int {
	fs := newFlagSet(c, e.stderr)
	run := c.Flags(fs)
	if c.Args != nil {
		args = c.Args(args)
	}
	var flagOut strings.Builder
	fs.SetOutput(&flagOut)
	pos, err := parseFlags(fs, args)
	if err != nil {
		// Asked for help (-h, --help), the user gets the usage on
		// standard output, as "cxkit help NAME" and "cxkit --help" give
		// theirs; a wrong flag gets the problem and the usage on
		// standard error.
		if errors.Is(err, flag.ErrHelp) {
			printUsage(e.stdout, c, fs)
			return exitOK
		}
		io.WriteString(e.stderr, flagOut.String())
		return exitUsage
	}
	fs.SetOutput(e.stderr)
	ce := *e
	ce.cmd, ce.code = c, exitOK
	if err := run(ctx, &ce, pos); err != nil {
		ce.report(err)
	}
	return ce.code
}

// newFlagSet returns c's flag set, which prints its errors and usage on
// w instead of exiting.
func newFlagSet(c *Command, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() { printUsage(fs.Output(), c, fs) }
	return fs
}

// printUsage prints c's usage line, its long help and its flags.
func printUsage(w io.Writer, c *Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: cxkit %s\n", c.UsageLine)
	if c.Long != "" {
		fmt.Fprintf(w, "\n%s\nflags:\n", c.Long)
	}
	printFlags(w, fs)
}

// printFlags lists fs's flags as the flag package does, but spelt as the
// usage lines and the docs spell them: --name for a long flag, -o for a
// one-letter one. The package itself writes every flag with one dash,
// which left users wondering whether "-json" and "--json" differ.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	var b strings.Builder
	out := fs.Output()
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(out)
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, "  -"); ok {
			name, _, _ := strings.Cut(rest, " ")
			name, _, _ = strings.Cut(name, "\t")
			if len(strings.TrimSpace(name)) > 1 {
				line = "  --" + rest
			}
		}
		io.WriteString(w, line)
	}
}

// printCommandHelp prints what "cxkit help NAME" says: the summary, the
// usage and the flags, on standard output like the command's own -h.
func printCommandHelp(w io.Writer, c *Command) {
	fmt.Fprintf(w, "%s\n\n", c.Short)
	fs := newFlagSet(c, w)
	c.Flags(fs)
	printUsage(w, c, fs)
}

// The errors a command returns, beside plain ones. Each kind is printed
// one way, by env.report.
type (
	// usageError is a wrong command line: exit 2, the message and the
	// usage line.
	usageError struct{ msg string }

	// sourceError is a file's diagnostics with the source they point
	// into: each is printed with its line and a caret. Warnings alone
	// leave the exit code as it is; no diagnostics at all is a failure
	// nothing could say more about.
	sourceError struct {
		diags korto.Diagnostics
		src   []byte
	}

	// exitStatus ends a command with its code after the command printed
	// the problems itself (listed lines of a file, a summary).
	exitStatus int
)

func (e *usageError) Error() string  { return e.msg }
func (e *sourceError) Error() string { return e.diags.Error() }
func (s exitStatus) Error() string   { return fmt.Sprintf("exit status %d", int(s)) }

// usagef returns a usage error: exit 2, with the command's usage line.
func usagef(format string, a ...any) error {
	return &usageError{fmt.Sprintf(format, a...)}
}

// errPrinted ends a command with exit 1 when it has printed its problems.
const errPrinted = exitStatus(exitInput)

// report prints err the one way its kind is printed and raises the exit
// code to the one it calls for; a command that goes on after a problem
// (check and fmt with several files) calls it for each and returns nil.
// A nil err is no problem.
//
//   - a usage error: "cxkit NAME: msg" and the usage line, exit 2;
//   - a checklist's diagnostics: each with its source line and caret,
//     exit 1 when one is an error;
//   - any other input's diagnostics (a CSV file's bad cells, a ticket
//     file's bad lines): each at its place, exit 1 when one is an error;
//   - a column the flags name wrongly: "cxkit NAME: msg", exit 2;
//   - any other error: "cxkit NAME: msg", exit 1.
func (e *env) report(err error) {
	if err == nil {
		return
	}
	code := exitInput
	prefix := "cxkit " + e.cmd.Name + ": "
	var (
		usage  *usageError
		source *sourceError
		status exitStatus
	)
	switch {
	case errors.As(err, &status):
		code = int(status)
	case errors.As(err, &usage):
		fmt.Fprintf(e.stderr, "%s%s\nusage: cxkit %s\n", prefix, usage.msg, e.cmd.UsageLine)
		code = exitUsage
	case errors.As(err, &source):
		if len(source.diags) > 0 && !source.diags.HasErrors() {
			code = exitOK
		}
		if rerr := diag.Render(e.stderr, source.diags, source.src); rerr != nil {
			fmt.Fprintf(e.stderr, "%s%v\n", prefix, rerr)
		}
	case diag.As(err) != nil:
		// The problems of an input whose source is not at hand (a CSV
		// file, a ticket file, a standards file): each at its place,
		// as diag.Render prints every problem.
		ds := diag.As(err)
		if !ds.HasErrors() {
			code = exitOK
		}
		if rerr := diag.Render(e.stderr, ds, nil); rerr != nil {
			fmt.Fprintf(e.stderr, "%s%v\n", prefix, rerr)
		}
	default:
		fmt.Fprintf(e.stderr, "%s%v\n", prefix, err)
		if _, ok := errors.AsType[surveycsv.ColumnError](err); ok {
			code = exitUsage
		}
	}
	e.code = max(e.code, code)
}

// warnf prints a warning of the running command: the input is usable,
// but probably not what the user meant.
func (e *env) warnf(format string, a ...any) {
	fmt.Fprintf(e.stderr, "cxkit %s: warning: %s\n", e.cmd.Name, fmt.Sprintf(format, a...))
}

// notef prints a note of the running command on standard error: what it
// guessed or left out, beside its output.
func (e *env) notef(format string, a ...any) {
	fmt.Fprintf(e.stderr, "cxkit %s: %s\n", e.cmd.Name, fmt.Sprintf(format, a...))
}
