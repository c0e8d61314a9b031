package fielddata

import (
	"errors"
	"io"
	"os"

	"github.com/cxkit/cxkit/korto"
)

// ImportOptions say how [Import] reads a file and what it writes.
type ImportOptions struct {
	Options
	// SkipInvalid writes the good rows of a file that has bad ones;
	// without it nothing is written for such a file. With it the rows
	// are written as they are read, not held back until the end: a
	// file that cannot be read to its end (a read error, a row of more
	// than a megabyte) leaves the good rows before the problem written,
	// and [Summary.Written] says how many.
	SkipInvalid bool
	// Problem, when set, is called with each problem as it is found:
	// the warnings of the header first, then each bad cell.
	Problem func(*Error)
	// ProblemOutput names the file Problem prints to, when it prints
	// to one (an *os.File, or a writer with its Stat): Import does not
	// write to it, it only compares it with the output. An output that
	// is the same file as ProblemOutput or as os.Stderr, as after
	// "> log 2>&1", is never cut back on failure (see [Import]): that
	// would erase the problems that say why the import failed.
	ProblemOutput io.Writer
	// Guessed, when set, is called once the format has been told from
	// the file, before any problem is reported, with the format and why
	// (see Reader.Guessed).
	Guessed func(f Format, why string)
	// Workers is how many rows are turned into sheets and checked at
	// once: 0 means runtime.GOMAXPROCS(0). The workers take turns to
	// read the file, a batch of rows each, in order (of a CSV file a
	// turn only finds where the rows end; the worker then splits them
	// into cells), and the output, the problems and their order are
	// the same for any number. SurveyJS results, XML submissions
	// (whose names are learnt as they are read) and workbooks are read
	// into rows in those turns, not split by the workers after them,
	// and the first two are made one row at a time. The lines held back until the file is known good
	// (see Import) are made by as many workers as they are written out.
	Workers int
	// Progress, when set, is called as the file is read with the bytes
	// read and the rows done since its previous call, one call at a
	// time (from whichever worker is reading); cxkit draws its progress
	// line with it.
	Progress func(bytes, rows int64)
}

// Summary counts what [Import] read.
type Summary struct {
	Format  Format // the format the file was read as
	Guessed string // why, when it was told from the file (see Reader.Guessed)
	Sheets  int    // rows that made good sheets
	Invalid int    // rows with errors
	Written int    // sheets written
	Errors  int    // problems found (not counting warnings)
}

// ErrInvalid is returned by Import, wrapped, when rows have errors.
var ErrInvalid = errors.New("rows with errors")

// Import reads the file in r and writes its rows to w as answer sheets
// of the plan's checklist, one JSON line each (see [AppendSheet]). It
// reads the rows in order, a batch at a time. Unless opts.SkipInvalid
// is set, a file with a bad row gives nothing, so the sheets wait in
// memory (in a temporary file past a few megabytes), as their checked
// answers, about an eighth of their JSON, until the whole file has been
// read, and their lines are made as they are written out (on the
// workers); with it they are written as they come. When w is
// a regular file written at its end (an *os.File, or a writer with its
// Stat, Seek and Truncate, as after "> out" or ">> out"), they are
// written as they come either way, and an import that fails cuts the
// file back to the size it had, so that it is left as it was (a
// process killed on the way leaves the lines written so far). A file
// the problems are printed to as well (opts.ProblemOutput, or
// os.Stderr) is not cut back: its sheets wait as a pipe's do, and a
// failed import leaves it holding what it held and the problems. With
// opts.SkipInvalid nothing is cut back: the good rows stay written.
// The problems go to opts.Problem. It returns an error wrapping ErrInvalid when
// there were bad rows (after writing the good ones with SkipInvalid),
// or the error that stopped the file.
func Import(w io.Writer, r io.Reader, p *korto.Plan, opts ImportOptions) (Summary, error) {
	report := opts.Problem
	if report == nil {
		report = func(*Error) {}
	}
	if opts.Progress != nil && r != nil {
		r = &countingReader{r: r, add: opts.Progress}
	}
	var sum Summary
	rd, err := NewReader(r, p, opts.Options)
	if err != nil {
		if es := AsErrors(err); es != nil {
			for _, e := range es {
				report(e)
				sum.Errors++
			}
		}
		return sum, err
	}
	sum.Format, sum.Guessed = rd.Format(), rd.Guessed()
	if sum.Guessed != "" && opts.Guessed != nil {
		opts.Guessed(sum.Format, sum.Guessed)
	}
	for _, w := range rd.Warnings() {
		report(w)
	}
	var sp spool
	defer sp.close()
	switch {
	case opts.SkipInvalid:
		sp.direct = w // nothing is held back, so nothing needs to wait
	case rewindable(w) && !sameFileAsProblems(w, opts.ProblemOutput):
		// A regular file written at its end can be cut back to where
		// it was if the import fails: no need to wait either.
		sp.direct, sp.undo = w, w.(rewinder)
		if err := sp.mark(); err != nil {
			sp.direct, sp.undo = nil, nil
		}
	}
	// emit takes the rows' results a batch at a time in file order, so
	// that what is reported and written does not depend on the number
	// of workers, and writes the batch's lines in one go. It returns
	// done at the end of the file.
	emit := func(res []rowResult, rows []byte) (done bool, err error) {
		good := 0
		for i := range res {
			for _, w := range res[i].warns {
				report(w)
			}
			// A bad row's error is a *RowError as made, never wrapped;
			// errors.As would put re on the heap, an allocation a row.
			rerr := res[i].err
			re, isRow := rerr.(*RowError)
			switch {
			case rerr == nil:
				good++
			case rerr == io.EOF:
				done = true
			case isRow:
				sum.Invalid++
				for _, e := range re.Errs {
					report(e)
					sum.Errors++
				}
			default: // the end of the file, the last result
				for _, e := range AsErrors(rerr) {
					report(e)
					sum.Errors++
				}
				done, err = true, rerr
			}
		}
		sum.Sheets += good
		if sum.Invalid > 0 && !opts.SkipInvalid {
			return done, err // nothing will be written
		}
		// rows are the good rows' lines (or records), all of them
		// before the end.
		if werr := sp.write(rows); werr != nil {
			return true, errors.Join(err, werr)
		}
		if sp.direct != nil && sp.undo == nil {
			sum.Written += good
		}
		return done, err
	}
	if err := rd.convertAll(opts.Workers, opts.Progress, sp.direct == nil, emit); err != nil {
		if !opts.SkipInvalid {
			sum.Written = 0
			if rerr := sp.rewind(); rerr != nil {
				err = errors.Join(err, rerr)
			}
		}
		return sum, err
	}
	if sum.Invalid > 0 && !opts.SkipInvalid {
		sum.Written = 0
		if err := sp.rewind(); err != nil {
			return sum, errors.Join(ErrInvalid, err)
		}
		return sum, ErrInvalid
	}
	if err := sp.copyTo(w, opts.Workers, rd.spoolLines().append); err != nil {
		return sum, err
	}
	sum.Written = sum.Sheets
	if sum.Invalid > 0 {
		return sum, ErrInvalid
	}
	return sum, nil
}

// countingReader tells Progress how many bytes have been read.
type countingReader struct {
	r   io.Reader
	add func(bytes, rows int64)
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	if n > 0 {
		c.add(int64(n), 0)
	}
	return n, err
}

// rewinder is an output that can be cut back: *os.File is one, and a
// wrapper of it (cxkit's checked standard output) can be one.
type rewinder interface {
	io.Writer
	Stat() (os.FileInfo, error)
	Seek(offset int64, whence int) (int64, error)
	Truncate(size int64) error
}

// rewindable says whether w is a regular file: written at its end, it
// can be cut back to where it was.
func rewindable(w io.Writer) bool {
	f, ok := w.(rewinder)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode().IsRegular()
}

// mark notes where undo ends, which must be where it is written (as
// after "> out" or ">> out"); writing elsewhere in the file would
// overwrite what no rewind can bring back.
func (sp *spool) mark() error {
	at, err := sp.undo.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	fi, err := sp.undo.Stat()
	if err != nil {
		return err
	}
	if fi.Size() != at {
		return errors.New("not at the end of the file")
	}
	sp.size = at
	return nil
}

// rewind cuts undo back to its size before the import.
func (sp *spool) rewind() error {
	if sp.undo == nil {
		return nil
	}
	if err := sp.undo.Truncate(sp.size); err != nil {
		return err
	}
	_, err := sp.undo.Seek(sp.size, io.SeekStart)
	return err
}
