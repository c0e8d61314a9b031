//go:build !race

package metrics

// raceEnabled shortens the seeded simulations under -race, which runs
// them about six times slower; the plain run keeps their full size.
const raceEnabled = false
