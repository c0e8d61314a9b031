package main

import (
	"errors"
	"strings"
	"testing"
)

// endlessZeros is /dev/zero on standard input, except that it gives up
// after giveUp bytes, so that a reader without a cap fails the test
// instead of taking all memory.
type endlessZeros struct{ read, giveUp int }

var errReadTooFar = errors.New("the command read on past every limit")

func (z *endlessZeros) Read(p []byte) (int, error) {
	if z.read >= z.giveUp {
		return 0, errReadTooFar
	}
	clear(p)
	z.read += len(p)
	return len(p), nil
}

// Every command given /dev/zero stops at its documented cap with exit 1
// and says so.
func TestEndlessInputStopsAtCap(t *testing.T) {
	const korto = "../../examples/mall/mall.korto"
	const tickets = "../../examples/support/tickets.jsonl"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "-"}, "larger than 32 MiB"},
		{[]string{"export", "-"}, "larger than 32 MiB"},
		{[]string{"fmt", "-"}, "larger than 32 MiB"},
		{[]string{"schema", "-"}, "larger than 32 MiB"},
		{[]string{"diff", "-", korto}, "larger than 32 MiB"},
		{[]string{"score", "-", "x.json"}, "larger than 32 MiB"},
		{[]string{"score", korto, "-"}, "larger than 64 MiB"},
		{[]string{"support", "-"}, "longer than 16 MiB"},
		{[]string{"support", tickets, "--calendar", "-"}, "larger than 8 MiB"},
		{[]string{"support", tickets, "--standards", "-"}, "larger than 8 MiB"},
		{[]string{"nps", "-"}, "longer than 1 MiB"},
		{[]string{"csat", "-"}, "longer than 1 MiB"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			z := &endlessZeros{giveUp: 100 << 20}
			var out, errb strings.Builder
			code := run(&env{stdin: z, stdout: &out, stderr: &errb}, c.args)
			if code != exitInput || !strings.Contains(errb.String(), c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errb.String(), exitInput, c.want)
			}
		})
	}
}
