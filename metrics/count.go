package metrics

import "encoding/binary"

// countNPSFast counts detractors (0-6), passives (7-8) and promoters
// (9-10) among scores, and reports whether any score is above 10.
//
// It reads eight scores at a time as one uint64 and classifies all eight
// bytes at once (SWAR): for a byte b < 128, b + 0x77 sets the byte's top
// bit exactly when b >= 9, b + 0x79 when b >= 7, b + 0x75 when b >= 11,
// and no carry crosses into the next byte. Bytes >= 128 are caught by
// their own top bit. The top bits are summed per byte lane for up to 255
// words before being folded into the totals.
func countNPSFast(scores []uint8) (c [3]int64, bad bool) {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
		low7 = 0x7f7f7f7f7f7f7f7f
	)
	var ge7, ge9, badAcc uint64
	i := 0
	for len(scores)-i >= 8 {
		var acc7, acc9, accBad uint64 // per-lane counts, at most 255 each
		end := min(len(scores)-len(scores)%8, i+8*255)
		for ; i < end; i += 8 {
			x := binary.LittleEndian.Uint64(scores[i:])
			y := x & low7
			acc9 += ((y + 0x77*ones) & high) >> 7
			acc7 += ((y + 0x79*ones) & high) >> 7
			accBad += (((y + 0x75*ones) | x) & high) >> 7
		}
		ge9 += sumLanes(acc9)
		ge7 += sumLanes(acc7)
		badAcc += sumLanes(accBad)
	}
	for _, s := range scores[i:] {
		switch {
		case s > 10:
			badAcc++
		case s >= 9:
			ge9++
			ge7++
		case s >= 7:
			ge7++
		}
	}
	// A bad byte may have landed in ge7 or ge9 through its low seven
	// bits; with bad set the caller discards the counts.
	n := uint64(len(scores))
	return [3]int64{int64(n - ge7), int64(ge7 - ge9), int64(ge9)}, badAcc > 0
}

// sumLanes adds the eight byte lanes of x.
func sumLanes(x uint64) uint64 {
	// Multiplying by 0x0101...01 sums all lanes into the top byte; lanes
	// hold at most 255, and so can the sum of eight only if folded first.
	x = (x & 0x00ff00ff00ff00ff) + ((x >> 8) & 0x00ff00ff00ff00ff) // 4 lanes of 16 bits
	return (x * 0x0001000100010001) >> 48
}
