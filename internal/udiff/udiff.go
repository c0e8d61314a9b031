// Package udiff writes the difference between two texts as a unified
// diff ("diff -u" format, which patch applies): cxkit fmt -d shows what
// formatting would change with it.
package udiff

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// diffContext is how many unchanged lines a hunk shows around a change.
const diffContext = 3

// diffOp is one line of an edit script: kept (' '), deleted from the old
// text ('-') or inserted from the new one ('+'). a and b are the line's
// indexes in the old and new text (the one that applies).
type diffOp struct {
	kind byte
	a, b int
}

// Write writes the change from old to new as a unified diff, with
// oldName and newName in its header, and returns the error of the
// writes.
func Write(w io.Writer, oldName, newName string, old, new []byte) error {
	a, b := splitKeepNewline(old), splitKeepNewline(new)
	ops := diffLines(a, b)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "--- %s\n+++ %s\n", oldName, newName)
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk runs from this change to the last change that is at
		// most 2*diffContext kept lines from the one before it.
		start := max(0, i-diffContext)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*diffContext {
				break
			}
		}
		stop := min(len(ops), end+diffContext+1)
		writeHunk(bw, a, b, ops[start:stop])
		i = stop
	}
	return bw.Flush()
}

func writeHunk(w *bufio.Writer, a, b []string, ops []diffOp) {
	aStart, bStart, aLen, bLen := -1, -1, 0, 0
	aBefore, bBefore := 0, 0 // lines of each side before the hunk
	for _, op := range ops {
		switch op.kind {
		case ' ':
			aLen++
			bLen++
		case '-':
			aLen++
		case '+':
			bLen++
		}
		if op.kind != '+' && aStart < 0 {
			aStart = op.a
		}
		if op.kind != '-' && bStart < 0 {
			bStart = op.b
		}
	}
	first := ops[0]
	aBefore, bBefore = first.a, first.b
	if aLen > 0 {
		aBefore = aStart
	}
	if bLen > 0 {
		bBefore = bStart
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(aBefore, aLen), hunkRange(bBefore, bLen))
	for _, op := range ops {
		line := ""
		switch op.kind {
		case ' ', '-':
			line = a[op.a]
		case '+':
			line = b[op.b]
		}
		w.WriteByte(op.kind)
		w.WriteString(line)
		if len(line) == 0 || line[len(line)-1] != '\n' {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange prints a hunk side as "start,len" with the conventions of
// diff -u: 1-based start, ",1" left out, and an empty side named by the
// line before it.
func hunkRange(before, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", before)
	case 1:
		return fmt.Sprintf("%d", before+1)
	}
	return fmt.Sprintf("%d,%d", before+1, n)
}

func splitKeepNewline(s []byte) []string {
	var lines []string
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, string(s))
			break
		}
		lines = append(lines, string(s[:i+1]))
		s = s[i+1:]
	}
	return lines
}

// diffLines returns a shortest edit script from a to b by Myers'
// algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986).
// When the texts differ so much that the search would take too much
// memory, it settles for replacing everything that differs between the
// common head and tail.
func diffLines(a, b []string) []diffOp {
	// Common head and tail are kept as they are; this also makes the
	// usual formatter diff (a few lines changed) cheap.
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	var ops []diffOp
	for i := 0; i < head; i++ {
		ops = append(ops, diffOp{' ', i, i})
	}
	mid := myers(a[head:len(a)-tail], b[head:len(b)-tail])
	for _, op := range mid {
		ops = append(ops, diffOp{op.kind, op.a + head, op.b + head})
	}
	for i := 0; i < tail; i++ {
		ops = append(ops, diffOp{' ', len(a) - tail + i, len(b) - tail + i})
	}
	return ops
}

// maxDiffWork bounds the memory of the Myers search (ints kept).
const maxDiffWork = 1 << 24

func myers(a, b []string) []diffOp {
	n, m := len(a), len(b)
	off := n + m + 1 // diagonals -off..off, so that k±1 stays in range
	width := 2*off + 1
	v := make([]int, width)
	var trace [][]int
	dEnd := -1
search:
	for d := 0; d <= n+m; d++ {
		if (d+1)*width > maxDiffWork {
			break
		}
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1] // down: insert from b
			} else {
				x = v[off+k-1] + 1 // right: delete from a
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				dEnd = d
				break search
			}
		}
	}
	if dEnd < 0 {
		ops := make([]diffOp, 0, n+m)
		for i := range n {
			ops = append(ops, diffOp{'-', i, 0})
		}
		for j := range m {
			ops = append(ops, diffOp{'+', n, j})
		}
		return ops
	}
	var rev []diffOp
	x, y := n, m
	for d := dEnd; d > 0; d-- {
		v := trace[d]
		k := x - y
		var pk int
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := v[off+pk]
		py := px - pk
		for x > px && y > py {
			x--
			y--
			rev = append(rev, diffOp{' ', x, y})
		}
		if x == px {
			y--
			rev = append(rev, diffOp{'+', x, y})
		} else {
			x--
			rev = append(rev, diffOp{'-', x, y})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, diffOp{' ', x, y})
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
