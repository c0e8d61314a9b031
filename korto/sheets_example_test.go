package korto_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// Read a stream of answer sheets, JSON Lines and indented sheets alike,
// one sheet at a time: a bad sheet is reported at its line and the
// stream goes on.
func ExampleSheetReader() {
	plan, err := korto.Compile(&korto.Checklist{
		ID: "kiosk",
		Levels: []*korto.Level{{Number: 1, Items: []korto.Item{
			{Question: &korto.Question{ID: "clean"}},
			{Question: &korto.Question{ID: "prices"}},
		}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	visits := `{"checklist": "kiosk", "audit": {"id": "v1"}, "answers": {"clean": "yes", "prices": "no"}}
{"checklist": "kiosk", "audit": {"id": "v2"}, "answers": {"clean": "yes", "prices": "maybe"}}
{"checklist": "kiosk", "audit": {"id": "v3"}, "answers": {"clean": "yes",
{
  "checklist": "kiosk",
  "audit": {"id": "v4"},
  "answers": {"clean": "yes", "prices": "yes"}
}
`
	sheets := plan.NewSheetReader(strings.NewReader(visits))
	for {
		sheet, err := sheets.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("visits.jsonl:" + err.Error())
			continue
		}
		res, err := plan.Score(sheet)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("visits.jsonl:%d: %s scored %.0f%%\n", sheets.Line(), sheet.Audit["id"], 100**res.Score)
	}
	// Output:
	// visits.jsonl:1: v1 scored 50%
	// visits.jsonl:2: /answers/prices: question "prices": takes "yes" or "no", not "maybe"
	// visits.jsonl:3:74: the sheet ends before it is closed: add }} at the end
	// visits.jsonl:4: v4 scored 100%
}
