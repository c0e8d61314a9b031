package cxbeam

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/metrics"
)

func init() {
	register.Function2x2(npsLine)
	register.Function2x2(emotionLine)
	register.Function2x2(csatLine)
	register.Function2x2(cesLine)
	register.Function1x2(pairInt)
	register.Function1x2(pairEmotion)
}

// pair is one keyed answer of the tests.
type pair struct {
	K string
	V int
}

func pairInt(p pair) (string, int) { return p.K, p.V }

func pairEmotion(p pair) (string, metrics.Emotion) { return p.K, metrics.Emotion(p.V) }

// resultLine writes a key's result as "key {json}", one line per key,
// for the tests to compare.
func resultLine(key string, r any, err error) (string, error) {
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(r)
	return key + " " + string(b), err
}

func npsLine(k string, a *metrics.NPS) (string, error) {
	r, err := a.Result()
	return resultLine(k, r, err)
}

func emotionLine(k string, a *metrics.Emotions) (string, error) {
	r, err := a.Result()
	return resultLine(k, r, err)
}

func csatLine(k string, a *metrics.CSAT) (string, error) {
	r, err := a.Result()
	return resultLine(k, r, err)
}

func cesLine(k string, a *metrics.CES) (string, error) {
	r, err := a.Result()
	return resultLine(k, r, err)
}

// sortedLines puts a pipeline's lines in order: a runner writes them in
// any order.
func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestCombineFns combines seeded answers per key on prism, with Beam
// free to combine in parts and to encode the accumulators between
// them, and compares each key's result with one pass of the library's
// accumulator over the same answers.
func TestCombineFns(t *testing.T) {
	n := 200000
	if testing.Short() {
		n = 20000
	}
	r := rand.New(rand.NewPCG(15, 5))
	keys := make([]string, n)
	values := make([]int, n)
	for i := range n {
		keys[i] = fmt.Sprintf("store %02d", r.IntN(30))
		values[i] = r.IntN(11)
	}
	scale5 := metrics.Scale{Lo: 1, Hi: 5, Good: metrics.High}
	scale7low := metrics.Scale{Lo: 1, Hi: 7, Good: metrics.Low}
	emotion := func(v int) metrics.Emotion {
		return []metrics.Emotion{metrics.Negative, metrics.Neutral, metrics.Positive}[v%3]
	}
	for _, tc := range []struct {
		name string
		fn   any
		in   func(v int) int
		kv   any // makes the KV the Fn takes from a pair
		line any
		want func(key string, vs []int) (string, error)
	}{
		{"nps", NPSFn{}, func(v int) int { return v }, pairInt, npsLine, func(k string, vs []int) (string, error) {
			var a metrics.NPS
			for _, v := range vs {
				if err := a.Add(v); err != nil {
					return "", err
				}
			}
			return npsLine(k, &a)
		}},
		{"emotion", EmotionFn{}, func(v int) int { return int(emotion(v)) }, pairEmotion, emotionLine, func(k string, vs []int) (string, error) {
			var a metrics.Emotions
			for _, v := range vs {
				if err := a.Add(emotion(v)); err != nil {
					return "", err
				}
			}
			return emotionLine(k, &a)
		}},
		{"csat", &CSATFn{Scale: scale5}, func(v int) int { return 1 + v%5 }, pairInt, csatLine, func(k string, vs []int) (string, error) {
			a, _ := metrics.NewCSAT(scale5)
			for _, v := range vs {
				if err := a.Add(1 + v%5); err != nil {
					return "", err
				}
			}
			return csatLine(k, a)
		}},
		{"ces", &CESFn{Scale: scale7low}, func(v int) int { return 1 + v%7 }, pairInt, cesLine, func(k string, vs []int) (string, error) {
			a, _ := metrics.NewCES(scale7low)
			for _, v := range vs {
				if err := a.Add(1 + v%7); err != nil {
					return "", err
				}
			}
			return cesLine(k, a)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			byKey := map[string][]int{}
			for i, k := range keys {
				byKey[k] = append(byKey[k], values[i])
			}
			var want []string
			for k, vs := range byKey {
				line, err := tc.want(k, vs)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, line)
			}
			slices.Sort(want)
			pairs := make([]pair, n)
			for i := range n {
				pairs[i] = pair{keys[i], tc.in(values[i])}
			}
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				kv := beam.ParDo(s, tc.kv, beam.CreateList(s, pairs))
				return beam.ParDo(s, tc.line, beam.CombinePerKey(s, tc.fn, kv))
			})
			if g, w := sortedLines(got), strings.Join(want, "\n"); g != w {
				t.Errorf("combined on prism:\n%.800s\nwant, one pass:\n%.800s", g, w)
			}
		})
	}
}
