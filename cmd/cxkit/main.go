// Command cxkit checks, formats and exports .korto checklists, scores
// audits against them, and computes survey and support metrics.
//
// Usage:
//
//	cxkit <command> [arguments]
//
// Run "cxkit help" for the list of commands. Every command reads files or
// "-" (standard input), writes to standard output, reports problems on
// standard error, and exits 0 on success, 1 when the input is wrong and 2
// on a usage error.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/cxkit/cxkit/internal/suggest"
)

// Exit codes shared by every command.
const (
	exitOK    = 0
	exitInput = 1 // the input is wrong
	exitUsage = 2 // the command line is wrong
)

// env is what a command may touch, so tests can run commands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// stderrTTY tells whether stderr is a terminal (progress lines).
	stderrTTY bool

	cmd  *Command // the running command, which names its messages
	code int      // its exit code so far (see report)
}

func main() {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrTTY: isTerminal(os.Stderr)}
	os.Exit(run(e, os.Args[1:]))
}

// run dispatches args to a command and returns the exit code. A command
// whose output could not be written in full (a full disk, a closed pipe
// end, /dev/full) fails with exitInput even if it returned exitOK: the
// user must not take a truncated report or checklist for a whole one.
// Standard output is checked here, once, rather than at every print.
func run(e *env, args []string) int {
	out := &checkedWriter{w: e.stdout}
	ce := *e
	ce.stdout = out
	code := dispatch(context.Background(), &ce, args)
	if err := out.Err(); err != nil {
		fmt.Fprintf(e.stderr, "cxkit: writing standard output: %v\n", err)
		if code == exitOK {
			code = exitInput
		}
	}
	return code
}

func dispatch(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		printHelp(e.stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) == 1 || args[1] == "help" {
			printHelp(e.stdout)
			return exitOK
		}
		c, ok := commands[args[1]]
		if !ok {
			return unknownCommand(e, args[1])
		}
		printCommandHelp(e.stdout, c)
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		return unknownCommand(e, args[0])
	}
	return runCommand(ctx, e, c, args[1:])
}

func unknownCommand(e *env, name string) int {
	fmt.Fprintf(e.stderr, "cxkit: unknown command %q\n", name)
	if s := nearestCommand(name); s != "" {
		fmt.Fprintf(e.stderr, "did you mean %q?\n", s)
	}
	fmt.Fprintln(e.stderr, "run 'cxkit help' for the list of commands")
	return exitUsage
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "cxkit measures customer service: checklists, audits and metrics.")
	fmt.Fprintln(w, "\nusage: cxkit <command> [arguments]\n\ncommands:")
	names := make([]string, 0, len(commands))
	width := 0
	for n := range commands {
		names = append(names, n)
		width = max(width, len(n))
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, commands[n].Short)
	}
	fmt.Fprintln(w, "\nrun 'cxkit help <command>' for a command's flags")
}

// nearestCommand returns the command name s is likely a typo of, or "".
func nearestCommand(s string) string {
	names := []string{"help"}
	for n := range commands {
		names = append(names, n)
	}
	return suggest.Nearest(s, names)
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// checkedWriter remembers the first failed write; once a write failed,
// every later one fails with the same error, so a command stops producing
// output nobody will read.
type checkedWriter struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		c.err = err
	}
	return n, err
}

// Sync flushes the file underneath, when there is one (serve-form prints
// its address and syncs so scripts see it at once).
func (c *checkedWriter) Sync() error {
	if f, ok := c.w.(interface{ Sync() error }); ok {
		return f.Sync()
	}
	return nil
}

// Stat, Seek and Truncate reach the file underneath, so that cxkit
// import can write a regular file as it goes and cut it back if the
// import fails (fielddata.Import), instead of holding the lines back.
// fielddata.Import itself leaves alone a file standard error also
// writes to ("> log 2>&1"; see ImportOptions.ProblemOutput).
func (c *checkedWriter) Stat() (os.FileInfo, error) {
	if f, ok := c.w.(*os.File); ok {
		return f.Stat()
	}
	return nil, errors.ErrUnsupported
}

func (c *checkedWriter) Seek(offset int64, whence int) (int64, error) {
	if f, ok := c.w.(*os.File); ok {
		return f.Seek(offset, whence)
	}
	return 0, errors.ErrUnsupported
}

func (c *checkedWriter) Truncate(size int64) error {
	if f, ok := c.w.(*os.File); ok {
		return f.Truncate(size)
	}
	return errors.ErrUnsupported
}

// Err returns the first write error, or nil.
func (c *checkedWriter) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}
