package fielddata

// SetBatchRows makes Import hand n rows at a time to its workers, so
// that the tests cut files between any two rows; it returns what undoes
// it. Tests that call it must not run in parallel.
func SetBatchRows(n int) (restore func()) {
	old := batchRows
	batchRows = n
	return func() { batchRows = old }
}

// SetSpoolMemory makes Import's spool move to its temporary file past n
// bytes, so that the tests read the file back with a few rows; it
// returns what undoes it. Tests that call it must not run in parallel.
func SetSpoolMemory(n int) (restore func()) {
	old := spoolMemory
	spoolMemory = n
	return func() { spoolMemory = old }
}
