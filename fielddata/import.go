package fielddata

import (
	"bufio"
	"bytes"
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
	// Guessed, when set, is called once the format has been told from
	// the file, before any problem is reported, with the format and why
	// (see Reader.Guessed).
	Guessed func(f Format, why string)
	// Workers is how many rows are turned into sheets and checked at
	// once: 0 means runtime.GOMAXPROCS(0). One goroutine reads the file
	// in order (of a CSV file it only finds where the rows end; the
	// workers split them into cells), and the output, the problems and
	// their order are the same for any number. SurveyJS results, XML
	// submissions (whose names are learnt as they are read) and
	// workbooks are read on that goroutine, and the first two made one
	// row at a time.
	Workers int
	// Progress, when set, is called as the file is read with the bytes
	// read and the rows done since its previous call, from one
	// goroutine; cxkit draws its progress line with it.
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
// reads the rows one at a time. Unless opts.SkipInvalid is set, the
// sheets wait in memory (in a temporary file past a few megabytes)
// until the whole file has been read, because a file with a bad row
// gives nothing; with it they are written as they come. The problems
// go to opts.Problem. It returns an error wrapping ErrInvalid when
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
	if opts.SkipInvalid {
		// Nothing is held back, so nothing needs to wait.
		sp.w = bufio.NewWriterSize(w, 256<<10)
		sp.direct = true
	}
	// emit takes the rows' results in file order, so that what is
	// reported and written does not depend on the number of workers.
	// It returns done at the end of the file.
	emit := func(res *rowResult) (done bool, err error) {
		for _, w := range res.warns {
			report(w)
		}
		switch {
		case res.err == io.EOF:
			return true, nil
		case res.err != nil:
			var re *RowError
			if !errors.As(res.err, &re) {
				for _, e := range AsErrors(res.err) {
					report(e)
					sum.Errors++
				}
				return true, res.err
			}
			sum.Invalid++
			for _, e := range re.Errs {
				report(e)
				sum.Errors++
			}
			return false, nil
		}
		sum.Sheets++
		if sum.Invalid > 0 && !opts.SkipInvalid {
			return false, nil // nothing will be written
		}
		if sp.direct {
			sum.Written++
		}
		return false, sp.write(res.line)
	}
	if err := rd.convertAll(opts.Workers, opts.Progress, emit); err != nil {
		if sp.direct {
			if ferr := sp.w.Flush(); ferr != nil {
				sum.Written = 0 // unknown: some of the buffer may be out
				return sum, errors.Join(err, ferr)
			}
		}
		return sum, err
	}
	if sum.Invalid > 0 && !opts.SkipInvalid {
		return sum, ErrInvalid
	}
	if err := sp.copyTo(w); err != nil {
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

// spool keeps what is written in memory up to spoolMemory bytes, then
// in a temporary file, so that memory stays flat in the number of rows.
// A direct spool holds nothing back: it writes through w.
type spool struct {
	buf    bytes.Buffer
	file   *os.File
	w      *bufio.Writer // file's (or the output's), so that a line is not a write of its own
	direct bool
}

const spoolMemory = 8 << 20

func (sp *spool) write(b []byte) error {
	if sp.direct {
		_, err := sp.w.Write(b)
		return err
	}
	if sp.file == nil && sp.buf.Len()+len(b) > spoolMemory {
		f, err := os.CreateTemp("", "cxkit-import-*.jsonl")
		if err != nil {
			return err
		}
		sp.file, sp.w = f, bufio.NewWriterSize(f, 256<<10)
		if _, err := sp.buf.WriteTo(sp.w); err != nil {
			return err
		}
	}
	if sp.file != nil {
		_, err := sp.w.Write(b)
		return err
	}
	sp.buf.Write(b)
	return nil
}

func (sp *spool) copyTo(w io.Writer) error {
	if sp.direct {
		return sp.w.Flush()
	}
	if sp.file == nil {
		_, err := sp.buf.WriteTo(w)
		return err
	}
	if err := sp.w.Flush(); err != nil {
		return err
	}
	if _, err := sp.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, sp.file)
	return err
}

func (sp *spool) close() {
	if sp.file != nil {
		sp.file.Close()
		os.Remove(sp.file.Name())
	}
}
