package metrics

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The Parse functions read names alike: any case, surrounding space
// ignored, and the canonical value back.
func TestParseNames(t *testing.T) {
	type got struct {
		Value string
		Err   bool
	}
	tests := []struct {
		in   string
		want map[string]got // by parser
	}{
		{"Wilson", map[string]got{"method": {"wilson", false}, "emotion": {"", true}, "direction": {"", true}}},
		{" ADJUSTED-Wald ", map[string]got{"method": {"adjusted-wald", false}, "emotion": {"", true}, "direction": {"", true}}},
		{"T", map[string]got{"method": {"t", false}, "emotion": {"", true}, "direction": {"", true}}},
		{"Positive", map[string]got{"method": {"", true}, "emotion": {"positive", false}, "direction": {"", true}}},
		{"HIGH\n", map[string]got{"method": {"", true}, "emotion": {"", true}, "direction": {"high", false}}},
		{"adjusted wald", map[string]got{"method": {"", true}, "emotion": {"", true}, "direction": {"", true}}},
		{"", map[string]got{"method": {"", true}, "emotion": {"", true}, "direction": {"", true}}},
	}
	str := func(v interface{ String() string }, err error) got {
		if err != nil {
			return got{Err: true}
		}
		return got{Value: v.String()}
	}
	for _, tt := range tests {
		m, err := ParseMethod(tt.in)
		res := map[string]got{"method": {string(m), err != nil}}
		res["emotion"] = str(ParseEmotion(tt.in))
		res["direction"] = str(ParseDirection(tt.in))
		if diff := cmp.Diff(tt.want, res); diff != "" {
			t.Errorf("parsing %q (-want +got):\n%s", tt.in, diff)
		}
	}
	if s, err := ParseScale(" 1..7 ", "High"); err != nil || s != CES2 {
		t.Errorf("ParseScale(1..7, High) = %v, %v", s, err)
	}
}
