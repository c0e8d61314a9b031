package korto

import "testing"

func TestShownLang(t *testing.T) {
	ru := &Checklist{Title: Text{Text: "Кафе", Tr: map[string]string{"en": "Café"}}}
	declared := &Checklist{Lang: "kk", Title: Text{Text: "Дүкен", Tr: map[string]string{"ru": "Магазин"}}}
	latin := &Checklist{Title: Text{Text: "Café"}}
	tests := []struct {
		c          *Checklist
		lang, want string
	}{
		{ru, "", "ru"},         // guessed from the Cyrillic title
		{ru, "en", "en"},       // a translation it has
		{ru, "EN", "en"},       // tags ignore case; the checklist's spelling comes back
		{ru, "en-GB", "en"},    // a region falls back to its language
		{ru, "en_GB", "en"},    // as locales spell it
		{ru, "de", "ru"},       // a language it lacks: its own
		{declared, "", "kk"},   // a declared language wins over the guess
		{declared, "ru", "ru"}, //
		{declared, "fr", "kk"}, //
		{latin, "", "en"},      // nothing declared, nothing Cyrillic
		{nil, "ru", "en"},      // a nil checklist does not panic
		{latin, "en-US", "en"}, // no translations at all
	}
	for _, tt := range tests {
		if got := tt.c.ShownLang(tt.lang); got != tt.want {
			t.Errorf("ShownLang(%q) of %v = %q, want %q", tt.lang, tt.c, got, tt.want)
		}
	}
}
