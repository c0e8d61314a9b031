package fielddata

import (
	"runtime"
	"sync"

	"github.com/cxkit/cxkit/korto"
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

type rowBatch struct {
	seq  int
	rows []rawRow
	res  []rowResult
}

// readBatch reads up to batchRows rows; the batch ends early at the
// end of the file or an error that ends it.
func (rd *Reader) readBatch(progress func(bytes, rows int64)) (rows []rawRow, last bool) {
	warned := len(rd.warns)
	for len(rows) < batchRows {
		var rr rawRow
		rr.err = rd.nextRow(&rr.r)
		if n := len(rd.warns); n > warned {
			rr.warns = append(Errors(nil), rd.warns[warned:n]...)
			warned = n
		}
		rows = append(rows, rr)
		if rr.err != nil {
			if _, isRow := rr.err.(*RowError); !isRow {
				return rows, true
			}
		}
		if progress != nil {
			progress(0, 1)
		}
	}
	return rows, false
}

// convert makes the sheets of a batch's rows and their lines of JSON.
// It reads only the layout and the plan, so workers run it at once.
func (rd *Reader) convert(rows []rawRow, p *korto.Plan, dst *korto.Sheet) []rowResult {
	out := make([]rowResult, len(rows))
	for i := range rows {
		rr, res := &rows[i], &out[i]
		res.warns, res.err = rr.warns, rr.err
		if rr.err != nil {
			continue
		}
		s, errs := rd.l.sheet(rd.qs, &rr.r, dst)
		if len(errs) > 0 {
			res.err = &RowError{Line: rr.r.line, Errs: errs}
			continue
		}
		res.line = AppendSheet(nil, s, p)
	}
	return out
}

// convertAll reads the rows in order on this goroutine's behalf, makes
// their sheets on workers goroutines (0: GOMAXPROCS) and hands the
// results to emit in file order until emit says done or fails.
func (rd *Reader) convertAll(p *korto.Plan, workers int, progress func(bytes, rows int64), emit func(*rowResult) (bool, error)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if rd.l.format == SurveyJS {
		// A JSON result adds its keys to the layout as they are met,
		// so its rows are made one at a time, in reading order.
		workers = 1
	}
	if workers == 1 {
		dst := &korto.Sheet{}
		for {
			rows, _ := rd.readBatch(progress)
			res := rd.convert(rows, p, dst)
			for i := range res {
				if done, err := emit(&res[i]); done || err != nil {
					return err
				}
			}
		}
	}

	in := make(chan *rowBatch)
	out := make(chan *rowBatch)
	stop := make(chan struct{})
	// slots bound the batches read but not yet emitted, so a slow
	// writer does not let the whole file pile up in memory.
	slots := make(chan struct{}, 2*workers)
	go func() {
		defer close(in)
		for seq := 0; ; seq++ {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			rows, last := rd.readBatch(progress)
			select {
			case in <- &rowBatch{seq: seq, rows: rows}:
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
			dst := &korto.Sheet{}
			for b := range in {
				b.res = rd.convert(b.rows, p, dst)
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
			<-slots
		}
	}
	return result
}
