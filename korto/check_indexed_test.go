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
			// The answers as they are, then as words wherever they are
			// one (the words of a mall visit include answers to
			// questions switched off, "na" where it is not allowed and
			// answers to questions whose condition reads a wrong one),
			// then a mix, with word indexes out of range that leave the
			// answer to answers[i].
			for variant := range 3 {
				var words []int32
				if variant > 0 {
					words = make([]int32, len(answers))
					for i := range words {
						words[i] = asWord(p, i, answers[i])
						if variant == 2 {
							switch rng.IntN(4) {
							case 0:
								words[i] = -1
							case 1:
								words[i] = int32(len(p.Words(i)) + 1 + rng.IntN(3))
							}
						}
					}
				}
				got := p.CheckIndexed(&korto.Sheet{Checklist: s.Checklist, Version: s.Version}, answers, given, words)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("visit %d, round %d, variant %d: CheckIndexed differs from Check (-Check +CheckIndexed):\n%s", n+1, round, variant, diff)
				}
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
	none := p.CheckIndexed(&korto.Sheet{Checklist: c.ID}, nil, nil, nil)
	empty := p.Check(&korto.Sheet{Checklist: c.ID, Answers: map[string]korto.Answer{}})
	if diff := cmp.Diff(empty, none); diff != "" {
		t.Errorf("no answers (-Check +CheckIndexed):\n%s", diff)
	}
	if !slices.ContainsFunc(none, func(e *korto.AnswerError) bool { return e.Code == korto.CodeMissingAnswer }) {
		t.Error("no answers: no missing-answer errors")
	}
}

// asWord is answer a to question i as a word of CheckIndexed, or -1.
func asWord(p *korto.Plan, i int, a korto.Answer) int32 {
	words := p.Words(i)
	if a.IsNA() {
		return int32(len(words))
	}
	if a.Type != korto.AnswerString {
		return -1
	}
	return int32(slices.Index(words, a.String))
}

// A word given for an answer must be checked as the answer: when its
// question is switched off, unknown, or required and left out around
// it, and "na" where the question has none. The checklist is small so
// that every case is there by name.
func TestCheckIndexedWords(t *testing.T) {
	c := &korto.Checklist{ID: "w", Title: korto.Text{Text: "w"},
		Choices: []*korto.Choice{{Name: "size", Options: []*korto.Option{{ID: "s", Value: 0, Fail: true}, {ID: "m", Value: 0.5}, {ID: "l", Value: 1}}}},
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "one"}, Items: []korto.Item{
			{Question: &korto.Question{ID: "open", Text: korto.Text{Text: "open"}, Kind: korto.Kind{Type: korto.KindYesNo}}},
			{Question: &korto.Question{ID: "size", Text: korto.Text{Text: "size"}, Kind: korto.Kind{Type: korto.KindChoice, Ref: "size"}, NA: true}},
			{Question: &korto.Question{ID: "big", Text: korto.Text{Text: "big"}, Kind: korto.Kind{Type: korto.KindYesNo}, When: &korto.Expr{Op: korto.ExprIn, Question: "size", Options: []string{"l"}}}},
			{Question: &korto.Question{ID: "late", Text: korto.Text{Text: "late"}, Kind: korto.Kind{Type: korto.KindYesNo}, Optional: true, When: &korto.Expr{Op: korto.ExprNot, Args: []*korto.Expr{{Op: korto.ExprYes, Question: "big"}}}}},
		}}},
		Survey: &korto.Survey{Questions: []*korto.Question{
			{ID: "mood", Text: korto.Text{Text: "mood"}, Kind: korto.Kind{Type: korto.KindEmotion}, When: &korto.Expr{Op: korto.ExprYes, Question: "open"}},
		}},
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"no", "yes"}, {"s", "m", "l"}, {"no", "yes"}, {"no", "yes"}, {"positive", "neutral", "negative"}},
		[][]string{p.Words(0), p.Words(1), p.Words(2), p.Words(3), p.Words(4)}); diff != "" {
		t.Errorf("Words (-want +got):\n%s", diff)
	}
	if p.Words(-1) != nil || p.Words(5) != nil {
		t.Error("Words out of range is not nil")
	}
	na, s, m, l, yes, no := korto.NA, korto.Str("s"), korto.Str("m"), korto.Str("l"), korto.Str("yes"), korto.Str("no")
	pos, bad := korto.Str("positive"), korto.Str("huge")
	withErrors := 0
	for _, tc := range []struct {
		name    string
		answers map[string]korto.Answer
	}{
		{"all right", map[string]korto.Answer{"open": yes, "size": l, "big": no, "mood": pos, "late": yes}},
		{"switched off", map[string]korto.Answer{"open": no, "size": m, "big": yes, "mood": pos}},
		{"switched off, na", map[string]korto.Answer{"open": no, "size": s, "big": na, "mood": na, "late": no}},
		{"na not allowed", map[string]korto.Answer{"open": na, "size": na}},
		{"unknown condition", map[string]korto.Answer{"open": yes, "size": bad, "big": yes, "mood": pos, "late": yes}},
		{"required missing", map[string]korto.Answer{"size": l}},
		{"optional left out", map[string]korto.Answer{"open": yes, "size": l, "big": yes, "mood": korto.Str("neutral")}},
		{"failing option", map[string]korto.Answer{"open": yes, "size": s, "mood": korto.Str("negative"), "late": no}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := p.Check(&korto.Sheet{Checklist: "w", Answers: tc.answers})
			n := p.NumQuestions()
			answers, given, words := make([]korto.Answer, n), make([]bool, n), make([]int32, n)
			for i := range n {
				answers[i], given[i] = tc.answers[p.Question(i).ID]
				words[i] = asWord(p, i, answers[i])
				if words[i] >= 0 {
					answers[i] = korto.Str("not read") // a word stands for the answer
				}
			}
			got := p.CheckIndexed(&korto.Sheet{Checklist: "w"}, answers, given, words)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-Check +CheckIndexed with words):\n%s", diff)
			}
			if want.Err() != nil {
				withErrors++
			}
		})
	}
	if withErrors < 4 {
		t.Errorf("%d cases with errors: the table tests too little", withErrors)
	}
}
