package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// benchDoc is a configuration file of 200 rules, about the size of a
// large standards file.
func benchDoc() []byte {
	var b strings.Builder
	b.WriteString(`{"title": "Сервис", "rules": [`)
	for i := range 200 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"name": "rule %d", "channels": ["chat", "email"], "count": %d, "share": 0.%d, "on": true, "level": "high", "limit": %d, "tags": {"a": 1}}`, i, i, i%10, i)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// BenchmarkDecode measures Decode beside its baseline, encoding/json's
// Decoder with DisallowUnknownFields, which is what the standards and
// calendar files were read with before.
func BenchmarkDecode(b *testing.B) {
	data := benchDoc()
	b.Run("strictjson", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var v doc
			if err := Decode(data, &v, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json-baseline", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var v doc
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
