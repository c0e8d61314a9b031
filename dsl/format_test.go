package dsl

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/korto"
)

func TestFormatGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/format/*.korto")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".korto"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Format(src)
			if err != nil {
				t.Fatalf("Format: %v", err)
			}
			golden.Check(t, strings.TrimSuffix(file, ".korto")+".golden", got)
		})
	}
}

// korFiles returns every .korto file of the repository that is meant to
// be valid: the examples and this package's test data, except the
// malformed files under testdata/errors. Examples are found by walking
// the tree, so new ones are tested as they are added.
func korFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "errors" || d.Name() == "fuzz") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".korto") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no .korto files found")
	}
	return files
}

// TestFormatRoundTrip checks, on every checklist of the repository, that
// formatting is idempotent and keeps the checklist the same.
func TestFormatRoundTrip(t *testing.T) {
	for _, file := range korFiles(t) {
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, diags := ParseWithDiagnostics(file, src)
			if want == nil {
				t.Skipf("does not parse:\n%s", renderString(diags, src))
			}
			once, err := Format(src)
			if err != nil {
				if diags.HasErrors() {
					t.Skipf("a malformed file: %v", err)
				}
				t.Fatalf("Format: %v", err)
			}
			twice, err := Format(once)
			if err != nil {
				t.Fatalf("Format(Format): %v\n%s", err, once)
			}
			if !bytes.Equal(once, twice) {
				t.Errorf("Format is not idempotent:\n%s", cmp.Diff(string(once), string(twice)))
			}
			got, _ := ParseWithDiagnostics(file, once)
			if diff := cmp.Diff(want, got, ignorePos); diff != "" {
				t.Errorf("Parse(Format(x)) differs from Parse(x) (-want +got):\n%s", diff)
			}
			// Print, without comments, must give the same checklist too.
			var printed bytes.Buffer
			if err := Print(&printed, want); err != nil {
				t.Fatal(err)
			}
			got, diags = ParseWithDiagnostics(file, printed.Bytes())
			if diff := cmp.Diff(want, got, ignorePos); diff != "" {
				t.Errorf("Parse(Print(x)) differs (-want +got):\n%s\n%s", diff, renderString(diags, printed.Bytes()))
			}
		})
	}
}

// TestJSONRoundTrip checks that every checklist's JSON form decodes to
// the same checklist.
func TestJSONRoundTrip(t *testing.T) {
	for _, file := range korFiles(t) {
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Parse(file, src)
			if err != nil {
				t.Skipf("not a valid checklist: %v", err)
			}
			data, err := json.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			var got korto.Checklist
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, &got, ignorePos); diff != "" {
				t.Errorf("JSON round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFormatRejectsSyntaxErrors(t *testing.T) {
	_, err := Format([]byte("checklist x {\n}\n"))
	ds := korto.AsDiagnostics(err)
	if len(ds) == 0 || ds[0].Code != diag.CodeSyntax {
		t.Errorf("Format(bad) error = %v, want a syntax diagnostic", err)
	}
}

// TestFormatKeepsInvalidChecklists: like gofmt with type errors, Format
// only needs the syntax to be right.
func TestFormatKeepsInvalidChecklists(t *testing.T) {
	src := "checklist x \"X\" {\n  level 9 \"L\" {\n    question q \"Q\" star\n  }\n}\n"
	got, err := Format([]byte(src))
	if err != nil {
		t.Fatalf("Format: %v", err)
	}
	if string(got) != src {
		t.Errorf("Format changed a canonical file:\n%s", got)
	}
}

func TestPrintGoChecklist(t *testing.T) {
	c := &korto.Checklist{
		ID: "go", Title: korto.Text{Text: "Built in Go"},
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "One"}, Pass: new(0.7), Items: []korto.Item{
			{Question: &korto.Question{ID: "q", Text: korto.Text{Text: "Q"}, Weight: new(float64(2))}},
		}}},
	}
	var b bytes.Buffer
	if err := Print(&b, c); err != nil {
		t.Fatal(err)
	}
	want := "checklist go \"Built in Go\" {\n  level 1 \"One\" pass 70% {\n    question q \"Q\" weight 2\n  }\n}\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Format places a syntax error where Parse does: columns count
// characters, so a Cyrillic title before the mistake does not move it.
func TestFormatErrorColumnsAreCharacters(t *testing.T) {
	src := []byte("checklist c \"C\" {\n  level 1 \"Основа\" pass 85 {\n    question a \"Привет\"\n  }\n}\n")
	_, perr := Parse("x.korto", src)
	_, ferr := Format(src)
	pd, fd := korto.AsDiagnostics(perr), korto.AsDiagnostics(ferr)
	if len(pd) == 0 || len(fd) == 0 {
		t.Fatalf("Parse: %v; Format: %v; want a syntax error from both", perr, ferr)
	}
	if pd[0].Pos.Line != fd[0].Pos.Line || pd[0].Pos.Column != fd[0].Pos.Column || fd[0].Pos.Column != 25 {
		t.Errorf("Parse places it at %d:%d, Format at %d:%d; want both at 2:25", pd[0].Pos.Line, pd[0].Pos.Column, fd[0].Pos.Line, fd[0].Pos.Column)
	}
}

// Print checks a checklist built in Go before writing it, as Parse
// checks what it reads: it must not panic on what Validate reports, nor
// write source that does not parse.
func TestPrintRefusesInvalid(t *testing.T) {
	valid := func() *korto.Checklist {
		return &korto.Checklist{ID: "c", Title: korto.Text{Text: "C"}, Levels: []*korto.Level{{
			Number: 1, Title: korto.Text{Text: "L"},
			Items: []korto.Item{{Question: &korto.Question{ID: "q", Text: korto.Text{Text: "Q"}}}},
		}}}
	}
	q := func(c *korto.Checklist) *korto.Question { return c.Levels[0].Items[0].Question }
	tests := []struct {
		name  string
		edit  func(*korto.Checklist) *korto.Checklist
		codes []string
	}{
		{"nil level", func(c *korto.Checklist) *korto.Checklist { c.Levels = append(c.Levels, nil); return c }, []string{"bad-item"}},
		{"empty item", func(c *korto.Checklist) *korto.Checklist {
			c.Levels[0].Items = append(c.Levels[0].Items, korto.Item{})
			return c
		}, []string{"bad-item"}},
		{"hyphen in an ID", func(c *korto.Checklist) *korto.Checklist { q(c).ID = "a-b"; return c }, []string{"bad-id"}},
		{"NaN weight", func(c *korto.Checklist) *korto.Checklist { q(c).Weight = new(math.NaN()); return c }, []string{"bad-weight"}},
		{"zero checklist", func(*korto.Checklist) *korto.Checklist { return &korto.Checklist{} }, []string{"bad-id", "no-levels"}},
		{"nil checklist", func(*korto.Checklist) *korto.Checklist { return nil }, []string{"bad-item"}},
		// Valid models that the language has no way to write.
		{"text not UTF-8", func(c *korto.Checklist) *korto.Checklist { q(c).Text.Text = "a\xffb"; return c }, []string{"bad-text"}},
		{"unit not UTF-8", func(c *korto.Checklist) *korto.Checklist {
			q(c).Kind = korto.Kind{Type: korto.KindMeasure, Unit: "\xc3", Op: korto.CmpOp("<="), Target: 5}
			return c
		}, []string{"bad-text"}},
		{"translation tag with a space", func(c *korto.Checklist) *korto.Checklist {
			c.Title.Tr = map[string]string{"en gb": "C"}
			return c
		}, []string{"bad-lang"}},
		{"empty translation tag", func(c *korto.Checklist) *korto.Checklist { q(c).Hint.Tr = map[string]string{"": "h"}; return c }, []string{"bad-lang"}},
		{"one language twice", func(c *korto.Checklist) *korto.Checklist {
			c.Levels[0].Title.Tr = map[string]string{"en": "L", "EN": "L"}
			return c
		}, []string{"bad-lang"}},
		{"lang not a tag", func(c *korto.Checklist) *korto.Checklist { c.Lang = "pt BR"; return c }, []string{"bad-lang"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Print(&b, tt.edit(valid()))
			var codes []string
			for _, d := range korto.AsDiagnostics(err) {
				if d.Severity == korto.SeverityError {
					codes = append(codes, d.Code)
				}
			}
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("Print error %v: codes (-want +got):\n%s", err, diff)
			}
			if b.Len() != 0 {
				t.Errorf("Print wrote %q with an error", b.String())
			}
		})
	}
	// Warnings are no obstacle: an empty level only warns.
	c := valid()
	c.Levels = append(c.Levels, &korto.Level{Number: 2, Title: korto.Text{Text: "Empty"}})
	var b bytes.Buffer
	if err := Print(&b, c); err != nil {
		t.Errorf("Print of a checklist with only warnings: %v", err)
	}
	if err := Print(nil, valid()); err == nil {
		t.Error("Print(nil, c): no error")
	}

	// What the language can write, odd as it looks, prints and parses
	// back to the same checklist.
	c = valid()
	c.Lang = "or"
	q(c).Text = korto.Text{Text: "Q\n\"\x00\u2028", Tr: map[string]string{"pt-BR": "P", "sr-Latn": "S"}}
	q(c).Kind.Type = korto.KindYesNo // as Parse sets it
	b.Reset()
	if err := Print(&b, c); err != nil {
		t.Fatalf("Print: %v", err)
	}
	back, err := Parse("printed.korto", b.Bytes())
	if err != nil {
		t.Fatalf("Parse(Print(c)): %v\n%s", err, b.Bytes())
	}
	if diff := cmp.Diff(c, back, ignorePos); diff != "" {
		t.Errorf("Parse(Print(c)) (-want +got):\n%s", diff)
	}
}

// Whatever Print accepts of a checklist read from a malformed file, as
// far as it was understood, it writes as source that parses cleanly.
func TestPrintNeverWritesBrokenSource(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.korto")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := ParseWithDiagnostics(file, src)
		var b bytes.Buffer
		if err := Print(&b, c); err != nil {
			if korto.AsDiagnostics(err) == nil {
				t.Errorf("%s: Print error %v is not a korto.Diagnostics", file, err)
			}
			continue
		}
		if _, err := Parse(file, b.Bytes()); err != nil {
			t.Errorf("%s: Print wrote source that does not parse: %v\n%s", file, err, b.Bytes())
		}
	}
}
