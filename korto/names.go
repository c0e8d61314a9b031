package korto

// Names of the levels an audit can reach, per model, as the scoring spec
// gives them: index k is the name of "reached = k". Index 0 names an audit
// whose first level did not pass.
var (
	kortoReachedRu = [...]string{
		"ниже основы",
		"Основа и стандарт",
		"Функции и удобство",
		"Атмосфера и эмоции",
		"Впечатления и восторг",
	}
	kortoReachedEn = [...]string{
		"below foundation",
		"Foundation and standard",
		"Functions and convenience",
		"Atmosphere and emotions",
		"Impressions and delight",
	}
	kotlerReachedRu = [...]string{"ужасный", "базовый", "ожидаемый", "желанный", "WOW", "невероятный"}
	kotlerReachedEn = [...]string{"terrible", "basic", "expected", "desired", "WOW", "incredible"}
)

// ReachedName returns the name of level k of model m, the name reports
// give an audit that reached k: Russian in Text, English under "en". For
// a level the model does not have it returns the zero Text.
func (m Model) ReachedName(k int) Text {
	ru, en := reachedNames(m, k)
	if ru == "" {
		return Text{}
	}
	return Text{Text: ru, Tr: map[string]string{"en": en}}
}

// reachedNames returns the Russian and English names of level k of model
// m, or two empty strings when the model has no such level.
func reachedNames(m Model, k int) (ru, en string) {
	switch m {
	case ModelKORTO, "":
		if k >= 0 && k < len(kortoReachedRu) {
			return kortoReachedRu[k], kortoReachedEn[k]
		}
	case ModelKotler:
		if k >= 0 && k < len(kotlerReachedRu) {
			return kotlerReachedRu[k], kotlerReachedEn[k]
		}
	}
	return "", ""
}

// LevelName is what people are shown for level k of c in lang (a tag as
// for [Checklist.ShownLang]), in every table, drawing and line of a
// report that names a level: the checklist's own title of its level k,
// which is what its authors call that step ("Продажа"), and, for a level
// it does not have, the model's name ([Model.ReachedName]): level 0, an
// audit below the first level, and levels of the model the checklist
// leaves out. The model's names exist in Russian and English; a
// checklist shown in another language gets the English ones. So a level
// is never "Продажа" in one table and "Функции и удобство" in the next.
//
// The JSON keeps the model's names under reached_name (and a reached
// distribution's name), as the scoring spec gives them, beside each
// level's title.
func (c *Checklist) LevelName(k int, lang string) string {
	model := ModelKORTO
	if c != nil {
		for _, l := range c.Levels {
			if l != nil && l.Number == k && !l.Title.IsZero() {
				return l.Title.In(lang)
			}
		}
		model = c.EffectiveModel()
	}
	name := model.ReachedName(k)
	if c.ShownLang(lang) == "ru" {
		return name.Text
	}
	return name.In("en")
}
