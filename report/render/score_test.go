package render

import (
	"strings"
	"testing"
)

func TestScoreColumnsCountRunes(t *testing.T) {
	var b strings.Builder
	scoreColumns(&b, [][]string{{"Чистота", "75.0%"}, {"Wi-Fi", "100.0%"}}, []bool{false, true})
	want := "Чистота   75.0%\nWi-Fi    100.0%\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
