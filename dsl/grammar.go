package dsl

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar of the .korto language as participle v2 structs.
//
// It is deliberately a little more permissive than the language: the
// checklist body takes its entries in any order, and a question takes its
// kind among the modifiers. The conversion to the model (build.go) then
// reports misplaced or repeated parts in plain words, which a grammar
// error ("unexpected token") cannot.

var parser = participle.MustBuild[astFile](
	participle.Lexer(definition{}),
	participle.UseLookahead(1),
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
	Model       *string    `parser:" | \"model\" @(Ident | Keyword)"`
	Description *astText   `parser:" | \"description\" @@"`
	Lang        *string    `parser:" | \"lang\" @Ident"`
	Knockout    *string    `parser:" | \"knockout\" @(Ident | \"level\")"`
	Scale       *astScale  `parser:" | @@"`
	Choice      *astChoice `parser:" | @@"`
	Level       *astLevel  `parser:" | @@"`
	Survey      *astSurvey `parser:" | @@ )"`
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
	Items  []*astItem `parser:"@@*"`
	Close  *astClose  `parser:"@@"`
}

// astAttr is a "pass" or "weight" of a level or section header.
type astAttr struct {
	Pos    lexer.Position
	Pass   *astNum `parser:"(  \"pass\" @@"`
	Weight *astNum `parser:" | \"weight\" @@ )"`
}

type astItem struct {
	Section  *astSection  `parser:"  @@"`
	Question *astQuestion `parser:"| @@"`
}

type astSection struct {
	Pos   lexer.Position
	ID    string     `parser:"\"section\" @Ident"`
	Title *astText   `parser:"@@"`
	Attrs []*astAttr `parser:"@@* \"{\""`
	Items []*astItem `parser:"@@*"`
	Close *astClose  `parser:"@@"`
}

type astSurvey struct {
	Pos       lexer.Position
	Keyword   string         `parser:"@\"survey\" \"{\""`
	Questions []*astQuestion `parser:"@@*"`
	Close     *astClose      `parser:"@@"`
}

type astQuestion struct {
	Pos    lexer.Position
	EndPos lexer.Position
	ID     string    `parser:"\"question\" @Ident"`
	Text   *astText  `parser:"@@"`
	Mods   []*astMod `parser:"@@*"`
}

// astMod is a question's kind or one of its modifiers.
type astMod struct {
	Pos    lexer.Position
	Weight *astNum  `parser:"(  \"weight\" @@"`
	Flag   string   `parser:" | @(\"critical\" | \"na\" | \"optional\" | \"unscored\")"`
	When   *astOr   `parser:" | \"when\" @@"`
	Hint   *astText `parser:" | \"hint\" @@"`
	Tags   []string `parser:" | \"tags\" @Ident (\",\" @Ident)*"`
	Kind   *astKind `parser:" | @@ )"`
}

type astKind struct {
	Pos     lexer.Position
	Simple  string  `parser:"(  @(\"yesno\" | \"nps\" | \"emotion\" | \"text\")"`
	Range   string  `parser:" | @(\"scale\" | \"ces\" | \"csat\")"`
	Lo      *astNum `parser:"   @@ \"..\""`
	Hi      *astNum `parser:"   @@"`
	Measure bool    `parser:" | @\"measure\""`
	Unit    *string `parser:"   @String?"`
	Op      string  `parser:"   \"target\" @(\"<=\" | \"<\" | \">=\" | \">\" | \"==\" | \"!=\")"`
	Target  *astNum `parser:"   @@"`
	Ref     string  `parser:" | @Ident )"`
}

// astNum is a number or a percentage; which one a place takes is checked
// when building the model, to say "write 85%" rather than "unexpected".
type astNum struct {
	Pos   lexer.Position
	Value string `parser:"@(Number | Percent)"`
}

type astText struct {
	Pos  lexer.Position
	Text string   `parser:"@String"`
	Tr   []*astTr `parser:"@@*"`
}

type astTr struct {
	Pos  lexer.Position
	Lang string `parser:"@Lang"`
	Text string `parser:"@String"`
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
	Not   *astNot  `parser:"(  \"not\" @@"`
	Paren *astOr   `parser:" | \"(\" @@ \")\""`
	Atom  *astAtom `parser:" | @@ )"`
}

type astAtom struct {
	Pos    lexer.Position
	ID     string   `parser:"@Ident"`
	Op     string   `parser:"( @(\"==\" | \"!=\" | \"<=\" | \"<\" | \">=\" | \">\")"`
	Option string   `parser:"  ( @Ident"`
	Number *astNum  `parser:"  | @@ )"`
	In     []string `parser:"| \"in\" \"(\" @Ident (\",\" @Ident)* \")\" )?"`
}
