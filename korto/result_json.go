package korto

import (
	"encoding/json"
	"reflect"
	"sync"
)

// A Result's JSON is the scoring spec's: the translated ReachedName is
// written as two strings, reached_name and reached_name_en, in its place
// among the other fields. Rather than a second list of Result's fields
// to keep in step, the JSON form is a struct type made once from
// Result's own fields by reflection, with that one field split in two;
// encoding/json does the rest, so every other field keeps its tag, its
// order and its encoding.

// resultReachedField is the name of the Result field written as two.
const resultReachedField = "ReachedName"

var resultWire = sync.OnceValue(func() resultCodec {
	rt := reflect.TypeFor[Result]()
	var fields []reflect.StructField
	var c resultCodec
	for i := range rt.NumField() {
		f := rt.Field(i)
		if f.Name == resultReachedField {
			c.ru = len(fields)
			fields = append(fields,
				reflect.StructField{Name: "ReachedNameRu", Type: reflect.TypeFor[string](), Tag: `json:"reached_name"`},
				reflect.StructField{Name: "ReachedNameEn", Type: reflect.TypeFor[string](), Tag: `json:"reached_name_en"`})
			c.from = append(c.from, -1, -1)
			continue
		}
		fields = append(fields, reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag})
		c.from = append(c.from, i)
	}
	c.t = reflect.StructOf(fields)
	return c
})

// resultCodec maps Result to its JSON form: field k of t is field
// from[k] of Result, or one of the two names when from[k] is -1.
type resultCodec struct {
	t    reflect.Type
	from []int
	ru   int // index in t of reached_name; reached_name_en follows
}

// MarshalJSON writes the result as the scoring spec's JSON, ReachedName
// as reached_name (its default, Russian text) and reached_name_en.
func (r Result) MarshalJSON() ([]byte, error) {
	c := resultWire()
	src := reflect.ValueOf(&r).Elem()
	w := reflect.New(c.t).Elem()
	for k, i := range c.from {
		if i >= 0 {
			w.Field(k).Set(src.Field(i))
		}
	}
	w.Field(c.ru).SetString(r.ReachedName.Text)
	w.Field(c.ru + 1).SetString(r.ReachedName.In("en"))
	return json.Marshal(w.Interface())
}

// UnmarshalJSON reads what MarshalJSON writes: reached_name becomes
// ReachedName's text and reached_name_en its English translation.
func (r *Result) UnmarshalJSON(b []byte) error {
	c := resultWire()
	w := reflect.New(c.t)
	if err := json.Unmarshal(b, w.Interface()); err != nil {
		return err
	}
	var out Result
	dst := reflect.ValueOf(&out).Elem()
	for k, i := range c.from {
		if i >= 0 {
			dst.Field(i).Set(w.Elem().Field(k))
		}
	}
	ru, en := w.Elem().Field(c.ru).String(), w.Elem().Field(c.ru+1).String()
	out.ReachedName = Text{Text: ru}
	if en != "" {
		out.ReachedName.Tr = map[string]string{"en": en}
	}
	*r = out
	return nil
}
