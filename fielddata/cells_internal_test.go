package fielddata

import (
	"math"
	"strconv"
	"testing"
)

// parseNumber's shortcut for whole numbers gives what ParseFloat does.
func TestParseNumberWhole(t *testing.T) {
	for _, s := range []string{"0", "7", "007", "10", "999999999999999", "9999999999999999", "12345678901234567890", "-0", "+3", "4.0", "1e3"} {
		got, ok := parseNumber(s, false)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || got != want || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("parseNumber(%q) = %v, %v; ParseFloat: %v, %v", s, got, ok, want, err)
		}
	}
}
