package korto

import (
	"errors"
	"fmt"
	"net/url"
)

// CheckSchemaID returns an error unless id can be a schema's root $id: a
// URI without a fragment (JSON Schema 2020-12 section 8.2.1; in draft-07
// a fragment would name a subschema, not the schema). "" is fine: no
// $id. The message starts with the quoted id, so a caller can put the
// name of its setting in front of it.
func CheckSchemaID(id string) error {
	if id == "" {
		return nil
	}
	u, err := url.Parse(id)
	if err != nil {
		return fmt.Errorf("%q is not a URI: %v", id, errors.Unwrap(err))
	}
	if u.Fragment != "" {
		return fmt.Errorf("%q: a schema's $id has no #fragment", id)
	}
	return nil
}
