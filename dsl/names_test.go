package dsl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNames(t *testing.T) {
	src := `checklist c "C" {
  scale stars 1..5
  choice lifts {
    all "Все" = 1
    none "Нет" = 0
  }
  level 1 "L" {
    section вход "Вход" {
      question q "Q" lifts tags a, b
      question s "S" stars when q == all
    }
    question r "R" when s >= 4 and q in (all, none) or not q
  }
}
`
	var got []string
	for _, n := range Names([]byte(src)) {
		if src[n.Offset:n.End] != n.Name {
			t.Errorf("%v %q at %d..%d reads %q", n.Kind, n.Name, n.Offset, n.End, src[n.Offset:n.End])
		}
		s := fmt.Sprintf("%v %s", n.Kind, n.Name)
		if n.Decl {
			s += " decl"
		}
		if n.Scope != "" {
			s += " of " + n.Scope
		}
		if n.BlockEnd != n.End {
			s += " until " + strings.TrimSpace(src[n.BlockEnd-3:n.BlockEnd])
		}
		got = append(got, s)
	}
	want := []string{
		"scale stars decl", "choice lifts decl until }", "option all decl of lifts", "option none decl of lifts",
		"level 1 decl until }", "section вход decl until }",
		"question q decl", "choice lifts", "question s decl", "scale stars", "question q", "option all of q",
		"question r decl", "question s", "question q", "option all of q", "option none of q", "question q",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Names (-want +got):\n%s", diff)
	}
}
