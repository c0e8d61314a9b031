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
