// Package groups is the one rule by which cxkit's readers split rows
// into the groups of --by: which group a cell names, the order in which
// groups are first listed, and which names are near-duplicates worth a
// warning. The survey, CSI and retail readers and the audit aggregator
// call it, so that "Store 1 " is the group "Store 1" for every command
// and every command warns of "Арбат 5" beside "арбат, 5".
package groups

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Name returns the group a --by cell puts its row in: the cell without
// the white space around it, so that a stray space typed into a form
// does not make a second row that looks the same. Spaces inside are
// kept. A blank cell names the group "" (the audit aggregator calls it
// korto.NoGroup, as an audit may lack the field altogether).
func Name(cell string) string { return strings.TrimSpace(cell) }

// NameBytes is Name of a cell held as bytes, for readers that do not
// make a string of every cell.
func NameBytes(cell []byte) []byte { return bytes.TrimSpace(cell) }

// Blank is how text output shows the group "" of blank cells; JSON
// keeps "".
const Blank = "(blank)"

// Label returns the name text output shows for group name: Blank for
// "", the name itself otherwise.
func Label(name string) string {
	if name == "" {
		return Blank
	}
	return name
}

// Set holds a value per group, in the order the groups were first seen
// in the input. Readers accumulate into it row by row; output ranks or
// sorts the groups afterwards, but a reader split into parts merges the
// parts in input order, so the one order the parts agree on is this.
// The zero Set is empty and ready to use.
type Set[T any] struct {
	index map[string]int
	names []string
	vals  []T
}

// Get returns the value of group name, made by mk when name is new.
func (s *Set[T]) Get(name string, mk func() T) T {
	if i, ok := s.index[name]; ok {
		return s.vals[i]
	}
	return s.add(name, mk())
}

// GetBytes is Get for a name held as bytes: it makes a string of the
// name only when the group is new.
func (s *Set[T]) GetBytes(name []byte, mk func() T) T {
	if i, ok := s.index[string(name)]; ok {
		return s.vals[i]
	}
	return s.add(string(name), mk())
}

func (s *Set[T]) add(name string, v T) T {
	if s.index == nil {
		s.index = map[string]int{}
	}
	s.index[name] = len(s.names)
	s.names = append(s.names, name)
	s.vals = append(s.vals, v)
	return v
}

// Len returns the number of groups.
func (s *Set[T]) Len() int { return len(s.names) }

// At returns the i-th group seen and its value.
func (s *Set[T]) At(i int) (string, T) { return s.names[i], s.vals[i] }

// Names returns the groups' names in the order first seen.
func (s *Set[T]) Names() []string { return slices.Clone(s.names) }

// Merge adds t, the groups of the input that follows s's, to s: a group
// s has gets t's value folded in by merge(s's value, t's value); a new
// one comes after s's, in t's order, with t's value.
func (s *Set[T]) Merge(t *Set[T], merge func(dst, src T) error) error {
	for i, name := range t.names {
		if j, ok := s.index[name]; ok {
			if err := merge(s.vals[j], t.vals[i]); err != nil {
				return err
			}
			continue
		}
		s.add(name, t.vals[i])
	}
	return nil
}

// Fold returns the form of a group name in which near-duplicates are
// equal (reports.md): Unicode case folding, full as the standard
// defines it ("Straße" and "STRASSE" are one name), on the canonical
// decomposition, so that a letter typed precomposed or with a combining
// mark is one letter; spaces, punctuation, symbols and format
// characters are removed.
func Fold(name string) string {
	// A Caser keeps state: one per call, as workers may call at once.
	s := norm.NFD.String(cases.Fold().String(norm.NFD.String(name)))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// NearDuplicates returns the names that are another name typed another
// way: for each name equal under Fold to a name before it in sorted
// order, the pair (that first name, the name). The group of blank
// cells ("") and the names in skip (korto.NoGroup) are no place and
// are left out. The result does not depend on the order of names.
func NearDuplicates(names []string, skip ...string) [][2]string {
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var out [][2]string
	first := map[string]string{}
	for _, name := range sorted {
		if name == "" || slices.Contains(skip, name) {
			continue
		}
		k := Fold(name)
		if f, ok := first[k]; ok {
			out = append(out, [2]string{f, name})
			continue
		}
		first[k] = name
	}
	return out
}

// Warnings returns a warning for each pair NearDuplicates finds, worded
// the same for every command.
func Warnings(names []string, skip ...string) []string {
	var out []string
	for _, p := range NearDuplicates(names, skip...) {
		out = append(out, fmt.Sprintf("groups %q and %q differ only in case, spaces or punctuation: one place typed two ways?", p[0], p[1]))
	}
	return out
}
