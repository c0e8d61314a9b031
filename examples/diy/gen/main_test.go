package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

// The committed data set is what the generator writes: a change to the
// checklist or the profiles comes with regenerated visits
// ("go run ./examples/diy/gen" from the repository root).
func TestCommittedVisitsAreUpToDate(t *testing.T) {
	src, err := os.ReadFile("../diy.korto")
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse("diy.korto", src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate(c, rand.New(rand.NewPCG(seed, seed)))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../visits.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("examples/diy/visits.jsonl is stale: run go run ./examples/diy/gen")
	}

	// The league: 8 chains of 20 visits, each ranked with its sections
	// scored, and the critical failures listed first. The profiles put
	// the small attentive chain first and the chain with indifferent
	// consultants last, as the study found.
	plan, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	res, err := report.Run(context.Background(), plan, []report.Source{{Name: "visits.jsonl", R: bytes.NewReader(want), Lines: true}}, report.Options{By: "chain"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Groups) != len(chains) {
		t.Fatalf("%d groups, want %d", len(res.Groups), len(chains))
	}
	for _, g := range res.Groups {
		if g.N != perChain || g.Rank == nil || len(g.Sections) == 0 {
			t.Errorf("%s: n %d, rank %v, %d sections; want %d ranked visits with sections", g.Group, g.N, g.Rank, len(g.Sections), perChain)
		}
	}
	if first, last := res.Groups[0].Group, res.Groups[len(res.Groups)-1].Group; first != chains[0].Name || last != chains[len(chains)-1].Name {
		t.Errorf("league runs from %s to %s, want %s to %s", first, last, chains[0].Name, chains[len(chains)-1].Name)
	}
	if res.CriticalFailuresTotal == 0 {
		t.Error("no critical failures to list")
	}
}
