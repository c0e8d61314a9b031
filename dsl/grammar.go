package dsl

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar of the .korto language as participle v2 structs.
//
// It is deliberately a little more permissive than the language: the
// checklist body takes its entries in any order, and a question takes its
// kind among the modifiers. It is stricter in one way: a question ends
// with its line unless the next line starts with a modifier keyword (see
// sameQuestion). The conversion to the model (build.go) then
// reports misplaced or repeated parts in plain words, which a grammar
// error ("unexpected token") cannot.

var parser = participle.MustBuild[astFile](
	participle.Lexer(definition{}),
	participle.UseLookahead(1),
	participle.Union[astItem](&astQuestion{}, &astSection{}),
)

type astFile struct {
	Checklist *astChecklist `parser:"@@"`
}

type astChecklist struct {
	Pos     lexer.Position
	ID      string      `parser:"\"checklist\" @Ident"`
	Title   *astText    `parser:"@@ \"{\""`
	Entries []*astEntry `parser:"@@*"`
	Close   *astClose   `parser:"@@"`
}

// astClose is a block's closing brace; the formatter needs its position.
type astClose struct {
	Pos   lexer.Position
	Brace string `parser:"@\"}\""`
}

// astEntry is one entry of the checklist body: meta, declaration, level
// or survey.
type astEntry struct {
	Pos         lexer.Position
	Version     *string    `parser:"(  \"version\" @String"`
	Model       *astWord   `parser:" | \"model\" @@"`
	Description *astText   `parser:" | \"description\" @@"`
	Lang        *string    `parser:" | \"lang\" @Ident"`
	Knockout    *astWord   `parser:" | \"knockout\" @@"`
	Bands       *astBands  `parser:" | @@"`
	Scale       *astScale  `parser:" | @@"`
	Choice      *astChoice `parser:" | @@"`
	Level       *astLevel  `parser:" | @@"`
	Survey      *astSurvey `parser:" | @@ )"`
}

// astWord is the value of model or knockout, on the setting's own line
// (a value left off must not take the next line's "level"). Keywords are
// read too, to be reported as unknown values with the known ones.
type astWord struct {
	Pos   lexer.Position
	Line  astSameLine `parser:"@@"`
	Value string      `parser:"@(Ident | Keyword)"`
}

// astBands is the block of score bands, one threshold and name each:
//
//	bands { 60% "средний" @en "average"  80% "очень хороший" @en "very good" }
type astBands struct {
	Pos     lexer.Position
	Keyword string     `parser:"@\"bands\" \"{\""`
	Bands   []*astBand `parser:"@@*"`
	Close   *astClose  `parser:"@@"`
}

type astBand struct {
	Pos  lexer.Position
	From *astNum  `parser:"@@"`
	Name *astText `parser:"@@"`
}

type astScale struct {
	Pos  lexer.Position
	Name string  `parser:"\"scale\" @Ident"`
	Lo   *astNum `parser:"@@ \"..\""`
	Hi   *astNum `parser:"@@"`
}

type astChoice struct {
	Pos     lexer.Position
	Name    string       `parser:"\"choice\" @Ident \"{\""`
	Options []*astOption `parser:"@@*"`
	Close   *astClose    `parser:"@@"`
}

type astOption struct {
	Pos   lexer.Position
	ID    string   `parser:"@Ident"`
	Label *astText `parser:"@@ \"=\""`
	Value *astNum  `parser:"@@"`
	Fail  bool     `parser:"@\"fail\"?"`
}

type astLevel struct {
	Pos    lexer.Position
	Number *astNum    `parser:"\"level\" @@"`
	Title  *astText   `parser:"@@"`
	Attrs  []*astAttr `parser:"@@* \"{\""`
	Items  []astItem  `parser:"@@*"`
	Close  *astClose  `parser:"@@"`
}

// astAttr is a "pass" or "weight" of a level or section header.
type astAttr struct {
	Pos    lexer.Position
	Pass   *astNum `parser:"(  \"pass\" @@"`
	Weight *astNum `parser:" | \"weight\" @@ )"`
}

// astItem is an item of a level or section: a *astQuestion or a
// *astSection. It is a participle union rather than a struct with a
// field for each: items are the most frequent statements, and a union
// member is captured once, where a struct would cost a node of its own.
type astItem interface{ item() }

func (*astQuestion) item() {}
func (*astSection) item()  {}

type astSection struct {
	Pos   lexer.Position
	ID    string     `parser:"\"section\" @Ident"`
	Title *astText   `parser:"@@"`
	Attrs []*astAttr `parser:"@@* \"{\""`
	Items []astItem  `parser:"@@*"`
	Close *astClose  `parser:"@@"`
}

type astSurvey struct {
	Pos       lexer.Position
	Keyword   string         `parser:"@\"survey\" \"{\""`
	Questions []*astQuestion `parser:"@@*"`
	Close     *astClose      `parser:"@@"`
}

// astQuestion is a question:
//
//	question = "question" Ident text mods
//
// Questions are the most frequent statements; like their modifiers
// (astMods) they parse themselves, with participle's rules for the rule
// above.
type astQuestion struct {
	Pos  lexer.Position
	ID   string
	Text *astText
	Mods astMods
	// Tokens are the question's tokens, to hold it to its lines: see
	// builder.lines.
	Tokens []lexer.Token
}

// Parse implements participle.Parseable. A question whose ID is missing
// fails at its second token, which leaves it to the enclosing block to
// report; past the ID, a missing text is an error.
func (q *astQuestion) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Value != "question" {
		return participle.NextMatch
	}
	begin := lex.RawCursor()
	q.Pos = t.Pos
	lex.Next()
	if lex.Peek().Type != tokIdent {
		return expected(lex, "<ident> astText astMods")
	}
	q.ID = lex.Next().Value
	text := new(astText)
	switch err := text.Parse(lex); err {
	case nil:
	case participle.NextMatch:
		return expected(lex, "astText astMods")
	default:
		return err
	}
	q.Text = text
	if err := q.Mods.Parse(lex); err != nil {
		return err
	}
	q.Tokens = lex.Range(begin, lex.RawCursor())
	return nil
}

// astMods is a question's kind and modifiers, in the order written:
//
//	mods = (SameQuestion mod)*
//	mod  = tags | "weight" num | "when" or | "hint" text | flag
//	     | Ident | ("yesno" | "nps" | "emotion" | "text")
//	     | ("scale" | "ces" | "csat" | "csi") num ".." num good?
//	     | "measure" String? "target" ("<=" | "<" | ">=" | ">" | "==" | "!=") num
//	     | "promise" Ident ("due" num)?
//
// The list parses itself (participle.Parseable): modifiers are the most
// frequent nodes after texts, and through participle's reflection each
// one cost a struct node, a heap copy of the parse state for every
// alternative tried and a deferred field set per capture. Conditions
// stay participle's grammar (condParser). Parse reads and fails as
// participle's nodes did for the rule above, so every syntax error keeps
// its position and message.
type astMods struct {
	List []*astMod
}

// astMod is a question's kind or one of its modifiers.
type astMod struct {
	Pos     lexer.Position
	Tags    *astTags
	Weight  *astNum
	When    *astOr
	Hint    *astText
	Flag    *astFlag
	Ref     string
	Simple  string
	Range   string
	Lo      *astNum
	Hi      *astNum
	Good    *astGood
	Measure bool
	Unit    *string
	Op      string
	Target  *astNum
	Promise *astPromise
}

// condParser reads a modifier's condition, as participle's grammar.
var condParser = participle.MustBuild[astOr](
	participle.Lexer(definition{}),
	participle.UseLookahead(1),
)

// Parse implements participle.Parseable. It reads as participle's nodes
// read the rule in astMods' comment with a lookahead of 1: a modifier
// that fails after reading at most its first token is not the
// question's, and the list ends quietly before it (whatever follows
// then reports the mistake where it stands); one that fails further on
// is the parse's error, with participle's position and message, which
// explain words for people.
func (ms *astMods) Parse(lex *lexer.PeekingLexer) error {
	for sameQuestion(lex) {
		m, err := parseMod(lex)
		if err != nil {
			return err
		}
		if m == nil {
			return nil
		}
		ms.List = append(ms.List, m)
	}
	return nil
}

// modAlts are a modifier's alternatives in the order participle's
// disjunction tried them, the most frequent first. Each starts with its
// own keyword, or with an ID for a scale or choice name, so the order
// changes the cost only.
var modAlts = [...]func(*astMod, *lexer.PeekingLexer) error{
	(*astMod).parseTags,
	(*astMod).parseWeight,
	(*astMod).parseWhen,
	(*astMod).parseHint,
	(*astMod).parseFlag,
	(*astMod).parseRef,
	(*astMod).parseSimple,
	(*astMod).parseRange,
	(*astMod).parseMeasure,
	(*astMod).parsePromise,
}

// parseMod reads one modifier. It returns nil and no error, the lexer
// unmoved, when none is read: no alternative's first token stands
// there, or the one that read it failed right after. An error is an
// alternative that failed further on.
func parseMod(lex *lexer.PeekingLexer) (*astMod, error) {
	start := lex.MakeCheckpoint()
	m := &astMod{Pos: lex.Peek().Pos}
	for _, alt := range modAlts {
		err := alt(m, lex)
		switch {
		case err == nil:
			return m, nil
		case err == participle.NextMatch:
			continue
		case lex.Cursor() > start.Cursor()+1:
			return nil, err
		}
		lex.LoadCheckpoint(start)
		*m = astMod{Pos: m.Pos}
	}
	return nil, nil
}

// The alternatives below return participle.NextMatch, without reading
// or setting anything, when the first token is not theirs. Their errors
// are those participle's nodes for the rule made: an
// UnexpectedTokenError at the token where the rule's sequence broke,
// expecting the rest of the sequence as participle writes it.

func (m *astMod) parseTags(lex *lexer.PeekingLexer) error {
	if lex.Peek().Value != "tags" {
		return participle.NextMatch
	}
	m.Tags = new(astTags)
	return m.Tags.Parse(lex)
}

func (m *astMod) parseWeight(lex *lexer.PeekingLexer) error {
	return keywordNum(lex, "weight", &m.Weight)
}

// keywordNum reads `kw num` into *n.
func keywordNum(lex *lexer.PeekingLexer, kw string, n **astNum) error {
	if lex.Peek().Value != kw {
		return participle.NextMatch
	}
	lex.Next()
	return parseNum(lex, n, "astNum")
}

// parseNum reads a number into *n, or fails expecting rest.
func parseNum(lex *lexer.PeekingLexer, n **astNum, rest string) error {
	x := new(astNum)
	if x.Parse(lex) != nil {
		return expected(lex, rest)
	}
	*n = x
	return nil
}

// expected is participle's error for a sequence broken at the lexer's
// token, where rest (participle's EBNF of the sequence's rest) was
// expected.
func expected(lex *lexer.PeekingLexer, rest string) error {
	return &participle.UnexpectedTokenError{Unexpected: *lex.Peek(), Expect: rest}
}

// parseWhen reads a condition with participle's grammar for it. On a
// failure the lexer stands where participle's nodes left it, as a
// branch of the enclosing rule would.
func (m *astMod) parseWhen(lex *lexer.PeekingLexer) error {
	if lex.Peek().Value != "when" {
		return participle.NextMatch
	}
	lex.Next()
	c, err := condParser.ParseFromLexer(lex, participle.AllowTrailing(true))
	if err != nil {
		return err
	}
	m.When = c
	return nil
}

func (m *astMod) parseHint(lex *lexer.PeekingLexer) error {
	if lex.Peek().Value != "hint" {
		return participle.NextMatch
	}
	lex.Next()
	x := new(astText)
	switch err := x.Parse(lex); err {
	case nil:
		m.Hint = x
		return nil
	case participle.NextMatch:
		return expected(lex, "astText")
	default:
		return err
	}
}

func (m *astMod) parseFlag(lex *lexer.PeekingLexer) error {
	f := new(astFlag)
	if err := f.Parse(lex); err != nil {
		return err
	}
	m.Flag = f
	return nil
}

func (m *astMod) parseRef(lex *lexer.PeekingLexer) error {
	if lex.Peek().Type != tokIdent {
		return participle.NextMatch
	}
	m.Ref = lex.Next().Value
	return nil
}

func (m *astMod) parseSimple(lex *lexer.PeekingLexer) error {
	switch lex.Peek().Value {
	case "yesno", "nps", "emotion", "text":
		m.Simple = lex.Next().Value
		return nil
	}
	return participle.NextMatch
}

// parseRange reads a kind with a range: `csat 1..5` and the word for its
// good end.
func (m *astMod) parseRange(lex *lexer.PeekingLexer) error {
	switch lex.Peek().Value {
	case "scale", "ces", "csat", "csi":
	default:
		return participle.NextMatch
	}
	m.Range = lex.Next().Value
	if err := parseNum(lex, &m.Lo, `astNum ".." astNum astGood?`); err != nil {
		return err
	}
	if lex.Peek().Value != ".." {
		return expected(lex, `".." astNum astGood?`)
	}
	lex.Next()
	if err := parseNum(lex, &m.Hi, "astNum astGood?"); err != nil {
		return err
	}
	if g := new(astGood); g.Parse(lex) == nil {
		m.Good = g
	}
	return nil
}

// parseMeasure reads `measure "unit" target <= 5`.
func (m *astMod) parseMeasure(lex *lexer.PeekingLexer) error {
	if lex.Peek().Value != "measure" {
		return participle.NextMatch
	}
	lex.Next()
	m.Measure = true
	if t := lex.Peek(); t.Type == tokString {
		u := lex.Next().Value
		m.Unit = &u
	}
	const ops = `("<=" | "<" | ">=" | ">" | "==" | "!=")`
	if lex.Peek().Value != "target" {
		return expected(lex, `"target" `+ops+` astNum`)
	}
	lex.Next()
	switch lex.Peek().Value {
	case "<=", "<", ">=", ">", "==", "!=":
		m.Op = lex.Next().Value
	default:
		return expected(lex, ops+" astNum")
	}
	return parseNum(lex, &m.Target, "astNum")
}

// parsePromise reads `promise ID due 7d`; the due part is optional, and
// one cut short is left to whatever follows, as participle's optional
// group leaves it.
func (m *astMod) parsePromise(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Value != "promise" {
		return participle.NextMatch
	}
	p := &astPromise{Pos: t.Pos}
	lex.Next()
	if lex.Peek().Type != tokIdent {
		return expected(lex, `<ident> ("due" astNum)?`)
	}
	p.Of = lex.Next().Value
	if lex.Peek().Value == "due" {
		cp := lex.MakeCheckpoint()
		lex.Next()
		if n := new(astNum); n.Parse(lex) == nil {
			p.Due = n
		} else {
			lex.LoadCheckpoint(cp)
		}
	}
	m.Promise = p
	return nil
}

// astTags is a question's tags:
//
//	tags = "tags" Ident ("," Ident)*
//
// Tags and flags parse themselves, as texts and numbers do (see there):
// they are on most questions.
type astTags struct {
	IDs []string
}

// Parse implements participle.Parseable.
func (x *astTags) Parse(lex *lexer.PeekingLexer) error {
	if lex.Peek().Value != "tags" {
		return participle.NextMatch
	}
	lex.Next()
	t := lex.Peek()
	if t.Type != tokIdent {
		return &participle.UnexpectedTokenError{Unexpected: *t, Expect: `<ident> ("," <ident>)*`}
	}
	x.IDs = append(x.IDs, t.Value)
	lex.Next()
	for lex.Peek().Value == "," {
		// A comma without an ID after it is not the list's: it is left
		// to be reported where it stands, as the grammar rule would.
		cp := lex.MakeCheckpoint()
		lex.Next()
		t := lex.Peek()
		if t.Type != tokIdent {
			lex.LoadCheckpoint(cp)
			break
		}
		x.IDs = append(x.IDs, t.Value)
		lex.Next()
	}
	return nil
}

// astFlag is a question's flag: critical, na, optional or unscored.
type astFlag struct {
	Value string
}

// Parse implements participle.Parseable.
func (f *astFlag) Parse(lex *lexer.PeekingLexer) error {
	switch v := lex.Peek().Value; v {
	case "critical", "na", "optional", "unscored":
		f.Value = v
		lex.Next()
		return nil
	}
	return participle.NextMatch
}

// astPromise is `promise ID due 7d`: the question is the outcome of the
// promise recorded by question ID, due 7 days after the audit.
type astPromise struct {
	Pos lexer.Position
	Of  string
	Due *astNum
}

// sameQuestion tells whether the lexer's token may continue the
// question whose modifiers are being read. The language is line-oriented: a question's kind and
// modifiers stand on the question's own line, and a further line
// continues the question only when it starts with a modifier keyword
// (weight, critical, na, optional, unscored, when, hint, tags), as in
//
//	question toilets "В туалетах нет постороннего запаха" critical
//	  hint "Проверить все санузлы на этаже"
//
// Any other word at the start of a line begins the next statement, so a
// misspelt "qestion" there is reported as an unknown keyword instead of
// being read as the previous question's scale or choice. Keywords cannot
// be IDs, so a modifier keyword at the start of a line is never anything
// but a continuation.
func sameQuestion(lex *lexer.PeekingLexer) bool {
	t := lex.Peek()
	switch {
	case t.EOF():
		return false
	case t.Type == tokKeyword && (t.Value == "question" || t.Value == "section"),
		t.Type == tokPunct && t.Value == "}":
		return false
	}
	if c := lex.RawCursor(); c > 0 && lex.Range(c-1, c)[0].Pos.Line == t.Pos.Line {
		return true
	}
	return t.Type == tokKeyword && isModifierKeyword(t.Value)
}

// astSameLine matches nothing when the next token stands on the line of
// the one before it, and fails otherwise: a condition ends with its line,
// so "when" at the end of a line is reported as such and the next line's
// statement is read as a statement.
type astSameLine struct{}

// Parse implements participle.Parseable.
func (*astSameLine) Parse(lex *lexer.PeekingLexer) error {
	if c := lex.RawCursor(); c > 0 && lex.Range(c-1, c)[0].Pos.Line != lex.Peek().Pos.Line {
		return participle.NextMatch
	}
	return nil
}

// astGood is the word after a range that says which end of the scale is
// good, as in `ces 1..10 low`. Like the values of model and knockout,
// high and low are not keywords (they stay free for IDs): any identifier
// on the range's line is taken, and build.go names the two it knows.
// Before this word existed an identifier there was a second kind, an
// error, so no valid checklist reads differently.
type astGood struct {
	Pos   lexer.Position
	Value string
}

// Parse implements participle.Parseable.
func (g *astGood) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Type != tokIdent {
		return participle.NextMatch
	}
	if c := lex.RawCursor(); c == 0 || lex.Range(c-1, c)[0].Pos.Line != t.Pos.Line {
		return participle.NextMatch
	}
	g.Pos, g.Value = t.Pos, t.Value
	lex.Next()
	return nil
}

// isModifierKeyword reports whether kw is a question modifier, the words
// that may start a line continuing a question.
func isModifierKeyword(kw string) bool {
	switch kw {
	case "weight", "critical", "na", "optional", "unscored", "when", "hint", "tags", "promise":
		return true
	}
	return false
}

// isKind tells a kind from a modifier.
func (m *astMod) isKind() bool { return m.Ref != "" || m.Simple != "" || m.Range != "" || m.Measure }

// astNum is a number or a percentage; which one a place takes is checked
// when building the model, to say "write 85%" rather than "unexpected".
//
//	num = Number | Percent
type astNum struct {
	Pos   lexer.Position
	Value string
}

// astText is a text with its translations.
//
//	text = String (Lang String)*
type astText struct {
	Pos  lexer.Position
	Text string
	Tr   []*astTr
}

type astTr struct {
	Pos  lexer.Position
	Lang string
	Text string
}

// Texts and numbers are the most frequent nodes, so they parse
// themselves (participle.Parseable) rather than through participle's
// reflection: a third of all parse time otherwise.

// Parse implements participle.Parseable.
func (n *astNum) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Type != tokNumber && t.Type != tokPercent {
		return participle.NextMatch
	}
	n.Pos, n.Value = t.Pos, t.Value
	lex.Next()
	return nil
}

// Parse implements participle.Parseable.
func (x *astText) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Type != tokString {
		return participle.NextMatch
	}
	x.Pos, x.Text = t.Pos, t.Value
	lex.Next()
	for {
		lang := lex.Peek()
		if lang.Type != tokLang {
			return nil
		}
		tr := &astTr{Pos: lang.Pos, Lang: lang.Value}
		lex.Next()
		t := lex.Peek()
		if t.Type != tokString {
			return &participle.UnexpectedTokenError{Unexpected: *t, Expect: "String"}
		}
		tr.Text = t.Value
		lex.Next()
		x.Tr = append(x.Tr, tr)
	}
}

// Conditions: or binds loosest, then and, then not.

type astOr struct {
	Pos lexer.Position
	And []*astAnd `parser:"@@ (\"or\" @@)*"`
}

type astAnd struct {
	Pos lexer.Position
	Not []*astNot `parser:"@@ (\"and\" @@)*"`
}

type astNot struct {
	Pos   lexer.Position
	Line  astSameLine `parser:"@@"`
	Not   *astNot     `parser:"(  \"not\" @@"`
	Paren *astOr      `parser:" | \"(\" @@ \")\""`
	Atom  *astAtom    `parser:" | @@ )"`
}

// astAtom is a comparison, the leaf of a condition:
//
//	atom = Ident ( ("==" | "!=" | "<=" | "<" | ">=" | ">") (Ident | num)
//	             | "in" "(" Ident ("," Ident)* ")" )?
//
// Conditions are on many questions, and an atom parsed by participle's
// reflection cost about twenty allocations; like texts and numbers it
// parses itself, with participle's rules for the rule above.
type astAtom struct {
	Pos    lexer.Position
	ID     string
	Op     string
	Option string
	Number *astNum
	In     []string
	// Tokens are the atom's tokens, for where its options stand.
	Tokens []lexer.Token
}

// Parse implements participle.Parseable. The rule's optional part, as
// participle reads it with a lookahead of 1, is left out when it fails
// at its second token (`a == )` is `a`, and the rest is reported where
// it stands); failing further on, inside an in list, is an error.
func (a *astAtom) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Type != tokIdent {
		return participle.NextMatch
	}
	begin := lex.RawCursor()
	a.Pos, a.ID = t.Pos, t.Value
	lex.Next()
	opt := lex.MakeCheckpoint()
	switch lex.Peek().Value {
	case "==", "!=", "<=", "<", ">=", ">":
		op := lex.Next().Value
		if lex.Peek().Type == tokIdent {
			a.Op, a.Option = op, lex.Next().Value
		} else if n := new(astNum); n.Parse(lex) == nil {
			a.Op, a.Number = op, n
		} else {
			lex.LoadCheckpoint(opt)
		}
	case "in":
		lex.Next()
		if lex.Peek().Value != "(" {
			lex.LoadCheckpoint(opt)
			break
		}
		lex.Next()
		if lex.Peek().Type != tokIdent {
			return expected(lex, `<ident> ("," <ident>)* ")"`)
		}
		a.In = append(a.In, lex.Next().Value)
		for lex.Peek().Value == "," {
			cp := lex.MakeCheckpoint()
			lex.Next()
			if lex.Peek().Type != tokIdent {
				lex.LoadCheckpoint(cp)
				break
			}
			a.In = append(a.In, lex.Next().Value)
		}
		if lex.Peek().Value != ")" {
			return expected(lex, `")"`)
		}
		lex.Next()
	}
	a.Tokens = lex.Range(begin, lex.RawCursor())
	return nil
}
