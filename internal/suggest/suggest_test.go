package suggest

import (
	"fmt"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"stars", "stars", 0},
		{"stras", "stars", 1},  // adjacent swap
		{"star", "stars", 1},   // deletion
		{"starss", "stars", 1}, // insertion
		{"stbrs", "stars", 1},  // substitution
		{"Stars", "stars", 0},  // case is folded
		{"ca", "abc", 3},       // OSA: no rune is edited twice
		{"kitten", "sitting", 3},
		{"вход", "вхд", 1}, // runes, not bytes
		{"Вход", "вход", 0},
		{"чистота", "читсота", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	keywords := []string{"question", "section", "level", "survey", "weight", "critical", "choice", "scale", "when", "hint", "tags"}
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"stras", []string{"stars", "lifts"}, "stars"},
		{"star", []string{"stars", "lifts"}, "stars"},
		{"Stars", []string{"stars"}, "stars"},
		{"stars", []string{"stars"}, "stars"},
		{"qestion", keywords, "question"},
		{"questoin", keywords, "question"},
		{"wieght", keywords, "weight"},
		{"critcal", keywords, "critical"},
		{"sectoin", keywords, "section"},
		{"lvl", keywords, ""},       // two edits on three runes is too far
		{"x", []string{"q"}, ""},    // every rune replaced: not a typo
		{"x", []string{"xy"}, "xy"}, // one edit on a short name is fine
		{"entrnce", []string{"entrance", "toilets"}, "entrance"},
		{"вхд", []string{"вход", "выход"}, "вход"},
		{"парковка", []string{"парковк", "парковки"}, "парковк"}, // tie on distance and start: smaller in byte order
		{"np", []string{"na", "nps", "text"}, "nps"},             // tie on distance: the longer shared start wins
		{"zzz", []string{"stars", "lifts"}, ""},
		{"anything", nil, ""},
		{"", []string{"a"}, ""},
		// Both are one folded step away; the one whose case matches wins.
		{"Ab", []string{"ab", "AB"}, "AB"},
		{"ab", []string{"AB", "ab"}, "ab"},
		// Equal on every count: the smaller string, whatever the order.
		{"cat", []string{"hat", "bat"}, "bat"},
		{"cat", []string{"bat", "hat"}, "bat"},
	}
	for _, tt := range tests {
		if got := Nearest(tt.name, tt.candidates); got != tt.want {
			t.Errorf("Nearest(%q, %q) = %q, want %q", tt.name, tt.candidates, got, tt.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got, want := DidYouMean("stras", []string{"stars"}), `; did you mean "stars"?`; got != want {
		t.Errorf("DidYouMean = %q, want %q", got, want)
	}
	if got := DidYouMean("zzz", []string{"stars"}); got != "" {
		t.Errorf("DidYouMean with no near candidate = %q, want empty", got)
	}
}

func ExampleDidYouMean() {
	scales := []string{"stars", "grade"}
	fmt.Printf("unknown scale %q%s\n", "stras", DidYouMean("stras", scales))
	// Output:
	// unknown scale "stras"; did you mean "stars"?
}

func FuzzDistance(f *testing.F) {
	f.Add("stars", "stras")
	f.Add("вход", "Вход")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := Distance(a, b)
		if d != Distance(b, a) {
			t.Fatalf("Distance(%q, %q) is not symmetric", a, b)
		}
		la, lb := len(foldRunes(a)), len(foldRunes(b))
		if d < abs(la-lb) || d > max(la, lb) {
			t.Fatalf("Distance(%q, %q) = %d, outside [%d, %d]", a, b, d, abs(la-lb), max(la, lb))
		}
		if (d == 0) != (string(foldRunes(a)) == string(foldRunes(b))) {
			t.Fatalf("Distance(%q, %q) = %d disagrees with equality", a, b, d)
		}
	})
}

func BenchmarkNearest(b *testing.B) {
	var ids []string
	for i := range 100 {
		ids = append(ids, fmt.Sprintf("question_%03d", i))
	}
	b.ReportAllocs()
	for b.Loop() {
		Nearest("qeustion_042", ids)
	}
}

// BenchmarkNearestBaseline is the plain way: Levenshtein over runes with
// fresh rows for every candidate, no case folding, no swaps.
func BenchmarkNearestBaseline(b *testing.B) {
	var ids []string
	for i := range 100 {
		ids = append(ids, fmt.Sprintf("question_%03d", i))
	}
	lev := func(a, b string) int {
		ra, rb := []rune(a), []rune(b)
		prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
		for j := range prev {
			prev[j] = j
		}
		for i := 1; i <= len(ra); i++ {
			cur[0] = i
			for j := 1; j <= len(rb); j++ {
				cost := 1
				if ra[i-1] == rb[j-1] {
					cost = 0
				}
				cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			}
			prev, cur = cur, prev
		}
		return prev[len(rb)]
	}
	b.ReportAllocs()
	for b.Loop() {
		best, bestD := "", 5
		for _, id := range ids {
			if d := lev("qeustion_042", id); d < bestD {
				best, bestD = id, d
			}
		}
		if best == "" {
			b.Fatal("nothing found")
		}
	}
}
