package korto

import (
	"cmp"
	"slices"
)

// TagSummary pools, over a group of audits, the scored questions that
// carry one tag (`tags safety, parking` in the language). Every
// applicable answer of every such question counts once, whatever the
// question's weight, so a tag reads like one long question: "the safety
// checks failed 7% of the time". Tags cut across levels and sections,
// which is what they are for: a report by level says where in the
// pyramid an audit loses points, a report by tag says on what.
type TagSummary struct {
	Tag string `json:"tag"`
	// Questions is the number of scored questions with the tag.
	Questions int `json:"questions"`
	// Applicable counts the answers of those questions that applied;
	// Mean is the mean of their values (0..1), nil when none applied.
	Applicable int64    `json:"applicable"`
	Mean       *float64 `json:"mean"`
	// Failed counts the applicable answers that failed, as in
	// QuestionSummary; FailureRate is Failed / Applicable.
	Failed      int64    `json:"failed"`
	FailureRate *float64 `json:"failure_rate"`
}

// tagSummaries returns one summary per tag of the scored questions,
// sorted by tag, from the group's exact per-question sums; a checklist
// without tags gives an empty list.
func (a *Aggregator) tagSummaries(g *aggGroup) []TagSummary {
	type pool struct {
		questions          int
		applicable, failed int64
		sum                uint128
	}
	pools := map[string]*pool{}
	for i, q := range a.questions {
		gq := &g.questions[i]
		for j, tag := range q.q.Tags {
			if slices.Contains(q.q.Tags[:j], tag) {
				continue // "tags a, a" counts the question once
			}
			p := pools[tag]
			if p == nil {
				p = &pool{}
				pools[tag] = p
			}
			p.questions++
			p.applicable += gq.applicable
			p.failed += gq.failed
			p.sum.add(gq.sum)
		}
	}
	out := make([]TagSummary, 0, len(pools))
	for tag, p := range pools {
		ts := TagSummary{
			Tag:         tag,
			Questions:   p.questions,
			Applicable:  p.applicable,
			Failed:      p.failed,
			FailureRate: share(p.failed, p.applicable),
		}
		if mean, ok := fixedMean(p.sum, p.applicable); ok {
			ts.Mean = &mean
		}
		out = append(out, ts)
	}
	slices.SortFunc(out, func(x, y TagSummary) int { return cmp.Compare(x.Tag, y.Tag) })
	return out
}
