package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// The statistical claims of "Comparing two groups" (metrics.md), tested
// on the spec's grid: true NPS -50, 0, 30, 70 and 90 (shares 25%, 50%,
// 65%, 85%, 95%: the same points mapped onto 0..1) × n 10, 30, 100, 1000.
//
// An NPS is not a population: the same score comes from many mixes of
// promoters, passives and detractors. Each grid point is tried with the
// passives taking a fraction f of what the score leaves free,
// q = f·(1 - |NPS|/100); f = 0.5 in the short run, 0.1 ... 0.9 in the
// long one. The mixes without any passives (f = 0) are left out: there
// the score moves in steps of 2/n only, and even the published 95%
// method covers 89% at NPS 0, n = 10.
//
// Coverage is computed exactly, by summing the multinomial probability
// of every outcome whose interval contains the truth (outcomes below
// e^-30 are skipped). False-positive rates of comparisons are simulated
// with a fixed seed, drawing each group's outcome from the same exact
// distributions, so the run is deterministic.
//
// The short version runs in go test (about 2 s of CPU; under -race the
// simulations shrink to a quarter, see raceEnabled). The long one, all
// mixes and more levels with 20,000 draws per cell:
//
//	CXKIT_LONG_SIM=1 go test ./metrics -run 'Calibrat' -v
var longSim = os.Getenv("CXKIT_LONG_SIM") != ""

var gridNPS = []float64{-50, 0, 30, 70, 90}
var gridN = []int{10, 30, 100, 1000}

func simMixes() []float64 {
	if longSim {
		return []float64{0.1, 0.3, 0.5, 0.7, 0.9}
	}
	return []float64{0.5}
}

func simLevels() []float64 {
	if longSim {
		return []float64{0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999}
	}
	return []float64{0.8, 0.95, 0.99}
}

// population is a mix of promoters and detractors (the rest passive).
type population struct{ p, d float64 }

func mix(nps, f float64) population {
	s := nps / 100
	q := f * (1 - math.Abs(s))
	return population{(1 - q + s) / 2, (1 - q - s) / 2}
}

// outcome is one tally of n answers with its probability.
type outcome struct {
	prob     float64
	cum      float64 // cumulative probability, for sampling
	pro, det int64
}

var outcomeCache = map[[2]float64]map[int][]outcome{}

// outcomes lists the tallies of n answers from pop with a probability
// above e^-30, in a fixed order. Both tests ask for the same lists, so
// they are computed once.
func outcomes(n int, pop population) []outcome {
	key := [2]float64{pop.p, pop.d}
	if os, ok := outcomeCache[key][n]; ok {
		return os
	}
	os := enumerate(n, pop)
	if outcomeCache[key] == nil {
		outcomeCache[key] = map[int][]outcome{}
	}
	outcomeCache[key][n] = os
	return os
}

func enumerate(n int, pop population) []outcome {
	lf := func(k int) float64 { v, _ := math.Lgamma(float64(k + 1)); return v }
	lp := func(k int, p float64) float64 {
		if k == 0 {
			return 0
		}
		return float64(k) * math.Log(p)
	}
	q := 1 - pop.p - pop.d
	var out []outcome
	cum := 0.0
	for P := 0; P <= n; P++ {
		for D := 0; P+D <= n; D++ {
			Q := n - P - D
			if (P > 0 && pop.p == 0) || (D > 0 && pop.d == 0) || (Q > 0 && q <= 0) {
				continue
			}
			l := lf(n) - lf(P) - lf(D) - lf(Q) + lp(P, pop.p) + lp(D, pop.d) + lp(Q, q)
			if l < -30 {
				continue
			}
			cum += math.Exp(l)
			out = append(out, outcome{math.Exp(l), cum, int64(P), int64(D)})
		}
	}
	return out
}

// draw picks an outcome with its probability.
func draw(rng *rand.Rand, os []outcome) outcome {
	u := rng.Float64() * os[len(os)-1].cum
	i, _ := slices.BinarySearchFunc(os, u, func(o outcome, u float64) int {
		if o.cum < u {
			return -1
		}
		return 1
	})
	return os[min(i, len(os)-1)]
}

func (o outcome) nps(n int, opts Options) NPSResult {
	var a NPS
	a.t.n = [3]int64{o.det, int64(n) - o.pro - o.det, o.pro}
	r, err := a.ResultWith(opts)
	if err != nil {
		panic(err)
	}
	return r
}

// TestCalibratedCoverage: the NPS interval covers the true NPS at least
// at its level on every grid cell, at every level the run checks but
// 95%, where the published constants are used unchanged and their
// coverage is only reported (it dips to 93-94% at n = 10).
func TestCalibratedCoverage(t *testing.T) {
	for _, level := range simLevels() {
		worst, where := 2.0, ""
		for _, nps := range gridNPS {
			for _, f := range simMixes() {
				pop := mix(nps, f)
				for _, n := range gridN {
					cov := 0.0
					for _, o := range outcomes(n, pop) {
						if o.nps(n, Options{Level: level}).CI.Contains(nps) {
							cov += o.prob
						}
					}
					if cov < worst {
						worst, where = cov, fmt.Sprintf("NPS %v, passives %.2f, n %d", nps, 1-pop.p-pop.d, n)
					}
					if level != 0.95 && cov < level {
						t.Errorf("level %v, %s: coverage %.4f", level, fmt.Sprintf("NPS %v, passives %.2f, n %d", nps, 1-pop.p-pop.d, n), cov)
					}
				}
			}
		}
		t.Logf("level %v: worst coverage %.4f (%s)", level, worst, where)
	}
}

// TestCalibratedFalsePositives: two groups with the same true value
// are called different (p < 1 - level) at most 1 point more often than
// 1 - level (plus two standard errors of the simulation: 0.4 to 1.8
// points in the short run, a third of that in the long one), on the
// spec's grid (both groups of the grid's n), for every
// statistic: NPS, shares (Agresti–Caffo) and means (Welch).
//
// Groups of unequal size are harder: a group of 10 against one of 1000
// is nearly a one-sample test of 10 answers. There the bound holds for
// NPS and shares at the recalibrated levels; at 95% the published
// formulas the spec fixes (adjusted Wald, Agresti–Caffo) exceed it by up
// to about 2.5 points (share 50%, 10 against 1000: 7.5%), and Welch on a
// skewed 1..7 population by up to about 2.5 points too. Those cells are
// held to nominal + 3 points, so that a change for the worse still
// fails, and their rates are logged.
func TestCalibratedFalsePositives(t *testing.T) {
	reps := 2000
	switch {
	case longSim:
		reps = 20000
	case raceEnabled:
		reps = 500
	}
	rng := rand.New(rand.NewPCG(12, 2026))
	type pair struct{ na, nb int }
	var pairs []pair
	for i, na := range gridN {
		for _, nb := range gridN[i:] {
			if longSim || na == nb || (na == 10 && nb == 1000) {
				pairs = append(pairs, pair{na, nb})
			}
		}
	}
	for _, level := range simLevels() {
		alpha := 1 - level
		worst := map[string]float64{}
		check := func(stat, what string, p pair, rejected, draws int, published bool) {
			rate := float64(rejected) / float64(draws)
			// Two standard errors of the simulation itself on top.
			noise := 2 * math.Sqrt(alpha*(1-alpha)/float64(draws))
			bound := alpha + 0.01 + noise
			if p.na != p.nb && published {
				bound = alpha + 0.03 + noise
			}
			key := stat
			if p.na != p.nb {
				key += " unequal n"
			}
			worst[key] = max(worst[key], rate)
			if rate > bound {
				t.Errorf("level %v, %s, n %d against %d: false-positive rate %.4f, want <= %.4f", level, what, p.na, p.nb, rate, bound)
			}
		}
		for _, nps := range gridNPS {
			for _, f := range simMixes() {
				pop := mix(nps, f)
				outs := map[int][]outcome{}
				for _, n := range gridN {
					outs[n] = outcomes(n, pop)
				}
				for _, p := range pairs {
					rej := 0
					for range reps {
						a := draw(rng, outs[p.na]).nps(p.na, Options{Level: level})
						b := draw(rng, outs[p.nb]).nps(p.nb, Options{Level: level})
						if c, err := CompareNPS(a, b); err == nil && c.P < alpha {
							rej++
						}
					}
					check("NPS", fmt.Sprintf("NPS %v passives %.2f", nps, 1-pop.p-pop.d), p, rej, reps, level == 0.95)
				}
			}
			// Shares: the grid point as a share, binomial answers (a
			// trinomial without detractors).
			share := (nps + 100) / 200
			outs := map[int][]outcome{}
			for _, n := range gridN {
				outs[n] = outcomes(n, population{share, 0})
			}
			for _, p := range pairs {
				rej := 0
				for range reps {
					xa, xb := draw(rng, outs[p.na]).pro, draw(rng, outs[p.nb]).pro
					c, err := CompareShares(float64(xa)/float64(p.na), float64(p.na), float64(xb)/float64(p.nb), float64(p.nb), level)
					if err == nil && c.P < alpha {
						rej++
					}
				}
				check("shares", fmt.Sprintf("share %v", share), p, rej, reps, level == 0.95)
			}
		}
		// Means: CES 2.0 answers from a skewed and a flat population.
		for _, pop := range [][]float64{
			{0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.3},
			{0.14, 0.14, 0.14, 0.16, 0.14, 0.14, 0.14},
		} {
			for _, p := range pairs {
				rej, draws := 0, min(reps/2, 3000)
				for range draws {
					a, b := cesDraw(rng, p.na, pop), cesDraw(rng, p.nb, pop)
					if c, err := CompareCES(a, b); err == nil && c.P < alpha {
						rej++
					}
				}
				check("means", fmt.Sprintf("CES %v", pop), p, rej, draws, true)
			}
		}
		t.Logf("level %v: worst false-positive rates %v (nominal %.3f)", level, worst, alpha)
	}
}

// cesDraw draws n CES 2.0 answers from pop, the shares of points 1..7.
func cesDraw(rng *rand.Rand, n int, pop []float64) CESResult {
	a, _ := NewCES(CES2)
	for range n {
		u := rng.Float64()
		k := 0
		for k < len(pop)-1 && u >= pop[k] {
			u -= pop[k]
			k++
		}
		a.r.n[k]++
	}
	r, err := a.Result()
	if err != nil {
		panic(err)
	}
	return r
}
