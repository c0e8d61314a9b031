package cxbeam

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
	"github.com/cxkit/cxkit/diag"
)

// runPipeline runs the pipeline that build makes and returns what its
// output PCollection of strings holds, or the error of the failed job.
func runPipeline(t *testing.T, build func(s beam.Scope) beam.PCollection) (string, error) {
	t.Helper()
	outs, err := runOutputs(t, func(s beam.Scope) []beam.PCollection { return []beam.PCollection{build(s)} })
	if err != nil {
		return "", err
	}
	return outs[0], nil
}

// runOutputs runs the pipeline that build makes and returns what each
// of its outputs, PCollections of strings, holds, one element a line
// (as textio.Write writes them), or the error of the failed job.
func runOutputs(t *testing.T, build func(s beam.Scope) []beam.PCollection) ([]string, error) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	dir := t.TempDir()
	cols := build(s)
	for i, col := range cols {
		textio.Write(s, filepath.Join(dir, fmt.Sprintf("out-%d", i)), col)
	}
	if err := ptest.Run(p); err != nil {
		return nil, err
	}
	outs := make([]string, len(cols))
	for i := range cols {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("out-%d", i)))
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = string(b)
	}
	return outs, nil
}

// exampleTickets returns the lines of the example ticket export.
func exampleTickets(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(cxkittest.Root("examples/support/tickets.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func writeLines(t testing.TB, name string, lines ...string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// badLinesOf returns what cxkit support printed for the bad lines of a
// failed run: every line of its standard error but its last, which says
// that nothing was computed.
func badLinesOf(t testing.TB, stderr string) string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) < 2 || !strings.Contains(lines[len(lines)-1], "nothing computed") {
		t.Fatalf("cxkit support's errors end unexpectedly:\n%s", stderr)
	}
	return strings.Join(lines[:len(lines)-1], "\n") + "\n"
}

// TestSupportDuplicateInTwoFiles: a ticket given in two files is a bad
// line at its second place, as it is in the one file made of both, and
// only the first counts.
func TestSupportDuplicateInTwoFiles(t *testing.T) {
	ex := exampleTickets(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "parts", "a.jsonl"), filepath.Join(dir, "parts", "b.jsonl")
	writeLines(t, a, ex[0:5]...)
	writeLines(t, b, ex[5], ex[6], ex[7], ex[2], ex[8], ex[9])
	whole := filepath.Join(dir, "whole.jsonl")
	writeLines(t, whole, append(ex[0:5:5], ex[5], ex[6], ex[7], ex[2], ex[8], ex[9])...)
	glob := filepath.Join(dir, "parts", "*.jsonl")

	want := cxkittest.Run(t, "support", whole, "--skip-bad", "--json")
	if !strings.Contains(want, `"skipped_lines": 1`) {
		t.Fatalf("cxkit support does not skip the repeat:\n%.400s", want)
	}
	got := runToString(t, func(s beam.Scope) beam.PCollection {
		return Support(s, []string{glob}, SupportOptions{SkipBad: true})
	})
	if got != want {
		t.Errorf("pipeline output differs from cxkit support --skip-bad:\n got: %.600s\nwant: %.600s", got, want)
	}

	// Without SkipBad the job fails naming both places; in one file
	// cxkit says it so.
	if stderr := cxkittest.Fail(t, "support", whole); !strings.Contains(stderr, whole+`:9: ticket "T00003": duplicate id: line 3 has the same id`) {
		t.Fatalf("cxkit support says:\n%s", stderr)
	}
	_, err := runPipeline(t, func(s beam.Scope) beam.PCollection { return Support(s, []string{glob}, SupportOptions{}) })
	wantErr := b + `:4: ticket "T00003": duplicate id: ` + a + `:3 has the same id (a ticket must appear once; the first is kept)` + "\n" +
		b + ": 1 bad line; nothing computed"
	if err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Errorf("job error = %v\nwant it to say:\n%s", err, wantErr)
	}
}

// TestSupportChunks: one file of tickets with bad lines, repeats, blank
// lines and a byte order mark, read in chunks of many sizes (some cut
// inside a line, some at its end), gives what cxkit support gives: the
// same JSON with --skip-bad, and without it the same bad lines at the
// same lines.
func TestSupportChunks(t *testing.T) {
	ex := exampleTickets(t)
	var lines []string
	for i, l := range ex {
		switch {
		case i == 0:
			l = "\ufeff" + l
		case i%37 == 5:
			lines = append(lines, "")
		case i%53 == 7:
			lines = append(lines, ex[i/2]) // a repeat of an earlier ticket
		case i%61 == 11:
			l = l[:len(l)/2] // cut short: not JSON
		}
		lines = append(lines, l)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "tickets.jsonl")
	writeLines(t, name, lines...)

	wantJSON := cxkittest.Run(t, "support", name, "--skip-bad", "--json", "--by", "channel")
	wantErrs := badLinesOf(t, cxkittest.Fail(t, "support", name))
	if n := strings.Count(wantErrs, "duplicate id"); n < 3 {
		t.Fatalf("want a few repeats in the test file, cxkit found %d:\n%s", n, wantErrs)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	lineEnd := int64(bytes.IndexByte([]byte(strings.Join(lines, "\n")), '\n') + 1)
	for _, size := range cutSizes(1, lineEnd, lineEnd+1, 997, 4096, fi.Size()/3, fi.Size()) {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Support(s, []string{name}, SupportOptions{SkipBad: true, By: "channel", ChunkSize: size})
			})
			if got != wantJSON {
				t.Errorf("pipeline output differs from cxkit support --skip-bad:\n got: %.600s\nwant: %.600s", got, wantJSON)
			}
			_, err := runPipeline(t, func(s beam.Scope) beam.PCollection {
				return Support(s, []string{name}, SupportOptions{ChunkSize: size})
			})
			if err == nil || !strings.Contains(err.Error(), wantErrs) {
				t.Errorf("job error = %v\nwant it to hold cxkit's:\n%s", err, wantErrs)
			}
		})
	}
}

// cutSizes returns the chunk sizes a test cuts its files in. One-byte
// chunks make one Beam element per byte of the file, minutes of the
// prism runner for a file of sheets; with -short (CI) they are left
// out, and TestChunkReaderLines still cuts a file at every byte.
func cutSizes(sizes ...int64) []int64 {
	if !testing.Short() {
		return sizes
	}
	return slices.DeleteFunc(slices.Clone(sizes), func(n int64) bool { return n == 1 })
}

// TestChunkReaderLines: the chunks of a file, however it is cut, hold
// each of its lines once, and count them.
func TestChunkReaderLines(t *testing.T) {
	text := "a\n\nbb\nccc\r\n\ndddd" // no line break at the end
	name := filepath.Join(t.TempDir(), "f.jsonl")
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for size := int64(1); size <= int64(len(text))+1; size++ {
		var got bytes.Buffer
		lines := 0
		for start := int64(0); start < int64(len(text)); start += size {
			end := start + size
			if end >= int64(len(text)) {
				end = -1
			}
			r, err := openChunk(t.Context(), chunk{Path: name, Start: start, End: end})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(&got, r); err != nil {
				t.Fatal(err)
			}
			lines += r.lines
			r.Close()
			if end < 0 {
				break
			}
		}
		if got.String() != text {
			t.Errorf("chunks of %d bytes read %q, want %q", size, got.String(), text)
		}
		if lines != 6 {
			t.Errorf("chunks of %d bytes count %d lines, want 6", size, lines)
		}
	}
}

// TestSupportBadLinesCapped: a job over files of many bad lines carries
// and lists only the first maxListedBad of them, as cxkit lists them in
// the files one after another, then the count of the rest; its failure,
// written to the notes, counts them all and is a diag.List for
// errors.As.
func TestSupportBadLinesCapped(t *testing.T) {
	ex := exampleTickets(t)
	dir := t.TempDir()
	var files []string
	for i, n := range []int{maxListedBad - 10, 13} {
		lines := []string{ex[i]}
		for j := range n {
			lines = append(lines, fmt.Sprintf(`{"id":"B%d-%d"}`, i, j))
		}
		files = append(files, filepath.Join(dir, fmt.Sprintf("t%d.jsonl", i)))
		writeLines(t, files[i], lines...)
	}
	var want []string
	for _, f := range files {
		want = append(want, strings.Split(badLinesOf(t, cxkittest.Fail(t, "support", f)), "\n")...)
	}
	want = slices.DeleteFunc(want, func(l string) bool { return l == "" })
	total := len(want)
	want = append(want[:maxListedBad], "3 more bad lines not shown", fmt.Sprintf("cxkit support: %d bad lines; nothing computed (--skip-bad computes from the good lines)", total))
	o := SupportOptions{ChunkSize: 4096, NotesOnFailure: filepath.Join(dir, "notes.json")}
	if _, err := runPipeline(t, func(s beam.Scope) beam.PCollection {
		return Support(s, []string{filepath.Join(dir, "t*.jsonl")}, o)
	}); err == nil {
		t.Fatal("the job did not fail")
	}
	n, err := ReadNotes(t.Context(), o.NotesOnFailure)
	if err != nil || n.Failure == nil {
		t.Fatalf("notes %+v, %v: want the failure", n, err)
	}
	if got := notesText(t, n, "cxkit support"); got != strings.Join(want, "\n")+"\n" {
		t.Errorf("printed failure differs from cxkit's bad lines, capped:\n got: %.2000s\nwant: %.2000s", got[max(0, len(got)-2000):], strings.Join(want[len(want)-20:], "\n"))
	}
	if ds, ok := errors.AsType[diag.List](n.Failure.Err()); !ok || len(ds) != maxListedBad+1 {
		t.Errorf("failure's error %v: want a diag.List of %d problems for errors.As", n.Failure.Err(), maxListedBad+1)
	}
}
