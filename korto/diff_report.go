package korto

import "github.com/cxkit/cxkit/internal/jsonout"

// DiffReport is the comparison of two versions of a checklist as a
// whole: who they are, every change, whether scores stay comparable and
// the warnings about the pair. Its JSON is what `cxkit diff --json`
// prints.
type DiffReport struct {
	Old DiffSide `json:"old"`
	New DiffSide `json:"new"`
	// Comparable is true when no change is marked Incomparable (see
	// [Comparable]).
	Comparable bool `json:"comparable"`
	// Incomparable counts the changes marked Incomparable.
	Incomparable int      `json:"incomparable"`
	Changes      []Change `json:"changes"`
	// Warnings concern the two versions as a whole; see [DiffWarnings].
	Warnings []DiffWarning `json:"warnings,omitempty"`
}

// DiffSide names one of the two versions a [DiffReport] compares.
type DiffSide struct {
	// File is the name the version was read from, as the caller gives it.
	File    string `json:"file"`
	ID      string `json:"id"`
	Version string `json:"version,omitempty"`
}

// NewDiffReport compares from, read from the file oldFile, with to, read
// from newFile: [Diff], [Comparable] and [DiffWarnings] in one document.
// Changes is empty, never nil, when nothing changed. Nil checklists are
// compared as [Diff] compares them.
func NewDiffReport(oldFile string, from *Checklist, newFile string, to *Checklist) *DiffReport {
	changes := Diff(from, to)
	r := &DiffReport{
		Old:        DiffSide{File: oldFile},
		New:        DiffSide{File: newFile},
		Comparable: Comparable(changes),
		Changes:    changes,
		Warnings:   DiffWarnings(from, to, changes),
	}
	if from != nil {
		r.Old.ID, r.Old.Version = from.ID, from.Version
	}
	if to != nil {
		r.New.ID, r.New.Version = to.ID, to.Version
	}
	for _, ch := range changes {
		if ch.Incomparable {
			r.Incomparable++
		}
	}
	return r
}

// MarshalJSON writes the change with where it stands, "file" and "line"
// after its other fields, when Pos is known: a tool reading the JSON
// can point at the line as the text output's reader is pointed.
func (c Change) MarshalJSON() ([]byte, error) {
	type fields Change // the fields without this method
	v := struct {
		fields
		File string `json:"file,omitempty"`
		Line int    `json:"line,omitempty"`
	}{fields: fields(c)}
	if c.Pos.IsValid() {
		v.File, v.Line = c.Pos.File, c.Pos.Line
	}
	return jsonout.Value(v)
}
