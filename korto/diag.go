package korto

import "github.com/cxkit/cxkit/diag"

// The problems korto finds are the module's one diagnostics model,
// package diag, under the names korto has always had: a checklist's
// diagnostics and an answer sheet's problems are the same type, so a
// caller handles both, and those of CSV files and tickets, alike.

// Severity tells an error from a warning.
type Severity = diag.Severity

// The severities.
const (
	SeverityError   = diag.SeverityError
	SeverityWarning = diag.SeverityWarning
)

// Diagnostic is one problem found in a checklist or an answer sheet.
// [Checklist.Validate] lists the codes of a checklist; see package diag
// for all of them.
type Diagnostic = diag.Diagnostic

// Edit is a text edit of a source, a diagnostic's suggested fix.
type Edit = diag.Edit

// Diagnostics is a list of problems. As an error it stands for all of
// them; use [errors.As] to get the list back from a returned error.
type Diagnostics = diag.List

// AsDiagnostics extracts the diagnostics from an error returned by this
// module: a Diagnostics list, a single *Diagnostic, or nil.
func AsDiagnostics(err error) Diagnostics { return diag.As(err) }
