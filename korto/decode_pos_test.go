package korto

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A JSON checklist's nodes carry the line and column of their objects
// (and a weight or pass mark those of its number), so that Validate's
// diagnostics point into the file as they do for a .korto file.
func TestDecodeChecklistPlacesNodes(t *testing.T) {
	src := "\ufeff{\"id\": \"c\", \"title\": {\"text\": \"Кафе\"},\n" +
		" \"choices\": [{\"name\": \"q\", \"options\": [{\"id\": \"a\", \"label\": {\"text\": \"A\"}, \"value\": 1}]}],\n" +
		" \"levels\": [{\"number\": 1, \"title\": {\"text\": \"L\"}, \"pass\": 5, \"items\": [\n" +
		"  {\"section\": {\"id\": \"s\", \"title\": {\"text\": \"S\"}, \"weight\": 2, \"items\": [\n" +
		"   {\"question\": {\"id\": \"x\", \"text\": {\"text\": \"X\"}, \"weight\": -1}}]}}]}],\n" +
		" \"survey\": {\"questions\": [{\"id\": \"n\", \"text\": {\"text\": \"N\"}, \"kind\": {\"type\": \"nps\"}}]}}"
	c, err := DecodeChecklist([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	at := func(p Pos) [2]int { return [2]int{p.Line, p.Column} }
	l := c.Levels[0]
	sec := l.Items[0].Section
	q := sec.Items[0].Question
	got := [][2]int{at(c.Pos), at(c.Choices[0].Pos), at(c.Choices[0].Options[0].Pos), at(l.Pos), at(l.PassPos),
		at(sec.Pos), at(sec.WeightPos), at(q.Pos), at(q.WeightPos), at(c.Survey.Pos), at(c.Survey.Questions[0].Pos)}
	want := [][2]int{{1, 1}, {2, 14}, {2, 40}, {3, 13}, {3, 59}, {4, 15}, {4, 61}, {5, 17}, {5, 62}, {6, 12}, {6, 27}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("line, column of each node (-want +got):\n%s", d)
	}
	var placed []string
	for _, d := range c.Validate() {
		if d.Severity == SeverityError {
			placed = append(placed, fmt.Sprintf("%s at %d:%d", d.Code, d.Pos.Line, d.Pos.Column))
		}
	}
	if d := cmp.Diff([]string{"bad-pass at 3:59", "bad-weight at 5:62"}, placed); d != "" {
		t.Errorf("Validate's errors (-want +got):\n%s", d)
	}
}
