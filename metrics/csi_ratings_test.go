package metrics

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestCSIRatings checks the index and the per-attribute t intervals of
// CSIRatings by hand: satisfaction 8, 7, 9, 8 (mean 8, sd sqrt(2/3)),
// expectations 7, 6, 8, blank (mean 7, sd 1), ideal 9, 9, 8, 10 (mean
// 9, sd sqrt(2/3)); equal weights on 1..10 give the ACSI form
// (8 + 7 + 9 - 3) / 27 · 100 = 77.78. t quantiles: t(0.975, 3) =
// 3.182446305284263, t(0.975, 2) = 4.302652729911275.
func TestCSIRatings(t *testing.T) {
	c, err := NewCSIRatings(ACSI10, []string{"satisfaction", "expectations", "ideal"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][]int{{8, 7, 9}, {7, 6, 9}, {9, 8, 8}, {8, NoRating, 10}, {NoRating, NoRating, NoRating}} {
		if err := c.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	got, err := c.Result(nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	t3, t2 := 3.182446305284263, 4.302652729911275
	se := math.Sqrt(2.0/3) / 2
	want := CSIResult{CSI: 700.0 / 9, N: 4, Scale: ACSI10, Attributes: []CSIAttribute{
		{Name: "satisfaction", N: 4, Mean: 8, SD: new(math.Sqrt(2.0 / 3)), CILow: new(8 - t3*se), CIHigh: new(8 + t3*se), Level: 0.95, Weight: 1},
		{Name: "expectations", N: 3, Mean: 7, SD: new(1.0), CILow: new(7 - t2/math.Sqrt(3)), CIHigh: new(7 + t2/math.Sqrt(3)), Level: 0.95, Weight: 1},
		// 9 + t3·se = 10.3 is past the scale: the interval stops at 10.
		{Name: "ideal", N: 4, Mean: 9, SD: new(math.Sqrt(2.0 / 3)), CILow: new(9 - t3*se), CIHigh: new(10.0), Level: 0.95, Weight: 1},
	}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	// Weights 2, 1, 1: 100 · (2·7 + 6 + 8) / (9 · 4) = 77.78 as well;
	// weights 1, 0, 0 leave satisfaction alone: 100 · 7 / 9.
	for _, tc := range []struct {
		w    []float64
		want float64
	}{{[]float64{2, 1, 1}, 2800.0 / 36}, {[]float64{1, 0, 0}, 700.0 / 9}, {[]float64{0, 1, 0}, 600.0 / 9}} {
		r, err := c.Result(tc.w, 0)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(r.CSI-tc.want) > 1e-9 {
			t.Errorf("weights %v: CSI %v, want %v", tc.w, r.CSI, tc.want)
		}
	}
}

// TestCSIRatingsMerge: two halves merged give the index of the whole.
func TestCSIRatingsMerge(t *testing.T) {
	rows := [][]int{{3, 4}, {5, 5}, {2, NoRating}, {4, 1}, {1, 3}}
	names := []string{"a", "b"}
	whole, _ := NewCSIRatings(CSAT5, names)
	a, _ := NewCSIRatings(CSAT5, names)
	b, _ := NewCSIRatings(CSAT5, names)
	for i, r := range rows {
		whole.Add(r)
		if i%2 == 0 {
			a.Add(r)
		} else {
			b.Add(r)
		}
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	w, _ := whole.Result(nil, 0.9)
	m, _ := a.Result(nil, 0.9)
	// Counts per point merge exactly: the same result bit for bit.
	if diff := cmp.Diff(w, m); diff != "" {
		t.Errorf("merged (-whole +merged)\n%s", diff)
	}
	other, _ := NewCSIRatings(ACSI10, names)
	if err := a.Merge(other); !errors.Is(err, ErrScale) {
		t.Errorf("merge across scales: %v, want ErrScale", err)
	}
}

// TestCSIRatingsOneRespondent: the index of one respondent is its
// ratings' (metrics.md's formula needs only the means), with no spread
// and no interval (null), as one CSAT or CES answer has none; the
// command printed nothing and exited 1.
func TestCSIRatingsOneRespondent(t *testing.T) {
	c, _ := NewCSIRatings(ACSI10, []string{"s", "e", "p"})
	c.Add([]int{8, 7, 9})
	c.Add([]int{6, NoRating, 10})
	got, err := c.Result(nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	// (7 + 7 + 9.5 - 3) / 27 · 100
	want := CSIResult{CSI: 20.5 / 27 * 100, N: 2, Scale: ACSI10, Attributes: []CSIAttribute{
		{Name: "s", N: 2, Mean: 7, SD: new(math.Sqrt2), CILow: new(1.0), CIHigh: new(10.0), Level: 0.95, Weight: 1},
		{Name: "e", N: 1, Mean: 7, Level: 0.95, Weight: 1},
		{Name: "p", N: 2, Mean: 9.5, SD: new(math.Sqrt(0.5)), CILow: new(9.5 - 12.706204736174707*0.5), CIHigh: new(10.0), Level: 0.95, Weight: 1},
	}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestCSIRatingsErrors(t *testing.T) {
	c, _ := NewCSIRatings(CSAT5, []string{"a", "b"})
	var re *RangeError
	if err := c.Add([]int{6, 1}); !errors.As(err, &re) || re.Index != 0 {
		t.Errorf("rating 6 on 1..5: %v, want a RangeError at attribute 0", err)
	}
	if err := c.Add([]int{1}); err == nil {
		t.Error("one rating for two attributes: no error")
	}
	if _, err := c.Result(nil, 0); !errors.Is(err, ErrEmpty) {
		t.Errorf("no respondent: %v, want ErrEmpty (no mean)", err)
	}
	c.Add([]int{1, NoRating})
	if _, err := c.Result(nil, 0); !errors.Is(err, ErrEmpty) {
		t.Errorf("attribute b rated by nobody: %v, want ErrEmpty (no mean)", err)
	}
	c.Add([]int{3, 2})
	if _, err := c.Result([]float64{0, 0}, 0); !errors.Is(err, ErrWeight) {
		t.Errorf("zero weights: %v, want ErrWeight", err)
	}
	if _, err := c.Result([]float64{1}, 0); !errors.Is(err, ErrWeight) {
		t.Errorf("one weight for two attributes: %v, want ErrWeight", err)
	}
	if _, err := NewCSIRatings(CSAT5, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("no attributes: %v, want ErrEmpty", err)
	}
}
