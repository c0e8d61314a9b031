package support

import (
	"errors"
	"hash/maphash"
	"io"
	"runtime"
	"sync"

	"github.com/cxkit/cxkit/internal/split"
)

// ReadOptions tune ReadInto.
type ReadOptions struct {
	// Workers is how many goroutines read a file that can be split (an
	// *os.File of a regular file, or a reader with ReadAt and Size): 0
	// means one per core, 1 reads in one pass.
	Workers int
	// Progress, when set, is called as input is read with the bytes and
	// tickets read since its last call, from the workers' goroutines: it
	// must be safe for concurrent use.
	Progress func(bytes, tickets int64)
}

// minSplit is the least input a worker is given; a variable for tests.
var minSplit int64 = 256 << 10

// ReadInto reads every ticket of r into acc, as ReadAll(r, acc.Add)
// does: bad lines come back together as Errors, in line order, and acc
// holds the good tickets. A source that can be split is cut at line
// breaks (a JSON Lines record never holds one) among opts.Workers
// goroutines, each with an accumulator of acc's options; the parts are
// merged in order, so the report and the errors are those of one pass.
// A ticket id found in two parts makes ReadInto read the input again in
// one pass, so that the duplicate is told against the line that really
// came first.
func ReadInto(r io.Reader, acc *Accumulator, opts ReadOptions) error {
	if err := checkReadArgs(r, acc == nil); err != nil {
		return err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	src, size, ok := split.Source(r)
	if ok {
		workers = int(min(int64(workers), size/minSplit))
	}
	if !ok || workers < 2 {
		p := readPart(r, acc, 0, opts.Progress, newIDSet())
		return p.result()
	}
	cuts, err := split.Cuts(src, 0, size, workers)
	if err != nil {
		return err
	}
	key, check := maphash.MakeSeed(), maphash.MakeSeed()
	parts := make([]*part, workers)
	var wg sync.WaitGroup
	for i := range parts {
		wg.Go(func() {
			// A worker's first line is numbered 2, not 1, so that only
			// the input's first line loses a byte order mark.
			skip := min(i, 1)
			parts[i] = readPart(io.NewSectionReader(src, cuts[i], cuts[i+1]-cuts[i]), NewAccumulator(acc.Options()), skip, opts.Progress, newIDSetSeeded(key, check))
		})
	}
	wg.Wait()
	if duplicateAcross(parts) {
		p := readPart(io.NewSectionReader(src, 0, size), acc, 0, nil, newIDSet())
		return p.result()
	}
	var errs Errors
	before := 0 // lines in the parts before
	for _, p := range parts {
		shift := before - p.skip
		for _, te := range p.errs {
			te.Line += shift
			if d, ok := errors.AsType[*DuplicateIDError](te.Err); ok {
				d.First += shift
				te.Message = d.Error() // said with the part's own line
			}
		}
		errs = append(errs, p.errs...)
		if p.fatal != nil {
			return p.fatal
		}
		if err := acc.Merge(p.acc); err != nil {
			return err
		}
		before += p.lines - p.skip
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// part is what one worker read.
type part struct {
	acc   *Accumulator
	ids   idSet
	errs  Errors
	fatal error // a read error or the accumulator's: reading stopped
	lines int   // the Reader's last line number
	skip  int   // lines the Reader was told came before
}

func (p *part) result() error {
	switch {
	case p.fatal != nil:
		return p.fatal
	case len(p.errs) > 0:
		return p.errs
	}
	return nil
}

// readPart reads r into acc, the Reader's lines starting after skip.
func readPart(r io.Reader, acc *Accumulator, skip int, progress func(bytes, tickets int64), ids idSet) *part {
	cr := &countReader{r: r}
	rd := NewReader(cr)
	rd.lines.StartAfter(skip)
	rd.ids = ids
	p := &part{acc: acc, skip: skip}
	var tickets, shownBytes, shownTickets int64
	report := func() {
		if progress != nil {
			progress(cr.n-shownBytes, tickets-shownTickets)
			shownBytes, shownTickets = cr.n, tickets
		}
	}
	defer report()
	defer func() { p.lines, p.ids = rd.Line(), rd.ids }()
	for {
		t, err := rd.Next()
		if err == io.EOF {
			return p
		}
		if te, ok := errors.AsType[*TicketError](err); ok {
			p.errs = append(p.errs, te)
			continue
		}
		if err != nil {
			p.fatal = err
			return p
		}
		if err := acc.Add(t); err != nil {
			p.fatal = err
			return p
		}
		if tickets++; tickets&0xfff == 0 {
			report()
		}
	}
}

// duplicateAcross reports whether an id may occur in two parts: a key
// in two parts' sets, or an id that clashed with another's key.
//
// Each part's keys are looked up in the sets of the parts before it,
// not gathered into a set of their own: that took a map of every ticket
// built while the other core idled.
func duplicateAcross(parts []*part) bool {
	for i, p := range parts {
		if len(p.ids.clashed) > 0 {
			return true
		}
		for k := range p.ids.seen {
			for _, q := range parts[:i] {
				if _, ok := q.ids.seen[k]; ok {
					return true
				}
			}
		}
	}
	return false
}

// countReader counts the bytes read through it, for progress.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
