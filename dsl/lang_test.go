package dsl

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/korto"
)

// TestParseLangCase checks that language tags are stored in canonical
// case, whatever case the author typed: BCP 47 tags are case-insensitive,
// and --lang en must find a text written @EN.
func TestParseLangCase(t *testing.T) {
	tests := []struct {
		header, tr string // as written after lang and after @
		lang       string // Checklist.Lang
		key        string // the translation's key in Text.Tr
	}{
		{"ru", "en", "ru", "en"},
		{"RU", "EN", "ru", "en"},
		{"pt-br", "PT-br", "pt-BR", "pt-BR"},
		{"zh-HANT-tw", "zh-hant", "zh-Hant-TW", "zh-Hant"},
		{"es-419", "sr-LATN-rs", "es-419", "sr-Latn-RS"},
		{"de-CH-1996", "en-x-PIGLATIN", "de-CH-1996", "en-x-piglatin"},
	}
	for _, tt := range tests {
		src := "checklist k \"Кафе\" @" + tt.tr + " \"Cafe\" {\n  lang " + tt.header + "\n  level 1 \"L\" {\n    question q \"Q\"\n  }\n}\n"
		c, err := Parse("k.korto", []byte(src))
		if err != nil {
			t.Errorf("lang %s, @%s: %v", tt.header, tt.tr, err)
			continue
		}
		got := []string{c.Lang, c.Title.In(tt.key)}
		want := []string{tt.lang, "Cafe"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("lang %s, @%s (-want +got):\n%s", tt.header, tt.tr, diff)
		}
		if diff := cmp.Diff(map[string]string{tt.key: "Cafe"}, c.Title.Tr); diff != "" {
			t.Errorf("@%s: Tr (-want +got):\n%s", tt.tr, diff)
		}
	}
}

// TestParseLangTwiceInOtherCase checks that @en and @EN are one language.
func TestParseLangTwiceInOtherCase(t *testing.T) {
	src := "checklist k \"Кафе\" @en \"Cafe\" @EN \"Café\" {\n  level 1 \"L\" {\n    question q \"Q\"\n  }\n}\n"
	_, diags := ParseWithDiagnostics("k.korto", []byte(src))
	var got []string
	for _, d := range diags {
		got = append(got, d.Message)
	}
	if diff := cmp.Diff([]string{"translation @EN is given twice"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTextInAnyCase checks that a checklist built in Go or read from
// JSON, whose tags keep the case they were given, answers --lang in any
// case, as a parsed one does.
func TestTextInAnyCase(t *testing.T) {
	text := korto.Text{Text: "Кафе", Tr: map[string]string{"EN": "Cafe", "pt-BR": "Café"}}
	for _, tt := range []struct{ lang, want string }{
		{"EN", "Cafe"}, {"en", "Cafe"}, {"pt-br", "Café"}, {"PT-BR", "Café"}, {"de", "Кафе"}, {"", "Кафе"},
	} {
		if got := text.In(tt.lang); got != tt.want {
			t.Errorf("In(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
}
