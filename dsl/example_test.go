package dsl_test

import (
	"fmt"
	"os"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

func ExampleParse() {
	src := []byte(`checklist cafe "Кафе" @en "Cafe" {
  scale stars 1..5
  level 1 "Основа" pass 85% {
    question clean "Столы чистые" critical
    question taste "Вкус блюд" stars weight 2
  }
}
`)
	c, err := dsl.Parse("cafe.korto", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Title.In("en"), "pass", c.Levels[0].EffectivePass())
	for q := range c.Questions() {
		fmt.Printf("%s:%d %s %s weight %g\n", q.Pos.File, q.Pos.Line, q.ID, q.Kind.Type, q.EffectiveWeight())
	}
	// Output:
	// Cafe pass 0.85
	// cafe.korto:4 clean yesno weight 1
	// cafe.korto:5 taste scale weight 2
}

// Every problem comes back at once, each with its position and a hint;
// Render shows them with the source line and a caret.
func ExampleParse_diagnostics() {
	src := []byte(`checklist cafe "Кафе" {
  level 1 "Основа" pass 85 {
    qestion clean "Столы чистые"
  }
}
`)
	_, err := dsl.Parse("cafe.korto", src)
	dsl.Render(os.Stdout, korto.AsDiagnostics(err), src)
	// Output:
	// cafe.korto:2:25: pass takes a percentage, like pass 85%
	//    2 |   level 1 "Основа" pass 85 {
	//      |                         ^
	// hint: write 85%
	// cafe.korto:3:5: unknown keyword "qestion"; did you mean "question"?
	//    3 |     qestion clean "Столы чистые"
	//      |     ^
	// hint: a level holds questions and sections: question ID "text" ... or section ID "Title" { ... }
}

func ExampleFormat() {
	src := []byte(`checklist cafe "Кафе" {
level 1 "Основа" { // the foundation
question taste "Вкус" weight 2 scale 1..5
   question clean "Чисто"   critical   na
}}
`)
	out, err := dsl.Format(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// checklist cafe "Кафе" {
	//   level 1 "Основа" { // the foundation
	//     question taste "Вкус" scale 1..5 weight 2
	//     question clean "Чисто" critical na
	//   }
	// }
}

func ExamplePrint() {
	c := &korto.Checklist{
		ID:    "desk",
		Title: korto.Text{Text: "Help desk", Tr: map[string]string{"ru": "Служба поддержки"}},
		Levels: []*korto.Level{{
			Number: 1, Title: korto.Text{Text: "Basics"}, Pass: new(0.9),
			Items: []korto.Item{{Question: &korto.Question{
				ID: "greet", Text: korto.Text{Text: "The agent greets the customer"}, Critical: true,
			}}},
		}},
	}
	dsl.Print(os.Stdout, c)
	// Output:
	// checklist desk "Help desk" @ru "Служба поддержки" {
	//   level 1 "Basics" pass 90% {
	//     question greet "The agent greets the customer" critical
	//   }
	// }
}
