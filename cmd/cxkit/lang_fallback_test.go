package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A --lang the checklist lacks falls back whole: the texts, the built-in
// words and the schema's x-cxkit-lang all follow the language shown, and
// a region falls back to its language (en-GB to en).
func TestLangFallback(t *testing.T) {
	tests := []struct {
		lang, wantLang, wantTitle string
	}{
		{"en", "en", "A taxi ride"},
		{"EN", "en", "A taxi ride"},
		{"en-GB", "en", "A taxi ride"},
		{"en_GB", "en", "A taxi ride"},
		{"de", "ru", "Поездка на такси"},
	}
	for _, tt := range tests {
		var out, errs bytes.Buffer
		code := run(&env{stdout: &out, stderr: &errs}, []string{"schema", "../../examples/taxi/taxi.korto", "--lang", tt.lang})
		if code != exitOK {
			t.Fatalf("--lang %s: exit %d: %s", tt.lang, code, errs.String())
		}
		var s struct {
			Title string `json:"title"`
			Lang  string `json:"x-cxkit-lang"`
		}
		if err := json.Unmarshal(out.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]string{tt.wantLang, tt.wantTitle}, []string{s.Lang, s.Title}); d != "" {
			t.Errorf("--lang %s (-want +got):\n%s", tt.lang, d)
		}
		if warned := strings.Contains(errs.String(), "warning"); warned != (tt.lang == "en-GB" || tt.lang == "en_GB" || tt.lang == "de") {
			t.Errorf("--lang %s: stderr %q", tt.lang, errs.String())
		}
	}
}
