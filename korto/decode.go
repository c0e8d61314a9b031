package korto

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// DecodeChecklist decodes a checklist from its JSON form, the one
// encoding/json gives for a [Checklist] and `cxkit export` prints. It is
// strict where json.Unmarshal is lenient: a field the model does not
// have and anything after the checklist are errors, because a misspelt
// "weigth" silently dropped would change every score. It does not
// validate; call [Checklist.Validate] for that.
func DecodeChecklist(data []byte) (*Checklist, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	c := new(Checklist)
	if err := dec.Decode(c); err != nil {
		return nil, fmt.Errorf("checklist JSON: %w", err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("checklist JSON: data after the checklist, from byte %d", end)
	}
	return c, nil
}
