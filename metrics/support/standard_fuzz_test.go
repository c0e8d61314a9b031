package support_test

import (
	"os"
	"testing"

	"github.com/cxkit/cxkit/metrics/support"
)

// FuzzParseStandards: a standards file never panics the reader, and one
// it accepts is a valid set.
func FuzzParseStandards(f *testing.F) {
	if data, err := os.ReadFile("../../examples/support/standards.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"standards": []}`))
	f.Add([]byte(`{"standards": [{"kpi": "first_response", "target": "1h", "direction": "at_most"}]}`))
	f.Add([]byte(`{"standards": null}`))
	f.Add([]byte("\ufeff{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := support.ParseStandards(data)
		if err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("accepted %q but Validate says %v", data, err)
		}
	})
}
