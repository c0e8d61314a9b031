package metrics

import "testing"

// Two groups with the same NPS from different counts (133 − 82 and
// 142 − 91 of 360) score the same to the last bit, as (P − D) / n does
// on paper, so their plain difference is exactly 0.
func TestSameNPSFromOtherCounts(t *testing.T) {
	var a, b NPS
	add := func(acc *NPS, score, n int) {
		for range n {
			if err := acc.Add(score); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(&a, 10, 133)
	add(&a, 8, 145)
	add(&a, 0, 82)
	add(&b, 9, 142)
	add(&b, 7, 127)
	add(&b, 3, 91)
	ra, err := a.Result()
	if err != nil {
		t.Fatal(err)
	}
	rb, err := b.Result()
	if err != nil {
		t.Fatal(err)
	}
	if ra.NPS != rb.NPS {
		t.Errorf("NPS %v and %v, want the same bits", ra.NPS, rb.NPS)
	}
	c, err := CompareNPS(ra, rb)
	if err != nil {
		t.Fatal(err)
	}
	if c.RawDiff != 0 {
		t.Errorf("raw difference %v, want exactly 0", c.RawDiff)
	}
}
