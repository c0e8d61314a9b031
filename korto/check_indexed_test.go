package korto_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// CheckIndexed must find what Check finds on the same answers: every
// mall visit, and each with answers dropped, made wrong, or "na", in a
// seeded mix.
func TestCheckIndexedAgreesWithCheck(t *testing.T) {
	p, sc := mallVisits(t)
	c := p.Checklist()
	rng := rand.New(rand.NewPCG(14, 15))
	wrong := []korto.Answer{korto.Str("maybe"), korto.Num(99), korto.Num(2.5), korto.NA, korto.Str(""), {Type: korto.AnswerInvalid, String: "true"}}
	n, bad := 0, 0
	for sc.Scan() {
		s, err := korto.ReadAnswers(strings.NewReader(sc.Text()))
		if err != nil {
			t.Fatal(err)
		}
		for round := range 4 {
			if round > 0 {
				for i := range p.NumQuestions() {
					id := p.Question(i).ID
					switch rng.IntN(12) {
					case 0:
						delete(s.Answers, id)
					case 1:
						s.Answers[id] = wrong[rng.IntN(len(wrong))]
					}
				}
			}
			answers := make([]korto.Answer, p.NumQuestions())
			given := make([]bool, p.NumQuestions())
			for i := range answers {
				answers[i], given[i] = s.Answers[p.Question(i).ID]
			}
			want := p.Check(s)
			got := p.CheckIndexed(&korto.Sheet{Checklist: s.Checklist, Version: s.Version}, answers, given)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("visit %d, round %d: CheckIndexed differs from Check (-Check +CheckIndexed):\n%s", n+1, round, diff)
			}
			if want.Err() != nil {
				bad++
			}
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 || bad == 0 || bad == 4*n {
		t.Fatalf("%d visits, %d of %d checks with errors: the mix tests too little", n, bad, 4*n)
	}
	// Short slices leave the rest unanswered; nil means no answers.
	none := p.CheckIndexed(&korto.Sheet{Checklist: c.ID}, nil, nil)
	empty := p.Check(&korto.Sheet{Checklist: c.ID, Answers: map[string]korto.Answer{}})
	if diff := cmp.Diff(empty, none); diff != "" {
		t.Errorf("no answers (-Check +CheckIndexed):\n%s", diff)
	}
	if !slices.ContainsFunc(none, func(e *korto.AnswerError) bool { return e.Code == korto.CodeMissingAnswer }) {
		t.Error("no answers: no missing-answer errors")
	}
}
