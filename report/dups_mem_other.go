//go:build !unix

package report

func newChunk(n int) ([]dupRec, []byte) { return make([]dupRec, 0, n), nil }

func freeChunk([]byte) {}
