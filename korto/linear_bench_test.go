package korto

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The error paths must cost the same per problem whatever the count of
// problems (issue 11, items 3 and 5): these benchmarks report the time
// per problem, or per node, at 1k, 10k and 100k, beside encoding/json on
// the same bytes as the baseline measured in the same run. Run them as
//
//	go test ./korto -run '^$' -bench 'Linear' -count 3

var linearSizes = []int{1000, 10000, 100000}

// BenchmarkLinearUnknownKeys reads a sheet of n answers to questions
// the checklist does not have: n problems, de-duplicated against the
// reader's own.
func BenchmarkLinearUnknownKeys(b *testing.B) {
	p, err := Compile(genChecklist(20))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range linearSizes {
		var sb strings.Builder
		fmt.Fprintf(&sb, `{"checklist": %q, "answers": {`, p.Checklist().ID)
		for i := range n {
			if i > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `"zz%07d": 1`, i)
		}
		sb.WriteString("}}")
		data := []byte(sb.String())
		b.Run(fmt.Sprintf("n=%d/ReadAnswers", n), func(b *testing.B) {
			for b.Loop() {
				_, err := p.ReadAnswers(bytes.NewReader(data))
				if got := len(AsAnswerErrors(err)); got < n {
					b.Fatalf("%d problems, want at least %d", got, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/problem")
		})
		b.Run(fmt.Sprintf("n=%d/stdlib-map", n), func(b *testing.B) {
			for b.Loop() {
				var m map[string]any
				if err := json.Unmarshal(data, &m); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/problem")
		})
	}
}

// BenchmarkLinearDecodeChecklist decodes the JSON form of a checklist of
// n questions, indented and on one line, placing every node; the
// baseline is encoding/json into the same model, which places nothing.
func BenchmarkLinearDecodeChecklist(b *testing.B) {
	for _, n := range linearSizes {
		c := genChecklist(n)
		oneLine, err := json.Marshal(c)
		if err != nil {
			b.Fatal(err)
		}
		indented, err := json.MarshalIndent(c, "", "  ")
		if err != nil {
			b.Fatal(err)
		}
		for _, form := range []struct {
			name string
			data []byte
		}{{"indented", indented}, {"one-line", oneLine}} {
			b.Run(fmt.Sprintf("n=%d/%s/DecodeChecklist", n, form.name), func(b *testing.B) {
				for b.Loop() {
					if _, err := DecodeChecklist(form.data); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/question")
			})
		}
		b.Run(fmt.Sprintf("n=%d/indented/stdlib", n), func(b *testing.B) {
			for b.Loop() {
				var c Checklist
				if err := json.Unmarshal(indented, &c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/question")
		})
	}
}
