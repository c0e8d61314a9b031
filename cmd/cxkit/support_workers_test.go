package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxkit/cxkit/metrics/support/ticketgen"
	"github.com/google/go-cmp/cmp"
)

// TestSupportWorkersSameOutput: cxkit support prints the same bytes,
// stdout and stderr, with any number of workers: on clean tickets, with
// bad lines (listed in line order), with a byte order mark, and with an
// id repeated far apart (which sends the read back to one pass).
func TestSupportWorkersSameOutput(t *testing.T) {
	dir := t.TempDir()
	g := ticketgen.New(7, time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	var lines []string
	for range 6000 {
		tk := g.Next()
		b, err := json.Marshal(tk)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	clean := strings.Join(lines, "\n") + "\n"
	bad := append([]string(nil), lines...)
	for i := 100; i < len(bad); i += 997 {
		bad[i] = fmt.Sprintf(`{"id": "bad%d", "created": "yesterday"}`, i)
	}
	bad[3000] = ""
	dup := append([]string(nil), lines...)
	dup[5500] = lines[10]
	files := map[string]string{
		"clean.jsonl": clean,
		"bad.jsonl":   "\ufeff" + strings.Join(bad, "\n") + "\n",
		"dup.jsonl":   strings.Join(dup, "\r\n"),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(clean) < 3*256<<10 {
		t.Fatalf("the tickets are %d bytes, too few for three workers", len(clean))
	}
	// The bad lines and the far repeat are reported, the same either way.
	for name, want := range map[string]string{"bad.jsonl": `bad.jsonl:101: ticket "bad100"`, "dup.jsonl": "duplicate id: line 11 has the same id"} {
		_, stderr, code := runCmd(t, "", "support", filepath.Join(dir, name), "--workers", "2")
		if code != exitInput || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr:\n%.500s\nwant %q", name, code, stderr, want)
		}
	}
	for name := range files {
		for _, args := range [][]string{{"--json"}, {"--by", "channel"}, {"--skip-bad", "--json"}} {
			args := append([]string{"support", filepath.Join(dir, name)}, args...)
			out1, err1, code1 := runCmd(t, "", append(args, "--workers", "1")...)
			for _, w := range []string{"2", "3"} {
				out, errs, code := runCmd(t, "", append(args, "--workers", w)...)
				if diff := cmp.Diff([]any{out1, err1, code1}, []any{out, errs, code}); diff != "" {
					t.Errorf("%s --workers %s differs from --workers 1 (-1 +%s):\n%s", strings.Join(args, " "), w, w, diff)
				}
			}
		}
	}
}
