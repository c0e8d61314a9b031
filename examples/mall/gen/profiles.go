package main

// centre is the quality profile of one shopping centre: how likely each
// part of the checklist is to be done right there, and the facts about
// the building that do not change from visit to visit.
//
// Probabilities are looked up from the most specific entry: the question
// ID, then the lowest of its tags, then its level. Questions the profile
// does not mention get the level's probability, so new questions in the
// checklist are answered sensibly without touching this file.
type centre struct {
	Name string
	// Level is the probability of a good answer on each level.
	Level map[int]float64
	// Tags lowers (or raises) whole topics, e.g. "digital" or "toilets".
	Tags map[string]float64
	// Questions pins single questions, e.g. a recurring critical failure.
	Questions map[string]float64
	// Facts answers the unscored questions: the building has a car park
	// or not, the same on every visit.
	Facts map[string]string
	// Missing lists `na` questions about features the centre lacks; they
	// are answered "na" on every visit.
	Missing []string
	// Mood shifts the survey answers up or down on top of what the visit
	// itself was like (loyal regulars, a tired neighbourhood centre).
	Mood float64
}

// centres are the three example centres: a well-run one, a clean one
// whose functions lag behind (weak level 2), and one with recurring
// critical failures in its toilets.
var centres = []centre{
	{
		Name:  "ТЦ Европа",
		Level: map[int]float64{1: 0.96, 2: 0.9},
		Tags:  map[string]float64{"speed": 0.8},
		Facts: map[string]string{
			"has_parking": "yes", "parking_kind": "both", "has_food_court": "yes",
		},
	},
	{
		Name:  "ТЦ Радуга",
		Level: map[int]float64{1: 0.93, 2: 0.7},
		Tags: map[string]float64{
			"digital": 0.45, "navigation": 0.6, "staff": 0.65, "speed": 0.5,
		},
		Questions: map[string]float64{"wifi": 0.85, "lifts_work": 0.55},
		Facts: map[string]string{
			"has_parking": "yes", "parking_kind": "surface", "has_food_court": "no",
		},
		Missing: []string{"family_room", "family_room_kit", "nav_kiosk", "gift_cards", "stroller_rent"},
		// Cheap rents, cheap shops: regulars forgive the slow Wi-Fi.
		Mood: 0.04,
	},
	{
		Name:  "ТЦ Северный",
		Level: map[int]float64{1: 0.9, 2: 0.8},
		Tags:  map[string]float64{"toilets": 0.72, "hygiene": 0.82},
		Questions: map[string]float64{
			// The sewage smell comes back on about every third visit: the
			// drains of the ground-floor washrooms were never fixed.
			"wc_smell": 0.68,
			"wc_soap":  0.6,
			// Loading staff prop the east exit shut now and then.
			"exits_clear": 0.9,
		},
		Facts: map[string]string{
			"has_parking": "no", "has_food_court": "yes",
		},
		Missing: []string{"cinema_signs", "kids_zone", "escalators_work"},
		Mood:    -0.08,
	},
}

// auditors of the agency, each with a habit: a strict auditor finds a
// little more wrong than a lenient one on the same visit.
var auditors = []struct {
	Name   string
	Strict float64
}{
	{"А. Петрова", 0.02},
	{"И. Соколов", 0},
	{"Е. Миронова", -0.01},
	{"Д. Орлов", 0.03},
}

// naRate is how often a question allowed `na` is not applicable on a
// visit for a reason other than a missing feature: the visit was in
// daylight, no announcement was made, the warm season.
var naRate = map[string]float64{
	"outside_light":    0.85,
	"entrance_climate": 0.7,
	"announcements":    0.35,
	"ramp_clear":       0.3,
	"plants":           0.1,
}

// defaultNARate applies to `na` questions naRate does not list.
const defaultNARate = 0.03

// complaints turn a failed question into a visitor's comment. Questions
// without an entry fall back to the general remarks below.
var complaints = map[string]string{
	"wc_smell":       "В туалете на первом этаже опять запах канализации.",
	"wc_soap":        "В туалете не было мыла.",
	"wc_paper":       "В кабинках закончилась бумага.",
	"exits_clear":    "Запасной выход заставлен коробками.",
	"wifi_speed":     "Wi-Fi почти не работает.",
	"wifi_login":     "К Wi-Fi так и не смогла подключиться.",
	"nav_find_time":  "Долго искала нужный магазин, указатели не помогают.",
	"nav_directory":  "На схеме у входа устаревший список магазинов.",
	"lifts_work":     "Половина лифтов стоит.",
	"fc_seat":        "На фуд-корте негде сесть.",
	"fc_wait":        "Заказ на фуд-корте ждали больше десяти минут.",
	"info_answer":    "На стойке информации не смогли подсказать.",
	"checkout_queue": "Очереди на кассах.",
	"park_find_time": "Долго искали место на парковке.",
	"floors_clean":   "Грязные полы в галереях.",
}

var (
	praise = []string{
		"Чисто, светло, всё нашла быстро.",
		"Удобно с детьми, есть где отдохнуть.",
		"Приветливый персонал, хорошая навигация.",
		"Всё работает, приятно зайти.",
	}
	neutral = []string{
		"Обычный визит, без сюрпризов.",
		"В целом нормально.",
		"Ничего особенного.",
	}
)
