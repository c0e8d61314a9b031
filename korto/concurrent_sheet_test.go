package korto

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScoreOneSheetConcurrently scores one Sheet from several goroutines
// at once, as Sheet.Warnings allows: with no warnings, and with warnings
// it already holds. Run with -race, a write to the sheet shows up as a
// data race.
func TestScoreOneSheetConcurrently(t *testing.T) {
	p := scCompile(t, specMall())
	tests := []struct {
		name    string
		version string
		codes   []string
	}{
		{"no warnings", "2026.1", nil},
		{"warnings already set", "2025.9", []string{CodeVersionMismatch}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ReadAnswers(strings.NewReader(scMallSheet))
			if err != nil {
				t.Fatal(err)
			}
			s.Version = tt.version
			want, err := p.Score(s) // sets the warnings, if any, once
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			results := make([]Result, 8)
			for i := range results {
				wg.Go(func() {
					var b Bound
					if err := p.BindInto(&b, s); err != nil {
						t.Error(err)
						return
					}
					r, err := p.Score(s)
					if err != nil {
						t.Error(err)
					}
					results[i] = r
				})
			}
			wg.Wait()
			for _, r := range results {
				if diff := cmp.Diff(want, r); diff != "" {
					t.Errorf("concurrent Score differs (-want +got):\n%s", diff)
					break
				}
			}
			var codes []string
			for _, w := range s.Warnings {
				codes = append(codes, w.Code)
			}
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}
