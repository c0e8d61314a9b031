package metrics

import (
	"errors"
	"math"
)

func nanF() float64           { return math.NaN() }
func infF() float64           { return math.Inf(1) }
func sqrtF(x float64) float64 { return math.Sqrt(x) }

func asRange(err error, re **RangeError) bool { return errors.As(err, re) }
