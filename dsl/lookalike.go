package dsl

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Letters of one script that look like letters of another. A checklist
// written in Russian switches the keyboard layout all the time, and a
// word typed half in one layout reads right to its author: "questiоn"
// with a Cyrillic о is not the keyword, and "park_сlean" is not the ID
// a condition names.
var (
	cyrillicToLatin = map[rune]rune{
		'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'к': 'k',
		'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
		'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O',
		'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	}
	latinToCyrillic = func() map[rune]rune {
		m := make(map[rune]rune, len(cyrillicToLatin))
		for c, l := range cyrillicToLatin {
			if strings.ContainsRune("аеорсухкАВЕКМНОРСТХУ", c) {
				m[l] = c
			}
		}
		return m
	}()
)

// lookAlike is a word typed partly in the wrong keyboard layout.
type lookAlike struct {
	fixed string // the word in one script
	first rune   // the first letter that was in the other script
	other string // that script's name
}

// findLookAlike reports whether word mixes Latin and Cyrillic letters
// within a run of letters (parts joined by _ or digits may differ: an ID
// may be вход_main), and every letter of the smaller script has a
// look-alike in the larger one.
func findLookAlike(word string) (lookAlike, bool) {
	var la lookAlike
	var b strings.Builder
	rest := word
	for rest != "" {
		i := strings.IndexFunc(rest, unicode.IsLetter)
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		rest = rest[i:]
		j := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
		if j < 0 {
			j = len(rest)
		}
		run := rest[:j]
		rest = rest[j:]
		if fixed, first, other, ok := fixRun(run); ok {
			if la.first == 0 {
				la.first, la.other = first, other
			}
			run = fixed
		}
		b.WriteString(run)
	}
	la.fixed = b.String()
	return la, la.first != 0
}

// fixRun rewrites a run of letters mixing Latin and Cyrillic in the
// script most of its letters are in; on a tie, in Latin when that gives
// a keyword. first is the first letter replaced, other its script.
func fixRun(run string) (fixed string, first rune, other string, ok bool) {
	var lat, cyr int
	for _, r := range run {
		switch {
		case r < utf8.RuneSelf || unicode.Is(unicode.Latin, r):
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		}
	}
	if lat == 0 || cyr == 0 {
		return "", 0, "", false
	}
	toLatin, table, other := true, cyrillicToLatin, "Cyrillic"
	if cyr > lat || cyr == lat && !keywords[mapRunes(run, true)] {
		toLatin, table, other = false, latinToCyrillic, "Latin"
	}
	fixed = mapRunes(run, toLatin)
	if fixed == "" {
		return "", 0, "", false
	}
	for _, r := range run {
		if _, in := table[r]; in {
			first = r
			break
		}
	}
	return fixed, first, other, true
}

// mapRunes returns run with its Cyrillic letters replaced by Latin
// look-alikes (toLatin) or the reverse, or "" when a letter to replace
// has no look-alike.
func mapRunes(run string, toLatin bool) string {
	table, fromCyrillic := latinToCyrillic, false
	if toLatin {
		table, fromCyrillic = cyrillicToLatin, true
	}
	var b strings.Builder
	for _, r := range run {
		if m, ok := table[r]; ok {
			b.WriteRune(m)
			continue
		}
		isCyr := unicode.Is(unicode.Cyrillic, r)
		if isCyr == fromCyrillic {
			return "" // a letter of the script to replace without a look-alike
		}
		b.WriteRune(r)
	}
	return b.String()
}

// describeLookAlike names the stray letter the way the user needs to
// hear it: which script it is from, and its code point.
func describeLookAlike(la lookAlike) string {
	return fmt.Sprintf("%q is %s (U+%04X)", la.first, la.other, la.first)
}
