package groups

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestName pins which group a cell names: spaces around trimmed,
// spaces inside kept, a blank cell the group "".
func TestName(t *testing.T) {
	for _, tc := range []struct{ cell, want, label string }{
		{"Store 1", "Store 1", "Store 1"},
		{" Store 1\t", "Store 1", "Store 1"},
		{"\u00a0Арбат 5\u2003", "Арбат 5", "Арбат 5"}, // Unicode spaces too
		{"A  B", "A  B", "A  B"},
		{"", "", Blank},
		{" \t ", "", Blank},
	} {
		if got := Name(tc.cell); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.cell, got, tc.want)
		}
		if got := string(NameBytes([]byte(tc.cell))); got != tc.want {
			t.Errorf("NameBytes(%q) = %q, want %q", tc.cell, got, tc.want)
		}
		if got := Label(Name(tc.cell)); got != tc.label {
			t.Errorf("Label(Name(%q)) = %q, want %q", tc.cell, got, tc.label)
		}
	}
}

type count struct{ n int }

// TestSet: groups are listed in the order first seen, and a reader
// split in two parts that merges them in input order lists the groups
// and counts as one pass does.
func TestSet(t *testing.T) {
	type group struct {
		Name string
		N    int
	}
	list := func(s *Set[*count]) []group {
		var out []group
		for i := range s.Len() {
			name, c := s.At(i)
			out = append(out, group{name, c.n})
		}
		return out
	}
	read := func(cells []string) *Set[*count] {
		var s Set[*count]
		for i, c := range cells {
			mk := func() *count { return &count{} }
			if i%2 == 0 {
				s.Get(Name(c), mk).n++
			} else {
				s.GetBytes(NameBytes([]byte(c)), mk).n++
			}
		}
		return &s
	}
	add := func(dst, src *count) error { dst.n += src.n; return nil }
	for _, tc := range []struct {
		name  string
		cells []string
		want  []group
	}{
		{"first seen, not sorted", []string{"b", "a", "b", "c"}, []group{{"b", 2}, {"a", 1}, {"c", 1}}},
		{"trimmed", []string{"A ", " A", "A"}, []group{{"A", 3}}},
		{"blank cells are one group", []string{"", "x", "  "}, []group{{"", 2}, {"x", 1}}},
		{"near-duplicates stay apart", []string{"Straße", "STRASSE"}, []group{{"Straße", 1}, {"STRASSE", 1}}},
		{"none", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole := read(tc.cells)
			if d := cmp.Diff(tc.want, list(whole)); d != "" {
				t.Errorf("groups (-want +got):\n%s", d)
			}
			if d := cmp.Diff(whole.Names(), func() []string {
				var n []string
				for _, g := range tc.want {
					n = append(n, g.Name)
				}
				return n
			}()); d != "" {
				t.Errorf("Names (-got +want):\n%s", d)
			}
			for cut := range len(tc.cells) + 1 {
				p, q := read(tc.cells[:cut]), read(tc.cells[cut:])
				if err := p.Merge(q, add); err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(tc.want, list(p)); d != "" {
					t.Errorf("cut at %d (-want +got):\n%s", cut, d)
				}
			}
		})
	}
}

// A merge that fails stops with its error.
func TestSetMergeError(t *testing.T) {
	var p, q Set[*count]
	p.Get("a", func() *count { return &count{} })
	q.Get("a", func() *count { return &count{} })
	bad := errors.New("overflow")
	if err := p.Merge(&q, func(_, _ *count) error { return bad }); !errors.Is(err, bad) {
		t.Errorf("Merge = %v, want %v", err, bad)
	}
}

// TestNearDuplicates: reports.md calls group names near-duplicates when
// they are equal after Unicode case folding and removing spaces and
// punctuation. Full folding: "ß" is "ss"; a letter with a combining
// mark is its precomposed form. Names that differ in a letter stay
// apart; the group of blank cells is no place.
func TestNearDuplicates(t *testing.T) {
	for _, tc := range []struct {
		names []string
		skip  []string
		want  [][2]string
	}{
		{[]string{"Арбат 5", "арбат,5"}, nil, [][2]string{{"Арбат 5", "арбат,5"}}},
		{[]string{"АРБАТ\u00a05!", "Арбат-5"}, nil, [][2]string{{"АРБАТ\u00a05!", "Арбат-5"}}},
		{[]string{"ТЦ «Европа»", "тц европа"}, nil, [][2]string{{"ТЦ «Европа»", "тц европа"}}},
		{[]string{"Straße", "STRASSE"}, nil, [][2]string{{"STRASSE", "Straße"}}},
		{[]string{"Майский", "Маи\u0306ский"}, nil, [][2]string{{"Маи\u0306ский", "Майский"}}}, // й as и + breve; sorted by bytes
		{[]string{"Ǆemal", "ǆemal"}, nil, [][2]string{{"Ǆemal", "ǆemal"}}},
		{[]string{"b", "B", "b."}, nil, [][2]string{{"B", "b"}, {"B", "b."}}}, // each against the first
		{[]string{"Арбат 5", "Арбат 6"}, nil, nil},
		{[]string{"Майский", "Маиский"}, nil, nil},
		{[]string{"Ёлка", "Елка"}, nil, nil},
		{[]string{"", "-", "—"}, nil, [][2]string{{"-", "—"}}}, // blank is no place
		{[]string{"(none)", "none"}, []string{"(none)"}, nil},
		{nil, nil, nil},
	} {
		got := NearDuplicates(tc.names, tc.skip...)
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("NearDuplicates(%q) (-want +got):\n%s", tc.names, d)
		}
		if ws := Warnings(tc.names, tc.skip...); len(ws) != len(tc.want) {
			t.Errorf("Warnings(%q) = %q, want %d", tc.names, ws, len(tc.want))
		}
	}
	if got, want := Warnings([]string{"a", "A"}), []string{`groups "A" and "a" differ only in case, spaces or punctuation: one place typed two ways?`}; !cmp.Equal(got, want) {
		t.Errorf("Warnings = %q, want %q", got, want)
	}
}
