package dsl

import "github.com/alecthomas/participle/v2/lexer"

// NameKind tells what a [Name] names.
type NameKind int

// The kinds of names a checklist declares and mentions.
const (
	NameQuestion NameKind = iota + 1
	NameSection
	NameScale
	NameChoice
	NameOption
	NameLevel // a level's number
)

func (k NameKind) String() string {
	switch k {
	case NameQuestion:
		return "question"
	case NameSection:
		return "section"
	case NameScale:
		return "scale"
	case NameChoice:
		return "choice"
	case NameOption:
		return "option"
	case NameLevel:
		return "level"
	}
	return "name"
}

// Name is one declaration or mention of a name in a source, as tools
// need them: an editor's go-to-definition, find-references and rename.
type Name struct {
	Kind NameKind
	Name string
	// Offset and End are the bytes of the name in the source.
	Offset, End int
	// Decl tells a declaration from a mention.
	Decl bool
	// Scope is, for an option, the choice that declares it (Decl) or
	// the question whose answer the condition compares it with.
	Scope string
	// BlockEnd is, for the declaration of a level, section or choice,
	// the offset just after the } that closes its block; else End.
	BlockEnd int
}

// Names lists the declarations and mentions of question and section
// IDs, scale and choice names, options and level numbers in src, in the
// order of the source. It reads what it can of a source with mistakes
// and never fails; its cost is linear in the source.
func Names(src []byte) []Name {
	toks := scan("", src).toks
	// Scales and choices are declared before the levels that use them,
	// but a reader may mention one before declaring it: learn them first.
	declared := map[string]NameKind{}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Type == tokKeyword && toks[i+1].Type == tokIdent {
			switch toks[i].Value {
			case "scale":
				declared[toks[i+1].Value] = NameScale
			case "choice":
				declared[toks[i+1].Value] = NameChoice
			}
		}
	}
	var names []Name
	add := func(t lexer.Token, kind NameKind, decl bool, scope string) {
		names = append(names, Name{Kind: kind, Name: t.Value, Offset: t.Pos.Offset, End: t.Pos.Offset + len(t.Value),
			Decl: decl, Scope: scope, BlockEnd: t.Pos.Offset + len(t.Value)})
	}
	type open struct {
		name   int    // index in names of the declaration the block belongs to, or -1
		choice string // the choice whose options the block holds
	}
	var stack []open
	pending := -1 // a declaration whose { is still to come
	choice := ""  // the choice declared on the current statement
	cond, tags := false, false
	inList := ""
	for i := 0; i < len(toks) && !toks[i].EOF(); i++ {
		t := toks[i]
		var prev, next lexer.Token
		if i > 0 {
			prev = toks[i-1]
		}
		next = toks[min(i+1, len(toks)-1)]
		if i > 0 && firstOnLine(toks, i) {
			cond, tags, inList = false, false, ""
		}
		switch t.Type {
		case tokPunct:
			switch t.Value {
			case "{":
				stack = append(stack, open{name: pending, choice: choice})
				pending, choice = -1, ""
			case "}":
				if n := len(stack); n > 0 {
					if o := stack[n-1]; o.name >= 0 {
						names[o.name].BlockEnd = t.Pos.Offset + 1
					}
					stack = stack[:n-1]
				}
			case ")":
				inList = ""
			}
			continue
		case tokKeyword:
			switch t.Value {
			case "when":
				cond, tags = true, false
			case "tags":
				cond, tags = false, true
			case "and", "or", "not", "in":
				if t.Value == "in" && prev.Type == tokIdent && cond {
					inList = prev.Value
				}
			case "level":
				if next.Type == tokNumber {
					add(next, NameLevel, true, "")
					pending = len(names) - 1
					i++
				}
			case "question", "section", "scale", "choice":
				if next.Type != tokIdent {
					continue
				}
				kind := map[string]NameKind{"question": NameQuestion, "section": NameSection, "scale": NameScale, "choice": NameChoice}[t.Value]
				add(next, kind, true, "")
				i++
				switch t.Value {
				case "section":
					pending = len(names) - 1
				case "choice":
					pending, choice = len(names)-1, next.Value
				case "question":
					// Its kind may follow its text and translations.
					j := i + 1
					for j < len(toks) && (toks[j].Type == tokString || toks[j].Type == tokLang) && toks[j].Pos.Line == t.Pos.Line {
						j++
					}
					if j < len(toks) && toks[j].Type == tokIdent && toks[j].Pos.Line == t.Pos.Line {
						if k := declared[toks[j].Value]; k != 0 {
							add(toks[j], k, false, "")
						}
						i = j
					}
				}
			default:
				if isModifierKeyword(t.Value) {
					cond, tags = false, false
				}
			}
			continue
		case tokIdent:
		default:
			continue
		}
		switch {
		case len(stack) > 0 && stack[len(stack)-1].choice != "" && firstOnLine(toks, i):
			add(t, NameOption, true, stack[len(stack)-1].choice)
		case tags:
		case cond && inList != "":
			add(t, NameOption, false, inList)
		case cond && prev.Type == tokPunct && (prev.Value == "==" || prev.Value == "!=") && i > 1 && toks[i-2].Type == tokIdent:
			add(t, NameOption, false, toks[i-2].Value)
		case cond:
			add(t, NameQuestion, false, "")
		}
	}
	return names
}

// Keywords returns the reserved words of the language, sorted.
func Keywords() []string { return allKeywords() }
