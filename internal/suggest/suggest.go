// Package suggest finds the known name a misspelt one was meant to be,
// for "did you mean" hints in diagnostics and command-line errors.
package suggest

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Nearest returns the candidate closest to name, or "" when none is close
// enough to be a plausible typo.
//
// Closeness is the optimal-string-alignment distance over runes with case
// folded: one insertion, deletion, substitution or swap of two adjacent
// runes costs 1, so "stras" is one step from "stars" and "Stars" none.
// A candidate qualifies when it is at most max(1, n/3) steps away, n being
// the length of name in runes, and when not every rune had to change (so
// "x" does not suggest "q"). Ties go to the candidate that also matches
// the case more closely, then to the one sharing a longer start with
// name, then to the smaller one in byte order, so the
// answer never depends on the order of candidates. A candidate equal to
// name is returned as it is.
func Nearest(name string, candidates []string) string {
	n := utf8.RuneCountInString(name)
	limit := max(1, n/3)
	best, bestD, bestExact := "", limit+1, 0
	var sc scratch
	a := []rune(name)
	af := foldRunes(name)
	for _, c := range candidates {
		if c == name {
			return c
		}
		// The length difference alone bounds the distance from below.
		if m := utf8.RuneCountInString(c); abs(n-m) > limit {
			continue
		}
		b := sc.runes(c)
		bf := sc.fold(b)
		d := sc.distance(af, bf, limit)
		if d > limit || d >= max(len(af), len(bf)) || d > bestD {
			continue
		}
		e := -1 // the case-sensitive distance, worked out only for ties
		if d == bestD {
			if bestExact < 0 {
				bestExact = sc.distance(a, []rune(best), len(a)+len(best))
			}
			e = sc.distance(a, b, len(a)+len(b))
			if e > bestExact {
				continue
			}
			if e == bestExact {
				// A typo more often loses or changes the end of a word
				// than its start ("np" is "nps", not "na").
				pc, pb := commonPrefix(af, bf), commonPrefix(af, foldRunes(best))
				if pc < pb || pc == pb && c >= best {
					continue
				}
			}
		}
		best, bestD, bestExact = c, d, e
	}
	return best
}

// DidYouMean returns `; did you mean "x"?` naming the candidate Nearest
// picks, or "" when there is none; diagnostics append it to a message
// such as `unknown scale "stras"`.
func DidYouMean(name string, candidates []string) string {
	if s := Nearest(name, candidates); s != "" {
		return "; did you mean " + strconv.Quote(s) + "?"
	}
	return ""
}

// Distance returns the case-insensitive optimal-string-alignment distance
// between a and b in runes: the number of rune insertions, deletions,
// substitutions and adjacent swaps that turn one into the other, where no
// rune is edited twice.
func Distance(a, b string) int { return distance(foldRunes(a), foldRunes(b)) }

// commonPrefix returns how many leading runes a and b share.
func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func foldRunes(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}

// scratch holds the buffers of one Nearest call, so that trying many
// candidates allocates only when a longer one comes along.
type scratch struct {
	rb, fb []rune
	rows   []int
}

func (s *scratch) runes(str string) []rune {
	s.rb = s.rb[:0]
	for _, r := range str {
		s.rb = append(s.rb, r)
	}
	return s.rb
}

func (s *scratch) fold(r []rune) []rune {
	s.fb = s.fb[:0]
	for _, c := range r {
		s.fb = append(s.fb, unicode.ToLower(c))
	}
	return s.fb
}

func distance(a, b []rune) int {
	var s scratch
	return s.distance(a, b, len(a)+len(b))
}

// distance is the optimal-string-alignment (restricted Damerau) distance.
// It keeps three rows of the dynamic-programming table, so memory is
// linear in len(b). Once two consecutive rows exceed bound the distance
// can only exceed it too (a swap looks back two rows), and distance
// returns early with a value above bound.
func (s *scratch) distance(a, b []rune, bound int) int {
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	w := len(b) + 1
	if cap(s.rows) < 3*w {
		s.rows = make([]int, 3*w)
	}
	rows := s.rows[:3*w]
	prev2, prev, cur := rows[:w], rows[w:2*w], rows[2*w:]
	for j := range prev {
		prev[j] = j
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > bound && prevMin > bound {
			return bound + 1
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
