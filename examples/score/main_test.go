package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The mall example: the foundation holds (93.6% against a pass mark of
// 85%), functions fall just short (72.8% against 75%), so the centre
// reaches level 1. The level scores were also worked out by hand from
// the checklist's weights.
func Example() {
	if err := run(os.Stdout, "../mall/mall.korto", "../mall/visit-01.json", ""); err != nil {
		panic(err)
	}
	// Output:
	// Сервис в торговом центре: основа и удобство
	// ТЦ Европа, 2026-11-20, А. Петрова
	//
	// level 1  Основа и стандарт             93.6%  pass 85.0%  passed
	// level 2  Функции и удобство            72.8%  pass 75.0%  failed
	// overall                                83.2%
	//
	// reached level 1: Основа и стандарт
	// no critical question failed
}

// A mystery-shopping visit where the change came short: `knockout audit`
// zeroes the overall score, keeps the raw one beside it, and level 2 is
// gated by the failed level 1.
func Example_knockout() {
	if err := run(os.Stdout, "../grocery/cashier.korto", "../grocery/visit-02.json", "en"); err != nil {
		panic(err)
	}
	// Output:
	// Checkout service standard
	// Продукты на Садовой, 12, 2026-11-19, М. Ковалёв
	//
	// level 1  Foundation and standard       81.2%  pass 90.0%  failed
	// level 2  Functions and convenience     62.1%  pass 80.0%  failed, gated by a lower level
	// overall                                 0.0%  knocked out (raw 71.7%)
	//
	// reached level 0: below foundation
	// failed critical questions:
	//   level 1  change_full: The change was given in full
}

// Kotler's five levels: the ride is desired (level 3) but not WOW.
func Example_kotler() {
	if err := run(os.Stdout, "../taxi/taxi.korto", "../taxi/ride-01.json", ""); err != nil {
		panic(err)
	}
	// Output:
	// Поездка на такси
	// Аэропорт — ул. Ленина, 5, 2026-11-21, О. Смирнова
	//
	// level 1  Базовый: доехать             100.0%  pass 100.0%  passed
	// level 2  Ожидаемый                     98.2%  pass 80.0%  passed
	// level 3  Желанный                      71.4%  pass 70.0%  passed
	// level 4  WOW                           33.3%  pass 60.0%  failed
	// level 5  Невероятный                    0.0%  pass 50.0%  failed, gated by a lower level
	// overall                                60.6%
	//
	// reached level 3: желанный
	// no critical question failed
}

// A sheet with mistakes is refused with every problem named by question.
func TestRunReportsSheetErrors(t *testing.T) {
	sheet := filepath.Join(t.TempDir(), "bad.json")
	bad := `{"checklist": "taxi_ride", "answers": {"arrived": "maybe", "smooth": 9, "typo": "yes"}}`
	if err := os.WriteFile(sheet, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	err := run(&out, "../taxi/taxi.korto", sheet, "")
	if err == nil {
		t.Fatalf("bad sheet accepted; printed:\n%s", out.String())
	}
	msg := err.Error()
	for _, want := range []string{"bad.json", "arrived", "smooth", "typo", "permits"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not mention %q:\n%s", want, msg)
		}
	}
	if out.Len() > 0 {
		t.Errorf("printed a result for a bad sheet:\n%s", out.String())
	}
}

func TestRunReportsChecklistErrors(t *testing.T) {
	src := filepath.Join(t.TempDir(), "broken.korto")
	if err := os.WriteFile(src, []byte("checklist x \"X\" {\n  level 1 \"L\" {\n    question q \"Q\" stars\n  }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run(&strings.Builder{}, src, "../taxi/ride-01.json", "")
	if err == nil || !strings.Contains(err.Error(), "broken.korto:3:") {
		t.Errorf("want an error at broken.korto:3, got %v", err)
	}
}
