package fielddata

import (
	"encoding/csv"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/cxkit/cxkit/internal/cacheline"
	"github.com/cxkit/cxkit/internal/csvlex"
)

// batchRows is how many rows travel to a worker at once: enough that
// the hand-over costs little beside checking them, few enough that the
// rows in flight stay a small part of memory.
var batchRows = 256 // a variable for the tests, which cut files at every row (SetBatchRows)

// rawRow is a row as read, before its sheet is made, with the warnings
// reading it produced (a JSON result's unknown keys) and the error that
// stopped it: a *RowError for a row that could not be read, io.EOF or
// the error that ended the file for the last one.
type rawRow struct {
	r     row
	warns Errors
	err   error
}

// rowResult is what a row came to: a good row (its line of JSON is in
// its batch's buf), or the error of rawRow, or a *RowError listing its
// bad cells.
type rowResult struct {
	warns Errors
	err   error
}

// rowBatch is up to batchRows rows on their way through the workers.
// The rows of a CSV file travel as the bytes of their records, cut
// from the file in a worker's turn to read (cut) and lexed by that
// worker after it, so that the reading, which the workers do one at a
// time, costs little more than finding where the records end; the rows
// of other files (and a CSV file's first row, see readBatch) are read
// into rows. Batches are reused once emitted, and with them their
// memory, so that a row costs no allocation of its own.
type rowBatch struct {
	rows []rawRow
	// cut says that the batch is records, run, whose first byte is on
	// line line; end, when set, is what ended the reading after them:
	// io.EOF or an error that ends the file.
	cut  bool
	run  []byte
	line int
	end  error
	res  []rowResult
	// buf holds the good rows of res, one after another: their lines
	// of JSON, or their records for the spool.
	buf []byte
}

// worker is what one worker goroutine reuses from batch to batch.
type worker struct {
	spooled bool // the good rows are written as records for the spool
	rs      rowSheet
	x       csvlex.Lexer // lexes a cut batch's records
	r       row          // the row being made of one of them
}

// readBatch reads up to batchRows rows into b; the batch ends early at
// the end of the file or an error that ends it, and last says so.
func (rd *Reader) readBatch(b *rowBatch, progress func(bytes, rows int64)) (last bool) {
	b.rows, b.cut, b.run, b.end = b.rows[:0], false, b.run[:0], nil
	cs, isCSV := rd.src.(*csvSource)
	if isCSV && !rd.first {
		return cs.cut(b, progress)
	}
	warned := len(rd.warns)
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
		if isCSV {
			// The first row is read alone, as nextRow skips a row of
			// question texts there; the batches after it are cut.
			return false
		}
	}
	return false
}

// cut reads up to batchRows records into b as they are in the file,
// finding only where they end (csvlex.Lexer.Skim): a worker lexes them.
func (cs *csvSource) cut(b *rowBatch, progress func(bytes, rows int64)) (last bool) {
	b.cut, b.line = true, cs.x.Line()
	for range batchRows {
		rec, err := cs.x.Skim()
		if err != nil && !errors.As(err, new(*csv.ParseError)) {
			b.end = err
			if err != io.EOF {
				b.end = cs.fatal(err)
			}
			return true
		}
		b.run = append(b.run, rec...)
		if progress != nil {
			progress(0, 1)
		}
	}
	return false
}

// convert checks the rows of a batch and writes the lines of JSON of
// the good ones into b.res. It reads only the layout and the plan, so
// workers run it at once, each with its own w.
func (rd *Reader) convert(b *rowBatch, w *worker) {
	b.res, b.buf = b.res[:0], b.buf[:0]
	if b.cut {
		cs := rd.src.(*csvSource)
		w.x.Reset(b.run, b.line)
		w.x.SetComma(cs.comma)
		for {
			err := cs.rowFrom(&w.x, &w.r)
			if err == io.EOF {
				break
			}
			if err != nil {
				var se *rowSyntaxError
				if !errors.As(err, &se) {
					// Skim ends a batch before such an error: here it
					// would be a fault of the cut, and it ends the file
					// rather than lose rows.
					rd.add(b, nil, err, nil, w)
					return
				}
				rd.add(b, &w.r, &RowError{Line: w.r.line, Errs: se.errs}, nil, w)
				continue
			}
			if !w.r.empty() {
				rd.add(b, &w.r, nil, nil, w)
			}
		}
		if b.end != nil {
			rd.add(b, nil, b.end, nil, w)
		}
	} else {
		for i := range b.rows {
			rr := &b.rows[i]
			rd.add(b, &rr.r, rr.err, rr.warns, w)
		}
	}
}

// add checks row r, read with the error err and the warnings warns,
// and adds its result to b: when it is good, its line of JSON, or its
// record for the spool.
func (rd *Reader) add(b *rowBatch, r *row, err error, warns Errors, w *worker) {
	rs := &w.rs
	res := rowResult{warns: warns, err: err}
	if err == nil {
		if errs := rd.l.check(r, rs); len(errs) > 0 {
			if r.raw {
				// Checked again on strings of its own, so that the
				// problems keep nothing of the row's bytes, which are
				// read into again.
				r.own()
				errs = rd.l.check(r, rs)
			}
			res.err = &RowError{Line: r.line, Errs: errs}
		} else if w.spooled {
			b.buf = rs.appendSpooled(b.buf)
		} else {
			b.buf = rs.appendJSON(b.buf, rd.ids, rd.l.qs)
		}
	}
	b.res = append(b.res, res)
}

// convertAll reads the rows in order on this goroutine's behalf, makes
// their sheets on workers goroutines (0: GOMAXPROCS) and hands the
// results to emit a batch at a time, in file order, with the batch's
// good rows, until emit says done or fails. The good rows come as lines
// of JSON, or when spooled is set as their records for the spool (see
// appendSpooled), which are a tenth of the size and made with less work.
func (rd *Reader) convertAll(workers int, progress func(bytes, rows int64), spooled bool, emit func(res []rowResult, rows []byte) (bool, error)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if rd.l.format.learnsColumns() {
		// A JSON result or an XML submission adds its names to the
		// layout as they are met, so its rows are made one at a time,
		// in reading order.
		workers = 1
	}
	return inOrder(workers,
		func(b *rowBatch) bool { return rd.readBatch(b, progress) },
		func() func(*rowBatch) {
			// Padded: a worker writes its own for every row, and two
			// made one after the other would share a cache line.
			w := &cacheline.Make[worker](1)[0]
			w.spooled = spooled
			return func(b *rowBatch) { rd.convert(b, w) }
		},
		func(b *rowBatch) (bool, error) { return emit(b.res, b.buf) })
}

// inOrder fills items with read, one after another, works on them on
// workers goroutines at once (each with the work that newWork gave it)
// and hands them to emit on this goroutine in the order read filled
// them, until read says the last is filled, or emit says done or
// fails. Items are reused once emitted, and read fills an item as it
// was left: what it reuses of it is its own business. At most twice as
// many items as workers are read but not yet emitted, so that a slow
// writer does not let the input pile up in memory. With one worker
// everything runs on this goroutine.
//
// The workers take turns to read: a worker reads an item (under a
// lock, so reads are one at a time and in order) and then works on it
// itself. The bytes it read are then in its own core's cache when it
// lexes them. With a goroutine of its own for reading, every row
// crossed from one core to the other: two workers took 13% more CPU
// than one for the same rows, against 7% taking turns.
func inOrder[T any](workers int, read func(*T) (last bool), newWork func() func(*T), emit func(*T) (done bool, err error)) error {
	if workers <= 1 {
		var it T
		work := newWork()
		for {
			last := read(&it)
			work(&it)
			if done, err := emit(&it); done || err != nil || last {
				return err
			}
		}
	}
	type item struct {
		seq int
		v   T
	}
	// slots bound the items read but not yet emitted; free holds the
	// emitted ones, for reading into again. out has room for all of
	// them, so that a worker does not wait to hand one over.
	inFlight := 2 * workers
	slots := make(chan struct{}, inFlight)
	free := make(chan *item, inFlight)
	out := make(chan *item, inFlight)
	stop := make(chan struct{})
	var (
		mu    sync.Mutex // held while reading
		seq   int        // of the next item read
		ended bool       // the last item is read
	)
	// next reads the next item, or returns nil after the last.
	next := func() *item {
		mu.Lock()
		defer mu.Unlock()
		if ended {
			return nil
		}
		var it *item
		select {
		case it = <-free:
		default:
			it = new(item)
		}
		it.seq, seq = seq, seq+1
		ended = read(&it.v)
		return it
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			work := newWork()
			for {
				select {
				case slots <- struct{}{}:
				case <-stop:
					return
				}
				it := next()
				if it == nil {
					return
				}
				work(&it.v)
				out <- it
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()

	// pending holds the items done out of order, by seq: the slots
	// keep every seq in flight within inFlight of next.
	pending := make([]*item, inFlight)
	emitted := 0
	var result error
	finished := false
	for it := range out {
		if finished {
			continue // drain, so the workers end
		}
		pending[it.seq%inFlight] = it
		for pi := pending[emitted%inFlight]; pi != nil && !finished; pi = pending[emitted%inFlight] {
			pending[emitted%inFlight] = nil
			emitted++
			if done, err := emit(&pi.v); done || err != nil {
				result, finished = err, true
				close(stop)
			}
			select {
			case free <- pi:
			default:
			}
			<-slots
		}
	}
	return result
}
