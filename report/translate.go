package report

import "github.com/cxkit/cxkit/korto"

// translate puts the titles of rep in lang, where the checklist has
// them; texts without a translation keep the default language.
func translate(rep *korto.Report, c *korto.Checklist, lang string) {
	levels := map[int]korto.Text{}
	sections := map[string]korto.Text{}
	for _, l := range c.Levels {
		if l == nil {
			continue
		}
		levels[l.Number] = l.Title
		var walk func([]korto.Item)
		walk = func(items []korto.Item) {
			for _, it := range items {
				if it.Section != nil {
					sections[it.Section.ID] = it.Section.Title
					walk(it.Section.Items)
				}
			}
		}
		walk(l.Items)
	}
	question := func(id, title string) string {
		if q := c.Question(id); q != nil {
			return q.Text.In(lang)
		}
		return title
	}
	groups := append([]*korto.GroupSummary{&rep.Overall}, nil)[:1]
	for i := range rep.Groups {
		groups = append(groups, &rep.Groups[i])
	}
	for _, g := range groups {
		for i := range g.Levels {
			if t, ok := levels[g.Levels[i].Level]; ok {
				g.Levels[i].Title = t.In(lang)
			}
		}
		for i := range g.Sections {
			if t, ok := sections[g.Sections[i].ID]; ok {
				g.Sections[i].Title = t.In(lang)
			}
		}
		for i := range g.Questions {
			g.Questions[i].Title = question(g.Questions[i].ID, g.Questions[i].Title)
		}
		for i := range g.Survey {
			g.Survey[i].Title = question(g.Survey[i].ID, g.Survey[i].Title)
		}
		for i := range g.Bands {
			if i < len(c.Bands) && c.Bands[i] != nil {
				g.Bands[i].Name = c.Bands[i].Name.In(lang)
			}
		}
		if g.CSI != nil {
			for i := range g.CSI.Attributes {
				g.CSI.Attributes[i].Title = question(g.CSI.Attributes[i].ID, g.CSI.Attributes[i].Title)
			}
		}
		for i := range g.TopProblems {
			g.TopProblems[i].Title = question(g.TopProblems[i].ID, g.TopProblems[i].Title)
		}
	}
	for i := range rep.OpenPromises {
		rep.OpenPromises[i].Title = question(rep.OpenPromises[i].Promise, rep.OpenPromises[i].Title)
	}
	for i := range rep.CriticalFailures {
		rep.CriticalFailures[i].Title = question(rep.CriticalFailures[i].Question, rep.CriticalFailures[i].Title)
	}
	for i := range rep.Drivers {
		o := &rep.Drivers[i]
		o.Title = question(o.Outcome, o.Title)
		for j := range o.Drivers {
			o.Drivers[j].Title = question(o.Drivers[j].Question, o.Drivers[j].Title)
		}
	}
}
