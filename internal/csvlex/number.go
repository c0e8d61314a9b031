package csvlex

import "strings"

// DecimalPoint returns cell with its decimal comma written as a point,
// and whether it had one. A cell has a decimal comma when it holds
// exactly one comma and no point ("4,5"): spreadsheets in locales that
// write decimals so (Russian Excel among them) save such cells in files
// separated by semicolons. Readers call it where the file's separator
// allows a decimal comma, and to suggest the point where it does not; a
// cell such as "1,000.5" or "1,2,3" is left as it is, for the number
// parser to refuse.
func DecimalPoint(cell string) (string, bool) {
	if strings.Count(cell, ",") != 1 || strings.Contains(cell, ".") {
		return cell, false
	}
	return strings.Replace(cell, ",", ".", 1), true
}
