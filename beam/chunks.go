package cxbeam

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/report"
)

// How a big JSON Lines file is read by many workers. Beam's textio cuts
// a file into byte ranges and gives each worker the lines that start in
// its range, but it forgets where the lines were, and cxkit places every
// problem at file:line. A chunk here is such a range; its reader numbers
// the lines from 1 within the chunk and counts them. Places travel as
// (file, chunk start, line in the chunk), which orders them as the file
// does, and are turned into lines of the file only at the end, by adding
// the lines of the chunks before (lineTable), when every chunk has been
// counted. So the data is read once, whatever the split.

func init() {
	register.DoFn2x0[fileio.ReadableFile, func(chunk)](&chunkFn{})
	register.Emitter1[chunk]()
	register.Iter1[chunkLines]()
	register.Emitter1[chunkLines]()
	beam.RegisterType(reflect.TypeFor[chunk]())
	beam.RegisterType(reflect.TypeFor[chunkLines]())
	beam.RegisterType(reflect.TypeFor[place]())
}

// DefaultChunkSize is the size of the pieces a JSON Lines file is read
// in when an option gives none: Beam textio's block size.
const DefaultChunkSize = 64 << 20

// chunk is a piece of a file that one worker reads: the lines that start
// at byte Start or later and before byte End. End is -1 for the end of
// the file.
type chunk struct {
	Path       string
	Start, End int64
}

// chunkFn cuts each JSON Lines file (every file when All is set) into
// chunks of Size bytes; other files are one chunk.
type chunkFn struct {
	Size int64 `json:"size"`
	All  bool  `json:"all"`
}

func (f *chunkFn) ProcessElement(file fileio.ReadableFile, emit func(chunk)) {
	path, size := file.Metadata.Path, file.Metadata.Size
	n := f.Size
	if n <= 0 {
		n = DefaultChunkSize
	}
	if !f.All && !report.IsJSONLines(path) {
		emit(chunk{Path: path, End: -1})
		return
	}
	for start := int64(0); ; start += n {
		if start+n >= size {
			emit(chunk{Path: path, Start: start, End: -1})
			return
		}
		emit(chunk{Path: path, Start: start, End: start + n})
	}
}

// readChunks matches the globs and returns their files' chunks, spread
// over the workers.
func readChunks(s beam.Scope, globs []string, size int64, all bool) beam.PCollection {
	files := fileio.MatchAll(s, beam.CreateList(s, globs), fileio.MatchEmptyDisallow())
	readable := fileio.ReadMatches(s, files, fileio.ReadDirectorySkip(), fileio.ReadUncompressed())
	return beam.Reshuffle(s, beam.ParDo(s, &chunkFn{Size: size, All: all}, readable))
}

// chunkReader reads the lines of a chunk and counts them.
type chunkReader struct {
	rc      io.Closer
	br      *bufio.Reader
	pos     int64 // offset in the file of the next byte of br
	end     int64
	atStart bool // the next byte starts a line
	pending []byte
	err     error
	lines   int // lines started so far
}

// openChunk opens the file of c at the first line that starts in c.
func openChunk(ctx context.Context, c chunk) (*chunkReader, error) {
	fs, err := filesystem.New(ctx, c.Path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, c.Path)
	if err != nil {
		return nil, err
	}
	r := &chunkReader{rc: rc, end: c.End, atStart: true}
	if r.end < 0 {
		r.end = math.MaxInt64
	}
	if c.Start == 0 {
		r.br = bufio.NewReaderSize(rc, 64<<10)
		return r, nil
	}
	// The line that holds byte Start-1 belongs to the chunk before,
	// unless that byte ends it.
	skip := c.Start - 1
	if sk, ok := rc.(io.Seeker); ok {
		if _, err := sk.Seek(skip, io.SeekStart); err != nil {
			rc.Close()
			return nil, err
		}
		r.br = bufio.NewReaderSize(rc, 64<<10)
	} else {
		r.br = bufio.NewReaderSize(rc, 64<<10)
		if _, err := r.br.Discard(int(skip)); err != nil {
			rc.Close()
			return nil, fmt.Errorf("%s: the file is shorter than %d bytes: %w", c.Path, c.Start, err)
		}
	}
	r.pos = skip
	for {
		frag, err := r.br.ReadSlice('\n')
		r.pos += int64(len(frag))
		if err == nil {
			return r, nil
		}
		if err != bufio.ErrBufferFull {
			r.err = err // io.EOF: no line starts in the chunk
			return r, nil
		}
	}
}

// Read reads the chunk's lines, the last one to its end even past the
// chunk's.
func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.pending) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		if r.atStart && r.pos >= r.end {
			r.err = io.EOF
			return 0, io.EOF
		}
		frag, err := r.br.ReadSlice('\n')
		if r.atStart && len(frag) > 0 {
			r.lines++
		}
		r.pos += int64(len(frag))
		r.atStart = len(frag) > 0 && frag[len(frag)-1] == '\n'
		r.pending = frag
		if err != nil && err != bufio.ErrBufferFull {
			r.err = err
		}
	}
	n := copy(p, r.pending)
	r.pending = r.pending[n:]
	return n, nil
}

// count reads the rest of the chunk and returns how many lines start in
// it, for a reader that stopped early.
func (r *chunkReader) count() (int, error) {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return 0, err
	}
	return r.lines, nil
}

func (r *chunkReader) Close() error { return r.rc.Close() }

// place is where a record starts: its file, the start of its chunk, and
// its line in the chunk (from 1). Compared field by field, places are in
// the order of the files (by name) and of the lines in them.
type place struct {
	Path  string
	Start int64
	Line  int
}

// token writes p as a string that a korto aggregate can keep and carry
// (korto.CriticalFailure.Place) until the line in the whole input is
// known; namePlaces reads it back.
func (p place) token() string {
	b, _ := json.Marshal(p) // a struct of a string and numbers
	return string(b)
}

func comparePlace(a, b place) int {
	return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Start, b.Start), cmp.Compare(a.Line, b.Line))
}

// chunkLines says how many lines start in the chunk of a file at Start,
// and the line in the chunk where its reader stopped for good (a line
// too long to be a record), 0 when it read to the end.
type chunkLines struct {
	Path    string
	Start   int64
	Lines   int
	Stopped int
}

// lineTable turns places into lines of their file.
type lineTable struct {
	chunks map[string][]chunkLines // by Start; Lines is the lines before the chunk
	stops  map[string]place        // the first place where reading a file stopped
	paths  []string                // the files, sorted: the input's order
}

func newLineTable(counts func(*chunkLines) bool) (*lineTable, error) {
	t := &lineTable{chunks: map[string][]chunkLines{}, stops: map[string]place{}}
	var c chunkLines
	for counts(&c) {
		t.chunks[c.Path] = append(t.chunks[c.Path], c)
	}
	for path, cs := range t.chunks {
		slices.SortFunc(cs, func(a, b chunkLines) int { return cmp.Compare(a.Start, b.Start) })
		before := 0
		for i, c := range cs {
			if i > 0 && c.Start == cs[i-1].Start {
				return nil, fmt.Errorf("%s: the chunk at byte %d was read twice", path, c.Start)
			}
			if c.Stopped > 0 {
				if _, ok := t.stops[path]; !ok {
					t.stops[path] = place{Path: path, Start: c.Start, Line: c.Stopped}
				}
			}
			cs[i].Lines = before
			before += c.Lines
		}
		t.paths = append(t.paths, path)
	}
	slices.Sort(t.paths)
	return t, nil
}

// file returns the index of the file path in the input, whose files
// come in the order of their names.
func (t *lineTable) file(path string) int {
	i, _ := slices.BinarySearch(t.paths, path)
	return i
}

// line returns the line of p in its file.
func (t *lineTable) line(p place) int {
	cs := t.chunks[p.Path]
	i, ok := slices.BinarySearchFunc(cs, p.Start, func(c chunkLines, start int64) int { return cmp.Compare(c.Start, start) })
	if !ok {
		return p.Line // not counted: cannot happen in a pipeline
	}
	return cs[i].Lines + p.Line
}

// dropped reports whether p comes after the place where reading its file
// stopped: cxkit does not read past a line too long to be a record.
func (t *lineTable) dropped(p place) bool {
	stop, ok := t.stops[p.Path]
	return ok && comparePlace(p, stop) > 0
}
