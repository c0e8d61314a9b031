package fielddata

import (
	"runtime"
	"slices"
	"sync"
)

// batchRows is how many rows travel to a worker at once: enough that
// the hand-over costs little beside checking them, few enough that the
// rows in flight stay a small part of memory.
const batchRows = 256

// rawRow is a row as read, before its sheet is made, with the warnings
// reading it produced (a JSON result's unknown keys) and the error that
// stopped it: a *RowError for a row that could not be read, io.EOF or
// the error that ended the file for the last one.
type rawRow struct {
	r     row
	warns Errors
	err   error
}

// rowResult is what a row came to: its sheet's line of JSON, or the
// error of rawRow, or a *RowError listing its bad cells.
type rowResult struct {
	line  []byte
	warns Errors
	err   error
}

// rowBatch is batchRows rows on their way through the workers. Batches
// are reused once emitted, and with them the memory of their rows and
// lines, so that a row costs no allocation of its own.
type rowBatch struct {
	seq  int
	rows []rawRow
	res  []rowResult
	buf  []byte // the lines of JSON of res, one after another
}

// readBatch reads up to batchRows rows into b; the batch ends early at
// the end of the file or an error that ends it, and last says so.
func (rd *Reader) readBatch(b *rowBatch, progress func(bytes, rows int64)) (last bool) {
	warned := len(rd.warns)
	b.rows = b.rows[:0]
	for len(b.rows) < batchRows {
		if len(b.rows) < cap(b.rows) {
			b.rows = b.rows[:len(b.rows)+1]
		} else {
			b.rows = append(b.rows, rawRow{})
		}
		rr := &b.rows[len(b.rows)-1]
		rr.warns = nil
		rr.err = rd.nextRow(&rr.r)
		if n := len(rd.warns); n > warned {
			rr.warns = append(Errors(nil), rd.warns[warned:n]...)
			warned = n
		}
		if rr.err != nil {
			if _, isRow := rr.err.(*RowError); !isRow {
				return true
			}
		}
		if progress != nil {
			progress(0, 1)
		}
	}
	return false
}

// convert checks the rows of a batch and writes the lines of JSON of
// the good ones into b.res. It reads only the layout and the plan, so
// workers run it at once, each with its own rs.
func (rd *Reader) convert(b *rowBatch, rs *rowSheet) {
	b.res = slices.Grow(b.res[:0], len(b.rows))[:len(b.rows)]
	b.buf = b.buf[:0]
	ends := make([]int, 0, batchRows) // where each row's line ends in buf
	for i := range b.rows {
		rr, res := &b.rows[i], &b.res[i]
		*res = rowResult{warns: rr.warns, err: rr.err}
		if rr.err == nil {
			if errs := rd.l.check(rd.qs, &rr.r, rs); len(errs) > 0 {
				if rr.r.raw {
					// Checked again on strings of its own, so that the
					// problems keep nothing of the row's bytes, which
					// are read into again.
					rr.r.own()
					errs = rd.l.check(rd.qs, &rr.r, rs)
				}
				res.err = &RowError{Line: rr.r.line, Errs: errs}
			} else {
				b.buf = rs.appendJSON(b.buf, rd.ids, rd.qs)
			}
		}
		ends = append(ends, len(b.buf))
	}
	// The lines are cut out once buf has stopped moving.
	start := 0
	for i := range b.res {
		if b.res[i].err == nil {
			b.res[i].line = b.buf[start:ends[i]:ends[i]]
		}
		start = ends[i]
	}
}

// convertAll reads the rows in order on this goroutine's behalf, makes
// their sheets on workers goroutines (0: GOMAXPROCS) and hands the
// results to emit in file order until emit says done or fails.
func (rd *Reader) convertAll(workers int, progress func(bytes, rows int64), emit func(*rowResult) (bool, error)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if rd.l.format.learnsColumns() {
		// A JSON result or an XML submission adds its names to the
		// layout as they are met, so its rows are made one at a time,
		// in reading order.
		workers = 1
	}
	if workers == 1 {
		var (
			rs rowSheet
			b  rowBatch
		)
		for {
			rd.readBatch(&b, progress)
			rd.convert(&b, &rs)
			for i := range b.res {
				if done, err := emit(&b.res[i]); done || err != nil {
					return err
				}
			}
		}
	}

	in := make(chan *rowBatch)
	out := make(chan *rowBatch)
	stop := make(chan struct{})
	// slots bound the batches read but not yet emitted, so a slow
	// writer does not let the whole file pile up in memory; free holds
	// the emitted ones, for reading into again.
	slots := make(chan struct{}, 2*workers)
	free := make(chan *rowBatch, 2*workers)
	go func() {
		defer close(in)
		for seq := 0; ; seq++ {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			var b *rowBatch
			select {
			case b = <-free:
			default:
				b = &rowBatch{}
			}
			b.seq = seq
			last := rd.readBatch(b, progress)
			select {
			case in <- b:
			case <-stop:
				return
			}
			if last {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var rs rowSheet
			for b := range in {
				rd.convert(b, &rs)
				out <- b
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()

	pending := map[int]*rowBatch{}
	next := 0
	var result error
	finished := false
	for b := range out {
		if finished {
			continue // drain, so the workers and the reader end
		}
		pending[b.seq] = b
		for pb := pending[next]; pb != nil && !finished; pb = pending[next] {
			delete(pending, next)
			next++
			for i := range pb.res {
				done, err := emit(&pb.res[i])
				if done || err != nil {
					result, finished = err, true
					close(stop)
					break
				}
			}
			select {
			case free <- pb:
			default:
			}
			<-slots
		}
	}
	return result
}
